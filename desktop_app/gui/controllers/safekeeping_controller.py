"""Keeping the household safe from the File menu: backups, restoring one, whole-household archives.

Everything that reads or writes files runs on a worker; a small "busy" dialog says what is
going on. A restore replaces the database file, so the window first lets its running tasks end,
closes its own connection, has a worker restore (the service takes a safety copy first), then
reopens the data folder and rebuilds what it shows.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from desktop_app.gui.controllers.messages import show_error
from desktop_app.gui.plain import plain_box

TABLE_WORDS = ("people", "claims", "documents")


def busy_dialog(parent, text: str) -> QProgressDialog:
    """A window-modal "working…" box with no Cancel: the task cannot be stopped half-way."""
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setObjectName("busy_dialog")
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    return dialog


class SafekeepingController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.backups_dialog = None

    @property
    def ctx(self):
        return self.window.ctx

    def tr_counts(self, counts: dict) -> str:
        from desktop_app.gui import labels

        return labels.counts_text(counts)

    # Backups

    def open_backups(self):
        from desktop_app.gui.controllers.backups_controller import BackupsController

        if self.backups_dialog is not None and self.backups_dialog.view is not None:
            self.backups_dialog.show()
            return self.backups_dialog
        controller = BackupsController(self.ctx, self.window.workers, self.window, self.ctx.backup_problem)
        controller.restore_requested.connect(self.restore_backup)
        controller.backed_up.connect(self._backed_up)
        controller.folder_backed_up.connect(self._folder_backed_up)
        controller.restore_from_folder_requested.connect(self.restore_from_folder)
        self.backups_dialog = controller
        controller.show()
        return controller

    def _backed_up(self, info) -> None:
        from desktop_app.gui import labels

        self.ctx.backup_problem = None
        self.window.hide_banner()
        self.window.say(self.tr("Backed up: %1 (%2).").replace("%1", labels.moment(info.created_at)).replace(
            "%2", self.tr_counts(info.counts)
        ))

    # Another folder: the reminder, "Back up now" from the banner, restoring from there

    def check_folder_reminder(self) -> None:
        """Show the banner when the last backup to the chosen folder is old (read on a worker)."""
        from desktop_app.services import backup_folder

        today = self.window.today

        def done(due) -> None:
            if due is None:
                self.window.hide_folder_banner()
            else:
                self.window.show_folder_reminder(due)

        self.window.workers.run(
            lambda ctx, **_: backup_folder.reminder(ctx, today), on_success=done,
            on_failure=lambda exc: None,  # a reminder that cannot be read waits for the next start
        )

    def back_up_to_folder(self) -> None:
        """The banner's "Back up now": to the chosen folder, the result in the status bar."""
        from desktop_app.services import backup_folder

        window = self.window
        window.say(self.tr("Copying your records and scans…"))

        def failed(exc) -> None:
            show_error(window, self.tr("The backup failed"), exc)

        window.workers.run(
            lambda ctx, **_: backup_folder.back_up(ctx), on_success=self._folder_backed_up,
            on_failure=failed,
        )

    def _folder_backed_up(self, result) -> None:
        from desktop_app.gui.controllers.backups_controller import folder_result_text

        self.window.hide_folder_banner()
        self.window.say(folder_result_text(result))

    def ask_restore_from_folder(self) -> None:
        """The welcome page's "Restore from a backup folder…"."""
        from desktop_app.gui.controllers.backups_controller import restore_folder_question

        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Restore from a backup folder"), str(Path.home())
        )
        if not folder:
            return
        box, restore = restore_folder_question(self.window, folder)
        box.exec()
        if box.clickedButton() is restore:
            self.restore_from_folder(folder)

    def restore_from_folder(self, folder: str) -> None:
        self.restore_backup(None, folder)

    def restore_backup(self, ref: str | None, folder: str | None = None) -> None:
        window = self.window
        if window.imports.running:
            show_error(window, self.tr("Cannot restore now"),
                       self.tr("Documents are being imported. Restore once the import has finished."))
            return
        dialog = busy_dialog(window, self.tr("Restoring the backup…"))
        dialog.show()  # at once: the window must not be used while its connection is closed
        window.suspend()
        window.workers.cancel_all()

        def when_idle(busy: bool = False) -> None:
            if busy:
                return
            window.workers.busy_changed.disconnect(when_idle)
            self._restore_now(ref, dialog, folder)

        if window.workers.busy:  # the tasks just cancelled end first (none starts meanwhile)
            window.workers.busy_changed.connect(when_idle)
        else:
            self._restore_now(ref, dialog, folder)

    def _restore_now(self, ref: str | None, dialog: QProgressDialog, folder: str | None = None) -> None:
        from desktop_app.services import backup_folder, backups
        from desktop_app.services.context import Context
        from desktop_app.store import Store

        window = self.window
        ctx = window.ctx
        paths = ctx.paths
        # No connection of this window may be open while the file is replaced.
        ctx.store.close()

        def restore(target):
            if folder is not None:
                return backup_folder.restore_from(target, folder, ref)
            return backups.restore(target, ref)

        def work(progress, should_cancel):
            try:
                local = Context(paths=paths, store=Store.open(paths))
            except Exception:  # noqa: BLE001 - a database that cannot be opened is restored as a file
                return restore(paths)
            try:
                return restore(local)
            finally:
                local.store.close()

        def reopen() -> bool:
            try:
                ctx.store = Store.open(paths)
            except Exception as exc:  # noqa: BLE001 - said to the user, not raised
                show_error(window, self.tr("The data folder cannot be opened"), exc)
                return False
            return True

        def done(result) -> None:
            dialog.close()
            if not reopen():
                return
            message = self.tr("Backup restored. Your records as they were just before are in the safety copy %1.").replace(
                "%1", result.safety_backup or "—"
            )
            if folder is not None:
                message = self.tr("Backup restored from %1: %n scan(s) copied.", "",
                                  int(result.copied_originals or 0)).replace("%1", folder)
            missing = len(result.missing_originals) + len(result.altered_originals)
            warning = (
                self.tr("%n scan(s) this backup refers to are missing or changed in the data folder.", "", missing)
                if missing else None
            )
            if missing and folder is not None:
                names = result.missing_originals + result.altered_originals
                warning = self.tr(
                    "%n scan(s) could not be brought back (missing or damaged in the backup "
                    "folder): %1", "", missing,
                ).replace("%1", ", ".join(names))
            window.store_replaced_in_place(message, warning)

        def failed(exc) -> None:
            dialog.close()
            if reopen():
                window.resume()
                window.refresh()
            show_error(window, self.tr("The backup was not restored"), exc)

        window.workers.run(work, on_success=done, on_failure=failed, uses_db=False)

    # Archives

    def ask_export(self) -> str | None:
        window = self.window
        suggested = Path.home() / f"paperasse-{_dt.date.today():%Y-%m-%d}.zip"
        path, _ = QFileDialog.getSaveFileName(
            window, self.tr("Export everything to an archive"), str(suggested), self.tr("Archives (*.zip)")
        )
        if not path:
            return None
        if not path.lower().endswith(".zip"):
            path += ".zip"
        self.export_to(path)
        return path

    def export_to(self, path: str) -> None:
        from desktop_app.gui import labels
        from desktop_app.services import archive

        window = self.window
        dialog = busy_dialog(window, self.tr("Writing the archive…"))

        def done(result) -> None:
            dialog.close()
            window.say(
                self.tr("Archive written: %1 (%2, %3).")
                .replace("%1", result.path)
                .replace("%2", self.tr_counts(result.counts or {}))
                .replace("%3", labels.size_text(result.size))
            )

        def failed(exc) -> None:
            dialog.close()
            show_error(window, self.tr("The archive was not written"), exc)

        # The file dialog already asked before replacing an existing file.
        window.workers.run(
            lambda ctx, **_: archive.export_archive(ctx, path, overwrite=True), on_success=done, on_failure=failed
        )

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import an archive"), str(Path.home()), self.tr("Archives (*.zip)")
        )
        if path:
            self.check_then_import(path)

    def check_then_import(self, path: str, confirm=None) -> None:
        """Check the archive (on a worker), say what importing it will do, then import it.

        ``confirm(summary) -> bool`` replaces the question box (tests)."""
        from desktop_app.services import archive

        window = self.window
        dialog = busy_dialog(window, self.tr("Checking the archive…"))

        def checked(summary) -> None:
            dialog.close()
            ask = confirm or self._confirm_import
            if ask(summary):
                self.import_now(path)

        def failed(exc) -> None:
            dialog.close()
            show_error(window, self.tr("This archive cannot be imported"), exc)

        window.workers.run(
            lambda **_: archive.check_archive(path), on_success=checked, on_failure=failed, uses_db=False
        )

    def _confirm_import(self, summary) -> bool:
        from desktop_app.gui import labels

        counts = summary.counts or {}
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Import this archive?"),
            self.tr("This archive of %1 holds %2 and %n scan(s).", "", int(summary.files or 0))
            .replace("%1", labels.moment(summary.created_at) or "?")
            .replace("%2", self.tr_counts(counts)),
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setInformativeText(
            self.tr(
                "Into an empty household it is restored as it was. Otherwise only what is not here "
                "yet is added; nothing here is changed or removed, and a safety copy of your records "
                "is taken first."
            )
        )
        go = box.addButton(self.tr("Import"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is go

    def import_now(self, path: str) -> None:
        from desktop_app.services import archive

        window = self.window
        dialog = busy_dialog(window, self.tr("Importing the archive…"))

        def done(report) -> None:
            dialog.close()
            window.refresh()
            self.show_import_report(report)

        def failed(exc) -> None:
            dialog.close()
            show_error(window, self.tr("The archive was not imported"), exc)

        window.workers.run(
            lambda ctx, **_: archive.import_archive(ctx, path), on_success=done, on_failure=failed
        )

    def import_report_text(self, report) -> str:
        added, skipped = report.added or {}, report.skipped or {}
        lines = [
            self.tr("Added: %1.").replace("%1", self.tr_counts(added)),
            self.tr("Already here, skipped: %1.").replace("%1", self.tr_counts(skipped)),
        ]
        if report.safety_backup:
            lines.append(self.tr("Safety copy taken first: %1.").replace("%1", report.safety_backup))
        return "\n".join(lines)

    def show_import_report(self, report) -> QMessageBox:
        text = self.import_report_text(report)
        self.window.say(text.replace("\n", " "))
        box = plain_box(QMessageBox(
            QMessageBox.Icon.Information, self.tr("Archive imported"), "",
            QMessageBox.StandardButton.Ok, self.window,
        ))
        box.setText(text)
        box.setObjectName("import_report")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        notes = report.notes or []
        if notes:
            box.setDetailedText("\n".join(str(n) for n in notes))
        box.open()
        return box
