"""The left column: home, the smart lists, and the household with what each person has to do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

from desktop_app.gui import icons
from desktop_app.gui.plain import tip as plain_tip

if TYPE_CHECKING:
    from desktop_app.services.overview import PersonRow

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # ("home"|"list"|"person", value)
SMART_ORDER = ("todo", "ready", "waiting", "overdue", "paid", "documents", "inbox")


class SidebarView(QTreeWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(10)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.home = QTreeWidgetItem(self)
        self.home.setData(0, KEY_ROLE, ("home", None))
        self.lists_header = QTreeWidgetItem(self)
        self.lists_header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.lists: dict[str, QTreeWidgetItem] = {}
        for key in SMART_ORDER:
            item = QTreeWidgetItem(self.lists_header)
            item.setData(0, KEY_ROLE, ("list", key))
            self.lists[key] = item
        self.people_header = QTreeWidgetItem(self)
        self.people_header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.all_claims = QTreeWidgetItem(self.people_header)
        self.all_claims.setData(0, KEY_ROLE, ("person", None))
        self.people: dict[int, QTreeWidgetItem] = {}
        self.person_counts: dict[int, int] = {}
        self.trash = QTreeWidgetItem(self)
        self.trash.setData(0, KEY_ROLE, ("trash", None))
        for item, name in ((self.home, "home"), (self.lists_header, "lists"),
                           (self.people_header, "people"), (self.trash, "trash")):
            item.setIcon(0, icons.icon(name))
        for header in (self.lists_header, self.people_header):
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
        self.expandAll()
        self.retranslate()
        self.set_counts({}, {})

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Lists and household"))
        self.home.setText(0, self.tr("Home"))
        self.lists_header.setText(0, self.tr("Lists"))
        self.people_header.setText(0, self.tr("Household"))
        self._base = {
            "todo": self.tr("To do"),
            "ready": self.tr("Ready to send"),
            "waiting": self.tr("Waiting for payment"),
            "overdue": self.tr("Overdue"),
            "paid": self.tr("Paid"),
            "documents": self.tr("All documents"),
            "inbox": self.tr("Inbox"),
        }
        self.all_claims.setText(0, self.tr("All claims"))
        self.trash.setText(0, self.tr("Trash"))

    def set_counts(self, list_counts: dict[str, int], person_counts: dict[int, int]) -> None:
        self.person_counts = dict(person_counts)
        for key, item in self.lists.items():
            count = list_counts.get(key)
            item.setText(0, self._base[key] + (f"  ({count})" if count else ""))
            item.setToolTip(0, item.text(0))
        for person_id, item in self.people.items():
            name = item.data(0, Qt.ItemDataRole.UserRole + 2)
            count = person_counts.get(person_id, 0)
            item.setText(0, name + (f"  ●{count}" if count else ""))
            hint = self.tr("%n claim(s) need something from you", "", count) if count else name
            item.setToolTip(0, plain_tip(hint))
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{name}, {hint}" if count else name)

    def set_people(self, people: list[PersonRow]) -> None:
        for item in self.people.values():
            self.people_header.removeChild(item)
        self.people.clear()
        for person in people:
            item = QTreeWidgetItem(self.people_header)
            item.setData(0, KEY_ROLE, ("person", person.id))
            item.setData(0, Qt.ItemDataRole.UserRole + 2, person.name)
            item.setText(0, person.name)
            self.people[person.id] = item
        self.people_header.setExpanded(True)
        self.set_counts({k: self._count_of(k) for k in self.lists}, self.person_counts)

    def _count_of(self, key: str) -> int:
        text = self.lists[key].text(0)
        return int(text.rsplit("(", 1)[1].rstrip(")")) if text.endswith(")") else 0

    def current_key(self):
        item = self.currentItem()
        return item.data(0, KEY_ROLE) if item else None

    def select(self, kind: str, value=None) -> None:
        if kind == "home":
            self.setCurrentItem(self.home)
        elif kind == "list" and value in self.lists:
            self.setCurrentItem(self.lists[value])
        elif kind == "person":
            self.setCurrentItem(self.people.get(value, self.all_claims))
        elif kind == "trash":
            self.setCurrentItem(self.trash)
