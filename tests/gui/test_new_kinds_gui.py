"""Papers of the newer kinds (a practitioner's receipt, an attestation de droits, a mutuelle card)
show in the French window under their French name, with their own fields."""

from __future__ import annotations

import pytest

from desktop_app.services import documents
from tests.gui.waiting import settle


@pytest.fixture
def fwin(qtbot, ctx, household):
    from desktop_app.gui import i18n
    from desktop_app.gui.main_window import MainWindow

    ctx.set_setting("language", "fr")
    i18n.install("fr")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: bool(win.household), timeout=30_000)
    yield win
    win.workers.shutdown()
    i18n.install("en")


def _import(qtbot, win, paths):
    with qtbot.waitSignal(win.imports.finished, timeout=30_000) as blocker:
        win.import_paths(paths)
    return blocker.args[0]


@pytest.mark.parametrize("kind,stored,title,field,field_label", [
    ("receipt", "receipt", "Note d'honoraires ou reçu", "practitioner_name", "Praticien"),
    ("pharmacy_receipt", "pharmacy_receipt", "Ticket de pharmacie", "supplier", "Fournisseur"),
    ("rights_certificate", "attestation_droits", "Attestation de droits", "caisse", "Caisse (CPAM)"),
    ("mutuelle_card", "mutuelle_card", "Carte de mutuelle", "member_number", "Numéro d'adhérent"),
])
def test_a_paper_of_a_new_kind_shows_its_french_name_and_fields(
        qtbot, fwin, ctx, fake_reader, images, kind, stored, title, field, field_label):
    fake_reader["kind"] = kind
    fake_reader["fields"] = {"patient_name": "Claire Martin"}
    [outcome] = _import(qtbot, fwin, images(1))
    assert documents.get_document(ctx, outcome.document_id).kind == stored
    fwin.show_document(outcome.document_id)
    settle(qtbot, fwin)
    view = fwin.document_view
    assert view.title.text().startswith(title)
    assert view.kind.currentText() == title
    # The field the paper has but the reader did not give is offered, named in French.
    editor = fwin.document_controller.editors[field]
    assert editor.missing
    assert view.fields_form.labelForField(editor).text() == field_label


def test_an_attestation_offers_its_caisse_to_the_record_and_adds_it_once_agreed(
        qtbot, fwin, ctx, fake_reader, images, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.services import people

    fake_reader["kind"] = "rights_certificate"
    # The NIR and birth date the record already has are not offered again; the caisse is.
    fake_reader["fields"] = {"patient_name": "Claire Martin", "nir": "285077511523432",
                             "birth_date": "1985-07-04", "caisse": "CPAM de la Gironde"}
    fwin.sidebar.select("person", people.find_person(ctx, "Claire Martin").id)
    [outcome] = _import(qtbot, fwin, images(1))
    fwin.show_document(outcome.document_id)
    settle(qtbot, fwin)
    view = fwin.document_view
    assert view.person_values.isVisible() and view.add_to_person.isVisible()
    assert "Caisse (CPAM) : CPAM de la Gironde" in view.person_values.text()
    assert "sécurité sociale" not in view.person_values.text()
    assert view.add_to_person.text() == "Ajouter à la fiche de Claire Martin…"

    asked = []

    def answer(box, accept):
        asked.append(box.text())
        role = QMessageBox.ButtonRole.AcceptRole if accept else QMessageBox.ButtonRole.RejectRole
        button = next(b for b in box.buttons() if box.buttonRole(b) == role)
        button.click()
        return 0

    # Cancel: nothing is written.
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, False))
    qtbot.mouseClick(view.add_to_person, Qt.MouseButton.LeftButton)
    settle(qtbot, fwin)
    assert people.find_person(ctx, "Claire Martin").caisse_name is None
    # Agreed: the record has the caisse, and the paper offers nothing more.
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, True))
    qtbot.mouseClick(view.add_to_person, Qt.MouseButton.LeftButton)
    settle(qtbot, fwin)
    assert "CPAM de la Gironde" in asked[-1]
    assert people.find_person(ctx, "Claire Martin").caisse_name == "CPAM de la Gironde"
    assert not view.person_values.isVisible()
    assert "Fiche de Claire Martin mise à jour" in fwin.statusBar().currentMessage()
