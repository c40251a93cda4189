"""The document pane: show the page, confirm or correct fields, file the document in a claim."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidgetItem, QMessageBox

from desktop_app.core.errors import UserError
from desktop_app.gui import labels
from desktop_app.gui.controllers.messages import show_error
from desktop_app.gui.controllers.page_loader import load_page
from desktop_app.gui.controllers.pane_work import PaneWork
from desktop_app.gui.controllers.statement_controller import StatementController
from desktop_app.gui.lazy import (
    claims,
    documents,
    field_checks,
    inbox,
    layout_memory,
    person_proposals,
)
from desktop_app.gui.plain import tip
from desktop_app.gui.views.document_view import DocumentView, FieldEditor
from desktop_app.services import overview

DATE_NAMES = {"date", "care_date", "birth_date", "patient_birth_date", "statement_date"}
# Fields shown first, in the order people read a document.
FIELD_ORDER = (
    "patient_name", "practitioner_name", "prescriber_name", "prescriber_rpps", "supplier",
    "organisation", "member_number", "amc_number", "caisse", "invoice_number", "payer", "nir", "birth_date", "patient_birth_date", "insured_nir", "care_date", "date",
    "statement_date", "practitioner", "provider", "rpps", "adeli", "siret", "total_amount",
    "total_paid", "lines", "lpp_code", "lpp_codes", "items", "signed", "ald", "renewable",
)


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


class DocumentController(QObject):
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
        view.previous_page.clicked.connect(lambda: self.go_to_page(self.page - 1))
        view.next_page.clicked.connect(lambda: self.go_to_page(self.page + 1))
        view.zoom_in.clicked.connect(lambda: view.page.zoom(1.25))
        view.zoom_out.clicked.connect(lambda: view.page.zoom(0.8))
        view.zoom_fit.clicked.connect(view.page.fit)
        view.rotate.clicked.connect(view.page.rotate_quarter)
        view.open_original.clicked.connect(self.open_original)
        view.confirm_all.clicked.connect(self.confirm_all)
        view.undo_edit.clicked.connect(self.undo)
        view.attach.clicked.connect(self.attach_selected)
        view.new_claim.clicked.connect(self.new_claim)
        view.open_claim.clicked.connect(self._open_claim)
        view.proposals.itemActivated.connect(lambda _item: self.attach_selected())
        view.person.activated.connect(self._person_chosen)
        view.kind.activated.connect(self._kind_chosen)
        view.move_to_named.clicked.connect(self.move_to_named)
        view.add_to_person.clicked.connect(self.add_to_person)
        self.person_proposal = None  # what an attestation or a mutuelle card offers the record
        for keys, slot in (
            ("Ctrl+Return", self.confirm_all),
            ("Ctrl+Enter", self.confirm_all),
            ("PgUp", lambda: self.go_to_page(self.page - 1)),
            ("PgDown", lambda: self.go_to_page(self.page + 1)),
            ("Ctrl++", lambda: view.page.zoom(1.25)),
            ("Ctrl+=", lambda: view.page.zoom(1.25)),
            ("Ctrl+-", lambda: view.page.zoom(0.8)),
            ("Ctrl+0", view.page.fit),
            ("Ctrl+R", view.page.rotate_quarter),
        ):
            shortcut = QShortcut(QKeySequence(keys), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

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
        self.view.title.setText(f"{labels.kind_text(str(doc.kind))} — {doc.original_name}")
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
            self.view.person.addItem(person["name"], person["id"])
        self.view.person.setCurrentIndex(max(0, self.view.person.findData(doc.person_id)))
        self._show_reader_warnings()
        self._show_names_other()
        self._show_person_proposal()
        self.view.kind.clear()
        for key in labels.KIND_TEXT:
            self.view.kind.addItem(labels.kind_text(key), key)
        self.view.kind.setCurrentIndex(max(0, self.view.kind.findData(str(doc.kind))))

    def _show_fields(self) -> None:
        form = self.view.fields_form
        while form.rowCount():
            # Deleted later, not now: Enter in a field reloads the pane from inside that field's
            # own key press, and deleting it there would pull the widget from under Qt.
            row = form.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
                if item is not None and item.widget() is not None:
                    item.widget().hide()
                    item.widget().deleteLater()
        self.editors.clear()
        fields = self.data.get("fields", {})
        # Every field of the document's kind, read or not: one the scan missed is typed here.
        wanted = set(fields) | set(self.pane.kind_fields)
        names = [n for n in FIELD_ORDER if n in wanted] + sorted(n for n in wanted if n not in FIELD_ORDER)
        for name in names:
            info = fields.get(name)
            label = labels.field_text(name)
            editor = FieldEditor(name, label)
            if info is None:
                editor.original = ""
                editor.show_missing(
                    self.tr("not read on the scan — type it if the paper shows it"),
                    self.tr("DD/MM/YYYY") if name in DATE_NAMES else "",
                )
            else:
                editor.edit.setText(self._shown(info["value"], name))
                editor.original = editor.edit.text()
                self._show_field_state(editor, info)
            editor.focused.connect(self.highlight_field)
            editor.submitted.connect(self.confirm_field)
            form.addRow(label, editor)
            self.editors[name] = editor
        self.view.no_fields.setVisible(not names)
        self.view.fields_box.setVisible(bool(names))
        self.view.confirm_all.setEnabled(bool(self.data.get("unconfirmed")))
        self._update_undo()
        self.fields_shown.emit()

    def _show_field_state(self, editor: FieldEditor, info: dict) -> None:
        words = labels.confidence_text(info.get("confidence"), info.get("source") or "ocr")
        level = labels.confidence_level(info.get("confidence"), info.get("source") or "ocr")
        if info.get("confirmed"):
            words = "✓ " + self.tr("checked") + " · " + words
        else:
            words = "⚠ " + self.tr("not checked yet: press Enter if it is right") + " · " + words
            level = "low" if level == "low" else "medium"
        editor.show_state(words, level, bool(info.get("confirmed")), info.get("source_text") or "")

    def _show_claim_part(self) -> None:
        view, doc = self.view, self.document
        view.proposals.clear()
        if doc.claim_id:
            claim = self.pane.claim
            if claim is not None:
                what = claim.title or labels.category_text(str(claim.category))
                view.claim_status.setText(
                    self.tr("Attached to the claim “%1” of %2.")
                    .replace("%1", what)
                    .replace("%2", labels.day(claim.care_date))
                )
            else:
                view.claim_status.setText("")
            view.proposals.hide()
            view.attach.hide()
            view.new_claim.hide()
            view.open_claim.show()
            return
        view.open_claim.hide()
        view.new_claim.show()
        proposals = self.pane.proposals
        if proposals:
            view.claim_status.setText(self.tr("In the inbox. It may belong to:"))
            for p in proposals:
                text = " · ".join(
                    x for x in (p.person, labels.day(p.care_date), p.title or "", labels.money(p.amount_paid)) if x
                )
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.claim_id)
                view.proposals.addItem(item)
            view.proposals.setCurrentRow(0)
            view.proposals.show()
            view.attach.show()
        else:
            view.claim_status.setText(
                self.tr("In the inbox. No claim matches its person, date and amount yet.")
            )
            view.proposals.hide()
            view.attach.hide()

    # Pages

    def _load_page(self) -> None:
        self._generation += 1
        generation = self._generation
        path = Path(self.data.get("stored_path") or "")
        page = self.page
        self.view.page_label.setText(self.tr("Loading…"))

        def work(progress, should_cancel):
            return load_page(path, page)

        def done(loaded) -> None:
            if generation != self._generation:
                return  # the user moved on to another page or document
            self.page_count = max(loaded.page_count, 1)
            self.box_scale = loaded.box_scale
            self.view.page.set_image(loaded.image)
            self._update_page_label(loaded.error)
            pending, self._pending_highlight = self._pending_highlight, None
            if pending:
                self.highlight_field(pending)

        def failed(exc) -> None:
            if generation == self._generation:
                self._update_page_label(str(exc))

        self.workers.run(work, on_success=done, on_failure=failed, uses_db=False)

    def _update_page_label(self, error: str | None = None) -> None:
        if error:
            self.view.page_label.setText(self.tr("The page cannot be shown: %1").replace("%1", error))
        else:
            self.view.page_label.setText(
                self.tr("Page %1 of %2").replace("%1", str(self.page)).replace("%2", str(self.page_count))
            )
        self.view.page_label.setToolTip(self.view.page_label.text())
        self.view.previous_page.setEnabled(self.page > 1)
        self.view.next_page.setEnabled(self.page < self.page_count)

    def go_to_page(self, page: int) -> None:
        if self.document is None or not 1 <= page <= self.page_count or page == self.page:
            return
        self.page = page
        self._load_page()

    def highlight_field(self, name: str) -> None:
        info = self.data.get("fields", {}).get(name) or {}
        bbox = info.get("bbox")
        if not bbox:
            self.view.page.clear_highlight()
            return
        page = info.get("page") or 1
        if page != self.page:
            self.page = page
            self._pending_highlight = name
            self._load_page()
            return
        s = self.box_scale
        self.view.page.highlight(bbox[0] * s, bbox[1] * s, bbox[2] * s, bbox[3] * s)

    def open_original(self) -> None:
        path = self.data.get("stored_path")
        if path:
            # An encrypted original is opened (off the UI thread) into the private tmp for the
            # viewer, removed when the folder is closed or locked.
            self.work.read(
                "open-original", lambda _ctx: documents.viewable_original(Path(path)),
                lambda viewable: QDesktopServices.openUrl(QUrl.fromLocalFile(str(viewable))),
                self.tr("The original cannot be opened"))

    # Confirming

    def _checked(self, name: str, text: str) -> bool:
        """The typed value checked as the command line checks it; a refusal shown under it."""
        editor = self.editors.get(name)
        check = field_checks.check_field(name, text)
        if editor is not None:
            lang = labels.current_language()
            if not check.ok:
                editor.show_problem(check.error_text(lang))
            else:
                editor.show_problem(check.warning_text(lang), refused=False)
        return check.ok

    def confirm_field(self, name: str, text: str) -> None:
        """Enter in a field: confirm it as read, or save what was typed, off the UI thread."""
        editor = self.editors.get(name)
        if self.document is None or self.saving:
            return
        unchanged = editor is not None and text == editor.original
        if unchanged and editor.missing:
            return  # nothing typed in a field the scan did not show: nothing to confirm
        if not unchanged and not self._checked(name, text):
            return
        doc_id = self.document.id
        before = {name: self.document.fields.get(name)}

        def work(ctx, progress, should_cancel):
            if unchanged:
                return inbox.confirm_field(ctx, doc_id, name, None), []
            # The same path as 'paperasse doc confirm ID FIELD=VALUE', this field alone.
            doc = documents.confirm_document(ctx, doc_id, {name: text}, confirm_others=False)
            return doc, layout_memory.taught_by(ctx, doc_id, [name])

        def done(result) -> None:
            self._undo.append((doc_id, before))
            next_name = self._next_unconfirmed(after=name)
            self._after_save(doc_id, next_name or name)
            self._say_taught(result[1])

        self._save(work, done)

    def _save(self, work, done) -> None:
        self.saving = True
        self.view.confirm_all.setEnabled(False)

        def finished(result) -> None:
            self.saving = False
            done(result)

        def failed(exc) -> None:
            self.saving = False
            self.reload()
            if isinstance(exc, UserError):
                show_error(self.view, self.tr("This value cannot be used"), exc)
            else:
                show_error(self.view, self.tr("The change could not be saved"), str(exc))

        self.workers.run(work, on_success=finished, on_failure=failed, serial=True)

    def _after_save(self, doc_id: int, focus_name: str | None) -> None:
        if self.document is not None and self.document.id == doc_id:
            # The editors are built anew when the pane is drawn again: focus goes there then.
            self._focus_after_draw = focus_name
            self.reload()
        self.changed.emit()
        self.saved.emit()

    def _focus_field(self) -> None:
        name, self._focus_after_draw = self._focus_after_draw, None
        target = self.editors.get(name or "")
        if target is not None and self.view.isVisible():
            target.edit.setFocus()
            target.edit.selectAll()

    def _say_taught(self, names: list[str]) -> None:
        """A correction taught where the field stands on this issuer's papers: said once."""
        if names:
            fields = ", ".join(labels.field_text(n) for n in names)
            self.message.emit(self.tr(
                "Remembered where %1 stands on this issuer's papers: their next ones are read "
                "there first (Settings › Remembered layouts).").replace("%1", fields))

    def undo(self) -> bool:
        """Put the last field edit back as it was (a field that had not been read goes again)."""
        if not self._undo or self.saving:
            self.message.emit(self.tr("No field change to undo."))
            return False
        doc_id, before = self._undo.pop()

        def work(ctx, progress, should_cancel):
            return documents.restore_fields(ctx, doc_id, before)

        def done(_doc) -> None:
            names = ", ".join(labels.field_text(n) for n in before)
            self.message.emit(self.tr("Undone: %1 is back as it was.").replace("%1", names))
            self._after_save(doc_id, next(iter(before)))

        self._save(work, done)
        return True

    def can_undo(self) -> bool:
        return bool(self._undo)

    def _update_undo(self) -> None:
        self.view.undo_edit.setEnabled(bool(self._undo) and not self.saving)

    def _next_unconfirmed(self, after: str) -> str | None:
        names = list(self.editors)
        fields = self.data.get("fields", {})
        start = names.index(after) + 1 if after in names else 0
        for name in names[start:] + names[:start]:
            if name != after and not fields.get(name, {}).get("confirmed"):
                return name
        return None

    def confirm_all(self) -> None:
        if self.document is None or self.saving:
            return
        corrections = {
            name: editor.edit.text()
            for name, editor in self.editors.items()
            if editor.edit.text() != editor.original
        }
        refused = [name for name, text in corrections.items() if not self._checked(name, text)]
        if refused:
            self.editors[refused[0]].edit.setFocus()
            return
        doc_id = self.document.id
        fields = self.document.fields
        names = set(corrections) | {n for n, f in fields.items() if not f.confirmed}
        before = {n: fields.get(n) for n in names}

        def work(ctx, progress, should_cancel):
            doc = documents.confirm_document(ctx, doc_id, corrections)
            return doc, layout_memory.taught_by(ctx, doc_id, list(corrections))

        def done(result) -> None:
            self._undo.append((doc_id, before))
            self._after_save(doc_id, None)
            self._say_taught(result[1])

        self._save(work, done)

    def _change(self, work, error_title: str, then=None) -> None:
        """Write a change to the shown document on a worker; the pane and the lists follow.
        A refused change shows why, and the pane goes back to what is stored."""
        def done(result) -> None:
            self.reload()
            self.changed.emit()
            if then is not None:
                then(result)

        def refused(exc: UserError) -> None:
            show_error(self.view, error_title, exc)
            self.reload()

        self.work.write(work, done, error_title, on_user_error=refused)

    def _person_chosen(self, _index: int) -> None:
        doc_id, person = self.document.id, self.view.person.currentData()
        self._change(lambda ctx: inbox.set_document_person(ctx, doc_id, person),
                     self.tr("Cannot change whose document this is"))

    def _show_reader_warnings(self) -> None:
        """What the reader doubted on this paper (a key that fails, a total unlike its lines)."""
        notes = self.pane.reader_warnings
        self.view.reader_warnings.setVisible(bool(notes))
        self.view.reader_warnings.setText("\n".join("⚠ " + note for note in notes))

    def _show_names_other(self) -> None:
        self.names_other = self.pane.names_other
        view, mismatch = self.view, self.names_other
        view.names_other.setVisible(mismatch is not None)
        view.move_to_named.setVisible(bool(mismatch and mismatch.match_id))
        if mismatch is None:
            return
        view.names_other.setText("⚠ " + self.tr("This paper names %1, not %2: check whose document it is.")
                                 .replace("%1", mismatch.named).replace("%2", mismatch.filed_under))
        if mismatch.match_id:
            view.move_to_named.setText(self.tr("Move to %1").replace("%1", mismatch.match_name))

    def _show_person_proposal(self) -> None:
        self.person_proposal = self.pane.person_proposal
        view, proposal = self.view, self.person_proposal
        view.person_values.setVisible(proposal is not None)
        view.add_to_person.setVisible(proposal is not None)
        if proposal is None:
            return
        lines = [f"{labels.field_text(v.field)} : {self._shown(v.value, v.field)}" for v in proposal.values]
        view.person_values.setText(
            self.tr("This paper shows, for %1's record:").replace("%1", proposal.person)
            + "\n" + "\n".join(lines))
        view.add_to_person.setText(self.tr("Add to %1's record…").replace("%1", proposal.person))

    def add_to_person(self) -> None:
        """The values the paper offers the person's record, written once the user agrees."""
        proposal = self.person_proposal
        if self.document is None or proposal is None:
            return
        lines = []
        for v in proposal.values:
            now = (" " + self.tr("(instead of %1)").replace("%1", self._shown(v.current, v.field))
                   if v.current else "")
            lines.append(f"• {labels.field_text(v.field)} : {self._shown(v.value, v.field)}{now}")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Add to the record"),
                          self.tr("Write these values in %1's record?").replace("%1", proposal.person)
                          + "\n\n" + "\n".join(lines),
                          QMessageBox.StandardButton.Cancel, self.view)
        add = box.addButton(self.tr("Add"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if box.clickedButton() is not add:
            return
        doc_id = self.document.id
        self._change(lambda ctx: person_proposals.apply_proposal(ctx, doc_id),
                     self.tr("Cannot change the record"),
                     then=lambda result: self.message.emit(
                         self.tr("%1's record updated from this paper.").replace("%1", result.person.name)))

    def move_to_named(self) -> None:
        """File the paper under the household member it names."""
        mismatch = self.names_other
        if self.document is None or mismatch is None or not mismatch.match_id:
            return
        doc_id, person = self.document.id, mismatch.match_id
        self._change(lambda ctx: inbox.set_document_person(ctx, doc_id, person),
                     self.tr("Cannot change whose document this is"))

    def _kind_chosen(self, _index: int) -> None:
        doc_id, kind = self.document.id, self.view.kind.currentData()
        self._change(lambda ctx: inbox.set_document_kind(ctx, doc_id, kind),
                     self.tr("Cannot change the kind"))

    # Filing

    def attach_selected(self) -> None:
        item = self.view.proposals.currentItem()
        if item is None or self.document is None:
            return
        self.attach_to(item.data(Qt.ItemDataRole.UserRole))

    def attach_to(self, claim_id: int) -> None:
        doc_id = self.document.id
        self._change(lambda ctx: claims.add_document(ctx, claim_id, doc_id),
                     self.tr("Cannot attach this document"))

    def new_claim(self) -> None:
        if self.document is None:
            return
        doc_id, person = self.document.id, self.view.person.currentData()

        def started(claim) -> None:
            self.changed.emit()
            self.claim_requested.emit(claim.id)

        self.work.write(lambda ctx: inbox.new_claim_from_document(ctx, doc_id, person_ref=person),
                        started, self.tr("Cannot start a claim from this document"))

    def _after_edit(self) -> None:
        self.reload()
        self.changed.emit()

    def _payments_recorded(self, message: str) -> None:
        self.reload()
        self.message.emit(message)
        self.changed.emit()

    def _open_claim(self) -> None:
        if self.document is not None and self.document.claim_id:
            self.claim_requested.emit(self.document.claim_id)
