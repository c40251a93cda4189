"""What the document pane says of a value depends on how sure the reader was, not on where the
text came from: a guess is shown as a guess, from a scan or from a PDF's text layer."""

from __future__ import annotations

from desktop_app.services import people
from tests.gui.test_workflows import _import
from tests.gui.waiting import settle


def _state(window, name: str) -> str:
    return window.document_controller.editors[name].status.text()


def test_a_guess_is_said_to_be_one_and_a_sure_value_sure(qtbot, window, ctx, fake_reader, images):
    fake_reader["kind"] = "invoice"
    fake_reader["fields"] = {"patient_name": ("Paul Martin", 0.3), "total_amount": ("25.00", 0.95),
                             "date": ("2025-06-20", 0.65)}
    fake_reader["text_source"] = "text_layer"
    [outcome] = _import(qtbot, window, images(1))
    window.show_document(outcome.document_id)
    settle(qtbot, window)
    assert "a guess from the PDF (30 %): check it" in _state(window, "patient_name")
    assert "read from the PDF, sure (95 %)" in _state(window, "total_amount")
    assert "read from the PDF, fairly sure (65 %)" in _state(window, "date")


def test_a_guessed_name_does_not_say_the_paper_is_someone_elses(qtbot, window, ctx, household,
                                                                 fake_reader, images):
    people.add_person(ctx, name="Paul Martin")
    window.refresh()
    settle(qtbot, window)
    claire = people.find_person(ctx, "Claire Martin")
    window.sidebar.select("person", claire.id)
    fake_reader["fields"] = {"patient_name": ("Paul Martin", 0.3), "total_amount": "25.00"}
    [outcome] = _import(qtbot, window, images(1))
    assert outcome.names_other is None
    assert "Paul Martin" not in window.statusBar().currentMessage()
    window.show_document(outcome.document_id)
    settle(qtbot, window)
    assert not window.document_view.names_other.isVisible()

    fake_reader["fields"] = {"patient_name": ("Paul Martin", 0.9), "total_amount": "26.00"}
    window.sidebar.select("person", claire.id)
    [sure] = _import(qtbot, window, images(2)[1:])  # another scan
    assert sure.names_other is not None and sure.names_other.match_name == "Paul Martin"

