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
from typing import TYPE_CHECKING

from desktop_app.core import rules
from desktop_app.core.model import Billing, Claim, Person, TiersPayant
from desktop_app.services.context import Context
from desktop_app.store import overview_queries as queries

if TYPE_CHECKING:
    from desktop_app.services.dashboard import Dashboard
    from desktop_app.services.results import (
        ChecklistItem,
        ClaimStatus,
        ClaimSummary,
        HouseholdTotals,
    )

PAYERS = ("cpam", "mutuelle")
# Track states (core.rules.tracks.TrackState values) plus "pending": no event recorded yet.
PENDING = "pending"
WAITING_STATES = {"sent"}
DONE_STATES = {"paid", "closed", "direct", "not_covered"}

SMART_LISTS = ("todo", "ready", "waiting", "overdue", "paid")
# Next actions that ask nothing of the user (core.rules.messages ids).
NOTHING_TO_DO = ("track.direct", "track.not_covered", "track.closed", "track.closed_received")


@dataclass(slots=True)
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


def claim_rows(ctx: Context, person_id: int | None = None, limit: int | None = None) -> list[ClaimRow]:
    """Claims, newest care first, with what the payer histories say, in a few queries.

    ``limit`` gives the first screenful quickly; the whole list follows.
    """
    store = ctx.store
    people = {pid: (name, bool(css), bool(noemie))
              for pid, name, css, noemie in queries.people_flags(store)}
    names = {pid: p[0] for pid, p in people.items()}
    rows = queries.claims(store, person_id, limit)
    # Only the claims on the first screen: keeps the quick answer quick.
    scope = [r[0] for r in rows] if limit else None
    doc_counts, doc_kinds = {}, {}
    for claim_id, count, kinds in queries.document_kinds(store, scope):
        doc_counts[claim_id], doc_kinds[claim_id] = count, (kinds or "").split(",")
    from desktop_app.services.tracking import tariffs

    start = _StartStates(tariffs(ctx))
    latest = {
        (claim_id, payer): state
        for claim_id, payer, state, _ in queries.latest_states(store, scope)
    }
    received = {
        (claim_id, payer): total
        for claim_id, payer, total in queries.received_totals(store, scope)
    }
    result = []
    # One string object for each distinct value: a large household has a few thousand care
    # dates and a handful of categories and states across tens of thousands of rows.
    one = _Shared()
    for cid, pid, care_date, title, category, paid, tiers, billing, rate in rows:
        _name, css, noemie = people.get(pid, ("", False, False))
        first_cpam, first_mutuelle, tiers = start.states(
            category, tiers, billing, rate, bool(care_date), css, noemie, doc_kinds.get(cid, ())
        )
        cpam = latest.get((cid, "cpam")) or first_cpam
        mutuelle = latest.get((cid, "mutuelle")) or first_mutuelle
        got_cpam = received.get((cid, "cpam"))
        got_mutuelle = received.get((cid, "mutuelle"))
        result.append(
            ClaimRow(
                cid, pid, names.get(pid, ""), one(care_date), title, one(category), one(paid),
                one(tiers), doc_counts.get(cid, 0), one(cpam), one(mutuelle),
                None if got_cpam is None else one(f"{got_cpam:.2f}"),
                None if got_mutuelle is None else one(f"{got_mutuelle:.2f}"),
            )
        )
    return result


class _Shared(dict):
    """``one(value)``: the first equal value seen, so that equal strings are held once."""

    def __call__(self, value):
        return value if value is None else self.setdefault(value, value)


class _StartStates:
    """Where each track starts before the user records anything, from the same rules as the full
    status (core/rules/billing.py, tracks.py), for rows built without loading whole claims."""

    def __init__(self, tariffs: dict):
        self.tariffs = tariffs

    def states(
        self, category, tiers, billing, rate, dated, css, noemie, kinds
    ) -> tuple[str, str, str]:
        """(CPAM state, mutuelle state, the tiers payant as it applies)."""
        # Any care date will do: the rows only need to know whether there is one.
        claim = Claim(person_id=0, category=category, tiers_payant=TiersPayant(tiers),
                      billing=Billing(billing) if billing else None, amo_rate=rate,
                      care_date=_dt.date.min if dated else None)
        tiers = rules.effective_tiers_payant(claim, Person(name="", css=css), self.tariffs)
        general = self.tariffs["amo_rates"].get(category, {"value": "0"})
        covers = (rate not in (None, "") and float(rate) > 0) or float(
            general["value"] if isinstance(general, dict) else general
        ) > 0
        ctx = rules.TrackContext(tiers_payant=tiers, noemie=noemie, cpam_covers=covers)
        states = []
        for payer in PAYERS:
            state = str(rules.initial_state(payer, ctx))
            states.append(PENDING if state == "incomplete" else state)
        billing_now = rules.effective_billing(claim, kinds, self.tariffs)
        for event in rules.automatic_events(claim, billing_now, tiers, noemie, covers):
            states[PAYERS.index(str(event.payer))] = "sent"
        return states[0], states[1], str(tiers)


