"""13.1 "Explore with sample documents" opens the sample household, clicked as a user does."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_explore_with_sample_documents_opens_the_sample_household(qtbot, ctx, fake_reader):
    from desktop_app.gui.app import AppController

    controller = AppController(ctx)
    window = controller.show()
    qtbot.waitUntil(lambda: window.welcome.explore.isVisible(), timeout=10_000)
    qtbot.mouseClick(window.welcome.explore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.demo, timeout=60_000)
    shown = controller.window
    qtbot.waitUntil(lambda: bool(shown.household), timeout=30_000)
    assert {p["name"] for p in shown.people} >= {"Claire Martin", "Lucas Martin"}
    controller.leave_demo()
    controller.window.workers.shutdown()
    controller.close()
