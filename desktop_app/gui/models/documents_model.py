"""The documents table (All documents, Inbox, search results); rows can be dragged onto a claim."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt

from desktop_app.gui import labels
from desktop_app.gui.models.claims_model import DOCUMENT_MIME, encode_document_ids
from desktop_app.gui.models.row_model import RowTableModel, SortRole
from desktop_app.services.overview import DocumentRow

NAME, KIND, PERSON, DATE, AMOUNT, TO_CONFIRM, CLAIM, FOUND = range(8)
COLUMN_COUNT = 8


class DocumentsTableModel(RowTableModel):
    COLUMN_COUNT = COLUMN_COUNT  # the module's, for the base class

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[DocumentRow] = []

    def set_rows(self, rows: list[DocumentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[DocumentRow]:
        return self._rows

    def document_at(self, row: int) -> DocumentRow:
        return self._rows[row]

    def row_for(self, document_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == document_id:
                return i
        return None

    def _other_role(self, row: DocumentRow, column: int, role):
        if role == Qt.ItemDataRole.ToolTipRole and column == FOUND:
            return row.snippet
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Document"), self.tr("Kind"), self.tr("Person"), self.tr("Date"),
                self.tr("Amount"), self.tr("To check"), self.tr("Claim"), self.tr("Found"))

    def _display(self, row: DocumentRow, column: int):
        if column == NAME:
            return row.original_name
        if column == KIND:
            return labels.kind_text(row.kind)
        if column == PERSON:
            return row.person or QCoreApplication.translate("DocumentsTableModel", "Not known yet")
        if column == DATE:
            return labels.day(row.date)
        if column == AMOUNT:
            return labels.money(row.amount)
        if column == TO_CONFIRM:
            if row.read_state == "not_read":
                return QCoreApplication.translate("DocumentsTableModel", "Not read (no OCR)")
            if not row.unconfirmed:
                return QCoreApplication.translate("DocumentsTableModel", "Checked")
            return QCoreApplication.translate(
                "DocumentsTableModel", "%n field(s) to check", "", row.unconfirmed
            )
        if column == CLAIM:
            if row.claim_id is None:
                return QCoreApplication.translate("DocumentsTableModel", "In the inbox")
            return QCoreApplication.translate("DocumentsTableModel", "Claim %1").replace(
                "%1", str(row.claim_id)
            )
        if column == FOUND:
            return (row.snippet or "").replace("\n", " ")
        return None

    def _sort_key(self, row: DocumentRow, column: int):
        if column == AMOUNT:
            try:
                return float(row.amount or 0)
            except ValueError:
                return 0.0
        if column == TO_CONFIRM:
            return row.unconfirmed
        if column == CLAIM:
            return row.claim_id or 0
        value = self._display(row, column)
        return (value or "").lower() if isinstance(value, str) else value

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(
            key=lambda r: (self._sort_key(r, column), r.id),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.layoutChanged.emit()

    # Dragging documents out (onto a claim)

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self):
        return [DOCUMENT_MIME]

    def supportedDragActions(self):
        return Qt.DropAction.LinkAction | Qt.DropAction.CopyAction

    def mimeData(self, indexes):
        ids = sorted({self._rows[i.row()].id for i in indexes if i.isValid()})
        return encode_document_ids(ids)


class DocumentsFilterModel(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SortRole)

    def sort(self, column, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
