"""The data folder's small state files (what a watched folder has seen, which reminders were
sent): written atomically, and sealed like the stored originals when the folder is encrypted."""

from __future__ import annotations

import io
from pathlib import Path

from desktop_app.store import sealed, vault
from desktop_app.store.atomic_files import atomic_file, write_bytes_atomically

# The data folder's small state files that name the user's files or claims: sealed like the
# stored originals when the folder is encrypted (store/folder_crypt.py converts them too).
STATE_FILES = (("watch", "seen.json"), ("calendar", "notified.json"))


def write_state_file(data: bytes, target: Path) -> None:
    """Write a state file atomically, sealed when the folder holding it is encrypted."""
    keys = vault.keys_for(target)
    if keys is None:
        write_bytes_atomically(data, target)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(target) as tmp, open(tmp, "wb") as out:  # the plain bytes never on disk
        sealed.seal_stream(io.BytesIO(data), out, keys.files)


def read_state_file(path: Path) -> bytes:
    """A state file's bytes, opened with the folder's key when it is sealed (OSError when it
    cannot be read: missing, or sealed and the folder locked)."""
    if not sealed.is_sealed(path):
        return path.read_bytes()
    keys = vault.keys_for(path)
    if keys is None:
        raise OSError(f"{path} is sealed and its folder is locked")
    try:
        return sealed.plain_bytes(path, keys.files)
    except sealed.Unreadable as exc:
        raise OSError(f"{path}: {exc}") from exc
