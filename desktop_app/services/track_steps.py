"""The steps a user records on a payer track (sent, paid, rejected, closed, undone): each one
checked by the track rules (core/rules/tracks.py) against what was recorded before, written in one
transaction, and answered with the claim's status worked out again (services/results/
``ClaimStatus``).
"""

from __future__ import annotations

import datetime as _dt

from desktop_app.core import rules
from desktop_app.core.errors import UserError
from desktop_app.core.model import CHANNELS, PAYERS, stored_id
from desktop_app.core.rules.tracks import TrackState
from desktop_app.services.claim_facts import _Household
from desktop_app.services.claim_status import _status
from desktop_app.services.claims import get_claim
from desktop_app.services.context import Context
from desktop_app.services.parsing import parse_amount, parse_date
from desktop_app.services.results import ClaimStatus
from desktop_app.store.db import now


def _payer(payer: str) -> str:
    payer = (payer or "").strip().lower()
    if payer not in PAYERS:
        raise UserError(f"payer must be cpam or mutuelle, got {payer!r}")
    return payer


def _stored_steps(ctx: Context, claim_id: int):
    # tracking.py reads the stored steps (and imports this module: imported here, on use)
    from desktop_app.services.tracking import _events

    return _events(ctx, claim_id)


def _record(
    ctx: Context, claim_id, payer: str, state: TrackState, today=None, lang=None, **details
) -> ClaimStatus:
    """Apply one user action to a track: validated by the rules, written in one transaction."""
    claim = get_claim(ctx, claim_id)
    payer = _payer(payer)

    def make_event(at: str) -> rules.TrackEvent:
        return rules.TrackEvent(payer, state, at=at, **details)

    house = _Household(ctx, today, lang)
    # Read, judged and written in one write transaction: two processes recording at once are
    # taken one after the other, the second seeing what the first wrote.
    with ctx.store.transaction():
        documents = ctx.store.documents(claim_id=claim.id, with_text=False)
        est = house.estimate(claim)
        rows = house.with_automatic(claim, documents, _stored_steps(ctx, stored_id(claim)), est)
        events = [r.event for r in rows]
        tctx = house.track_context(claim, est, documents)
        stamp = now()
        updated = rules.apply(events, make_event(stamp), tctx, house.lang)
        for event in updated[len(events):]:
            ctx.store.add_event(_event_row(stored_id(claim), event, stamp))
    return ClaimStatus.from_json(_status(house, claim))


def _event_row(claim_id: int, event: rules.TrackEvent, stamp: str) -> dict:
    data = event.to_dict()
    return {
        "claim_id": claim_id,
        "payer": data["payer"],
        "state": data["state"],
        "at": data["at"] or stamp,
        "date": data["date"],
        "channel": data["channel"],
        "amount": data["amount"],
        "reason": data["reason"],
        "undone": 0,
    }


def _day(value, what: str) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    return parse_date(value, what) or _dt.date.today()


def mark_sent(
    ctx: Context, claim_id, payer, date=None, channel="post", today=None, lang=None
) -> ClaimStatus:
    channel = (channel or "post").strip().lower()
    if channel not in CHANNELS:
        raise UserError(f"channel must be one of {', '.join(CHANNELS)}, got {channel!r}")
    day = _day(date, "date sent")
    return _record(ctx, claim_id, payer, TrackState.SENT, today, lang, date=day, channel=channel)


def record_payment(
    ctx: Context, claim_id, payer, amount, date=None, today=None, lang=None
) -> ClaimStatus:
    value = parse_amount(amount, "amount paid")
    if value is None or value <= 0:
        raise UserError("a payment needs a positive amount, e.g. 182.94")
    day = _day(date, "payment date")
    return _record(ctx, claim_id, payer, TrackState.PAID, today, lang, date=day, amount=value)


def mark_rejected(
    ctx: Context, claim_id, payer, reason, date=None, today=None, lang=None
) -> ClaimStatus:
    reason = (reason or "").strip()
    if not reason:
        raise UserError("say why the claim was rejected, e.g. --reason \"prescription missing\"")
    day = _day(date, "date")
    return _record(ctx, claim_id, payer, TrackState.REJECTED, today, lang, date=day, reason=reason)


def close_track(ctx: Context, claim_id, payer, reason=None, today=None, lang=None) -> ClaimStatus:
    return _record(
        ctx, claim_id, payer, TrackState.CLOSED, today, lang,
        date=today or _dt.date.today(), reason=reason or None,
    )


def undo_last(ctx: Context, claim_id, payer, today=None, lang=None) -> ClaimStatus:
    claim = get_claim(ctx, claim_id)
    payer = _payer(payer)
    house = _Household(ctx, today, lang)
    with ctx.store.transaction():  # as in _record: read and written as one step
        documents = ctx.store.documents(claim_id=claim.id, with_text=False)
        est = house.estimate(claim)
        rows = house.with_automatic(claim, documents, _stored_steps(ctx, stored_id(claim)), est)
        events = [r.event for r in rows]
        tctx = house.track_context(claim, est, documents)
        updated = rules.undo_last(events, payer, tctx, house.lang)
        for row, after in zip(rows, updated):
            if after.undone and not row.event.undone and row.id:
                ctx.store.mark_event_undone(row.id)
    return ClaimStatus.from_json(_status(house, claim))

