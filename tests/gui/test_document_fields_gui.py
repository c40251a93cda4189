"""Typing a field the scan did not show, in the document pane: checked, saved, the checklist follows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from desktop_app.services import documents
from tests.gui.waiting import settle

WAIT = 30_000
BIRTH_DATE_MISSING = "The care sheet does not show Claire Martin's birth date."


@pytest.fixture
def care_sheet(ctx, household, fake_reader, images):
    """A care sheet attached to the claim, whose birth date boxes were not read."""
    fake_reader["kind"] = "care_sheet"
    fake_reader["fields"] = {"patient_name": "Claire Martin", "nir": "285077511523432",
                             "signed": True, "care_date": "2025-06-20"}
    outcome = documents.import_files(
        ctx, images(1), person_ref="Claire Martin", claim_id=household["claim_id"]
    )[0]
    assert outcome.ok, outcome.error
    return outcome.document_id


def _rows(window):
    """The checklist's rows as shown (rows replaced by a new rendering are on their way out)."""
    layout = window.claim_view.checklist
    return [layout.itemAt(i).widget() for i in range(layout.count()) if layout.itemAt(i).widget()]


def _checklist(window) -> str:
    texts = []
    for row in _rows(window):
        labels = [row] if isinstance(row, QLabel) else row.findChildren(QLabel)
        texts += [label.text() for label in labels]
    return "\n".join(texts)


def _fix_button(window, text: str) -> QPushButton:
    for row in _rows(window):
        for button in row.findChildren(QPushButton):
            if text in button.accessibleName():
                return button
    raise AssertionError(f"no fix button for {text!r}")


def _type(qtbot, editor, text: str) -> None:
    editor.edit.setFocus()
    editor.edit.selectAll()
    qtbot.keyClicks(editor.edit, text)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)


