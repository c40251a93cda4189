"""Statements (décomptes) close the loop: the payments they list, matched to claims.

A CPAM or mutuelle statement read by intake carries its payer and lines (care date, amount
paid, sometimes the patient). Each line is proposed against the claim of the same person and
care date whose outstanding amount from that payer is closest; the user accepts them in one
step, and lines that match nothing are shown, not guessed. An unmatched line says why in
``why`` (in ``lang``, see tracking.language) and ``why_code`` (stable: "no_care_date_or_amount",
"no_open_claim").
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from desktop_app.core.errors import UserError
from desktop_app.core.model import DocumentKind, stored_id
from desktop_app.core.rules.messages import message
from desktop_app.core.rules.money import ZERO, money_str, to_decimal
from desktop_app.core.rules.tracks import TrackState
from desktop_app.services import tracking
from desktop_app.services.context import Context
from desktop_app.services.documents import get_document
from desktop_app.services.parsing import name_tokens, parse_amount, parse_date
from desktop_app.services.results import (
    ClaimSummary,
    StatementMatch,
    StatementProposal,
    StatementRecorded,
    UnmatchedLine,
)

# A statement line this far from what was expected is still proposed, but flagged.
CLOSE_ENOUGH = Decimal("0.05")


def _field(doc, name):
    f = doc.fields.get(name)
    return f.value if f else None


def _payer_of(doc) -> str:
    payer = str(_field(doc, "payer") or "").strip().lower()
    if payer in tracking.PAYERS:
        return payer
    raise UserError(
        f"document {doc.id}: the statement's payer was not read; say whether it comes from the "
        "CPAM or the mutuelle in the document's fields",
        hint=("doc.confirm_payer", {"document_id": doc.id}),
    )


def _unmatched(index: int, line: dict, code: str, lang: str) -> UnmatchedLine:
    return UnmatchedLine(index, line, message(f"statement.{code}", lang), code)


def propose(ctx: Context, document_id, lang: str | None = None) -> StatementMatch:
    """Payments the statement lists, each with the claim it most likely belongs to."""
    lang = tracking.language(ctx, lang)
    doc = get_document(ctx, document_id)
    if doc.kind != DocumentKind.STATEMENT:
        raise UserError(
            f"document {doc.id} is a {doc.kind}, not a statement; if it is one, change its kind "
            "to statement in the document's fields",
            hint=("doc.confirm_statement", {"document_id": doc.id}),
        )
    payer = _payer_of(doc)
    lines = _field(doc, "lines") or []
    statement_date = _field(doc, "statement_date")
    from desktop_app.services import household

    # What each claim's tracks expect and have received: its summary is enough. Claims are
    # looked up by care date, once for the statement, not once per line.
    by_day: dict[str | None, list[ClaimSummary]] = {}
    for s in household.household_status(ctx, lang=lang, summaries=True).claims:
        by_day.setdefault(s.care_date, []).append(s)
    people = {p.id: p for p in ctx.store.people()}
    proposals, unmatched, taken = [], [], set()
    for index, line in enumerate(lines):
        if not isinstance(line, dict):
            continue
        care_date = line.get("care_date")
        amount = parse_amount(line.get("amount_paid"), "statement amount")
        if not care_date or amount is None:
            unmatched.append(_unmatched(index, line, "no_care_date_or_amount", lang))
            continue
        names = name_tokens(line.get("patient_name"))
        best = None
        for s in by_day.get(care_date, ()):
            if s.claim_id in taken:
                continue
            person = people.get(s.person_id)
            if doc.person_id and not names and s.person_id != doc.person_id:
                continue
            if names and person and not names & name_tokens(person.name):
                continue
            track = s.tracks[payer]
            if track.state in ("closed", "direct", "not_covered"):
                continue
            outstanding = to_decimal(track.expected or "0") - to_decimal(track.received)
            gap = abs(outstanding - amount)
            if best is None or gap < best[0]:
                best = (gap, s, outstanding)
        if best is None:
            unmatched.append(_unmatched(index, line, "no_open_claim", lang))
            continue
        gap, s, outstanding = best
        taken.add(s.claim_id)
        proposals.append(StatementProposal(
            line=index, claim_id=s.claim_id, person=s.person, care_date=care_date, payer=payer,
            amount=money_str(amount), expected=money_str(max(outstanding, ZERO)),
            differs=gap > CLOSE_ENOUGH, date=statement_date, title=s.title, category=s.category,
        ))
    return StatementMatch(stored_id(doc), payer, tuple(proposals), tuple(unmatched))


def accept(
    ctx: Context, document_id, lines: list[int] | None = None, lang: str | None = None
) -> StatementRecorded:
    """Record the proposed payments (all, or the given line numbers) in one transaction."""
    lang = tracking.language(ctx, lang)
    found = propose(ctx, document_id, lang)
    chosen = [p for p in found.proposals if lines is None or p.line in lines]
    if not chosen:
        raise UserError(f"document {found.document_id}: no payment to record from this statement")
    with ctx.store.transaction():
        for p in chosen:
            day = parse_date(p.date, "statement date") if p.date else _dt.date.today()
            state = tracking.claim_status(ctx, p.claim_id, lang=lang).tracks[p.payer].state
            if state in (TrackState.INCOMPLETE.value, TrackState.READY.value, TrackState.REJECTED.value):
                # The statement proves the claim reached the payer, even if nobody recorded it.
                tracking.mark_sent(ctx, p.claim_id, p.payer, date=day,
                                   channel="noemie" if p.payer == "mutuelle" and _noemie(ctx, p) else "post",
                                   lang=lang)
            tracking.record_payment(ctx, p.claim_id, p.payer, p.amount, date=day, lang=lang)
        claims = {p.claim_id for p in chosen}
        doc = get_document(ctx, document_id)
        if len(claims) == 1 and doc.claim_id is None:
            ctx.store.link_document(doc.id, claims.pop())
    return StatementRecorded(tuple(chosen), found.unmatched)


def _noemie(ctx: Context, proposal: StatementProposal) -> bool:
    claim = ctx.store.claim(proposal.claim_id)
    person = ctx.store.person(claim.person_id)
    return bool(person and person.noemie)

