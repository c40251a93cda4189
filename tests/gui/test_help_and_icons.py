"""The guide (F1, the Help menu, each checklist item's Help link) and the actions' icons."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from desktop_app import config
from desktop_app.gui import help_guide
from tests.gui.waiting import settle

WAIT = 30_000


def _help_links(window):
    layout = window.claim_view.checklist
    rows = [layout.itemAt(i).widget() for i in range(layout.count()) if layout.itemAt(i).widget()]
    return [row.help_button for row in rows if getattr(row, "help_button", None) is not None]


def _open_claim(qtbot, window, claim_id):
    window.show_claim(claim_id)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.claim_view.isVisible() and bool(_help_links(window)), timeout=WAIT)


def _press_f1(qtbot, window):
    window.activateWindow()
    window.claims_page.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_window is not None and window.help_window.isVisible(), timeout=WAIT)
    qtbot.addWidget(window.help_window)
    return window.help_window


def test_f1_opens_the_guide_in_english(qtbot, window):
    help_window = _press_f1(qtbot, window)
    assert help_window.windowTitle() == "Paperasse guide"
    text = help_window.browser.toPlainText()
    assert "Care sheet (feuille de soins)" in text and "The two-year deadline" in text
    assert help_window.browser.isReadOnly()


def test_f1_opens_the_french_guide_in_a_french_window(qtbot, ctx, household):
    from desktop_app.gui import i18n
    from desktop_app.gui.main_window import MainWindow

    i18n.install("fr")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.household), timeout=WAIT)
    try:
        help_window = _press_f1(qtbot, window)
        assert help_window.windowTitle() == "Guide de Paperasse"
        text = help_window.browser.toPlainText()
        assert "Feuille de soins" in text and "Le délai de deux ans" in text
        assert "Care sheet" not in text
        assert help_window.close_button.text() == "&Fermer"
    finally:
        window.workers.shutdown()


def test_an_items_help_link_opens_its_section(qtbot, window, household):
    _open_claim(qtbot, window, household["claim_id"])
    links = _help_links(window)
    care_sheet = next(link for link in links if "care sheet" in link.accessibleName().lower())
    assert care_sheet.text() == "Help"
    care_sheet.setFocus()
    qtbot.keyClick(care_sheet, Qt.Key.Key_Space)  # reachable from the keyboard
    qtbot.waitUntil(lambda: window.help_window is not None and window.help_window.isVisible(), timeout=WAIT)
    help_window = window.help_window
    qtbot.addWidget(help_window)
    qtbot.waitUntil(lambda: help_window.top_heading() == "Care sheet (feuille de soins)", timeout=WAIT)
    assert help_window.contents.currentItem().text() == "Care sheet (feuille de soins)"

    # Another item's link: the same window, at that item's section.
    statement = next(link for link in _help_links(window) if "statement" in link.accessibleName().lower())
    qtbot.mouseClick(statement, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: help_window.top_heading() == "Statement (relevé, décompte)", timeout=WAIT)
    assert window.help_window is help_window


def test_the_guide_searches_its_text(qtbot, window):
    help_window = _press_f1(qtbot, window)
    qtbot.keyClicks(help_window.search, "NOEMIE")
    qtbot.waitUntil(lambda: help_window.browser.textCursor().selectedText() == "NOEMIE", timeout=WAIT)
    help_window.search.clear()
    qtbot.keyClicks(help_window.search, "zzqx")
    qtbot.waitUntil(lambda: help_window.found.text() == "Not found", timeout=WAIT)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_section_the_checklist_opens_is_in_the_guide(language):
    guide = help_guide.parse((help_guide.help_dir() / f"guide_{language}.md").read_text(encoding="utf-8"))
    missing = help_guide.referenced_topics() - set(guide.anchors)
    assert not missing, f"guide_{language}.md has no section {sorted(missing)}"
    assert all(section.body for section in guide.sections)


def test_both_guides_have_the_same_sections_in_the_same_order():
    en, fr = (help_guide.parse((help_guide.help_dir() / f"guide_{lang}.md").read_text(encoding="utf-8"))
              for lang in ("en", "fr"))
    assert en.anchors == fr.anchors


def test_every_checklist_rule_has_its_own_section():
    rules = json.loads((config.resources_dir() / "rules" / "completeness.json").read_text(encoding="utf-8"))
    ids = {rule["id"] for rule in rules["rules"]}
    ids |= {entry["id"] for payer in ("cpam", "mutuelle") for entry in rules["papers"].get(payer, [])}
    topics = json.loads((help_guide.help_dir() / "topics.json").read_text(encoding="utf-8"))
    assert not ids - set(topics["by_rule"]), "rules without a guide section"


def test_every_toolbar_action_has_an_icon_and_keeps_its_text(qtbot, window):
    actions = [a for a in window.toolbar.actions() if not a.isSeparator()
               and window.toolbar.widgetForAction(a) is not None
               and isinstance(window.toolbar.widgetForAction(a), QToolButton)]
    assert len(actions) >= 3
    for action in actions:
        assert not action.icon().isNull(), action.text()
        assert action.text()


def test_the_sidebar_and_the_pane_buttons_have_icons(qtbot, window, household):
    for item in (window.sidebar.home, window.sidebar.trash, window.sidebar.people_header):
        assert not item.icon(0).isNull(), item.text(0)
    box = window.claim_view.track("cpam")
    for button in (box.mark_sent, box.record_payment, box.undo, window.trash_page.restore):
        assert not button.icon().isNull() and button.text()
    for action in (window.delete_action, window.settings_action, window.help_action, window.undo_action):
        assert not action.icon().isNull(), action.text()


def test_no_icon_is_no_error(qtbot, monkeypatch):
    """qtawesome failing (fonts not loadable): the action has no icon, nothing breaks."""
    import qtawesome

    from desktop_app.gui import icons

    def broken(*_a, **_k):
        raise RuntimeError("no font")

    monkeypatch.setattr(qtawesome, "icon", broken)
    assert icons._bundled("mdi6.magnify").isNull()


def test_icons_do_not_bring_in_another_qt_binding():
    import subprocess
    import sys

    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from desktop_app.gui import icons\n"
        "assert not icons.icon('import').isNull()\n"
        "print(','.join(sorted(n for n in sys.modules if n.startswith(('PyQt', 'PySide2')))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_guides_own_links_lead_to_its_sections(language):
    import re

    text = (help_guide.help_dir() / f"guide_{language}.md").read_text(encoding="utf-8")
    links = set(re.findall(r"\]\(#([a-z0-9-]+)\)", text))
    assert links and links <= set(help_guide.parse(text).anchors)
