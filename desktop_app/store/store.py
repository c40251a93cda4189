"""The record store: people, documents and their fields, claims and their payer tracks."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from desktop_app.core.model import Claim, Document, DocumentField, Person
from desktop_app.store import folder_lock, originals, sql
from desktop_app.store.db import connect, id_chunks, now, record_clean_close, transaction
from desktop_app.store.layout_memory import LayoutMemoryRecords
from desktop_app.store.rows import (
    StoredEvent,
    claim_from_row,
    claim_to_row,
    document_from_row,
    event_from_row,
    field_to_row,
    person_from_row,
    person_to_row,
)
from desktop_app.store.search import SearchRecords
from desktop_app.store.trash import TrashRecords


class AlreadyStored(Exception):
    """The same bytes were recorded meanwhile (another process imported the same file)."""

    def __init__(self, document_id: int):
        super().__init__(document_id)
        self.document_id = document_id


class Store(TrashRecords, SearchRecords, LayoutMemoryRecords):
    def __init__(self, database: Path, originals_dir: Path, tmp_dir: Path, backups_dir: Path):
        self.database_path = database
        self.originals_dir = originals_dir
        self.tmp_dir = tmp_dir
        self.backups_dir = backups_dir
        self._root = database.parent
        # Opened by a running Paperasse already: it checked the file when it opened it.
        checked = folder_lock.in_use(self._root)
        folder_lock.acquire(self._root)  # a restore waits for (or refuses) every open record
        try:
            self.db: sqlite_utils.Database = connect(database, backups_dir, trusted=checked)
        except BaseException:
            folder_lock.release(self._root)
            raise
        self._open = True
        self._status_cache = None

    @property
    def status_cache(self):
        """The worked-out statuses kept between runs (store/status_cache.py)."""
        if self._status_cache is None:
            from desktop_app.store.status_cache import StatusCache

            self._status_cache = StatusCache(self._root / "cache" / "status.db")
        return self._status_cache

    @classmethod
    def open(cls, paths) -> Store:
        return cls(paths.database, paths.originals, paths.tmp, paths.backups)

    def close(self) -> None:
        if self._status_cache is not None:
            self._status_cache.close()
        self.db.close()
        if self._open:
            self._open = False
            folder_lock.release(self._root)
            if not folder_lock.in_use(self._root):  # the last one out: the file is at rest
                record_clean_close(self.database_path)

    def transaction(self):
        return transaction(self.db)

    def data_version(self) -> int:
        """SQLite's counter of commits made by other connections: one cheap read, no file scan
        (the window polls it to notice what the command line changed)."""
        return self.db.conn.execute("PRAGMA data_version").fetchone()[0]

    @contextlib.contextmanager
    def snapshot(self):
        """Reads that all see the record as it was at the first of them (a WAL read
        transaction): an answer built from several queries is never half before and half after
        another process's write."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def _rows(self, sql: str, params: Iterable = ()) -> list[dict]:
        return list(self.db.query(sql, list(params)))

    def _one(self, sql: str, params: Iterable = ()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    # People

    def add_person(self, person: Person) -> int:
        row = person_to_row(person)
        row["created_at"] = row["updated_at"] = now()
        with self.transaction():
            return self.db["people"].insert(row).last_pk

    def update_person(self, person: Person) -> None:
        row = person_to_row(person)
        row["updated_at"] = now()
        with self.transaction():
            self.db["people"].update(person.id, row)

    def person(self, person_id: int) -> Person | None:
        row = self._one("SELECT * FROM people WHERE id = ? AND trash_id IS NULL", [person_id])
        return person_from_row(row) if row else None

    def person_by_name(self, name: str) -> Person | None:
        row = self._one("SELECT * FROM people WHERE name = ? COLLATE NOCASE AND trash_id IS NULL", [name.strip()])
        return person_from_row(row) if row else None

    def people(self) -> list[Person]:
        return [person_from_row(r) for r in self._rows(
            "SELECT * FROM people WHERE trash_id IS NULL ORDER BY name")]

    # Documents

    def document_id_by_sha(self, sha256: str) -> int | None:
        """The document holding these bytes, in the Trash or not (the bytes are stored once)."""
        row = self._one("SELECT id FROM documents WHERE sha256 = ?", [sha256])
        return row["id"] if row else None

    def insert_document(self, row: dict, fields: list[DocumentField]) -> int:
        """Insert a document row and its fields inside the caller's transaction."""
        stamp = now()
        row = dict(row, imported_at=row.get("imported_at") or stamp)
        row["fields_text"] = _fields_text(fields)
        try:
            doc_id = self.db["documents"].insert(row).last_pk
        except sql.IntegrityError:
            existing = self.document_id_by_sha(row["sha256"])
            if existing is None:
                raise
            raise AlreadyStored(existing) from None
        for f in fields:
            self.db["document_fields"].insert(field_to_row(doc_id, f, stamp))
        return doc_id

    def document(self, document_id: int) -> Document | None:
        row = self._one("SELECT * FROM documents WHERE id = ? AND trash_id IS NULL", [document_id])
        if not row:
            return None
        fields = self._rows(
            "SELECT * FROM document_fields WHERE document_id = ? ORDER BY id", [document_id]
        )
        return document_from_row(row, fields)

    def document_row(self, document_id: int) -> dict | None:
        return self._one(
            "SELECT * FROM documents WHERE id = ? AND trash_id IS NULL", [document_id]
        )

    def documents(
        self,
        person_id: int | None = None,
        claim_id: int | None = None,
        unlinked: bool = False,
        limit: int | None = None,
        with_text: bool = True,
        claim_ids: Iterable[int] | None = None,
    ) -> list[Document]:
        """Documents with their fields; ``with_text=False`` leaves out the read text (the bulk
        of the table), for answers that only look at the fields."""
        where, params = ["trash_id IS NULL"], []
        if person_id is not None:
            where.append("person_id = ?")
            params.append(person_id)
        if claim_id is not None:
            where.append("claim_id = ?")
            params.append(claim_id)
        if unlinked:
            where.append("claim_id IS NULL")
        if claim_ids is not None:
            claim_ids = [int(i) for i in claim_ids]  # ints only: they are written into the SQL
            where.append(f"claim_id IN ({','.join(map(str, claim_ids)) or 'NULL'})")
        sql = "SELECT * FROM documents" if with_text else (
            "SELECT " + ", ".join(c for c in self._document_columns() if c not in ("text", "fields_text"))
            + " FROM documents"
        )
        sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self._rows(sql, params)
        fields_by_doc: dict[int, list[dict]] = {}
        if rows and len(where) == 1 and not limit:
            # Every document: every field in one query, not one query per 500 documents.
            for f in self._rows(
                "SELECT * FROM document_fields WHERE document_id IN"
                " (SELECT id FROM documents WHERE trash_id IS NULL) ORDER BY id"
            ):
                fields_by_doc.setdefault(f["document_id"], []).append(f)
        elif rows:
            for f in self._in_chunks("SELECT * FROM document_fields", "document_id",
                                     [r["id"] for r in rows]):
                fields_by_doc.setdefault(f["document_id"], []).append(f)
        return [document_from_row(r, fields_by_doc.get(r["id"], [])) for r in rows]

    def _document_columns(self) -> list[str]:
        return [r[1] for r in self.db.execute("PRAGMA table_info(documents)").fetchall()]

    def claims_sent_to_mutuelle(self) -> dict[int, set[int]]:
        """Per person, the ids of their claims with an active "sent" step on the mutuelle track."""
        found: dict[int, set[int]] = {}
        for person_id, claim_id in self.db.execute(
            "SELECT DISTINCT c.person_id, e.claim_id FROM track_events e"
            " JOIN claims c ON c.id = e.claim_id"
            " WHERE e.payer = 'mutuelle' AND e.state = 'sent' AND e.undone = 0"
            " AND c.trash_id IS NULL"
        ).fetchall():
            found.setdefault(person_id, set()).add(claim_id)
        return found

    def claim_field_values(self, kind: str, name: str) -> dict[int, list]:
        """claim id -> the values of one field on the claim's documents of one kind (one query,
        for every claim: e.g. the LPP codes printed on invoices)."""
        found: dict[int, list] = {}
        for claim_id, value in self.db.execute(
            "SELECT d.claim_id, f.value FROM document_fields f JOIN documents d"
            " ON d.id = f.document_id WHERE d.claim_id IS NOT NULL AND d.kind = ? AND f.name = ?"
            " AND d.trash_id IS NULL"
            " ORDER BY d.id",
            [kind, name],
        ).fetchall():
            try:
                found.setdefault(claim_id, []).append(json.loads(value) if value else None)
            except ValueError:
                continue
        return found

    def set_fields(self, document_id: int, fields: list[DocumentField]) -> None:
        """Write fields (replacing same-named ones) and refresh the search text."""
        stamp = now()
        with self.transaction():
            for f in fields:
                self._upsert_field(document_id, f, stamp)
            self._refresh_fields_text(document_id)

    def remove_field(self, document_id: int, name: str) -> None:
        with self.transaction():
            self.db.execute(
                "DELETE FROM document_fields WHERE document_id = ? AND name = ?", [document_id, name]
            )
            self._refresh_fields_text(document_id)

    def _upsert_field(self, document_id: int, f: DocumentField, stamp: str) -> None:
        row = field_to_row(document_id, f, stamp)
        self.db.execute(
            "INSERT INTO document_fields (document_id, name, value, source, confidence, confirmed,"
            " page, bbox, source_text, updated_at) VALUES (:document_id, :name, :value, :source,"
            " :confidence, :confirmed, :page, :bbox, :source_text, :updated_at)"
            " ON CONFLICT(document_id, name) DO UPDATE SET value = excluded.value,"
            " source = excluded.source, confidence = excluded.confidence,"
            " confirmed = excluded.confirmed, page = excluded.page, bbox = excluded.bbox,"
            " source_text = excluded.source_text, updated_at = excluded.updated_at",
            row,
        )

    def replace_read(self, document_id: int, values: dict, fields: list[DocumentField]) -> None:
        """Store a new reading of a document; fields the user confirmed are kept."""
        stamp = now()
        with self.transaction():
            self.db["documents"].update(document_id, values)
            confirmed = {
                r["name"]
                for r in self._rows(
                    "SELECT name FROM document_fields WHERE document_id = ? AND confirmed = 1",
                    [document_id],
                )
            }
            self.db.execute(
                "DELETE FROM document_fields WHERE document_id = ? AND confirmed = 0", [document_id]
            )
            for f in fields:
                if f.name not in confirmed:
                    self._upsert_field(document_id, f, stamp)
            self._refresh_fields_text(document_id)

    def _refresh_fields_text(self, document_id: int) -> None:
        rows = self._rows(
            "SELECT name, value FROM document_fields WHERE document_id = ?", [document_id]
        )
        text = _fields_text_from_rows(rows)
        self.db.execute("UPDATE documents SET fields_text = ? WHERE id = ?", [text, document_id])

    def update_document(self, document_id: int, values: dict) -> None:
        with self.transaction():
            self.db["documents"].update(document_id, values)

    def stored_path(self, document_id: int) -> Path | None:
        row = self._one("SELECT stored_name FROM documents WHERE id = ?", [document_id])
        return originals.path_of(self.originals_dir, row["stored_name"]) if row else None

    def stored_originals(self) -> list[tuple[str, str]]:
        """(stored_name, sha256) of every document."""
        return [tuple(r) for r in self.db.execute("SELECT stored_name, sha256 FROM documents")]

    def known_stored_names(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT stored_name FROM documents").fetchall()}

    def search(self, query: str, limit: int = 50) -> list[dict]:
        return self._rows(
            "SELECT d.id, d.kind, d.original_name, d.person_id, d.claim_id,"
            " snippet(documents_fts, -1, '[', ']', '…', 12) AS snippet,"
            " bm25(documents_fts) AS rank"
            " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
            " WHERE documents_fts MATCH ? AND d.trash_id IS NULL ORDER BY rank LIMIT ?",
            [query, limit],
        )

    # Claims

    def add_claim(self, claim: Claim) -> int:
        row = claim_to_row(claim)
        row["created_at"] = row["updated_at"] = now()
        with self.transaction():
            return self.db["claims"].insert(row).last_pk

    def update_claim(self, claim: Claim) -> None:
        row = claim_to_row(claim)
        row["updated_at"] = now()
        with self.transaction():
            self.db["claims"].update(claim.id, row)

    def claim(self, claim_id: int) -> Claim | None:
        row = self._one("SELECT * FROM claims WHERE id = ? AND trash_id IS NULL", [claim_id])
        return claim_from_row(row) if row else None

    def claims(self, person_id: int | None = None, year: int | None = None,
               undated: bool = True) -> list[Claim]:
        """Every claim, or a person's; with ``year``, only that person's claims of that year
        (and the undated ones, when ``undated``)."""
        if person_id is not None and year is not None:
            rows = self._rows(
                "SELECT * FROM claims WHERE person_id = ? AND trash_id IS NULL"
                " AND (care_date >= ? AND care_date < ? OR (? AND care_date IS NULL))"
                " ORDER BY care_date DESC, id DESC",
                [person_id, f"{year:04d}-01-01", f"{year + 1:04d}-01-01", int(undated)],
            )
        elif person_id is None:
            rows = self._rows(
                "SELECT * FROM claims WHERE trash_id IS NULL ORDER BY care_date DESC, id DESC"
            )
        else:
            rows = self._rows(
                "SELECT * FROM claims WHERE person_id = ? AND trash_id IS NULL"
                " ORDER BY care_date DESC, id DESC",
                [person_id],
            )
        return [claim_from_row(r) for r in rows]

    def claim_keys(self, person_ids: Iterable[int] | None = None) -> list[tuple]:
        """(id, person id, care date, category, revision) of every claim (of these people),
        newest care first (undated last): what the status cache needs to tell which statuses
        still hold, without loading the claims."""
        where, params = "", []
        if person_ids is not None:
            params = sorted(set(person_ids))
            where = f" AND c.person_id IN ({','.join('?' * len(params))})"
        return self.db.execute(
            "SELECT c.id, c.person_id, c.care_date, c.category, r.rev FROM claims c"
            f" LEFT JOIN claim_revisions r ON r.claim_id = c.id WHERE c.trash_id IS NULL{where}"
            " ORDER BY c.care_date DESC, c.id DESC",
            params,
        ).fetchall()

    def persons_of_claims(self, ids: Iterable[int]) -> set[int]:
        """The people these claims (those not in the Trash) belong to."""
        found: set[int] = set()
        for chunk, marks in id_chunks(list(ids), 900):
            found.update(r[0] for r in self.db.execute(
                f"SELECT DISTINCT person_id FROM claims WHERE trash_id IS NULL AND id IN ({marks})",
                chunk))
        return found

    def claim_revisions(self) -> dict[int, int | None]:
        """claim id -> its revision; None for a claim without a care date (never kept)."""
        return dict(self.db.execute(
            "SELECT c.id, CASE WHEN c.care_date IS NULL THEN NULL ELSE r.rev END FROM claims c"
            " LEFT JOIN claim_revisions r ON r.claim_id = c.id WHERE c.trash_id IS NULL"
        ))

    def claim_ids(self, person_id: int | None = None, year: int | None = None) -> list[int]:
        """The ids of the claims (of a person, of a year of care), newest care first."""
        where, params = ["trash_id IS NULL"], []
        if person_id is not None:
            where.append("person_id = ?")
            params.append(person_id)
        if year is not None:
            where.append("substr(care_date, 1, 4) = ?")
            params.append(f"{int(year):04d}")
        sql = "SELECT id FROM claims WHERE " + " AND ".join(where)
        return [i for (i,) in self.db.execute(sql + " ORDER BY care_date DESC, id DESC", params)]

    def claims_by_ids(self, ids: Iterable[int]) -> list[Claim]:
        return [claim_from_row(r) for r in self._in_chunks(
            "SELECT * FROM claims", "id", ids, also="trash_id IS NULL")]

    def events_of(self, claim_ids: Iterable[int]) -> list[StoredEvent]:
        """The steps of these claims, each claim's in the order they were recorded."""
        return [event_from_row(r) for r in self._in_chunks(
            "SELECT * FROM track_events", "claim_id", claim_ids)]

    def _in_chunks(self, select: str, column: str, ids: Iterable[int],
                   also: str = "") -> list[dict]:
        """The rows whose ``column`` is one of ``ids``, in row order within each id (an id's
        rows all come from one chunk)."""
        rows = []
        for chunk, marks in id_chunks(ids):
            where = f"{also} AND " if also else ""
            rows += self._rows(f"{select} WHERE {where}{column} IN ({marks}) ORDER BY id", chunk)
        return rows

    def link_document(self, document_id: int, claim_id: int | None) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE documents SET claim_id = ? WHERE id = ?", [claim_id, document_id]
            )

    # Payer track events

    def add_event(self, event: dict) -> int:
        event = dict(event, at=event.get("at") or now())
        with self.transaction():
            return self.db["track_events"].insert(event).last_pk

    def events(self, claim_id: int | None = None) -> list[StoredEvent]:
        """The steps of one claim, or of every claim not in the Trash, in the order recorded."""
        if claim_id is None:
            rows = self._rows(
                "SELECT * FROM track_events WHERE claim_id IN"
                " (SELECT id FROM claims WHERE trash_id IS NULL) ORDER BY id"
            )
        else:
            rows = self._rows(
                "SELECT * FROM track_events WHERE claim_id = ? ORDER BY id", [claim_id]
            )
        return [event_from_row(r) for r in rows]

    def mark_event_undone(self, event_id: int) -> None:
        with self.transaction():
            self.db.execute("UPDATE track_events SET undone = 1 WHERE id = ?", [event_id])

    # Settings

    def setting(self, key: str, default=None):
        row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return json.loads(row["value"]) if row else default

    def set_setting(self, key: str, value) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )

    def counts(self) -> dict[str, int]:
        return {
            t: self.db.execute(f"SELECT count(*) FROM {t} WHERE trash_id IS NULL").fetchone()[0]
            for t in ("people", "documents", "claims")
        }


def _fields_text(fields: list[DocumentField]) -> str:
    return _fields_text_from_rows(
        [{"name": f.name, "value": json.dumps(f.value, ensure_ascii=False)} for f in fields]
    )


def _fields_text_from_rows(rows: list[dict]) -> str:
    parts = []
    for r in rows:
        value = json.loads(r["value"]) if r["value"] else None
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            value = " ; ".join(str(v) for v in value)
        parts.append(f"{r['name']}: {value}")
    return "\n".join(parts)


def is_disk_full(exc: BaseException) -> bool:
    """Whether a failed write failed because the disk (or its quota) is full."""
    if isinstance(exc, OSError):
        import errno

        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    return isinstance(exc, sql.Error) and "full" in str(exc).lower()
