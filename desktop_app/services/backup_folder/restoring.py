"""Restoring from the backup folder: everything checked first, the originals copied in (each
checked, written atomically), then the database replaced as a local restore does."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from desktop_app.core.errors import FolderInUse, UserError
from desktop_app.services.backup_folder import copies
from desktop_app.services.backup_folder.checking import verify_with_copy
from desktop_app.services.backup_folder.copies import ORIGINALS, hash_of
from desktop_app.services.backups import listing, restoring
from desktop_app.services.backups.results import RestoreReport
from desktop_app.store import atomic_files, folder_lock, originals


def unlock(folder, secret: str) -> None:
    """Keep, for this process, the keys of an encrypted backup folder (on a new computer, the
    data folder it is restored into has none yet)."""
    from desktop_app.store import vault

    root = Path(folder).expanduser()
    try:
        doc = vault.read_keyfile(root)
        vault.register_extra(vault.unwrap(doc, secret))
    except vault.KeyFileDamaged as exc:
        raise UserError(f"{exc}; nothing was changed") from None
    except vault.WrongPassphrase:
        raise UserError(f"wrong passphrase for {root}: nothing was opened or changed") from None


def needs_passphrase(folder) -> bool:
    """An encrypted backup folder whose key is not unlocked in this process."""
    from desktop_app.store import vault

    root = Path(folder).expanduser()
    if not vault.is_encrypted(root):
        return False
    try:
        key_id = vault.read_keyfile(root).get("key_id")
    except vault.KeyFileDamaged:
        return False
    return vault.keys_by_id(str(key_id)) is None


def _adopt_keyfile(paths, folder: Path) -> None:
    """Restoring an encrypted backup into a folder without a passphrase: the backup's key file
    comes with it (the records and scans copied in are encrypted under it). Into a folder
    protected under another data key, it is refused before anything changes."""
    from desktop_app.store import vault

    if not vault.is_encrypted(folder):
        return
    theirs = vault.read_keyfile(folder)
    if vault.is_encrypted(paths.root):
        if vault.read_keyfile(paths.root).get("key_id") != theirs.get("key_id"):
            raise UserError(
                f"the backup in {folder} is encrypted under another passphrase than "
                f"{paths.root}: remove this folder's passphrase first; nothing was changed")
        return
    keys = vault.keys_by_id(str(theirs.get("key_id")))
    vault.write_keyfile(paths.root, dict(theirs, converting=None))
    if keys is not None:
        vault.register(paths.root, keys)


def restore_from(target, folder, ref=None) -> RestoreReport:
    """Rebuild the records and every original from a backup in ``folder``.

    ``target`` is a Context or the DataPaths (as backups.restore). Everything is checked first
    (the copy, and the hash of each original it needs); nothing changes if the copy is damaged.
    Originals missing or damaged in the folder are named in the report and not copied: the
    report is backups.restore's, with ``folder`` and ``copied_originals``.
    """
    paths = listing.paths_of(target)
    ctx = target if hasattr(target, "store") else None
    check, local, stored = verify_with_copy(folder, ref)
    if check.damaged:
        raise UserError(
            f"backup {check.id} in {check.folder} failed verification: {check.damaged[0]}; "
            "nothing was changed"
        )
    bad = set(check.missing_originals) | set(check.altered_originals)
    root = Path(check.folder) / ORIGINALS
    paths.tmp.mkdir(mode=0o700, parents=True, exist_ok=True)
    copied = 0
    _adopt_keyfile(paths, Path(check.folder))
    try:
        with folder_lock.exclusive(paths.root), originals.writing(paths.originals):
            for sha, name in stored:
                live = paths.originals / name
                if name in bad or (live.is_file() and hash_of(live) == sha):
                    continue
                size = (root / name).stat().st_size
                if live.exists():
                    live.unlink()  # damaged here: the sound copy takes its place
                atomic_files.private_dir(live.parent)
                if not copies.copy_checked(root / name, live, sha, size):
                    bad.add(name)  # changed since it was checked
                    continue
                copied += 1
            report = restoring.replace_database(paths, ctx, local)
    except folder_lock.FolderBusy as busy:
        raise FolderInUse(busy.root, busy.pid) from None
    except OSError as exc:
        raise UserError(
            f"cannot copy the backup into {paths.root} ({exc.strerror or exc}); check the free "
            "disk space; the records were not replaced"
        ) from None
    lost = set(report.recovered_originals)
    return dataclasses.replace(
        report,
        folder=check.folder,
        copied_originals=copied,
        missing_originals=sorted(n for n in bad if n in check.missing_originals and n not in lost),
        altered_originals=sorted(n for n in bad if n not in check.missing_originals and n not in lost),
    )
