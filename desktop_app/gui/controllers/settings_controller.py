"""The Settings dialog: data folder, follow-up delay, language, tesseract, watched folders,
the subscribed calendar, and the way to the remembered layouts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QListWidgetItem

from desktop_app.core.errors import UserError
from desktop_app.gui.controllers.pane_work import PaneWork
from desktop_app.gui.lazy import reminders, watch_folders
from desktop_app.gui.views.settings_view import SettingsView

FOLDER_ROLE = Qt.ItemDataRole.UserRole


class SettingsController(QObject):
    layouts_opened = Signal()  # the Remembered layouts dialog is on screen

    def __init__(self, ctx, parent_widget, workers=None):
        super().__init__(parent_widget)
        self.ctx = ctx
        # Settings are read here (a few rows; WAL readers never wait); saving writes, which may
        # wait for the command line's lock: it goes to the window's workers when there are some.
        self.work = PaneWork(workers, parent_widget) if workers is not None else None
        self.language_changed = False
        self.watch_changed = False
        view = self.view = SettingsView(parent_widget)
        view.folder.setText(str(ctx.paths.root))
        view.follow_up.setValue(int(ctx.setting("follow_up_days") or 30))
        view.electronic.setValue(int(ctx.setting("electronic_follow_up_days") or 14))
        view.backup_remind.setValue(int(ctx.setting("backup_folder_remind_days") or 7))
        view.language.addItem("Français", "fr")
        view.language.addItem("English", "en")
        from desktop_app.gui.i18n import choose_language

        current = choose_language(ctx.setting("language"))
        view.language.setCurrentIndex(max(0, view.language.findData(current)))
        self._initial_language = current
        view.tesseract.setText(ctx.setting("tesseract_cmd") or "")
        view.tesseract.textChanged.connect(self._show_tesseract_state)
        view.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ctx.paths.root)))
        )
        view.browse.clicked.connect(self._browse)
        self._initial_watch = (watch_folders.folders(ctx), watch_folders.after_import(ctx))
        for folder in self._initial_watch[0]:
            self._add_item(folder)
        view.after_import.addItem(self.tr("Leave it where it is"), watch_folders.LEAVE)
        view.after_import.addItem(self.tr("Move it into an “imported” subfolder"),
                                  watch_folders.MOVE)
        view.after_import.setCurrentIndex(
            max(0, view.after_import.findData(self._initial_watch[1])))
        view.add_watch.clicked.connect(self._add_folder)
        view.remove_watch.clicked.connect(self._remove_folder)
        view.watch_list.currentRowChanged.connect(lambda _row: self._sync_watch_buttons())
        self._sync_watch_buttons()
        view.calendar_path.setText(str(reminders.subscribed_path(ctx)))
        view.copy_calendar.clicked.connect(self._copy_calendar)
        # The remembered layouts are read and forgotten on the window's workers.
        self.workers = workers if workers is not None else getattr(parent_widget, "workers", None)
        self.layouts = None
        view.layouts.setEnabled(self.workers is not None)
        view.layouts.clicked.connect(self.open_layouts)
        self.passphrase_action = None  # "set", "change" or "remove": done once this closes
        from desktop_app.services import passphrase

        protected = passphrase.is_protected(ctx.paths.root)
        view.passphrase_state.setText(
            self.tr("The data folder is protected by a passphrase.") if protected else
            self.tr("No passphrase: anyone using this computer account can read the records."))
        view.set_passphrase.setVisible(not protected)
        view.change_passphrase.setVisible(protected)
        view.remove_passphrase.setVisible(protected)
        for button, action in ((view.set_passphrase, "set"), (view.change_passphrase, "change"),
                               (view.remove_passphrase, "remove")):
            button.clicked.connect(lambda _checked=False, a=action: self._passphrase(a))
        view.lock_after.setValue(int(ctx.setting("lock_after_minutes") or 0))
        view.lock_after.setEnabled(protected)
        view.buttons.accepted.connect(self.save)
        view.buttons.rejected.connect(view.reject)
        self._show_tesseract_state()

    def exec(self) -> int:
        return self.view.exec()

    def _show_tesseract_state(self) -> None:
        typed = self.view.tesseract.text().strip()
        found = shutil.which(typed) if typed else shutil.which("tesseract")
        if found:
            self.view.tesseract_state.setStyleSheet("color: #1e6b2c;")
            self.view.tesseract_state.setText(self.tr("✓ Text recognition is available (%1)").replace("%1", found))
        else:
            self.view.tesseract_state.setStyleSheet("color: #b3261e;")
            self.view.tesseract_state.setText(
                self.tr("✗ Tesseract was not found: scans are stored but not read. Install tesseract-ocr and tesseract-ocr-fra, or give its path.")
            )

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.view, self.tr("Choose the tesseract program"))
        if path:
            self.view.tesseract.setText(path)

    # Watched folders

    def _add_item(self, folder: Path) -> None:
        text = str(folder)
        if not os.path.isdir(folder):
            text = self.tr("%1 (not found just now)").replace("%1", text)
        item = QListWidgetItem(text)
        item.setData(FOLDER_ROLE, str(folder))
        self.view.watch_list.addItem(item)

    def chosen_folders(self) -> list[Path]:
        watch_list = self.view.watch_list
        return [Path(watch_list.item(i).data(FOLDER_ROLE)) for i in range(watch_list.count())]

    def _add_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self.view, self.tr("Choose a folder to watch"), str(Path.home())
        )
        if not chosen:
            return
        try:
            folder = watch_folders.checked_folder(self.ctx, chosen)
        except UserError as exc:
            self._show_error(str(exc))
            return
        self.view.error.hide()
        if folder not in self.chosen_folders():
            self._add_item(folder)
        self.view.watch_list.setCurrentRow(self.chosen_folders().index(folder))
        self._sync_watch_buttons()

    def _remove_folder(self) -> None:
        row = self.view.watch_list.currentRow()
        if row >= 0:
            self.view.watch_list.takeItem(row)
        self._sync_watch_buttons()

    def _sync_watch_buttons(self) -> None:
        self.view.remove_watch.setEnabled(self.view.watch_list.currentRow() >= 0)

    def _copy_calendar(self) -> None:
        QGuiApplication.clipboard().setText(self.view.calendar_path.text())
        self.view.copy_calendar.setText(self.tr("Copied"))

    def open_layouts(self) -> None:
        """The remembered layouts, in a dialog of their own over this one."""
        from desktop_app.gui.controllers.layouts_controller import LayoutsController

        self.layouts = LayoutsController(self.workers, self.view)
        self.layouts.open()
        self.layouts_opened.emit()

    def _passphrase(self, action: str) -> None:
        """The passphrase dialogs run once Settings is closed (a conversion closes the window)."""
        self.passphrase_action = action
        self.view.reject()

    def _show_error(self, text: str) -> None:
        self.view.error.setText(text)
        self.view.error.show()

    def save(self) -> bool:
        """Save what the form holds; True once the saving has started (or, without workers,
        is done)."""
        view = self.view
        folders, after = self.chosen_folders(), view.after_import.currentData()
        values = {
            "follow_up_days": int(view.follow_up.value()),
            "electronic_follow_up_days": int(view.electronic.value()),
            "backup_folder_remind_days": int(view.backup_remind.value()),
            "lock_after_minutes": int(view.lock_after.value()),
            "language": view.language.currentData(),
            "tesseract_cmd": view.tesseract.text().strip() or None,
        }

        def write(ctx):
            # The folders first: one that cannot be watched stops the saving before anything.
            watch = (watch_folders.save_settings(ctx, folders, after), after)
            for key, value in values.items():
                ctx.set_setting(key, value)
            return watch

        if self.work is None:
            try:
                watch = write(self.ctx)
            except UserError as exc:
                self._refused(exc)
                return False
            self._saved(watch, values["language"])
            return True
        view.buttons.setEnabled(False)
        self.work.write(write, lambda watch: self._saved(watch, values["language"]),
                        self.tr("The settings could not be saved"), on_user_error=self._refused)
        return True

    def _saved(self, watch, language) -> None:
        self.view.buttons.setEnabled(True)
        self.language_changed = language != self._initial_language
        self.watch_changed = watch != self._initial_watch
        self.view.accept()

    def _refused(self, exc: UserError) -> None:
        self.view.buttons.setEnabled(True)
        from desktop_app.gui.labels import current_language

        self.view.error.setText(exc.text(current_language()))
        self.view.error.show()
