"""When the window locks itself: after the idle time the user set, and when the desktop's screen
locks (org.freedesktop.ScreenSaver on the session bus, or logind's Lock on the system bus,
where there is one; without D-Bus only the idle time counts)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class AutoLock(QObject):
    """Emits ``lock_now`` after ``minutes`` without a key or the mouse, or when the screen
    locks. Installed as an event filter on the application."""

    lock_now = Signal()

    def __init__(self, minutes: int, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock_now.emit)
        self.set_minutes(minutes)
        self.screen_lock_watched = False

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(0, int(minutes or 0))
        if self.minutes:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched, event) -> bool:
        if self.minutes and event.type() in _INPUT:
            self.timer.start(self.minutes * 60_000)
        return False

    # The desktop's screen lock

    def watch_screen_lock(self) -> bool:
        """Listen for the screen locking; False where there is no D-Bus to say it."""
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return False
        found = False
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path in (("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
                                  ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver")):
                iface = service
                found |= bool(session.connect(service, path, iface, "ActiveChanged", self,
                                              SLOT("screen_saver_changed(bool)")))
        system = QDBusConnection.systemBus()
        if system.isConnected():
            found |= bool(system.connect(
                "org.freedesktop.login1", "/org/freedesktop/login1/session/auto",
                "org.freedesktop.login1.Session", "Lock", self, SLOT("session_locked()")))
        self.screen_lock_watched = found
        return found

    @Slot(bool)
    def screen_saver_changed(self, active: bool) -> None:
        if active:
            self.lock_now.emit()

    @Slot()
    def session_locked(self) -> None:
        self.lock_now.emit()
