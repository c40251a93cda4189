"""Opening the data folder for the desktop app: show the window first, tidy up after.

Tidying up reads every stored name (seconds on a large household) and the daily backup copies
the database: the window does not wait for either; they run on a worker once it is up.
"""

from __future__ import annotations

import os

from desktop_app.services.context import Context, finish_start, open_context


def open_without_cleanup(data_dir: str | os.PathLike | None = None) -> Context:
    return open_context(data_dir, auto_backup=False, tidy=False)


def clean_up(ctx: Context) -> int:
    """What open_context does after opening; returns how many leftover files were removed."""
    return finish_start(ctx)
