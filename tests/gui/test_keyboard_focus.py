"""The keyboard: Tab leaves the tables, walks the window area by area, F6 jumps between areas."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from desktop_app.services import claims, documents
from tests.gui.waiting import settle

WAIT = 30_000


@pytest.fixture
def two_claims(ctx, household):
    other = claims.new_claim(ctx, "Claire Martin", title="Kinésithérapie", care_date="2025-05-02",
                             category="physiotherapy", amount_paid="50.00", base="16.13")
    return household["claim_id"], other.id


def _inside(widget, area) -> bool:
    while widget is not None:
        if widget is area:
            return True
        widget = widget.parentWidget()
    return False


def _claims_listed(qtbot, window, count: int) -> None:
    window.sidebar.select("person", None)
    qtbot.waitUntil(lambda: window.claims_proxy.rowCount() == count, timeout=WAIT)


def test_no_table_of_the_window_takes_tab(qtbot, window):
    tables = window.findChildren(QTableView)
    assert len(tables) >= 4
    assert [t.objectName() or t.accessibleName() for t in tables if t.tabKeyNavigation()] == []


def test_tab_leaves_the_claims_table_and_never_changes_the_claim(qtbot, two_claims, window):
    first, second = two_claims
    _claims_listed(qtbot, window, 2)
    window.show_claim(first)
    settle(qtbot, window)
    table = window.claims_page.table
    table.setFocus()
    assert QApplication.focusWidget() is table
    reached_claim_pane = False
    for _ in range(50):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached_claim_pane |= _inside(QApplication.focusWidget(), window.claim_view)
        assert window.claim_controller.claim_id == first
        assert window._selected_claim_id() == first
    assert reached_claim_pane
    # The arrows still move in the table: that is choosing another claim.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down if table.currentIndex().row() == 0 else Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: window.claim_controller.claim_id == second, timeout=10_000)


def test_tab_goes_from_the_lists_to_the_search_then_the_claims_then_the_claim(
        qtbot, two_claims, window):
    first, _second = two_claims
    _claims_listed(qtbot, window, 2)
    window.show_claim(first)
    settle(qtbot, window)
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.search
    seen = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if _inside(seen[-1], window.claim_view):
            break
    assert window.claims_page.table in seen
    assert _inside(seen[-1], window.claim_view)
    assert seen.index(window.claims_page.table) < len(seen) - 1
    # Shift+Tab walks back the same way.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is seen[-2]


def test_the_document_pane_takes_its_fields_first(qtbot, window, ctx, fake_reader, images):
    doc_id = documents.import_files(ctx, images(1))[0].document_id
    window.show_document(doc_id)
    settle(qtbot, window)
    editors = list(window.document_controller.editors.values())
    assert len(editors) >= 3
    window.focus_next_area(1)  # from nowhere: the lists
    while not _inside(QApplication.focusWidget(), window.detail):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is editors[0].edit
    for editor in editors[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is editor.edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.document_view.person


def test_f6_cycles_between_the_areas(qtbot, two_claims, window):
    first, _second = two_claims
    _claims_listed(qtbot, window, 2)
    window.show_claim(first)
    settle(qtbot, window)
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.search
    qtbot.keyClick(window.search, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.claims_page.table
    qtbot.keyClick(window.claims_page.table, Qt.Key.Key_F6)
    assert _inside(QApplication.focusWidget(), window.claim_view)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.sidebar
    qtbot.keyClick(window.sidebar, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert _inside(QApplication.focusWidget(), window.claim_view)
    assert window.claim_controller.claim_id == first
