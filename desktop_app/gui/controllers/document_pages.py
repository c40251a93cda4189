"""The document pane's viewer: the stored page drawn off the UI thread, paging, zoom, the box a field was read in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut

from desktop_app.gui.controllers.page_loader import load_page
from desktop_app.gui.lazy import documents


class DocumentPages:
    """The page beside the fields (a mixin of DocumentController)."""

    def _connect_pages(self, view) -> None:
        """The viewer's buttons and keys: pages, zoom, rotation, the original."""
        for button, slot in (
            (view.previous_page, lambda: self.go_to_page(self.page - 1)),
            (view.next_page, lambda: self.go_to_page(self.page + 1)),
            (view.zoom_in, lambda: view.page.zoom(1.25)),
            (view.zoom_out, lambda: view.page.zoom(0.8)),
            (view.zoom_fit, view.page.fit),
            (view.rotate, view.page.rotate_quarter),
            (view.open_original, self.open_original),
        ):
            button.clicked.connect(slot)
        self._shortcuts(view, (
            ("PgUp", lambda: self.go_to_page(self.page - 1)),
            ("PgDown", lambda: self.go_to_page(self.page + 1)),
            ("Ctrl++", lambda: view.page.zoom(1.25)),
            ("Ctrl+=", lambda: view.page.zoom(1.25)),
            ("Ctrl+-", lambda: view.page.zoom(0.8)),
            ("Ctrl+0", view.page.fit),
            ("Ctrl+R", view.page.rotate_quarter),
        ))

    @staticmethod
    def _shortcuts(view, pairs) -> None:
        """Keys that work anywhere in the pane."""
        for keys, slot in pairs:
            shortcut = QShortcut(QKeySequence(keys), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

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
