"""Opening the record store: pragmas, migrations, one transaction per user action."""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import sqlite_utils

from desktop_app.core.errors import StoreDamaged, StoreTooNew, UserError
from desktop_app.store import migrations, sql, vault

BUSY_TIMEOUT_MS = 10_000

# What a failed statement raises, whichever driver ran it (store/sql.py): what services catch.
Error = sql.Error
DatabaseError = sql.DatabaseError


def id_chunks(ids: Iterable[int], size: int = 500) -> Iterator[tuple[list[int], str]]:
    """``ids`` a few hundred at a time, each with its ``?,?,…`` placeholders: SQLite limits the
    parameters of one statement."""
    ids = list(ids)
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        yield chunk, ",".join("?" * len(chunk))


def now() -> str:
    return _dt.datetime.now().astimezone().isoformat(timespec="microseconds")


class FolderLocked(UserError):
    """The data folder is encrypted and its passphrase has not been given in this process."""


def key_for_file(path: Path) -> bytes | None:
    """The SQLCipher key to open the database file at ``path`` with: none for a plain folder,
    and none for a file still plain in an encrypted folder (a conversion cut short: it is
    opened as it is and converted when the folder is next unlocked)."""
    keys = vault.keys_for(path)
    if keys is None:
        root = Path(path).parent
        if vault.is_encrypted(root) and not sql.is_plain_file(path):
            raise FolderLocked(
                f"{root} is protected by a passphrase: give it (the window asks; the command "
                "line asks on the terminal or reads PAPERASSE_PASSPHRASE_FILE)"
            )
        return None
    return None if sql.is_plain_file(path) else keys.database


def open_file(path: Path, uri: str | None = None, **kwargs):
    """A connection to a database file of the data folder (the record, a backup, the cache),
    keyed when the folder is encrypted."""
    key = key_for_file(path)
    if uri is not None:
        return sql.connect(uri, key=key, uri=True, **kwargs)
    return sql.connect(path, key=key, **kwargs)


def copy_key(conn, database: Path) -> bytes | None:
    """A copy of an encrypted record (a backup, here or in another folder) is encrypted with the
    record's own key: SQLite's backup API copies pages between databases keyed alike."""
    keys = vault.keys_for(database)
    return keys.database if keys is not None and sql.is_cipher_connection(conn) else None


def connect(path: Path, backups: Path, trusted: bool = False) -> sqlite_utils.Database:
    """Open (and if needed create or migrate) the database at ``path``; its integrity is checked
    unless ``trusted`` (another Paperasse has it open) or it is as a clean close left it."""
    migrations.check_not_newer(path)
    existed = path.exists()
    try:
        conn = open_file(
            path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
            isolation_level=None,  # explicit BEGIN only: no transaction left open behind our back
        )
    except sql.Error as exc:
        raise StoreTooNew(f"cannot open {path}: {exc}") from None
    if not existed:
        path.chmod(0o600)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrations.migrate(conn, backups)
        problem = None if not existed or trusted or closed_cleanly(path) else integrity_problem(conn)
    except sql.DatabaseError as exc:
        conn.close()
        raise StoreDamaged(damaged_message(path, str(exc)), hint=DAMAGED_HINT) from None
    if problem:
        conn.close()
        raise StoreDamaged(damaged_message(path, problem), hint=DAMAGED_HINT)
    return sqlite_utils.Database(conn)


def damaged_message(path: Path, problem: str) -> str:
    return (
        f"{path} is damaged ({problem}); it was left as it is. Restore a backup: the window "
        "offers the newest sound one when it starts"
    )


DAMAGED_HINT = ("backup.restore", {})  # the command line's way, worded by desktop_app/cli


def integrity_problem(conn: sql.Connection) -> str | None:
    """What ``PRAGMA quick_check`` finds wrong with the database, or None when it is sound."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
    except sql.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows)


# The full check reads every page, a second or more on a big household: it is skipped when the
# file is exactly as Paperasse left it when it last closed it cleanly (its size, time and inode
# recorded then). Anything else (a crash, another program, a copied-in file) is checked.
CHECKED_SUFFIX = ".checked"


def _signature(path: Path) -> str | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size:
        return None  # changes not yet in the main file: not a clean close
    return f"{info.st_ino}:{info.st_size}:{info.st_mtime_ns}"


def closed_cleanly(path: Path) -> bool:
    signature = _signature(path)
    try:
        recorded = Path(f"{path}{CHECKED_SUFFIX}").read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return signature is not None and recorded == signature


def record_clean_close(path: Path) -> None:
    """After the last connection closed: remember the file as it is now (see closed_cleanly)."""
    signature = _signature(path)
    stamp = Path(f"{path}{CHECKED_SUFFIX}")
    if signature is None:
        with contextlib.suppress(OSError):
            stamp.unlink()
        return
    tmp = stamp.with_name(f".{stamp.name}.{os.getpid()}")
    with contextlib.suppress(OSError):
        tmp.write_text(signature, encoding="ascii")
        os.chmod(tmp, 0o600)
        os.replace(tmp, stamp)


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database):
    """One user action: everything in it is written, or nothing is."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    else:
        try:
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
