"""The Remembered layouts dialog's layout: what corrections taught, one issuer a row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout

from desktop_app.gui.plain import PlainLabel
from desktop_app.gui.views.tables_view import empty_note, rows_table

LAYOUT_ROLE = Qt.ItemDataRole.UserRole + 1


class LayoutsView(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("layouts_dialog")
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.hint = PlainLabel()
        self.hint.setWordWrap(True)
        self.table = rows_table(5, stretch=0, name="layouts_table")
        self.empty_label = empty_note("layouts_empty")
        self.error = PlainLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        self.forget = QPushButton()
        self.forget.setObjectName("layouts_forget")
        self.forget_all = QPushButton()
        self.forget_all.setObjectName("layouts_forget_all")
        row.addWidget(self.forget)
        row.addStretch(1)
        row.addWidget(self.forget_all)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Remembered layouts"))
        self.hint.setText(self.tr(
            "When you correct a field of a document, Paperasse remembers where it stood on that "
            "issuer's papers (the words printed before it, its place on the page) and reads the "
            "next papers of the same issuer there first. Forget a layout if its papers changed."
        ))
        self.table.setHorizontalHeaderLabels([
            self.tr("Issuer"), self.tr("Known by"), self.tr("Kind"), self.tr("Fields"),
            self.tr("Used"),
        ])
        self.table.setAccessibleName(self.tr("Remembered layouts"))
        self.empty_label.setText(self.tr(
            "Nothing remembered yet: correcting a field of a document teaches its issuer's layout."
        ))
        self.forget.setText(self.tr("&Forget this layout"))
        self.forget.setAccessibleName(self.tr("Forget the selected layout"))
        self.forget_all.setText(self.tr("Forget &all"))
