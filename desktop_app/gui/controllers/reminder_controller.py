"""Reminders in the window: the subscribed calendar kept up to date, and a notice when a follow-up
falls due or a deadline comes near (once a day at most per item).

After each household refresh (which follows every change, the window's or the command line's),
a worker brings the calendar in the data folder up to date (worked out again only when the
household changed) and says which notices were not given yet today (services/reminders.py
remembers them). A notice goes
to the desktop's notification area when there is one, else to a banner across the window.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from desktop_app.gui import labels
from desktop_app.gui.lazy import reminders

SHOWN_AT_MOST = 3  # items named in one notice; the others are counted


class ReminderController(QObject):
    notified = Signal(list)  # the reminders just told (services.reminders.Reminder)
    refreshed = Signal()  # a look at the reminders ended (told or not)

    def __init__(self, window, workers, banner, today: _dt.date | None = None):
        super().__init__(window)
        self.window = window
        self.workers = workers
        self.banner = banner
        self.today = today  # None: the real today (tests fix a day)
        self.tray: QSystemTrayIcon | None = None
        self._running = False
        self._again = False
        self._first: list = []
        self._known = None  # (household state, day) of the last notices taken
        banner.action.clicked.connect(self._open)

    def refresh(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        self._again = False
        today, lang = self.today, labels.current_language()

        known = self._known  # (household state, day) of the last notices taken, if any

        self.workers.run_read(reminders.window_refresh, today, lang, known, on_success=self._done,
                              on_failure=self._failed)

    def _failed(self, exc) -> None:
        from desktop_app.gui.controllers.messages import message_of

        self._running = False
        self.window.say(self.tr("Reminders could not be worked out: %1").replace(
            "%1", message_of(exc)))

    def _done(self, result) -> None:
        self._running = False
        self._known, notices = result  # nothing changed next time: no need to work them out
        if notices:
            self.tell(notices)
        if self._again:
            self.refresh()
        else:
            self.refreshed.emit()

    def tell(self, notices) -> None:
        lines = [self.tr("%1 (%2)").replace("%1", n.summary).replace("%2", labels.day(n.day))
                 for n in notices[:SHOWN_AT_MOST]]
        if len(notices) > SHOWN_AT_MOST:
            lines.append(self.tr("and %n more", "", len(notices) - SHOWN_AT_MOST))
        title = self.tr("%n reminder(s) due", "", len(notices))
        self._first = list(notices)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
                self.tray.setToolTip("Paperasse")
                self.tray.messageClicked.connect(self._open)
            self.tray.show()
            self.tray.showMessage(title, "\n".join(lines), QSystemTrayIcon.MessageIcon.Information)
        else:
            self.banner.text.setText(self.tr("%1: %2").replace("%1", title).replace(
                "%2", self.tr("; ").join(lines)))
            self.banner.action.setText(
                self.tr("Open the claim") if len(notices) == 1 else self.tr("Show the claims")
            )
            self.banner.show()
        self.notified.emit(list(notices))

    def _open(self) -> None:
        self.banner.hide()
        if len(self._first) == 1:
            self.window.show_claim(self._first[0].claim_id)
        else:
            self.window.sidebar.select("list", "todo")
        self.window.raise_()
        self.window.activateWindow()
