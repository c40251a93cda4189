"""Writing a file so that a crash leaves the whole new file or the old one, never half: a
temporary file beside the target (or in the data folder's tmp/), fsynced, renamed into place,
the folder fsynced so the rename itself is durable. Files are private to the user (0600)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

CHUNK = 1 << 20  # bytes read at a time when a file is copied or hashed


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where directories cannot be opened)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_file(target: Path, tmp_dir: Path | None = None, suffix: str = ".part"
                ) -> Iterator[Path]:
    """Yield a temporary path to fill; on success it becomes ``target`` (0600, fsynced, renamed),
    on failure it is removed: readers see the whole new file or the old one, never half."""
    folder = tmp_dir or target.parent
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".paperasse-", suffix=suffix)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with contextlib.suppress(PermissionError):  # a FAT drive has no permissions to set
            os.chmod(tmp, 0o600)
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_atomically(source: Path, target: Path, tmp_dir: Path) -> bool:
    """Copy ``source`` to ``target`` atomically. Returns False if it was already there."""
    if target.exists():
        return False
    private_dir(target.parent)
    with atomic_file(target, tmp_dir) as tmp, open(tmp, "wb") as out, open(source, "rb") as inp:
        while chunk := inp.read(CHUNK):
            out.write(chunk)
    return True


def private_dir(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix" and (folder.stat().st_mode & 0o077):
        folder.chmod(0o700)


def write_bytes_atomically(
    data: bytes, target: Path, tmp_dir: Path | None = None, suffix: str = ".part"
) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(target, tmp_dir, suffix) as tmp:
        tmp.write_bytes(data)
