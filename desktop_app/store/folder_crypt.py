"""Encrypting or decrypting a data folder in place, one file at a time.

Each file is rewritten beside itself and renamed over the old one, so at any moment every file
is whole, plain or encrypted; readers tell which by its first bytes (store/sql.py for databases,
store/sealed.py for the rest). A conversion cut short is finished at the next unlock: the key
file says which way it was going.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop_app.store import atomic_files, sealed, sql, state_files, vault

Progress = Callable[[int, int], None]


def _database_files(root: Path) -> list[Path]:
    """The record, then every backup copy of it (the kept originals aside)."""
    found = [root / "paperasse.db"]
    backups = root / "backups"
    kept = backups / "originals"
    for path in sorted(backups.rglob("*.db")) if backups.is_dir() else []:
        if kept not in path.parents and path.is_file():
            found.append(path)
    return [p for p in found if p.is_file() and p.stat().st_size > 0]


def _stored_files(root: Path) -> list[Path]:
    """Stored originals first, then those kept with the backups (often hard links to them)."""
    found = []
    for folder in (root / "originals", root / "backups" / "originals"):
        found += sorted(p for p in folder.glob("??/*") if p.is_file() and not p.name.startswith("."))
    found += [root.joinpath(*parts) for parts in state_files.STATE_FILES
              if root.joinpath(*parts).is_file()]
    return found


def pending_work(root: Path, encrypt: bool) -> int:
    dbs = [p for p in _database_files(root) if sql.is_plain_file(p) == encrypt]
    files = [p for p in _stored_files(root) if sealed.is_sealed(p) != encrypt]
    return len(dbs) + len(files)


def convert(root: Path, keys: vault.DataKeys, encrypt: bool, progress: Progress | None = None,
            ) -> int:
    """Bring every database and stored file of ``root`` to encrypted (or plain); returns how
    many files were rewritten. The caller holds the folder alone (no connection open)."""
    root = Path(root)
    dbs = [p for p in _database_files(root) if sql.is_plain_file(p) == encrypt]
    files = [p for p in _stored_files(root) if sealed.is_sealed(p) != encrypt]
    total, done = len(dbs) + len(files), 0
    _drop_cache(root)
    if progress:
        progress(0, total)
    for path in dbs:
        _convert_database(path, keys.database, encrypt)
        _refresh_sidecar(path)
        done += 1
        vault.step(f"converted-{done}")
        if progress:
            progress(done, total)
    # A kept original that was a hard link to the stored one becomes a link to its rewritten
    # file again, rather than a second copy.
    inodes = {p.stat().st_ino: p for p in files if p.parent.parent == root / "originals"}
    linked = {p: inodes.get(p.stat().st_ino) for p in files if p.parent.parent != root / "originals"}
    for path in files:
        twin = linked.get(path)
        if twin is not None and twin != path:
            _link_over(twin, path)
        else:
            _convert_file(path, keys.files, encrypt)
        done += 1
        vault.step(f"converted-{done}")
        if progress:
            progress(done, total)
    with contextlib.suppress(OSError):
        (root / "paperasse.db.checked").unlink()  # checked again at the next open
    return total


def _drop_cache(root: Path) -> None:
    """The status cache and the subscribed calendar are worked out from the record: dropped
    rather than converted (an encrypted folder keeps no calendar for outside apps to read)."""
    for path in [*(root / "cache").glob("status.db*"), root / "calendar" / "paperasse.ics"]:
        with contextlib.suppress(OSError):
            path.unlink()


def _convert_database(path: Path, key: bytes, encrypt: bool) -> None:
    if sql.cipher is None:
        raise OSError("this install has no SQLCipher (the sqlcipher3-wheels package)")
    # Fold the write-ahead log in and stop using one: the file renamed over the old one must not
    # meet a log written for the old one.
    conn = sql.cipher.connect(path, isolation_level=None)
    try:
        if not encrypt:
            conn.execute(sql.key_pragma(key))
            for pragma in sql.cipher_pragmas():
                conn.execute(pragma)
        conn.execute("PRAGMA journal_mode = DELETE")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        os.close(fd)
        os.unlink(name)
        tmp = Path(name)
        try:
            target_key = f"\"x'{key.hex()}'\"" if encrypt else "''"
            conn.execute(f"ATTACH DATABASE ? AS converted KEY {target_key}", [str(tmp)])
            if encrypt:
                for pragma in sql.cipher_pragmas("converted"):
                    conn.execute(pragma)
            conn.execute("SELECT sqlcipher_export('converted')")
            conn.execute(f"PRAGMA converted.user_version = {int(version)}")
            conn.execute("DETACH DATABASE converted")
            os.chmod(tmp, 0o600)
            atomic_files.fsync_file(tmp)
            os.replace(tmp, path)
            atomic_files.fsync_dir(path.parent)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
    finally:
        conn.close()
    for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            extra.unlink()


def _refresh_sidecar(path: Path) -> None:
    """A backup's sidecar records the copy's checksum and size: those of the rewritten file."""
    sidecar = path.with_suffix(".json")
    if path.name == "paperasse.db" or not sidecar.is_file():
        return
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(meta, dict) or "sha256" not in meta:
        return
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(atomic_files.CHUNK):
            digest.update(chunk)
    meta["sha256"], meta["size"] = digest.hexdigest(), path.stat().st_size
    atomic_files.write_bytes_atomically(
        json.dumps(meta, indent=1, sort_keys=True).encode("utf-8"), sidecar)


def _convert_file(path: Path, key: bytes, encrypt: bool) -> None:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=".paperasse-", suffix=".part")
    os.close(fd)
    tmp = Path(name)
    try:
        (sealed.seal_file if encrypt else sealed.open_file)(path, tmp, key)
        os.replace(tmp, path)
        atomic_files.fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _link_over(source: Path, target: Path) -> None:
    """A kept original becomes a hard link to the rewritten stored one again (no second copy)."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.link")
    with contextlib.suppress(OSError):
        tmp.unlink()
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
        atomic_files.fsync_file(tmp)
    os.replace(tmp, target)
    atomic_files.fsync_dir(target.parent)
