"""The document pane's filing: whose paper it is, its kind, what it offers the person's record, and its claim."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QMessageBox

from desktop_app.core.errors import UserError
from desktop_app.gui import labels
from desktop_app.gui.controllers.messages import show_error
from desktop_app.gui.lazy import claims, inbox, person_proposals


class DocumentFiling:
    """Where the document belongs (a mixin of DocumentController)."""

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
