"""A claim's status worked out: the estimate, each payer track's state and money, what to do next
and by when, what is missing (the shape: services/results/ ``ClaimStatus``).

'incomplete' and 'ready' are not stored: they follow from the completeness check each time,
so attaching a document or fixing a person makes a claim ready without anyone recording it.
Everything from 'sent' on is a recorded, timestamped event that can be undone.

``_status`` gives the status as its JSON form, the form the household's status cache keeps and
streams (services/household.py); ``claim_status`` gives it typed.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from decimal import Decimal

from desktop_app.core import rules
from desktop_app.core.model import PAYERS, Claim, Payer, stored_id
from desktop_app.core.rules.messages import message
from desktop_app.core.rules.money import money_str
from desktop_app.core.rules.tracks import TrackState
from desktop_app.services.claim_facts import _Household
from desktop_app.services.claims import get_claim
from desktop_app.services.context import Context
from desktop_app.services.results import ClaimStatus

TOLERANCE = Decimal("0.01")


def _status(house: _Household, claim: Claim, documents=None, rows=None) -> dict:
    """The claim's status as its JSON form; ``documents`` and ``rows`` (its stored steps) when
    the caller read them already."""
    ctx = house.ctx
    person = house.people[claim.person_id]
    documents = documents if documents is not None else ctx.store.documents(claim_id=claim.id)
    est = house.estimate(claim)
    if rows is None:
        # tracking.py reads the stored steps (and imports this module: imported here, on use)
        from desktop_app.services.tracking import _events

        rows = _events(ctx, stored_id(claim))
    rows = house.with_automatic(claim, documents, rows, est)
    events = [r.event for r in rows]
    tctx = house.track_context(claim, est, documents)
    facts = house.facts(claim, documents, events, tctx)
    missing = rules.evaluate(house.rules, facts, house.lang)
    tctx = dataclasses.replace(tctx, papers=house.papers(facts))
    tracks = {}
    for payer in PAYERS:
        state = rules.current_state(events, payer, tctx)
        if state is TrackState.INCOMPLETE and rules.is_ready(missing, payer):
            state = TrackState.READY
        expected = tctx.expected_for(Payer(payer))
        got = rules.received(events, payer)
        flag = None
        if state in (TrackState.PAID, TrackState.CLOSED) and expected is not None:
            if got + TOLERANCE < expected:
                flag = "underpaid"
            elif got > expected + TOLERANCE:
                flag = "overpaid"
        deadline = tctx.deadlines.get(payer)
        deadline_status = None
        if deadline and state in (TrackState.INCOMPLETE, TrackState.READY, TrackState.REJECTED):
            deadline_status = rules.deadline_status(deadline, house.today, house.settings.warn_days)
        follow_up = _follow_up(events, payer, house.settings)
        overdue = bool(
            state is TrackState.SENT and follow_up and house.today > follow_up
        ) or deadline_status == "passed"
        action_id, _lang, action_values = rules.next_action_message(
            events, payer, tctx, missing, house.today, house.lang
        )
        tracks[payer] = {
            "state": str(state),
            "expected": money_str(expected) if expected is not None else None,
            "received": money_str(got),
            "difference": money_str(got - expected) if expected is not None else None,
            "flag": flag,
            "next_action": message(action_id, house.lang, **action_values),
            "next_action_id": action_id,
            "deadline": deadline.isoformat() if deadline else None,
            "deadline_status": deadline_status,
            "follow_up_on": follow_up.isoformat() if follow_up else None,
            "overdue": overdue,
            "history": [
                dict(r.event.to_dict(), id=r.id, automatic=rules.is_automatic(r.event))
                for r in rows
                if str(r.event.payer) == payer
            ],
        }
    return {
        "claim_id": claim.id,
        "person": person.name,
        "person_id": person.id,
        "care_date": claim.care_date.isoformat() if claim.care_date else None,
        "category": str(claim.category),
        "title": claim.title,
        "amount_paid": claim.amount_paid,
        "tiers_payant": str(tctx.tiers_payant),
        "billing": rules.billing_label(*house.billing(claim, documents)),
        "billing_set": str(claim.billing) if claim.billing else None,
        "estimate": est.to_dict(),
        "tracks": tracks,
        "missing": [m.to_dict() for m in missing],
        "documents": [
            {"id": d.id, "kind": str(d.kind), "original_name": d.original_name} for d in documents
        ],
    }


def _follow_up(events, payer: str, settings: rules.DeadlineSettings) -> _dt.date | None:
    return rules.follow_up_date(events, payer, settings)


def claim_status(
    ctx: Context, claim_id, today: _dt.date | None = None, lang: str | None = None
) -> ClaimStatus:
    """The claim's status on ``today``, its texts in ``lang`` (see claim_facts.language)."""
    claim = get_claim(ctx, claim_id)
    return ClaimStatus.from_json(_status(_Household(ctx, today, lang), claim))

