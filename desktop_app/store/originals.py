"""Stored originals: immutable files named by their SHA-256.

A file is written to a temporary name in the data folder, fsynced, then renamed
into place, so a crash leaves either the whole file or none. Writers hold a
shared lock while a file exists without its database row; start-up clean-up
takes the lock exclusively, so it never removes a file another process is
about to commit.

The atomic writes are store/atomic_files.py's, the sealed state files store/state_files.py's and
each process's temporary folder store/run_folders.py's.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop_app.store import sealed, vault
from desktop_app.store.atomic_files import CHUNK, fsync_dir, fsync_file, private_dir
from desktop_app.store.file_lock import Locked, lock, unlock
from desktop_app.store.run_folders import RUN_PREFIX, process_alive, remove_tree, run_temp_dir

LOCK_NAME = "originals.lock"


def sha256_of(path: Path) -> str:
    """The SHA-256 of the file's plain bytes: a sealed file in an unlocked folder is hashed as
    it reads once opened, so a stored original is checked against its name either way."""
    keys = vault.keys_for(path)
    if keys is not None and sealed.is_sealed(path):
        try:
            return sealed.plain_sha256(path, keys.files)
        except sealed.Unreadable:
            return "unreadable"
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def safe_suffix(suffix: str) -> str:
    """The file's suffix if it is a short plain-ASCII one (".pdf"), else none: a stored name must
    be writable on every file system and into every archive."""
    suffix = (suffix or "").lower()
    if 2 <= len(suffix) <= 8 and suffix[0] == "." and suffix[1:].isascii() and suffix[1:].isalnum():
        return suffix
    return ""


def stored_name(sha256: str, suffix: str) -> str:
    return f"{sha256[:2]}/{sha256}{safe_suffix(suffix)}"


class Staged:
    """A private copy of a file being imported, with the SHA-256 and size of the bytes copied.

    Everything after staging (reading, hashing, storing) works on this copy, so a file the user
    or another program rewrites meanwhile cannot make the stored bytes differ from their hash.
    """

    def __init__(self, path: Path, sha256: str, size: int):
        self.path = path
        self.sha256 = sha256
        self.size = size

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()
        with contextlib.suppress(OSError):
            self.path.parent.rmdir()


def stage(source: Path, tmp_dir: Path, max_bytes: int | None = None) -> Staged:
    """Copy ``source`` into ``tmp_dir``, hashing while copying. Raises OSError, or ValueError when
    the file is not a regular file or grows past ``max_bytes`` while it is copied."""
    digest = hashlib.sha256()
    size = 0
    # The copy keeps the file's own name (in a folder of its own), so what reads it and what it
    # says about it name the file the user chose.
    staged = Path(tempfile.mkdtemp(dir=tmp_dir, prefix="import-")) / source.name
    try:
        # O_NONBLOCK: a FIFO swapped in for the file must not hang the import; checked by fstat.
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise ValueError("is not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as inp, open(staged, "xb") as out:
            while chunk := inp.read(CHUNK):
                size += len(chunk)
                if max_bytes is not None and size > max_bytes:
                    raise ValueError("grew past the size limit while it was read")
                digest.update(chunk)
                out.write(chunk)
        os.chmod(staged, 0o600)
    except BaseException:
        Staged(staged, "", 0).discard()
        raise
    return Staged(staged, digest.hexdigest(), size)


def place(staged: Staged, target: Path) -> bool:
    """Put a staged copy at its content-addressed ``target``; True if this call created it.

    The copy is fsynced, then hard-linked into place: a link never replaces what is there, so two
    processes storing the same bytes at once both end with the one whole file. A file already
    there whose bytes do not match its name (damaged) is replaced by the good copy.
    """
    private_dir(target.parent)
    keys = vault.keys_for(target)
    if keys is None:
        fsync_file(staged.path)
        return _link_into_place(staged.path, target, staged.sha256)
    # An encrypted folder: the sealed copy is what goes into place (the plain copy stays in the
    # folder's private tmp and is removed with the staging).
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=".paperasse-", suffix=".part")
    os.close(fd)
    sealed_copy = Path(name)
    try:
        sealed.seal_file(staged.path, sealed_copy, keys.files)
        return _link_into_place(sealed_copy, target, staged.sha256)
    finally:
        with contextlib.suppress(OSError):
            sealed_copy.unlink()


def _link_into_place(source: Path, target: Path, sha: str) -> bool:
    try:
        os.link(source, target)
    except FileExistsError:
        if sha256_of(target) == sha:
            return False
        os.replace(_copy_beside(source, target), target)  # repair a damaged original
        fsync_dir(target.parent)
        return True
    except OSError:
        # No hard links here (some file systems): a copy renamed into place, checked first.
        if target.exists():
            return False
        os.replace(_copy_beside(source, target), target)
        fsync_dir(target.parent)
        return True
    fsync_dir(target.parent)
    return True


@contextlib.contextmanager
def plain(path: Path):
    """A stored file as its plain bytes: the file itself when it is not sealed, else an opened
    copy in this process's private folder inside the data folder, removed once the caller is done
    (page images for OCR and viewing never land outside the data folder)."""
    keys = vault.keys_for(path)
    if keys is None or not sealed.is_sealed(path):
        yield path
        return
    root = vault.root_of(path)
    run_dir = run_temp_dir(root / "tmp")
    fd, name = tempfile.mkstemp(dir=run_dir, prefix="open-", suffix=safe_suffix(path.suffix))
    os.close(fd)
    copy = Path(name)
    try:
        sealed.open_file(path, copy, keys.files)
        yield copy
    finally:
        with contextlib.suppress(OSError):
            copy.unlink()


def plain_chunks(path: Path):
    """The plain bytes of a stored file, chunk by chunk (sealed or not)."""
    keys = vault.keys_for(path)
    with open(path, "rb") as handle:
        if keys is not None and handle.read(len(sealed.MAGIC)) == sealed.MAGIC:
            handle.seek(0)
            yield from sealed.open_chunks(handle, keys.files)
            return
        handle.seek(0)
        while chunk := handle.read(CHUNK):
            yield chunk


def sealed_for(target: Path, plain_tmp: Path) -> Path:
    """What to rename to ``target``: ``plain_tmp`` itself in a plain folder, else a sealed copy
    of it beside it (``plain_tmp`` is then removed)."""
    keys = vault.keys_for(target)
    if keys is None:
        return plain_tmp
    out = plain_tmp.with_name(plain_tmp.name + ".sealed")
    try:
        sealed.seal_file(plain_tmp, out, keys.files)
    except BaseException:
        with contextlib.suppress(OSError):
            out.unlink()
        raise
    with contextlib.suppress(OSError):
        plain_tmp.unlink()
    return out


def plain_copy_kept(path: Path) -> Path:
    """Like :func:`plain`, for a viewer of the user's own that reads the file after this returns:
    the copy stays in the private run folder, removed when the process closes the folder or by
    the next start's clean-up."""
    keys = vault.keys_for(path)
    if keys is None or not sealed.is_sealed(path):
        return path
    run_dir = run_temp_dir(vault.root_of(path) / "tmp")
    copy = run_dir / f"view-{path.name}"
    if not copy.exists():
        part = copy.with_name(f".{copy.name}.part")
        sealed.open_file(path, part, keys.files)
        os.replace(part, copy)
    return copy


