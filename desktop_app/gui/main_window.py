"""The main window: lists and household on the left, a table in the centre, the selection on the right.

Its parts are mixins in gui/window/, one per job: the panes and their widths (panes.py), the menus
and connections (menus.py), the reads and refreshes (loading.py), a restore and the backup banners
(restoring.py), moving through the lists (navigation.py), the search (search.py), imports
(importing.py) and the menus' commands on the records (records.py)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from desktop_app.gui import focus_order, icons, labels, long_lived
from desktop_app.gui.controllers.claim_controller import ClaimController
from desktop_app.gui.controllers.dashboard_controller import DashboardController
from desktop_app.gui.controllers.document_controller import DocumentController
from desktop_app.gui.controllers.import_controller import ImportController
from desktop_app.gui.controllers.reminder_controller import ReminderController
from desktop_app.gui.controllers.safekeeping_controller import SafekeepingController
from desktop_app.gui.controllers.settings_controller import SettingsController
from desktop_app.gui.controllers.trash_controller import TrashController
from desktop_app.gui.controllers.watch_controller import WatchController
from desktop_app.gui.i18n import TextsOfParts
from desktop_app.gui.window.importing import WindowImporting
from desktop_app.gui.window.loading import WindowLoading
from desktop_app.gui.window.menus import WindowMenus
from desktop_app.gui.window.navigation import WindowNavigation
from desktop_app.gui.window.panes import WindowPanes
from desktop_app.gui.window.records import WindowRecords
from desktop_app.gui.window.restoring import WindowRestoring
from desktop_app.gui.window.search import WindowSearch
from desktop_app.gui.workers import Workers
from desktop_app.services.context import Context
from desktop_app.services.dashboard import Dashboard
from desktop_app.services.overview import PersonRow

SEARCH_DELAY_MS = 150
REFRESH_DELAY_MS = 250
# How often the window looks whether another process (the command line) wrote to the data folder.
WATCH_INTERVAL_MS = 1500


class MainWindow(TextsOfParts, WindowPanes, WindowMenus, WindowLoading, WindowRestoring,
                 WindowNavigation, WindowSearch, WindowImporting, WindowRecords, QMainWindow):
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
        self.people: list[PersonRow] = []
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


    def _build_controllers(self) -> None:
        self.imports = ImportController(self.ctx, self.workers, self.progress, self, self)
        self.document_controller = DocumentController(self.document_view, self.ctx, self.workers, self)
        self.claim_controller = ClaimController(self.claim_view, self.ctx, self.workers, self)
        self.dashboard_controller = DashboardController(self.dashboard, self)
        self.safekeeping = SafekeepingController(self)
        self.trash = TrashController(self, self.trash_page, self.deleted_notice)
        self.watcher = WatchController(self.ctx, self.workers, self)
        self.reminders = ReminderController(self, self.workers, self.reminder_banner, self.today)


    # Settings, help

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
