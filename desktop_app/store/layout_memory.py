"""The remembered layouts of issuers, and the read pages' words they are learnt from."""

from __future__ import annotations

from desktop_app.store.db import now
from desktop_app.store.records import Records


class LayoutMemoryRecords(Records):
    """Mixed into the Store."""

    def layout_memories(self) -> list[dict]:
        return self._rows("SELECT * FROM layout_memories ORDER BY id")

    def layout_memory(self, memory_id: int) -> dict | None:
        return self._one("SELECT * FROM layout_memories WHERE id = ?", [memory_id])

    def save_layout_memory(self, row: dict) -> int:
        """Write a remembered layout: the row with the same id, else the same issuer and kind,
        is replaced (its uses and creation kept); returns its id."""
        stamp = now()
        with self.transaction():
            existing = None
            if row.get("id") is not None:
                existing = self.layout_memory(row["id"])
            if existing is None:
                existing = self._one(
                    "SELECT * FROM layout_memories WHERE kind = ? AND issuer_type = ?"
                    " AND issuer_key = ?", [row["kind"], row["issuer_type"], row["issuer_key"]])
            values = {k: row[k] for k in ("kind", "issuer_type", "issuer_key", "issuer_name",
                                          "fingerprint", "fields", "document_id") if k in row}
            if existing is None:
                return self._insert("layout_memories",
                                    dict(values, uses=0, created_at=stamp, updated_at=stamp))
            self._table("layout_memories").update(existing["id"], dict(values, updated_at=stamp))
            return existing["id"]

    def layout_memory_used(self, memory_id: int) -> None:
        self.db.execute("UPDATE layout_memories SET uses = uses + 1 WHERE id = ?", [memory_id])

    def forget_layout_memory(self, memory_id: int) -> bool:
        with self.transaction():
            cursor = self.db.execute("DELETE FROM layout_memories WHERE id = ?", [memory_id])
        return cursor.rowcount > 0

    def forget_layout_memories(self) -> int:
        with self.transaction():
            cursor = self.db.execute("DELETE FROM layout_memories")
        return cursor.rowcount

    def set_document_pages(self, document_id: int, pages: bytes) -> None:
        self.db.execute(
            "INSERT INTO document_pages (document_id, pages) VALUES (?, ?)"
            " ON CONFLICT(document_id) DO UPDATE SET pages = excluded.pages",
            [document_id, pages])

    def document_pages(self, document_id: int) -> bytes | None:
        row = self.db.execute(
            "SELECT pages FROM document_pages WHERE document_id = ?", [document_id]).fetchone()
        return row[0] if row else None
