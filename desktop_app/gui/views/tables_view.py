"""The centre: the claims table (with the inbox beneath it) and the documents table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.plain import PlainLabel


class FittedColumns(QObject):
    """Columns that fit the table's width instead of being cut at its right edge.

    Every column has its width in average characters; one column (``elastic``) takes what is
    left, down to its own minimum, and elides its text. When even that does not fit, the
    ``optional`` columns are hidden, last first, so the columns that stay are whole (the
    claims table keeps its state columns and drops amounts the claim pane shows anyway).
    """

    def __init__(self, table: QTableView, widths: dict[int, int], elastic: int, elastic_min: int,
                 optional: tuple[int, ...] = (), whole: dict[int, Callable[[], list[str]]] | None = None):
        super().__init__(table)
        self.table = table
        self.widths = widths
        # Texts a column shows whole in the current language (a payer's states): the column is at
        # least as wide as the longest, as it is at least as wide as its translated header.
        self.whole = whole or {}
        self.elastic = elastic
        self.elastic_min = elastic_min
        self.optional = optional
        self._hidden: set[int] = set()  # hidden here for want of room (others are hidden by the window)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(header.count()):
            if header.isSectionHidden(column):
                # Qt keeps room for a section hidden while the last one stretched: hide it anew.
                header.showSection(column)
                header.hideSection(column)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        char = table.fontMetrics().averageCharWidth()
        header.setMinimumSectionSize(4 * char)
        for column, chars in widths.items():
            if not header.isSectionHidden(column):  # (resizing a hidden section shows a gap)
                header.resizeSection(column, chars * char + 16)
        # The viewport, not the table: it also changes when a scroll bar comes or goes.
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def column_width(self, column: int) -> int:
        """The column's width in characters, widened to its header and its whole texts."""
        table, header = self.table, self.table.horizontalHeader()
        char = table.fontMetrics().averageCharWidth()
        width = self.widths[column] * char + 16
        model = table.model()
        title = model.headerData(column, Qt.Orientation.Horizontal) if model is not None else None
        if title:
            # Room for the sort arrow and the section's margins beside the words.
            width = max(width, header.fontMetrics().horizontalAdvance(str(title)) + 2 * char + 8)
        texts = self.whole.get(column)
        if texts is not None:
            width = max([width] + [table.fontMetrics().horizontalAdvance(t) + 16 for t in texts()])
        return width

    def fit(self) -> None:
        table, header = self.table, self.table.horizontalHeader()
        char = table.fontMetrics().averageCharWidth()
        available = table.viewport().width()
        width = {c: self.column_width(c) for c in self.widths}
        shown = [c for c in range(header.count()) if c != self.elastic]
        shown = [c for c in shown if c in self._hidden or not header.isSectionHidden(c)]
        elastic_min = self.elastic_min * char + 16
        hidden: set[int] = set()
        for column in reversed(self.optional):
            if sum(width.get(c, header.sectionSize(c)) for c in shown) + elastic_min <= available:
                break
            if column in shown:
                shown.remove(column)
                hidden.add(column)
        for column in self._hidden | hidden:
            table.setColumnHidden(column, column in hidden)
        self._hidden = hidden
        # Still too narrow (a document open beside the list): the widened columns give back
        # what they took over their width in characters, and elide, rather than scroll sideways.
        # Cells elide first (their whole text is in the claim pane), headers last.
        for group in ([c for c in shown if c in self.whole], [c for c in shown if c not in self.whole]):
            over = sum(width.get(c, header.sectionSize(c)) for c in shown) + elastic_min - available
            if over <= 0:
                break
            spare = {c: width[c] - (self.widths[c] * char + 16) for c in group if c in width}
            total_spare = sum(v for v in spare.values() if v > 0)
            if total_spare:
                cut = min(1.0, over / total_spare)
                for column, extra in spare.items():
                    if extra > 0:
                        width[column] -= int(extra * cut + 0.999)
        for column in shown:
            if column in width:
                header.resizeSection(column, width[column])
        rest = available - sum(width.get(c, header.sectionSize(c)) for c in shown)
        header.resizeSection(self.elastic, max(elastic_min, rest))


