"""One run to the backup folder: the originals not there yet, each copied checked, then the
records, then the rotation."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from desktop_app.core.errors import UserError
from desktop_app.services.backup_folder import copies
from desktop_app.services.backup_folder.copies import (
    ORIGINALS,
    hash_of,
    prune,
    read_checked,
    stat_key,
    sweep,
    trusted,
    write_checked,
)
from desktop_app.services.backup_folder.folder import (
    LAST_SETTING,
    FolderBackup,
    choose,
    chosen_folder,
    folder_error,
    outside_data,
    reachable,
    same,
    writable,
)
from desktop_app.services.backups import listing, rotation, taking
from desktop_app.store import atomic_files


def back_up(ctx, folder=None, now: _dt.datetime | None = None, remember: bool = False) -> FolderBackup:
    """Copy the records and the originals not there yet into ``folder`` (the chosen one if
    None), then rotate. ``remember`` makes ``folder`` the chosen one first."""
    if folder is None:
        target = chosen_folder(ctx)
        if target is None:
            raise UserError("no backup folder chosen yet; choose one first")
    elif remember:
        target = choose(ctx, folder)
    else:
        target = Path(folder).expanduser().absolute()
    reachable(target)
    outside_data(ctx, target)
    writable(target)
    try:
        result = _back_up(ctx, target, now)
    except OSError as exc:
        raise folder_error(target, exc) from None
    chosen = chosen_folder(ctx)
    if chosen is not None and same(chosen, target):
        ctx.set_setting(LAST_SETTING, {"folder": str(target), "at": result.created_at})
    return result


def _back_up(ctx, folder: Path, now) -> FolderBackup:
    sweep(folder)
    _copy_keyfile(ctx, folder)
    root = folder / ORIGINALS
    checked = read_checked(root)
    manifest: dict[str, dict] = {}
    copied = 0
    recopied: list[str] = []
    missing: list[str] = []
    try:
        for name, sha in sorted(set(ctx.store.stored_originals())):
            source = ctx.paths.originals / name
            target = root / name
            try:
                size = source.stat().st_size
            except OSError:
                missing.append(name)
                continue
            if trusted(target, checked.get(name), size):
                manifest[name] = {"sha256": sha, "size": size}
                continue
            was_there = target.exists()
            if was_there and hash_of(target) == sha and target.stat().st_size == size:
                checked[name] = stat_key(target)
                manifest[name] = {"sha256": sha, "size": size}
                continue
            if not copies.copy_checked(source, target, sha, size):
                missing.append(name)  # damaged in the data folder: a bad copy is never made
                continue
            copied += 1
            if was_there:
                recopied.append(name)
            checked[name] = stat_key(target)
            manifest[name] = {"sha256": sha, "size": size}
    finally:
        write_checked(root, checked)  # what was checked stays known, even if cut short
    path = taking.write_copy(
        ctx, folder, "folder", now, extra={"originals": manifest, "missing_originals": missing}
    )
    removed = rotation.rotate_folder(folder, (now or listing.local_now()).date())
    if any(p.suffix == ".db" for p in removed):
        removed += prune(folder)
    info = listing.info_of(path)
    return FolderBackup(
        folder=str(folder), id=info.id, created_at=info.created_at, counts=dict(info.counts),
        originals=len(manifest), copied=copied, recopied=recopied, missing=missing,
        removed=len(removed),
    )


def _copy_keyfile(ctx, folder: Path) -> None:
    """An encrypted folder's backups are encrypted too (its originals copied as they are, the
    records under the same key): its key file goes with them, so the passphrase or the recovery
    key opens them again, here or on another computer."""
    source = ctx.paths.root / "keyfile.json"
    if not source.is_file():
        return
    data = source.read_bytes()
    target = folder / "keyfile.json"
    if not target.is_file() or target.read_bytes() != data:
        atomic_files.write_bytes_atomically(data, target, suffix=listing.pid_suffix())

