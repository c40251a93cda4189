"""Copies of the record's database file: taking one with SQLite's backup API, and reading one
without ever writing to it (a backup here or in a backup folder, the record just restored)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.store import db, sql

# What a backup's sidecar counts: the Trash's entries too, they are the household's until emptied.
COUNTED = ("people", "documents", "claims")

Error = sql.Error
DatabaseError = sql.DatabaseError


def _has_table(conn, name: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name])
        .fetchone()
        is not None
    )


def _counts(conn) -> dict[str, int]:
    return {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] if _has_table(conn, t) else 0
        for t in COUNTED
    }


def record_counts(store) -> dict[str, int]:
    """People, documents and claims in the open record, those in the Trash included."""
    return _counts(store.db.conn)


def integrity_problem(store) -> str | None:
    """What SQLite's quick check finds wrong with the open record, or None when it is sound."""
    return db.integrity_problem(store.db.conn)


def copy_record(store, database: Path, target: Path) -> tuple[int, dict[str, int]]:
    """A consistent copy of the open record (the file ``database``) into ``target``, keyed as
    the record is; its schema version and counts. The copy uses a rollback journal: one
    self-contained file, no -wal needed beside it to read it."""
    dest = sql.connect(target, key=db.copy_key(store.db.conn, database))
    try:
        store.db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        version = dest.execute("PRAGMA user_version").fetchone()[0]
        counts = _counts(dest)
    finally:
        dest.close()
    return version, counts


def checkpoint(store) -> None:
    """Everything committed into the main file, so dropping the -wal beside it loses nothing."""
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class ReadOnlyCopy:
    """A database file opened without ever writing to it (no journal, no -wal/-shm files).
    Opening raises ``Error`` when it cannot be opened (or its key is wrong)."""

    def __init__(self, path: Path):
        self._conn = db.open_file(path, uri=f"{path.resolve().as_uri()}?mode=ro&immutable=1")

    def __enter__(self) -> ReadOnlyCopy:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    def integrity_check(self) -> list[str]:
        """SQLite's full integrity check: ["ok"] when the file is sound."""
        return [r[0] for r in self._conn.execute("PRAGMA integrity_check").fetchall()]

    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def has_table(self, name: str) -> bool:
        return _has_table(self._conn, name)

    def counts(self) -> dict[str, int]:
        return _counts(self._conn)

    def stored_originals(self) -> list[tuple[str, str]]:
        """(sha256, stored_name) of every document of the copy, in the order of their ids."""
        return self._conn.execute(
            "SELECT sha256, stored_name FROM documents ORDER BY id"
        ).fetchall()

    def stored_names(self) -> set[str]:
        return {r[0] for r in self._conn.execute("SELECT stored_name FROM documents")}
