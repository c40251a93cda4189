"""Numbered schema migrations.

The schema version lives in ``PRAGMA user_version``. Before any migration of an
existing database, a consistent copy is written aside; each migration runs in
one transaction; a database written by a newer Paperasse is refused untouched.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from desktop_app.core.errors import StoreTooNew
from desktop_app.store import sql
from desktop_app.store.schema import STEPS

# Tables that are worked out from the others (never dumped to an archive, never merged).
DERIVED_TABLES = ("claim_revisions", "document_pages")

# Each entry is the SQL of one schema step (store/schema/): never edit a released one, append a
# new one there.
MIGRATIONS: list[str] = list(STEPS)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sql.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def check_not_newer(path: Path) -> int:
    """Read the version of an existing database without writing to it."""
    if not path.exists() or path.stat().st_size == 0:
        return 0
    from desktop_app.store import db

    uri = f"file:{path}?mode=ro"
    conn = None
    try:
        conn = db.open_file(path, uri=uri)
        version = schema_version(conn)
    except sql.DatabaseError as exc:
        if conn is not None:
            conn.close()
        raise StoreTooNew(
            f"{path} is not a Paperasse database ({exc}); "
            "choose another data folder or restore a backup"
        ) from None
    conn.close()
    if version > SCHEMA_VERSION:
        raise StoreTooNew(
            f"{path} was written by a newer Paperasse (schema {version}, this version knows "
            f"{SCHEMA_VERSION}); it was left untouched: install the newer version to open it"
        )
    return version


def copy_aside(conn: sql.Connection, backups: Path, version: int) -> Path:
    """A consistent copy through SQLite's backup API (the WAL included)."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups / f"before-migration-v{version}-{stamp}.db"
    from desktop_app.store import db

    dest = sql.connect(target, key=db.copy_key(conn, backups.parent / "paperasse.db"))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    target.chmod(0o600)
    return target


def migrate(conn: sql.Connection, backups: Path) -> int:
    """Bring the database to SCHEMA_VERSION; returns the version it had."""
    start = schema_version(conn)
    if start > SCHEMA_VERSION:
        raise StoreTooNew(
            f"the database was written by a newer Paperasse (schema {start}); it was left untouched"
        )
    if start == SCHEMA_VERSION:
        return start
    if start > 0:
        copy_aside(conn, backups, start)
    for number in range(start + 1, SCHEMA_VERSION + 1):
        # executescript would commit an open transaction first, so the whole step,
        # BEGIN to COMMIT, is one script: it applies entirely or not at all.
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{MIGRATIONS[number - 1]}\n"
                f"PRAGMA user_version = {number};\nCOMMIT;"
            )
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return start
