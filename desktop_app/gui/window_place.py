"""Where the main window opens: within the screen's usable area, and where it was last time.

The size, position and maximised state are kept per machine (screens belong to the machine,
not to the data folder) in Qt's settings file for Paperasse, ``QSettings`` in INI format under
the user's configuration folder (on Linux ``~/.config/Paperasse/window.ini``); tests point
QSettings at a temporary folder. A remembered place is used only if enough of it, the title bar
included, is on a screen there now; otherwise the window opens centred on the primary screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication

from desktop_app import APP_NAME

# The size the window asks for on a large screen; smaller screens get what they can show.
PREFERRED = QSize(1280, 800)
# Room left around the window: the frame and title bar the window manager adds, a little air.
FRAME_ALLOWANCE = QSize(16, 40)
# A remembered place counts as on screen when this much of its top (the title bar) is visible.
VISIBLE_TOP = QSize(120, 24)


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, "window")


def default_rect(available: QRect, minimum: QSize | None = None) -> QRect:
    """The window's geometry (without its frame) on a screen whose usable area is ``available``:
    the preferred size if it fits, else the usable area less the frame, centred."""
    width = min(PREFERRED.width(), available.width() - FRAME_ALLOWANCE.width())
    height = min(PREFERRED.height(), available.height() - FRAME_ALLOWANCE.height())
    if minimum is not None:  # never below what the window can be, even if it then overflows
        width, height = max(width, minimum.width()), max(height, minimum.height())
    rect = QRect(0, 0, max(width, 1), max(height, 1))
    rect.moveCenter(available.center())
    # The title bar is never above the usable area, nor the left edge off it.
    rect.moveTop(max(rect.top(), available.top() + FRAME_ALLOWANCE.height() - 8))
    rect.moveLeft(max(rect.left(), available.left()))
    return rect


def fitted(saved: QRect, screens: list[QRect]) -> QRect | None:
    """``saved`` kept on the screen that shows its top, shrunk to that screen's usable area
    and moved fully onto it; None when no current screen shows its title bar."""
    top = QRect(saved.topLeft() - QPoint(0, FRAME_ALLOWANCE.height() - 8),
                QSize(saved.width(), FRAME_ALLOWANCE.height()))
    best, best_area = None, 0
    for available in screens:
        seen = top.intersected(available)
        if seen.width() >= VISIBLE_TOP.width() and seen.height() >= VISIBLE_TOP.height():
            area = seen.width() * seen.height()
            if area > best_area:
                best, best_area = available, area
    if best is None:
        return None
    width = min(saved.width(), best.width() - FRAME_ALLOWANCE.width())
    height = min(saved.height(), best.height() - FRAME_ALLOWANCE.height())
    rect = QRect(saved.topLeft(), QSize(max(width, 1), max(height, 1)))
    left = min(max(rect.left(), best.left()), best.right() - rect.width())
    # Room above for the title bar, and the bottom edge (the status bar) on the screen.
    top_edge = min(max(rect.top(), best.top() + FRAME_ALLOWANCE.height() - 8),
                   best.bottom() - rect.height())
    rect.moveTopLeft(QPoint(left, top_edge))
    return rect


def _screens() -> list[QRect]:
    return [screen.availableGeometry() for screen in QGuiApplication.screens()]


def place(window, store: QSettings | None = None) -> bool:
    """Give ``window`` its size and position before it is shown; True if it should open
    maximised (call ``showMaximized`` rather than ``show``)."""
    store = store or settings()
    saved = store.value("main/geometry")
    rect = None
    if isinstance(saved, QRect) and saved.isValid():
        rect = fitted(saved, _screens())
    if rect is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else QRect(0, 0, 1280, 800)
        rect = default_rect(available)
    window.setGeometry(rect)
    return _true(store.value("main/maximized", False))


def remember(window, store: QSettings | None = None) -> None:
    """Keep the window's place for next time: its normal geometry (the one it goes back to
    when unmaximised) and whether it is maximised."""
    store = store or settings()
    maximised = window.isMaximized()
    geometry = window.normalGeometry() if maximised else window.geometry()
    if geometry.isValid():
        store.setValue("main/geometry", geometry)
    store.setValue("main/maximized", maximised)
    store.sync()


def _true(value) -> bool:
    return value is True or str(value).lower() in ("true", "1")
