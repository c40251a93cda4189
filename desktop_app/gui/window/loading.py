"""The main window's reads: its lists loaded off the UI thread, refreshed after a change here or from another process."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from desktop_app.gui import labels, long_lived
from desktop_app.gui.models.documents_model import FOUND
from desktop_app.services import overview, read_process


class WindowLoading:
    """Refreshing: the people, the claims in three passes, the inbox and the documents, each on a worker
    or the read process; what they bring is drawn on the UI thread."""

    # Loading (off the UI thread) and refreshing

    def schedule_refresh(self) -> None:
        """Coalesce bursts of changes into one reload."""
        self._refresh_timer.start()

    def refresh(self, first: bool = False, outside: bool = False) -> None:
        if self._suspended:
            return
        self._data_version = self._read_data_version()
        shown = self._shown_item()

        def read(ctx, **_):
            return overview.people_rows(ctx), self._item_gone(ctx, shown)

        self.workers.run(read, on_success=lambda r: self._refreshed(*r, first=first, outside=outside),
                         serial=True)

    def _refreshed(self, people, gone: bool, first: bool, outside: bool) -> None:
        self.people = people
        self.sidebar.set_people(self.people)
        if first and not self.search.text():  # someone already searching stays on the results
            self.sidebar.select("home")
        self._update_welcome()
        self.load_claims()
        self.load_inbox()
        if self.centre.currentWidget() in (self.documents_page, self.search_page):
            self.load_documents()
        if outside and self._editing_in_detail():
            return  # what the user is typing stays; the pane reloads with the next change
        if gone and self._shown_item() == gone:
            self._clear_detail()  # deleted (here or from the command line): nothing to reload
        elif self.detail.currentWidget() is self.claim_view:
            self.claim_controller.reload()
        elif self.detail.currentWidget() is self.document_view:
            self.document_controller.reload()

    def _shown_item(self) -> tuple[str, int] | None:
        """What the right pane shows: ("claim", id), ("document", id) or None."""
        if self.detail.currentWidget() is self.claim_view and self.claim_controller.claim_id is not None:
            return "claim", self.claim_controller.claim_id
        doc = self.document_controller.document
        if self.detail.currentWidget() is self.document_view and doc is not None:
            return "document", doc.id
        return None

    @staticmethod
    def _item_gone(ctx, shown: tuple[str, int] | None):
        """``shown`` when that claim or document is no longer there (one row read), else None.
        Runs on a worker."""
        if shown is None:
            return None
        kind, item_id = shown
        row = ctx.store.claim(item_id) if kind == "claim" else ctx.store.document_row(item_id)
        return shown if row is None else None

    def _clear_detail(self) -> None:
        self.claim_controller.claim_id = None
        self.document_controller.document = None
        self._current_claim_id = None
        self.detail.setCurrentWidget(self.detail_hint)

    def _editing_in_detail(self) -> bool:
        focus = self.focusWidget()
        return isinstance(focus, QLineEdit) and focus.isModified() and self.detail.isAncestorOf(focus)

    # Changes made by another process (the command line) while the window is open

    def _read_data_version(self) -> int | None:
        """SQLite's counter of commits made by other connections: one cheap read, no file scan."""
        from desktop_app.services.context import DB_ERRORS

        try:
            return self.ctx.store.data_version()
        except (*DB_ERRORS, AttributeError):
            return None

    def check_outside_changes(self) -> None:
        if self._suspended or self.imports.running:
            return  # an import refreshes once it is done
        version = self._read_data_version()
        if version is not None and version != self._data_version:
            self._data_version = version
            self._outside_refresh = True
            self.schedule_refresh()

    def _refresh_from_timer(self) -> None:
        outside, self._outside_refresh = getattr(self, "_outside_refresh", False), False
        self.refresh(outside=outside)


    FIRST_SCREEN = 300
    # From this many claims on, the household-wide reads go to a process of their own
    # (services/read_process.py), so that the UI thread never shares the interpreter with them.
    read_process_from = read_process.WORTH_IT_FROM_CLAIMS

    def load_claims(self) -> None:
        """Three passes, each off the UI thread: the first screen of claims, all of them, then
        every claim's full status (estimates, missing items) for the lists and the dashboard."""
        self._claims_generation += 1
        self._claims_stage = 0
        generation = self._claims_generation
        self._load_totals(generation)
        if not self.household:
            # Once statuses are known, a reload waits for the detailed pass rather than
            # flashing lists without them.
            if not self.claims_model.rows():
                self.workers.run_read(
                    overview.claim_list, limit=self.FIRST_SCREEN,
                    on_success=lambda result: self._claims_arrived(generation, result, final=False),
                )
            # The slow pass starts once the list is in, so start-up work does not pile up.
            def listed(result) -> None:
                self._claims_arrived(generation, result, final=False)
                if generation == self._claims_generation:
                    self.load_household()

            self.workers.run_read(
                overview.claim_list,
                on_success=listed,
                on_failure=lambda exc: self.say(str(exc)),
            )
        else:
            self.load_household()

    def _claims_arrived(self, generation: int, result, final: bool) -> None:
        stage = 2 if final else (1 if result.complete else 0)
        if generation != self._claims_generation or stage < self._claims_stage:
            return
        self._claims_stage = stage
        if result.complete and len(result.rows) >= self.read_process_from:
            self.workers.use_read_process()
        selected = self._current_claim_id
        scroll = self.claims_page.table.verticalScrollBar().value()
        self.claims_model.set_rows(result.rows)
        self.sidebar.set_counts(
            dict(result.list_counts, paid=0, inbox=self.inbox_model.rowCount()), result.person_counts
        )
        self._list_counts = result.list_counts
        self._update_claims_heading()
        if selected is not None:
            self._select_claim_row(selected, scroll=False)
        self.claims_page.table.verticalScrollBar().setValue(scroll)
        if result.complete:
            long_lived.settled()
            self.claims_loaded.emit()
        if final and result.dashboard is not None:
            self.household = result.dashboard
            self.dashboard_controller.show_household(result.dashboard, len(self.people))
            self.household_loaded.emit()

    def _load_totals(self, generation: int) -> None:
        """The dashboard's money figures, from the kept statuses: they come first, beside the
        claims list, before every claim's status is read."""
        lang = labels.current_language()

        def shown(result) -> None:  # unless the full answer came already
            if generation == self._claims_generation and self._claims_stage < 2:
                self._totals_shown = generation
                self.dashboard_controller.show_totals(result, len(self.people))

        self.workers.run_read(overview.household_totals, lang=lang, on_success=shown)

    def load_household(self) -> None:
        """The full status of every claim: slower, so it comes last."""
        generation = self._claims_generation
        if not self.household and self._totals_shown != generation:  # figures not in yet
            self.dashboard_controller.show_loading()
        lang = labels.current_language()  # read on the UI thread: the installed translation
        self.workers.run_read(
            overview.claim_list, detailed=True, lang=lang,
            on_success=lambda result: self._claims_arrived(generation, result, final=True),
            on_failure=lambda exc: self.say(
                self.tr("Could not add up the claims: %1").replace("%1", str(exc))
            ),
        )

    def load_inbox(self) -> None:
        def done(rows) -> None:
            self.inbox_model.set_rows(rows)
            self.claims_page.inbox.setVisible(bool(rows))
            self.sidebar.set_counts(
                dict(self._list_counts, paid=0, inbox=len(rows)), self.sidebar.person_counts
            )

        self.workers.run_read(overview.document_rows, unlinked=True, on_success=done)

    def load_documents(self) -> None:
        if self._documents_mode == "search":
            self.run_search()
            return
        self._documents_generation += 1
        generation = self._documents_generation
        unlinked = self._documents_mode == "inbox"

        def done(rows) -> None:
            if generation == self._documents_generation:
                self._set_document_rows(rows)

        self.workers.run_read(overview.document_rows, unlinked=unlinked, on_success=done)

    def _set_document_rows(self, rows) -> None:
        self.documents_model.set_rows(rows)
        table = self.documents_page.table
        table.setColumnHidden(FOUND, True)  # search results have their own page
        self.documents_columns.fit()
        if self._documents_mode == "inbox":
            self.documents_page.heading.setText(self.tr("Inbox"))
            self.documents_page.hint.setText(
                self.tr("New documents to check and attach to a claim. Drag them onto a claim, or open one and choose its claim.")
                if rows else self.tr("The inbox is empty: every document is filed in a claim.")
            )
        else:
            self.documents_page.heading.setText(self.tr("All documents"))
            self.documents_page.hint.setText(self.tr("%n document(s).", "", len(rows)))
        self.documents_loaded.emit()

    def _update_claims_heading(self) -> None:
        key = self.sidebar.current_key() or ("person", None)
        kind, value = key
        if kind == "list":
            self.claims_page.heading.setText(self.sidebar._base.get(value, ""))
        elif kind == "person" and value is not None:
            name = next((p.name for p in self.people if p.id == value), "")
            self.claims_page.heading.setText(self.tr("Claims of %1").replace("%1", name))
        else:
            self.claims_page.heading.setText(self.tr("All claims"))
        shown = self.claims_proxy.rowCount()
        self.claims_page.empty.setVisible(shown == 0)
        self.claims_page.empty.setText(
            self.tr("No claim here. Import a document or start a new claim.")
            if not self.claims_model.rows()
            else self.tr("No claim in this list.")
        )
