"""The main window's panes: the lists, the centre pages and the right pane, and how the width is shared."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop_app.gui import labels
from desktop_app.gui.models import documents_model
from desktop_app.gui.models.claims_model import ClaimsFilterModel, ClaimsTableModel
from desktop_app.gui.models.documents_model import (
    CLAIM,
    FOUND,
    DocumentsFilterModel,
    DocumentsTableModel,
)
from desktop_app.gui.plain import PlainLabel
from desktop_app.gui.views.banner_view import BannerView
from desktop_app.gui.views.claim_view import ClaimView
from desktop_app.gui.views.dashboard_view import DashboardView
from desktop_app.gui.views.deleted_notice_view import DeletedNotice
from desktop_app.gui.views.document_view import DocumentView
from desktop_app.gui.views.names_other_notice_view import NamesOtherNotice
from desktop_app.gui.views.page_stack import PageStack
from desktop_app.gui.views.progress_view import ProgressView
from desktop_app.gui.views.search_view import SearchPage
from desktop_app.gui.views.sidebar_view import SidebarView
from desktop_app.gui.views.tables_view import ClaimsPage, DocumentsPage
from desktop_app.gui.views.trash_view import TrashPage
from desktop_app.gui.views.welcome_view import WelcomeView


def _state_texts() -> list[str]:
    """What a payer's column says, every state in the current language."""
    return [labels.state_text(state) for state in labels.STATE_TEXT]


def _to_check_texts() -> list[str]:
    return [QCoreApplication.translate("DocumentsTableModel", "%n field(s) to check", "", 12)]


