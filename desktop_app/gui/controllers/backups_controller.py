"""File › Backups…: the last copy and the list, "Back up now", "Restore…", and backups of the
records and scans to another folder ("Back up to another folder…", "Restore from a backup folder…").

Listing and copying run on workers (they read the backups folder and copy the database). A
restore replaces the database file: the dialog only asks and says what will happen; the main
window stops its workers, closes its connection, restores, and reopens (MainWindow.restore_backup).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableWidgetItem

from desktop_app.gui import labels
from desktop_app.gui.controllers.messages import message_of
from desktop_app.gui.views.backups_view import (
    CLAIMS,
    DOCUMENTS,
    PEOPLE,
    SIZE,
    WHEN,
    WHY,
    BackupsView,
)

if TYPE_CHECKING:
    from desktop_app.services import backup_folder, backups


class BackupsController(QObject):
    restore_requested = Signal(str)  # backup id
    backed_up = Signal(object)  # BackupInfo of the copy just made
    folder_backed_up = Signal(object)  # backup_folder.FolderBackup of a run to the chosen folder
    restore_from_folder_requested = Signal(str)  # the folder holding the backups

    def __init__(self, ctx, workers, parent_widget, problem: str | None = None):
        super().__init__(parent_widget)
        self.ctx = ctx
        self.workers = workers
        self.backups: list[backups.BackupInfo] = []
        self._generation = 0
        view = self.view = BackupsView(parent_widget)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.destroyed.connect(self._forget)
        if problem:
            view.problem.setText(
                self.tr("The automatic backup at start-up failed: %1").replace("%1", problem)
            )
            view.problem.show()
        view.back_up.clicked.connect(self.back_up_now)
        view.restore.clicked.connect(self.ask_restore)
        view.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ctx.paths.backups)))
        )
        view.choose_folder.clicked.connect(self.choose_folder)
        view.folder_now.clicked.connect(lambda: self.back_up_to_folder())
        view.restore_folder.clicked.connect(self.ask_restore_from_folder)
        view.table.itemSelectionChanged.connect(
            lambda: view.restore.setEnabled(not view.busy.isVisible() and view.table.currentRow() >= 0)
        )
        view.restore.setEnabled(False)
        self.load()

    def _forget(self) -> None:
        self._generation += 1  # results arriving after the dialog closed are dropped
        self.view = None

    def show(self) -> None:
        self.view.show()
        self.view.raise_()

    # Listing

    def load(self, then_say: str | None = None) -> None:
        """Read the list again; ``then_say`` is what the status line says once it is read."""
        from desktop_app.services import backups

        self._generation += 1
        generation = self._generation
        self.view.set_busy(self.tr("Reading the backups folder…"))

        def done(found) -> None:
            if generation != self._generation or self.view is None:
                return
            listed, folder = found
            self.view.set_busy(None)
            self.show_backups(listed)
            self.show_folder(folder)
            if then_say:
                self.view.status.setText(then_say)

        def failed(exc) -> None:
            if generation == self._generation and self.view is not None:
                self.view.set_busy(None)
                self.view.status.setText(message_of(exc))

        def work(ctx, **_):
            from desktop_app.services import backup_folder

            return backups.in_folder(ctx.paths.backups), backup_folder.status(ctx)

        self.workers.run(work, on_success=done, on_failure=failed)

    def show_folder(self, folder: backup_folder.FolderStatus) -> None:
        """The chosen folder and when the last backup went there."""
        view = self.view
        view.has_folder = bool(folder.folder)
        view.folder_now.setEnabled(view.has_folder and not view.busy.isVisible())
        if not folder.folder:
            view.folder_text.setText(self.tr(
                "No other folder chosen. A copy of your records and scans on an external drive or "
                "a synced folder survives this computer's disk failing."
            ))
        elif folder.last:
            view.folder_text.setText(
                self.tr("Backups go to %1. Last backup there: %2.")
                .replace("%1", folder.folder).replace("%2", labels.moment(folder.last))
            )
        else:
            view.folder_text.setText(
                self.tr("Backups go to %1. Nothing has been backed up there yet.").replace(
                    "%1", folder.folder)
            )

    def show_backups(self, listed: list[backups.BackupInfo]) -> None:
        self.backups = listed
        view = self.view
        view.last.setText(self._last_text(listed[0] if listed else None))
        table = view.table
        table.setSortingEnabled(False)
        table.setRowCount(len(listed))
        for row, b in enumerate(listed):
            counts = b.counts
            cells = {
                WHEN: labels.moment(b.created_at),
                WHY: labels.backup_reason_text(b.reason),
                PEOPLE: str(counts.get("people", "")),
                DOCUMENTS: str(counts.get("documents", "")),
                CLAIMS: str(counts.get("claims", "")),
                SIZE: labels.size_text(b.size),
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, b.id)
                item.setToolTip(b.id)
                if column in (PEOPLE, DOCUMENTS, CLAIMS, SIZE):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        if listed:
            table.selectRow(0)
        view.restore.setEnabled(bool(listed))

    def _last_text(self, last: backups.BackupInfo | None) -> str:
        if last is None:
            return self.tr("No backup yet.")
        counts = last.counts
        text = self.tr("Last backup: %1 (%2).").replace("%1", labels.moment(last.created_at)).replace(
            "%2", labels.backup_reason_text(last.reason)
        )
        if counts:
            text += " " + labels.counts_text(counts) + "."
        return text

    def selected_id(self) -> str | None:
        row = self.view.table.currentRow()
        if row < 0:
            return None
        item = self.view.table.item(row, WHEN)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    # Backing up

    def back_up_now(self) -> None:
        from desktop_app.services import backups

        generation = self._generation
        self.view.set_busy(self.tr("Copying your records…"))

        def done(info) -> None:
            self.backed_up.emit(info)
            if self.view is None or generation != self._generation:
                return
            self.view.set_busy(None)
            self.load(self.tr("Backed up: %1.").replace("%1", info.id))

        def failed(exc) -> None:
            if self.view is not None:
                self.view.set_busy(None)
                self.view.status.setText(self.tr("The backup failed: %1").replace("%1", message_of(exc)))

        self.workers.run(lambda ctx, **_: backups.backup_now(ctx), on_success=done, on_failure=failed)

    # Another folder

    def choose_folder(self) -> None:
        """Pick the folder, then back up there at once (it is remembered)."""
        folder = QFileDialog.getExistingDirectory(
            self.view, self.tr("Back up to another folder"), str(Path.home())
        )
        if folder:
            self.back_up_to_folder(folder)

    def back_up_to_folder(self, folder: str | None = None) -> None:
        from desktop_app.services import backup_folder

        generation = self._generation
        self.view.set_busy(self.tr("Copying your records and scans…"))

        def done(result) -> None:
            self.folder_backed_up.emit(result)
            if self.view is None or generation != self._generation:
                return
            self.view.set_busy(None)
            self.load(folder_result_text(result))

        def failed(exc) -> None:
            if self.view is not None:
                self.view.set_busy(None)
                self.view.status.setText(self.tr("The backup failed: %1").replace("%1", message_of(exc)))

        self.workers.run(
            lambda ctx, **_: backup_folder.back_up(ctx, folder, remember=folder is not None),
            on_success=done, on_failure=failed,
        )

    def ask_restore_from_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.view, self.tr("Restore from a backup folder"), str(Path.home())
        )
        if not folder:
            return
        box, restore = restore_folder_question(self.view, folder)
        box.exec()
        if box.clickedButton() is restore:
            self.view.accept()
            self.restore_from_folder_requested.emit(folder)

    # Restoring

    def ask_restore(self) -> None:
        ref = self.selected_id()
        if ref is None:
            return
        box, restore = self.restore_question(ref)
        box.exec()
        if box.clickedButton() is restore:
            self.restore(ref)

    def restore_question(self, ref: str):
        """The question asked before a restore, and its "Restore" button."""
        chosen = next((b for b in self.backups if b.id == ref), None)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore this backup?"),
            self.tr("Bring your records back to how they were on %1?").replace(
                "%1", labels.moment(chosen.created_at if chosen else None)
            ),
            QMessageBox.StandardButton.Cancel,
            self.view,
        )
        box.setInformativeText(
            self.tr(
                "What was recorded since then will no longer show. Nothing is lost: a safety "
                "copy of your records as they are now is taken first, and you can restore it "
                "from this list. Scans are not touched."
            )
        )
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box, restore

    def restore(self, ref: str) -> None:
        """Close the dialog and let the window do the restore (it owns the connections)."""
        self.view.accept()
        self.restore_requested.emit(ref)


# Module functions, so the window's banner can word a run to the folder too; the literal
# QCoreApplication.translate calls are what the translation tools find.


def folder_result_text(result) -> str:
    """What a run to the folder did, in one sentence (the dialog's status, the status bar)."""
    text = QCoreApplication.translate("BackupsController", "Backed up to %1: %2.").replace("%1", result.folder).replace(
        "%2", labels.counts_text(result.counts)
    )
    text += " " + QCoreApplication.translate(
        "BackupsController", "%n scan(s) copied this time.", None, result.copied
    )
    if result.missing:
        text += " " + QCoreApplication.translate(
            "BackupsController", "Not copied, as missing or damaged here: %n scan(s).", None,
            len(result.missing),
        )
    return text


def restore_folder_question(parent, folder: str):
    """The question asked before restoring from a backup folder, and its "Restore" button."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("BackupsController", "Restore from this folder?"),
        QCoreApplication.translate("BackupsController", "Bring back your records and scans from the newest backup in %1?")
        .replace("%1", folder),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setInformativeText(QCoreApplication.translate(
        "BackupsController",
        "Everything in the backup is checked first; if it is damaged, nothing is changed. Your "
        "records as they are now are kept in a safety copy.",
    ))
    restore = box.addButton(
        QCoreApplication.translate("BackupsController", "Restore"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box, restore
