"""Looking at the backup folder: its backups, and each one checked with the originals it needs."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.errors import NotFound
from desktop_app.services.backup_folder.copies import (
    ORIGINALS,
    hash_of,
    manifest_of,
    read_checked,
    write_checked,
)
from desktop_app.services.backup_folder.folder import FolderCheck, reachable
from desktop_app.services.backups import checking, listing
from desktop_app.services.backups.results import BackupInfo


def list_backups(folder) -> list[dict]:
    """The backups in ``folder``, newest first, as backups.list_backups gives them, plus how
    many originals each needs."""
    path = reachable(Path(folder).expanduser().absolute())
    listed = []
    for index, info in enumerate(listing.in_folder(path), start=1):
        manifest = manifest_of(info)
        listed.append(dict(info.to_json(), index=index,
                           originals=len(manifest) if manifest is not None else None))
    return listed


def find(folder, ref=None) -> BackupInfo:
    """A backup in ``folder`` by name or number (1 = newest); the newest when ``ref`` is None."""
    path = reachable(Path(folder).expanduser().absolute())
    listed = listing.in_folder(path)
    if not listed:
        raise NotFound(f"no Paperasse backup in {path}; choose the folder the backups went to")
    if ref is None:
        return listed[0]
    text = str(ref).strip()
    if text.isdigit():
        index = int(text)
        if 1 <= index <= len(listed):
            return listed[index - 1]
        raise NotFound(f"no backup number {index} in {path}: there are {len(listed)}")
    for info in listed:
        if info.id in (text, f"{text}.db"):
            return info
    raise NotFound(f"no backup named {text!r} in {path}")


def verify(folder, ref=None) -> FolderCheck:
    """Check a backup in the folder: the records copy, and the SHA-256 of every original it
    needs. Originals found damaged are forgotten as checked, so the next run copies them again."""
    return verify_with_copy(folder, ref)[0]


def verify_with_copy(folder, ref):
    """The folder's check, the records copy's own (backups.check_copy), and the (sha256,
    stored_name) of every original the copy refers to."""
    path = Path(folder).expanduser().absolute()
    info = find(path, ref)
    check, stored = checking.check_copy(info)
    missing, altered = [], []
    root = path / ORIGINALS
    checked = read_checked(root)
    for sha, name in stored:
        copy = root / name
        if not copy.is_file():
            missing.append(name)
        elif hash_of(copy) != sha:
            altered.append(name)
            checked.pop(name, None)
    if altered:
        write_checked(root, checked)
    result = FolderCheck(
        folder=str(path), id=info.id, created_at=info.created_at, counts=dict(check.counts),
        damaged=list(check.damaged), missing_originals=missing, altered_originals=altered,
    )
    return result, check, stored
