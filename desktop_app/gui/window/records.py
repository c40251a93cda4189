"""What the main window's menus do to the records: documents filed or taken out of a claim, deletions to the Trash, a new claim, Undo, the people's forms."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop_app.core.errors import UserError
from desktop_app.gui import labels
from desktop_app.gui.controllers.messages import message_of, show_error
from desktop_app.gui.controllers.person_controller import PersonController
from desktop_app.gui.lazy import claims
from desktop_app.gui.views.track_dialogs_view import ClaimFormDialog


class WindowRecords:
    """The commands of the Edit and Household menus (and of the lists' context menus)."""

    # Claims and documents

    def link_documents(self, claim_id: int, document_ids: list[int]) -> None:
        linked = 0
        for doc_id in document_ids:
            try:
                claims.add_document(self.ctx, claim_id, doc_id)
                linked += 1
            except UserError as exc:
                show_error(self, self.tr("Cannot attach this document"), exc)
        if linked:
            self.say(self.tr("%n document(s) attached.", "", linked))
            self.schedule_refresh()

    def unlink_selected_document(self) -> None:
        index = self.documents_page.table.currentIndex()
        if not index.isValid():
            return
        row = self.documents_model.document_at(self.documents_proxy.mapToSource(index).row())
        if row.claim_id is None:
            self.say(self.tr("This document is not attached to a claim."))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove from the claim?"),
            self.tr("The document goes back to the inbox; it is not deleted."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                claims.remove_document(self.ctx, row.claim_id, row.id)
            except UserError as exc:
                show_error(self, self.tr("Cannot remove this document"), exc)
                return
            self.schedule_refresh()

    # Deleting to the Trash

    def delete_selected(self) -> None:
        """Delete what the focused list has selected (or the pane shows)."""
        focus = self.focusWidget()
        if focus is self.sidebar:
            key = self.sidebar.current_key()
            if key and key[0] == "person" and key[1] is not None:
                self.ask_delete_person(key[1])
            return
        if focus is self.claims_page.table:
            claim_id = self._selected_claim_id()
            if claim_id is not None:
                self.ask_delete_claim(claim_id)
            return
        for table, proxy in ((self.documents_page.table, self.documents_proxy),
                             (self.claims_page.inbox_table, self.inbox_proxy)):
            if focus is table:
                index = table.currentIndex()
                if index.isValid():
                    row = proxy.sourceModel().document_at(proxy.mapToSource(index).row())
                    self.trash.ask_delete("document", row.id, row.original_name)
                return
        if self.detail.isVisible() and self.detail.currentWidget() is self.document_view:
            if self.document_controller.document is not None:
                self.ask_delete_document(self.document_controller.document.id)
        elif self.detail.isVisible() and self.detail.currentWidget() is self.claim_view:
            if self.claim_controller.claim_id is not None:
                self.ask_delete_claim(self.claim_controller.claim_id)

    def ask_delete_document(self, document_id: int) -> None:
        doc = self.document_controller.document
        label = doc.original_name if doc is not None and doc.id == document_id else str(document_id)
        self.trash.ask_delete("document", document_id, label)

    def ask_delete_claim(self, claim_id: int) -> None:
        row = self.claims_model.row_for(claim_id)
        claim = self.claims_model.claim_at(row) if row is not None else None
        label = (claim.title or labels.category_text(claim.category)) if claim else str(claim_id)
        self.trash.ask_delete("claim", claim_id, label)

    def ask_delete_person(self, person_id: int) -> None:
        name = next((p.name for p in self.people if p.id == person_id), str(person_id))
        self.trash.ask_delete("person", person_id, name)

    def _sidebar_menu(self, point) -> None:
        from PySide6.QtWidgets import QMenu

        item = self.sidebar.itemAt(point)
        key = item.data(0, Qt.ItemDataRole.UserRole + 1) if item else None
        if not key or key[0] != "person" or key[1] is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("&Delete the person (to the Trash)…"),
                       lambda: self.ask_delete_person(key[1]))
        menu.popup(self.sidebar.viewport().mapToGlobal(point))

    def ask_new_claim(self) -> None:
        if not self.people:
            self.add_person()
            return
        dialog = ClaimFormDialog(self.tr("New claim"), self.people, self)
        person = self._current_person_id()
        if person is not None:
            dialog.person.setCurrentIndex(max(0, dialog.person.findData(person)))
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                claim = claims.new_claim(self.ctx, dialog.person_id(), **dialog.values())
            except UserError as exc:
                dialog.show_error(message_of(exc))
                continue
            self.refresh()
            self.show_claim(claim.id)
            return

    def undo_step(self) -> None:
        if self.detail.isVisible() and self.detail.currentWidget() is self.document_view:
            self.document_controller.undo()
        elif self.detail.isVisible() and self.detail.currentWidget() is self.claim_view:
            self.claim_controller.undo()
        else:
            self.say(self.tr("Open a claim to undo its last step."))

    # People and settings

    def add_person(self) -> None:
        editor = PersonController(self.ctx, self, workers=self.workers)
        if editor.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.sidebar.select("person", editor.saved_id)

    def edit_selected_person(self) -> None:
        person = self._current_person_id()
        if person is not None:
            self.edit_person(person)

    def edit_person(self, person_id: int, field: str = "") -> None:
        """The person's form; ``field`` (a name from PersonController.FIELDS) is the one to fix,
        shown on its tab with the cursor in it."""
        if not person_id:
            return
        editor = PersonController(self.ctx, self, person_id, field or None, workers=self.workers)
        if editor.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
