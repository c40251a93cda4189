"""Worked-out claim statuses kept between runs, so a household-wide answer only works out again
the claims that changed.

The cache is its own file (``cache/status.db`` in the data folder), never backed up or archived:
deleting it loses nothing, and a damaged or foreign one is replaced without a word. An entry
counts only while everything it was worked out from is as it was (services/household.py says
what that is); the claim's own inputs are followed by ``claim_revisions``, a random revision the
main database's triggers change (store/schema/revisions.py, step 5).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from desktop_app.store import sql
from desktop_app.store.db import id_chunks

# Changing what an entry holds (columns or the shape of the status) means a new number here:
# an older file is then dropped and rebuilt.
FORMAT = 7
BUSY_TIMEOUT_S = 2.0

_SCHEMA = f"""
    CREATE TABLE IF NOT EXISTS status (
        claim_id INTEGER NOT NULL,
        lang TEXT NOT NULL,
        rev INTEGER NOT NULL,
        stamp TEXT NOT NULL,
        context TEXT NOT NULL,
        computed_on TEXT NOT NULL,
        valid_until TEXT,
        deductions TEXT NOT NULL,
        amc TEXT NOT NULL,
        person_id INTEGER NOT NULL,
        year TEXT NOT NULL,
        paid INTEGER NOT NULL,
        left_to_pay INTEGER NOT NULL,
        cpam_owed INTEGER NOT NULL,
        cpam_expected INTEGER NOT NULL,
        cpam_received INTEGER NOT NULL,
        mutuelle_owed INTEGER NOT NULL,
        mutuelle_expected INTEGER NOT NULL,
        mutuelle_received INTEGER NOT NULL,
        PRIMARY KEY (claim_id, lang)
    );
    -- Apart too, and only for the claims that have some: every answer scans the status table,
    -- only `check` reads these.
    CREATE TABLE IF NOT EXISTS problems (
        claim_id INTEGER NOT NULL,
        lang TEXT NOT NULL,
        person_problems TEXT,
        problems TEXT,
        PRIMARY KEY (claim_id, lang)
    );
    -- Apart: what every answer reads stays a few pages, the statuses themselves are megabytes.
    CREATE TABLE IF NOT EXISTS body (
        claim_id INTEGER NOT NULL,
        lang TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (claim_id, lang)
    );
    -- What the claims table and the dashboard show of each status: a tenth of its size.
    CREATE TABLE IF NOT EXISTS summary (
        claim_id INTEGER NOT NULL,
        lang TEXT NOT NULL,
        summary TEXT NOT NULL,
        PRIMARY KEY (claim_id, lang)
    );
    PRAGMA user_version = {FORMAT};
