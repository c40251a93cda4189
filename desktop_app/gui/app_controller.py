"""The window's keeper: it builds the main window and builds it again when the language, the data
folder (the demo, a restore) or the passphrase changes, and locks the records."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from desktop_app.gui import i18n, window_place
from desktop_app.services.context import Context, open_context


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
        dialog = QProgressDialog(self.tr("Preparing the sample household…"), self.tr("Cancel"), 0, 0, window)
        dialog.setWindowTitle(self.tr("Sample documents"))
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
            dialog.setLabelText(self.tr("Preparing the sample household…") + "\n" + str(message))

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

            show_error(window, self.tr("The sample household could not be prepared"), exc)

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
