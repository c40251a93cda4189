"""Waiting as a user waits: the window reads and writes on its workers, then draws."""

from __future__ import annotations


def settle(qtbot, window, timeout: int = 15_000) -> None:
    """Until what the window set going (a pane's read or write, a list's reload, a coalesced
    refresh) is done and drawn."""
    qtbot.waitUntil(
        lambda: not window.workers.busy and not window._refresh_timer.isActive(), timeout=timeout
    )
