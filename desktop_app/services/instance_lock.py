"""One desktop window per data folder.

``acquire_gui_lock(paths)`` takes an exclusive lock on ``<data>/gui.lock`` and writes the
process id inside; a second GUI on the same folder gets a :class:`UserError` telling the user to
switch to the window already open. On POSIX the lock is ``fcntl.flock``: the kernel releases it
when the process ends, however it ends (crash, SIGKILL, power-off), so a stale lock file never
blocks anyone. On Windows ``msvcrt.locking`` on the first byte does the same. Elsewhere the PID
in the file is checked for a live process.

The command line does not take this lock: it may write while the window is open (SQLite in WAL
mode with a busy timeout serialises the writers).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from desktop_app.core.errors import UserError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None
try:
    import msvcrt
except ImportError:
    msvcrt = None


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
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)
            elif msvcrt is not None:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        handle.close()
        if fcntl is None and msvcrt is None:
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> "GuiLock":
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


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def acquire_gui_lock(paths) -> GuiLock:
    """Hold the data folder's window lock, or raise UserError naming the process holding it."""
    path = Path(paths.lock)
    path.parent.mkdir(parents=True, exist_ok=True)
    pid = os.getpid()
    if fcntl is not None or msvcrt is not None:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        handle = os.fdopen(fd, "r+", encoding="ascii")
        try:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            handle.close()
            raise _already_open(paths, _read_pid(path)) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{pid}\n")
        handle.flush()
        with contextlib.suppress(OSError):
            os.fsync(handle.fileno())
        return GuiLock(path, handle, pid)
    # No OS lock: a PID file, taken over when its process is gone.
    other = _read_pid(path)
    if other and other != pid and _alive(other):
        raise _already_open(paths, other)
    tmp = path.with_suffix(f".{pid}")
    tmp.write_text(f"{pid}\n", encoding="ascii")
    os.replace(tmp, path)
    return GuiLock(path, open(path, encoding="ascii"), pid)
