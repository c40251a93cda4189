"""Watched folders and reminders in the window, driven through its widgets."""

from __future__ import annotations

import datetime as dt
import shutil

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog


def _when_shown(qtbot, window, act):
    """Run ``act(dialog)`` once the modal Settings dialog is up (its exec() blocks the test)."""
    from desktop_app.gui.views.settings_view import SettingsView

    done = []

    def attempt():
        dialog = next((d for d in window.findChildren(SettingsView) if d.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(50, attempt)
            return
        try:
            act(dialog)
        finally:
            done.append(True)

    QTimer.singleShot(0, attempt)
    return done


def test_a_folder_added_in_the_settings_brings_dropped_scans_to_the_inbox(
        qtbot, window, fake_reader, images, tmp_path, monkeypatch):
    scanner = tmp_path / "Scanner"
    scanner.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(scanner)))
    said = []
    window.watcher.message.connect(said.append)
    before = window.inbox_model.rowCount()
    seen = {}

    def act(dialog):
        qtbot.mouseClick(dialog.add_watch, Qt.MouseButton.LeftButton)
        seen["folders"] = [dialog.watch_list.item(i).text() for i in range(dialog.watch_list.count())]
        qtbot.mouseClick(dialog.copy_calendar, Qt.MouseButton.LeftButton)
        seen["clipboard"] = QGuiApplication.clipboard().text()
        seen["calendar"] = dialog.calendar_path.text()
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    done = _when_shown(qtbot, window, act)
    window.settings_action.trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    assert seen["folders"] == [str(scanner)]
    assert seen["calendar"] == str(window.ctx.paths.root / "calendar" / "paperasse.ics")
    assert seen["clipboard"] == seen["calendar"]
    assert window.watcher.folders == [scanner]

    [scan] = images(1)
    shutil.copy(scan, scanner / "ordonnance.png")
    qtbot.waitUntil(lambda: window.inbox_model.rowCount() == before + 1, timeout=30_000)
    names = [window.inbox_model.document_at(r).original_name
             for r in range(window.inbox_model.rowCount())]
    assert "ordonnance.png" in names
    assert "ordonnance.png arrived in the Inbox." in said


def test_a_watched_folder_that_goes_is_said_in_the_status_bar(
        qtbot, window, fake_reader, tmp_path):
    from desktop_app.services import watch_folders

    scanner = tmp_path / "Phone"
    scanner.mkdir()
    said = []
    window.watcher.message.connect(said.append)
    watch_folders.save_settings(window.ctx, [scanner], "leave")
    window.watcher.reload()
    scanner.rmdir()
    qtbot.waitUntil(lambda: any("is gone" in text for text in said), timeout=30_000)
    assert said == [f"The watched folder {scanner} is gone; it is watched again once it is back."]
    scanner.mkdir()
    qtbot.waitUntil(lambda: len(said) == 2, timeout=30_000)
    assert said[1] == f"The watched folder {scanner} is back."


def test_a_reminder_is_shown_once_a_day(qtbot, ctx, household):
    from desktop_app.gui.main_window import MainWindow

    # The claim's CPAM limit is 30 June 2027 and the mutuelle's 20 June: both near on 15 May.
    day = dt.date(2027, 5, 15)
    win = MainWindow(ctx, today=day)
    qtbot.addWidget(win)
    told = []
    win.reminders.notified.connect(told.append)
    win.show()
    qtbot.waitUntil(lambda: len(told) == 1, timeout=30_000)
    assert {n.kind for n in told[0]} == {"deadline"}
    banner = win.reminder_banner
    qtbot.waitUntil(banner.isVisible, timeout=30_000)
    assert "Stimulateur périnéal" in banner.text.text()
    assert "2 reminders due" in banner.text.text()
    qtbot.mouseClick(banner.dismiss, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()

    # The household is refreshed again the same day: nothing is told twice.
    with qtbot.waitSignal(win.reminders.refreshed, timeout=30_000):
        win.refresh()
    assert len(told) == 1 and not banner.isVisible()

    # The next day, once more.
    win.reminders.today = day + dt.timedelta(days=1)
    win.refresh()
    qtbot.waitUntil(lambda: len(told) == 2, timeout=30_000)
    assert banner.isVisible()
    qtbot.mouseClick(banner.action, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    win.workers.shutdown()
