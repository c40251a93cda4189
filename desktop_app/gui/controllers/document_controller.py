"""The document pane: show the page, confirm or correct fields, file the document in a claim.

Its jobs are mixins, one module each: the viewer (document_pages.py), the fields
(document_fields.py) and where the document belongs (document_filing.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop_app.core.errors import UserError
from desktop_app.gui import labels
from desktop_app.gui.controllers.document_fields import DATE_NAMES, DocumentFields
from desktop_app.gui.controllers.document_filing import DocumentFiling
from desktop_app.gui.controllers.document_pages import DocumentPages
from desktop_app.gui.controllers.pane_work import PaneWork
from desktop_app.gui.controllers.statement_controller import StatementController
from desktop_app.gui.i18n import TextsOfParts
from desktop_app.gui.lazy import claims, documents, field_checks, inbox, person_proposals
from desktop_app.gui.plain import tip
from desktop_app.gui.views.document_view import DocumentView, FieldEditor
from desktop_app.services import overview


@dataclass
class _Shown:
    """All the pane draws of a document, read in one go on a worker."""

    document: object
    data: dict
    people: list
    names_other: object
    kind_fields: list
    claim: object  # the claim it is attached to, or None
    proposals: list  # claims it may belong to, when it is in the inbox
    person_proposal: object = None  # what an attestation or a mutuelle card offers the record
    reader_warnings: tuple = ()  # what the reader doubted, in the window's language


def _read_pane(ctx, document_id: int, lang: str = "en") -> _Shown:
    doc = documents.get_document(ctx, document_id)
    claim, proposals = None, []
    if doc.claim_id:
        try:
            claim = claims.get_claim(ctx, doc.claim_id)
        except UserError:
            claim = None
    else:
        proposals = inbox.propose_claims(ctx, doc.id)
    data = documents.document_dict(ctx, doc)
    return _Shown(doc, data, overview.people_rows(ctx),
                  documents.document_name_mismatch(ctx, doc),
                  list(field_checks.kind_fields(ctx, str(doc.kind))), claim, proposals,
                  person_proposals.proposal_for(ctx, doc.id),
                  tuple(documents.warning_texts(data.get("notices", ()), lang)))


class DocumentController(TextsOfParts, DocumentPages, DocumentFields, DocumentFiling, QObject):
    changed = Signal()  # something was written: lists need a refresh
    claim_requested = Signal(int)
    message = Signal(str)
    fields_shown = Signal()  # the field editors were built anew: the Tab order follows them
    saved = Signal()  # a field edit was written (after the lists were told)
    shown = Signal(int)  # document id, once the pane shows it

    def __init__(self, view: DocumentView, ctx, workers, parent=None):
        super().__init__(parent)
        self.view = view
        self.ctx = ctx
        self.workers = workers
        self.work = PaneWork(workers, view)
        self.document = None
        self.pane: _Shown | None = None
        self._focus_after_draw: str | None = None
        self.names_other = None  # the person the paper names, when it is filed under another
        self.data: dict = {}
        self.page = 1
        self.page_count = 1
        self.box_scale = 1.0
        self.editors: dict[str, FieldEditor] = {}
        self._generation = 0
        self._pending_highlight: str | None = None
        # Field edits that Undo puts back: (document id, {name: the field before, None if absent}).
        self._undo: list[tuple[int, dict]] = []
        self.saving = False
        self.statement = StatementController(view.statement, ctx, workers, self)
        self.statement.recorded.connect(self._payments_recorded)
        self.statement.payer_set.connect(self._after_edit)
        self._connect_pages(view)
        for button, slot in (
            (view.confirm_all, self.confirm_all),
            (view.undo_edit, self.undo),
            (view.attach, self.attach_selected),
            (view.new_claim, self.new_claim),
            (view.open_claim, self._open_claim),
            (view.move_to_named, self.move_to_named),
            (view.add_to_person, self.add_to_person),
        ):
            button.clicked.connect(slot)
        view.proposals.itemActivated.connect(lambda _item: self.attach_selected())
        view.person.activated.connect(self._person_chosen)
        view.kind.activated.connect(self._kind_chosen)
        self.person_proposal = None  # what an attestation or a mutuelle card offers the record
        self._shortcuts(view, (("Ctrl+Return", self.confirm_all), ("Ctrl+Enter", self.confirm_all)))

    # Showing

    def _shown(self, value, name: str = "") -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, list):
            return " ; ".join(self._shown(v) for v in value)
        if name in DATE_NAMES and isinstance(value, str) and len(value) == 10:
            # Day/month/year reads naturally in both languages, and is accepted back as typed.
            return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
        if name == "payer" and value in ("cpam", "mutuelle"):
            return labels.payer_text(value)  # "CPAM", "Mutuelle": typed back as shown
        if name in ("total_amount", "total_paid"):
            return labels.money_typed(value)  # '304,90' in French, accepted back as typed
        if name in ("nir", "insured_nir") and isinstance(value, str) and len(value) == 15:
            return " ".join((value[0], value[1:3], value[3:5], value[5:7], value[7:10], value[10:13], value[13:]))
        if isinstance(value, dict):
            return ", ".join(f"{labels.field_text(k)} {self._shown(v)}" for k, v in value.items())
        return str(value)

    def show_document(self, document_id: int) -> None:
        """Read the document and what goes with it on a worker, then draw the pane."""
        lang = labels.current_language()
        self.work.read("document", lambda ctx: _read_pane(ctx, document_id, lang), self._draw,
                       self.tr("Cannot open this document"))

    def _draw(self, pane: _Shown) -> None:
        doc = pane.document
        same = self.document is not None and self.document.id == doc.id
        self.pane, self.document, self.data = pane, doc, pane.data
        if not same:
            self.page = 1
            self.view.page.set_image(None)
            self._load_page()
        self._show_header()
        self._show_fields()
        self._show_claim_part()
        self.statement.show_for(doc)
        self._focus_field()
        self.shown.emit(doc.id)

    def reload(self) -> None:
        if self.document is not None:
            self.show_document(self.document.id)

    def _show_header(self) -> None:
        doc, data = self.document, self.data
        self.view.title.setText(
            f"{labels.kind_text(str(doc.kind))} — {labels.breakable(doc.original_name)}")
        self.view.title.setToolTip(tip(self.view.title.text()))
        unconfirmed = len(data.get("unconfirmed", []))
        parts = [self.tr("Imported on %1").replace("%1", labels.day(doc.imported_at))]
        if str(doc.read_state) == "not_read":
            parts.append(self.tr("the text was not read (OCR is not installed)"))
        elif unconfirmed:
            parts.append(self.tr("%n field(s) to check", "", unconfirmed))
        else:
            parts.append(self.tr("all fields checked"))
        self.view.subtitle.setText(" · ".join(parts))
        self.view.person.clear()
        self.view.person.addItem(self.tr("Not known yet"), None)
        for person in self.pane.people:
            self.view.person.addItem(person.name, person.id)
        self.view.person.setCurrentIndex(max(0, self.view.person.findData(doc.person_id)))
        self._show_reader_warnings()
        self._show_names_other()
        self._show_person_proposal()
        self.view.kind.clear()
        for key in labels.KIND_TEXT:
            self.view.kind.addItem(labels.kind_text(key), key)
        self.view.kind.setCurrentIndex(max(0, self.view.kind.findData(str(doc.kind))))
