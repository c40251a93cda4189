"""Watched-folder fixtures: a folder to watch, scans to drop into it, a fast stand-in for OCR."""

from __future__ import annotations

import io

import pytest

from tests.gui.conftest import fake_reader  # noqa: F401 - the same stand-in as the window's tests


@pytest.fixture
def inbox_dir(tmp_path):
    folder = tmp_path / "Scans"
    folder.mkdir()
    return folder


@pytest.fixture
def png_bytes():
    """Distinct small PNG images, as bytes."""
    from PIL import Image, ImageDraw

    def make(label: str) -> bytes:
        image = Image.new("L", (160, 90), 255)
        ImageDraw.Draw(image).text((5, 30), label, fill=0)
        out = io.BytesIO()
        image.save(out, "PNG")
        return out.getvalue()

    return make


@pytest.fixture
def reader(fake_reader, monkeypatch):  # noqa: F811 - the fixture imported above
    """PNG files read at once by the stand-in; anything else goes to the real reader, which
    refuses what is not a scan or a PDF without any OCR."""
    from desktop_app import intake
    from desktop_app.intake import pipeline

    fake, real = intake.read_documents, pipeline.read_documents

    def read_documents(paths, progress=None, should_cancel=None, **kwargs):
        results = []
        for path in paths:
            with open(path, "rb") as handle:
                is_png = handle.read(8) == b"\x89PNG\r\n\x1a\n"
            use = fake if is_png else real
            results += use([path], should_cancel=should_cancel, **kwargs)
        return results

    monkeypatch.setattr(intake, "read_documents", read_documents)
    return fake_reader
