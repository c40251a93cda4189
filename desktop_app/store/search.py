"""Searching people, claims and documents through their full-text indexes (store/schema/).

Each group costs the same few queries whatever the size of the household: how many match (the
index counted, the matches in the Trash taken off), then the rows shown. Rows in the Trash never
come out.
"""

from __future__ import annotations

from desktop_app.store.records import Records

# The columns of claims_fts a typed word is looked for in (the category is matched through its
# words, turned into category tokens by the caller).
CLAIM_TEXT_COLUMNS = ("title", "notes", "professional", "person", "dates")
PERSON_COLUMNS = ("name", "caisse", "mutuelle")


def category_token(category: str) -> str:
    """How a category is written in claims_fts (one token: see the migration)."""
    return "c" + category.replace("_", "")


class SearchRecords(Records):
    def search(self, query: str, limit: int = 50) -> list[dict]:
        return self._rows(
            "SELECT d.id, d.kind, d.original_name, d.person_id, d.claim_id,"
            " snippet(documents_fts, -1, '[', ']', '…', 12) AS snippet,"
            " bm25(documents_fts) AS rank"
            " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
            " WHERE documents_fts MATCH ? AND d.trash_id IS NULL ORDER BY rank LIMIT ?",
            [query, limit],
        )


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

    def _trashed(self, table: str) -> int:
        return self.db.execute(
            f"SELECT count(*) FROM {table} WHERE trash_id IS NOT NULL"  # a partial index
        ).fetchone()[0]

    def _count_and_order(self, fts: str, table: str, match: str, limit: int) -> tuple[int, bool]:
        """How many live rows match, and whether they are few enough to be sorted at will.

        Counting the index alone is fast even for tens of thousands of matches; the rows in the
        Trash that match (few: read through their partial index) are taken off.
        """
        total = self.db.execute(
            f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?", [match]
        ).fetchone()[0]
        if total and self._trashed(table):
            total -= self.db.execute(
                f"SELECT count(*) FROM {table} WHERE trash_id IS NOT NULL"
                f" AND id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)",
                [match],
            ).fetchone()[0]
        return total, total <= 4 * limit

    def _newest_matches(self, fts: str, table: str, columns: str, match: str, limit: int) -> str:
        """The index's newest matches, enough of them that ``limit`` are not in the Trash: read
        in rowid order from the index itself, so that the extra columns (snippets) are worked out
        for those rows only."""
        trashed = self._trashed(table)
        return (
            f"(SELECT rowid AS id, {columns} FROM {fts} WHERE {fts} MATCH ?"
            f" ORDER BY rowid DESC LIMIT {int(limit) + int(trashed)})"
        )

    def find_claims(self, match: str, limit: int) -> tuple[int, list[dict]]:
        """Latest care first when few match; when many do, the latest recorded (sorting them all
        by date would cost more than typing the next letter)."""
        total, few = self._count_and_order("claims_fts", "claims", match, limit)
        if not total:
            return 0, []
        columns = "person, title AS t, notes AS n, professional, dates"
        if few:
            source = f"(SELECT rowid AS id, {columns} FROM claims_fts WHERE claims_fts MATCH ?)"
            order = "c.care_date DESC, c.id DESC"
        else:
            source = self._newest_matches("claims_fts", "claims", columns, match, limit)
            order = "c.id DESC"
        rows = self.db.execute(
            "SELECT c.id, c.title, c.care_date, c.category, c.amount_paid, c.person_id,"
            " f.person, f.t, f.n, f.professional, f.dates"
            f" FROM {source} f JOIN claims c ON c.id = f.id"
            f" WHERE c.trash_id IS NULL ORDER BY {order} LIMIT ?",
            [match, limit],
        ).fetchall()
        keys = ("id", "title", "care_date", "category", "amount_paid", "person_id", "person",
                "title_text", "notes_text", "professional_text", "dates_text")
        return total, [dict(zip(keys, r)) for r in rows]

    def find_documents(self, match: str, limit: int) -> tuple[int, list[dict]]:
        """Best match first when few match; newest first when many do (ranking them all would
        cost more than typing the next letter)."""
        total, few = self._count_and_order("documents_fts", "documents", match, limit)
        if not total:
            return 0, []
        columns = ("snippet(documents_fts, -1, '[', ']', '…', 12) AS snippet,"
                   " bm25(documents_fts) AS rank")
        if few:
            source = (f"(SELECT rowid AS id, {columns} FROM documents_fts"
                      " WHERE documents_fts MATCH ?)")
            order = "f.rank"
        else:
            source = self._newest_matches("documents_fts", "documents", columns, match, limit)
            order = "d.id DESC"
        rows = self.db.execute(
            "SELECT d.id, d.kind, d.original_name, d.person_id, d.claim_id, p.name,"
            " f.snippet, f.rank"
            f" FROM {source} f JOIN documents d ON d.id = f.id"
            " LEFT JOIN people p ON p.id = d.person_id"
            f" WHERE d.trash_id IS NULL ORDER BY {order} LIMIT ?",
            [match, limit],
        ).fetchall()
        keys = ("id", "kind", "original_name", "person_id", "claim_id", "person", "snippet",
                "rank")
        return total, [dict(zip(keys, r)) for r in rows]
