"""Every row of every table, out and back in: what a household archive holds (services/archive/).

A dump reads the tables as they are, not through the model, so it sees every column, including
ones a later version added; loading inserts the columns this version's tables have and leaves
the others to the caller to report.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Collection, Iterator, Sequence

from desktop_app.store import sql
from desktop_app.store.migrations import DERIVED_TABLES

# The names a dump reads or writes: plain ones, safe inside double quotes.
TABLE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
# The household's own records: with none of these, a data folder is empty.
RECORD_TABLES = ("people", "documents", "claims", "document_fields", "track_events")


def columns(store, table: str) -> list[str]:
    return [r[1] for r in store.db.conn.execute(f'PRAGMA table_info("{table}")')]


def tables(store, first: Sequence[str] = ()) -> list[str]:
    """The tables that hold records, ``first`` (those present) in that order, then the others
    by name; not full-text indexes, tables the store rebuilds itself or SQLite's own."""
    rows = store.db.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
    ).fetchall()
    virtual = [n for n, text in rows if (text or "").upper().startswith("CREATE VIRTUAL TABLE")]
    names = []
    for name, _text in rows:
        if name.startswith("sqlite_") or name in virtual:
            continue
        if any(name.startswith(v + "_") for v in virtual):
            continue  # an FTS shadow table
        if name in DERIVED_TABLES:
            continue  # rebuilt by the store's own triggers
        if TABLE_NAME.match(name):
            names.append(name)
    extras = sorted(n for n in names if n not in first)
    return [t for t in first if t in names] + extras


def _order_by(conn, table: str) -> str:
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    keys = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
    return ", ".join(f'"{k}"' for k in keys) if keys else "rowid"


def rows(store, table: str) -> list[dict]:
    """Every row of ``table``, every column, in the order of its primary key."""
    conn = store.db.conn
    cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY {_order_by(conn, table)}')
    cols = [c[0] for c in cursor.description]
    return [dict(zip(cols, r)) for r in cursor.fetchall()]


def read_all(store, first: Sequence[str] = ()) -> tuple[dict[str, list[dict]], int]:
    """Every row of every table (as :func:`tables` lists them), read in one snapshot, and the
    schema version of the database."""
    with store.snapshot():
        records = {table: rows(store, table) for table in tables(store, first)}
        version = store.db.conn.execute("PRAGMA user_version").fetchone()[0]
    return records, version


def is_empty(store) -> bool:
    """No person, document, claim, field or payer step at all (not even in the Trash)."""
    return all(
        store.db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] == 0
        for t in RECORD_TABLES
    )


@contextlib.contextmanager
def loading(store) -> Iterator[None]:
    """One transaction for rows loaded from a dump, all or nothing. Foreign keys are checked at
    its commit: rows keep the ids they had, and a person's insured may come after them."""
    conn = store.db.conn
    try:
        with store.transaction():
            conn.execute("PRAGMA defer_foreign_keys = ON")
            yield
    except sql.Error:
        if conn.in_transaction:  # a failed COMMIT leaves the transaction open
            conn.execute("ROLLBACK")
        raise


def insert_rows(store, inserts: dict[str, list[dict]], replace: Collection[str] = ()) -> None:
    """Insert each table's rows, the columns this version's table has (the others are left
    out); a row of a table in ``replace`` takes the place of one with the same key."""
    conn = store.db.conn
    for table, table_rows in inserts.items():
        if not table_rows:
            continue
        existing = set(columns(store, table))
        verb = "INSERT OR REPLACE" if table in replace else "INSERT"
        for row in table_rows:
            cols = [c for c in row if c in existing]
            marks = ", ".join("?" * len(cols))
            names = ", ".join(f'"{c}"' for c in cols)
            conn.execute(
                f'{verb} INTO "{table}" ({names}) VALUES ({marks})', [row[c] for c in cols]
            )
