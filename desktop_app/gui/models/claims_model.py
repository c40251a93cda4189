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


# Rows handed to the views at a time: years of claims load at once, but the views only see them
# a screenful or so at a time.
BATCH = 2000


class ClaimsTableModel(RowTableModel):
    """Every loaded claim (``rows()``), and those the filter lets through (the model's rows).

    The filter is applied here, in Python over the list, not by the proxy: a proxy's
    ``filterAcceptsRow`` written in Python is called from C++ once for every row the views are
    handed, and opening a claim deep in a list of 50,000 hands them all the rows above it."""

    COLUMN_COUNT = COLUMN_COUNT  # the module's, for the base class

    documents_dropped = Signal(int, list)  # claim id, document ids

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[ClaimRow] = []
        self._rows: list[ClaimRow] = []  # the rows let through so far, in order
        self._scanned = 0  # how many of _all the filter has looked at
        self._shown = 0
        self._accepts = None  # None: every row

    # Loading

    def set_rows(self, rows: list[ClaimRow]) -> None:
        self.beginResetModel()
        self._all = rows if isinstance(rows, list) else list(rows)
        self._restart()
        self.endResetModel()

    def set_filter(self, accepts) -> None:
        """Show only the rows ``accepts(row)`` is true for (None: all of them)."""
        self.beginResetModel()
        self._accepts = accepts
        self._restart()
        self.endResetModel()

    def _restart(self) -> None:
        if self._accepts is None:
            self._rows, self._scanned = self._all, len(self._all)
        else:
            self._rows, self._scanned = [], 0
            self._scan(BATCH)
        self._shown = min(len(self._rows), BATCH)

    def _scan(self, wanted: int) -> None:
        """Let the filter look at more rows until ``wanted`` are through (or none are left)."""
        accepts, rows, every = self._accepts, self._rows, self._all
        while len(rows) < wanted and self._scanned < len(every):
            start, self._scanned = self._scanned, min(len(every), self._scanned + BATCH)
            rows += [row for row in every[start:self._scanned] if accepts(row)]

    def rows(self) -> list[ClaimRow]:
        """Every loaded row, let through by the filter or not, shown to the views or not yet."""
        return self._all

    def row_for(self, claim_id: int) -> int | None:
        """The row of a claim, handing rows to the views up to it if needed (None when the
        filter hides it)."""
        row = self._index_of(claim_id)
        if row is None and self._scanned < len(self._all):
            start = len(self._rows)
            self._scan(len(self._all))
            row = self._index_of(claim_id, start)
        if row is not None and row >= self._shown:
            self._show_up_to(row + 1)
        return row

    def _index_of(self, claim_id: int, start: int = 0) -> int | None:
        # A walk, not an index by id: the rows change with every refresh, and one walk over
        # 50,000 costs less than building that index once.
        rows = self._rows
        return next((i for i in range(start, len(rows)) if rows[i].id == claim_id), None)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and (
            self._shown < len(self._rows) or self._scanned < len(self._all))

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not parent.isValid():
            self._scan(self._shown + BATCH)
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

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Care date"), self.tr("Person"), self.tr("What"), self.tr("CPAM"),
                self.tr("Mutuelle"), self.tr("Paid"), self.tr("Expected back"), self.tr("Received"))

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
        # A reset, not a layout change: rows not yet shown may come first after sorting. A new
        # list, not the loaded one sorted in place: that one may be shared with whoever read it.
        self.beginResetModel()
        self._all = sorted(
            self._all,
            key=lambda r: (self._sort_key(r, column), r.id),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._restart()
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
    """Filters by person, smart list and typed text; the filtering and the sorting are done by
    the source model (see ClaimsTableModel): this proxy lets every row through, in C++."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._person_id: int | None = None
        self._smart: str | None = None
        self._text = ""
        self.setSortRole(SortRole)

    def set_filter(self, person_id=None, smart=None, text=None) -> None:
        self._person_id = person_id
        self._smart = smart
        if text is not None:
            self._text = text.strip().lower()
        self._apply()

    def set_text(self, text: str) -> None:
        self._text = text.strip().lower()
        self._apply()

    @property
    def person_id(self):
        return self._person_id

    @property
    def smart(self):
        return self._smart

    def _apply(self) -> None:
        person_id, smart, text = self._person_id, self._smart, self._text
        today = _dt.date.today().isoformat()

        def accepts(row: ClaimRow) -> bool:
            if person_id is not None and row.person_id != person_id:
                return False
            if smart and smart not in smart_lists(row, today):
                return False
            if text:
                haystack = (f"{row.person} {row.title or ''} "
                            f"{labels.category_text(row.category)} {row.care_date or ''}")
                if text not in haystack.lower():
                    return False
            return True

        filtering = person_id is not None or smart or text
        self.sourceModel().set_filter(accepts if filtering else None)

    def sort(self, column, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
