"""The QApplication and the start: the unlock dialog, an offer to restore records that cannot be
opened, then the window (its keeper, AppController, is in app_controller.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import APP_ID, APP_NAME, __version__, config
from desktop_app.gui import i18n
from desktop_app.gui.app_controller import AppController
from desktop_app.gui.plain import plain_box

UI_SWITCH_INTERVAL_S = 0.001


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    # Each time Qt calls into Python (a model's rowCount while painting, a slot) the UI thread
    # takes the interpreter's lock; while a worker thread runs Python it waits up to the switch
    # interval for it, 5 ms by default, many times in one paint. 1 ms keeps those waits short.
    sys.setswitchinterval(UI_SWITCH_INTERVAL_S)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    icon = config.resources_dir() / "icons" / "app" / f"{APP_ID}.svg"
    if icon.is_file():  # title bars and task bars where no .desktop file names the icon
        app.setWindowIcon(QIcon(str(icon)))
    return app




def _refuse_second_window(app: QApplication, message: str) -> None:
    import os

    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":  # nobody would see or close it offscreen
        QMessageBox.information(None, APP_NAME, message)


def offer_restore(paths, problem: Exception) -> bool:
    """The records cannot be opened: say why, and offer the newest sound backup. True once it is
    restored (the damaged file is kept aside as a backup of its own)."""
    from desktop_app.core.errors import StoreDamaged, UserError
    from desktop_app.services import backups

    i18n.install(i18n.choose_language(None))
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                      QApplication.translate("Startup", "Paperasse cannot open your records."))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(str(problem))
    plain_box(box)
    sound = None
    if isinstance(problem, StoreDamaged):
        for entry in backups.in_folder(paths.backups):
            try:
                if backups.verify(paths, entry.id).ok:
                    sound = entry
                    break
            except UserError:
                continue
    restore = None
    if sound is not None:
        when = sound.created_at.replace("T", " ")[:16]
        restore = box.addButton(
            QApplication.translate("Startup", "Restore the backup of %1").replace("%1", when),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.setDefaultButton(restore)
    box.addButton(QApplication.translate("Startup", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return False
    try:
        backups.restore(paths, sound.id)
    except UserError as exc:
        failed = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                             QApplication.translate("Startup", "The backup could not be restored."))
        failed.setTextFormat(Qt.TextFormat.PlainText)
        failed.setInformativeText(str(exc))
        plain_box(failed)
        failed.exec()
        return False
    return True


def run(data_dir: str | None, argv: list[str], files: list[str] | None = None) -> int:
    from desktop_app.core.errors import UserError
    from desktop_app.services import startup
    from desktop_app.services.instance_lock import acquire_gui_lock

    app = make_application(argv)
    try:
        lock = acquire_gui_lock(config.prepare(data_dir))
    except UserError as exc:
        _refuse_second_window(app, str(exc))
        raise
    if not unlock_at_start(data_dir):
        lock.release()
        return 0
    try:
        ctx = startup.open_without_cleanup(data_dir)
    except UserError as exc:
        if not offer_restore(config.prepare(data_dir), exc):
            lock.release()
            raise
        ctx = startup.open_without_cleanup(data_dir)
    controller = AppController(ctx)
    window = controller.show()
    if files:  # "Open with Paperasse" from the file manager
        from pathlib import Path

        paths = [Path(f) for f in files]
        QTimer.singleShot(0, lambda: controller.window.import_paths(paths))
    # Crash leftovers are removed once the window is up (it reads every stored name), then the
    # daily backup is made; if it fails, the window says so without getting in the way.
    def finished_start(problem) -> None:
        if problem and controller.window is not None:
            controller.window.show_backup_problem(problem)

    window.workers.run(lambda wctx, **_: _clean_up(wctx), on_success=finished_start)
    if _wants_marker():
        _print_after_first_paint(window)
    del window
    try:
        return app.exec()
    finally:
        controller.close()
        controller.home_ctx.close()
        lock.release()


def unlock_at_start(data_dir) -> bool:
    """An encrypted folder: the unlock dialog before anything is opened. False if the user
    quit instead."""
    from desktop_app.gui.controllers.passphrase_controller import UnlockFlow
    from desktop_app.gui.workers import Workers
    from desktop_app.services import passphrase

    if not passphrase.needs_passphrase(data_dir):
        return True
    i18n.install(i18n.choose_language(None))
    workers = Workers(None)
    try:
        flow = UnlockFlow(passphrase.root_of(data_dir), workers)
        flow.view.exec()
        return flow.result is not None
    finally:
        workers.shutdown()


def _clean_up(wctx) -> str | None:
    """On a worker: start-up's tidy-up and daily backup; why the backup failed, if it did."""
    from desktop_app.services import startup

    startup.clean_up(wctx)
    return wctx.backup_problem


def _wants_marker() -> bool:
    import os

    return bool(os.environ.get("PAPERASSE_STARTUP_MARKER"))


class _FirstPaint(QObject):
    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # After this paint has been handled: the window is on screen.
            QTimer.singleShot(0, lambda: print("paperasse: window shown", flush=True))
        return False


def _print_after_first_paint(window) -> None:
    """For the start-up benchmark: one line once the window has painted for the first time."""
    window._first_paint = _FirstPaint(window)
    window.installEventFilter(window._first_paint)
