"""A table model over a list of plain row objects: the shared Qt plumbing of the app's tables."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2


class RowTableModel(QAbstractTableModel):
    """Subclasses set COLUMN_COUNT, give the columns' titles (_headers) and say what a cell shows
    (_display), how it sorts (_sort_key) and anything else (_other_role)."""

    COLUMN_COUNT = 0

    def _row_count(self) -> int:
        return len(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SortRole:
            return self._sort_key(row, column)
        if role == ObjectRole:
            return row
        return self._other_role(row, column, role)

    def _headers(self) -> tuple[str, ...]:
        """Each column's title, in the language installed now (it may change)."""
        raise NotImplementedError

    def _display(self, row, column: int):
        raise NotImplementedError

    def _sort_key(self, row, column: int):
        raise NotImplementedError

    def _other_role(self, row, column: int, role):
        return None
