"""Backups of the record store: take, list, verify, restore, rotate.

A backup is a consistent copy of ``paperasse.db`` made with SQLite's backup API,
written to a temporary name in ``backups/``, fsynced, then renamed to
``paperasse-YYYYMMDD-HHMMSS.db`` (mode 0600), beside a JSON sidecar of the same
stem: ``{"created_at", "reason", "schema_version", "counts", "sha256", "size"}``.
The copy is switched to a rollback journal so it is one self-contained file.

Stored originals are immutable and content-addressed: they are never copied
into backups; ``verify`` checks that every original a backup refers to is still
in ``originals/`` with the right SHA-256.

Rotation (``auto_backup``) only ever removes this module's own
``paperasse-*.db`` files: it keeps the newest backup of each of the 7 most
recent days that have one and of each of the 4 most recent ISO weeks that have
one; safety copies ("before-restore", "before-import") are kept at least
``PROTECT_DAYS`` days; ``before-migration-*`` copies (store/migrations.py) are
never touched.

Functions accept a ``Context`` or, for a data folder whose database cannot be
opened (that is when a restore is needed most), its ``DataPaths``.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.errors import FolderInUse, NotFound, StoreDamaged, UserError
from desktop_app.services import kept_originals
from desktop_app.store import Store, db, folder_lock, originals, sql
from desktop_app.store.db import DAMAGED_HINT, damaged_message, integrity_problem
from desktop_app.store.migrations import SCHEMA_VERSION

PREFIX = "paperasse-"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
PROTECT_DAYS = 30
PROTECTED_REASONS = ("before-restore", "before-import")
COUNTED = ("people", "documents", "claims")
CHUNK = 1 << 20

_OWN = re.compile(r"^paperasse-(\d{8})-(\d{6})(?:-(\d+))?\.db$")
_MIGRATION = re.compile(r"^before-migration-v(\d+)-(\d{8})-(\d{6})(?:-(\d+))?\.db$")


@dataclass
class BackupInfo:
    id: str
    path: Path
    created_at: str
    reason: str
    size: int
    counts: dict[str, int] = field(default_factory=dict)
    schema_version: int | None = None
    sha256: str | None = None
    kind: str = "backup"  # "backup" (ours) or "before-migration" (store/migrations.py)
    stamp: _dt.datetime | None = None  # local time parsed from the file name

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "path": str(self.path),
            "created_at": self.created_at,
            "reason": self.reason,
            "size": self.size,
            "counts": dict(self.counts),
            "schema_version": self.schema_version,
            "sha256": self.sha256,
            "kind": self.kind,
        }


@dataclass
class Verification:
    id: str
    path: Path
    damaged: list[str] = field(default_factory=list)  # the copy itself cannot be trusted
    missing_originals: list[str] = field(default_factory=list)
    altered_originals: list[str] = field(default_factory=list)
    # Missing or altered in originals/, but kept sound with the backups: restoring puts them back.
    recoverable_originals: list[str] = field(default_factory=list)
    schema_version: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    sha256: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        """The copy is sound and can be restored (originals may still be missing)."""
        return not self.damaged

    @property
    def ok(self) -> bool:
        return not (self.damaged or self.missing_originals or self.altered_originals)

    def problems(self) -> list[str]:
        return (
            list(self.damaged)
            + [f"stored original {n} is missing" for n in self.missing_originals]
            + [f"stored original {n} does not match its checksum" for n in self.altered_originals]
        )

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "path": str(self.path),
            "ok": self.ok,
            "usable": self.usable,
            "damaged": list(self.damaged),
            "missing_originals": list(self.missing_originals),
            "altered_originals": list(self.altered_originals),
            "recoverable_originals": list(self.recoverable_originals),
            "schema_version": self.schema_version,
            "counts": dict(self.counts),
            "sha256": self.sha256,
            "notes": list(self.notes),
        }


# Helpers


def _paths(target):
    """DataPaths from a Context or DataPaths."""
    return target.paths if hasattr(target, "paths") else target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def _write_json_atomically(data: dict, target: Path) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # The writer's process id ends the temporary name: what a killed writer left can be told
    # from a file another process is writing (services/backup_folder.py sweeps by it).
    originals.write_bytes_atomically(text.encode("utf-8"), target, suffix=pid_suffix())


def _open_read_only(path: Path) -> sql.Connection:
    """Open a copy without ever writing to it (no journal, no -wal/-shm files)."""
    return db.open_file(path, uri=f"{path.resolve().as_uri()}?mode=ro&immutable=1")


def _has_table(conn: sql.Connection, name: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name])
        .fetchone()
        is not None
    )


def _counts(conn: sql.Connection) -> dict[str, int]:
    return {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] if _has_table(conn, t) else 0
        for t in COUNTED
    }


def _local_now() -> _dt.datetime:
    return _dt.datetime.now().astimezone()


def _stamp_of(name: str) -> tuple[_dt.datetime, int] | None:
    match = _OWN.match(name)
    if match:
        day, time, seq = match.group(1), match.group(2), int(match.group(3) or 1)
    else:
        match = _MIGRATION.match(name)
        if not match:
            return None
        day, time, seq = match.group(2), match.group(3), int(match.group(4) or 0)
    try:
        return _dt.datetime.strptime(day + time, "%Y%m%d%H%M%S"), seq
    except ValueError:
        return None


def _info(path: Path) -> BackupInfo:
    name = path.name
    stamp = _stamp_of(name)
    meta: dict = {}
    sidecar = _sidecar(path)
    if sidecar.is_file():
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads(sidecar.read_text(encoding="utf-8"))
            meta = loaded if isinstance(loaded, dict) else {}
    migration = _MIGRATION.match(name)
    if migration:
        reason, kind = "before-migration", "before-migration"
    else:
        reason, kind = str(meta.get("reason") or "unknown"), "backup"
    created_at = meta.get("created_at") or (stamp[0].isoformat() if stamp else "")
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    counts = meta.get("counts") if isinstance(meta.get("counts"), dict) else {}
    return BackupInfo(
        id=name,
        path=path,
        created_at=created_at,
        reason=reason,
        size=size,
        counts=counts,
        schema_version=meta.get("schema_version")
        if not migration
        else int(migration.group(1)),
        sha256=meta.get("sha256"),
        kind=kind,
        stamp=stamp[0] if stamp else None,
    )


def _all(paths) -> list[BackupInfo]:
    return in_folder(paths.backups)


def in_folder(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if path.is_file() and _stamp_of(path.name) is not None:
            found.append(path)
    found.sort(key=lambda p: _stamp_of(p.name), reverse=True)
    return [_info(p) for p in found]


def _new_name(folder: Path, moment: _dt.datetime) -> Path:
    """A name that sorts after every copy of the same second, even one rotated away since
    (reusing a freed lower number would make the new copy the older one, and rotate it out)."""
    base = f"{PREFIX}{moment:%Y%m%d-%H%M%S}"
    highest = 0
    for path in folder.glob(f"{base}*"):
        stem = path.name.split(".", 1)[0]
        if stem == base:
            highest = max(highest, 1)
        elif stem.startswith(f"{base}-") and stem[len(base) + 1:].isdigit():
            highest = max(highest, int(stem[len(base) + 1:]))
    return folder / (f"{base}.db" if highest == 0 else f"{base}-{highest + 1}.db")


# Taking backups


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
    return _info(target)


def write_copy(
    ctx, folder: Path, reason: str, now: _dt.datetime | None = None, extra: dict | None = None
) -> Path:
    """Copy the open database into ``folder`` under a new ``paperasse-*.db`` name, with its
    sidecar (``extra`` added to it); returns the copy's path. Raises OSError when the folder
    cannot be written (the caller names the fix), and leaves nothing half-written."""
    paths = ctx.paths
    moment = now or _local_now()
    if moment.tzinfo is None:
        moment = moment.astimezone()
    problem = integrity_problem(ctx.store.db.conn)
    if problem:
        # A copy of damaged records would push a good backup out of the rotation.
        raise StoreDamaged(
            f"no backup was taken: {damaged_message(paths.database, problem)}", hint=DAMAGED_HINT
        )
    target = _new_name(folder, moment)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=_part_prefix(), suffix=".db.part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        dest = sql.connect(tmp, key=db.copy_key(ctx.store.db.conn, ctx.paths.database))
        try:
            ctx.store.db.conn.backup(dest)
            # One self-contained file: no -wal needed beside it to read it.
            dest.execute("PRAGMA journal_mode = DELETE")
            schema_version = dest.execute("PRAGMA user_version").fetchone()[0]
            counts = _counts(dest)
        finally:
            dest.close()
        with contextlib.suppress(PermissionError):  # a FAT drive has no permissions to set
            os.chmod(tmp, 0o600)
        originals.fsync_file(tmp)
        digest = _sha256(tmp)
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
        _write_json_atomically(meta, _sidecar(target))
        os.replace(tmp, target)
        originals.fsync_dir(folder)
    except sql.Error as exc:
        for path in (tmp, _sidecar(target)):
            with contextlib.suppress(OSError):
                path.unlink()
        full = "full" in str(exc)
        raise OSError(errno.ENOSPC if full else errno.EIO, str(exc)) from None
    except BaseException:
        for path in (tmp, _sidecar(target)):
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


def pid_suffix() -> str:
    return f"-{os.getpid()}.part"


def _part_prefix() -> str:
    return f".paperasse-{os.getpid()}-"


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
                if originals.process_alive(int(pid)):
                    continue
            elif leftover.stat().st_mtime >= cutoff:
                continue  # a sidecar being written: its name says no process
            leftover.unlink()
            removed.append(leftover)
    for sidecar in folder.glob(f"{PREFIX}*.json"):
        with contextlib.suppress(OSError):
            if not sidecar.with_suffix(".db").exists() and sidecar.stat().st_mtime < cutoff:
                sidecar.unlink()
                removed.append(sidecar)
    return removed


def discard(info: BackupInfo) -> None:
    """Remove a safety copy that turned out not to be needed (the change it guarded failed)."""
    for path in (_sidecar(info.path), info.path):
        with contextlib.suppress(OSError):
            path.unlink()


def auto_backup(ctx, today: _dt.date | None = None) -> BackupInfo | None:
    """At most one automatic backup a day, then rotation; None when nothing was done.

    An empty household (no people, documents or claims) is not backed up.
    """
    real_now = _local_now()
    today = today or real_now.date()
    if any(
        b.kind == "backup" and b.stamp is not None and b.stamp.date() == today
        for b in _all(ctx.paths)
    ):
        return None
    # What is in the Trash is the household's too until emptied: it is backed up as well.
    if not any(_counts(ctx.store.db.conn).get(t) for t in COUNTED):
        return None
    moment = real_now if today == real_now.date() else _dt.datetime.combine(
        today, real_now.time()
    ).astimezone()
    info = backup_now(ctx, reason="auto", now=moment)
    rotate(ctx, today=today)
    return info


def rotate(target, today: _dt.date | None = None) -> list[Path]:
    """Remove our own backups beyond 7 daily and 4 weekly; returns the files removed."""
    paths = _paths(target)
    removed = rotate_folder(paths.backups, today)
    removed += sweep_leftovers(paths)
    if any(p.suffix == ".db" for p in removed):  # originals only those copies needed can go
        kept_originals.prune(paths, originals_referenced_by_backups(paths))
    if removed:
        with contextlib.suppress(OSError):
            originals.fsync_dir(paths.backups)
    return removed


def rotate_folder(folder: Path, today: _dt.date | None = None) -> list[Path]:
    """The rotation itself, in any folder of ``paperasse-*.db`` copies: the files removed."""
    today = today or _local_now().date()
    own = [b for b in in_folder(folder) if b.kind == "backup" and b.stamp is not None]
    keep: set[str] = set()
    days: list[_dt.date] = []
    weeks: list[tuple[int, int]] = []
    for b in own:  # newest first
        day = b.stamp.date()
        if day not in days and len(days) < KEEP_DAILY:
            days.append(day)
            keep.add(b.id)
        week = tuple(day.isocalendar())[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.append(week)
            keep.add(b.id)
        if b.reason in PROTECTED_REASONS and (today - day).days < PROTECT_DAYS:
            keep.add(b.id)
    removed: list[Path] = []
    for b in own:
        if b.id in keep:
            continue
        for path in (b.path, _sidecar(b.path), Path(f"{b.path}-wal-copy")):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


# Looking at backups


def list_backups(target) -> list[dict]:
    """Every backup, newest first: {"index", "id", "path", "created_at", "reason", "size",
    "counts", "schema_version", "sha256", "kind"}. ``index`` starts at 1."""
    return [dict(b.to_dict(), index=i) for i, b in enumerate(_all(_paths(target)), start=1)]


def find_backup(target, ref: str | int) -> BackupInfo:
    """A backup by its file name or its index in ``list_backups`` (1 = newest)."""
    paths = _paths(target)
    text = str(ref).strip()
    listed = _all(paths)
    if text.isdigit():
        index = int(text)
        if 1 <= index <= len(listed):
            return listed[index - 1]
        raise NotFound(
            f"no backup number {index}: there are {len(listed)}", hint=("backup.list", {})
        )
    for b in listed:
        if b.id == text or b.id == f"{text}.db":
            return b
    raise NotFound(f"no backup named {text!r} in {paths.backups}", hint=("backup.list", {}))


def verify(target, ref: str | int | Path) -> Verification:
    """Check a backup: its checksum, SQLite's integrity check, its schema version, and
    that every original it refers to is in ``originals/`` with the right SHA-256.

    ``ref`` is a backup id, an index in the list, or a path to a copy.
    """
    paths = _paths(target)
    if isinstance(ref, Path):
        info = _info(ref) if ref.exists() else None
        if info is None:
            raise NotFound(f"{ref}: no such backup file")
    else:
        info = find_backup(paths, ref)
    result, stored = check_copy(info)
    for sha, name in stored:
        path = paths.originals / name
        try:
            problem = None if path.is_file() and originals.sha256_of(path) == sha else (
                "altered" if path.is_file() else "missing")
        except OSError:
            problem = "missing"
        if problem is None:
            continue
        if kept_originals.is_kept(paths, name, sha):
            result.recoverable_originals.append(name)
        elif problem == "altered":
            result.altered_originals.append(name)
        else:
            result.missing_originals.append(name)
    return result


def check_copy(info: BackupInfo) -> tuple[Verification, list[tuple[str, str]]]:
    """The copy's own checks (checksum, SQLite's integrity check, schema version), and the
    (sha256, stored_name) of every original it refers to (none when it is damaged)."""
    stored: list[tuple[str, str]] = []
    result = Verification(id=info.id, path=info.path)
    try:
        result.sha256 = _sha256(info.path)
    except OSError as exc:
        result.damaged.append(f"cannot be read ({exc.strerror or exc})")
        return result, stored
    if info.path.stat().st_size == 0:
        result.damaged.append("the file is empty")
        return result, stored
    if info.sha256 is None:
        # A copy whose sidecar was lost (or a before-migration copy): only SQLite's check.
        result.notes.append("no checksum recorded: checked with SQLite's integrity check only")
    elif info.sha256 != result.sha256:
        result.damaged.append("its checksum does not match: the file was altered or damaged")
    try:
        conn = _open_read_only(info.path)
    except sql.Error as exc:
        result.damaged.append(f"cannot be opened ({exc})")
        return result, stored
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            result.damaged.append(f"SQLite integrity check failed ({'; '.join(rows[:3])})")
            return result, stored
        result.schema_version = conn.execute("PRAGMA user_version").fetchone()[0]
        if result.schema_version > SCHEMA_VERSION:
            result.damaged.append(
                f"it was written by a newer Paperasse (schema {result.schema_version}, "
                f"this version knows {SCHEMA_VERSION})"
            )
            return result, stored
        if not _has_table(conn, "documents"):
            result.damaged.append("it is not a Paperasse database (no documents table)")
            return result, stored
        result.counts = _counts(conn)
        stored = conn.execute("SELECT sha256, stored_name FROM documents ORDER BY id").fetchall()
    except sql.DatabaseError as exc:
        result.damaged.append(f"it is not a readable database ({exc})")
        return result, stored
    finally:
        conn.close()
    return result, stored


def originals_referenced_by_backups(target) -> set[str] | None:
    """Stored names the backups refer to; None if one of them cannot be read.

    Start-up clean-up must not remove an original a backup still needs (after a
    restore of an older backup, originals imported since have no row, but the
    before-restore copy refers to them).
    """
    names: set[str] = set()
    for b in _all(_paths(target)):
        try:
            conn = _open_read_only(b.path)
            try:
                names.update(r[0] for r in conn.execute("SELECT stored_name FROM documents"))
            finally:
                conn.close()
        except sql.Error:
            return None
    return names


# Restoring


def restore(target, ref: str | int) -> dict:
    """Replace the database with a verified backup; the current one is kept aside first.

    ``target`` is a Context (its store is closed, replaced and reopened) or, when the
    current database cannot be opened, the DataPaths (the broken file is copied aside
    as it is). Stored originals are not touched. Returns
    {"restored", "safety_backup", "counts", "missing_originals", "altered_originals"}.
    """
    paths = _paths(target)
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
            return _replace_database(paths, ctx, check)
    except folder_lock.FolderBusy as busy:
        raise FolderInUse(busy.root, busy.pid) from None


def _replace_database(paths, ctx, check: Verification) -> dict:
    fd, tmp_name = tempfile.mkstemp(dir=paths.tmp, prefix="restore-", suffix=".db.part")
    os.close(fd)
    staged = Path(tmp_name)
    closed = False
    try:
        try:
            shutil.copyfile(check.path, staged)
            os.chmod(staged, 0o600)
            originals.fsync_file(staged)
        except OSError as exc:
            raise UserError(
                f"cannot copy backup {check.id} into {paths.tmp} ({exc.strerror or exc}); "
                "check the free disk space; nothing was changed"
            ) from None
        if _sha256(staged) != check.sha256:
            raise UserError(
                f"backup {check.id} changed while it was being copied; nothing was changed"
            )
        if ctx is not None:
            safety = backup_now(ctx, reason="before-restore")
        else:
            safety = _raw_safety_copy(paths)
        if ctx is not None:
            with contextlib.suppress(sql.Error):
                # Everything committed into the main file, so dropping the -wal loses nothing.
                ctx.store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            ctx.store.close()
            closed = True
        _remove_wal(paths.database)
        os.replace(staged, paths.database)
        originals.fsync_dir(paths.database.parent)
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
    with contextlib.suppress(sql.Error, OSError):
        conn = _open_read_only(paths.database)
        try:
            stored = [(n, sha) for sha, n in conn.execute("SELECT sha256, stored_name FROM documents")]
        finally:
            conn.close()
        recovered = kept_originals.recover(paths, stored)["recovered"]
    return {
        "restored": check.id,
        "safety_backup": safety.id if safety else None,
        "counts": check.counts,
        "missing_originals": check.missing_originals,
        "altered_originals": check.altered_originals,
        "recovered_originals": recovered,
    }


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
    moment = _local_now()
    target = _new_name(folder, moment)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=_part_prefix(), suffix=".db.part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        shutil.copyfile(paths.database, tmp)
        os.chmod(tmp, 0o600)
        originals.fsync_file(tmp)
        digest = _sha256(tmp)
        size = tmp.stat().st_size
        os.replace(tmp, target)
        originals.fsync_dir(folder)
        wal = Path(f"{paths.database}-wal")
        if wal.is_file() and wal.stat().st_size:
            wal_copy = Path(f"{target}-wal-copy")
            shutil.copyfile(wal, wal_copy)
            os.chmod(wal_copy, 0o600)
        _write_json_atomically(
            {
                "created_at": moment.isoformat(timespec="seconds"),
                "reason": "before-restore",
                "schema_version": None,
                "counts": {},
                "sha256": digest,
                "size": size,
                "note": "byte copy of a database that could not be opened",
            },
            _sidecar(target),
        )
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise UserError(
            f"cannot copy the current database aside into {folder} ({exc.strerror or exc}); "
            "nothing was changed"
        ) from None
    return _info(target)
