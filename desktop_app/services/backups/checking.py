"""Checking a backup: its checksum, SQLite's integrity check, its schema version, and the
originals it refers to."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from desktop_app.core.errors import NotFound
from desktop_app.services import kept_originals
from desktop_app.services.backups.listing import all_of, find_backup, info_of, paths_of
from desktop_app.services.backups.results import BackupInfo, Verification
from desktop_app.store import originals
from desktop_app.store.backup_files import DatabaseError, Error, ReadOnlyCopy
from desktop_app.store.migrations import SCHEMA_VERSION

CHUNK = 1 << 20


def sha256_of_file(path: Path) -> str:
    """The SHA-256 of the file's bytes as they are (a backup's checksum, encrypted or not)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def verify(target, ref: str | int | Path) -> Verification:
    """Check a backup: its checksum, SQLite's integrity check, its schema version, and
    that every original it refers to is in ``originals/`` with the right SHA-256.

    ``ref`` is a backup id, an index in the list, or a path to a copy.
    """
    paths = paths_of(target)
    if isinstance(ref, Path):
        info = info_of(ref) if ref.exists() else None
        if info is None:
            raise NotFound(f"{ref}: no such backup file")
    else:
        info = find_backup(paths, ref)
    result, stored = check_copy(info)
    recoverable, altered, missing = [], [], []
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
            recoverable.append(name)
        elif problem == "altered":
            altered.append(name)
        else:
            missing.append(name)
    return dataclasses.replace(
        result, recoverable_originals=recoverable, altered_originals=altered,
        missing_originals=missing,
    )


def check_copy(info: BackupInfo) -> tuple[Verification, list[tuple[str, str]]]:
    """The copy's own checks (checksum, SQLite's integrity check, schema version), and the
    (sha256, stored_name) of every original it refers to (none when it is damaged)."""
    found: dict = {"damaged": [], "notes": []}

    def result(stored=()) -> tuple[Verification, list[tuple[str, str]]]:
        return Verification(id=info.id, path=info.path, **found), list(stored)

    try:
        found["sha256"] = sha256_of_file(info.path)
    except OSError as exc:
        found["damaged"].append(f"cannot be read ({exc.strerror or exc})")
        return result()
    if info.path.stat().st_size == 0:
        found["damaged"].append("the file is empty")
        return result()
    if info.sha256 is None:
        # A copy whose sidecar was lost (or a before-migration copy): only SQLite's check.
        found["notes"].append("no checksum recorded: checked with SQLite's integrity check only")
    elif info.sha256 != found["sha256"]:
        found["damaged"].append("its checksum does not match: the file was altered or damaged")
    try:
        copy = ReadOnlyCopy(info.path)
    except Error as exc:
        found["damaged"].append(f"cannot be opened ({exc})")
        return result()
    try:
        rows = copy.integrity_check()
        if rows != ["ok"]:
            found["damaged"].append(f"SQLite integrity check failed ({'; '.join(rows[:3])})")
            return result()
        version = found["schema_version"] = copy.schema_version()
        if version > SCHEMA_VERSION:
            found["damaged"].append(
                f"it was written by a newer Paperasse (schema {version}, "
                f"this version knows {SCHEMA_VERSION})"
            )
            return result()
        if not copy.has_table("documents"):
            found["damaged"].append("it is not a Paperasse database (no documents table)")
            return result()
        found["counts"] = copy.counts()
        stored = copy.stored_originals()
    except DatabaseError as exc:
        found["damaged"].append(f"it is not a readable database ({exc})")
        return result()
    finally:
        copy.close()
    return result(stored)


def originals_referenced_by_backups(target) -> set[str] | None:
    """Stored names the backups refer to; None if one of them cannot be read.

    Start-up clean-up must not remove an original a backup still needs (after a
    restore of an older backup, originals imported since have no row, but the
    before-restore copy refers to them).
    """
    names: set[str] = set()
    for b in all_of(paths_of(target)):
        try:
            with ReadOnlyCopy(b.path) as copy:
                names.update(copy.stored_names())
        except Error:
            return None
    return names
