"""Worked-out claim statuses kept between runs, so a household-wide answer only works out again
the claims that changed.

The cache is its own file (``cache/status.db`` in the data folder), never backed up or archived:
deleting it loses nothing, and a damaged or foreign one is replaced without a word. An entry
counts only while everything it was worked out from is as it was (services/household.py says
what that is); the claim's own inputs are followed by ``claim_revisions``, a random revision the
main database's triggers change (store/migrations.py, step 5).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import NamedTuple
from pathlib import Path

# Changing what an entry holds (columns or the shape of the status) means a new number here:
# an older file is then dropped and rebuilt.
FORMAT = 5
BUSY_TIMEOUT_S = 2.0
MMAP_BYTES = 1 << 30

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
        figures TEXT NOT NULL,
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

# A claim's part in the totals, in cents (services/household.py _figures, in this order).
FIGURES = ("paid", "left_to_pay", "cpam_owed", "cpam_expected", "cpam_received",
           "mutuelle_owed", "mutuelle_expected", "mutuelle_received")
COLUMNS = ("claim_id", "lang", "rev", "stamp", "context", "computed_on", "valid_until",
           "deductions", "amc", "figures", "person_id", "year", *FIGURES,
           "person_problems", "problems")


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
        self._conn: sqlite3.Connection | None = None

    # Opening: a cache that cannot be opened is rebuilt, never an error for the user.
    def _open(self) -> sqlite3.Connection | None:
        if self._conn is not None:
            return self._conn
        try:
            self.path.parent.mkdir(mode=0o700, exist_ok=True)
            self._conn = self._connect()
        except sqlite3.OperationalError:
            # Busy (another process is setting it up) or unwritable: this answer goes without.
            # Never removed here: other connections may be using the file.
            self._conn = None
        except (sqlite3.DatabaseError, OSError):
            self._discard()  # not a database at all: nobody can be using it
            try:
                self._conn = self._connect()
            except (sqlite3.DatabaseError, OSError):
                self._conn = None  # a read-only folder: answers are worked out every time
        return self._conn

    def _connect(self) -> sqlite3.Connection:
        existed = self.path.exists()
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                               check_same_thread=False)
        try:
            if not existed:
                self.path.chmod(0o600)
                # Statuses are a few kilobytes each: bigger pages hold them without waste.
                conn.execute("PRAGMA page_size = 32768")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, FORMAT):  # another version's entries: dropped in one step
                conn.executescript(
                    "BEGIN IMMEDIATE; DROP TABLE IF EXISTS status; DROP TABLE IF EXISTS body;"
                    " DROP TABLE IF EXISTS summary; PRAGMA user_version = 0; COMMIT;"
                )
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = OFF")  # a lost write is only worked out again
            conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")  # read in place, not copied
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

    # Reading
    def entries(self, lang: str, stamp: str, day: str) -> dict[int, tuple]:
        """claim id -> its Entry's fields as a plain tuple (read for every claim), for the
        entries worked out under ``stamp`` that hold on ``day``."""
        conn = self._open()
        if conn is None:
            return {}
        try:
            rows = conn.execute(
                "SELECT claim_id, rev, context, deductions, amc, person_id FROM status"
                " WHERE lang = ?"
                " AND stamp = ? AND computed_on <= ? AND (valid_until IS NULL OR ? < valid_until)",
                [lang, stamp, day, day],
            ).fetchall()
            return {row[0]: row[1:] for row in rows}
        except sqlite3.DatabaseError:
            return {}

    def revisions(self, lang: str, stamp: str, day: str) -> dict[int, int]:
        """claim id -> the revision its kept status was worked out from, for the entries worked
        out under ``stamp`` that hold on ``day``."""
        conn = self._open()
        if conn is None:
            return {}
        try:
            return dict(conn.execute(
                "SELECT claim_id, rev FROM status WHERE lang = ? AND stamp = ?"
                " AND computed_on <= ? AND (valid_until IS NULL OR ? < valid_until)",
                [lang, stamp, day, day],
            ))
        except sqlite3.DatabaseError:
            return {}

    def figures(self, lang: str, ids: Iterable[int]) -> dict[int, str]:
        """claim id -> its part in the totals (services/household.py _figures)."""
        return self._by_claim("SELECT claim_id, figures FROM status", lang, ids)

    def totals(self, lang: str, stamp: str, day: str, person_id: int | None, year: int | None
               ) -> list[tuple]:
        """(person id, year, *FIGURES summed) per person and year of the entries that hold, added
        up by SQLite: for when every claim's entry holds."""
        conn = self._open()
        if conn is None:
            return []
        where = ["lang = ?", "stamp = ?", "computed_on <= ?",
                 "(valid_until IS NULL OR ? < valid_until)"]
        params: list = [lang, stamp, day, day]
        if person_id is not None:
            where.append("person_id = ?")
            params.append(person_id)
        if year is not None:
            where.append("year = ?")
            params.append(f"{int(year):04d}")
        sums = ", ".join(f"SUM({f})" for f in FIGURES)
        try:
            return conn.execute(
                f"SELECT person_id, year, {sums} FROM status WHERE {' AND '.join(where)}"
                " GROUP BY person_id, year",
                params,
            ).fetchall()
        except sqlite3.DatabaseError:
            return []

    def _by_claim(self, select: str, lang: str, ids: Iterable[int]) -> dict[int, str]:
        conn = self._open()
        found: dict[int, str] = {}
        if conn is None:
            return found
        ids = list(ids)
        try:
            if len(ids) > 5000:  # most of the household: one walk over the table
                everything = dict(conn.execute(f"{select} WHERE lang = ?", [lang]))
                if len(everything) == len(ids):
                    return everything  # the same claims (the caller asks for all it holds)
                wanted = set(ids)
                return {i: v for i, v in everything.items() if i in wanted}
            for start in range(0, len(ids), 900):
                chunk = ids[start : start + 900]
                marks = ",".join("?" * len(chunk))
                found.update(conn.execute(
                    f"{select} WHERE lang = ? AND claim_id IN ({marks})", [lang, *chunk]
                ))
        except sqlite3.DatabaseError:
            return {}
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
        conn = self._open()
        if conn is None:
            return {}
        try:
            return {
                claim_id: (person, own)
                for claim_id, person, own in conn.execute(
                    "SELECT claim_id, person_problems, problems FROM status WHERE lang = ?"
                    " AND (problems IS NOT NULL OR person_problems IS NOT NULL)",
                    [lang],
                )
            }
        except sqlite3.DatabaseError:
            return {}

    # Writing: best effort. Another process writing, a full disk: the next answer works it out.
    def save(self, rows: list[tuple]) -> bool:
        """Keep these entries: each a tuple of COLUMNS, then the status and its summary as JSON
        text."""
        conn = self._open()
        if conn is None or not rows:
            return False
        marks = ",".join("?" * len(COLUMNS))
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(
                    f"INSERT OR REPLACE INTO status ({', '.join(COLUMNS)}) VALUES ({marks})",
                    (row[:-2] for row in rows),
                )
                conn.executemany(
                    "INSERT OR REPLACE INTO body (claim_id, lang, body) VALUES (?, ?, ?)",
                    ((row[0], row[1], row[-2]) for row in rows),
                )
                conn.executemany(
                    "INSERT OR REPLACE INTO summary (claim_id, lang, summary) VALUES (?, ?, ?)",
                    ((row[0], row[1], row[-1]) for row in rows),
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError:
            return False
        return True

    def clear(self) -> None:
        """Drop every entry: the next answer works every claim out again."""
        conn = self._open()
        if conn is not None:
            try:
                conn.execute("DELETE FROM status")
                conn.execute("DELETE FROM body")
                conn.execute("DELETE FROM summary")
            except sqlite3.DatabaseError:
                pass

    def forget(self, keep: Iterable[int]) -> bool:
        """Drop the entries of claims that are gone; False if that could not be done."""
        conn = self._open()
        if conn is None:
            return False
        keep = set(keep)
        try:
            gone = [(i,) for (i,) in conn.execute("SELECT DISTINCT claim_id FROM status")
                    if i not in keep]
            if gone:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    for table in ("status", "body", "summary"):
                        conn.executemany(f"DELETE FROM {table} WHERE claim_id = ?", gone)
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
        except sqlite3.DatabaseError:
            return False
        return True
