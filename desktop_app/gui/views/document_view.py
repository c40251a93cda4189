"""A document: its page on the left, its fields (as read, to confirm) on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.views.page_view import PageView

LEVEL_STYLE = {
    "high": "color: #1e6b2c;",
    "medium": "color: #8a5a00;",
    "low": "color: #b3261e; font-weight: bold;",
}


class FieldEditor(QWidget):
    """One field: its value to correct, and how sure the reading was, in words."""

    focused = Signal(str)
    submitted = Signal(str, str)  # name, value typed

    def __init__(self, name: str, label: str, parent=None):
        super().__init__(parent)
        self.name = name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(1)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(label)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 9pt;")
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        self.edit.returnPressed.connect(lambda: self.submitted.emit(self.name, self.edit.text()))
        self.edit.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.edit and event.type() == event.Type.FocusIn:
            self.focused.emit(self.name)
        return False

    def mousePressEvent(self, event) -> None:
        self.focused.emit(self.name)
        super().mousePressEvent(event)

    def show_state(self, text: str, level: str, confirmed: bool, tooltip: str = "") -> None:
        self.status.setText(text)
        self.status.setStyleSheet("font-size: 9pt; " + LEVEL_STYLE.get(level, ""))
        self.status.setToolTip(tooltip)
        marker = "" if confirmed else "border: 2px solid #e0a100; border-radius: 3px; padding: 1px;"
        self.edit.setStyleSheet(marker)


class DocumentView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("color: #555;")
        outer.addWidget(self.title)
        outer.addWidget(self.subtitle)

        bar = QHBoxLayout()
        self.previous_page = QToolButton()
        self.page_label = QLabel()
        self.next_page = QToolButton()
        self.zoom_out = QToolButton()
        self.zoom_in = QToolButton()
        self.zoom_fit = QToolButton()
        self.rotate = QToolButton()
        self.open_original = QToolButton()
        bar.addWidget(self.previous_page)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_page)
        bar.addSpacing(12)
        for button in (self.zoom_out, self.zoom_in, self.zoom_fit, self.rotate):
            bar.addWidget(button)
        bar.addStretch()
        bar.addWidget(self.open_original)
        outer.addLayout(bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.page = PageView()
        self.splitter.addWidget(self.page)

        side = QWidget()
        # The page matters more than the form: the form keeps to a reading width.
        side.setMinimumWidth(side.fontMetrics().averageCharWidth() * 30)
        side.setMaximumWidth(side.fontMetrics().averageCharWidth() * 46)
        self.page.setMinimumWidth(220)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        who = QFormLayout()
        self.person = QComboBox()
        self.kind = QComboBox()
        self.person_label = QLabel()
        self.kind_label = QLabel()
        self.person_label.setBuddy(self.person)
        self.kind_label.setBuddy(self.kind)
        who.addRow(self.person_label, self.person)
        who.addRow(self.kind_label, self.kind)
        side_layout.addLayout(who)

        self.fields_box = QGroupBox()
        self.fields_form = QFormLayout(self.fields_box)
        self.fields_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.no_fields = QLabel()
        self.no_fields.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.fields_box)
        holder_layout.addWidget(self.no_fields)
        holder_layout.addStretch()
        scroll.setWidget(holder)
        side_layout.addWidget(scroll, 1)
        self.confirm_all = QPushButton()
        side_layout.addWidget(self.confirm_all)

        self.claim_box = QGroupBox()
        claim_layout = QVBoxLayout(self.claim_box)
        self.claim_status = QLabel()
        self.claim_status.setWordWrap(True)
        self.proposals = QListWidget()
        self.proposals.setWordWrap(True)
        self.proposals.setMaximumHeight(self.proposals.fontMetrics().height() * 6)
        claim_buttons = QVBoxLayout()
        self.attach = QPushButton()
        self.new_claim = QPushButton()
        self.open_claim = QPushButton()
        claim_buttons.addWidget(self.attach)
        claim_buttons.addWidget(self.new_claim)
        claim_buttons.addWidget(self.open_claim)
        claim_layout.addWidget(self.claim_status)
        claim_layout.addWidget(self.proposals)
        claim_layout.addLayout(claim_buttons)
        side_layout.addWidget(self.claim_box)

        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        outer.addWidget(self.splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.previous_page.setText("◀")
        self.previous_page.setToolTip(self.tr("Previous page (Page Up)"))
        self.previous_page.setAccessibleName(self.tr("Previous page"))
        self.next_page.setText("▶")
        self.next_page.setToolTip(self.tr("Next page (Page Down)"))
        self.next_page.setAccessibleName(self.tr("Next page"))
        self.zoom_out.setText("−")
        self.zoom_out.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_out.setAccessibleName(self.tr("Zoom out"))
        self.zoom_in.setText("+")
        self.zoom_in.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.zoom_in.setAccessibleName(self.tr("Zoom in"))
        self.zoom_fit.setText(self.tr("Fit"))
        self.zoom_fit.setToolTip(self.tr("Fit the page (Ctrl+0)"))
        self.rotate.setText("⟳")
        self.rotate.setToolTip(self.tr("Rotate a quarter turn (Ctrl+R)"))
        self.rotate.setAccessibleName(self.tr("Rotate"))
        self.open_original.setText(self.tr("Open the original"))
        self.page.setAccessibleName(self.tr("Page of the document"))
        self.person_label.setText(self.tr("&Whose document"))
        self.kind_label.setText(self.tr("&Kind"))
        self.fields_box.setTitle(self.tr("What was read"))
        self.no_fields.setText(self.tr("Nothing could be read on this document. You can still file it."))
        self.confirm_all.setText(self.tr("Everything is right (Ctrl+Enter)"))
        self.confirm_all.setToolTip(
            self.tr("Mark every field as checked, keeping what you corrected")
        )
        self.claim_box.setTitle(self.tr("Claim"))
        self.proposals.setAccessibleName(self.tr("Claims this document may belong to"))
        self.attach.setText(self.tr("&Attach to this claim"))
        self.new_claim.setText(self.tr("&New claim from this document"))
        self.open_claim.setText(self.tr("Open the claim"))
