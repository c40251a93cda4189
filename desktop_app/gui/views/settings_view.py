"""The Settings dialog's layout."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)
from desktop_app.gui.plain import PlainLabel


class SettingsView(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.folder = PlainLabel()
        self.folder.setWordWrap(True)
        self.open_folder = QPushButton()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder)
        self.follow_up = QSpinBox()
        self.follow_up.setRange(1, 365)
        self.electronic = QSpinBox()
        self.electronic.setRange(1, 365)
        self.language = QComboBox()
        self.tesseract = QLineEdit()
        self.browse = QPushButton()
        tesseract_row = QHBoxLayout()
        tesseract_row.addWidget(self.tesseract, 1)
        tesseract_row.addWidget(self.browse)
        self.tesseract_state = PlainLabel()
        self.tesseract_state.setWordWrap(True)
        self.folder_label, self.follow_label = PlainLabel(), PlainLabel()
        self.language_label, self.tesseract_label = PlainLabel(), PlainLabel()
        form.addRow(self.folder_label, folder_row)
        self.follow_label.setBuddy(self.follow_up)
        form.addRow(self.follow_label, self.follow_up)
        self.electronic_label = PlainLabel()
        self.electronic_label.setBuddy(self.electronic)
        form.addRow(self.electronic_label, self.electronic)
        self.language_label.setBuddy(self.language)
        form.addRow(self.language_label, self.language)
        self.tesseract_label.setBuddy(self.tesseract)
        form.addRow(self.tesseract_label, tesseract_row)
        form.addRow("", self.tesseract_state)
        layout.addLayout(form)
        self.error = PlainLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.folder_label.setText(self.tr("Data folder"))
        self.open_folder.setText(self.tr("&Open folder"))
        self.follow_label.setText(self.tr("&Follow up after (days)"))
        self.follow_up.setAccessibleName(self.tr("Days before following up an unpaid claim"))
        self.follow_up.setToolTip(
            self.tr("When a payer has not paid this many days after you sent a claim, Paperasse reminds you to chase it.")
        )
        self.electronic_label.setText(self.tr("Carte Vitale claims: follow up after (&days)"))
        self.electronic.setAccessibleName(
            self.tr("Days before following up a claim sent electronically")
        )
        self.electronic.setToolTip(self.tr(
            "The CPAM pays an electronic care sheet in about a week: when nothing has come this "
            "many days after the care, Paperasse reminds you to check."
        ))
        self.language_label.setText(self.tr("&Language"))
        self.language.setAccessibleName(self.tr("Language"))
        self.tesseract_label.setText(self.tr("&Tesseract program"))
        self.tesseract.setAccessibleName(self.tr("Tesseract program"))
        self.tesseract.setPlaceholderText(self.tr("found automatically"))
        self.browse.setText(self.tr("&Browse…"))
