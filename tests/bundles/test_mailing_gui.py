"""Preparing a mailing from the desktop app, offscreen, with the dialogs answered by the test."""

from __future__ import annotations

import threading

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from tests.cli_helpers import NIR

pytest.importorskip("pytestqt")


@pytest.fixture
def claim(ctx, tmp_path):
    """A CPAM-ready consultation claim with a care sheet, built through the services."""
    from desktop_app.services import claims, documents, people

    people.add_person(ctx, name="Claire Martin", nir=NIR, birth_date="1985-07-04", sex="F",
                      medecin_traitant=True, caisse_name="CPAM de Paris")
    im = Image.new("RGB", (500, 300), "white")
    ImageDraw.Draw(im).text((20, 20), "feuille de soins", fill="black")
    path = tmp_path / "feuille.png"
    im.save(path)
    (outcome,) = documents.import_files(ctx, [path], "Claire Martin", kind="care_sheet")
    c = claims.new_claim(ctx, "Claire Martin", care_date="2025-03-01", category="consultation",
                         amount_paid="30")
    claims.add_document(ctx, c.id, outcome.document_id)
    return {"id": c.id, "sheet": outcome.document_id}


@pytest.fixture
def answers(monkeypatch):
    """What the user answers to each question, by kind; the questions asked are recorded."""
    from desktop_app.gui import mailing

    script = {"blocked": "anyway", "ready": "save", "mark_sent": "yes"}
    asked = []

    def ask(parent, kind, title, text, buttons, details=None):
        assert threading.current_thread() is threading.main_thread()
        asked.append((kind, text, details))
        assert script[kind] in [key for key, _label in buttons]
        return script[kind]

    monkeypatch.setattr(mailing, "_ask", ask)
    return {"script": script, "asked": asked}


def test_prepare_mailing_saves_the_file_and_marks_it_sent(qtbot, ctx, claim, answers, tmp_path,
                                                          monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QWidget

    from desktop_app.gui import mailing
    from desktop_app.services import documents, tracking

    documents.confirm_document(ctx, claim["sheet"], {"nir": NIR, "birth_date": "1985-07-04",
                                                     "signed": "yes"})
    target = tmp_path / "out" / "envoi.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PDF files (*.pdf)")))
    forks = []
    real_fork = type(ctx).fork

    def fork(self):
        forked = real_fork(self)
        forks.append((forked, threading.current_thread()))
        return forked

    monkeypatch.setattr(type(ctx), "fork", fork)
    parent = QWidget()
    qtbot.addWidget(parent)
    sent = []
    with qtbot.waitSignal(mailing.prepare_mailing(parent, ctx, claim["id"], "cpam",
                                                  on_sent=lambda: sent.append(True)).finished,
                          timeout=20_000) as blocker:
        pass
    assert blocker.args == ["saved"]
    assert [kind for kind, *_rest in answers["asked"]] == ["ready", "mark_sent"]
    assert target.exists() and len(PdfReader(str(target)).pages) == 3  # letter, sheet, memo
    assert sent == [True]
    assert tracking.claim_status(ctx, claim["id"]).tracks["cpam"].state == "sent"
    # The bundle was built on a worker thread, on a connection of its own.
    assert forks and all(t is not threading.main_thread() for _c, t in forks)
    assert not list(ctx.paths.tmp.rglob("mailing-*.pdf"))  # the temporary copy is gone


def test_blocked_claim_shows_the_checklist_and_can_be_prepared_anyway(qtbot, ctx, claim, answers,
                                                                       tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QWidget

    from desktop_app.gui import mailing
    from desktop_app.services import tracking

    answers["script"]["mark_sent"] = "no"
    target = tmp_path / "envoi.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    parent = QWidget()
    qtbot.addWidget(parent)
    flow = mailing.prepare_mailing(parent, ctx, claim["id"], "cpam")
    with qtbot.waitSignal(flow.finished, timeout=20_000) as blocker:
        pass
    assert blocker.args == ["saved"] and target.exists()
    kinds = [kind for kind, *_rest in answers["asked"]]
    assert kinds == ["blocked", "ready", "mark_sent"]
    checklist = answers["asked"][0][1]
    assert "1." in checklist and "birth date" in checklist  # what the care sheet lacks
    assert "incomplete" in (answers["asked"][1][2] or "")  # the warnings come with the offer
    assert tracking.claim_status(ctx, claim["id"]).tracks["cpam"].state != "sent"

    answers["asked"].clear()
    answers["script"]["blocked"] = "cancel"
    flow = mailing.prepare_mailing(parent, ctx, claim["id"], "cpam")
    with qtbot.waitSignal(flow.finished, timeout=20_000) as blocker:
        pass
    assert blocker.args == ["cancelled"]
    assert [kind for kind, *_rest in answers["asked"]] == ["blocked"]


def test_print_paints_every_page(qtbot, ctx, claim, answers, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

    from desktop_app.gui import mailing

    answers["script"]["ready"] = "print"
    printed = tmp_path / "printed.pdf"

    def print_dialog(printer, parent):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(mailing, "_print_dialog", print_dialog)
    parent = QWidget()
    qtbot.addWidget(parent)
    flow = mailing.prepare_mailing(parent, ctx, claim["id"], "cpam")
    with qtbot.waitSignal(flow.finished, timeout=30_000) as blocker:
        pass
    assert blocker.args == ["printed"]
    assert len(PdfReader(str(printed)).pages) == flow.report.pages == 3
