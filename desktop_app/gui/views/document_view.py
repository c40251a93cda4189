"""A document: its page on the left, its fields (as read, to confirm) on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.plain import PlainLabel, tip
from desktop_app.gui.views.page_view import PageView
from desktop_app.gui.views.statement_view import StatementPanel

LEVEL_STYLE = {
    "high": "color: #1e6b2c;",
    "medium": "color: #8a5a00;",
    "low": "color: #b3261e; font-weight: bold;",
}


class FieldEditor(QWidget):
    """One field: its value to correct (or to type, when the scan did not show it), how sure
    the reading was in words, and why a typed value was refused, right under it."""

    focused = Signal(str)
    submitted = Signal(str, str)  # name, value typed

    def __init__(self, name: str, label: str, parent=None):
        super().__init__(parent)
        self.name = name
        self.missing = False  # not read on the scan: an empty editor to type into
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(1)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(label)
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 9pt;")
        self.problem = PlainLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("font-size: 9pt; " + LEVEL_STYLE["low"])
        self.problem.hide()
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        layout.addWidget(self.status)
        self.edit.returnPressed.connect(lambda: self.submitted.emit(self.name, self.edit.text()))
        # A refusal is about what was typed: it goes as soon as the value is changed.
        self.edit.textEdited.connect(lambda _text: self.show_problem(""))
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
        self.status.setToolTip(tip(tooltip))
        marker = "" if confirmed else "border: 2px solid #e0a100; border-radius: 3px; padding: 1px;"
        self.edit.setStyleSheet(marker)

    def show_missing(self, hint: str, placeholder: str = "") -> None:
        self.missing = True
        self.status.setText(hint)
        self.status.setStyleSheet("font-size: 9pt; color: #555; font-style: italic;")
        self.status.setToolTip("")
        self.edit.setPlaceholderText(placeholder)  # how to write it (a date's order), if it helps
        self.edit.setStyleSheet("border: 1px dashed #8a8a8a; border-radius: 3px; padding: 1px;")

    def show_problem(self, text: str, refused: bool = True) -> None:
        """Why the value typed was refused (red), or a doubt about a value kept (amber)."""
        self.problem.setText(("✗ " if refused else "⚠ ") + text if text else "")
        self.problem.setStyleSheet("font-size: 9pt; " + LEVEL_STYLE["low" if refused else "medium"])
        self.problem.setVisible(bool(text))
        self.edit.setAccessibleDescription(text)


class DocumentView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.title = PlainLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.title.setWordWrap(True)
        # A file name is one long word: on a narrow pane it is cut (its tooltip has it whole).
        self.title.setMinimumWidth(self.fontMetrics().averageCharWidth() * 12)
        self.subtitle = PlainLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("color: #555;")
        self.open_original = QToolButton()
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.open_original, 0, Qt.AlignmentFlag.AlignTop)
        self.delete = QPushButton()
        self.delete.setObjectName("delete_document")
        head.addWidget(self.delete, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(head)
        outer.addWidget(self.subtitle)

        bar = QHBoxLayout()
        self.previous_page = QToolButton()
        self.page_label = PlainLabel()
        self.next_page = QToolButton()
        self.zoom_out = QToolButton()
        self.zoom_in = QToolButton()
        self.zoom_fit = QToolButton()
        self.rotate = QToolButton()
        # "Page 2 of 5" or why the page cannot be shown: cut short (with a tooltip) on a narrow
        # pane rather than widening the whole window.
        self.page_label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 8)
        bar.addWidget(self.previous_page)
        bar.addWidget(self.page_label, 1)
        bar.addWidget(self.next_page)
        bar.addSpacing(12)
        for button in (self.zoom_out, self.zoom_in, self.zoom_fit, self.rotate):
            bar.addWidget(button)
        outer.addLayout(bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.page = PageView()
        self.splitter.addWidget(self.page)

        side = QWidget()
        # The page matters more than the form: the form keeps to a reading width.
        char = side.fontMetrics().averageCharWidth()
        side.setMinimumWidth(char * 24)
        side.setMaximumWidth(char * 46)
        self.page.setMinimumWidth(char * 12)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        who = QFormLayout()
        self.person = QComboBox()
        self.kind = QComboBox()
        self.person_label = PlainLabel()
        self.kind_label = PlainLabel()
        self.person_label.setBuddy(self.person)
        self.kind_label.setBuddy(self.kind)
        who.addRow(self.person_label, self.person)
        who.addRow(self.kind_label, self.kind)
        side_layout.addLayout(who)
        # What the reader doubted on the paper, worded in the window's language by the services.
        self.reader_warnings = PlainLabel()
        self.reader_warnings.setObjectName("reader_warnings")
        self.reader_warnings.setWordWrap(True)
        self.reader_warnings.setStyleSheet("color: #8a5300;")
        side_layout.addWidget(self.reader_warnings)
        self.reader_warnings.hide()
        # A paper naming someone else than the person it is filed under: said, with the move.
        self.names_other = PlainLabel()
        self.names_other.setObjectName("names_other")
        self.names_other.setWordWrap(True)
        self.names_other.setStyleSheet("color: #8a5300;")
        self.move_to_named = QPushButton()
        self.move_to_named.setObjectName("move_to_named")
        side_layout.addWidget(self.names_other)
        side_layout.addWidget(self.move_to_named)
        self.names_other.hide()
        self.move_to_named.hide()
        # An attestation de droits or a mutuelle card: what it offers the person's record, added
        # only when the user says so.
        self.person_values = PlainLabel()
        self.person_values.setObjectName("person_values")
        self.person_values.setWordWrap(True)
        self.add_to_person = QPushButton()
        self.add_to_person.setObjectName("add_to_person")
        side_layout.addWidget(self.person_values)
        side_layout.addWidget(self.add_to_person)
        self.person_values.hide()
        self.add_to_person.hide()

        self.fields_box = QGroupBox()
        self.fields_form = QFormLayout(self.fields_box)
        self.fields_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.no_fields = PlainLabel()
        self.no_fields.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Never squeezed to a sliver on a short pane: a field and its words stay readable, and
        # the side column scrolls instead.
        scroll.setMinimumHeight(side.fontMetrics().height() * 7)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.fields_box)
        holder_layout.addWidget(self.no_fields)
        holder_layout.addStretch()
        scroll.setWidget(holder)
        side_layout.addWidget(scroll, 1)
        self.confirm_all = QPushButton()
        self.undo_edit = QPushButton()
        self.undo_edit.setObjectName("undo_field")
        self.undo_edit.setEnabled(False)
        side_layout.addWidget(self.confirm_all)
        side_layout.addWidget(self.undo_edit)

        self.claim_box = QGroupBox()
        claim_layout = QVBoxLayout(self.claim_box)
        self.claim_status = PlainLabel()
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

        # On a short screen (or at 200 %) the form and the claim part scroll rather than squeeze.
        side_scroll = QScrollArea()
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setWidget(side)
        side_scroll.setMinimumWidth(char * 24)
        side_scroll.setMaximumWidth(char * 48)
        self.splitter.addWidget(side_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # A statement's payments go beneath the page and the form, across the pane's width.
        self.statement = StatementPanel()
        statement_scroll = QScrollArea()
        statement_scroll.setWidgetResizable(True)
        statement_scroll.setFrameShape(QFrame.Shape.NoFrame)
        statement_scroll.setWidget(self.statement)
        self.statement.container = statement_scroll
        self.statement.set_shown(False)
        self.vertical = QSplitter(Qt.Orientation.Vertical)
        self.vertical.addWidget(self.splitter)
        self.vertical.addWidget(statement_scroll)
        self.vertical.setStretchFactor(0, 3)
        self.vertical.setStretchFactor(1, 1)
        self.vertical.setChildrenCollapsible(False)
        outer.addWidget(self.vertical, 1)
        self.statement.wants_room.connect(lambda: QTimer.singleShot(0, self._place_statement))
        self.retranslate()

    STATEMENT_SHARE = 0.6  # at most, of the pane's height: the page and the form keep the rest

    def _place_statement(self) -> None:
        """A statement's payments are what the user came for: the panel gets the height it asks
        for (on a short screen, up to a little over half the pane), so that its summary, its
        table and its button are seen without scrolling; the page and the form share the rest."""
        total = sum(self.vertical.sizes())
        if not total or not self.statement.isVisible():
            return
        wanted = self.statement.sizeHint().height() + 2
        below = min(wanted, int(total * self.STATEMENT_SHARE))
        self.vertical.setSizes([total - below, below])

    def focus_order(self, editors) -> list[QWidget]:
        """Tab order in the pane: the fields to check first, then what to do with the document,
        then the page's own controls."""
        statement = self.statement
        return [e.edit for e in editors] + [
            self.person, self.kind, self.confirm_all, self.undo_edit,
            self.proposals, self.attach, self.new_claim, self.open_claim,
            statement.payer, statement.set_payer, statement.table, statement.record,
            self.open_original, self.delete, self.previous_page, self.next_page,
            self.zoom_out, self.zoom_in, self.zoom_fit, self.rotate, self.page,
        ]

    def retranslate(self) -> None:
        self.delete.setText(self.tr("Delete…"))
        self.delete.setAccessibleName(self.tr("Move this document to the Trash"))
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
        self.undo_edit.setText(self.tr("Undo the last field change"))
        self.undo_edit.setToolTip(self.tr("Put the last field you typed back as it was"))
        self.claim_box.setTitle(self.tr("Claim"))
        self.proposals.setAccessibleName(self.tr("Claims this document may belong to"))
        self.attach.setText(self.tr("&Attach to this claim"))
        self.new_claim.setText(self.tr("&New claim from this document"))
        self.open_claim.setText(self.tr("Open the claim"))