def test_a_field_not_read_is_typed_in_the_pane_and_the_checklist_item_goes(
        qtbot, window, ctx, household, care_sheet):
    window.show_claim(household["claim_id"])
    settle(qtbot, window)
    assert BIRTH_DATE_MISSING in _checklist(window)
    qtbot.mouseClick(_fix_button(window, BIRTH_DATE_MISSING), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.detail.currentWidget() is window.document_view
    editor = window.document_controller.editors["birth_date"]
    assert editor.missing and editor.edit.text() == ""
    assert "not read on the scan" in editor.status.text()
    assert window.document_view.fields_form.labelForField(editor).text() == "Birth date"
    _type(qtbot, editor, "04/07/1985")
    qtbot.waitUntil(
        lambda: "birth_date" in documents.get_document(ctx, care_sheet).fields, timeout=WAIT)
    field = documents.get_document(ctx, care_sheet).fields["birth_date"]
    assert field.value == "1985-07-04" and field.confirmed
    qtbot.waitUntil(lambda: not window.document_controller.saving, timeout=WAIT)
    assert window.document_controller.editors["birth_date"].edit.text() == "04/07/1985"
    window.show_claim(household["claim_id"])
    settle(qtbot, window)
    assert BIRTH_DATE_MISSING not in _checklist(window)


def test_a_refused_value_is_said_under_the_field_and_nothing_is_saved(
        qtbot, window, ctx, care_sheet):
    window.show_document(care_sheet)
    settle(qtbot, window)
    editor = window.document_controller.editors["birth_date"]
    _type(qtbot, editor, "31/02/2025")
    assert editor.problem.isVisible()
    assert "“31/02/2025” is not a date" in editor.problem.text()
    assert "DD/MM/YYYY" in editor.problem.text()
    nir = window.document_controller.editors["nir"]
    _type(qtbot, nir, "2 85 07 75 115 234 99")
    assert "key is 99" in nir.problem.text() and "32" in nir.problem.text()
    assert "birth_date" not in documents.get_document(ctx, care_sheet).fields
    assert documents.get_document(ctx, care_sheet).fields["nir"].value == "285077511523432"
    qtbot.keyClicks(editor.edit, "x")  # typing again: the refusal goes
    assert not editor.problem.isVisible()


def test_the_french_window_refuses_31_february_under_the_field(qtbot, ctx, household, care_sheet):
    from desktop_app.gui import i18n
    from desktop_app.gui.main_window import MainWindow

    i18n.install("fr")
    ctx.set_setting("language", "fr")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    try:
        win.show_document(care_sheet)
        settle(qtbot, win)
        editor = win.document_controller.editors["birth_date"]
        assert win.document_view.fields_form.labelForField(editor).text() == "Date de naissance"
        assert "pas lu sur le scan" in editor.status.text()
        _type(qtbot, editor, "31/02/2025")
        assert "« 31/02/2025 » n'est pas une date" in editor.problem.text()
        assert "JJ/MM/AAAA" in editor.problem.text()
        assert "birth_date" not in documents.get_document(ctx, care_sheet).fields
        amount = win.document_controller.editors["total_amount"]
        _type(qtbot, amount, "30,50")
        qtbot.waitUntil(
            lambda: "total_amount" in documents.get_document(ctx, care_sheet).fields, timeout=WAIT)
        assert documents.get_document(ctx, care_sheet).fields["total_amount"].value == "30.50"
    finally:
        win.workers.shutdown()


def test_undo_puts_a_typed_field_back(qtbot, window, ctx, household, care_sheet):
    window.show_document(care_sheet)
    settle(qtbot, window)
    editor = window.document_controller.editors["birth_date"]
    _type(qtbot, editor, "04/07/1985")
    qtbot.waitUntil(
        lambda: "birth_date" in documents.get_document(ctx, care_sheet).fields, timeout=WAIT)
    qtbot.waitUntil(lambda: window.document_view.undo_edit.isEnabled(), timeout=WAIT)
    qtbot.mouseClick(window.document_view.undo_edit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "birth_date" not in documents.get_document(ctx, care_sheet).fields, timeout=WAIT)
    qtbot.waitUntil(lambda: not window.document_controller.saving, timeout=WAIT)
    settle(qtbot, window)  # the pane is drawn again after the undo
    assert window.document_controller.editors["birth_date"].missing
    window.show_claim(household["claim_id"])
    settle(qtbot, window)
    assert BIRTH_DATE_MISSING in _checklist(window)


def test_every_field_of_the_kind_is_offered(qtbot, window, ctx, fake_reader, images):
    fake_reader["kind"] = "prescription"
    fake_reader["fields"] = {"patient_name": "Claire Martin"}
    doc_id = documents.import_files(ctx, images(1))[0].document_id
    window.show_document(doc_id)
    settle(qtbot, window)
    editors = window.document_controller.editors
    assert {"patient_name", "patient_birth_date", "prescriber_name", "prescriber_rpps", "date",
            "items", "ald"} <= set(editors)
    assert not editors["patient_name"].missing and editors["prescriber_rpps"].missing
    _type(qtbot, editors["prescriber_rpps"], "123")
    assert "11 digits" in editors["prescriber_rpps"].problem.text()


def test_a_statements_payer_reads_as_the_window_names_it_and_is_typed_back_so(
        qtbot, window, ctx, household, fake_reader, images):
    fake_reader["kind"] = "statement"
    fake_reader["fields"] = {"payer": "cpam", "statement_date": "2025-07-08", "total_paid": "182.94"}
    outcome = documents.import_files(ctx, images(1), person_ref="Claire Martin")[0]
    assert outcome.ok, outcome.error
    window.show_document(outcome.document_id)
    settle(qtbot, window)
    editor = window.document_controller.editors["payer"]
    assert editor.edit.text() == "CPAM"
    _type(qtbot, editor, "Mutelle")  # a slip: refused, said under the field
    qtbot.waitUntil(editor.problem.isVisible, timeout=WAIT)
    assert "CPAM or mutuelle" in editor.problem.text()
    _type(qtbot, editor, "Mutuelle")
    qtbot.waitUntil(lambda: documents.get_document(ctx, outcome.document_id).fields["payer"].value
                    == "mutuelle", timeout=WAIT)
    qtbot.waitUntil(lambda: not window.document_controller.saving, timeout=WAIT)
    assert window.document_controller.editors["payer"].edit.text() == "Mutuelle"
