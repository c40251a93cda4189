"""A statement on a 1024×600 window: its payments, their table and the button that records them
are seen without scrolling the panel."""

from __future__ import annotations

from tests.gui.waiting import settle


def test_the_statement_panel_needs_no_scrolling_on_a_small_window(qtbot, window, household,
                                                                 fake_reader, images):
    fake_reader.update(kind="statement", fields={
        "statement_date": "2025-07-08",
        "payer": "cpam",
        "lines": [
            {"care_date": "2025-06-20", "amount_paid": "182.94", "patient_name": "MARTIN Claire",
             "label": "Stimulateur"},
        ],
    })
    window.resize(1024, 600)
    with qtbot.waitSignal(window.imports.finished, timeout=20_000) as blocker:
        window.import_paths(images(1))
    window.show_document(blocker.args[0][0].document_id)
    panel = window.document_view.statement
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    settle(qtbot, window)
    scroll = panel.container
    assert panel.isVisible() and panel.record.isVisible()
    assert scroll.verticalScrollBar().maximum() == 0  # nothing of the panel is out of sight
    bottom = panel.record.mapTo(scroll.viewport(), panel.record.rect().bottomLeft()).y()
    assert bottom <= scroll.viewport().height()
    # The page and the form keep their share above it.
    assert window.document_view.splitter.height() >= 3 * panel.record.height()
