"""Backups to another folder from the window: choosing it, backing up, the reminder, restoring."""

import datetime as dt

from PySide6.QtWidgets import QFileDialog

from desktop_app.services import backup_folder


def test_choose_a_folder_back_up_now_and_see_the_date(qtbot, window, ctx, tmp_path, monkeypatch):
    drive = tmp_path / "usb"
    drive.mkdir()
    asked = []

    def pick(*args, **kwargs):
        asked.append(args)
        return str(drive)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(pick))
    dialog = window.safekeeping.open_backups()
    view = dialog.view
    qtbot.waitUntil(lambda: not view.busy.isVisible(), timeout=30_000)
    assert "No other folder chosen" in view.folder_text.text()
    assert not view.folder_now.isEnabled()

    with qtbot.waitSignal(dialog.folder_backed_up, timeout=30_000):
        qtbot.mouseClick(view.choose_folder, qtbot_button())
    assert asked
    qtbot.waitUntil(lambda: str(drive) in view.folder_text.text() and "Last backup there" in view.folder_text.text(),
                    timeout=30_000)
    assert backup_folder.list_backups(drive)[0]["counts"]["claims"] == 1
    assert "Backed up to" in view.status.text()

    # "Back up now" goes to the remembered folder; the date shown is the new backup's.
    qtbot.waitUntil(lambda: view.folder_now.isEnabled(), timeout=30_000)
    with qtbot.waitSignal(dialog.folder_backed_up, timeout=30_000) as made:
        qtbot.mouseClick(view.folder_now, qtbot_button())
    result = made.args[0]
    assert result.copied == 0  # nothing new to copy
    from desktop_app.gui import labels

    qtbot.waitUntil(lambda: labels.moment(result.created_at) in view.folder_text.text(), timeout=30_000)
    view.close()


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_old_backup_to_the_folder_shows_a_banner_that_backs_up(qtbot, ctx, household, tmp_path):
    from desktop_app.gui.main_window import MainWindow

    drive = tmp_path / "usb"
    drive.mkdir()
    backup_folder.back_up(ctx, drive, remember=True, now=dt.datetime(2026, 3, 1, 9, 0).astimezone())
    win = MainWindow(ctx, today=dt.date(2026, 3, 20))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.folder_banner.isVisible(), timeout=30_000)
    assert str(drive) in win.folder_banner.text.text() and "19 days" in win.folder_banner.text.text()
    assert win.folder_banner.action.text() == "Back up now"
    qtbot.mouseClick(win.folder_banner.action, qtbot_button())
    qtbot.waitUntil(lambda: not win.folder_banner.isVisible(), timeout=30_000)
    qtbot.waitUntil(lambda: "Backed up to" in win.statusBar().currentMessage(), timeout=30_000)
    assert len(backup_folder.list_backups(drive)) == 2
    win.workers.shutdown()


def test_no_banner_when_the_folder_backup_is_recent(qtbot, ctx, household, tmp_path):
    from desktop_app.gui.main_window import MainWindow

    drive = tmp_path / "usb"
    drive.mkdir()
    backup_folder.back_up(ctx, drive, remember=True, now=dt.datetime(2026, 3, 1, 9, 0).astimezone())
    win = MainWindow(ctx, today=dt.date(2026, 3, 3))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: bool(win.household), timeout=30_000)
    qtbot.waitUntil(lambda: not win.workers.busy, timeout=30_000)
    assert not win.folder_banner.isVisible()
    win.workers.shutdown()


def test_restore_from_a_folder_on_the_welcome_page(qtbot, tmp_path, monkeypatch):
    """A new computer: an empty data folder, the household comes back from the drive."""
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.gui.main_window import MainWindow
    from desktop_app.services import people
    from desktop_app.services.context import open_context

    old = open_context(tmp_path / "old", auto_backup=False, tidy=False)
    people.add_person(old, name="Paul Durand")
    drive = tmp_path / "usb"
    drive.mkdir()
    backup_folder.back_up(old, drive, remember=True)
    old.close()

    new = open_context(tmp_path / "new", auto_backup=False, tidy=False)
    win = MainWindow(new)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.centre.currentWidget() is win.welcome, timeout=30_000)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(drive)))

    def answer(box):
        return next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)

    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.clickedButton() or _click(box, answer(box)))
    qtbot.mouseClick(win.welcome.restore_folder, qtbot_button())
    qtbot.waitUntil(lambda: "Backup restored from" in win.statusBar().currentMessage(), timeout=30_000)
    qtbot.waitUntil(lambda: win.centre.currentWidget() is not win.welcome, timeout=30_000)
    assert [p.name for p in people.list_people(new)] == ["Paul Durand"]
    win.workers.shutdown()
    new.close()


def _click(box, button):
    button.click()
    return 0


def test_the_reminder_days_are_a_setting(qtbot, window, ctx):
    from desktop_app.gui.controllers.settings_controller import SettingsController

    settings = SettingsController(ctx, window)
    qtbot.addWidget(settings.view)
    assert settings.view.backup_remind.value() == 7
    settings.view.backup_remind.setValue(14)
    assert settings.save()
    assert ctx.setting("backup_folder_remind_days") == 14
