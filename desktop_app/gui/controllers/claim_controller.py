"""The claim pane: payer tracks and their steps, the checklist with its fixes, linked documents.

Drawing the status is in claim_render.py, the payer steps in claim_steps.py (mixins)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.errors import UserError
from desktop_app.gui import labels
from desktop_app.gui.controllers.claim_render import PAYERS, ClaimRendering
from desktop_app.gui.controllers.claim_steps import ClaimSteps
from desktop_app.gui.controllers.messages import show_error
from desktop_app.gui.controllers.pane_work import PaneWork
from desktop_app.gui.i18n import TextsOfParts
from desktop_app.gui.lazy import claims, inbox, people, tracking
from desktop_app.gui.views.claim_view import ClaimView
from desktop_app.gui.views.track_dialogs_view import ClaimFormDialog
from desktop_app.services import overview
from desktop_app.services.results import ClaimStatus


class ClaimController(TextsOfParts, ClaimRendering, ClaimSteps, QObject):
    changed = Signal(int)  # claim id whose status changed
    document_requested = Signal(int)
    person_edit_requested = Signal(int, str)  # person id, the field to fix ('' for none)
    attach_requested = Signal(int, str)  # claim id, document kind wanted
    message = Signal(str)
    help_requested = Signal(str)  # the guide's section explaining a checklist item

    shown = Signal(int)  # claim id, once its status is drawn

    def __init__(self, view: ClaimView, ctx, workers, parent=None):
        super().__init__(parent)
        self.view = view
        self.ctx = ctx
        self.work = PaneWork(workers, view)
        self.claim_id: int | None = None
        self.status: ClaimStatus | None = None
        for payer in PAYERS:
            box = view.track(payer)
            box.mark_sent.clicked.connect(lambda _=False, p=payer: self.ask_mark_sent(p))
            box.record_payment.clicked.connect(lambda _=False, p=payer: self.ask_payment(p))
            box.rejected.clicked.connect(lambda _=False, p=payer: self.ask_rejected(p))
            box.undo.clicked.connect(lambda _=False, p=payer: self.undo(p))
            box.prepare_mailing.clicked.connect(lambda _=False, p=payer: self.prepare_mailing(p))
        view.edit.clicked.connect(self.ask_edit)
        view.documents.documents_dropped.connect(self.link_documents)
        view.documents.itemActivated.connect(
            lambda item: self.document_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        view.open_document.clicked.connect(self._open_selected)
        view.unlink.clicked.connect(self.ask_unlink_selected)
        view.attach_scan.clicked.connect(
            lambda: self.claim_id and self.attach_requested.emit(self.claim_id, "")
        )
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), view.documents)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.ask_unlink_selected)

    # Showing

    def show_claim(self, claim_id: int, then=None) -> None:
        """Read the claim's status on a worker, then draw it (and call ``then()``)."""
        lang = labels.current_language()  # read here: the installed translation

        def shown(status) -> None:
            self.status, self.claim_id = status, claim_id
            self._render()
            if then is not None:
                then()
            self.shown.emit(claim_id)

        self.work.read_call("claim", tracking.claim_status, claim_id, lang=lang, done=shown,
                            error_title=self.tr("Cannot open this claim"))

    def reload(self) -> None:
        if self.claim_id is not None:
            self.show_claim(self.claim_id)


    # Fixing what is missing

    def fix(self, action: str) -> None:
        if self.claim_id is None:
            return
        if action.startswith(("edit_person", "edit_insured")):
            # "edit_person:iban": the form opens on the tab and field the checklist names.
            kind, _sep, field = action.partition(":")
            person_id = self.status.person_id or 0
            if kind == "edit_insured" and person_id:
                def insured_of(ctx):
                    try:
                        return people.find_person(ctx, person_id).insured_id or person_id
                    except UserError:
                        return person_id

                self.work.read("person", insured_of,
                               lambda pid: self.person_edit_requested.emit(pid, field),
                               self.tr("Cannot open this person"))
                return
            self.person_edit_requested.emit(person_id, field)
        elif action.startswith("attach_document"):
            kind = action.split(":", 1)[1] if ":" in action else ""
            self.attach_requested.emit(self.claim_id, kind)
        elif action == "mark_signed":
            self.mark_signed()
        elif action.startswith("complete_document") and self._document_of(action) is not None:
            # The field may be on the paper but not read on the scan: it is typed in the pane.
            self.document_requested.emit(self._document_of(action))
        else:
            self.ask_edit()

    def _document_of(self, action: str) -> int | None:
        kind = action.split(":", 1)[1] if ":" in action else ""
        for doc in self.status.documents if self.status else ():
            if doc.kind == kind:
                return doc.id
        return None

    def mark_signed(self) -> None:
        sheets = [d for d in (self.status.documents if self.status else ()) if d.kind == "care_sheet"]
        if not sheets:
            show_error(
                self.view,
                self.tr("No care sheet"),
                self.tr("Attach the care sheet first, then mark it signed."),
            )
            return
        sheet_id, claim_id = sheets[0].id, self.claim_id
        self.work.write(
            lambda ctx: inbox.confirm_field(ctx, sheet_id, "signed", "yes"),
            lambda _doc: self._changed(claim_id, self.tr("The care sheet is marked signed.")),
            self.tr("Cannot mark it signed"),
        )


    # The claim itself

    def ask_edit(self) -> None:
        if self.claim_id is None:
            return
        claim_id = self.claim_id

        def read(ctx):
            return claims.claim_dict(ctx, claims.get_claim(ctx, claim_id)), overview.people_rows(ctx)

        def edit(loaded) -> None:
            claim, people_rows = loaded
            dialog = ClaimFormDialog(self.tr("Edit the claim"), people_rows, self.view)
            dialog.load(claim)

            def save(values) -> None:
                self.work.write(lambda ctx: claims.edit_claim(ctx, claim_id, **values),
                                lambda _claim: self._changed(claim_id),
                                self.tr("Cannot change this claim"),
                                on_user_error=self._again(dialog, save))

            self._ask(dialog, save)

        self.work.read("edit", read, edit, self.tr("Cannot open this claim"))

    # Documents

    def link_documents(self, document_ids: list[int]) -> None:
        if self.claim_id is None:
            return
        claim_id, ids = self.claim_id, list(document_ids)

        def link(ctx):
            linked, refused = 0, []
            for doc_id in ids:
                try:
                    claims.add_document(ctx, claim_id, doc_id)
                    linked += 1
                except UserError as exc:
                    refused.append(exc)
            return linked, refused

        def done(outcome) -> None:
            linked, refused = outcome
            for exc in refused:
                show_error(self.view, self.tr("Cannot attach this document"), exc)
            if linked:
                self._changed(claim_id, self.tr("%n document(s) attached.", "", linked))

        self.work.write(link, done, self.tr("Cannot attach this document"))

    def _selected_document(self) -> int | None:
        item = self.view.documents.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _open_selected(self) -> None:
        doc_id = self._selected_document()
        if doc_id is not None:
            self.document_requested.emit(doc_id)

    def ask_unlink_selected(self) -> None:
        doc_id = self._selected_document()
        if doc_id is None:
            return
        answer = QMessageBox.question(
            self.view,
            self.tr("Remove from the claim?"),
            self.tr("The document goes back to the inbox; it is not deleted."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.unlink(doc_id)

    def unlink(self, document_id: int) -> None:
        claim_id = self.claim_id
        self.work.write(lambda ctx: claims.remove_document(ctx, claim_id, document_id),
                        lambda _r: self._changed(claim_id, self.tr("The document is back in the inbox.")),
                        self.tr("Cannot remove this document"))
