"""The main window opens within the screen, and where the user left it last time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize

from desktop_app.gui import window_place


@pytest.fixture
def open_window(qtbot, ctx):
    """Start the app's window as the app does (AppController.show); closed afterwards."""
    from desktop_app.gui.app import AppController

    opened = []

    def start():
        controller = AppController(ctx)
        window = controller.show()
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield start
    for window in opened:
        window.workers.shutdown()


def _inside(rect: QRect, area: QRect) -> bool:
    return area.contains(rect.topLeft()) and area.contains(rect.bottomRight())


@pytest.mark.parametrize("screen", [QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 740),
                                    QRect(0, 0, 1024, 600), QRect(1920, 0, 1024, 600)])
def test_a_small_screen_gets_a_window_that_fits_it(screen):
    rect = window_place.default_rect(screen)
    assert _inside(rect, screen)
    # Room above for the title bar the window manager adds.
    assert rect.top() - screen.top() >= window_place.FRAME_ALLOWANCE.height() - 8
    big = window_place.default_rect(QRect(0, 0, 2560, 1440))
    assert big.size() == window_place.PREFERRED


def test_the_window_opens_within_the_screen_with_its_status_bar_visible(open_window):
    window = open_window()
    available = window.screen().availableGeometry()
    assert _inside(window.frameGeometry(), available)
    bar = window.statusBar()
    assert bar.isVisible()
    bottom = bar.mapToGlobal(QPoint(0, bar.height() - 1))
    assert available.contains(bottom)


def test_size_and_place_come_back_next_time(open_window, qt_settings):
    assert str(qt_settings) in window_place.settings().fileName()  # never the user's own file
    window = open_window()
    window.setGeometry(QRect(40, 60, 700, 500))
    window.close()

    again = open_window()
    assert again.geometry() == QRect(40, 60, 700, 500)
    assert not again.isMaximized()


def test_a_maximised_window_opens_maximised(open_window, qtbot):
    window = open_window()
    window.setGeometry(QRect(50, 70, 640, 480))
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized, timeout=30_000)
    window.close()

    again = open_window()
    qtbot.waitUntil(again.isMaximized, timeout=30_000)
    again.showNormal()
    qtbot.waitUntil(lambda: not again.isMaximized(), timeout=30_000)
    assert again.size() == QSize(640, 480)  # the size it goes back to


def test_a_place_on_a_screen_gone_is_not_used(open_window):
    store = window_place.settings()
    store.setValue("main/geometry", QRect(5000, 3000, 700, 500))  # a second screen, unplugged
    store.sync()
    window = open_window()
    available = window.screen().availableGeometry()
    assert _inside(window.frameGeometry(), available)


def test_a_place_half_off_the_screen_is_moved_back_onto_it():
    screens = [QRect(0, 0, 1366, 768)]
    # Dragged down and right when the screen was larger: shrunk and moved fully back.
    rect = window_place.fitted(QRect(900, 300, 1280, 800), screens)
    assert rect is not None and _inside(rect, screens[0])
    # Title bar above the top of every screen: not usable.
    assert window_place.fitted(QRect(100, -400, 800, 300), screens) is None
    # On the second of two screens, it stays there.
    two = [QRect(0, 0, 1920, 1080), QRect(1920, 0, 1366, 768)]
    rect = window_place.fitted(QRect(2000, 100, 1000, 600), two)
    assert rect == QRect(2000, 100, 1000, 600)

