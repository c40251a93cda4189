"""Home: what the payers owe, what is due soon, what to chase, person by person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.plain import PlainLabel


class MoneyCard(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "MoneyCard { background: #f7f9fc; border: 1px solid #d5dde8; border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        self.headline = PlainLabel()
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.detail = PlainLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555;")
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        layout.addStretch()


class DashboardView(QScrollArea):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)
        self.greeting = PlainLabel()
        self.greeting.setStyleSheet("font-size: 17pt; font-weight: 600;")
        self.greeting.setWordWrap(True)
        layout.addWidget(self.greeting)
        cards = QHBoxLayout()
        self.cpam = MoneyCard()
        self.mutuelle = MoneyCard()
        cards.addWidget(self.cpam)
        cards.addWidget(self.mutuelle)
        layout.addLayout(cards)
        lists = QGridLayout()
        self.deadlines_box = QGroupBox()
        self.deadlines = QListWidget()
        QVBoxLayout(self.deadlines_box).addWidget(self.deadlines)
        self.overdue_box = QGroupBox()
        self.overdue = QListWidget()
        for widget in (self.deadlines, self.overdue):
            widget.setWordWrap(True)
            widget.setSpacing(2)
            widget.setMaximumHeight(widget.fontMetrics().height() * 12)
        QVBoxLayout(self.overdue_box).addWidget(self.overdue)
        lists.addWidget(self.deadlines_box, 0, 0)
        lists.addWidget(self.overdue_box, 0, 1)
        layout.addLayout(lists)
        self.people_box = QGroupBox()
        self.people = QTableWidget(0, 4)
        self.people.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people.verticalHeader().hide()
        self.people.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.people.setShowGrid(False)
        QVBoxLayout(self.people_box).addWidget(self.people)
        layout.addWidget(self.people_box)
        self.loading = PlainLabel()
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.loading)
        layout.addStretch()
        self.setWidget(body)
        self.retranslate()

    def retranslate(self) -> None:
        self.deadlines_box.setTitle(self.tr("Next deadlines"))
        self.deadlines.setAccessibleName(self.tr("Next deadlines"))
        self.overdue_box.setTitle(self.tr("To chase"))
        self.overdue.setAccessibleName(self.tr("Payments to chase"))
        self.people_box.setTitle(self.tr("Person by person"))
        self.people.setAccessibleName(self.tr("Amounts owed person by person"))
        self.people.setHorizontalHeaderLabels(
            [self.tr("Person"), self.tr("CPAM owes"), self.tr("Mutuelle owes"), self.tr("Received")]
        )
