"""Each process's own temporary folder inside the data folder (tmp/run-<pid>): page images for
OCR, opened copies of sealed originals. A run folder whose process is gone was left by a crash
or a kill, the sign that an import may have been cut short; start-up clean-up removes it."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

RUN_PREFIX = "run-"


def run_temp_dir(tmp_dir: Path) -> Path:
    """This process's own temporary folder inside the data folder (OCR page images and the like)."""
    folder = tmp_dir / f"{RUN_PREFIX}{os.getpid()}"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def process_alive(pid: int) -> bool:
    """Whether the process ``pid`` still runs (this one does; one we may not signal may too)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def dead_run_folders(tmp_dir: Path) -> list[Path]:
    """Run folders of processes that are gone (killed, crashed): the sign an import may have
    been cut short."""
    found = []
    for run_dir in tmp_dir.glob(f"{RUN_PREFIX}*"):
        pid = run_dir.name[len(RUN_PREFIX):]
        if run_dir.is_dir() and pid.isdigit() and not process_alive(int(pid)):
            found.append(run_dir)
    return found


def remove_tree(folder: Path, removed: list[Path]) -> None:
    """Remove ``folder`` and what it holds, as far as it can, noting each path in ``removed``."""
    for child in sorted(folder.rglob("*"), reverse=True):
        with contextlib.suppress(OSError):
            child.rmdir() if child.is_dir() else child.unlink()
            removed.append(child)
    with contextlib.suppress(OSError):
        folder.rmdir()
        removed.append(folder)
