"""The search box finds people, claims and documents, grouped, and opens what is chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

WAIT = 30_000


@pytest.fixture
def family(ctx, household):
    from desktop_app.services import claims, people

    lucas = people.add_person(ctx, name="Lucas Martin", beneficiary_of="Claire Martin").person
    kine = claims.new_claim(ctx, lucas.id, title="Séances de rééducation", care_date="2025-06-12",
                            category="physiotherapy", amount_paid="48.00")
    return dict(household, lucas=lucas.id, kine=kine.id)


def groups(window) -> dict[str, list[str]]:
    tree = window.search_page.results
    return {
        tree.topLevelItem(i).text(0): [tree.topLevelItem(i).child(j).text(0)
                                       for j in range(tree.topLevelItem(i).childCount())]
        for i in range(tree.topLevelItemCount())
    }


def test_typing_shows_people_and_claims_grouped_and_enter_opens_the_claim(qtbot, family, window):
    qtbot.keyClicks(window.search, "kine")  # no accent typed: "kiné" is the kind of care
    qtbot.waitUntil(lambda: "Claims (1)" in groups(window), timeout=WAIT)
    assert window.centre.currentWidget() is window.search_page
    assert groups(window) == {"Claims (1)": ["Séances de rééducation"]}
    assert "1 result(s)" in window.search_page.hint.text() or "1 result" in window.search_page.hint.text()
    qtbot.keyClick(window.search, Qt.Key.Key_Down)  # into the results, on the first hit
    tree = window.search_page.results
    assert QApplication.focusWidget() is tree
    assert tree.currentItem().text(0) == "Séances de rééducation"
    assert "kind of care" in tree.currentItem().text(2)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.centre.currentWidget() is window.claims_page, timeout=WAIT)
    qtbot.waitUntil(lambda: window._selected_claim_id() == family["kine"], timeout=WAIT)
    qtbot.waitUntil(lambda: window.detail.currentWidget() is window.claim_view, timeout=WAIT)
    assert window.search.text() == ""


def test_a_name_finds_the_person_and_a_click_opens_their_page(qtbot, family, window):
    qtbot.keyClicks(window.search, "Lucas")
    qtbot.waitUntil(lambda: "People (1)" in groups(window), timeout=WAIT)
    assert groups(window)["People (1)"] == ["Lucas Martin"]
    assert groups(window)["Claims (1)"] == ["Séances de rééducation"]
    item = window.search_page.hit_item("people", family["lucas"])
    tree = window.search_page.results
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.sidebar.current_key() == ("person", family["lucas"]),
                    timeout=WAIT)
    assert window.centre.currentWidget() is window.claims_page
    assert window.claims_page.heading.text() == "Claims of Lucas Martin"


def test_nothing_found_says_so_and_clearing_goes_back(qtbot, family, window):
    qtbot.keyClicks(window.search, "zzzz")
    qtbot.waitUntil(lambda: window.centre.currentWidget() is window.search_page, timeout=WAIT)
    assert "Nothing found for “zzzz”" in window.search_page.hint.text()
    assert groups(window) == {}
    window.search.clear()
    qtbot.waitUntil(lambda: window.centre.currentWidget() is not window.search_page, timeout=WAIT)


def test_in_french_the_groups_and_the_detail_line_are_french(qtbot, ctx, family):
    from desktop_app.gui import i18n
    from desktop_app.gui.main_window import MainWindow

    i18n.install("fr")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: bool(win.household), timeout=WAIT)
    try:
        qtbot.keyClicks(win.search, "kinesitherapie")  # (QTest types no accented letter)
        qtbot.waitUntil(lambda: "Dossiers (1)" in groups(win), timeout=WAIT)
        item = win.search_page.hit_item("claims", family["kine"])
        assert "12/06/2025" in item.text(1) and "kinésithérapie" in item.text(1)
        assert item.text(2) == "type de soins"
        assert "1 résultat pour « kinesitherapie »" in win.search_page.hint.text()
    finally:
        win.workers.shutdown()