def _copy_beside(source: Path, target: Path) -> Path:
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=".paperasse-", suffix=".part")
    with os.fdopen(fd, "wb") as out, open(source, "rb") as inp:
        while chunk := inp.read(CHUNK):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    os.chmod(name, 0o600)
    return Path(name)


def remove_if_unreferenced(root: Path, target: Path, referenced: Callable[[], bool]) -> bool:
    """Remove an original this process placed but could not record, unless a row of another
    process now refers to it. Done under the exclusive lock, so no writer is between placing the
    same file and committing its row; if the lock is busy the file stays for start-up clean-up."""
    with _lock(root, shared=False, blocking=False) as acquired:
        if not acquired or referenced():
            return False
        with contextlib.suppress(OSError):
            target.unlink()
            return True
    return False


def path_of(root: Path, name: str) -> Path:
    return root / name


@contextlib.contextmanager
def writing(root: Path):
    """Held while an original may exist on disk before its row is committed."""
    with _lock(root, shared=True, blocking=True):
        yield


@contextlib.contextmanager
def _lock(root: Path, shared: bool, blocking: bool):
    handle = os.fdopen(os.open(root / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600), "a+")
    try:
        try:
            lock(handle, shared=shared, wait=blocking)
        except Locked:
            yield False
            return
        try:
            yield True
        finally:
            unlock(handle)
    finally:
        handle.close()


def all_stored(root: Path) -> dict[str, Path]:
    """Every stored original, by its name relative to ``root``."""
    found = {}
    for path in root.glob("??/*"):
        if path.is_file():
            found[f"{path.parent.name}/{path.name}"] = path
    return found


def clean_up_tmp(root: Path, tmp_dir: Path) -> list[Path]:
    """Loose temporary files in ``tmp/`` (atomic writes cut short), when no import is running."""
    removed: list[Path] = []
    with _lock(root, shared=False, blocking=False) as acquired:
        if not acquired:
            return removed
        for leftover in tmp_dir.glob("*"):
            with contextlib.suppress(OSError):
                if leftover.is_file():
                    leftover.unlink()
                    removed.append(leftover)
    return removed


def clean_up(
    root: Path,
    tmp_dir: Path,
    known: set[str],
    still_needed: Callable[[set[str]], set[str] | None] | None = None,
) -> list[Path]:
    """Remove temporary files and originals no row refers to (left by a crash).

    ``still_needed(orphans)`` is asked only when there are orphans (rare): it returns those
    to keep anyway, or None to keep them all.
    """
    removed: list[Path] = []
    for run_dir in tmp_dir.glob(f"{RUN_PREFIX}*"):
        pid = run_dir.name[len(RUN_PREFIX):]
        if run_dir.is_dir() and pid.isdigit() and not process_alive(int(pid)):
            remove_tree(run_dir, removed)
    with _lock(root, shared=False, blocking=False) as acquired:
        if not acquired:
            return removed  # another process is importing: leave its files alone
        for leftover in tmp_dir.glob("*"):
            with contextlib.suppress(OSError):
                if leftover.is_file():
                    leftover.unlink()
                    removed.append(leftover)
        orphans = {name: path for name, path in all_stored(root).items() if name not in known}
        if orphans and still_needed is not None:
            keep = still_needed(set(orphans))
            orphans = {} if keep is None else {n: p for n, p in orphans.items() if n not in keep}
        for path in orphans.values():
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed
