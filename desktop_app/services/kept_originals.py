"""The originals kept with the backups, so that a lost or damaged scan can be put back.

Originals are immutable and named by their SHA-256, so keeping them is incremental: each backup
adds only those not kept yet, in ``backups/originals/`` under the same names. On the same disk a
kept original is a hard link (no space used, and deleting or rewriting-by-rename the one in
``originals/`` leaves it whole); where links are impossible it is a copy. Each is checked against
its name when kept and when put back. Those no backup refers to any more go at rotation.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from desktop_app.store import atomic_files, originals

FOLDER = "originals"


def folder(paths) -> Path:
    return paths.backups / FOLDER


def keep(paths, stored: list[tuple[str, str]]) -> int:
    """Keep every (stored_name, sha256) not kept yet; returns how many were added. An original
    missing from ``originals/`` is skipped (verify reports it)."""
    root = folder(paths)
    added = 0
    for name, sha in stored:
        target = root / name
        if target.exists():
            continue
        source = paths.originals / name
        if not source.is_file() or originals.sha256_of(source) != sha:
            continue  # a damaged original is never kept as if it were good
        _put(source, target, paths.tmp)
        added += 1
    return added


def recover(paths, stored: list[tuple[str, str]]) -> dict:
    """Put back every original of ``stored`` missing from (or damaged in) ``originals/`` from
    the kept ones. Returns {"recovered": [names], "lost": [names]}."""
    recovered, lost = [], []
    for name, sha in stored:
        live = paths.originals / name
        if live.is_file() and originals.sha256_of(live) == sha:
            continue
        kept = folder(paths) / name
        if not kept.is_file() or originals.sha256_of(kept) != sha:
            lost.append(name)
            continue
        with contextlib.suppress(FileNotFoundError):
            if live.exists():
                live.unlink()  # the damaged one: the good copy takes its place
        _put(kept, live, paths.tmp)
        recovered.append(name)
    return {"recovered": recovered, "lost": lost}


def is_kept(paths, name: str, sha: str) -> bool:
    kept = folder(paths) / name
    return kept.is_file() and originals.sha256_of(kept) == sha


def prune(paths, still_referenced: set[str] | None) -> int:
    """Remove kept originals no backup refers to (None: a backup could not be read, keep all)."""
    if still_referenced is None:
        return 0
    removed = 0
    root = folder(paths)
    for path in root.glob("??/*"):
        name = f"{path.parent.name}/{path.name}"
        if name not in still_referenced:
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    for sub in root.glob("??"):
        with contextlib.suppress(OSError):
            sub.rmdir()  # only the empty ones
    return removed


def _put(source: Path, target: Path, tmp_dir: Path) -> None:
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except FileExistsError:
        return
    except OSError:
        atomic_files.write_atomically(source, target, tmp_dir)  # another disk: a checked copy
    atomic_files.fsync_dir(target.parent)
