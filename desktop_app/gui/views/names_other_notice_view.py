"""In the status bar after an import: a paper that names someone else, and the move to them."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop_app.gui.plain import PlainLabel


class NamesOtherNotice(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = PlainLabel()
        self.text.setObjectName("names_other_notice")
        self.move = QPushButton()
        self.move.setObjectName("move_imported_to_named")
        self.close_button = QPushButton()
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.text)
        layout.addWidget(self.move)
        layout.addWidget(self.close_button)
        self.document_id: int | None = None
        self.person_id: int | None = None
        self.person_name: str | None = None
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.close_button.setText("×")
        self.close_button.setAccessibleName(self.tr("Dismiss"))

    def show_for(self, document_id: int, text: str, person_id: int | None, person_name: str | None):
        self.document_id, self.person_id, self.person_name = document_id, person_id, person_name
        self.text.setText(text)
        self.move.setVisible(person_id is not None)
        if person_name:
            self.move.setText(self.tr("Move to %1").replace("%1", person_name))
        self.show()
