"""The document pane's fields: an editor for each, confirmed or corrected off the UI thread, and Undo."""

from __future__ import annotations

from desktop_app.core.errors import UserError
from desktop_app.gui import labels
from desktop_app.gui.controllers.messages import show_error
from desktop_app.gui.lazy import documents, field_checks, inbox, layout_memory
from desktop_app.gui.views.document_view import FieldEditor

DATE_NAMES = {"date", "care_date", "birth_date", "patient_birth_date", "statement_date"}
# Fields shown first, in the order people read a document.
FIELD_ORDER = (
    "patient_name", "practitioner_name", "prescriber_name", "prescriber_rpps", "supplier",
    "organisation", "member_number", "amc_number", "caisse", "invoice_number", "payer", "nir", "birth_date", "patient_birth_date", "insured_nir", "care_date", "date",
    "statement_date", "practitioner", "provider", "rpps", "adeli", "siret", "total_amount",
    "total_paid", "lines", "lpp_code", "lpp_codes", "items", "signed", "ald", "renewable",
)


class DocumentFields:
    """The fields read on the paper (a mixin of DocumentController)."""

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
