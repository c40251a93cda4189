"""A claim: both payers' tracks, what is missing with a fix for each, and its documents."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui import icons
from desktop_app.gui.models.claims_model import DOCUMENT_MIME, decode_document_ids
from desktop_app.gui.plain import PlainLabel
from desktop_app.gui.plain import tip as plain_tip
from desktop_app.gui.views.words import words


class DocumentDropList(QListWidget):
    """Linked documents; dropping documents from a documents table here links them."""

    documents_dropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def mimeTypes(self):
        return [DOCUMENT_MIME]

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(DOCUMENT_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(DOCUMENT_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        ids = decode_document_ids(event.mimeData())
        if ids:
            event.acceptProposedAction()
            self.documents_dropped.emit(ids)


class TrackBox(QGroupBox):
    def __init__(self, payer: str, parent=None):
        super().__init__(parent)
        self.payer = payer
        layout = QVBoxLayout(self)
        self.state = PlainLabel()
        self.state.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.amounts = PlainLabel()
        self.amounts.setWordWrap(True)
        self.next_action = PlainLabel()
        self.next_action.setWordWrap(True)
        self.deadline = PlainLabel()
        self.deadline.setWordWrap(True)
        self.history = PlainLabel()
        self.history.setWordWrap(True)
        self.history.setStyleSheet("color: #555; font-size: 9pt;")
        self.buttons = buttons = QGridLayout()
        self.columns = 2
        self.mark_sent = QPushButton()
        self.record_payment = QPushButton()
        self.rejected = QPushButton()
        self.undo = QPushButton()
        self.prepare_mailing = QPushButton()
        for button, name in ((self.mark_sent, "mark_sent"), (self.record_payment, "payment"),
                             (self.undo, "undo")):
            button.setIcon(icons.icon(name))
        buttons.addWidget(self.prepare_mailing, 0, 0, 1, 2)
        buttons.addWidget(self.mark_sent, 1, 0)
        buttons.addWidget(self.record_payment, 1, 1)
        buttons.addWidget(self.rejected, 2, 0)
        buttons.addWidget(self.undo, 2, 1)
        for widget in (self.state, self.amounts, self.next_action, self.deadline):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.history)
        layout.addStretch()

    def set_columns(self, columns: int) -> None:
        """Its buttons two by two, or one under the other on a narrow pane."""
        if columns == self.columns:
            return
        self.two_column_width()  # measured while the buttons are still two by two
        self.columns = columns
        order = (self.prepare_mailing, self.mark_sent, self.record_payment, self.rejected, self.undo)
        for button in order:
            self.buttons.removeWidget(button)
        if columns == 1:
            for row, button in enumerate(order):
                self.buttons.addWidget(button, row, 0)
        else:
            self.buttons.addWidget(self.prepare_mailing, 0, 0, 1, 2)
            for index, button in enumerate(order[1:]):
                self.buttons.addWidget(button, 1 + index // 2, index % 2)

    def two_column_width(self) -> int:
        """How wide the box must be for its buttons to go two by two."""
        if self.columns == 2:
            self._two_column_width = self.minimumSizeHint().width()
        return self._two_column_width

    def retranslate(self, title: str) -> None:
        self.setTitle(title)
        self.prepare_mailing.setText(self.tr("Prepare mailing…"))
        self.prepare_mailing.setAccessibleName(self.tr("Prepare the mailing to %1").replace("%1", title))
        self.prepare_mailing.setToolTip(
            self.tr("The letter and the papers to send to %1, ready to print").replace("%1", title)
        )
        self.mark_sent.setText(self.tr("Mark sent…"))
        self.mark_sent.setAccessibleName(self.tr("Mark sent to %1").replace("%1", title))
        self.record_payment.setText(self.tr("Record payment…"))
        self.record_payment.setAccessibleName(self.tr("Record a payment from %1").replace("%1", title))
        self.rejected.setText(self.tr("Rejected…"))
        self.rejected.setAccessibleName(self.tr("%1 rejected the claim").replace("%1", title))
        self.undo.setText(self.tr("Undo last step"))
        self.undo.setAccessibleName(self.tr("Undo the last %1 step").replace("%1", title))


class ClaimView(QScrollArea):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Text wraps to the pane's width; the payer boxes go one under the other when the
        # pane is narrow (a small screen, 200 %), so sideways scrolling is a last resort.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 6)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        self.title = PlainLabel()
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.subtitle = PlainLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("color: #555;")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        # One above the other: side by side they pushed the pane wider than a 1024-pixel
        # screen leaves it.
        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        self.edit = QPushButton()
        buttons.addWidget(self.edit)
        self.delete = QPushButton()
        self.delete.setObjectName("delete_claim")
        buttons.addWidget(self.delete)
        buttons.addStretch(1)
        head.addLayout(buttons)
        self.edit.setIcon(icons.icon("edit"))
        self.delete.setIcon(icons.icon("delete"))
        layout.addLayout(head)
        self.summary = PlainLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(
            "background: #f3f6fa; border: 1px solid #d5dde8; border-radius: 4px; padding: 8px;"
        )
        layout.addWidget(self.summary)
        self.tracks = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.cpam = TrackBox("cpam")
        self.mutuelle = TrackBox("mutuelle")
        self.tracks.addWidget(self.cpam)
        self.tracks.addWidget(self.mutuelle)
        layout.addLayout(self.tracks)
        self.checklist_box = QGroupBox()
        self.checklist = QVBoxLayout(self.checklist_box)
        layout.addWidget(self.checklist_box)
        self.documents_box = QGroupBox()
        docs_layout = QVBoxLayout(self.documents_box)
        self.documents_hint = PlainLabel()
        self.documents_hint.setWordWrap(True)
        self.documents_hint.setStyleSheet("color: #555;")
        self.documents = DocumentDropList()
        self.documents.setMinimumHeight(90)
        self.doc_buttons = doc_buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._doc_buttons_width = 0
        self.open_document = QPushButton()
        self.attach_scan = QPushButton()
        self.unlink = QPushButton()
        self.open_document.setIcon(icons.icon("open"))
        self.attach_scan.setIcon(icons.icon("attach"))
        doc_buttons.addWidget(self.open_document)
        doc_buttons.addWidget(self.attach_scan)
        doc_buttons.addWidget(self.unlink)
        doc_buttons.addStretch()
        docs_layout.addWidget(self.documents_hint)
        docs_layout.addWidget(self.documents)
        docs_layout.addLayout(doc_buttons)
        layout.addWidget(self.documents_box)
        layout.addStretch()
        self.setWidget(body)
        self.retranslate()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange_tracks()

    def _arrange_tracks(self) -> None:
        width = self.viewport().width() - 16
        box = max(self.cpam.two_column_width(), self.mutuelle.two_column_width())
        side_by_side = width >= 2 * box + self.tracks.spacing()
        direction = QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        if self.tracks.direction() != direction:
            self.tracks.setDirection(direction)
        for track in (self.cpam, self.mutuelle):
            track.set_columns(2 if width >= box else 1)
        # The documents' buttons in a row, or one under the other.
        if self.doc_buttons.direction() == QBoxLayout.Direction.LeftToRight:
            self._doc_buttons_width = self.doc_buttons.minimumSize().width()
        in_row = width - 24 >= self._doc_buttons_width
        direction = QBoxLayout.Direction.LeftToRight if in_row else QBoxLayout.Direction.TopToBottom
        if self.doc_buttons.direction() != direction:
            self.doc_buttons.setDirection(direction)

    def track(self, payer: str) -> TrackBox:
        return self.cpam if payer == "cpam" else self.mutuelle

    def retranslate(self) -> None:
        words(self.edit, self.tr("Edit…"), self.tr("Edit this claim"))
        words(self.delete, self.tr("Delete…"), self.tr("Move this claim to the Trash"))
        self.cpam.retranslate(self.tr("CPAM"))
        self.mutuelle.retranslate(self.tr("Mutuelle"))
        self.checklist_box.setTitle(self.tr("What is missing"))
        self.documents_box.setTitle(self.tr("Documents"))
        self.documents.setAccessibleName(self.tr("Documents of this claim"))
        self.documents_hint.setText(self.tr("Drag documents from the inbox here to attach them."))
        self.open_document.setText(self.tr("Open"))
        self.attach_scan.setText(self.tr("Attach a scan…"))
        self.unlink.setText(self.tr("Remove from claim (Del)"))

    def clear_checklist(self) -> None:
        while self.checklist.count():
            item = self.checklist.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
            elif item.layout() is not None:
                _delete_layout(item.layout())

    def add_checklist_row(self, text: str, severity_text: str, blocking: bool, fix_label: str | None,
                          help_label: str | None = None, on_help=None):
        """A missing item with its fix button (returned, or None when there is nothing to click)
        and, given ``help_label``, a Help link (the row's ``help_button``, calling ``on_help``)
        to what the guide says about it."""
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 2, 0, 2)
        mark = PlainLabel(severity_text)
        mark.setStyleSheet(
            "color: #b3261e; font-weight: 600;" if blocking else "color: #8a5a00; font-weight: 600;"
        )
        mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        label = PlainLabel(text)
        label.setWordWrap(True)
        line.addWidget(mark, 0)
        # The Help link goes under the text, so the explanation keeps its width on a narrow pane.
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(label)
        line.addLayout(column, 1)
        button = None
        if fix_label:
            button = QPushButton(fix_label)
            button.setAccessibleName(f"{fix_label}: {text}")
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        row.help_button = None
        if help_label:
            # A tool button, not a push button: the row's fix stays its only push button.
            row.help_button = link = QToolButton()
            link.setText(help_label)
            link.setIcon(icons.icon("help"))
            link.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            link.setAutoRaise(True)
            link.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            link.setAccessibleName(f"{help_label}: {text}")
            link.setToolTip(plain_tip(self.tr("What the guide says about this")))
            if on_help is not None:
                link.clicked.connect(lambda _=False: on_help())
            column.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
        self.checklist.addWidget(row)
        return button

    def add_checklist_note(self, text: str) -> None:
        label = PlainLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: #1e6b2c;")
        self.checklist.addWidget(label)


def _delete_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            _delete_layout(item.layout())
