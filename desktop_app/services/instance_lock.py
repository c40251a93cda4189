"""One desktop window per data folder.

``acquire_gui_lock(paths)`` takes an exclusive lock on ``<data>/gui.lock`` and writes the
process id inside; a second GUI on the same folder gets a :class:`UserError` telling the user to
switch to the window already open. The lock (store/file_lock.py: flock on POSIX, LockFileEx on
Windows) is released by the system when the process ends, however it ends (crash, SIGKILL,
power-off), so a stale lock file never blocks anyone.

The command line does not take this lock: it may write while the window is open (SQLite in WAL
mode with a busy timeout serialises the writers).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from desktop_app.core.errors import UserError
from desktop_app.store.file_lock import Locked, lock, unlock


class GuiLock:
    """A held lock; ``release()`` (or leaving a ``with`` block) lets the next window open."""

    def __init__(self, path: Path, handle, pid: int):
        self.path = path
        self._handle = handle
        self.pid = pid

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
            handle.flush()
        with contextlib.suppress(OSError):
            unlock(handle)
        handle.close()

    def __enter__(self) -> GuiLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def __del__(self):  # pragma: no cover - belt and braces
        with contextlib.suppress(Exception):
            self.release()


def _already_open(paths, pid: int | None) -> UserError:
    who = f" (process {pid})" if pid else ""
    return UserError(f"Paperasse is already open on {paths.root}{who}; switch to that window")


def _read_pid(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def acquire_gui_lock(paths) -> GuiLock:
    """Hold the data folder's window lock, or raise UserError naming the process holding it."""
    path = Path(paths.lock)
    path.parent.mkdir(parents=True, exist_ok=True)
    pid = os.getpid()
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    handle = os.fdopen(fd, "r+", encoding="ascii")
    try:
        lock(handle, wait=False)
    except Locked:
        handle.close()
        raise _already_open(paths, _read_pid(path)) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"{pid}\n")
    handle.flush()
    with contextlib.suppress(OSError):
        os.fsync(handle.fileno())
    return GuiLock(path, handle, pid)
