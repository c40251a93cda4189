"""The main window's imports: the menu, a pasted image, files dropped on the window, a scan for a claim."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.errors import UserError
from desktop_app.gui.controllers.messages import show_error
from desktop_app.gui.lazy import inbox


class WindowImporting:
    """Hands files to the import controller and shows what came in."""

    def ask_import(self) -> None:
        self.imports.ask_and_import(person_id=self._current_person_id())

    def paste(self) -> None:
        self.imports.paste(person_id=self._current_person_id())

    def import_paths(self, paths: list[Path], claim_id: int | None = None) -> None:
        self.imports.start(paths, self._current_person_id() if claim_id is None else None, claim_id)

    def _current_person_id(self):
        key = self.sidebar.current_key()
        return key[1] if key and key[0] == "person" else None

    def _import_finished(self, outcomes) -> None:
        self.refresh()
        named = [o for o in outcomes if o.ok and o.names_other is not None and o.document_id]
        if named:
            from desktop_app.gui.controllers.import_controller import names_other_text

            mismatch = named[-1].names_other
            self.names_other_notice.show_for(named[-1].document_id, names_other_text(named[-1]),
                                             mismatch.match_id, mismatch.match_name)
        fresh = [o.document_id for o in outcomes if o.ok and not o.already and o.document_id]
        if len(fresh) == 1:
            self.show_document(fresh[0])

    def _move_imported_to_named(self) -> None:
        """The status bar's move: the paper goes to the person it names."""
        notice = self.names_other_notice
        try:
            inbox.set_document_person(self.ctx, notice.document_id, notice.person_id)
        except UserError as exc:
            show_error(self, self.tr("Cannot change whose document this is"), exc)
            return
        notice.hide()
        self.say(self.tr("Moved to %1.").replace("%1", notice.person_name or ""))
        self.refresh()
        if self.document_controller.document is not None \
                and self.document_controller.document.id == notice.document_id:
            self.document_controller.reload()

    def _attach_scan_to_claim(self, claim_id: int, _kind: str) -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach a scan to the claim"), str(Path.home()))
        if files:
            self.import_paths([Path(f) for f in files], claim_id=claim_id)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
        else:
            super().dropEvent(event)
