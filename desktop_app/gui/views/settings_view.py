"""The Settings dialog's layout."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from desktop_app.gui.plain import PlainLabel
from desktop_app.gui.views.words import words


class SettingsView(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumWidth(560)
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
        self.backup_remind = QSpinBox()
        self.backup_remind.setRange(1, 365)
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
        self.backup_remind_label = PlainLabel()
        self.backup_remind_label.setBuddy(self.backup_remind)
        form.addRow(self.backup_remind_label, self.backup_remind)
        self.language_label.setBuddy(self.language)
        form.addRow(self.language_label, self.language)
        self.tesseract_label.setBuddy(self.tesseract)
        form.addRow(self.tesseract_label, tesseract_row)
        form.addRow("", self.tesseract_state)
        # Watched folders: what a scanner or a phone saves into comes into the Inbox.
        self.watch_list = QListWidget()
        self.watch_list.setMaximumHeight(5 * self.fontMetrics().height() + 8)
        self.add_watch = QPushButton()
        self.remove_watch = QPushButton()
        watch_buttons = QVBoxLayout()
        watch_buttons.addWidget(self.add_watch)
        watch_buttons.addWidget(self.remove_watch)
        watch_buttons.addStretch(1)
        watch_row = QHBoxLayout()
        watch_row.addWidget(self.watch_list, 1)
        watch_row.addLayout(watch_buttons)
        self.watch_label = PlainLabel()
        self.watch_label.setBuddy(self.watch_list)
        form.addRow(self.watch_label, watch_row)
        self.after_import = QComboBox()
        self.after_label = PlainLabel()
        self.after_label.setBuddy(self.after_import)
        form.addRow(self.after_label, self.after_import)
        # The calendar kept in the data folder, for a calendar app to subscribe to.
        self.calendar_path = QLineEdit()  # a long path stays whole, scrolls, and can be selected
        self.calendar_path.setReadOnly(True)
        self.copy_calendar = QPushButton()
        calendar_row = QHBoxLayout()
        calendar_row.addWidget(self.calendar_path, 1)
        calendar_row.addWidget(self.copy_calendar)
        self.calendar_label = PlainLabel()
        self.calendar_label.setBuddy(self.calendar_path)
        form.addRow(self.calendar_label, calendar_row)
        self.calendar_hint = PlainLabel()
        self.calendar_hint.setWordWrap(True)
        self.calendar_hint.setStyleSheet("color: #666;")
        form.addRow("", self.calendar_hint)
        # What corrections taught about each issuer's papers: listed, and forgotten, in a dialog.
        self.layouts = QPushButton()
        self.layouts.setObjectName("settings_layouts")
        self.layouts_label = PlainLabel()
        self.layouts_label.setBuddy(self.layouts)
        layouts_row = QHBoxLayout()
        layouts_row.addWidget(self.layouts)
        layouts_row.addStretch(1)
        form.addRow(self.layouts_label, layouts_row)
        # The passphrase: its state, what can be done with it, and when the window locks.
        self.passphrase_state = PlainLabel()
        self.passphrase_state.setWordWrap(True)
        self.set_passphrase = QPushButton()
        self.change_passphrase = QPushButton()
        self.remove_passphrase = QPushButton()
        passphrase_row = QHBoxLayout()
        passphrase_row.addWidget(self.passphrase_state, 1)
        for button in (self.set_passphrase, self.change_passphrase, self.remove_passphrase):
            passphrase_row.addWidget(button)
        self.passphrase_label = PlainLabel()
        form.addRow(self.passphrase_label, passphrase_row)
        self.lock_after = QSpinBox()
        self.lock_after.setRange(0, 24 * 60)
        self.lock_after_label = PlainLabel()
        self.lock_after_label.setBuddy(self.lock_after)
        form.addRow(self.lock_after_label, self.lock_after)
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
        self.backup_remind_label.setText(self.tr("Bac&kup to another folder: remind after (days)"))
        self.backup_remind.setAccessibleName(
            self.tr("Days before reminding to back up to the chosen backup folder")
        )
        self.language_label.setText(self.tr("&Language"))
        self.language.setAccessibleName(self.tr("Language"))
        self.tesseract_label.setText(self.tr("&Tesseract program"))
        self.tesseract.setAccessibleName(self.tr("Tesseract program"))
        self.tesseract.setPlaceholderText(self.tr("found automatically"))
        self.browse.setText(self.tr("&Browse…"))
        self.watch_label.setText(self.tr("&Watched folders"))
        self.watch_list.setAccessibleName(self.tr("Watched folders"))
        self.watch_list.setToolTip(self.tr(
            "New scans and PDFs saved into these folders (by a scanner, or a phone's sync) come "
            "into the Inbox by themselves while Paperasse is open."
        ))
        self.add_watch.setText(self.tr("&Add a folder…"))
        words(self.remove_watch, self.tr("&Remove"), self.tr("Stop watching the selected folder"))
        self.after_label.setText(self.tr("After &importing a file"))
        self.after_import.setAccessibleName(self.tr("What to do with a file once imported"))
        self.calendar_label.setText(self.tr("Cal&endar file"))
        self.calendar_path.setAccessibleName(self.tr("Calendar file"))
        words(self.copy_calendar, self.tr("&Copy path"), self.tr("Copy the calendar file's path"))
        self.layouts_label.setText(self.tr("Issuers' layouts"))
        self.layouts.setText(self.tr("Remembered la&youts…"))
        self.layouts.setToolTip(self.tr(
            "Where your corrections showed each issuer prints its fields, used first on its next "
            "papers: see them, or forget one."
        ))
        self.passphrase_label.setText(self.tr("Passphrase"))
        self.set_passphrase.setText(self.tr("&Set a passphrase…"))
        words(self.change_passphrase, self.tr("C&hange…"), self.tr("Change the passphrase"))
        words(self.remove_passphrase, self.tr("Re&move…"), self.tr("Remove the passphrase"))
        self.lock_after_label.setText(self.tr("Lock after no use for (&minutes)"))
        self.lock_after.setAccessibleName(self.tr("Minutes without use before the window locks"))
        self.lock_after.setSpecialValueText(self.tr("never"))
        self.lock_after.setToolTip(self.tr(
            "With a passphrase, Paperasse closes the records and asks for it again after this "
            "long without a key pressed or the mouse moved, and when the screen locks."))
        self.calendar_hint.setText(self.tr(
            "Every deadline and follow-up, kept up to date: subscribe to this file in your "
            "calendar app to be reminded when Paperasse is closed."
        ))
