"""Restoring a backup: the database replaced by a verified copy, the current one kept aside
first, and the restored records' originals put back from those kept with the backups."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from desktop_app.core.errors import FolderInUse, UserError
from desktop_app.services import kept_originals
from desktop_app.services.backups import listing
from desktop_app.services.backups.checking import sha256_of_file, verify
from desktop_app.services.backups.listing import (
    info_of,
    local_now,
    new_name,
    part_prefix,
    paths_of,
    sidecar,
)
from desktop_app.services.backups.results import BackupInfo, RestoreReport, Verification
from desktop_app.services.backups.taking import backup_now
from desktop_app.store import Store, atomic_files, backup_files, folder_lock, originals


def restore(target, ref: str | int) -> RestoreReport:
    """Replace the database with a verified backup; the current one is kept aside first.

    ``target`` is a Context (its store is closed, replaced and reopened) or, when the
    current database cannot be opened, the DataPaths (the broken file is copied aside
    as it is). Stored originals are not touched.
    """
    paths = paths_of(target)
    ctx = target if hasattr(target, "store") else None
    check = verify(paths, ref)
    if check.damaged:
        raise UserError(
            f"backup {check.id} failed verification: {check.damaged[0]}; nothing was changed"
        )
    paths.tmp.mkdir(mode=0o700, parents=True, exist_ok=True)
    # The shared lock keeps another process's start-up clean-up away from tmp/ meanwhile.
    try:
        with folder_lock.exclusive(paths.root), originals.writing(paths.originals):
            return replace_database(paths, ctx, check)
    except folder_lock.FolderBusy as busy:
        raise FolderInUse(busy.root, busy.pid) from None


def replace_database(paths, ctx, check: Verification) -> RestoreReport:
    fd, tmp_name = tempfile.mkstemp(dir=paths.tmp, prefix="restore-", suffix=".db.part")
    os.close(fd)
    staged = Path(tmp_name)
    closed = False
    try:
        try:
            shutil.copyfile(check.path, staged)
            os.chmod(staged, 0o600)
            atomic_files.fsync_file(staged)
        except OSError as exc:
            raise UserError(
                f"cannot copy backup {check.id} into {paths.tmp} ({exc.strerror or exc}); "
                "check the free disk space; nothing was changed"
            ) from None
        if sha256_of_file(staged) != check.sha256:
            raise UserError(
                f"backup {check.id} changed while it was being copied; nothing was changed"
            )
        safety: BackupInfo | None
        if ctx is not None:
            safety = backup_now(ctx, reason="before-restore")
        else:
            safety = _raw_safety_copy(paths)
        if ctx is not None:
            with contextlib.suppress(*backup_files.Error):
                backup_files.checkpoint(ctx.store)
            ctx.store.close()
            closed = True
        _remove_wal(paths.database)
        os.replace(staged, paths.database)
        atomic_files.fsync_dir(paths.database.parent)
        _remove_wal(paths.database)
    except BaseException:
        with contextlib.suppress(OSError):
            staged.unlink()
        if closed:
            ctx.store = Store.open(paths)
        raise
    if ctx is not None:
        ctx.store = Store.open(paths)
    # The restored records' originals that were lost since, from those kept with the backups.
    recovered: list[str] = []
    with contextlib.suppress(*backup_files.Error, OSError):
        with backup_files.ReadOnlyCopy(paths.database) as copy:
            stored = [(n, sha) for sha, n in copy.stored_originals()]
        recovered = kept_originals.recover(paths, stored)["recovered"]
    return RestoreReport(
        restored=check.id,
        safety_backup=safety.id if safety else None,
        counts=check.counts,
        missing_originals=check.missing_originals,
        altered_originals=check.altered_originals,
        recovered_originals=recovered,
    )


def _remove_wal(database: Path) -> None:
    """A -wal left beside a replaced database would be replayed onto it: remove it."""
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{database}{suffix}").unlink()


def _raw_safety_copy(paths) -> BackupInfo | None:
    """A byte copy of a database SQLite cannot open, kept as a before-restore backup."""
    if not paths.database.exists():
        return None
    folder = paths.backups
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    moment = local_now()
    target = new_name(folder, moment)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=part_prefix(), suffix=".db.part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        shutil.copyfile(paths.database, tmp)
        os.chmod(tmp, 0o600)
        atomic_files.fsync_file(tmp)
        digest = sha256_of_file(tmp)
        size = tmp.stat().st_size
        os.replace(tmp, target)
        atomic_files.fsync_dir(folder)
        wal = Path(f"{paths.database}-wal")
        if wal.is_file() and wal.stat().st_size:
            wal_copy = Path(f"{target}-wal-copy")
            shutil.copyfile(wal, wal_copy)
            os.chmod(wal_copy, 0o600)
        listing.write_sidecar(
            {
                "created_at": moment.isoformat(timespec="seconds"),
                "reason": "before-restore",
                "schema_version": None,
                "counts": {},
                "sha256": digest,
                "size": size,
                "note": "byte copy of a database that could not be opened",
            },
            sidecar(target),
        )
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise UserError(
            f"cannot copy the current database aside into {folder} ({exc.strerror or exc}); "
            "nothing was changed"
        ) from None
    return info_of(target)