class WindowPanes:
    """Builds the models and the widgets of the window, and shares the width between its panes."""

    def _build_models(self) -> None:
        self.claims_model = ClaimsTableModel(self)
        self.claims_proxy = ClaimsFilterModel(self)
        self.claims_proxy.setSourceModel(self.claims_model)
        self.inbox_model = DocumentsTableModel(self)
        self.inbox_proxy = DocumentsFilterModel(self)
        self.inbox_proxy.setSourceModel(self.inbox_model)
        self.documents_model = DocumentsTableModel(self)
        self.documents_proxy = DocumentsFilterModel(self)
        self.documents_proxy.setSourceModel(self.documents_model)

    def _build_layout(self) -> None:
        self.sidebar = SidebarView()
        char = self.sidebar.fontMetrics().averageCharWidth()
        self.sidebar.setMinimumWidth(14 * char)
        self.dashboard = DashboardView()
        self.claims_page = ClaimsPage()
        self.claims_page.table.setModel(self.claims_proxy)
        self.claims_page.inbox_table.setModel(self.inbox_proxy)
        for column in (documents_model.PERSON, CLAIM, FOUND):
            self.claims_page.inbox_table.hideColumn(column)
        from desktop_app.gui.models import claims_model as cm
        from desktop_app.gui.views.tables_view import FittedColumns

        # "What" gives way first (elided), then the amounts go (the claim pane shows them);
        # the payers' states stay whole.
        self.claims_columns = FittedColumns(
            self.claims_page.table,
            {cm.DATE: 11, cm.PERSON: 13, cm.CPAM: 14, cm.MUTUELLE: 14, cm.PAID: 9,
             cm.EXPECTED: 12, cm.RECEIVED: 9},
            elastic=cm.WHAT, elastic_min=6, optional=(cm.PERSON, cm.PAID, cm.EXPECTED, cm.RECEIVED),
            whole={cm.CPAM: _state_texts, cm.MUTUELLE: _state_texts},
        )
        self.claims_page.table.horizontalHeader().setSortIndicator(cm.DATE, Qt.SortOrder.DescendingOrder)
        self.documents_page = DocumentsPage()
        self.documents_page.table.setModel(self.documents_proxy)
        doc_widths = {documents_model.KIND: 12, documents_model.PERSON: 14,
                      documents_model.DATE: 11, documents_model.AMOUNT: 10,
                      documents_model.TO_CONFIRM: 16, CLAIM: 16, FOUND: 30}
        optional = (documents_model.DATE, documents_model.AMOUNT, documents_model.TO_CONFIRM, CLAIM,
                    documents_model.PERSON)
        doc_whole = {documents_model.TO_CONFIRM: _to_check_texts}
        self.documents_columns = FittedColumns(
            self.documents_page.table, doc_widths, documents_model.NAME, 12, optional, doc_whole
        )
        self.inbox_columns = FittedColumns(
            self.claims_page.inbox_table, doc_widths, documents_model.NAME, 12, optional, doc_whole
        )
        self.welcome = WelcomeView()
        self.trash_page = TrashPage()
        self.search_page = SearchPage()
        self.centre = PageStack()
        for page in (self.dashboard, self.claims_page, self.documents_page, self.welcome,
                     self.trash_page, self.search_page):
            self.centre.addWidget(page)
        self.document_view = DocumentView()
        self.claim_view = ClaimView()
        self.detail_hint = PlainLabel()
        self.detail_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_hint.setWordWrap(True)
        self.detail_hint.setStyleSheet("color: #666; padding: 20px;")
        self.detail = PageStack()
        for page in (self.detail_hint, self.claim_view, self.document_view):
            self.detail.addWidget(page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([200, 560, 520])
        # The lists and the right pane may be folded away (dragged shut, or on a narrow window);
        # the centre never is.
        self.splitter.setChildrenCollapsible(True)
        self.splitter.setCollapsible(1, False)
        self.banner = BannerView()
        self.banner.action.clicked.connect(lambda: self.safekeeping.open_backups())
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(2)
        central_layout.addWidget(self.banner)
        self.reminder_banner = BannerView()
        central_layout.addWidget(self.reminder_banner)
        # The last backup to the chosen folder is old: "Back up now" there.
        self.folder_banner = BannerView()
        self.folder_banner.action.clicked.connect(lambda: self.safekeeping.back_up_to_folder())
        central_layout.addWidget(self.folder_banner)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.progress = ProgressView()
        self.statusBar().addPermanentWidget(self.progress, 1)
        self.deleted_notice = DeletedNotice()
        self.statusBar().addPermanentWidget(self.deleted_notice)
        self.names_other_notice = NamesOtherNotice()
        self.names_other_notice.move.clicked.connect(self._move_imported_to_named)
        self.statusBar().addPermanentWidget(self.names_other_notice)
        self.detail_hint.setText(self.tr("Select a claim or a document to see it here."))
        self.resize(1280, 800)


    CLAIM_SHARE = 0.48  # of the width beside the lists: the payers side by side, states whole
    DOCUMENT_SHARE = 0.68  # a page needs room

    def _place_panes(self, detail_share: float) -> None:
        """Share the width between the lists, the centre and the right pane. On a narrow window
        (a small screen, or 200 %) the lists fold away; View › Lists brings them back."""
        char = self.sidebar.fontMetrics().averageCharWidth()
        total = sum(self.splitter.sizes()) or self.splitter.width()
        side = self.splitter.sizes()[0]
        if total < 110 * char:
            side = 0
        elif side == 0 and self.lists_action.isChecked():
            side = min(200, 28 * char)
        rest = total - side
        if side == 0 and detail_share < 0.5:
            detail_share -= 0.04  # a narrow window: the claims' state columns come first
        detail = int(rest * detail_share)
        self.splitter.setSizes([side, rest - detail, detail])
        self._sync_lists_action()

    def _sync_lists_action(self) -> None:
        self.lists_action.blockSignals(True)
        self.lists_action.setChecked(self.splitter.sizes()[0] > 0)
        self.lists_action.blockSignals(False)

    def show_lists(self, shown: bool) -> None:
        sizes = self.splitter.sizes()
        char = self.sidebar.fontMetrics().averageCharWidth()
        if shown and sizes[0] == 0:
            side = min(200, 28 * char)
            sizes = [side, max(sizes[1] - side, 0), sizes[2]]
            if sizes[1] < 30 * char:  # no room left for the centre: the right pane gives way
                sizes = [side, sizes[1] + sizes[2] - side, 0] if sizes[2] else sizes
        elif not shown:
            sizes = [0, sizes[1] + sizes[0], sizes[2]]
        self.splitter.setSizes(sizes)
        if shown:
            self.sidebar.setFocus()

    def _show_claim_pane(self) -> None:
        if self.detail.currentWidget() is not self.claim_view or self.splitter.sizes()[2] == 0:
            self._place_panes(self.CLAIM_SHARE)
        self.detail.setCurrentWidget(self.claim_view)
