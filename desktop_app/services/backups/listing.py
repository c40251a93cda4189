"""The files of a folder of backups: their names, their sidecars, and the list of them."""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import re
from pathlib import Path

from desktop_app.core.errors import NotFound
from desktop_app.services.backups.results import BackupInfo
from desktop_app.store import atomic_files

PREFIX = "paperasse-"

_OWN = re.compile(r"^paperasse-(\d{8})-(\d{6})(?:-(\d+))?\.db$")
_MIGRATION = re.compile(r"^before-migration-v(\d+)-(\d{8})-(\d{6})(?:-(\d+))?\.db$")


def paths_of(target):
    """DataPaths from a Context or DataPaths."""
    return target.paths if hasattr(target, "paths") else target


def sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def pid_suffix() -> str:
    return f"-{os.getpid()}.part"


def part_prefix() -> str:
    return f".paperasse-{os.getpid()}-"


def write_sidecar(data: dict, target: Path) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # The writer's process id ends the temporary name: what a killed writer left can be told
    # from a file another process is writing (services/backup_folder sweeps by it).
    atomic_files.write_bytes_atomically(text.encode("utf-8"), target, suffix=pid_suffix())


def local_now() -> _dt.datetime:
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


def info_of(path: Path) -> BackupInfo:
    name = path.name
    stamp = _stamp_of(name)
    meta: dict = {}
    side = sidecar(path)
    if side.is_file():
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads(side.read_text(encoding="utf-8"))
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
    counts = meta.get("counts")
    if not isinstance(counts, dict):
        counts = {}
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


def all_of(paths) -> list[BackupInfo]:
    return in_folder(paths.backups)


def in_folder(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        stamp = _stamp_of(path.name) if path.is_file() else None
        if stamp is not None:
            found.append((stamp, path))
    found.sort(key=lambda entry: entry[0], reverse=True)
    return [info_of(p) for _stamp, p in found]


def new_name(folder: Path, moment: _dt.datetime) -> Path:
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


def list_backups(target) -> list[dict]:
    """Every backup, newest first: {"index", "id", "path", "created_at", "reason", "size",
    "counts", "schema_version", "sha256", "kind"}. ``index`` starts at 1."""
    return [dict(b.to_json(), index=i) for i, b in enumerate(all_of(paths_of(target)), start=1)]


def find_backup(target, ref: str | int) -> BackupInfo:
    """A backup by its file name or its index in ``list_backups`` (1 = newest)."""
    paths = paths_of(target)
    text = str(ref).strip()
    listed = all_of(paths)
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

