"""The QApplication, the interface language, and which data folder the window shows."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop_app import APP_ID, APP_NAME, __version__, config
from desktop_app.gui import i18n, window_place
from desktop_app.gui.plain import plain_box
from desktop_app.services.context import Context, open_context

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


class AppController(QObject):
    """Owns the main window; rebuilds it when the language or the data folder changes."""

    def __init__(self, ctx: Context):
        super().__init__()
        self.home_ctx = ctx
        self.ctx = ctx
        self.window = None
        self.demo = False
        self.locked = False
        self.unlocking = None  # the unlock dialog's flow while locked
        i18n.install(i18n.choose_language(ctx.setting("language")))
        from desktop_app.gui.auto_lock import AutoLock
        from desktop_app.gui.workers import Workers

        self.key_workers = Workers(None, self)  # key derivation and conversion, off the UI thread
        self.auto_lock = AutoLock(self._lock_minutes(), self)
        self.auto_lock.lock_now.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.auto_lock)
        self.auto_lock.watch_screen_lock()

    # The passphrase

    @property
    def protected(self) -> bool:
        from desktop_app.services import passphrase

        return passphrase.is_protected(self.home_ctx.paths.root)

    def _lock_minutes(self) -> int:
        try:
            return int(self.home_ctx.setting("lock_after_minutes") or 0) if self.protected else 0
        except (TypeError, ValueError):
            return 15

    def _close_folder(self) -> None:
        """Every connection to the data folder closed, the window gone with its data."""
        if self.window is not None:
            self.window.suspend()  # its timers read the records no more
            self.window.workers.shutdown()
            self.window.hide()
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.ctx is not self.home_ctx:
            self.ctx.close()
        self.home_ctx.close()
        self.ctx, self.demo = self.home_ctx, False

    def _reopen(self) -> None:
        from desktop_app.services import startup

        ctx = startup.open_without_cleanup(self.home_ctx.paths.root)
        self.home_ctx = self.ctx = ctx
        self.auto_lock.set_minutes(self._lock_minutes())
        self.show()

    def lock(self) -> None:
        """Close the records, forget the keys, and ask for the passphrase again."""
        from desktop_app.services import passphrase

        if self.locked or not self.protected:
            return
        if self.window is not None and self.window.workers.busy:
            self.auto_lock.set_minutes(self.auto_lock.minutes or 1)  # after the work, then
            return
        root = self.home_ctx.paths.root
        self._close_folder()
        passphrase.lock(root)
        self.locked = True
        self.auto_lock.set_minutes(0)
        self._ask_unlock(root)

    def _ask_unlock(self, root) -> None:
        from desktop_app.gui.controllers.passphrase_controller import UnlockFlow

        flow = self.unlocking = UnlockFlow(root, self.key_workers)
        flow.finished.connect(lambda _ok: self._unlocked())
        flow.view.rejected.connect(QApplication.quit)
        flow.view.show()

    def _unlocked(self) -> None:
        self.locked = False
        self.unlocking = None
        self._reopen()

    def change_passphrase(self, action: str) -> None:
        """``set``, ``change`` or ``remove``, from the welcome page or the Settings."""
        from desktop_app.gui.controllers import passphrase_controller as pc

        root = self.home_ctx.paths.root
        parent = None  # the window closes while the folder is converted: the dialog stays
        if action == "change":
            flow = pc.NewPassphraseFlow(root, self.key_workers, change=True, parent=self.window)
            flow.view.exec()
            return
        flow = (pc.NewPassphraseFlow(root, self.key_workers, change=False, parent=parent)
                if action == "set" else pc.RemovePassphraseFlow(root, self.key_workers, parent))
        original_start = flow._start

        def start() -> None:
            # Converting rewrites every file: the window lets go of the folder first.
            if flow.check():
                original_start()
                return
            self._close_folder()
            original_start()

        flow.view.buttons.accepted.disconnect()
        flow.view.buttons.accepted.connect(start)
        flow.view.rejected.connect(lambda: self.window is None and self._reopen())
        self._pending_flow = flow

        def finished(_ok) -> None:
            outcome = flow.result
            self._reopen()
            if outcome is not None and outcome.recovery_key:
                pc.show_recovery_key(self.window, outcome.recovery_key, outcome.root)

        flow.finished.connect(finished)
        flow.view.exec()
        if self.window is None and flow.result is None:
            self._reopen()  # refused (another Paperasse has it open): the records come back

    def show(self):
        from desktop_app.gui.main_window import MainWindow

        old = self.window
        geometry = old.saveGeometry() if old is not None else None
        self.window = MainWindow(self.ctx, demo=self.demo)
        self.window.language_requested.connect(self.switch_language)
        self.window.demo_requested.connect(self.open_demo)
        self.window.leave_demo_requested.connect(self.leave_demo)
        self.window.rebuild_on_store_change = True
        self.window.store_replaced.connect(self.reopen_after_restore)
        self.window.passphrase_requested.connect(self.change_passphrase)
        self.window.lock_requested.connect(self.lock)
        self.window.lock_minutes_changed.connect(
            lambda minutes: self.auto_lock.set_minutes(minutes if self.protected else 0))
        self.window.protected = self.protected
        self.window.remember_place = True
        if geometry is not None:  # a rebuilt window (language, demo, restore) takes the old one's place
            self.window.restoreGeometry(geometry)
            self.window.show()
        elif window_place.place(self.window):
            self.window.showMaximized()
        else:
            self.window.show()
        if old is not None:
            old.close()
            old.deleteLater()
        return self.window

    def reopen_after_restore(self, message: str, warning=None) -> None:
        """A restore replaced the database (``ctx.store`` is already reopened on it): the old
        window's workers stop, and a new window shows the restored records."""
        if self.window is not None:
            self.window.workers.shutdown()
        window = self.show()
        window.after_restore(message, warning)

    def switch_language(self, language: str) -> None:
        i18n.install(i18n.choose_language(language))
        # Rebuilding the window is simpler and surer than retranslating every widget in place.
        QTimer.singleShot(0, self.show)

    def open_demo(self) -> None:
        from desktop_app.gui.workers import Workers
        from desktop_app.services import demo

        window = self.window
        dialog = QProgressDialog(window.tr("Preparing the sample household…"), window.tr("Cancel"), 0, 0, window)
        dialog.setWindowTitle(window.tr("Sample documents"))
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        workers = Workers(None, self)
        root = demo.demo_root(self.home_ctx)

        def progress(done, total, message):
            from desktop_app.services.documents import ImportStep

            if isinstance(message, ImportStep):  # a sample's reading step: its name is enough
                message = Path(message.file).name
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)
            dialog.setLabelText(window.tr("Preparing the sample household…") + "\n" + str(message))

        def finish() -> bool:
            """Close the dialog without it counting as Cancel (closing a QProgressDialog emits
            canceled); True if the user had cancelled."""
            cancelled = handle.cancelled
            dialog.canceled.disconnect(handle.cancel)
            dialog.close()
            return cancelled

        def done(_result) -> None:
            if finish():
                return
            self._switch_to(open_context(root), demo=True)

        def failed(exc) -> None:
            finish()
            from desktop_app.gui.controllers.messages import show_error

            show_error(window, window.tr("The sample household could not be prepared"), exc)

        handle = workers.run(
            lambda progress, should_cancel: demo.build_demo(root, progress=progress, should_cancel=should_cancel),
            on_success=done,
            on_failure=failed,
            on_progress=progress,
            uses_db=False,
        )
        dialog.canceled.connect(handle.cancel)
        dialog.show()

    def leave_demo(self) -> None:
        self._switch_to(self.home_ctx, demo=False)

    def _switch_to(self, ctx: Context, demo: bool) -> None:
        previous = self.ctx
        self.ctx, self.demo = ctx, demo
        if self.window is not None:
            self.window.workers.shutdown()
        self.show()
        if previous is not self.home_ctx and previous is not ctx:
            previous.close()

    def close(self) -> None:
        self.key_workers.shutdown()
        if self.ctx is not self.home_ctx:
            self.ctx.close()


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
        for entry in backups.list_backups(paths):
            try:
                if backups.verify(paths, entry["id"]).ok:
                    sound = entry
                    break
            except UserError:
                continue
    restore = None
    if sound is not None:
        when = sound["created_at"].replace("T", " ")[:16]
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
        backups.restore(paths, sound["id"])
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
