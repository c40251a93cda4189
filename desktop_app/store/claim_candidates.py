"""The claims a new document may belong to, for the inbox's proposals (services/inbox.py)."""

from __future__ import annotations

import datetime as _dt

# The newest this many are enough to rank: a document belongs to a recent claim.
MAX_CANDIDATES = 200


def candidate_claims(
    store, person_id: int | None = None, between: tuple[_dt.date, _dt.date] | None = None
) -> list[tuple]:
    """(claim id, person's name, care_date, title, amount_paid, person_id) of the claims not in
    the Trash, of ``person_id`` when given and cared for ``between`` the two days when given,
    newest care first."""
    where, params = [], []
    if person_id:
        where.append("c.person_id = ?")
        params.append(person_id)
    if between:
        where.append("c.care_date BETWEEN ? AND ?")
        params += [between[0].isoformat(), between[1].isoformat()]
    sql = (
        "SELECT c.id, p.name, c.care_date, c.title, c.amount_paid, c.person_id FROM claims c"
        " JOIN people p ON p.id = c.person_id WHERE c.trash_id IS NULL"
    )
    if where:
        sql += " AND " + " AND ".join(where)
    sql += f" ORDER BY c.care_date DESC LIMIT {MAX_CANDIDATES}"
    return store.db.execute(sql, params).fetchall()
