"""The "Mailing ready" dialog offers to fill in what the letter lacks, in the window: a button
opens the person form on the caisse's address, and the mailing is prepared again with it."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from tests.cli_helpers import NIR


@pytest.fixture
def claim(ctx, tmp_path):
    from desktop_app.services import claims, documents, people

    people.add_person(ctx, name="Claire Martin", nir=NIR, birth_date="1985-07-04", sex="F",
                      medecin_traitant=True, caisse_name="CPAM de l'Ain")
    im = Image.new("RGB", (500, 300), "white")
    ImageDraw.Draw(im).text((20, 20), "feuille de soins", fill="black")
    path = tmp_path / "feuille.png"
    im.save(path)
    (outcome,) = documents.import_files(ctx, [path], "Claire Martin", kind="care_sheet")
    documents.confirm_document(ctx, outcome.document_id,
                               {"nir": NIR, "birth_date": "1985-07-04", "signed": "yes"})
    c = claims.new_claim(ctx, "Claire Martin", care_date="2025-03-01", category="consultation",
                         amount_paid="30", billing="paper")
    claims.add_document(ctx, c.id, outcome.document_id)
    return c.id


class Dialogs:
    """Answers each modal dialog as it opens, one step per dialog, as a user would.

    A dialog left open would keep its own event loop running under the test's wait forever: a
    step that fails closes its dialog, and so does a dialog no step expected; both are
    reported when the test checks ``dialogs.problems``."""

    def __init__(self, steps):
        self.steps = list(steps)
        self.seen = []
        self.problems = []
        self._last = None
        self._timer = QTimer(interval=50)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self):
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is self._last:
            return
        self._last = dialog
        self.seen.append(dialog)
        if not self.steps:
            self.problems.append(f"a dialog no step expected: {dialog.windowTitle()!r}")
            _end(dialog)
            return
        step = self.steps.pop(0)
        QTimer.singleShot(0, lambda: self._answer(step, dialog))

    def _answer(self, step, dialog):
        try:
            step(dialog)
        except Exception as exc:  # noqa: BLE001 - reported by the test, the dialog closed
            self.problems.append(f"{step.__name__}: {exc!r}")
            _end(dialog)

    def stop(self):
        self._timer.stop()
        assert not self.problems, self.problems


def _end(dialog):
    """Ends a dialog's own event loop whatever its buttons (close() is refused by a message box
    without an escape button)."""
    if hasattr(dialog, "done"):
        dialog.done(0)
    else:
        dialog.close()


def _button(box: QMessageBox, text: str):
    (button,) = [b for b in box.buttons() if b.text() == text]
    return button


def test_the_ready_dialog_opens_the_person_form_on_the_caisse_address(qtbot, ctx, claim):
    from desktop_app.gui import mailing

    seen = {}

    def ready_without_address(box):
        seen["first"] = box.informativeText()
        seen["first_buttons"] = [b.text() for b in box.buttons()]
        qtbot.mouseClick(_button(box, "Enter the caisse's address…"), Qt.MouseButton.LeftButton)

    def person_form(view):
        seen["tab"] = view.tabs.tabText(view.tabs.currentIndex())
        seen["focus"] = view.focusWidget() is view.caisse_address
        view.caisse_address.setFocus()
        qtbot.keyClicks(view.caisse_address, "Service des prestations")
        qtbot.keyClick(view.caisse_address, Qt.Key.Key_Return)
        qtbot.keyClicks(view.caisse_address, "01000 Bourg-en-Bresse")
        save = view.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    def ready_again(box):
        seen["second"] = box.informativeText()
        seen["second_buttons"] = [b.text() for b in box.buttons()]
        seen["pdf"] = "".join(p.extract_text() for p in PdfReader(str(flow.pdf_path)).pages[:1])
        qtbot.mouseClick(_button(box, "Close"), Qt.MouseButton.LeftButton)

    dialogs = Dialogs([ready_without_address, person_form, ready_again])
    flow = mailing.prepare_mailing(None, ctx, claim, "cpam")
    try:
        with qtbot.waitSignal(flow.finished, timeout=60_000) as finished:
            pass
    finally:
        dialogs.stop()
    assert finished.args == ["cancelled"]

    assert "no postal address for Claire Martin's caisse" in seen["first"]
    assert "paperasse" not in seen["first"]  # nothing to type anywhere else
    assert "Enter the caisse's address…" in seen["first_buttons"]
    assert seen["tab"] == "Health insurance" and seen["focus"]
    # Prepared again with the address just recorded: nothing left to fill in.
    assert "no postal address" not in (seen["second"] or "")
    assert "Enter the caisse's address…" not in seen["second_buttons"]
    assert "01000 Bourg-en-Bresse" in seen["pdf"]

    from desktop_app.services import people

    assert people.find_person(ctx, "Claire Martin").caisse_address == (
        "Service des prestations\n01000 Bourg-en-Bresse")


@pytest.fixture
def french():
    from desktop_app.gui import i18n

    i18n.install("fr")
    yield
    i18n.install("en")


def test_the_ready_dialog_speaks_french_in_the_french_window(qtbot, ctx, claim, french):
    from desktop_app.gui import mailing

    seen = {}

    def ready(box):
        seen["text"] = box.informativeText()
        seen["buttons"] = [b.text() for b in box.buttons()]
        qtbot.mouseClick(_button(box, "Fermer"), Qt.MouseButton.LeftButton)

    dialogs = Dialogs([ready])
    flow = mailing.prepare_mailing(None, ctx, claim, "cpam")
    try:
        qtbot.waitSignal(flow.finished, timeout=60_000).wait()
    finally:
        dialogs.stop()
    assert "aucune adresse postale pour la caisse de Claire Martin" in seen["text"]
    assert "Saisir l'adresse de la caisse…" in seen["buttons"]


def test_the_keep_page_says_what_to_do_in_the_app(ctx, claim, tmp_path):
    from desktop_app.services import bundle

    out = tmp_path / "envoi.pdf"
    report = bundle.build_bundle(ctx, claim, "cpam", out, override=True)
    memo = PdfReader(str(out)).pages[report.memo_page - 1].extract_text()
    from tests.foundation.test_no_commands_in_the_window import command_in

    memo = memo.replace("\n", " ")
    assert not command_in(memo)
    assert "Marquer comme envoyé" in memo and "ouvrez la demande" in memo


def test_notices_are_worded_in_each_language_from_language_free_values():
    from desktop_app.services.bundle import notice_text

    sent = {"id": "bundle.already_sent",
            "values": {"payer": "cpam", "sent_on": "2025-06-24", "channel": "", "state": "sent"}}
    assert notice_text(sent, "fr") == (
        "cette demande a déjà été envoyée à la CPAM le 24/06/2025 (son suivi est « envoyée »)")
    assert notice_text(sent, "en") == (
        "this claim was already sent to the CPAM on 2025-06-24 (its track is sent)")
