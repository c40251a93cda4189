"""The person form as a user fills it: messages under their field, the sex read from the NIR,
the NIR grouped as on the carte Vitale, a beneficiary's insurance shown from the insured person,
and "Edit person…" opening the form on the field to fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.gui.waiting import settle


@pytest.fixture
def editor(qtbot, ctx):
    from desktop_app.gui.controllers.person_controller import PersonController

    def open_editor(person_id=None, field=None):
        form = PersonController(ctx, None, person_id, field)
        qtbot.addWidget(form.view)
        form.view.show()
        form.focus(field)
        return form

    return open_editor


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def _save_button(form):
    return form.view.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_a_nir_error_shows_under_the_nir_and_goes_once_it_is_right(qtbot, editor):
    form = editor()
    v = form.view
    _type(qtbot, v.name, "Lucas Martin")
    _type(qtbot, v.nir, "1 84 12 76 451 089 99")
    assert v.nir_check.isVisible() and v.nir_check.text().startswith("✗")
    assert "#b3261e" in v.nir_check.styleSheet()
    # Right under the field, in the same column: not a row or a dialog away.
    field_bottom = v.nir.mapTo(v, QPoint(0, v.nir.height())).y()
    check_top = v.nir_check.mapTo(v, QPoint(0, 0)).y()
    assert 0 <= check_top - field_bottom <= 10
    assert v.nir_check.mapTo(v, QPoint(0, 0)).x() == v.nir.mapTo(v, QPoint(0, 0)).x()

    v.tabs.setCurrentIndex(3)
    qtbot.mouseClick(_save_button(form), Qt.MouseButton.LeftButton)
    assert v.isVisible()  # not saved
    assert v.tabs.currentIndex() == 0 and v.focusWidget() is v.nir  # back on the field to fix
    assert not v.error.isVisible()

    qtbot.keyClick(v.nir, Qt.Key.Key_Backspace)
    qtbot.keyClick(v.nir, Qt.Key.Key_Backspace)
    qtbot.keyClicks(v.nir, "46")
    assert v.nir_check.text().startswith("✓")
    assert "#b3261e" not in v.nir_check.styleSheet()


def test_an_error_from_saving_goes_as_soon_as_the_user_edits(qtbot, editor, ctx):
    from desktop_app.services import people

    people.add_person(ctx, name="Claire Martin")
    form = editor()
    v = form.view
    _type(qtbot, v.name, "Claire Martin")
    qtbot.mouseClick(_save_button(form), Qt.MouseButton.LeftButton)
    assert v.error.isVisible() and "already in the household" in v.error.text()
    assert "paperasse" not in v.error.text()
    qtbot.keyClicks(v.name, " 2")
    assert not v.error.isVisible()


def test_the_sex_comes_from_the_nir_unless_the_user_chose_it(qtbot, editor):
    form = editor()
    v = form.view
    _type(qtbot, v.nir, "1 84 12 76 451 089 46")
    assert v.sex.currentText() == "Man"
    v.nir.clear()
    _type(qtbot, v.nir, "2 85 07 75 115 234 32")
    assert v.sex.currentText() == "Woman"

    other = editor()
    v = other.view
    v.sex.setFocus()
    qtbot.keyClick(v.sex, Qt.Key.Key_Down)  # "Woman", picked by the user
    assert v.sex.currentText() == "Woman"
    _type(qtbot, v.nir, "1 84 12 76 451 089 46")
    assert v.sex.currentText() == "Woman"  # the user's choice stands (the check warns)
    assert v.nir_check.text().startswith("⚠")


def test_the_nir_comes_back_grouped_as_on_the_carte_vitale(qtbot, editor, ctx):
    from desktop_app.services import people

    lucas = people.add_person(ctx, name="Lucas Martin", nir="184127645108946").person
    form = editor(lucas.id)
    assert form.view.nir.text() == "1 84 12 76 451 089 46"
    assert form.view.sex.currentText() == "Man"

    typed = editor()
    with qtbot.waitActive(typed.view):
        typed.view.activateWindow()
    _type(qtbot, typed.view.nir, "184127645108946")
    qtbot.keyClick(typed.view.nir, Qt.Key.Key_Tab)  # leaving the field groups it
    assert typed.view.nir.text() == "1 84 12 76 451 089 46"


def test_the_birth_date_placeholder_speaks_the_interface_language(qtbot, editor):
    from desktop_app.gui import i18n

    assert editor().view.birth_date.placeholderText() == "DD/MM/YYYY"
    i18n.install("fr")
    assert editor().view.birth_date.placeholderText() == "JJ/MM/AAAA"


def test_a_beneficiary_sees_the_insured_persons_insurance_read_only(qtbot, editor, ctx):
    from desktop_app.services import people

    people.add_person(ctx, name="Claire Martin", caisse_name="CPAM de la Gironde",
                      caisse_code="331", mutuelle="Mutuelle Horizon")
    child = people.add_person(ctx, name="Léa Martin", beneficiary_of="Claire Martin").person
    form = editor(child.id)
    v = form.view
    v.tabs.setCurrentIndex(1)
    assert v.caisse_name.text() == "CPAM de la Gironde" and v.caisse_name.isReadOnly()
    assert v.caisse_code.text() == "331" and not v.regime.isEnabled()
    assert v.insurance_note.isVisible() and "Claire Martin" in v.insurance_note.text()
    assert "read-only" in v.insurance_note.text()
    v.tabs.setCurrentIndex(2)
    assert v.mutuelle_note.isVisible() and "Mutuelle Horizon" in v.mutuelle_note.text()
    assert v.mutuelle.placeholderText() == "Mutuelle Horizon"

    qtbot.mouseClick(_save_button(form), Qt.MouseButton.LeftButton)
    saved = people.find_person(ctx, child.id)
    assert saved.caisse_name is None and saved.mutuelle_name is None  # nothing copied over

    # Insured in their own name again: the fields are theirs to fill.
    form = editor(child.id)
    form.view.insured.setCurrentIndex(0)
    assert form.view.caisse_name.text() == "" and not form.view.caisse_name.isReadOnly()
    assert not form.view.insurance_note.isVisible()


def test_edit_person_beside_no_iban_opens_the_iban(qtbot, window, household):
    from PySide6.QtWidgets import QPushButton

    window.show_claim(household["claim_id"])
    settle(qtbot, window)
    view = window.claim_controller.view
    buttons = []

    def iban_button():
        buttons[:] = [
            b for b in view.findChildren(QPushButton)
            if b.text() == "Edit person…" and b.isVisible() and "IBAN" in _row_text(b)
        ]
        return bool(buttons)

    qtbot.waitUntil(iban_button, timeout=30_000)
    seen = {}

    def look_then_close():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, look_then_close)
            return
        try:  # a failed look still closes the dialog: its own loop would wait forever
            seen["tab"] = dialog.tabs.tabText(dialog.tabs.currentIndex())
            seen["focus"] = dialog.focusWidget() is dialog.iban
        finally:
            dialog.reject()

    QTimer.singleShot(0, look_then_close)
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert seen == {"tab": "Bank and notes", "focus": True}


def _row_text(button) -> str:
    """The checklist text shown in the same row as ``button``."""
    from PySide6.QtWidgets import QLabel

    row = button.parentWidget()
    return " ".join(label.text() for label in row.findChildren(QLabel))
