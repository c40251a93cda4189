"""The main window while its records are replaced (a restore, an archive) and the safekeeping banners."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.gui.controllers.messages import show_error

if TYPE_CHECKING:
    from desktop_app.services import backup_folder


class WindowRestoring:
    """Suspending the reads while the database is replaced, showing the new records, and the banners
    about backups."""

    def suspend(self) -> None:
        """Stop everything that reads the database (a restore is about to replace it)."""
        self._suspended = True
        self.watcher.stop()
        for timer in (self._watch_timer, self._refresh_timer, self._search_timer):
            timer.stop()

    def resume(self) -> None:
        self._suspended = False
        self._data_version = self._read_data_version()
        self._watch_timer.start()
        self.watcher.resume()

    def store_replaced_in_place(self, message: str, warning: str | None = None) -> None:
        """The database file was replaced and ``ctx.store`` reopened: show the new records."""
        if self.rebuild_on_store_change:
            self.store_replaced.emit(message, warning)  # the AppController builds a new window
            return
        self.workers.shutdown()
        self.resume()
        self.household = None
        self.claims_model.set_rows([])
        self.refresh()
        self.after_restore(message, warning)

    def after_restore(self, message: str, warning: str | None = None) -> None:
        self.say(message)
        if warning:
            show_error(self, self.tr("Some scans are missing"), warning)

    def show_backup_problem(self, problem: str) -> None:
        self.ctx.backup_problem = problem
        self.banner.text.setText(
            self.tr("The automatic backup failed: %1").replace("%1", problem)
        )
        self.banner.action.setText(self.tr("Backups…"))
        self.banner.show()

    def hide_banner(self) -> None:
        self.banner.hide()

    def show_folder_reminder(self, due: backup_folder.FolderReminder) -> None:
        if due.days is None:
            text = self.tr("Nothing has been backed up to %1 yet.").replace("%1", due.folder)
        else:
            text = self.tr("The last backup to %1 was %n day(s) ago.", "", int(due.days)).replace(
                "%1", due.folder)
        self.folder_banner.text.setText(text)
        self.folder_banner.action.setText(self.tr("Back up now"))
        self.folder_banner.show()

    def hide_folder_banner(self) -> None:
        self.folder_banner.hide()
