"""The main window's menus, toolbar and shortcuts, and the signals of its parts wired to what they do."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QToolBar, QWidget

from desktop_app.gui import icons


class WindowMenus:
    """The menu bar, the toolbar with the search box, and the connections."""

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
