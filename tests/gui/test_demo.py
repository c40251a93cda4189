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
    assert {p.name for p in shown.people} >= {"Claire Martin", "Lucas Martin"}
    controller.leave_demo()
    controller.window.workers.shutdown()
    controller.close()


def test_the_sample_households_progress_speaks_french_in_a_french_window(qapp, ctx):
    from desktop_app.gui import i18n
    from desktop_app.gui.app import AppController

    controller = AppController(ctx)
    i18n.install("fr")
    try:
        # The texts the progress dialog shows while the sample household is built.
        assert controller.tr("Preparing the sample household…") == "Préparation du foyer d’exemple…"
        assert controller.tr("Sample documents") == "Documents d’exemple"
    finally:
        i18n.install("en")