"""

# A claim's part in the totals, in cents (services/household_figures.py, in this order).
FIGURES = ("paid", "left_to_pay", "cpam_owed", "cpam_expected", "cpam_received",
           "mutuelle_owed", "mutuelle_expected", "mutuelle_received")
COLUMNS = ("claim_id", "lang", "rev", "stamp", "context", "computed_on", "valid_until",
           "deductions", "amc", "person_id", "year", *FIGURES,
           "person_problems", "problems")
STATUS_COLUMNS = COLUMNS[:-2]  # the last two go to the problems table
TABLES = ("status", "problems", "body", "summary")
# The entries that hold: worked out under this stamp, on or before the day, still valid on it.
_HOLDS = ("lang = ? AND stamp = ? AND computed_on <= ?"
          " AND (valid_until IS NULL OR ? < valid_until)")


class Entry(NamedTuple):
    """A kept status that still holds for the day and the rules: the revision of the claim it was
    worked out from, the caps it was worked out with, and the claim's own part in its person's
    yearly caps (what later claims of the year are worked out with)."""

    rev: int
    context: str
    deductions: str
    amc: str
    person_id: int


class StatusCache:
    def __init__(self, path: Path):
        self.path = path
        self._conn: sql.Connection | None = None

    # Opening: a cache that cannot be opened is rebuilt, never an error for the user.
    def _open(self) -> sql.Connection | None:
        if self._conn is not None:
            return self._conn
        try:
            self.path.parent.mkdir(mode=0o700, exist_ok=True)
            self._conn = self._connect()
        except sql.OperationalError:
            # Busy (another process is setting it up) or unwritable: this answer goes without.
            # Never removed here: other connections may be using the file.
            self._conn = None
        except (*sql.DatabaseError, OSError):
            self._discard()  # not a database at all: nobody can be using it
            try:
                self._conn = self._connect()
            except (*sql.DatabaseError, OSError):
                self._conn = None  # a read-only folder: answers are worked out every time
        return self._conn

    def _connect(self) -> sql.Connection:
        existed = self.path.exists()
        from desktop_app.store import db

        conn = db.open_file(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                               check_same_thread=False)
        try:
            if not existed:
                self.path.chmod(0o600)
            if not existed and not sql.is_cipher_connection(conn):
                # Statuses are a few kilobytes each: bigger pages hold them without waste.
                conn.execute("PRAGMA page_size = 32768")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, FORMAT):  # another version's entries: dropped in one step
                drops = " ".join(f"DROP TABLE IF EXISTS {t};" for t in TABLES)
                conn.executescript(f"BEGIN IMMEDIATE; {drops} PRAGMA user_version = 0; COMMIT;")
                try:  # give the dropped entries' space back: they can be hundreds of MB
                    conn.execute("VACUUM")
                except sql.OperationalError:
                    pass  # another process is reading: the space is reused by the next entries
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = OFF")  # a lost write is only worked out again
            # No memory map: reading through SQLite's small page cache is as fast here, and a
            # mapped file counts in the process's memory as every page of it is read.
            conn.executescript(_SCHEMA)
        except BaseException:
            conn.close()
            raise
        return conn

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            try:
                Path(str(self.path) + suffix).unlink()
            except OSError:
                pass

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # Reading: a cache that cannot be read holds nothing.
    def _read(self, sql: str, params: list) -> list[tuple]:
        conn = self._open()
        if conn is None:
            return []
        try:
            return conn.execute(sql, params).fetchall()
        except sql.DatabaseError:
            return []

    def entries(self, lang: str, stamp: str, day: str, person_ids: Iterable[int] | None = None,
                claim_ids: Iterable[int] | None = None) -> dict[int, Entry]:
        """claim id -> its Entry, for the entries worked out under ``stamp`` that hold on ``day``
        (of these people's claims, of these claims, when given)."""
        select = ("SELECT claim_id, rev, context, deductions, amc, person_id FROM status"
                  f" WHERE {_HOLDS}")
        params = [lang, stamp, day, day]
        rows: list[tuple] = []
        if person_ids is None and claim_ids is None:
            rows = self._read(select, params)
        for column, ids in (("person_id", person_ids), ("claim_id", claim_ids)):
            for chunk, marks in id_chunks(sorted(set(ids or ())), 900):
                rows += self._read(f"{select} AND {column} IN ({marks})", [*params, *chunk])
        return {row[0]: Entry(*row[1:]) for row in rows}

    def revisions(self, lang: str, stamp: str, day: str) -> dict[int, int]:
        """claim id -> the revision its kept status was worked out from, for the entries worked
        out under ``stamp`` that hold on ``day``."""
        return dict(self._read(f"SELECT claim_id, rev FROM status WHERE {_HOLDS}",
                               [lang, stamp, day, day]))

    def figures(self, lang: str, ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
        """claim id -> its part in the totals (FIGURES, in cents)."""
        return self._by_claim(f"SELECT claim_id, {', '.join(FIGURES)} FROM status", lang, ids)

    def totals(self, lang: str, stamp: str, day: str, person_id: int | None, year: int | None
               ) -> list[tuple]:
        """(person id, year, *FIGURES summed) per person and year of the entries that hold, added
        up by SQLite: for when every claim's entry holds."""
        where, params = [_HOLDS], [lang, stamp, day, day]
        if person_id is not None:
            where.append("person_id = ?")
            params.append(person_id)
        if year is not None:
            where.append("year = ?")
            params.append(f"{int(year):04d}")
        sums = ", ".join(f"SUM({f})" for f in FIGURES)
        return self._read(
            f"SELECT person_id, year, {sums} FROM status WHERE {' AND '.join(where)}"
            " GROUP BY person_id, year",
            params,
        )

    def _by_claim(self, select: str, lang: str, ids: Iterable[int]) -> dict[int, object]:
        """claim id -> the selected value (or values, when several) for those of these claims
        the cache holds."""
        ids = list(ids)
        if len(ids) > 5000:  # most of the household: one walk over the table
            rows = self._read(f"{select} WHERE lang = ?", [lang])
            wanted = set(ids) if len(rows) != len(ids) else None
        else:
            rows, wanted = [], None
            for chunk, marks in id_chunks(ids, 900):
                rows += self._read(f"{select} WHERE lang = ? AND claim_id IN ({marks})",
                                   [lang, *chunk])
        found = {row[0]: (row[1] if len(row) == 2 else row[1:]) for row in rows}
        if wanted is not None:
            found = {i: v for i, v in found.items() if i in wanted}
        return found

    def bodies(self, lang: str, ids: Iterable[int], summaries: bool = False) -> dict[int, str]:
        """claim id -> its status (or its summary) as JSON text, for those of these claims the
        cache holds."""
        if summaries:
            return self._by_claim("SELECT claim_id, summary FROM summary", lang, ids)
        return self._by_claim("SELECT claim_id, body FROM body", lang, ids)

    def problems(self, lang: str) -> dict[int, tuple[str | None, str | None]]:
        """claim id -> (its person's problems, its own), as stored JSON, for the claims that have
        some."""
        return {
            claim_id: (person, own)
            for claim_id, person, own in self._read(
                "SELECT claim_id, person_problems, problems FROM problems WHERE lang = ?",
                [lang],
            )
        }

    # Writing: best effort. Another process writing, a full disk: the next answer works it out.
    def _write(self, work) -> bool:
        """``work(conn)`` in one transaction; False if it could not be done."""
        conn = self._open()
        if conn is None:
            return False
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                work(conn)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sql.DatabaseError:
            return False
        return True

    def save(self, rows: list[tuple]) -> bool:
        """Keep these entries: each a tuple of COLUMNS, then the status and its summary as JSON
        text."""
        if not rows:
            return False
        marks = ",".join("?" * len(STATUS_COLUMNS))
        at = len(STATUS_COLUMNS)

        def work(conn) -> None:
            conn.executemany(
                f"INSERT OR REPLACE INTO status ({', '.join(STATUS_COLUMNS)}) VALUES ({marks})",
                (row[:at] for row in rows),
            )
            conn.executemany("DELETE FROM problems WHERE claim_id = ? AND lang = ?",
                             ((row[0], row[1]) for row in rows))
            conn.executemany(
                "INSERT INTO problems (claim_id, lang, person_problems, problems)"
                " VALUES (?, ?, ?, ?)",
                ((row[0], row[1], row[at], row[at + 1]) for row in rows
                 if row[at] is not None or row[at + 1] is not None),
            )
            for table, index in (("body", -2), ("summary", -1)):
                conn.executemany(
                    f"INSERT OR REPLACE INTO {table} (claim_id, lang, {table}) VALUES (?, ?, ?)",
                    ((row[0], row[1], row[index]) for row in rows),
                )

        return self._write(work)

    def clear(self) -> None:
        """Drop every entry: the next answer works every claim out again."""
        self._write(lambda conn: [conn.execute(f"DELETE FROM {t}") for t in TABLES])

    def forget(self, keep: Iterable[int]) -> bool:
        """Drop the entries of claims that are gone; False if that could not be done."""
        keep = set(keep)
        gone = [(i,) for (i,) in self._read("SELECT DISTINCT claim_id FROM status", [])
                if i not in keep]
        if not gone:
            return True

        def work(conn) -> None:
            for table in TABLES:
                conn.executemany(f"DELETE FROM {table} WHERE claim_id = ?", gone)

        return self._write(work)
