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

    def secret_row(self, shown: bool = True) -> tuple[QLineEdit, PlainLabel]:
        """A passphrase field and its label (whose shortcut goes to the field), added to the
        form, or made and hidden."""
        field = _secret_field()
        label = PlainLabel()
        label.setBuddy(field)
        if shown:
            self.form.addRow(label, field)
        else:
            field.hide()
            label.hide()
        return field, label

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


class _OneSecretView(_Base):
    """Asks for one passphrase (unlocking, removing it); the subclass gives its words."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.secret, self.secret_label = self.secret_row()
        self.finish_layout()
        self.retranslate()

    def retranslate(self) -> None:
        title, intro, label, name, ok, cancel = self._texts()
        self.setWindowTitle(title)
        self.intro.setText(intro)
        self.secret_label.setText(label)
        self.secret.setAccessibleName(name)
        self.ok.setText(ok)
        self.cancel.setText(cancel)

    def _texts(self) -> tuple[str, str, str, str, str, str]:
        """The title, the words above the field, its label and accessible name, OK and Cancel."""
        raise NotImplementedError


class UnlockView(_OneSecretView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.passphrase = self.secret  # what the unlock flow reads

    def _texts(self) -> tuple[str, str, str, str, str, str]:
        return (
            self.tr("Paperasse is locked"),
            self.tr("The records in this data folder are protected by a passphrase. Type it to "
                    "open them (the recovery key works too)."),
            self.tr("&Passphrase"), self.tr("Passphrase"), self.tr("&Unlock"), self.tr("&Quit"),
        )


class NewPassphraseView(_Base):
    """Setting a passphrase (with ``ask_current`` False) or changing it."""

    def __init__(self, ask_current: bool, parent=None):
        super().__init__(parent)
        self.ask_current = ask_current
        self.current, self.current_label = self.secret_row(shown=ask_current)
        self.new, self.new_label = self.secret_row()
        self.again, self.again_label = self.secret_row()
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


class RemovePassphraseView(_OneSecretView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.current = self.secret  # what the flow checks before decrypting

    def _texts(self) -> tuple[str, str, str, str, str, str]:
        return (
            self.tr("Remove the passphrase"),
            self.tr("The records, scans and backups are decrypted in place (a backup is taken "
                    "first). Anyone using this computer account can then read them."),
            self.tr("&Current passphrase"), self.tr("Current passphrase"),
            self.tr("&Remove the passphrase"), self.tr("Cancel"),
        )


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
