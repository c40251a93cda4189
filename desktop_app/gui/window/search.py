"""The main window's search box and its results page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt

from desktop_app.gui import labels
from desktop_app.services import search as search_service


class WindowSearch:
    """People, claims and documents matching the search box, read on a worker."""

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self) -> None:
        """People, claims and documents matching the search box, read on the worker."""
        self._search_timer.stop()
        text = self.search.text().strip()
        if not text:
            if self._documents_mode == "search":
                self._documents_mode = "all"
                self._sidebar_changed()
            return
        self._documents_mode = "search"
        self._search_generation += 1
        generation = self._search_generation
        lang = labels.current_language()  # read on the UI thread: the installed translation

        def done(result) -> None:
            if generation != self._search_generation or self._documents_mode != "search":
                return  # typed on meanwhile, or left the search
            self.search_page.show_result(result)
            self.centre.setCurrentWidget(self.search_page)
            self.detail.show()
            self.search_shown.emit()

        self.workers.run(
            lambda ctx, **_: search_service.search(ctx, text, lang=lang),
            on_success=done,
            on_failure=lambda exc: self.say(self.tr("Could not search: %1").replace("%1", str(exc))),
        )

    def open_found(self, group: str, item_id: int) -> None:
        """A search result opened: a document in the right pane beside the results; a person's
        page or a claim leave the search."""
        if group == "documents":
            self.show_document(item_id)
            return
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._documents_mode = "all"
        self._sidebar_changed()  # back to the page of the list chosen before searching
        if group == "people":
            self.sidebar.select("person", item_id)
        else:
            self.show_claim(item_id)

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down
                and self.centre.currentWidget() is self.search_page):
            self.search_page.focus_results()
            return True
        return super().eventFilter(watched, event)
