"""The dashboard shows what the payers owe before every claim's status has been read."""

from __future__ import annotations

import threading


def test_the_money_figures_come_before_the_lists(qtbot, ctx, household, monkeypatch):
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.services import overview

    release = threading.Event()
    real = overview.claim_list

    def slow_detailed(c, *args, detailed=False, **kwargs):
        if detailed:  # the full pass waits until the test has looked
            release.wait(30)
        return real(c, *args, detailed=detailed, **kwargs)

    monkeypatch.setattr(overview, "claim_list", slow_detailed)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    try:
        card = win.dashboard.cpam.headline
        qtbot.waitUntil(lambda: "owes you" in card.text() and "€" in card.text(), timeout=10_000)
        assert not win.household  # the statuses are still being read
        assert win.dashboard.loading.text() == ""
        win.load_household()  # the slow pass asked for again: the figures shown stay, unhidden
        assert win.dashboard.loading.text() == ""
    finally:
        release.set()
    qtbot.waitUntil(lambda: bool(win.household), timeout=10_000)
    win.workers.shutdown()
