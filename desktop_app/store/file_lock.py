"""Advisory locks on an open file, the same on Linux, macOS and Windows.

portalocker takes ``flock`` on POSIX and ``LockFileEx`` on Windows: both belong to the open file
and are dropped by the system when the process ends, however it ends, so a lock file left behind
never blocks anyone. The folder lock (store/folder_lock.py) and the one-window lock
(services/instance_lock.py) both go through here.
"""

from __future__ import annotations

import portalocker


class Locked(OSError):
    """Another process holds a lock that cannot be shared with the one asked for."""


def lock(handle, shared: bool = False, wait: bool = True) -> None:
    """Lock ``handle`` (an open file); ``wait=False`` raises :class:`Locked` at once instead."""
    flags = portalocker.LOCK_SH if shared else portalocker.LOCK_EX
    if not wait:
        flags |= portalocker.LOCK_NB
    try:
        portalocker.lock(handle, flags)
    except (portalocker.exceptions.LockException, portalocker.exceptions.AlreadyLocked) as exc:
        raise Locked(str(exc)) from None


def unlock(handle) -> None:
    portalocker.unlock(handle)
