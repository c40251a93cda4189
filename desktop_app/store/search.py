"""Searching people, claims and documents through their full-text indexes (store/migrations.py).

Each read is one query that gives both the rows shown and how many match in all (a window
count), so that a search costs the same few queries whatever the size of the household. Rows in
the Trash never come out.
"""

from __future__ import annotations

# The columns of claims_fts a typed word is looked for in (the category is matched through its
# words, turned into category tokens by the caller).
CLAIM_TEXT_COLUMNS = ("title", "notes", "professional", "person", "dates")
PERSON_COLUMNS = ("name", "caisse", "mutuelle")


def category_token(category: str) -> str:
    """How a category is written in claims_fts (one token: see the migration)."""
    return "c" + category.replace("_", "")


class SearchRecords:
    """Mixed into the Store: ``self.db`` is its connection."""

    def find_people(self, match: str, limit: int) -> tuple[int, list[dict]]:
        rows = self.db.execute(
            "SELECT p.id, p.name, p.caisse_name, p.mutuelle_name, p.insured_id,"
            " f.name, f.caisse, f.mutuelle, count(*) OVER ()"
            " FROM people_fts f JOIN people p ON p.id = f.rowid"
            " WHERE people_fts MATCH ? AND p.trash_id IS NULL"
            " ORDER BY p.name COLLATE NOCASE LIMIT ?",
            [match, limit],
        ).fetchall()
        keys = ("id", "name", "caisse_name", "mutuelle_name", "insured_id",
                "name_text", "caisse_text", "mutuelle_text")
        return (rows[0][-1] if rows else 0), [dict(zip(keys, r)) for r in rows]

    def find_claims(self, match: str, limit: int) -> tuple[int, list[dict]]:
        """Newest care first: ranking thousands of claims would cost more than it tells."""
        rows = self.db.execute(
            "SELECT c.id, c.title, c.care_date, c.category, c.amount_paid, c.person_id,"
            " f.person, f.title, f.notes, f.professional, f.dates, count(*) OVER ()"
            " FROM claims_fts f JOIN claims c ON c.id = f.rowid"
            " WHERE claims_fts MATCH ? AND c.trash_id IS NULL"
            " ORDER BY c.care_date DESC, c.id DESC LIMIT ?",
            [match, limit],
        ).fetchall()
        keys = ("id", "title", "care_date", "category", "amount_paid", "person_id", "person",
                "title_text", "notes_text", "professional_text", "dates_text")
        return (rows[0][-1] if rows else 0), [dict(zip(keys, r)) for r in rows]

    def find_documents(self, match: str, limit: int) -> tuple[int, list[dict]]:
        """Best match first when few match; newest first when many do (ranking them all would
        cost more than typing the next letter)."""
        total = self.db.execute(
            "SELECT count(*) FROM documents_fts f JOIN documents d ON d.id = f.rowid"
            " WHERE documents_fts MATCH ? AND d.trash_id IS NULL",
            [match],
        ).fetchone()[0]
        if not total:
            return 0, []
        order = "bm25(documents_fts)" if total <= 4 * limit else "d.id DESC"
        rows = self.db.execute(
            "SELECT d.id, d.kind, d.original_name, d.person_id, d.claim_id, p.name,"
            " snippet(documents_fts, -1, '[', ']', '…', 12), bm25(documents_fts)"
            " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
            " LEFT JOIN people p ON p.id = d.person_id"
            f" WHERE documents_fts MATCH ? AND d.trash_id IS NULL ORDER BY {order} LIMIT ?",
            [match, limit],
        ).fetchall()
        keys = ("id", "kind", "original_name", "person_id", "claim_id", "person", "snippet",
                "rank")
        return total, [dict(zip(keys, r)) for r in rows]
