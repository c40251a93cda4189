"""The Trash page: what was deleted, when, how many days it is kept yet; Restore, Empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from desktop_app.gui import icons, labels
from desktop_app.gui.plain import tip
from desktop_app.gui.views.tables_view import empty_note, page_heading, rows_table

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class TrashPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading, self.hint = page_heading()
        self.table = rows_table(4, stretch=1, name="trash_table")
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.empty_label = empty_note()
        buttons = QHBoxLayout()
        self.restore = QPushButton()
        self.restore.setObjectName("trash_restore")
        self.restore.setIcon(icons.icon("restore"))
        self.empty = QPushButton()
        self.empty.setObjectName("trash_empty")
        buttons.addWidget(self.restore)
        buttons.addStretch()
        buttons.addWidget(self.empty)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.retranslate()
        self.set_items([])

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Trash"))
        self.hint.setText(self.tr(
            "What you delete is kept here for 30 days, then removed for good. Restoring puts it "
            "back as it was."))
        self.table.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("Name"), self.tr("Deleted"), self.tr("Kept")])
        self.table.setAccessibleName(self.tr("What is in the Trash"))
        self.restore.setText(self.tr("&Restore"))
        self.empty.setText(self.tr("&Empty the Trash…"))
        self.empty_label.setText(self.tr("The Trash is empty."))

    def kind_text(self, item) -> str:
        if item.kind == "person":
            text = self.tr("Person")
            if item.claims or item.documents:
                text += " " + self.tr("(with %1)").replace("%1", self.with_text(item))
            return text
        if item.kind == "claim":
            text = self.tr("Claim")
            if item.documents:
                text += " " + self.tr("(with %1)").replace("%1", self.with_text(item))
            return text
        return self.tr("Document")

    def with_text(self, item) -> str:
        parts = []
        if item.kind == "person" and item.claims:
            parts.append(self.tr("%n claim(s)", "", item.claims))
        if item.documents:
            parts.append(self.tr("%n document(s)", "", item.documents))
        return ", ".join(parts)

    def set_items(self, items) -> None:
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = [self.kind_text(item), item.label, labels.moment(item.deleted_at),
                     self.tr("%n day(s) left", "", item.days_left)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ENTRY_ROLE, item.entry_id)
                cell.setToolTip(tip(text))
                self.table.setItem(row, column, cell)
        has_items = bool(self.items)
        self.table.setVisible(has_items)
        self.empty_label.setVisible(not has_items)
        if has_items and not self.table.selectedItems():
            self.table.selectRow(0)
        self._update_buttons()

    def selected_entry(self):
        rows = {i.row() for i in self.table.selectedItems()}
        if not rows:
            return None
        return self.items[min(rows)]

    def select_entry(self, entry_id: int) -> None:
        for row, item in enumerate(self.items):
            if item.entry_id == entry_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        self.restore.setEnabled(self.selected_entry() is not None)
        self.empty.setEnabled(bool(self.items))
