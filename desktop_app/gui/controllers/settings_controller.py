"""The Settings dialog: data folder, follow-up delay, language, tesseract."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from desktop_app.core.errors import UserError
from desktop_app.gui.views.settings_view import SettingsView


class SettingsController(QObject):
    def __init__(self, ctx, parent_widget):
        super().__init__(parent_widget)
        self.ctx = ctx
        self.language_changed = False
        view = self.view = SettingsView(parent_widget)
        view.folder.setText(str(ctx.paths.root))
        view.follow_up.setValue(int(ctx.setting("follow_up_days") or 30))
        view.electronic.setValue(int(ctx.setting("electronic_follow_up_days") or 14))
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

    def save(self) -> bool:
        view = self.view
        try:
            self.ctx.set_setting("follow_up_days", int(view.follow_up.value()))
            self.ctx.set_setting("electronic_follow_up_days", int(view.electronic.value()))
            language = view.language.currentData()
            self.ctx.set_setting("language", language)
            self.ctx.set_setting("tesseract_cmd", view.tesseract.text().strip() or None)
        except UserError as exc:
            view.error.setText(str(exc))
            view.error.show()
            return False
        self.language_changed = language != self._initial_language
        view.accept()
        return True
