"""First run: nobody in the household yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop_app.gui.plain import PlainLabel


class WelcomeView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.title = PlainLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.text = PlainLabel()
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        # A wrapped label placed by alignment gets only its narrowest width and is cut off:
        # give it a real width, in characters so it follows the font and the scale.
        chars = self.fontMetrics().averageCharWidth()
        self.text.setMinimumWidth(min(30 * chars, 620))
        self.text.setMaximumWidth(max(70 * chars, 620))
        layout.addWidget(self.title)
        layout.addSpacing(8)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.text)
        row.addStretch()
        layout.addLayout(row)
        layout.addSpacing(20)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.add_person = QPushButton()
        self.add_person.setDefault(True)
        self.explore = QPushButton()
        for button in (self.add_person, self.explore):
            button.setMinimumHeight(40)
            button.setStyleSheet("padding: 6px 18px; font-size: 11pt;")
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        # On a new computer: the household comes back from a backup folder (an external drive).
        # A line of its own, smaller: the first two are what most people start with.
        self.restore_folder = QPushButton()
        # On a shared family computer: the records locked behind a passphrase from the start.
        self.protect = QPushButton()
        restore_row = QHBoxLayout()
        restore_row.addStretch()
        restore_row.addWidget(self.restore_folder)
        restore_row.addWidget(self.protect)
        restore_row.addStretch()
        layout.addSpacing(8)
        layout.addLayout(restore_row)
        self.privacy = PlainLabel()
        self.privacy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.privacy.setWordWrap(True)
        self.privacy.setStyleSheet("color: #666;")
        layout.addSpacing(16)
        layout.addWidget(self.privacy)
        layout.addStretch(3)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Paperasse"))
        self.text.setText(
            self.tr(
                "Paperasse keeps your household's health paperwork in order: prescriptions, care "
                "sheets, invoices and statements. It tells you what is missing, what to send to the "
                "CPAM and to your mutuelle, and what they still owe you."
            )
        )
        self.add_person.setText(self.tr("&Add a person"))
        self.explore.setText(self.tr("&Explore with sample documents"))
        self.restore_folder.setText(self.tr("&Restore from a backup folder…"))
        self.protect.setText(self.tr("&Protect with a passphrase…"))
        self.protect.setToolTip(self.tr(
            "On a computer shared with others: the records, scans and backups are encrypted and "
            "open only with the passphrase."))
        self.privacy.setText(self.tr("Everything stays on this computer. Nothing is sent anywhere."))
