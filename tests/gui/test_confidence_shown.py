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



def test_the_readers_doubts_are_said_on_the_document_pane(qtbot, window, fake_reader, images):
    from desktop_app.intake.read_warnings import warning

    fake_reader["kind"] = "care_sheet"
    fake_reader["fields"] = {"total_amount": ("98.00", 0.4)}
    fake_reader["warnings"] = [warning("read.total_differs", amount="98.00", sum="96.00")]
    [outcome] = _import(qtbot, window, images(1))
    window.show_document(outcome.document_id)
    settle(qtbot, window)
    label = window.document_view.reader_warnings
    assert label.isVisible()
    assert label.text() == "⚠ total 98.00 differs from the sum of the act lines (96.00): an amount may be misread"


def test_a_paper_read_without_doubt_shows_none(qtbot, window, fake_reader, images):
    [outcome] = _import(qtbot, window, images(1))
    window.show_document(outcome.document_id)
    settle(qtbot, window)
    assert window.document_controller.document.id == outcome.document_id
    assert not window.document_view.reader_warnings.isVisible()
