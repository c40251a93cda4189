"""Unlocking at start and after a lock, and setting, changing or removing the passphrase.

The key derivation (a fraction of a second, on purpose) and the conversion of the folder (every
file rewritten) run on a worker; the dialog shows a busy bar meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog

from desktop_app.core.errors import UserError
from desktop_app.gui.views.passphrase_view import (
    NewPassphraseView,
    RecoveryKeyView,
    RemovePassphraseView,
    UnlockView,
)
from desktop_app.services import passphrase


def _worded(widget, exc: BaseException) -> str:
    """What went wrong, in the window's language for what the user can fix."""
    if isinstance(exc, passphrase.WrongPassphrase):
        return QCoreApplication.translate("Passphrase", "Wrong passphrase: nothing was opened or changed. Type it again.")
    if isinstance(exc, passphrase.TooShort):
        return QCoreApplication.translate("Passphrase", "The passphrase is too short: use at least %1 characters (a few words "
                         "are easiest to remember).").replace("%1", str(passphrase.MIN_LENGTH))
    if isinstance(exc, passphrase.FolderBusy):
        return QCoreApplication.translate("Passphrase", "The data folder is open in another Paperasse (or a command): close it "
                         "and try again. Nothing was changed.")
    return str(exc)


class _Flow(QObject):
    """A dialog whose OK runs ``work`` on a worker; ``done`` gets its result."""

    finished = Signal(bool)  # True when the work was done

    def __init__(self, view, workers):
        super().__init__(view)
        self.view = view
        self.workers = workers
        self.result = None
        view.buttons.accepted.connect(self._start)

    def check(self) -> str | None:
        return None

    def work(self, progress):  # pragma: no cover - each flow has its own
        raise NotImplementedError

    def working_text(self) -> str:
        return QCoreApplication.translate("Passphrase", "Working out the key…")

    def _start(self) -> None:
        problem = self.check()
        if problem:
            self.view.show_error(problem)
            return
        self.view.set_working(True, self.working_text())

        def run(progress, should_cancel):
            return self.work(lambda done, total: progress(done, total, ""))

        self.workers.run(run, on_success=self._succeeded, on_failure=self._failed,
                         on_progress=lambda done, total, _m: self.view.show_progress(done, total),
                         uses_db=False)

    def _succeeded(self, result) -> None:
        self.result = result
        self.view.set_working(False)
        self.view.accept()
        self.finished.emit(True)

    def _failed(self, exc) -> None:
        self.view.set_working(False)
        self.view.show_error(_worded(self.view, exc))
        for field in (getattr(self.view, "passphrase", None), getattr(self.view, "current", None)):
            if field is not None and field.isVisible():
                field.selectAll()
                field.setFocus()
                break


class UnlockFlow(_Flow):
    def __init__(self, data_dir, workers, parent=None):
        super().__init__(UnlockView(parent), workers)
        self.data_dir = data_dir

    def working_text(self) -> str:
        return QCoreApplication.translate("Passphrase", "Checking the passphrase…")

    def work(self, progress):
        return passphrase.unlock(self.data_dir, self.view.passphrase.text(), progress=progress)


class NewPassphraseFlow(_Flow):
    """Setting (converting the folder) or changing (re-wrapping the key) the passphrase."""

    def __init__(self, data_dir, workers, change: bool, parent=None):
        super().__init__(NewPassphraseView(change, parent), workers)
        self.data_dir = data_dir
        self.change = change

    def check(self) -> str | None:
        view = self.view
        if len(view.new.text()) < passphrase.MIN_LENGTH:
            return _worded(view, passphrase.TooShort(""))
        if view.new.text() != view.again.text():
            return QCoreApplication.translate("Passphrase", "The two new passphrases differ: type them again.")
        if not self.change and not view.understood.isChecked():
            return QCoreApplication.translate("Passphrase", "Tick the box to say a forgotten passphrase cannot be recovered.")
        return None

    def working_text(self) -> str:
        if self.change:
            return QCoreApplication.translate("Passphrase", "Changing the passphrase…")
        return QCoreApplication.translate("Passphrase", "Encrypting the data folder: %v of %m files")

    def work(self, progress):
        if self.change:
            return passphrase.change_passphrase(self.data_dir, self.view.current.text(),
                                                self.view.new.text())
        return passphrase.set_passphrase(self.data_dir, self.view.new.text(), progress=progress)


class RemovePassphraseFlow(_Flow):
    def __init__(self, data_dir, workers, parent=None):
        super().__init__(RemovePassphraseView(parent), workers)
        self.data_dir = data_dir

    def working_text(self) -> str:
        return QCoreApplication.translate("Passphrase", "Decrypting the data folder: %v of %m files")

    def work(self, progress):
        return passphrase.remove_passphrase(self.data_dir, self.view.current.text(),
                                            progress=progress)


def show_recovery_key(parent, key: str, folder: str) -> None:
    view = RecoveryKeyView(key, parent)

    def print_page() -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, view)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            page = QTextDocument()
            page.setPlainText(view.page_text(folder))
            page.print_(printer)

    view.print_button.clicked.connect(print_page)
    view.exec()


__all__ = ["UnlockFlow", "NewPassphraseFlow", "RemovePassphraseFlow", "show_recovery_key",
           "UserError"]
