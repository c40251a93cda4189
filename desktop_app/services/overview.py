"""Lists for the desktop app's tables: claims and documents as light rows, fast on big households.

A household with years of paperwork has thousands of rows; the tables need them in well under a
second, so rows come from a few aggregate queries rather than one object per claim. The full
status of a claim (estimate, missing items, next action) comes from ``tracking.claim_status`` and
is summarised here for the table and the smart lists.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import Callable, Iterable

from desktop_app.services.context import Context

PAYERS = ("cpam", "mutuelle")
# Track states (core.rules.tracks.TrackState values) plus "pending": no event recorded yet.
PENDING = "pending"
WAITING_STATES = {"sent"}
DONE_STATES = {"paid", "closed", "direct"}

SMART_LISTS = ("todo", "ready", "waiting", "overdue", "paid")


@dataclass
class ClaimRow:
    id: int
    person_id: int
    person: str
    care_date: str | None
    title: str | None
    category: str
    amount_paid: str | None
    tiers_payant: str
    documents: int
    cpam_state: str = PENDING
    mutuelle_state: str = PENDING
    cpam_received: str | None = None
    mutuelle_received: str | None = None
    # Filled from tracking.claim_status when known (see summarise()).
    cpam_expected: str | None = None
    mutuelle_expected: str | None = None
    blocking: int = 0
    warnings: int = 0
    next_action: str | None = None
    overdue: bool = False
    deadline: str | None = None
    deadline_status: str | None = None
    detailed: bool = False

    def lists(self, today: str | None = None) -> set[str]:
        return smart_lists(self, today)


def smart_lists(row: ClaimRow, today: str | None = None) -> set[str]:
    """Which smart lists (To do, Ready to send, Waiting, Overdue, Paid) a claim belongs to."""
    states = [row.cpam_state, row.mutuelle_state]
    found = set()
    if row.blocking or "incomplete" in states:
        found.add("todo")
    if "ready" in states or (row.detailed and not row.blocking and PENDING in states):
        found.add("ready")
    if any(s in WAITING_STATES for s in states):
        found.add("waiting")
    if row.overdue or row.deadline_status == "passed":
        found.add("overdue")
    if all(s in DONE_STATES for s in states) and any(s in ("paid", "closed") for s in states):
        found.add("paid")
    return found


def needs_doing(row: ClaimRow) -> bool:
    """Whether a claim asks something of the user now (the household badge counts these)."""
    return bool(row.lists() & {"todo", "ready", "overdue"})


def claim_rows(ctx: Context, person_id: int | None = None) -> list[ClaimRow]:
    """Every claim (newest care first) with what the payer histories say, in a few queries."""
    db = ctx.store.db
    where, params = "", []
    if person_id is not None:
        where, params = " WHERE c.person_id = ?", [person_id]
    rows = db.execute(
        "SELECT c.id, c.person_id, p.name, c.care_date, c.title, c.category, c.amount_paid,"
        " c.tiers_payant FROM claims c JOIN people p ON p.id = c.person_id"
        f"{where} ORDER BY c.care_date DESC, c.id DESC",
        params,
    ).fetchall()
    doc_counts = dict(
        db.execute(
            "SELECT claim_id, count(*) FROM documents WHERE claim_id IS NOT NULL GROUP BY claim_id"
        ).fetchall()
    )
    # SQLite returns the bare column 'state' from the row holding max(id): the latest active step.
    latest = {
        (claim_id, payer): state
        for claim_id, payer, state, _ in db.execute(
            "SELECT claim_id, payer, state, max(id) FROM track_events WHERE undone = 0"
            " GROUP BY claim_id, payer"
        ).fetchall()
    }
    received = {
        (claim_id, payer): total
        for claim_id, payer, total in db.execute(
            "SELECT claim_id, payer, sum(CAST(amount AS REAL)) FROM track_events"
            " WHERE undone = 0 AND state = 'paid' GROUP BY claim_id, payer"
        ).fetchall()
    }
    result = []
    for cid, pid, name, care_date, title, category, paid, tiers in rows:
        row = ClaimRow(cid, pid, name, care_date, title, category, paid, tiers, doc_counts.get(cid, 0))
        for payer in PAYERS:
            state = latest.get((cid, payer))
            if state is None:
                direct = tiers == "all" or (tiers == "amo" and payer == "cpam")
                state = "direct" if direct else PENDING
            setattr(row, f"{payer}_state", state)
            total = received.get((cid, payer))
            if total is not None:
                setattr(row, f"{payer}_received", f"{total:.2f}")
        result.append(row)
    return result


def summarise(row: ClaimRow, status: dict, today: _dt.date | None = None) -> ClaimRow:
    """Copy what tracking.claim_status knows onto a table row."""
    today_iso = (today or _dt.date.today()).isoformat()
    tracks = status.get("tracks") or {}
    deadlines = []
    overdue = False
    actions = []
    for payer in PAYERS:
        track = tracks.get(payer) or {}
        state = track.get("state") or PENDING
        setattr(row, f"{payer}_state", state)
        setattr(row, f"{payer}_expected", track.get("expected"))
        received = track.get("received")
        setattr(row, f"{payer}_received", received if received not in (None, "0.00") else None)
        follow_up = track.get("follow_up_on")
        if state == "sent" and follow_up and follow_up < today_iso:
            overdue = True
        if state in ("incomplete", "ready", PENDING) and track.get("deadline"):
            deadlines.append((track["deadline"], track.get("deadline_status")))
            if track.get("deadline_status") == "passed":
                overdue = True
        action = track.get("next_action")
        if action and not action.startswith("Nothing to do"):
            actions.append(action)
    missing = status.get("missing") or []
    row.blocking = sum(1 for m in missing if m.get("severity") == "blocking")
    row.warnings = sum(1 for m in missing if m.get("severity") != "blocking")
    row.next_action = actions[0] if actions else None
    row.overdue = overdue
    if deadlines:
        row.deadline, row.deadline_status = min(deadlines)
    else:
        row.deadline, row.deadline_status = None, None
    row.detailed = True
    return row


def claim_details(
    ctx: Context,
    ids: Iterable[int],
    should_cancel: Callable[[], bool] | None = None,
) -> dict[int, dict]:
    """tracking.claim_status for each claim; claims that cannot be assessed are left out."""
    from desktop_app.services import tracking

    status_of = getattr(tracking, "claim_status", None)
    if status_of is None:
        return {}
    found = {}
    for claim_id in ids:
        if should_cancel and should_cancel():
            break
        try:
            found[claim_id] = status_of(ctx, claim_id)
        except Exception:  # noqa: BLE001 - one odd claim must not blank the whole table
            continue
    return found


@dataclass
class DocumentRow:
    id: int
    kind: str
    original_name: str
    person_id: int | None
    person: str | None
    claim_id: int | None
    imported_at: str
    pages: int | None
    read_state: str
    unconfirmed: int = 0
    date: str | None = None
    amount: str | None = None
    snippet: str | None = None


def document_rows(
    ctx: Context,
    unlinked: bool = False,
    ids: list[int] | None = None,
    person_id: int | None = None,
    claim_id: int | None = None,
) -> list[DocumentRow]:
    """Documents (newest first), with how many fields wait for confirmation, their date and amount."""
    db = ctx.store.db
    where, params = [], []
    if unlinked:
        where.append("d.claim_id IS NULL")
    if person_id is not None:
        where.append("d.person_id = ?")
        params.append(person_id)
    if claim_id is not None:
        where.append("d.claim_id = ?")
        params.append(claim_id)
    if ids is not None:
        if not ids:
            return []
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
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY d.id DESC"
    result = []
    for r in db.execute(sql, params).fetchall():
        result.append(
            DocumentRow(
                *r[:9],
                unconfirmed=r[9] or 0,
                date=_json_text(r[10]),
                amount=_json_text(r[11]),
            )
        )
    return result


def _json_text(raw: str | None) -> str | None:
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    return None if value is None else str(value)


def search_rows(ctx: Context, text: str, limit: int = 200) -> list[DocumentRow]:
    """Documents matching what the user typed, best first, each with a snippet of the match."""
    from desktop_app.services.documents import search

    hits = search(ctx, text, limit=limit)
    if not hits:
        return []
    by_id = {r.id: r for r in document_rows(ctx, ids=[h["id"] for h in hits])}
    rows = []
    for hit in hits:
        row = by_id.get(hit["id"])
        if row is not None:
            row.snippet = hit.get("snippet")
            rows.append(row)
    return rows


def people_rows(ctx: Context) -> list[dict]:
    """The household for the side bar: id, name, and whose beneficiary each one is."""
    return [
        {"id": pid, "name": name, "insured_id": insured}
        for pid, name, insured in ctx.store.db.execute(
            "SELECT id, name, insured_id FROM people ORDER BY name COLLATE NOCASE"
        ).fetchall()
    ]
