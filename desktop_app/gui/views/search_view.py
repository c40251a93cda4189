"""The search results page: people, claims and documents found, in groups with their counts.

A group is a top-level row of a tree (its name and how many were found); each hit under it is
one row with what it is, its detail line and where the words were found. Enter, a click or a
double click on a hit opens it (``opened`` says which group and which id).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop_app.gui.views.tables_view import page_heading

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
TITLE, DETAIL, MATCHED = range(3)


class SearchPage(QWidget):
    opened = Signal(str, int)  # group ("people", "claims", "documents"), id

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading, self.hint = page_heading()
        self.results = QTreeWidget()
        self.results.setObjectName("search_results")
        self.results.setColumnCount(3)
        self.results.setRootIsDecorated(True)
        self.results.setUniformRowHeights(True)  # smooth with a few hundred rows
        self.results.setAlternatingRowColors(True)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        char = self.results.fontMetrics().averageCharWidth()
        self.results.setColumnWidth(TITLE, 26 * char)
        self.results.setColumnWidth(DETAIL, 50 * char)
        # A click opens a hit; so do Enter and a double click (activation), unless a button is
        # down: the click of that double click opened it already.
        self.results.itemClicked.connect(self._activated)
        self.results.itemActivated.connect(
            lambda item, column: QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton
            and self._activated(item, column)
        )
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Search results"))
        self.results.setHeaderLabels([self.tr("Found"), self.tr("Details"), self.tr("Found in")])
        self.results.setAccessibleName(self.tr("Search results"))

    def _group_name(self, name: str, count: int) -> str:
        if name == "people":
            return self.tr("People (%1)").replace("%1", str(count))
        if name == "claims":
            return self.tr("Claims (%1)").replace("%1", str(count))
        return self.tr("Documents (%1)").replace("%1", str(count))

    def _field_names(self) -> dict[str, str]:
        return {
            "name": self.tr("name"), "caisse": self.tr("caisse"), "mutuelle": self.tr("mutuelle"),
            "title": self.tr("title"), "notes": self.tr("notes"),
            "professional": self.tr("professional"), "person": self.tr("person"),
            "date": self.tr("date"), "category": self.tr("kind of care"), "text": self.tr("text"),
        }

    def show_result(self, result) -> None:
        """Fill the tree from a services.search.SearchResult."""
        tree = self.results
        tree.clear()
        bold = QFont(tree.font())
        bold.setBold(True)
        names = self._field_names()
        for group in result.groups:
            if not group.count:
                continue
            header = QTreeWidgetItem([self._group_name(group.name, group.count)])
            header.setFont(TITLE, bold)
            header.setData(TITLE, GROUP_ROLE, group.name)
            tree.addTopLevelItem(header)
            header.setFirstColumnSpanned(True)
            for hit in group.hits:
                item = QTreeWidgetItem([
                    hit.title, hit.detail, ", ".join(names.get(f, f) for f in hit.matched)
                ])
                item.setData(TITLE, GROUP_ROLE, group.name)
                item.setData(TITLE, ID_ROLE, hit.id)
                item.setToolTip(DETAIL, hit.detail)
                header.addChild(item)
            if group.count > len(group.hits):
                more = QTreeWidgetItem([
                    self.tr("… and %1 more: type more words to narrow the search")
                    .replace("%1", str(group.count - len(group.hits)))
                ])
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                header.addChild(more)
                more.setFirstColumnSpanned(True)
            header.setExpanded(True)
        if result.total:
            self.hint.setText(
                self.tr("%n result(s) for “%1”.", "", result.total).replace("%1", result.text)
            )
            first = self.first_hit()
            if first is not None:
                tree.setCurrentItem(first)
        else:
            self.hint.setText(
                self.tr("Nothing found for “%1”. Check the spelling, or type the start of a word.")
                .replace("%1", result.text)
            )

    def first_hit(self) -> QTreeWidgetItem | None:
        for i in range(self.results.topLevelItemCount()):
            header = self.results.topLevelItem(i)
            if header.childCount():
                return header.child(0)
        return None

    def hit_item(self, group: str, item_id: int) -> QTreeWidgetItem | None:
        for i in range(self.results.topLevelItemCount()):
            header = self.results.topLevelItem(i)
            for j in range(header.childCount()):
                item = header.child(j)
                if item.data(TITLE, GROUP_ROLE) == group and item.data(TITLE, ID_ROLE) == item_id:
                    return item
        return None

    def focus_results(self) -> None:
        self.results.setFocus()
        if self.results.currentItem() is None and self.first_hit() is not None:
            self.results.setCurrentItem(self.first_hit())

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        item_id = item.data(TITLE, ID_ROLE)
        if item_id is None:
            return  # a group's header or the "more" line
        self.opened.emit(item.data(TITLE, GROUP_ROLE), int(item_id))
