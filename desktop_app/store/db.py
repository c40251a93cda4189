"""Opening the record store: pragmas, migrations, one transaction per user action."""

from __future__ import annotations

import contextlib
import datetime as _dt
import sqlite3
from pathlib import Path

import sqlite_utils

from desktop_app.core.errors import StoreTooNew
from desktop_app.store import migrations

BUSY_TIMEOUT_MS = 10_000


def now() -> str:
    return _dt.datetime.now().astimezone().isoformat(timespec="microseconds")


def connect(path: Path, backups: Path) -> sqlite_utils.Database:
    """Open (and if needed create or migrate) the database at ``path``."""
    migrations.check_not_newer(path)
    existed = path.exists()
    try:
        conn = sqlite3.connect(
            path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
            isolation_level=None,  # explicit BEGIN only: no transaction left open behind our back
        )
    except sqlite3.Error as exc:
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
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreTooNew(
            f"{path} cannot be used ({exc}); restore a backup with 'paperasse backup restore'"
        ) from None
    return sqlite_utils.Database(conn)


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
