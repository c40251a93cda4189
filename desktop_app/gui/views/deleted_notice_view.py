"""In the status bar after a delete: what went to the Trash, and Undo."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop_app.gui.plain import PlainLabel


class DeletedNotice(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = PlainLabel()
        self.undo = QPushButton()
        self.undo.setObjectName("undo_delete")
        layout.addWidget(self.text)
        layout.addWidget(self.undo)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.undo.setText(self.tr("&Undo"))
        self.undo.setAccessibleName(self.tr("Undo the delete"))
