"""The main window: lists and household on the left, a table in the centre, the selection on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import UserError
from desktop_app.gui import focus_order, icons, labels, long_lived
from desktop_app.gui.controllers.claim_controller import ClaimController
from desktop_app.gui.controllers.dashboard_controller import DashboardController
from desktop_app.gui.controllers.document_controller import DocumentController
from desktop_app.gui.controllers.import_controller import ImportController
from desktop_app.gui.controllers.messages import message_of, show_error
from desktop_app.gui.controllers.person_controller import PersonController
from desktop_app.gui.controllers.reminder_controller import ReminderController
from desktop_app.gui.controllers.safekeeping_controller import SafekeepingController
from desktop_app.gui.controllers.settings_controller import SettingsController
from desktop_app.gui.controllers.trash_controller import TrashController
from desktop_app.gui.controllers.watch_controller import WatchController
from desktop_app.gui.lazy import claims, inbox
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
from desktop_app.gui.views.track_dialogs_view import ClaimFormDialog
from desktop_app.gui.views.trash_view import TrashPage
from desktop_app.gui.views.welcome_view import WelcomeView
from desktop_app.gui.workers import Workers
from desktop_app.services import overview, read_process
from desktop_app.services import search as search_service
from desktop_app.services.context import Context
from desktop_app.services.dashboard import Dashboard

SEARCH_DELAY_MS = 150
REFRESH_DELAY_MS = 250
# How often the window looks whether another process (the command line) wrote to the data folder.
WATCH_INTERVAL_MS = 1500


def _state_texts() -> list[str]:
    """What a payer's column says, every state in the current language."""
    return [labels.state_text(state) for state in labels.STATE_TEXT]


