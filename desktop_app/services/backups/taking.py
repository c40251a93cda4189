"""Taking backups: a consistent copy of the open record in ``backups/`` (or another folder),
beside its sidecar, and the automatic one of each day."""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import os
import tempfile
from pathlib import Path

from desktop_app.core.errors import StoreDamaged, UserError
from desktop_app.services import kept_originals
from desktop_app.services.backups import listing
from desktop_app.services.backups.checking import sha256_of_file
from desktop_app.services.backups.listing import (
    all_of,
    info_of,
    local_now,
    new_name,
    part_prefix,
    sidecar,
)
from desktop_app.services.backups.results import BackupInfo
from desktop_app.services.backups.rotation import rotate
from desktop_app.store import atomic_files, backup_files, originals
from desktop_app.store.backup_files import COUNTED
from desktop_app.store.db import DAMAGED_HINT, damaged_message


def backup_now(ctx, reason: str = "manual", now: _dt.datetime | None = None) -> BackupInfo:
    """A consistent copy of the open database in ``backups/``, with its sidecar."""
    paths = ctx.paths
    folder = paths.backups
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        target = write_copy(ctx, folder, reason, now)
    except OSError as exc:
        raise UserError(
            f"cannot write a backup in {folder}: {exc}; check the free disk space and try again"
        ) from None
    try:
        kept_originals.keep(paths, ctx.store.stored_originals())
    except OSError:
        pass  # the records are backed up; the originals are kept again at the next backup
    return info_of(target)


def write_copy(
    ctx, folder: Path, reason: str, now: _dt.datetime | None = None, extra: dict | None = None
) -> Path:
    """Copy the open database into ``folder`` under a new ``paperasse-*.db`` name, with its
    sidecar (``extra`` added to it); returns the copy's path. Raises OSError when the folder
    cannot be written (the caller names the fix), and leaves nothing half-written."""
    paths = ctx.paths
    moment = now or local_now()
    if moment.tzinfo is None:
        moment = moment.astimezone()
    problem = backup_files.integrity_problem(ctx.store)
    if problem:
        # A copy of damaged records would push a good backup out of the rotation.
        raise StoreDamaged(
            f"no backup was taken: {damaged_message(paths.database, problem)}", hint=DAMAGED_HINT
        )
    target = new_name(folder, moment)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=part_prefix(), suffix=".db.part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        schema_version, counts = backup_files.copy_record(ctx.store, paths.database, tmp)
        with contextlib.suppress(PermissionError):  # a FAT drive has no permissions to set
            os.chmod(tmp, 0o600)
        atomic_files.fsync_file(tmp)
        digest = sha256_of_file(tmp)
        size = tmp.stat().st_size
        meta = {
            "created_at": moment.isoformat(timespec="seconds"),
            "reason": reason,
            "schema_version": schema_version,
            "counts": counts,
            "sha256": digest,
            "size": size,
            **(extra or {}),
        }
        # The sidecar first, then the copy under its name: a backup is never listed without
        # what checks it (a sidecar alone, if the process dies in between, is swept later).
        listing.write_sidecar(meta, sidecar(target))
        os.replace(tmp, target)
        atomic_files.fsync_dir(folder)
    except backup_files.Error as exc:
        for path in (tmp, sidecar(target)):
            with contextlib.suppress(OSError):
                path.unlink()
        full = "full" in str(exc)
        raise OSError(errno.ENOSPC if full else errno.EIO, str(exc)) from None
    except BaseException:
        for path in (tmp, sidecar(target)):
            with contextlib.suppress(OSError):
                if path is tmp or not target.exists():
                    path.unlink()
        raise
    return target


def recover_originals(ctx) -> dict:
    """Put back every original missing from or damaged in ``originals/`` from those kept with
    the backups: {"recovered": [names], "lost": [names]}."""
    try:
        with originals.writing(ctx.paths.originals):
            return kept_originals.recover(ctx.paths, ctx.store.stored_originals())
    except OSError as exc:
        raise UserError(
            f"cannot put the originals back into {ctx.paths.originals} ({exc.strerror or exc}); "
            "check the free disk space"
        ) from None


def auto_backup(ctx, today: _dt.date | None = None) -> BackupInfo | None:
    """At most one automatic backup a day, then rotation; None when nothing was done.

    An empty household (no people, documents or claims) is not backed up.
    """
    real_now = local_now()
    today = today or real_now.date()
    if any(
        b.kind == "backup" and b.stamp is not None and b.stamp.date() == today
        for b in all_of(ctx.paths)
    ):
        return None
    # What is in the Trash is the household's too until emptied: it is backed up as well.
    if not any(backup_files.record_counts(ctx.store).get(t) for t in COUNTED):
        return None
    moment = real_now if today == real_now.date() else _dt.datetime.combine(
        today, real_now.time()
    ).astimezone()
    info = backup_now(ctx, reason="auto", now=moment)
    rotate(ctx, today=today)
    return info
