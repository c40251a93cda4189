"""The Trash in the record store: what a delete marks, what a restore unmarks, what emptying
removes for good.

A deleted row stays where it is with ``trash_id`` naming its entry (store/schema/trash.py, step
6): its id is never given to another row, and restoring is clearing the mark, so every link
comes back as it was. Every household read of the Store leaves marked rows out.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from desktop_app.store.db import id_chunks, now
from desktop_app.store.records import Records

KINDS = ("document", "claim", "person")


class TrashRow(NamedTuple):
    id: int
    kind: str
    item_id: int
    label: str
    deleted_at: str
    people: int
    claims: int
    documents: int


class Blocked(NamedTuple):
    """Why an entry cannot come back yet: what it belongs to is in the Trash itself."""

    kind: str  # "person" or "claim"
    item_id: int
    label: str


class TrashRecords(Records):
    """Mixed into :class:`desktop_app.store.store.Store`."""

    def _new_entry(self, kind: str, item_id: int, label: str, unlinked=()) -> int:
        return self.db.execute(
            "INSERT INTO trash (kind, item_id, label, deleted_at, unlinked) VALUES (?, ?, ?, ?, ?)",
            [kind, item_id, label, now(), json.dumps(sorted(unlinked))],
        ).lastrowid

    def trash_document(self, document_id: int, label: str) -> int:
        with self.transaction():
            entry = self._new_entry("document", document_id, label)
            self.db.execute(
                "UPDATE documents SET trash_id = ? WHERE id = ? AND trash_id IS NULL",
                [entry, document_id],
            )
            return entry

    def trash_claim(self, claim_id: int, label: str, with_documents: bool) -> int:
        """The claim, and its documents too or else back to the Inbox (remembered, so that a
        restore attaches them again)."""
        with self.transaction():
            docs = [i for (i,) in self.db.execute(
                "SELECT id FROM documents WHERE claim_id = ? AND trash_id IS NULL", [claim_id])]
            entry = self._new_entry("claim", claim_id, label, () if with_documents else docs)
            self.db.execute("UPDATE claims SET trash_id = ? WHERE id = ?", [entry, claim_id])
            if with_documents:
                self.db.execute(
                    "UPDATE documents SET trash_id = ? WHERE claim_id = ? AND trash_id IS NULL",
                    [entry, claim_id],
                )
            else:
                self.db.execute(
                    "UPDATE documents SET claim_id = NULL WHERE claim_id = ? AND trash_id IS NULL",
                    [claim_id],
                )
            return entry

    def trash_person(self, person_id: int, label: str) -> int:
        """The person with every claim and document of theirs, as one entry."""
        with self.transaction():
            entry = self._new_entry("person", person_id, label)
            self.db.execute("UPDATE people SET trash_id = ? WHERE id = ?", [entry, person_id])
            self.db.execute(
                "UPDATE claims SET trash_id = ? WHERE person_id = ? AND trash_id IS NULL",
                [entry, person_id],
            )
            self.db.execute(
                "UPDATE documents SET trash_id = ? WHERE trash_id IS NULL AND (person_id = ?"
                " OR claim_id IN (SELECT id FROM claims WHERE trash_id = ?))",
                [entry, person_id, entry],
            )
            return entry

    def beneficiaries_of(self, person_id: int) -> list[str]:
        """The names of those (not in the Trash) whose insured person this is."""
        return [n for (n,) in self.db.execute(
            "SELECT name FROM people WHERE insured_id = ? AND trash_id IS NULL ORDER BY name",
            [person_id],
        )]

    def trash_entries(self) -> list[TrashRow]:
        """Every entry, the newest first, with how many rows of each kind went with it."""
        return [TrashRow(*r) for r in self.db.execute(
            "SELECT t.id, t.kind, t.item_id, t.label, t.deleted_at,"
            " (SELECT count(*) FROM people p WHERE p.trash_id = t.id),"
            " (SELECT count(*) FROM claims c WHERE c.trash_id = t.id),"
            " (SELECT count(*) FROM documents d WHERE d.trash_id = t.id)"
            " FROM trash t ORDER BY t.deleted_at DESC, t.id DESC"
        )]

    def trash_entry(self, entry_id: int) -> TrashRow | None:
        return next((e for e in self.trash_entries() if e.id == entry_id), None)

    def trash_entry_of(self, kind: str, item_id: int) -> int | None:
        """The entry a person, claim or document went to the Trash with, if it is there."""
        table = {"document": "documents", "claim": "claims", "person": "people"}[kind]
        row = self.db.execute(f"SELECT trash_id FROM {table} WHERE id = ?", [item_id]).fetchone()
        return row[0] if row else None

    def trashed_person_named(self, name: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM people WHERE name = ? COLLATE NOCASE AND trash_id IS NOT NULL",
            [name.strip()],
        ).fetchone()
        return row[0] if row else None

    def restore_blocked_by(self, entry_id: int) -> Blocked | None:
        """What of another entry this one's rows belong to (restore that first), or None."""
        row = self.db.execute(
            "SELECT p.id, p.name FROM people p WHERE p.trash_id IS NOT NULL AND p.trash_id != ?"
            " AND p.id IN (SELECT person_id FROM claims WHERE trash_id = ?"
            "  UNION SELECT person_id FROM documents WHERE trash_id = ?"
            "  UNION SELECT insured_id FROM people WHERE trash_id = ?) LIMIT 1",
            [entry_id] * 4,
        ).fetchone()
        if row:
            return Blocked("person", row[0], row[1])
        row = self.db.execute(
            "SELECT c.id, coalesce(c.title, c.category) FROM claims c"
            " WHERE c.trash_id IS NOT NULL AND c.trash_id != ?"
            " AND c.id IN (SELECT claim_id FROM documents WHERE trash_id = ?) LIMIT 1",
            [entry_id, entry_id],
        ).fetchone()
        return Blocked("claim", row[0], row[1] or "") if row else None

    def restore_entry(self, entry_id: int) -> None:
        """Unmark every row of the entry; documents a deleted claim left in the Inbox are attached
        again if they are still there (not filed elsewhere or deleted meanwhile)."""
        with self.transaction():
            row = self.db.execute(
                "SELECT kind, item_id, unlinked FROM trash WHERE id = ?", [entry_id]
            ).fetchone()
            if row is None:
                return
            kind, item_id, unlinked = row
            for table in ("people", "claims", "documents"):
                self.db.execute(f"UPDATE {table} SET trash_id = NULL WHERE trash_id = ?",
                                [entry_id])
            if kind == "claim":
                for chunk, marks in id_chunks(json.loads(unlinked or "[]")):
                    self.db.execute(
                        f"UPDATE documents SET claim_id = ? WHERE id IN ({marks})"
                        " AND claim_id IS NULL AND trash_id IS NULL",
                        [item_id, *chunk],
                    )
            self.db.execute("DELETE FROM trash WHERE id = ?", [entry_id])

    def purge_entries(self, entry_ids: list[int]) -> list[str]:
        """Remove these entries and their rows for good; returns the stored names of the
        documents removed (their files go once no row refers to them)."""
        names: list[str] = []
        with self.transaction():
            for entry_id in entry_ids:
                names += [n for (n,) in self.db.execute(
                    "SELECT stored_name FROM documents WHERE trash_id = ?", [entry_id])]
                # Rows of other entries that point at these: the link goes, the row stays.
                self.db.execute(
                    "UPDATE documents SET claim_id = NULL WHERE claim_id IN"
                    " (SELECT id FROM claims WHERE trash_id = ?) AND trash_id IS NOT ?",
                    [entry_id, entry_id])
                self.db.execute(
                    "UPDATE documents SET person_id = NULL WHERE person_id IN"
                    " (SELECT id FROM people WHERE trash_id = ?) AND trash_id IS NOT ?",
                    [entry_id, entry_id])
                self.db.execute(
                    "UPDATE people SET insured_id = NULL WHERE insured_id IN"
                    " (SELECT id FROM people WHERE trash_id = ?) AND trash_id IS NOT ?",
                    [entry_id, entry_id])
                self.db.execute("DELETE FROM documents WHERE trash_id = ?", [entry_id])
                self.db.execute("DELETE FROM claims WHERE trash_id = ?", [entry_id])
                self.db.execute("DELETE FROM people WHERE trash_id = ?", [entry_id])
                self.db.execute("DELETE FROM trash WHERE id = ?", [entry_id])
        return names

    def stored_name_in_use(self, name: str) -> bool:
        return self.db.execute(
            "SELECT 1 FROM documents WHERE stored_name = ? LIMIT 1", [name]
        ).fetchone() is not None