def list_counts(rows: list[ClaimRow]) -> tuple[dict[str, int], dict[int, int]]:
    """How many claims each smart list holds, and per person how many need something done."""
    today = _dt.date.today().isoformat()
    lists = dict.fromkeys(SMART_LISTS, 0)
    per_person: dict[int, int] = {}
    for row in rows:
        found = smart_lists(row, today)
        for key in found:
            lists[key] += 1
        if found & {"todo", "ready", "overdue"}:
            per_person[row.person_id] = per_person.get(row.person_id, 0) + 1
    return lists, per_person


@dataclass
class ClaimList:
    """What the claims table and the side bar need, computed off the UI thread."""

    rows: list[ClaimRow]
    list_counts: dict[str, int]
    person_counts: dict[int, int]
    dashboard: Dashboard | None = None  # with ``detailed``: the totals and the dashboard lists
    complete: bool = True


def claim_list(
    ctx: Context, limit: int | None = None, detailed: bool = False, lang: str | None = None
) -> ClaimList:
    """The claims table's rows and counts; ``detailed`` adds every claim's full status (slower),
    its sentences in ``lang`` (the interface's language)."""
    rows = claim_rows(ctx, limit=limit)
    board = None
    if detailed:
        from desktop_app.services import household
        from desktop_app.services.dashboard import DueLists

        # What the rows and the dashboard show of each status, read one status at a time: the
        # window is handed the rows and a dozen dashboard lines, not 50,000 statuses.
        status = household.household_status(ctx, lang=lang, summaries=True)
        row_of = {row.id: row for row in rows}
        due = DueLists()
        one = _Shared()
        for s in status.claims.each():
            row = row_of.get(s.claim_id)
            if row is not None:
                summarise(row, s, shared=one)
            due.add(s)
        board = due.result(status.totals)
    lists, per_person = list_counts(rows)
    return ClaimList(rows, lists, per_person, board, complete=limit is None)


def summarise(row: ClaimRow, status: ClaimStatus | ClaimSummary, today: _dt.date | None = None,
              shared=lambda value: value) -> ClaimRow:
    """Copy what tracking.claim_status knows (whole or as a summary) onto a table row; ``shared``
    gives the one copy of a text that many rows hold (see _Shared)."""
    today_iso = (today or _dt.date.today()).isoformat()
    deadlines = []
    overdue = False
    actions = []
    for payer in PAYERS:
        track = status.tracks.get(payer)
        if track is None:
            setattr(row, f"{payer}_state", shared(PENDING))
            setattr(row, f"{payer}_expected", None)
            setattr(row, f"{payer}_received", None)
            continue
        state = track.state or PENDING
        setattr(row, f"{payer}_state", shared(state))
        setattr(row, f"{payer}_expected", shared(track.expected))
        received = track.received
        setattr(row, f"{payer}_received",
                shared(received) if received not in (None, "0.00") else None)
        follow_up = track.follow_up_on
        if track.overdue or (state == "sent" and follow_up and follow_up < today_iso):
            overdue = True
        if state in ("incomplete", "ready", PENDING) and track.deadline:
            deadlines.append((track.deadline, track.deadline_status))
            if track.deadline_status == "passed":
                overdue = True
        action = track.next_action
        if action and track.next_action_id not in NOTHING_TO_DO:
            actions.append(action)
    row.blocking, row.warnings = status.blocking, status.warnings
    row.next_action = shared(actions[0]) if actions else None
    row.overdue = overdue
    if deadlines:
        deadline, deadline_status = min(deadlines)
        row.deadline, row.deadline_status = shared(deadline), shared(deadline_status)
    else:
        row.deadline, row.deadline_status = None, None
    row.detailed = True
    return row


def household_totals(
    ctx: Context, today: _dt.date | None = None, lang: str | None = None
) -> HouseholdTotals:
    """The household's money totals alone: what the dashboard shows first."""
    from desktop_app.services import household

    return household.household_totals(ctx, today=today, lang=lang)


def missing_text(item: ChecklistItem) -> tuple[str, str]:
    """(explanation, what to do) of a missing item."""
    return item.message or "", item.action_label or ""


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
    if ids is not None and not ids:
        return []
    result = []
    for r in queries.documents(ctx.store, unlinked, ids, person_id, claim_id):
        result.append(
            DocumentRow(
                id=r[0], kind=r[1], original_name=r[2], person_id=r[3], person=r[4],
                claim_id=r[5], imported_at=r[6], pages=r[7], read_state=r[8],
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
    """Documents matching what the user typed, each with a snippet of the match.

    Best match first when there are few; when a word matches more than ``limit`` documents,
    ranking them all would cost more than typing the next letter, so the newest come first.
    """
    from desktop_app.services.documents import fts_query, search

    query = fts_query(text)
    if not query:
        return []
    if queries.matches_more_than(ctx.store, query, limit):
        hits = [
            {"id": rowid, "snippet": snippet}
            for rowid, snippet in queries.newest_matches(ctx.store, query, limit)
        ]
    else:
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


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One person of the household as the side bar and the person pickers list them."""

    id: int
    name: str
    insured_id: int | None  # whose beneficiary they are, if anyone's


def people_rows(ctx: Context) -> list[PersonRow]:
    """The household for the side bar: id, name, and whose beneficiary each one is."""
    return [PersonRow(pid, name, insured) for pid, name, insured in queries.people(ctx.store)]
