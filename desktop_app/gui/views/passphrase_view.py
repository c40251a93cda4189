"""The passphrase dialogs: unlocking, setting (with the warning), changing, removing, and the
recovery key shown once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.gui.plain import PlainLabel


def _secret_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(320)
    return field


class _Base(QDialog):
    """Fields, a line for what went wrong, a busy bar while the key is worked out, buttons."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.intro = PlainLabel()
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = PlainLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(True)
        self.busy.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.busy)
        self.layout_.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def set_working(self, working: bool, text: str = "") -> None:
        """While the key is worked out or the folder converted: nothing else to press."""
        self.busy.setVisible(working)
        self.busy.setFormat(text)
        self.buttons.setEnabled(not working)
        for field in self.findChildren(QLineEdit):
            field.setEnabled(not working)
        if working:
            self.error.hide()

    def show_progress(self, done: int, total: int) -> None:
        self.busy.setRange(0, max(total, 1))
        self.busy.setValue(done)


class UnlockView(_Base):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.passphrase = _secret_field()
        self.passphrase_label = PlainLabel()
        self.passphrase_label.setBuddy(self.passphrase)
        self.form.addRow(self.passphrase_label, self.passphrase)
        self.finish_layout()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Paperasse is locked"))
        self.intro.setText(self.tr(
            "The records in this data folder are protected by a passphrase. Type it to open "
            "them (the recovery key works too)."))
        self.passphrase_label.setText(self.tr("&Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.ok.setText(self.tr("&Unlock"))
        self.cancel.setText(self.tr("&Quit"))


class NewPassphraseView(_Base):
    """Setting a passphrase (with ``ask_current`` False) or changing it."""

    def __init__(self, ask_current: bool, parent=None):
        super().__init__(parent)
        self.ask_current = ask_current
        self.current = _secret_field()
        self.current_label = PlainLabel()
        self.current_label.setBuddy(self.current)
        if ask_current:
            self.form.addRow(self.current_label, self.current)
        else:
            self.current.hide()
            self.current_label.hide()
        self.new = _secret_field()
        self.new_label = PlainLabel()
        self.new_label.setBuddy(self.new)
        self.form.addRow(self.new_label, self.new)
        self.again = _secret_field()
        self.again_label = PlainLabel()
        self.again_label.setBuddy(self.again)
        self.form.addRow(self.again_label, self.again)
        self.warning = PlainLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00; font-weight: 600;")
        self.understood = QCheckBox()
        if not ask_current:
            self.layout_.addWidget(self.warning)
            self.layout_.addWidget(self.understood)
        else:
            self.warning.hide()
            self.understood.hide()
        self.finish_layout()
        self.retranslate()

    def retranslate(self) -> None:
        if self.ask_current:
            self.setWindowTitle(self.tr("Change the passphrase"))
            self.intro.setText(self.tr(
                "The records stay as they are; only the passphrase that opens them changes. The "
                "recovery key keeps working."))
        else:
            self.setWindowTitle(self.tr("Protect with a passphrase"))
            self.intro.setText(self.tr(
                "On a shared computer, a passphrase keeps the household's records, scans and "
                "backups unreadable to anyone who does not know it. Paperasse asks for it when "
                "it starts, and locks itself when nobody uses it."))
        self.current_label.setText(self.tr("&Current passphrase"))
        self.current.setAccessibleName(self.tr("Current passphrase"))
        self.new_label.setText(self.tr("&New passphrase"))
        self.new.setAccessibleName(self.tr("New passphrase"))
        self.again_label.setText(self.tr("The same &again"))
        self.again.setAccessibleName(self.tr("New passphrase again"))
        self.warning.setText(self.tr(
            "If the passphrase is forgotten, the data is gone: nobody, not even Paperasse, can "
            "read it again. A recovery key is shown next: print it or write it down, and keep "
            "it away from this computer."))
        self.understood.setText(self.tr("I &understand: a forgotten passphrase cannot be recovered"))
        self.ok.setText(self.tr("&Change") if self.ask_current else self.tr("&Protect"))
        self.cancel.setText(self.tr("Cancel"))


class RemovePassphraseView(_Base):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.current = _secret_field()
        self.current_label = PlainLabel()
        self.current_label.setBuddy(self.current)
        self.form.addRow(self.current_label, self.current)
        self.finish_layout()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Remove the passphrase"))
        self.intro.setText(self.tr(
            "The records, scans and backups are decrypted in place (a backup is taken first). "
            "Anyone using this computer account can then read them."))
        self.current_label.setText(self.tr("&Current passphrase"))
        self.current.setAccessibleName(self.tr("Current passphrase"))
        self.ok.setText(self.tr("&Remove the passphrase"))
        self.cancel.setText(self.tr("Cancel"))


class RecoveryKeyView(QDialog):
    """The recovery key, shown once, with a button to print it as a page."""

    def __init__(self, key: str, parent=None):
        super().__init__(parent)
        self.key_text = key
        layout = QVBoxLayout(self)
        self.intro = PlainLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.key = PlainLabel(key)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() + 4)
        self.key.setFont(font)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.key)
        self.warning = PlainLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00; font-weight: 600;")
        layout.addWidget(self.warning)
        self.print_button = QPushButton()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Recovery key"))
        self.intro.setText(self.tr(
            "This recovery key opens the data folder if the passphrase is forgotten. It is shown "
            "only now."))
        self.warning.setText(self.tr(
            "Print it or write it down, and keep it somewhere safe away from this computer. "
            "Without the passphrase or this key, the data cannot be read by anyone."))
        self.print_button.setText(self.tr("&Print…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("I have &kept it"))

    def page_text(self, folder: str) -> str:
        return "\n\n".join([
            self.tr("Paperasse: recovery key for the data folder"), folder, self.key_text,
            self.tr("This key opens the data folder if the passphrase is forgotten. Keep this "
                    "page somewhere safe, away from the computer. Without the passphrase or "
                    "this key, the data cannot be read by anyone."),
        ])