def _to_check_texts() -> list[str]:
    return [QCoreApplication.translate("DocumentsTableModel", "%n field(s) to check", "", 12)]


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    demo_requested = Signal()
    leave_demo_requested = Signal()
    claims_loaded = Signal()
    household_loaded = Signal()
    documents_loaded = Signal()
    search_shown = Signal()  # the search results page was filled
    passphrase_requested = Signal(str)  # "set", "change" or "remove": the app converts
    lock_requested = Signal()
    lock_minutes_changed = Signal(int)  # the Settings' idle time before locking
    store_replaced = Signal(str, object)  # message, warning (or None): rebuild on the new database

    def __init__(self, ctx: Context, demo: bool = False, today=None):
        super().__init__()
        self.ctx = ctx
        self.demo = demo
        self.today = today  # the day reminders are judged on; None: the real today
        self.workers = Workers(ctx, self)
        self.setWindowTitle(self.tr("Paperasse — demo household") if demo else "Paperasse")
        self.setAcceptDrops(True)
        self.people: list[dict] = []
        self.household: Dashboard | None = None  # what the dashboard shows, once worked out
        self._claims_generation = 0
        self._household_generation = 0
        self._documents_generation = 0
        self._documents_mode = "all"  # "all" | "inbox" | "search" (the search results page)
        self._search_generation = 0
        self._claims_stage = 0  # 0 first screen, 1 every claim, 2 every claim with its status
        self._totals_shown = 0  # the claims generation whose money figures the dashboard shows
        self._list_counts: dict[str, int] = {}
        self._current_claim_id: int | None = None
        self._before_search = None
        self._suspended = False  # a restore is replacing the database: touch nothing
        self.rebuild_on_store_change = False  # set by the AppController, which rebuilds windows
        self.remember_place = False  # set by the AppController: its size and place kept for next time
        self.help_window = None  # the guide's window, made when first asked for

        self._build_models()
        self._build_layout()
        self._build_controllers()
        self._build_actions()
        self._connect()
        focus_order.no_tab_in_tables(self)
        self._order_focus()

        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh_from_timer)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self._data_version = self._read_data_version()
        self._watch_timer = QTimer(self, interval=WATCH_INTERVAL_MS)
        self._watch_timer.timeout.connect(self.check_outside_changes)
        self._watch_timer.start()
        self.refresh(first=True)
        if ctx.backup_problem:
            self.show_backup_problem(ctx.backup_problem)
        self.safekeeping.check_folder_reminder()

    # Building

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

    def _build_controllers(self) -> None:
        self.imports = ImportController(self.ctx, self.workers, self.progress, self, self)
        self.document_controller = DocumentController(self.document_view, self.ctx, self.workers, self)
        self.claim_controller = ClaimController(self.claim_view, self.ctx, self.workers, self)
        self.dashboard_controller = DashboardController(self.dashboard, self)
        self.safekeeping = SafekeepingController(self)
        self.trash = TrashController(self, self.trash_page, self.deleted_notice)
        self.watcher = WatchController(self.ctx, self.workers, self)
        self.reminders = ReminderController(self, self.workers, self.reminder_banner, self.today)

    def _action(self, text: str, shortcut=None, slot=None, menu=None, icon: str = "") -> QAction:
        action = QAction(text, self)
        if icon:
            action.setIcon(icons.icon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.import_action = self._action(
            self.tr("&Import scans and PDFs…"), QKeySequence.StandardKey.Open, self.ask_import, file_menu,
            "import",
        )
        self.paste_action = self._action(
            self.tr("&Paste an image"), QKeySequence.StandardKey.Paste, self.paste, file_menu
        )
        file_menu.addSeparator()
        self.export_action = self._action(
            self.tr("&Export everything to an archive…"), None, lambda: self.safekeeping.ask_export(), file_menu
        )
        self.import_archive_action = self._action(
            self.tr("Import an &archive…"), None, lambda: self.safekeeping.ask_import(), file_menu
        )
        self.backups_action = self._action(
            self.tr("&Backups…"), None, lambda: self.safekeeping.open_backups(), file_menu
        )
        file_menu.addSeparator()
        self.settings_action = self._action(
            self.tr("&Settings…"), QKeySequence("Ctrl+,"), self.open_settings, file_menu, "settings"
        )
        self.lock_action = self._action(
            self.tr("&Lock now"), QKeySequence("Ctrl+L"), self.lock_requested.emit, file_menu
        )
        self.lock_action.setVisible(False)  # shown once the folder is known to be protected
        if self.demo:
            self._action(self.tr("&Leave the demo"), None, self.leave_demo_requested.emit, file_menu)
        file_menu.addSeparator()
        self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close, file_menu, "quit")

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(
            self.tr("&Undo the last payer step"), QKeySequence.StandardKey.Undo, self.undo_step, edit_menu,
            "undo",
        )
        self.find_action = self._action(
            self.tr("&Find…"), QKeySequence.StandardKey.Find, self.focus_search, edit_menu, "search"
        )
        self.unlink_action = QAction(self.tr("&Remove the document from its claim"), self)
        self.unlink_action.triggered.connect(self.unlink_selected_document)
        self.documents_page.table.addAction(self.unlink_action)
        edit_menu.addAction(self.unlink_action)
        # Delete: what the list or pane with the focus shows, to the Trash (each list its own).
        self.delete_action = QAction(icons.icon("delete"), self.tr("&Delete (to the Trash)…"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        for widget in (self.documents_page.table, self.claims_page.inbox_table,
                       self.claims_page.table, self.sidebar):
            widget.addAction(self.delete_action)
        for table in (self.documents_page.table, self.claims_page.inbox_table,
                      self.claims_page.table):
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sidebar.customContextMenuRequested.connect(self._sidebar_menu)
        edit_menu.addAction(self.delete_action)

        view_menu = bar.addMenu(self.tr("&View"))
        self._action(self.tr("&Home"), QKeySequence("Ctrl+1"), lambda: self.sidebar.select("home"), view_menu,
                     "home")
        self._action(self.tr("&Inbox"), QKeySequence("Ctrl+2"), lambda: self.sidebar.select("list", "inbox"), view_menu)
        self._action(self.tr("&All claims"), QKeySequence("Ctrl+3"), lambda: self.sidebar.select("person"), view_menu)
        self._action(self.tr("&Trash"), QKeySequence("Ctrl+4"), lambda: self.sidebar.select("trash"), view_menu,
                     "trash")
        self._action(self.tr("&Refresh"), QKeySequence.StandardKey.Refresh, self.refresh, view_menu)
        self._action(self.tr("Go to the &lists"), QKeySequence("Alt+1"), self.sidebar.setFocus, view_menu)
        self._action(self.tr("&Next area"), QKeySequence("F6"), lambda: self.focus_next_area(1), view_menu)
        self._action(
            self.tr("&Previous area"), QKeySequence("Shift+F6"), lambda: self.focus_next_area(-1), view_menu
        )
        self.lists_action = self._action(self.tr("&Lists and household"), QKeySequence("F9"), None, view_menu)
        self.lists_action.setCheckable(True)
        self.lists_action.setChecked(True)
        self.lists_action.toggled.connect(self.show_lists)
        self.splitter.splitterMoved.connect(lambda *_: self._sync_lists_action())

        household_menu = bar.addMenu(self.tr("&Household"))
        self._action(self.tr("Add a &person…"), QKeySequence("Ctrl+N"), self.add_person, household_menu)
        self.edit_person_action = self._action(
            self.tr("&Edit the person…"), QKeySequence("Ctrl+E"), self.edit_selected_person, household_menu
        )
        self._action(
            self.tr("New &claim…"), QKeySequence("Ctrl+Shift+N"), self.ask_new_claim, household_menu,
            "new_claim",
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help_action = self._action(
            self.tr("&Guide"), QKeySequence(QKeySequence.StandardKey.HelpContents), lambda: self.open_help(),
            help_menu, "help",
        )
        self.help_action.setToolTip(self.tr("What to do with each paper (F1)"))
        self._action(self.tr("&About Paperasse"), None, self.about, help_menu)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.import_action)
        new_claim = QAction(icons.icon("new_claim"), self.tr("New claim"), self)
        new_claim.triggered.connect(self.ask_new_claim)
        toolbar.addAction(new_claim)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search people, claims, documents (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search people, claims and documents"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.setMaximumWidth(360)
        self.search.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        toolbar.addWidget(self.search)
        toolbar.addAction(self.help_action)
        self.toolbar = toolbar
        self.addToolBar(toolbar)
        toolbar.setIconSize(QSize(16, 16))

    def _connect(self) -> None:
        self.sidebar.currentItemChanged.connect(lambda *_: self._sidebar_changed())
        self.claims_page.table.selectionModel().currentRowChanged.connect(self._claim_selected)
        self.claims_page.inbox_table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self._document_selected(self.inbox_proxy, current)
        )
        self.documents_page.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self._document_selected(self.documents_proxy, current)
        )
        self.claims_page.filter.textChanged.connect(self.claims_proxy.set_text)
        self.claims_page.new_claim.clicked.connect(self.ask_new_claim)
        self.claims_model.documents_dropped.connect(self.link_documents)
        self.claims_page.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda *_: self._current_claim_id is not None
            and self._select_claim_row(self._current_claim_id)
        )
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.search.installEventFilter(self)  # Down: from the search box into its results
        self.search_page.opened.connect(self.open_found)
        self.imports.finished.connect(self._import_finished)
        self.imports.message.connect(self.say)
        self.document_controller.changed.connect(self.schedule_refresh)
        self.document_controller.claim_requested.connect(self.show_claim)
        self.document_controller.message.connect(self.say)
        self.document_controller.fields_shown.connect(self._order_focus)
        self.claim_controller.changed.connect(lambda _id: self.schedule_refresh())
        self.claim_controller.message.connect(self.say)
        self.claim_controller.document_requested.connect(self.show_document)
        self.claim_controller.person_edit_requested.connect(self.edit_person)
        self.claim_controller.attach_requested.connect(self._attach_scan_to_claim)
        self.claim_controller.help_requested.connect(self.open_help)
        self.dashboard_controller.claim_requested.connect(self.show_claim)
        self.watcher.arrived.connect(self.schedule_refresh)
        self.watcher.message.connect(self.say)
        # Each household refresh follows a change (here or from the command line): the
        # reminders and the subscribed calendar follow it.
        self.household_loaded.connect(self.reminders.refresh)
        self.welcome.add_person.clicked.connect(self.add_person)
        self.trash.changed.connect(self.refresh)
        self.trash.message.connect(self.say)
        self.document_view.delete.clicked.connect(
            lambda: self.document_controller.document is not None and self.ask_delete_document(
                self.document_controller.document.id))
        self.claim_view.delete.clicked.connect(
            lambda: self.claim_controller.claim_id is not None
            and self.ask_delete_claim(self.claim_controller.claim_id))
        self.claims_page.delete_person.clicked.connect(
            lambda: self._current_person_id() is not None
            and self.ask_delete_person(self._current_person_id()))
        self.welcome.explore.clicked.connect(self.demo_requested.emit)
        self.welcome.protect.clicked.connect(lambda: self.passphrase_requested.emit("set"))
        self.welcome.restore_folder.clicked.connect(lambda: self.safekeeping.ask_restore_from_folder())

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

    def suspend(self) -> None:
        """Stop everything that reads the database (a restore is about to replace it)."""
        self._suspended = True
        self.watcher.stop()
        for timer in (self._watch_timer, self._refresh_timer, self._search_timer):
            timer.stop()

    def resume(self) -> None:
        self._suspended = False
        self._data_version = self._read_data_version()
        self._watch_timer.start()
        self.watcher.resume()

    def store_replaced_in_place(self, message: str, warning: str | None = None) -> None:
        """The database file was replaced and ``ctx.store`` reopened: show the new records."""
        if self.rebuild_on_store_change:
            self.store_replaced.emit(message, warning)  # the AppController builds a new window
            return
        self.workers.shutdown()
        self.resume()
        self.household = None
        self.claims_model.set_rows([])
        self.refresh()
        self.after_restore(message, warning)

    def after_restore(self, message: str, warning: str | None = None) -> None:
        self.say(message)
        if warning:
            show_error(self, self.tr("Some scans are missing"), warning)

    def show_backup_problem(self, problem: str) -> None:
        self.ctx.backup_problem = problem
        self.banner.text.setText(
            self.tr("The automatic backup failed: %1").replace("%1", problem)
        )
        self.banner.action.setText(self.tr("Backups…"))
        self.banner.show()

    def hide_banner(self) -> None:
        self.banner.hide()

    def show_folder_reminder(self, due: dict) -> None:
        if due.get("days") is None:
            text = self.tr("Nothing has been backed up to %1 yet.").replace("%1", due["folder"])
        else:
            text = self.tr("The last backup to %1 was %n day(s) ago.", "", int(due["days"])).replace(
                "%1", due["folder"])
        self.folder_banner.text.setText(text)
        self.folder_banner.action.setText(self.tr("Back up now"))
        self.folder_banner.show()

    def hide_folder_banner(self) -> None:
        self.folder_banner.hide()

    def _update_welcome(self) -> None:
        if not self.people and self.centre.currentWidget() is not self.trash_page:
            self.centre.setCurrentWidget(self.welcome)
            self.detail.hide()
        elif self.centre.currentWidget() is self.welcome:
            self._sidebar_changed()

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
            name = next((p["name"] for p in self.people if p["id"] == value), "")
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

    # Search

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

    # Importing

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
        name = next((p["name"] for p in self.people if p["id"] == person_id), str(person_id))
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

    @property
    def protected(self) -> bool:
        return getattr(self, "_protected", False)

    @protected.setter
    def protected(self, value: bool) -> None:
        """Whether the data folder has a passphrase: the lock action and the welcome page's
        offer follow it."""
        self._protected = bool(value)
        self.lock_action.setVisible(self._protected and not self.demo)
        self.welcome.protect.setVisible(not self._protected and not self.demo)

    def open_settings(self) -> None:
        settings = SettingsController(self.ctx, self, workers=self.workers)
        result = settings.exec()
        if settings.passphrase_action:
            self.passphrase_requested.emit(settings.passphrase_action)
            return
        if result == QDialog.DialogCode.Accepted:
            self.lock_minutes_changed.emit(int(self.ctx.setting("lock_after_minutes") or 0))
            if settings.watch_changed:
                self.watcher.reload()
            if settings.language_changed:
                self.language_requested.emit(self.ctx.setting("language"))
            else:
                self.schedule_refresh()

    def open_help(self, section: str | None = None) -> None:
        """The guide, in the window's language, at ``section`` (an anchor of the guide)."""
        from desktop_app.gui import help_guide
        from desktop_app.gui.views.help_view import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self)
            self.help_window.setWindowIcon(icons.icon("help"))
            self.help_window.show_guide(help_guide.guide(labels.current_language()))
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        self.help_window.open_section(section)

    def about(self) -> None:
        from desktop_app import __version__

        QMessageBox.about(
            self,
            self.tr("About Paperasse"),
            self.tr("Paperasse %1\nKeeps your household's health paperwork in order, on this computer.")
            .replace("%1", __version__),
        )

    def say(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def closeEvent(self, event) -> None:
        if self.imports.running:
            answer = QMessageBox.question(
                self,
                self.tr("Stop the import?"),
                self.tr("Documents are still being imported. Stop after the current page and quit?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self.remember_place:
            from desktop_app.gui import window_place

            window_place.remember(self)
        # Nothing more is read once the window is closed: its data folder may be closed next.
        for timer in (self._watch_timer, self._refresh_timer, self._search_timer):
            timer.stop()
        self.watcher.stop()
        self.workers.shutdown()
        long_lived.released()
        super().closeEvent(event)
