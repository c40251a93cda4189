"""GUI fixtures: a main window on a fresh data folder, and a fast stand-in for the OCR reader."""

from __future__ import annotations

import time
from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def translations():
    """The .qm files are built, not stored in git: build them once if they are missing."""
    from desktop_app.gui import i18n, i18n_build

    if not (i18n.translations_dir() / "paperasse_fr.qm").exists():
        i18n_build.main([])


@pytest.fixture(autouse=True)
def english(qapp, translations):
    from desktop_app.gui import i18n

    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture
def household(ctx):
    from desktop_app.services import claims, people

    people.add_person(
        ctx, name="Claire Martin", nir="2 85 07 75 115 234 32", birth_date="1985-07-04", sex="F",
        medecin_traitant=True, mutuelle="Mutuelle Horizon", guarantees={"lpp_device": "150% BR"},
    )
    claim = claims.new_claim(
        ctx, "Claire Martin", title="Stimulateur périnéal", care_date="2025-06-20",
        category="lpp_device", amount_paid="304.90", base="304.90",
    )
    return {"claim_id": claim.id}


@pytest.fixture
def window(qtbot, ctx, household):
    from desktop_app.gui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: bool(win.household), timeout=10_000)
    yield win
    win.workers.shutdown()


@pytest.fixture
def fake_reader(monkeypatch):
    """Reads any file in ``delay`` seconds as an invoice; OCR itself is tested in tests/intake."""
    from desktop_app import intake
    from desktop_app.core.errors import Cancelled
    from desktop_app.intake.result import ExtractedField, ReadResult

    # "hold": a page stage the reader stops at until "release" (a threading.Event) is set, or
    # the import is cancelled: a long page, without a clock.
    settings = {"delay": 0.0, "kind": "invoice", "fields": None, "hold": None, "release": None}

    def read_document(path, progress=None, should_cancel=None, stage=None, **_kwargs):
        if stage is not None:
            for name in ("decoding", "preparing", "reading", "fields"):
                if should_cancel and should_cancel():
                    raise Cancelled()
                stage(Path(path), name, 1, 1)
                while name == settings["hold"] and not settings["release"].wait(0.05):
                    if should_cancel and should_cancel():
                        raise Cancelled()
        steps = 4
        for _ in range(steps):
            if should_cancel and should_cancel():
                raise Cancelled()
            time.sleep(settings["delay"] / steps)
        if progress:
            progress(1, 1)
        if settings.get("fields") is not None:  # a test's own reading (a statement, say)
            # A value, or (value, confidence) for a reading the test wants more or less sure.
            fields = {name: ExtractedField(*(value if isinstance(value, tuple) else (value, 0.9)),
                                           page=1)
                      for name, value in settings["fields"].items()}
        else:
            fields = {
                "total_amount": ExtractedField("304.90", 0.55, page=1, bbox=[10, 10, 80, 20]),
                "date": ExtractedField("2025-06-20", 0.92, page=1, bbox=[10, 40, 80, 20]),
            }
        return ReadResult(
            kind=settings.get("kind", "invoice"),
            fields=fields,
            pages=1,
            text=f"Facture stimulateur périnéal {Path(path).stem}",
            text_source=settings.get("text_source", "ocr"),
            warnings=list(settings.get("warnings", [])),
        )

    def read_documents(paths, progress=None, should_cancel=None, **_kwargs):
        results = []
        for index, path in enumerate(paths, start=1):
            results.append(read_document(path, should_cancel=should_cancel,
                                         stage=_kwargs.get("stage")))
            if progress:
                progress(index, len(paths))
        return results

    monkeypatch.setattr(intake, "read_document", read_document)
    monkeypatch.setattr(intake, "read_documents", read_documents)
    return settings


@pytest.fixture
def images(tmp_path):
    """Small distinct PNG files."""
    from PIL import Image, ImageDraw

    def make(count: int) -> list[Path]:
        paths = []
        for i in range(count):
            im = Image.new("L", (120, 80), 255)
            ImageDraw.Draw(im).text((5, 30), f"scan {i}", fill=0)
            path = tmp_path / f"scan_{i:02d}.png"
            im.save(path)
            paths.append(path)
        return paths

    return make
