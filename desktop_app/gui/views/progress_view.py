"""The import progress shown in the status bar, with a Cancel button."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from desktop_app.gui.plain import PlainLabel


class ProgressView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = PlainLabel()
        self.label.setMinimumWidth(120)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(260)
        self.bar.setTextVisible(True)
        self.cancel = QPushButton()
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel the import"))
        self.bar.setAccessibleName(self.tr("Import progress"))

    def show_progress(self, done: int, total: int, message: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))
        self.label.setText(message)

    def show_busy(self, message: str) -> None:
        """Work whose length is not known (one large page being read): the bar moves to and
        fro instead of showing a percentage that would sit still."""
        self.bar.setRange(0, 0)
        self.label.setText(message)

    @property
    def busy(self) -> bool:
        return self.bar.maximum() == 0
