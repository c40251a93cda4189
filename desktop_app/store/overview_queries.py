"""The queries behind the window's lists (services/overview.py): plain tuples, few queries.

A household with years of paperwork has thousands of rows; building one object per claim
before the list shows would cost seconds, so each list is a handful of aggregate queries and
the service makes its light rows from the tuples.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def _scope(claim_ids: Sequence[int] | None) -> tuple[str, list]:
    """Only the claims of the first screen (None: all of them)."""
    if claim_ids is None:
        return "", []
    return f" AND claim_id IN ({','.join('?' * len(claim_ids))})", list(claim_ids)


def people_flags(store) -> list[tuple]:
    """(id, name, css, noemie) of each person not in the Trash."""
    return store.db.execute(
        "SELECT id, name, css, noemie FROM people WHERE trash_id IS NULL"
    ).fetchall()


def claims(store, person_id: int | None = None, limit: int | None = None) -> Iterable[tuple]:
    """(id, person_id, care_date, title, category, amount_paid, tiers_payant, billing, amo_rate)
    of the claims, newest care first. With a ``limit``, a list; without, the rows are read one
    by one as the caller takes them: 50,000 tuples held at once would double what the whole
    list costs while it is built."""
    where, params = " WHERE trash_id IS NULL", []
    if person_id is not None:
        where, params = " WHERE trash_id IS NULL AND person_id = ?", [person_id]
    sql = (
        "SELECT id, person_id, care_date, title, category, amount_paid, tiers_payant, billing,"
        f" amo_rate FROM claims{where} ORDER BY care_date DESC, id DESC"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
        return store.db.execute(sql, params).fetchall()
    return store.db.execute(sql, params)


def document_kinds(store, claim_ids: Sequence[int] | None = None) -> list[tuple]:
    """(claim_id, how many documents, their kinds joined by commas) of each claim with any."""
    scope, params = _scope(claim_ids)
    return store.db.execute(
        "SELECT claim_id, count(*), group_concat(DISTINCT kind) FROM documents"
        f" WHERE claim_id IS NOT NULL AND trash_id IS NULL{scope} GROUP BY claim_id",
        params,
    ).fetchall()


def latest_states(store, claim_ids: Sequence[int] | None = None) -> list[tuple]:
    """(claim_id, payer, state, event id) of the latest step not undone, per claim and payer."""
    scope, params = _scope(claim_ids)
    # SQLite returns the bare column 'state' from the row holding max(id): the latest step.
    return store.db.execute(
        f"SELECT claim_id, payer, state, max(id) FROM track_events WHERE undone = 0{scope}"
        " GROUP BY claim_id, payer",
        params,
    ).fetchall()


def received_totals(store, claim_ids: Sequence[int] | None = None) -> list[tuple]:
    """(claim_id, payer, sum of the payments recorded) per claim and payer."""
    scope, params = _scope(claim_ids)
    return store.db.execute(
        "SELECT claim_id, payer, sum(CAST(amount AS REAL)) FROM track_events"
        f" WHERE undone = 0 AND state = 'paid'{scope} GROUP BY claim_id, payer",
        params,
    ).fetchall()


def documents(
    store,
    unlinked: bool = False,
    ids: Sequence[int] | None = None,
    person_id: int | None = None,
    claim_id: int | None = None,
) -> list[tuple]:
    """(id, kind, original_name, person_id, person's name, claim_id, imported_at, pages,
    read_state, fields to confirm, date field, amount field) of the documents not in the Trash,
    newest first; the two fields as stored (JSON)."""
    where, params = ["d.trash_id IS NULL"], []
    if unlinked:
        where.append("d.claim_id IS NULL")
    if person_id is not None:
        where.append("d.person_id = ?")
        params.append(person_id)
    if claim_id is not None:
        where.append("d.claim_id = ?")
        params.append(claim_id)
    if ids is not None:
        where.append(f"d.id IN ({','.join('?' * len(ids))})")
        params += list(ids)
    sql = (
        "SELECT d.id, d.kind, d.original_name, d.person_id, p.name, d.claim_id, d.imported_at,"
        " d.pages, d.read_state,"
        " (SELECT sum(confirmed = 0) FROM document_fields f WHERE f.document_id = d.id),"
        " (SELECT value FROM document_fields f WHERE f.document_id = d.id"
        "   AND f.name IN ('care_date', 'date', 'statement_date') ORDER BY f.name LIMIT 1),"
        " (SELECT value FROM document_fields f WHERE f.document_id = d.id"
        "   AND f.name IN ('total_amount', 'total_paid') ORDER BY f.name LIMIT 1)"
        " FROM documents d LEFT JOIN people p ON p.id = d.person_id"
    )
    sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY d.id DESC"
    return store.db.execute(sql, params).fetchall()


def matches_more_than(store, query: str, limit: int) -> bool:
    """Whether the full-text ``query`` matches more than ``limit`` documents (counting stops
    there)."""
    return store.db.execute(
        "SELECT count(*) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?"
        " LIMIT ?)",
        [query, limit + 1],
    ).fetchone()[0] > limit


def newest_matches(store, query: str, limit: int) -> list[tuple]:
    """(document id, snippet) of the newest documents the full-text ``query`` matches."""
    return store.db.execute(
        "SELECT rowid, snippet(documents_fts, -1, '[', ']', '…', 12) FROM documents_fts"
        " WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
        [query, limit],
    ).fetchall()


def people(store) -> list[tuple]:
    """(id, name, insured_id) of each person not in the Trash, by name."""
    return store.db.execute(
        "SELECT id, name, insured_id FROM people WHERE trash_id IS NULL"
        " ORDER BY name COLLATE NOCASE"
    ).fetchall()
