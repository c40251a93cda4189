"""The main window's navigation: the list chosen on the left, the claim or document opened on the right, and the keyboard's way through the areas."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QWidget

from desktop_app.gui import focus_order


class WindowNavigation:
    """What the centre and the right pane show as the user moves through the lists."""

    def _update_welcome(self) -> None:
        if not self.people and self.centre.currentWidget() is not self.trash_page:
            self.centre.setCurrentWidget(self.welcome)
            self.detail.hide()
        elif self.centre.currentWidget() is self.welcome:
            self._sidebar_changed()


    # Navigation

    def _sidebar_changed(self) -> None:
        key = self.sidebar.current_key()
        if not self.people and not (key and key[0] == "trash"):
            self._update_welcome()
            return  # the Trash stays reachable: the last person deleted can come back
        if key is None:
            return
        kind, value = key
        if self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        if self._documents_mode == "search":
            self._documents_mode = "all"
        self.detail.show()
        self.claims_page.delete_person.setVisible(kind == "person" and value is not None)
        if kind == "home":
            self.centre.setCurrentWidget(self.dashboard)
            self.detail.hide()
        elif kind == "trash":
            self.centre.setCurrentWidget(self.trash_page)
            self.detail.hide()
            self.trash.load()
            if self.household:
                self.dashboard_controller.show_household(self.household, len(self.people))
        elif kind == "list" and value in ("documents", "inbox"):
            self._documents_mode = "all" if value == "documents" else "inbox"
            self.centre.setCurrentWidget(self.documents_page)
            self.load_documents()
        else:
            person = value if kind == "person" else None
            smart = value if kind == "list" else None
            self.claims_proxy.set_filter(person_id=person, smart=smart)
            self.centre.setCurrentWidget(self.claims_page)
            self._update_claims_heading()
        self.edit_person_action.setEnabled(kind == "person" and value is not None)

    def _selected_claim_id(self) -> int | None:
        index = self.claims_page.table.currentIndex()
        if not index.isValid():
            return None
        return self.claims_model.claim_at(self.claims_proxy.mapToSource(index).row()).id

    def _select_claim_row(self, claim_id: int, scroll: bool = True) -> bool:
        row = self.claims_model.row_for(claim_id)
        if row is None:
            return False
        index = self.claims_proxy.mapFromSource(self.claims_model.index(row, 0))
        if not index.isValid():
            return False
        table = self.claims_page.table
        table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        if scroll:
            table.scrollTo(index)
        return True

    def _claim_selected(self, current, _previous=None) -> None:
        if not current.isValid():
            return
        if not self.claims_page.table.selectionModel().isRowSelected(current.row(), current.parent()):
            # Focus coming into the table (Tab, F6) gives it a current cell without selecting
            # it: that is not the user choosing a claim.
            return
        claim = self.claims_model.claim_at(self.claims_proxy.mapToSource(current).row())
        if claim.id == self._current_claim_id and self.detail.currentWidget() is self.claim_view:
            return  # the same claim, re-selected after a reload
        self._current_claim_id = claim.id
        self.claim_controller.show_claim(claim.id, then=self._show_claim_pane)


    def _document_selected(self, proxy, current) -> None:
        if not current.isValid():
            return
        row = proxy.sourceModel().document_at(proxy.mapToSource(current).row())
        self.show_document(row.id)

    def show_document(self, document_id: int) -> None:
        self.detail.show()
        if self.detail.currentWidget() is not self.document_view or self.splitter.sizes()[2] == 0:
            self._place_panes(self.DOCUMENT_SHARE)
        self.document_controller.show_document(document_id)
        self.detail.setCurrentWidget(self.document_view)

    def show_claim(self, claim_id: int) -> None:
        """Open a claim from anywhere: the claims list shows it selected, the right pane details it."""
        self._current_claim_id = claim_id
        if self.centre.currentWidget() is not self.claims_page or not self._select_claim_row(claim_id):
            self.sidebar.select("person", None)
            self._select_claim_row(claim_id)
        self.detail.show()
        self.claim_controller.show_claim(claim_id, then=self._show_claim_pane)

    # Keyboard: the Tab order and F6

    def _areas(self) -> list[QWidget]:
        return [self.sidebar, self.search, self.centre, self.detail]

    def _detail_order(self) -> list[QWidget]:
        document = self.document_view.focus_order(self.document_controller.editors.values())
        document += [w for w in focus_order.focusables(self.document_view) if w not in document]
        return focus_order.focusables(self.claim_view) + document

    def _order_focus(self) -> None:
        """Tab: the banners, the lists, the search, the centre, the right pane, the status bar.
        Worked out again before each Tab, as panes build their rows anew."""
        focus_order.chain(
            focus_order.focusables(self.banner) + focus_order.focusables(self.reminder_banner)
            + focus_order.focusables(self.folder_banner)
            + [self.sidebar, self.search] + focus_order.focusables(self.centre)
            + self._detail_order() + focus_order.focusables(self.statusBar())
        )

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        self._order_focus()
        return super().focusNextPrevChild(next)

    def _first_stops(self, area: QWidget) -> list[QWidget]:
        if area is self.centre:
            page = self.centre.currentWidget()
            from PySide6.QtWidgets import QAbstractItemView

            tables = [t for t in page.findChildren(QAbstractItemView) if focus_order.takes_tab(t)]
            return tables + focus_order.focusables(page)
        if area is self.detail:
            if self.detail.currentWidget() is self.document_view:
                return self.document_view.focus_order(self.document_controller.editors.values())
            return focus_order.focusables(self.detail.currentWidget())
        return [area]

    def focus_next_area(self, step: int) -> None:
        """F6 / Shift+F6: the lists, the search, the centre, the right pane, in turn."""
        focus_order.focus_area(self._areas(), self._first_stops, step)
