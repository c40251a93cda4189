"""Archives of an encrypted folder: the whole ZIP sealed, with the key file that opens it.

A sealed archive is ARCHIVE_MAGIC, the length (4 bytes, big-endian) and text of the folder's
key file at export, then the ZIP as a sealed stream (store/sealed.py) under the folder's file
key. The folder's passphrase or recovery key of that day opens it on any computer; in the same
folder, still unlocked, it opens without asking.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from pathlib import Path

from desktop_app.core.errors import UserError
from desktop_app.store import run_folders, sealed, vault

ARCHIVE_MAGIC = b"PAPERASSE-ARCHIVE-SEALED1\n"


class ArchiveLocked(UserError):
    """The archive is sealed under a key not unlocked in this process."""

    def __init__(self, path: Path, keyfile: dict):
        super().__init__(
            f"{path} is encrypted: give the passphrase (or the recovery key) of the folder it "
            "was exported from"
        )
        self.path = path
        self.keyfile = keyfile


def private_tmp(paths, suffix: str) -> Path:
    """A new empty file in this process's private folder inside the data folder."""
    run_dir = run_folders.run_temp_dir(paths.tmp)
    fd, name = tempfile.mkstemp(dir=run_dir, prefix="archive-", suffix=suffix)
    os.close(fd)
    return Path(name)


def seal(plain: Path, target: Path, keyfile: dict, keys: vault.DataKeys) -> None:
    head = json.dumps(dict(keyfile, converting=None), sort_keys=True).encode("utf-8")
    with open(plain, "rb") as inp, open(target, "wb") as out:
        out.write(ARCHIVE_MAGIC + len(head).to_bytes(4, "big") + head)
        sealed.seal_stream(inp, out, keys.files)
        out.flush()
        os.fsync(out.fileno())


def is_sealed(path: Path) -> bool:
    """Read only an ordinary file's first bytes: a pipe or a device given as an archive must
    not hang here (reading it reports what it is)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            return handle.read(len(ARCHIVE_MAGIC)) == ARCHIVE_MAGIC
    except OSError:
        return False


def _keyfile_of(handle, path: Path) -> dict:
    handle.seek(len(ARCHIVE_MAGIC))
    size = int.from_bytes(handle.read(4), "big")
    try:
        if not 0 < size < 1 << 20:
            raise ValueError("bad header length")
        doc = json.loads(handle.read(size).decode("utf-8"))
        if doc.get("format") != vault.FORMAT:
            raise ValueError("not a Paperasse key file")
    except (ValueError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: its header is damaged ({exc}); nothing was changed") from None
    return doc


def unlock(path: Path, secret: str) -> None:
    """Keep, for this process, the keys opening the sealed archive at ``path``."""
    with open(path, "rb") as handle:
        doc = _keyfile_of(handle, path)
    try:
        vault.register_extra(vault.unwrap(doc, secret))
    except vault.WrongPassphrase:
        raise UserError(f"wrong passphrase for {path}: nothing was opened or changed") from None


@contextlib.contextmanager
def opened(path: Path, paths=None):
    """``path`` as a plain ZIP: itself, or opened into the private tmp of the data folder
    (``paths``, else the folder this process uses) and removed afterwards."""
    if not is_sealed(path):
        yield path
        return
    with open(path, "rb") as handle:
        doc = _keyfile_of(handle, path)
        keys = vault.keys_by_id(str(doc.get("key_id")))
        if keys is None:
            raise ArchiveLocked(path, doc)
        plain = private_tmp(paths, ".zip") if paths is not None else _process_tmp()
        try:
            with open(plain, "wb") as out:
                for chunk in sealed.open_chunks(handle, keys.files):
                    out.write(chunk)
        except sealed.Unreadable as exc:
            with contextlib.suppress(OSError):
                plain.unlink()
            raise UserError(f"{path}: {exc}; nothing was changed") from None
        except BaseException:
            with contextlib.suppress(OSError):
                plain.unlink()
            raise
    try:
        yield plain
    finally:
        with contextlib.suppress(OSError):
            plain.unlink()


def _process_tmp() -> Path:
    """The private run folder inside the data folder when one is open (open_context points
    tempfile there), else the default data folder's."""
    from desktop_app import config

    folder = tempfile.gettempdir()
    if f"{os.sep}{run_folders.RUN_PREFIX}" not in folder:
        folder = str(run_folders.run_temp_dir(config.prepare(None).tmp))
    fd, name = tempfile.mkstemp(dir=folder, prefix="archive-", suffix=".zip")
    os.close(fd)
    return Path(name)
