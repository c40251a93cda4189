"""Rotation and clean-up of a folder of backups: only ever this package's own
``paperasse-*.db`` copies and what a copy killed half-way left."""

from __future__ import annotations

import contextlib
import datetime as _dt
from pathlib import Path

from desktop_app.services import kept_originals
from desktop_app.services.backups.checking import originals_referenced_by_backups
from desktop_app.services.backups.listing import PREFIX, in_folder, local_now, paths_of, sidecar
from desktop_app.services.backups.results import BackupInfo
from desktop_app.store import atomic_files, run_folders

KEEP_DAILY = 7
KEEP_WEEKLY = 4
PROTECT_DAYS = 30
PROTECTED_REASONS = ("before-restore", "before-import")


def rotate(target, today: _dt.date | None = None) -> list[Path]:
    """Remove our own backups beyond 7 daily and 4 weekly; returns the files removed."""
    paths = paths_of(target)
    removed = rotate_folder(paths.backups, today)
    removed += sweep_leftovers(paths)
    if any(p.suffix == ".db" for p in removed):  # originals only those copies needed can go
        kept_originals.prune(paths, originals_referenced_by_backups(paths))
    if removed:
        with contextlib.suppress(OSError):
            atomic_files.fsync_dir(paths.backups)
    return removed


def rotate_folder(folder: Path, today: _dt.date | None = None) -> list[Path]:
    """The rotation itself, in any folder of ``paperasse-*.db`` copies: the files removed."""
    today = today or local_now().date()
    own = [(b, b.stamp) for b in in_folder(folder) if b.kind == "backup" and b.stamp is not None]
    keep: set[str] = set()
    days: list[_dt.date] = []
    weeks: list[tuple[int, int]] = []
    for b, stamp in own:  # newest first
        day = stamp.date()
        if day not in days and len(days) < KEEP_DAILY:
            days.append(day)
            keep.add(b.id)
        week = (day.isocalendar()[0], day.isocalendar()[1])
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.append(week)
            keep.add(b.id)
        if b.reason in PROTECTED_REASONS and (today - day).days < PROTECT_DAYS:
            keep.add(b.id)
    removed: list[Path] = []
    for b, _stamp in own:
        if b.id in keep:
            continue
        for path in (b.path, sidecar(b.path), Path(f"{b.path}-wal-copy")):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed



def sweep_leftovers(paths) -> list[Path]:
    """What a backup killed half-way left: its temporary copy (its process is gone) and a
    sidecar whose copy never got its name (older than an hour, so never one being written)."""
    removed: list[Path] = []
    folder = paths.backups
    if not folder.is_dir():
        return removed
    cutoff = _dt.datetime.now().timestamp() - 3600
    for leftover in folder.glob(".paperasse-*.part"):
        pid = leftover.name[len(".paperasse-"):].split("-", 1)[0]
        with contextlib.suppress(OSError):
            if pid.isdigit() and len(pid) < 10:
                if run_folders.process_alive(int(pid)):
                    continue
            elif leftover.stat().st_mtime >= cutoff:
                continue  # a sidecar being written: its name says no process
            leftover.unlink()
            removed.append(leftover)
    for side in folder.glob(f"{PREFIX}*.json"):
        with contextlib.suppress(OSError):
            if not side.with_suffix(".db").exists() and side.stat().st_mtime < cutoff:
                side.unlink()
                removed.append(side)
    return removed


def discard(info: BackupInfo) -> None:
    """Remove a safety copy that turned out not to be needed (the change it guarded failed)."""
    for path in (sidecar(info.path), info.path):
        with contextlib.suppress(OSError):
            path.unlink()
