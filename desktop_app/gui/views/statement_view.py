"""A statement's panel in the document pane: the payments it lists, each beside the claim it
most likely settles, and one button to record them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.plain import PlainLabel


class StatementPanel(QGroupBox):
    """A statement's payments, each beside the claim it most likely settles, and one button."""

    CLAIM, PERSON, CARE_DATE, AMOUNT, EXPECTED, DIFFERS = range(6)
    wants_room = Signal()  # shown or filled: the pane gives it the height it needs

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.container = self  # the scroll area around the panel, once placed in one
        self.summary = PlainLabel()
        self.summary.setWordWrap(True)
        # A statement whose payer was not read: say so, and ask for it right here.
        self.payer_row = QWidget()
        payer_layout = QHBoxLayout(self.payer_row)
        payer_layout.setContentsMargins(0, 0, 0, 0)
        self.payer_label = PlainLabel()
        self.payer = QComboBox()
        self.payer_label.setBuddy(self.payer)
        self.set_payer = QPushButton()
        payer_layout.addWidget(self.payer_label)
        payer_layout.addWidget(self.payer)
        payer_layout.addWidget(self.set_payer)
        payer_layout.addStretch()
        self.table = QTableWidget(0, 6)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.CLAIM, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().averageCharWidth() * 6)
        line = self.table.fontMetrics().height()
        self.table.setMinimumHeight(line * 4)
        self.table.setMaximumHeight(line * 9)
        self.unmatched = PlainLabel()
        self.unmatched.setWordWrap(True)
        self.unmatched.setStyleSheet("color: #8a5a00;")
        self.unmatched.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.record = QPushButton()
        self.record.setDefault(False)
        buttons.addWidget(self.record)
        buttons.addStretch()
        layout.addWidget(self.summary)
        layout.addWidget(self.payer_row)
        layout.addWidget(self.table)
        layout.addWidget(self.unmatched)
        layout.addLayout(buttons)
        self.retranslate()

    def set_shown(self, shown: bool) -> None:
        self.setVisible(shown)
        self.container.setVisible(shown)
        if shown:
            self.wants_room.emit()

    def fit_rows(self) -> None:
        """The table as tall as its rows (four lines at least, nine at most, then it scrolls),
        and the panel asks for its height again."""
        table = self.table
        line = table.fontMetrics().height()
        rows = (table.verticalHeader().length() + table.horizontalHeader().sizeHint().height()
                + 2 * table.frameWidth())
        table.setMaximumHeight(max(line * 4, min(rows, line * 9)))
        self.wants_room.emit()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Payments on this statement"))
        self.payer_label.setText(self.tr("&Paid by"))
        self.set_payer.setText(self.tr("Use this payer"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Claim"), self.tr("Person"), self.tr("Care date"), self.tr("Paid"),
             self.tr("Expected"), self.tr("Check")]
        )
        self.table.setAccessibleName(self.tr("Payments found on the statement"))
        self.record.setText(self.tr("&Record these payments"))
