"""Home: fills the dashboard from the household totals and services.dashboard's lists."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QTableWidgetItem

from desktop_app.gui import labels
from desktop_app.gui.plain import tip
from desktop_app.gui.views.dashboard_view import DashboardView

if TYPE_CHECKING:
    from desktop_app.services.results import HouseholdTotals

class DashboardController(QObject):
    claim_requested = Signal(int)

    def __init__(self, view: DashboardView, parent=None):
        super().__init__(parent)
        self.view = view
        view.deadlines.itemActivated.connect(self._open)
        view.overdue.itemActivated.connect(self._open)

    def _open(self, item: QListWidgetItem) -> None:
        claim_id = item.data(Qt.ItemDataRole.UserRole)
        if claim_id:
            self.claim_requested.emit(claim_id)

    def show_loading(self) -> None:
        self.view.loading.setText(self.tr("Adding up what you are owed…"))

    def show_totals(self, totals: HouseholdTotals, people_count: int) -> None:
        """The money figures, which come first (the lists follow with every claim's status)."""
        view = self.view
        view.loading.setText("")
        owed, received = totals.owed, totals.received
        view.greeting.setText(
            self.tr("Your household's health paperwork")
            if people_count
            else self.tr("Add the people whose papers you keep")
        )
        self._card(view.cpam, self.tr("The CPAM owes you %1"), self.tr("The CPAM owes you nothing"),
                   owed.cpam, received.cpam)
        self._card(view.mutuelle, self.tr("Your mutuelle owes you %1"),
                   self.tr("Your mutuelle owes you nothing"), owed.mutuelle, received.mutuelle)
        self._people(totals)

    def show_household(self, board, people_count: int) -> None:
        """The figures and both lists (services.dashboard.Dashboard: a dozen lines at most)."""
        view = self.view
        self.show_totals(board.totals, people_count)
        self._fill(view.deadlines, [(i.claim_id, self._line(i)) for i in board.deadlines],
                   self.tr("No deadline coming up."))
        self._fill(view.overdue, [(i.claim_id, self._line(i)) for i in board.chase],
                   self.tr("Nothing to chase. All good."))

    def _line(self, item) -> str:
        who = labels.payer_in_sentence(item.payer)
        what = item.title or labels.category_text(item.category)
        if item.kind == "chase":
            return (self.tr("Chase the %1 — %2, %3 (%4): due since %5")
                    .replace("%1", who).replace("%2", item.person).replace("%3", what)
                    .replace("%4", labels.day(item.care_date)).replace("%5", labels.day(item.day)))
        if item.kind == "too_late":
            return (self.tr("Too late for the %1? %2, %3: the deadline was %4")
                    .replace("%1", who).replace("%2", item.person).replace("%3", what)
                    .replace("%4", labels.day(item.day)))
        return (self.tr("Send to the %1 by %2 — %3, %4")
                .replace("%1", who).replace("%2", labels.day(item.day))
                .replace("%3", item.person).replace("%4", what))

    def _people(self, totals: HouseholdTotals) -> None:
        view = self.view
        by_person = totals.by_person
        view.people.setRowCount(len(by_person))
        for row, (name, t) in enumerate(by_person.items()):
            got = Decimal(t.received.cpam) + Decimal(t.received.mutuelle)
            for column, text in enumerate(
                (name, labels.money(t.owed.cpam), labels.money(t.owed.mutuelle), labels.money(got))
            ):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                view.people.setItem(row, column, item)
        height = view.people.horizontalHeader().height() + 8 + view.people.verticalHeader().length()
        view.people.setFixedHeight(height)

    def _card(self, card, owed_text, nothing_text, owed, received) -> None:
        owed_value = Decimal(owed or "0")
        card.headline.setText(owed_text.replace("%1", labels.money(owed_value)) if owed_value else nothing_text)
        card.detail.setText(
            self.tr("Already received: %1").replace("%1", labels.money(received or "0"))
        )

    def _fill(self, widget, rows, empty_text: str) -> None:
        widget.clear()
        if not rows:
            item = QListWidgetItem(empty_text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            widget.addItem(item)
            return
        for claim_id, text in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, claim_id)
            item.setToolTip(tip(text))
            widget.addItem(item)
