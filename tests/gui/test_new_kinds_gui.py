"""Papers of the newer kinds (a practitioner's receipt, an attestation de droits, a mutuelle card)
show in the French window under their French name, with their own fields."""

from __future__ import annotations

import pytest

from desktop_app.services import documents


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
    view = fwin.document_view
    assert view.title.text().startswith(title)
    assert view.kind.currentText() == title
    # The field the paper has but the reader did not give is offered, named in French.
    editor = fwin.document_controller.editors[field]
    assert editor.missing
    assert view.fields_form.labelForField(editor).text() == field_label
