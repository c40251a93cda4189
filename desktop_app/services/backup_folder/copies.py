"""The originals kept in a backup folder: copied checked, trusted while untouched since they
were checked, swept after a run that died, pruned when no remaining backup lists them."""

from __future__ import annotations

import contextlib
import errno
import json
from pathlib import Path

from desktop_app.services.backups import listing, rotation
from desktop_app.services.backups.results import BackupInfo
from desktop_app.store import atomic_files, originals, run_folders

ORIGINALS = "originals"
CHECKED = "checked.json"
CHUNK = 1 << 20


def stat_key(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def trusted(target: Path, key, size: int) -> bool:
    """Already there, checked when written, and untouched since."""
    if not key:
        return False
    try:
        return stat_key(target) == list(key) and key[0] == size
    except OSError:
        return False


def hash_of(path: Path) -> str | None:
    try:
        return originals.sha256_of(path)
    except OSError:
        return None


def copy_checked(source: Path, target: Path, sha: str, size: int) -> bool:
    """Copy ``source`` to ``target`` through a temporary file beside it, renamed into place only
    when its size and SHA-256 are right. False when the source itself does not match ``sha``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with atomic_files.atomic_file(target, target.parent, suffix=listing.pid_suffix()) as tmp:
            # Copied byte for byte (an encrypted folder's originals stay encrypted), then read
            # back from the drive and checked against the name: the plain bytes' SHA-256.
            with open(source, "rb") as inp, open(tmp, "wb") as out:
                while chunk := inp.read(CHUNK):
                    out.write(chunk)
            if tmp.stat().st_size != size or originals.sha256_of(tmp) != sha:
                if originals.sha256_of(source) != sha:
                    raise _SourceDamaged
                raise OSError(errno.EIO, f"the copy of {target.name} does not match its original")
    except _SourceDamaged:
        return False
    return True


class _SourceDamaged(Exception):
    pass


def read_checked(root: Path) -> dict:
    try:
        data = json.loads((root / CHECKED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_checked(root: Path, checked: dict) -> None:
    if not root.is_dir():
        return
    with contextlib.suppress(OSError):
        atomic_files.write_bytes_atomically(
            json.dumps(checked, sort_keys=True).encode("utf-8"), root / CHECKED,
            suffix=listing.pid_suffix(),
        )


def sweep(folder: Path) -> list[Path]:
    """What a run that died left: temporary files whose name ends with the id of a process that
    is gone (the records' copy, its sidecar, each original's copy), and orphan sidecars."""
    removed = rotation.sweep_leftovers(_FolderPaths(folder))
    root = folder / ORIGINALS
    leftovers = [*folder.glob(".paperasse-*.part")]
    if root.is_dir():
        leftovers += [*root.glob(".paperasse-*.part"), *root.glob("??/.paperasse-*.part")]
    for leftover in leftovers:
        pid = leftover.name.removesuffix(".part").rsplit("-", 1)[-1]
        if not pid.isdigit() or len(pid) >= 10 or run_folders.process_alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed.append(leftover)
    return removed


class _FolderPaths:
    """Just what services/backups' folder helpers read: where the copies are."""

    def __init__(self, folder: Path):
        self.backups = folder


def manifest_of(info: BackupInfo) -> dict | None:
    try:
        meta = json.loads(listing.sidecar(info.path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    manifest = meta.get("originals") if isinstance(meta, dict) else None
    return manifest if isinstance(manifest, dict) else None


def prune(folder: Path) -> list[Path]:
    """Remove the originals no remaining backup's manifest lists (none if one cannot be read)."""
    needed: set[str] = set()
    for info in listing.in_folder(folder):
        manifest = manifest_of(info)
        if manifest is None:
            return []
        needed.update(manifest)
    root = folder / ORIGINALS
    removed: list[Path] = []
    checked = read_checked(root)
    for path in root.glob("??/*"):
        name = f"{path.parent.name}/{path.name}"
        if path.name.startswith(".") or name in needed:
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
            checked.pop(name, None)
    for sub in root.glob("??"):
        with contextlib.suppress(OSError):
            sub.rmdir()  # only the empty ones
    if removed:
        write_checked(root, checked)
    return removed
