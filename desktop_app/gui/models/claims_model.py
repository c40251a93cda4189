"""The claims table: one row per claim, with both payers' status in words."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.gui import labels
from desktop_app.gui.models.row_model import RowTableModel, SortRole
from desktop_app.services.overview import ClaimRow, smart_lists

# The most telling columns first: on a narrow window the amounts are the ones scrolled to.
DATE, PERSON, WHAT, CPAM, MUTUELLE, PAID, EXPECTED, RECEIVED = range(8)
COLUMN_COUNT = 8
_HEADERS = (
    lambda: QCoreApplication.translate("ClaimsTableModel", "Care date"),
    lambda: QCoreApplication.translate("ClaimsTableModel", "Person"),
    lambda: QCoreApplication.translate("ClaimsTableModel", "What"),
    lambda: QCoreApplication.translate("ClaimsTableModel", "CPAM"),
    lambda: QCoreApplication.translate("ClaimsTableModel", "Mutuelle"),
    lambda: QCoreApplication.translate("ClaimsTableModel", "Paid"),
    lambda: QCoreApplication.translate("ClaimsTableModel", "Expected back"),
    lambda: QCoreApplication.translate("ClaimsTableModel", "Received"),
)

DOCUMENT_MIME = "application/x-paperasse-document-ids"

# Background tints for states; the text always says the state too.
STATE_COLOURS = {
    "incomplete": "#fde2c8",
    "ready": "#d8e8fb",
    "sent": "#fff3c4",
    "paid": "#d7f0d8",
    "closed": "#d7f0d8",
    "direct": "#e8ece8",
    "not_covered": "#e8ece8",
    "rejected": "#f8d0d0",
}


def _money_sum(*values) -> Decimal | None:
    present = [Decimal(v) for v in values if v not in (None, "")]
    return sum(present, Decimal("0")) if present else None


# Rows handed to the views at a time: years of claims load at once, but the views (and the
# filter proxy, which calls Python for every row) only see them a screenful or so at a time.
BATCH = 2000


class ClaimsTableModel(RowTableModel):
    HEADERS = _HEADERS

    documents_dropped = Signal(int, list)  # claim id, document ids

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ClaimRow] = []
        self._row_of: dict[int, int] = {}
        self._shown = 0

    # Loading

    def set_rows(self, rows: list[ClaimRow]) -> None:
        self.beginResetModel()
        self._rows = rows if isinstance(rows, list) else list(rows)
        self._row_of = {}
        self._shown = min(len(self._rows), BATCH)
        self.endResetModel()

    def rows(self) -> list[ClaimRow]:
        """Every loaded row, shown to the views or not yet."""
        return self._rows

    def row_for(self, claim_id: int) -> int | None:
        """The row of a claim, handing rows to the views up to it if needed."""
        if not self._row_of and self._rows:
            self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        row = self._row_of.get(claim_id)
        if row is not None and row >= self._shown:
            self._show_up_to(row + 1)
        return row

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not parent.isValid():
            self._show_up_to(self._shown + BATCH)

    def _show_up_to(self, count: int) -> None:
        count = min(count, len(self._rows))
        if count <= self._shown:
            return
        self.beginInsertRows(QModelIndex(), self._shown, count - 1)
        self._shown = count
        self.endInsertRows()

    def claim_at(self, row: int) -> ClaimRow:
        return self._rows[row]

    # Qt model API

    def _row_count(self) -> int:
        return self._shown

    def _other_role(self, row: ClaimRow, column: int, role):
        if role == Qt.ItemDataRole.BackgroundRole and column in (CPAM, MUTUELLE):
            state = row.cpam_state if column == CPAM else row.mutuelle_state
            colour = STATE_COLOURS.get(state)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and column in (CPAM, MUTUELLE):
            return QBrush(QColor("#1d1d1d"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PAID, EXPECTED, RECEIVED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.next_action
        return None

    def _display(self, row: ClaimRow, column: int):
        if column == PERSON:
            return row.person
        if column == DATE:
            return labels.day(row.care_date)
        if column == WHAT:
            what = row.title or labels.category_text(row.category)
            if row.blocking:
                what += "  " + QCoreApplication.translate(
                    "ClaimsTableModel", "(%n thing(s) missing)", "", row.blocking
                )
            return what
        if column == PAID:
            return labels.money(row.amount_paid)
        if column == CPAM:
            return labels.state_text(row.cpam_state)
        if column == MUTUELLE:
            return labels.state_text(row.mutuelle_state)
        if column == EXPECTED:
            return labels.money(_money_sum(row.cpam_expected, row.mutuelle_expected))
        if column == RECEIVED:
            return labels.money(_money_sum(row.cpam_received, row.mutuelle_received))
        return None

    def _sort_key(self, row: ClaimRow, column: int):
        if column == PERSON:
            return row.person.lower()
        if column == DATE:
            return row.care_date or ""
        if column == WHAT:
            return (row.title or labels.category_text(row.category)).lower()
        if column == PAID:
            return float(row.amount_paid or 0)
        if column == CPAM:
            return row.cpam_state
        if column == MUTUELLE:
            return row.mutuelle_state
        if column == EXPECTED:
            return float(_money_sum(row.cpam_expected, row.mutuelle_expected) or 0)
        if column == RECEIVED:
            return float(_money_sum(row.cpam_received, row.mutuelle_received) or 0)
        return 0

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sorting a Python list is far faster than Qt comparing 50,000 rows through data()."""
        if not 0 <= column < COLUMN_COUNT:
            return
        # A reset, not a layout change: rows not yet shown may come first after sorting.
        self.beginResetModel()
        self._rows.sort(
            key=lambda r: (self._sort_key(r, column), r.id),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._row_of = {}
        self.endResetModel()

    # Dropping documents onto a claim links them

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDropEnabled if index.isValid() else base

    def mimeTypes(self):
        return [DOCUMENT_MIME]

    def supportedDropActions(self):
        return Qt.DropAction.LinkAction | Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data.hasFormat(DOCUMENT_MIME) and parent.isValid()

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = decode_document_ids(data)
        if ids:
            self.documents_dropped.emit(self._rows[parent.row()].id, ids)
        # The link is made by the controller through the services; nothing moves in this model.
        return False


def encode_document_ids(ids: list[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(DOCUMENT_MIME, QByteArray(",".join(str(i) for i in ids).encode()))
    return mime


def decode_document_ids(data: QMimeData) -> list[int]:
    raw = bytes(data.data(DOCUMENT_MIME)).decode() if data.hasFormat(DOCUMENT_MIME) else ""
    return [int(x) for x in raw.split(",") if x.strip().isdigit()]


class ClaimsFilterModel(QSortFilterProxyModel):
    """Filters by person, smart list and typed text; sorting is delegated to the source model."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._person_id: int | None = None
        self._smart: str | None = None
        self._text = ""
        self._today = _dt.date.today().isoformat()
        self.setSortRole(SortRole)

    def set_filter(self, person_id=None, smart=None, text=None) -> None:
        self.beginFilterChange()
        self._person_id = person_id
        self._smart = smart
        if text is not None:
            self._text = text.strip().lower()
        self._today = _dt.date.today().isoformat()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def person_id(self):
        return self._person_id

    @property
    def smart(self):
        return self._smart

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        row: ClaimRow = self.sourceModel().claim_at(source_row)
        if self._person_id is not None and row.person_id != self._person_id:
            return False
        if self._smart and self._smart not in smart_lists(row, self._today):
            return False
        if self._text:
            haystack = f"{row.person} {row.title or ''} {labels.category_text(row.category)} {row.care_date or ''}"
            if self._text not in haystack.lower():
                return False
        return True

    def sort(self, column, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
