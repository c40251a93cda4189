"""The window's long-lived lists, kept out of the cycle collector's walks.

A household of 50,000 claims keeps a few hundred thousand Python objects in the window's
lists. Every so often Python's cycle collector walks all the objects it tracks, holding the
interpreter's lock throughout: a few hundred milliseconds during which the UI thread, which needs
the lock to paint any cell, stalls, whichever thread the walk started on. The rows hold no
cycles (they are freed as soon as a new list replaces them), so once a list is in place
everything alive is moved out of the collector's sight; only what is made afterwards is walked.
"""

from __future__ import annotations

import gc


def settled() -> None:
    """Everything alive now stays out of the cycle collector's walks."""
    gc.freeze()


def released() -> None:
    """Back into the walks (a window closing: what it made cyclic can be collected)."""
    gc.unfreeze()
