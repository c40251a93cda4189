"""Who is using a data folder: one lock that every process with the record open respects.

Every process that opens the record (the window, each command, each worker's connection) holds a
shared lock (store/file_lock.py: flock, or LockFileEx on Windows) on ``<data>/in-use.lock`` for as long as it has it open. Replacing the database
file (restoring a backup) needs the lock exclusively: while a window or another command has the
folder open, a restore is refused instead of pulling the file from under a process that would go
on writing into the replaced one and lose what it wrote.

The lock belongs to an open file, so the lock is taken once per process and folder and counted:
a worker's second connection in the same process does not stand in the way of that process's own
restore. The kernel drops the lock when a process ends, however it ends.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

from desktop_app.store.file_lock import Locked, lock, unlock

LOCK_NAME = "in-use.lock"


class FolderBusy(Exception):
    """Another process has the folder open; ``pid`` is one of them when known."""

    def __init__(self, root: Path, pid: int | None):
        super().__init__(str(root))
        self.root = root
        self.pid = pid


class _Use:
    def __init__(self, handle):
        self.handle = handle
        self.count = 0


_guard = threading.RLock()
_uses: dict[str, _Use] = {}


def _key(root: Path) -> str:
    return os.path.realpath(root)


def acquire(root: Path) -> None:
    """Count one more use of ``root`` by this process (taking the shared lock on the first)."""
    with _guard:
        use = _uses.get(_key(root))
        if use is None:
            fd = os.open(Path(root) / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
            handle = os.fdopen(fd, "r+")
            lock(handle, shared=True)  # waits only while a restore is running
            use = _uses[_key(root)] = _Use(handle)
        use.count += 1


def in_use(root: Path) -> bool:
    """Whether a Paperasse process (this one or another) has the folder open right now."""
    with _guard:
        if _key(root) in _uses:
            return True
        path = Path(root) / LOCK_NAME
        if not path.exists():
            return False
        with open(path, "r+") as probe:
            try:
                lock(probe, wait=False)
            except Locked:
                return True
            unlock(probe)
            return False


def release(root: Path) -> None:
    with _guard:
        use = _uses.get(_key(root))
        if use is None:
            return
        use.count -= 1
        if use.count <= 0:
            del _uses[_key(root)]
            with contextlib.suppress(OSError):
                unlock(use.handle)
            use.handle.close()


def _window_pid(root: Path) -> int | None:
    """The open window's process id (its lock file holds it), to name it in the message."""
    try:
        text = (Path(root) / "gui.lock").read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() and int(text) != os.getpid() else None


@contextlib.contextmanager
def exclusive(root: Path):
    """Hold ``root`` alone: raises :class:`FolderBusy` at once if another process uses it.

    This process's own uses stay counted (the lock is converted, not dropped), so the record can
    be closed and reopened inside the block; after it the lock is shared again, or let go.
    """
    with _guard:
        use = _uses.get(_key(root))
        if use is None:
            fd = os.open(Path(root) / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
            use = _uses[_key(root)] = _Use(os.fdopen(fd, "r+"))
        use.count += 1
        try:
            lock(use.handle, wait=False)
        except Locked:
            release(root)
            if _key(root) in _uses:
                # A refused conversion may have dropped this process's shared lock: take it again.
                lock(use.handle, shared=True)
            raise FolderBusy(Path(root), _window_pid(root)) from None
    try:
        yield
    finally:
        with _guard:
            if use.count > 1:
                lock(use.handle, shared=True)
            release(root)
