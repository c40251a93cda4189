"""The folder the user picks for backups: choosing it, reaching it, what a run did, and the
reminder when the last run there is old."""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import os
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.errors import UserError

SETTING = "backup_folder"
LAST_SETTING = "backup_folder_last"
REMIND_SETTING = "backup_folder_remind_days"


@dataclass(frozen=True)
class FolderBackup:
    """What one run to the folder did."""

    folder: str
    id: str
    created_at: str
    counts: dict
    originals: int  # how many the new backup needs
    copied: int  # how many were copied this time (the others were there already)
    recopied: list[str] = field(default_factory=list)  # found damaged there, copied again
    missing: list[str] = field(default_factory=list)  # not sound in the data folder: not copied
    removed: int = 0  # files gone with the rotation

    def to_json(self) -> dict:
        return {
            "folder": self.folder, "id": self.id, "created_at": self.created_at,
            "counts": dict(self.counts), "originals": self.originals, "copied": self.copied,
            "recopied": list(self.recopied), "missing": list(self.missing),
            "removed": self.removed,
        }


@dataclass(frozen=True)
class FolderReminder:
    """The chosen folder's last backup is too old (``id`` "backup.folder_overdue": ``days`` ago,
    on ``last``), or there is none yet ("backup.folder_never"); ``id`` is the message's."""

    id: str
    folder: str
    days: int | None = None
    last: str | None = None  # ISO date


@dataclass(frozen=True)
class FolderStatus:
    """What the window shows of the folder: the one chosen (None: none is), when the last backup
    there was taken (ISO, or None), and the reminder, if one is due."""

    folder: str | None
    last: str | None
    reminder: FolderReminder | None


@dataclass(frozen=True)
class FolderCheck:
    """A backup in the folder checked: the copy of the records and each original it needs."""

    folder: str
    id: str
    created_at: str
    counts: dict
    damaged: list[str] = field(default_factory=list)
    missing_originals: list[str] = field(default_factory=list)
    altered_originals: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.damaged or self.missing_originals or self.altered_originals)

    def to_json(self) -> dict:
        return {
            "folder": self.folder, "id": self.id, "created_at": self.created_at,
            "counts": dict(self.counts), "ok": self.ok, "usable": not self.damaged,
            "damaged": list(self.damaged), "missing_originals": list(self.missing_originals),
            "altered_originals": list(self.altered_originals),
        }


# The folder itself


def folder_error(folder: Path, exc: OSError | None = None) -> UserError:
    """One line naming the folder and the fix, for each way it can be out of reach."""
    code = exc.errno if exc is not None else errno.ENOENT
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        return UserError(
            f"the backup folder {folder} is full; free some space there or choose another "
            "folder (the previous backups there are whole)"
        )
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(
            f"the backup folder {folder} cannot be written (permission denied or read-only); "
            "choose a folder you can write to"
        )
    if code == errno.ENOENT or code == errno.ENOTDIR:
        return UserError(
            f"the backup folder {folder} is not there (is the drive plugged in?); plug it in "
            "or choose another folder"
        )
    return UserError(
        f"cannot use the backup folder {folder} ({(exc.strerror if exc else None) or exc}); check the drive and "
        "try again"
    )


def reachable(folder: Path) -> Path:
    if not folder.is_dir():
        raise folder_error(folder)
    return folder


def writable(folder: Path) -> None:
    probe = folder / f".paperasse-{os.getpid()}-probe.part"
    try:
        with open(probe, "wb") as handle:
            handle.write(b"0")
    except OSError as exc:
        raise folder_error(folder, exc) from None
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()


def outside_data(ctx, folder: Path) -> None:
    """A backup inside the data folder would go with it when the disk fails."""
    with contextlib.suppress(OSError):
        if folder.resolve().is_relative_to(ctx.paths.root.resolve()):
            raise UserError(
                f"{folder} is inside the data folder {ctx.paths.root}; choose a folder on another "
                "disk (an external drive, a synced folder)"
            )


def chosen_folder(ctx) -> Path | None:
    value = ctx.setting(SETTING)
    return Path(value) if value else None


def choose(ctx, folder) -> Path:
    """Remember ``folder`` as where backups go (it must exist and be writable)."""
    path = Path(folder).expanduser().absolute()
    reachable(path)
    outside_data(ctx, path)
    writable(path)
    ctx.set_setting(SETTING, str(path))
    return path


def same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return str(a) == str(b)


# The reminder


def reminder(ctx, today: _dt.date | None = None) -> FolderReminder | None:
    """When a folder is chosen and its last backup is older than the setting's days (or there
    is none yet), what to remind; None otherwise."""
    folder = chosen_folder(ctx)
    if folder is None:
        return None
    try:
        limit = int(ctx.setting(REMIND_SETTING))
    except (TypeError, ValueError):
        limit = 7
    if limit <= 0:
        return None
    today = today or _dt.date.today()
    last = ctx.setting(LAST_SETTING) or {}
    at = None
    if isinstance(last, dict) and last.get("folder") and same(Path(last["folder"]), folder):
        with contextlib.suppress(TypeError, ValueError):
            at = _dt.datetime.fromisoformat(str(last.get("at"))).date()
    if at is None:
        return FolderReminder("backup.folder_never", str(folder))
    days = (today - at).days
    if days < limit:
        return None
    return FolderReminder("backup.folder_overdue", str(folder), days, at.isoformat())


def status(ctx, today: _dt.date | None = None) -> FolderStatus:
    """What the window shows of the folder (reads only the settings)."""
    folder = chosen_folder(ctx)
    last = ctx.setting(LAST_SETTING) or {}
    at = None
    if folder is not None and isinstance(last, dict) and last.get("folder"):
        if same(Path(last["folder"]), folder):
            at = last.get("at")
    return FolderStatus(str(folder) if folder else None, at, reminder(ctx, today))
