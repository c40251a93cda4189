"""The Backups dialog's layout: the last copy, every copy, and what can be done with them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.gui.plain import PlainLabel
from desktop_app.gui.views.tables_view import rows_table
from desktop_app.gui.views.words import words

WHEN, WHY, PEOPLE, DOCUMENTS, CLAIMS, SIZE = range(6)


class BackupsView(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("backups_dialog")
        char = self.fontMetrics().averageCharWidth()
        line = self.fontMetrics().height()
        # Room for the table's columns, but never more than a small screen holds.
        self.setMinimumSize(min(60 * char, 560), min(18 * line, 320))
        wanted_width, wanted_height = 100 * char, 36 * line
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(wanted_width, screen.width() - 40), min(wanted_height, screen.height() - 60))
        layout = QVBoxLayout(self)
        self.intro = PlainLabel()
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color: #555;")
        self.last = PlainLabel()
        self.last.setWordWrap(True)
        self.last.setStyleSheet("font-weight: 600;")
        self.last.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = PlainLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(
            "color: #7a1a12; background: #fdecea; border: 1px solid #f1b5ae; border-radius: 4px; padding: 6px;"
        )
        self.problem.hide()
        self.table = rows_table(6, stretch=WHY)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setMinimumHeight(5 * line)  # the folder's part below keeps its room
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(20 * char)
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        status_row = QHBoxLayout()
        status_row.addWidget(self.busy)
        status_row.addWidget(self.status, 1)
        self.busy.hide()
        self.back_up = QPushButton()
        self.restore = QPushButton()
        self.open_folder = QPushButton()
        actions = QHBoxLayout()
        actions.addWidget(self.back_up)
        actions.addWidget(self.restore)
        actions.addStretch()
        actions.addWidget(self.open_folder)
        # Another folder (an external drive, a synced folder): the records and the scans.
        self.folder_box = QGroupBox()
        folder_layout = QVBoxLayout(self.folder_box)
        self.folder_text = PlainLabel()
        self.folder_text.setWordWrap(True)
        self.folder_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_folder = QPushButton()
        self.folder_now = QPushButton()
        self.restore_folder = QPushButton()
        folder_actions = QHBoxLayout()
        folder_actions.addWidget(self.choose_folder)
        folder_actions.addWidget(self.folder_now)
        folder_actions.addStretch()
        # Restoring on its own line: it is what a new computer needs, not a daily action.
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_folder)
        restore_row.addStretch()
        folder_layout.addWidget(self.folder_text)
        folder_layout.addLayout(folder_actions)
        folder_layout.addLayout(restore_row)
        self.folder_now.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.intro)
        layout.addWidget(self.problem)
        layout.addWidget(self.last)
        layout.addWidget(self.table, 1)
        layout.addLayout(status_row)
        layout.addLayout(actions)
        layout.addWidget(self.folder_box)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups"))
        self.intro.setText(
            self.tr(
                "Paperasse copies your records into the backups folder once a day. Scans are not "
                "copied there: they never change once imported. Restoring a copy brings your "
                "records back to that moment. To survive this disk failing, back up the records "
                "and the scans to another folder too."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Why"), self.tr("People"), self.tr("Documents"),
             self.tr("Claims"), self.tr("Size")]
        )
        self.table.setAccessibleName(self.tr("Backups, newest first"))
        self.back_up.setText(self.tr("&Back up now"))
        words(self.restore, self.tr("&Restore…"), self.tr("Restore the selected backup"))
        self.open_folder.setText(self.tr("&Open the folder"))
        self.busy.setAccessibleName(self.tr("Working"))
        self.folder_box.setTitle(self.tr("Another folder: an external drive, a synced folder"))
        self.choose_folder.setText(self.tr("Back up to another &folder…"))
        words(self.folder_now, self.tr("Back up &now"), self.tr("Back up now to the chosen folder"))
        self.restore_folder.setText(self.tr("Restore from a backup folder…"))

    def set_busy(self, text: str | None) -> None:
        """A running task: its words beside a busy bar, and the buttons off meanwhile."""
        working = text is not None
        self.busy.setVisible(working)
        self.status.setText(text or "")
        self.back_up.setEnabled(not working)
        self.restore.setEnabled(not working and self.table.currentRow() >= 0)
        self.choose_folder.setEnabled(not working)
        self.restore_folder.setEnabled(not working)
        self.folder_now.setEnabled(not working and self.has_folder)

    has_folder = False  # a backup folder is chosen: "Back up now" there can run
