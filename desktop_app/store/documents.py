"""The Store's documents: each stored original's row, the fields read on it (``document_fields``)
and the text they are searched by (``fields_text``), and which claim it belongs to."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from desktop_app.core.model import Document, DocumentField
from desktop_app.store import originals, sql
from desktop_app.store.db import now
from desktop_app.store.records import Records
from desktop_app.store.rows import document_from_row, field_to_row


class AlreadyStored(Exception):
    """The same bytes were recorded meanwhile (another process imported the same file)."""

    def __init__(self, document_id: int):
        super().__init__(document_id)
        self.document_id = document_id


class DocumentRecords(Records):
    originals_dir: Path  # where the Store keeps the originals (store/originals.py)

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
            doc_id = self._insert("documents", row)
        except sql.IntegrityError:
            existing = self.document_id_by_sha(row["sha256"])
            if existing is None:
                raise
            raise AlreadyStored(existing) from None
        for f in fields:
            self._insert("document_fields", field_to_row(doc_id, f, stamp))
        return doc_id

    def document(self, document_id: int) -> Document | None:
        row = self._live_row("documents", document_id)
        if not row:
            return None
        fields = self._rows(
            "SELECT * FROM document_fields WHERE document_id = ? ORDER BY id", [document_id]
        )
        return document_from_row(row, fields)

    def document_row(self, document_id: int) -> dict | None:
        return self._live_row("documents", document_id)

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
            self._table("documents").update(document_id, values)
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
            self._table("documents").update(document_id, values)

    def stored_path(self, document_id: int) -> Path | None:
        row = self._one("SELECT stored_name FROM documents WHERE id = ?", [document_id])
        return originals.path_of(self.originals_dir, row["stored_name"]) if row else None

    def stored_originals(self) -> list[tuple[str, str]]:
        """(stored_name, sha256) of every document."""
        return [tuple(r) for r in self.db.execute("SELECT stored_name, sha256 FROM documents")]

    def known_stored_names(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT stored_name FROM documents").fetchall()}

    def link_document(self, document_id: int, claim_id: int | None) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE documents SET claim_id = ? WHERE id = ?", [claim_id, document_id]
            )


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
