"""The main window: the household on the left, what to do in the centre."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import UserError
from desktop_app.services import people
from desktop_app.services.context import Context


class AddPersonDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a person"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.nir = QLineEdit()
        self.nir.setAccessibleName(self.tr("Social security number"))
        self.birth = QLineEdit()
        self.birth.setPlaceholderText("YYYY-MM-DD")
        self.birth.setAccessibleName(self.tr("Birth date"))
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("Social security &number"), self.nir)
        form.addRow(self.tr("&Birth date"), self.birth)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return {
            "name": self.name.text(),
            "nir": self.nir.text() or None,
            "birth_date": self.birth.text() or None,
        }


class MainWindow(QMainWindow):
    def __init__(self, ctx: Context):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle("Paperasse")
        self.resize(1100, 700)
        self.household = QListWidget()
        self.household.setAccessibleName(self.tr("Household"))
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch()
        title = QLabel(self.tr("Nobody in the household yet"))
        title.setAlignment(Qt.AlignCenter)
        title.setStyleSheet("font-size: 18pt;")
        hint = QLabel(self.tr("Add the people whose health papers you keep."))
        hint.setAlignment(Qt.AlignCenter)
        self.add_button = QPushButton(self.tr("Add a person"))
        self.add_button.clicked.connect(self.add_person)
        empty_layout.addWidget(title)
        empty_layout.addWidget(hint)
        empty_layout.addWidget(self.add_button, alignment=Qt.AlignCenter)
        empty_layout.addStretch()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.household)
        self.setCentralWidget(self.stack)
        action = QAction(self.tr("Add a &person…"), self)
        action.setShortcut(QKeySequence("Ctrl+N"))
        action.triggered.connect(self.add_person)
        self.menuBar().addMenu(self.tr("&Household")).addAction(action)
        self.refresh()

    def refresh(self) -> None:
        self.household.clear()
        for person in people.list_people(self.ctx):
            self.household.addItem(QListWidgetItem(person.name))
        self.stack.setCurrentWidget(self.household if self.household.count() else self.empty)

    def add_person(self) -> None:
        dialog = AddPersonDialog(self)
        if dialog.exec() != QDialog.Accepted:
            return
        try:
            people.add_person(self.ctx, **dialog.values())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Cannot add this person"), str(exc))
            return
        self.refresh()