def page_heading() -> tuple[PlainLabel, PlainLabel]:
    """A page's heading and the grey hint under it (the documents, search and Trash pages)."""
    heading = PlainLabel()
    heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
    hint = PlainLabel()
    hint.setWordWrap(True)
    hint.setStyleSheet("color: #555;")
    return heading, hint


def make_table(accessible_name: str = "") -> QTableView:
    table = QTableView()
    # Tab leaves the table (the arrows move in it): cell by cell, Tab never got out of a list.
    table.setTabKeyNavigation(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setSortingEnabled(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    # Fixed row heights keep scrolling smooth on tens of thousands of rows.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setHighlightSections(False)
    table.setAccessibleName(accessible_name)
    return table


def rows_table(columns: int, stretch: int, name: str = "") -> QTableWidget:
    """A read-only table of whole rows, one chosen at a time (the Trash, the backups, the
    remembered layouts): column ``stretch`` takes the room left, the others fit their contents."""
    table = QTableWidget(0, columns)
    if name:
        table.setObjectName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def empty_note(name: str = "") -> PlainLabel:
    """The grey words shown in a list's place while it has nothing."""
    label = PlainLabel()
    if name:
        label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: #666; padding: 20px;")
    return label


class ClaimsPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.heading = PlainLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        # On a small screen the heading folds onto two lines rather than squeeze the filter box.
        self.heading.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.new_claim = QPushButton()
        top.addWidget(self.heading, 1)
        top.addWidget(self.filter)
        top.addWidget(self.new_claim)
        self.delete_person = QPushButton()
        self.delete_person.setObjectName("delete_person")
        self.delete_person.hide()  # shown on a person's page
        top.addWidget(self.delete_person)
        layout.addLayout(top)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = make_table()
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.table.setDropIndicatorShown(True)
        self.table.setAcceptDrops(True)
        self.table.viewport().setAcceptDrops(True)
        self.splitter.addWidget(self.table)
        inbox = QWidget()
        inbox_layout = QVBoxLayout(inbox)
        inbox_layout.setContentsMargins(0, 4, 0, 0)
        self.inbox_label = PlainLabel()
        self.inbox_label.setWordWrap(True)
        self.inbox_table = make_table()
        self.inbox_table.setDragEnabled(True)
        self.inbox_table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        inbox_layout.addWidget(self.inbox_label)
        inbox_layout.addWidget(self.inbox_table)
        self.inbox = inbox
        self.splitter.addWidget(inbox)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self.empty = empty_note()
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout.addWidget(self.empty)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter claims…"))
        # The box keeps room for its hint whole ("Filtrer les dossiers…") and its frame; the
        # clear button only comes once something is typed, over the hint's place.
        hint = self.filter.fontMetrics().horizontalAdvance(self.filter.placeholderText())
        self.filter.setMinimumWidth(hint + 16)
        self.filter.setMaximumWidth(hint + 16 + 8 * self.filter.fontMetrics().averageCharWidth())
        self.filter.setAccessibleName(self.tr("Filter claims"))
        self.new_claim.setText(self.tr("New claim…"))
        self.delete_person.setText(self.tr("Delete the person…"))
        self.delete_person.setAccessibleName(self.tr("Move this person to the Trash"))
        self.table.setAccessibleName(self.tr("Claims"))
        self.inbox_table.setAccessibleName(self.tr("Documents in the inbox"))
        self.inbox_label.setText(
            self.tr("Inbox: new documents to check. Drag one onto a claim above to attach it.")
        )


class DocumentsPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading, self.hint = page_heading()
        self.table = make_table()
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.table.setAccessibleName(self.tr("Documents"))
