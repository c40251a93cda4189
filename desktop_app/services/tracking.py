"""What each payer owes on each claim, what was sent, what came back, what to do next.

Shapes returned (plain dicts, JSON-ready, amounts as decimal strings):

``claim_status(ctx, claim_id)`` ->
    {"claim_id", "person", "care_date", "category", "title", "amount_paid",
     "estimate": {"amo", "amc", "patient", "deductions", "base", "rate", "notes": [...]},
     "tracks": {"cpam"|"mutuelle": {"state", "expected", "received", "difference",
                "flag" (None | "underpaid" | "overpaid"), "next_action", "deadline",
                "deadline_status" ("ok"|"soon"|"passed"|None), "follow_up_on", "overdue",
                "history": [{"id", "state", "at", "date", "channel", "amount", "reason", "undone"}]}},
     "missing": [{"id", "level", "severity", "message", "action", "action_label"}]}
``household_status(ctx, person=None, year=None)`` -> {"claims": [claim_status…],
     "totals": {"owed": {"cpam", "mutuelle"}, "received": {…}, "by_person": {name: {…}},
     "by_year": {year: {…}}}}
``check(ctx)`` -> list of {"claim_id"|None, "person", "severity", "message", "action"}

'incomplete' and 'ready' are not stored: they follow from the completeness check each time,
so attaching a document or fixing a person makes a claim ready without anyone recording it.
Everything from 'sent' on is a recorded, timestamped event that can be undone.

Texts (missing items, next actions, estimate notes, refused steps, check messages) are in the
language asked with ``lang`` ("en" or "fr"); ``lang=None`` means the "language" setting when it is
"fr" or "en", else English (the command line stays English unless the user chose French). Each
track also carries ``next_action_id``, a stable id of its next action (core/rules/messages.py),
for code that must tell actions apart whatever the language.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
from dataclasses import dataclass
from decimal import Decimal

from desktop_app.core import rules
from desktop_app.core.errors import UserError
from desktop_app.core.model import CHANNELS, PAYERS, Billing, Category, Claim, Payer, TiersPayant
from desktop_app.core.rules import messages
from desktop_app.core.rules.messages import message
from desktop_app.core.rules.money import ZERO, money_str, to_decimal
from desktop_app.core.rules.tracks import TrackState
from desktop_app.services.claims import get_claim
from desktop_app.services.context import Context
from desktop_app.services.parsing import parse_amount, parse_date
from desktop_app.store.db import now
from desktop_app.store.rows import StoredEvent

TOLERANCE = Decimal("0.01")


def language(ctx: Context, lang: str | None = None) -> str:
    """The language of the texts: ``lang`` if given, else the "language" setting if it is "fr" or
    "en", else English."""
    if lang:
        return messages.language(lang)
    saved = ctx.setting("language")
    return saved if saved in messages.LANGUAGES else messages.DEFAULT


def _payer(payer: str) -> str:
    payer = (payer or "").strip().lower()
    if payer not in PAYERS:
        raise UserError(f"payer must be cpam or mutuelle, got {payer!r}")
    return payer


@functools.lru_cache(maxsize=8)
def _load(path: str, mtime: float) -> dict:
    return rules.load_rules(path)


def tariffs(ctx: Context) -> dict:
    path = ctx.resource("rules", "tariffs.json")
    return _load(str(path), path.stat().st_mtime)


def completeness_rules(ctx: Context) -> dict:
    path = ctx.resource("rules", "completeness.json")
    data = _load(str(path), path.stat().st_mtime)
    if path.parent == ctx.paths.rules:
        rules.validate_rules(data)  # a copy the user edited: say what is wrong in it
    return data


@dataclass
class _Row:
    """One stored event with its row id, so undo can mark the right rows."""

    id: int
    event: rules.TrackEvent


def _events(ctx: Context, claim_id: int) -> list[_Row]:
    return [_to_row(r) for r in ctx.store.events(claim_id)]


def _to_row(r: StoredEvent) -> _Row:
    return _Row(r.id, r.event)


class _Household:
    """Everything about the household needed to judge claims, loaded once per call."""

    def __init__(self, ctx: Context, today: _dt.date | None = None, lang: str | None = None):
        self.ctx = ctx
        self.today = today or _dt.date.today()
        self.lang = language(ctx, lang)
        self.tariffs = tariffs(ctx)
        self.rules = completeness_rules(ctx)
        self.settings = rules.DeadlineSettings.from_settings(ctx.settings())
        self.people = {p.id: p for p in ctx.store.people()}
        self._estimates: dict[int, rules.Estimate] = {}
        self._claims_by_person: dict[tuple[int, int], list[Claim]] = {}
        # (person, year) -> [their claims of the year in care-date order, how many of them
        # are estimated, the caps those used]: see estimate
        self._year_walks: dict[tuple[int, int], list] = {}
        # person id -> ids of their claims sent to the mutuelle (one query, for every claim)
        self._mutuelle_sent: dict[int, set[int]] | None = None
        self._lpp_table: dict | None = None
        self._billing: dict[tuple, tuple] = {}
        self._invoice_codes: dict[int, list] | None = None
        self._lpp: dict[int, dict] = {}

    def lpp(self, claim: Claim) -> dict:
        """The LPP base and unknown codes of a device claim: its own codes, else the invoice's
        (asked by the estimate and by the checklist: looked up once per claim)."""
        if str(claim.category) not in _lpp_categories(self.tariffs):
            return {}
        if claim.id is not None and claim.id in self._lpp:
            return self._lpp[claim.id]
        from desktop_app.services import lpp

        if self._lpp_table is None:
            self._lpp_table = lpp.table(self.ctx)
            self._invoice_codes = self.ctx.store.claim_field_values("invoice", "lpp_codes")
        codes = list(claim.lpp_codes)
        if not codes:
            for value in self._invoice_codes.get(claim.id, []):
                codes += value if isinstance(value, list) else [value] if value else []
        base, unknown = lpp.lookup(self._lpp_table, codes)
        found = {"lpp_base": base, "lpp_unknown": unknown, "lpp_codes": codes}
        if claim.id is not None:
            self._lpp[claim.id] = found
        return found

    def claims_of(self, person_id: int, year: int) -> list[Claim]:
        """The person's claims of the year (the undated ones count as this year's), loaded when
        first asked: a claim's estimate needs only those, and the window asks for one claim of
        a household of thousands."""
        key = (person_id, year)
        if key not in self._claims_by_person:
            self._claims_by_person[key] = self.ctx.store.claims(
                person_id=person_id, year=year, undated=year == self.today.year)
        return self._claims_by_person[key]

    def estimate(self, claim: Claim) -> rules.Estimate:
        """The claim's estimate, its person's earlier claims that year counting against the caps.

        The person's claims of the year are estimated in care-date order up to this one; the
        walk stops there and goes on from where it stopped when a later claim is asked for."""
        if claim.id in self._estimates:
            return self._estimates[claim.id]
        person = self.people[claim.person_id]
        year = (claim.care_date or self.today).year
        walk = self._year_walks.get((claim.person_id, year))
        if walk is None:
            same_year = sorted(
                (c for c in self.claims_of(claim.person_id, year)
                 if (c.care_date or self.today).year == year),
                key=lambda c: ((c.care_date or self.today), c.id or 0),
            )
            walk = self._year_walks[(claim.person_id, year)] = [same_year, 0, CapsSoFar()]
        same_year, start, caps = walk
        if claim.id is None or claim.id not in {c.id for c in same_year}:
            # Not stored yet (or not of this year when stored): after every claim of the year.
            caps = CapsSoFar()
            for c in same_year:
                caps.add(c, self._estimate_in_walk(c, person, caps), self.tariffs)
            return self.estimate_with(claim, person, caps)
        for i in range(start, len(same_year)):
            c = same_year[i]
            est = self.estimate_with(c, person, caps)
            caps.add(c, est, self.tariffs)
            self._estimates[c.id] = est
            if c.id == claim.id:
                walk[1] = i + 1
                return est
        raise AssertionError("the claim is among the year's claims")

    def _estimate_in_walk(self, c: Claim, person, caps: "CapsSoFar") -> rules.Estimate:
        known = self._estimates.get(c.id)
        return known if known is not None else self.estimate_with(c, person, caps)

    def estimate_with(self, claim: Claim, person, caps: "CapsSoFar") -> rules.Estimate:
        """The claim's estimate, given what its person's earlier claims of the year used."""
        so_far, today_so_far, forfait_used = caps.inputs(claim, self.tariffs)
        inputs = rules.EstimateInput.from_claim(
            claim,
            person,
            units=claim.units or 1,
            deductions_so_far_this_year=so_far,
            franchises_so_far_today=today_so_far,
            forfait_used=forfait_used,
            **self.lpp(claim),
        )
        try:
            return rules.estimate(inputs, self.tariffs, self.lang)
        except UserError as exc:
            raise UserError(f"claim {claim.id}: {exc}") from None

    def billing(self, claim: Claim, documents) -> tuple[Billing, TiersPayant]:
        """How the claim was billed and what was paid directly, as they apply."""
        kinds = tuple(str(d.kind) if hasattr(d, "kind") else str(d["kind"]) for d in documents)
        key = (claim.id, claim.billing, claim.tiers_payant, claim.category, kinds)
        found = self._billing.get(key)
        if found is None:  # asked four times per claim status: worked out once
            person = self.people.get(claim.person_id)
            found = self._billing[key] = (
                rules.effective_billing(claim, kinds, self.tariffs),
                rules.effective_tiers_payant(claim, person, self.tariffs),
            )
        return found

    def with_automatic(self, claim: Claim, documents, rows: list[_Row], est) -> list[_Row]:
        """The stored steps, after those that follow from the billing (never stored)."""
        billing, tiers = self.billing(claim, documents)
        person = self.people[claim.person_id]
        auto = rules.automatic_events(claim, billing, tiers, person.noemie, est.rate > 0)
        return [_Row(0, e) for e in auto] + list(rows)

    def facts(self, claim: Claim, documents, events: list[rules.TrackEvent], tctx) -> rules.Facts:
        person = self.people[claim.person_id]
        insured = self.people.get(person.insured_id) if person.insured_id else None
        cpam_paid = rules.current_state(events, "cpam", tctx) in (
            TrackState.PAID,
            TrackState.CLOSED,
        )
        billing, tiers = self.billing(claim, documents)
        return rules.Facts(
            person=person,
            claim=claim,
            insured=insured,
            documents=documents,
            cpam_paid=cpam_paid,
            is_first_mutuelle_claim=self.is_first_mutuelle_claim(claim),
            paper=billing is Billing.PAPER,
            today=self.today,
            tiers_payant=str(tiers),
            cpam_covers=tctx.cpam_covers,
            lpp_unknown=bool(self.lpp(claim).get("lpp_unknown")),
        )

    def is_first_mutuelle_claim(self, claim: Claim) -> bool:
        """No other claim of this person was ever sent to the mutuelle by the user."""
        if self._mutuelle_sent is None:
            self._mutuelle_sent = self.ctx.store.claims_sent_to_mutuelle()
        sent = self._mutuelle_sent.get(claim.person_id, ())
        return not any(other != claim.id for other in sent)

    def papers(self, facts: rules.Facts) -> dict[str, tuple[str, ...]]:
        """The kinds of paper each payer needs for this claim (the one table)."""
        return {
            payer: tuple(e["kind"] for e in rules.papers_needed(self.rules, facts, payer))
            for payer in PAYERS
        }

    def track_context(self, claim: Claim, est: rules.Estimate, documents) -> rules.TrackContext:
        person = self.people[claim.person_id]
        _billing, tiers = self.billing(claim, documents)
        deadlines = {}
        if claim.care_date:
            deadlines["cpam"] = rules.cpam_deadline(claim.care_date)
            deadlines["mutuelle"] = rules.mutuelle_deadline(
                claim.care_date, person.mutuelle_deadline_days
            )
        paid = to_decimal(claim.amount_paid or "0")
        return rules.TrackContext(
            tiers_payant=tiers,
            noemie=person.noemie,
            cpam_covers=est.rate > 0,
            expected={"cpam": est.amo, "mutuelle": est.amc},
            deadlines=deadlines,
            needs_prescription=rules.needs_prescription(self.rules, claim.category),
            mutuelle_needs_invoice=est.amo == ZERO or paid > est.base,
            first_mutuelle_claim=self.is_first_mutuelle_claim(claim),
            settings=self.settings,
        )


class CapsSoFar:
    """What a person's claims of one year used of the yearly caps so far, in care-date order: the
    deductions by kind, per day and kind of care (the daily caps are per professional: claims of
    the same kind of care on the same day count as the same professional's), and the mutuelle's
    yearly allowance by kind of care."""

    def __init__(self, kinds: dict | None = None):
        self._kinds = {} if kinds is None else kinds  # category -> its cap, shared by a pass
        self.so_far: dict[str | None, Decimal] = {}
        self.today: dict[tuple, Decimal] = {}
        self.forfait: dict[str, Decimal] = {}

    def _keys(self, category, care_date, tariffs: dict) -> tuple:
        category = str(category)
        kind = self._kinds.get(category, self)
        if kind is self:
            kind = self._kinds[category] = rules.deduction_kind(category, tariffs)
        return kind, (kind, care_date, category)

    def inputs(self, claim: Claim, tariffs: dict) -> tuple[Decimal, Decimal, Decimal]:
        return self.inputs_for(claim.category, claim.care_date, tariffs)

    def inputs_for(self, category, care_date, tariffs: dict) -> tuple[Decimal, Decimal, Decimal]:
        kind, day_key = self._keys(category, care_date, tariffs)
        return (
            self.so_far.get(kind, ZERO),
            self.today.get(day_key, ZERO) if care_date else ZERO,
            self.forfait.get(str(category), ZERO),
        )

    def add(self, claim: Claim, est: rules.Estimate, tariffs: dict) -> None:
        self.add_for(claim.category, claim.care_date, est.deductions, est.amc, tariffs)

    def add_for(self, category, care_date, deductions: Decimal, amc: Decimal, tariffs) -> None:
        kind, day_key = self._keys(category, care_date, tariffs)
        self.so_far[kind] = self.so_far.get(kind, ZERO) + deductions
        self.today[day_key] = self.today.get(day_key, ZERO) + deductions
        self.forfait[str(category)] = self.forfait.get(str(category), ZERO) + amc


def _lpp_categories(tariffs: dict) -> list[str]:
    entry = tariffs.get("lpp_base_categories", {"value": []})
    return entry["value"] if isinstance(entry, dict) else entry


def _status(house: _Household, claim: Claim, documents=None, rows=None) -> dict:
    ctx = house.ctx
    person = house.people[claim.person_id]
    documents = documents if documents is not None else ctx.store.documents(claim_id=claim.id)
    est = house.estimate(claim)
    rows = house.with_automatic(
        claim, documents, rows if rows is not None else _events(ctx, claim.id), est
    )
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
) -> dict:
    claim = get_claim(ctx, claim_id)
    return _status(_Household(ctx, today, lang), claim)


def _record(
    ctx: Context, claim_id, payer: str, state: TrackState, today=None, lang=None, **details
) -> dict:
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
        rows = house.with_automatic(claim, documents, _events(ctx, claim.id), est)
        events = [r.event for r in rows]
        tctx = house.track_context(claim, est, documents)
        stamp = now()
        updated = rules.apply(events, make_event(stamp), tctx, house.lang)
        for event in updated[len(events):]:
            ctx.store.add_event(_event_row(claim.id, event, stamp))
    return _status(house, claim)


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
) -> dict:
    channel = (channel or "post").strip().lower()
    if channel not in CHANNELS:
        raise UserError(f"channel must be one of {', '.join(CHANNELS)}, got {channel!r}")
    day = _day(date, "date sent")
    return _record(ctx, claim_id, payer, TrackState.SENT, today, lang, date=day, channel=channel)


def record_payment(
    ctx: Context, claim_id, payer, amount, date=None, today=None, lang=None
) -> dict:
    value = parse_amount(amount, "amount paid")
    if value is None or value <= 0:
        raise UserError("a payment needs a positive amount, e.g. 182.94")
    day = _day(date, "payment date")
    return _record(ctx, claim_id, payer, TrackState.PAID, today, lang, date=day, amount=value)


def mark_rejected(
    ctx: Context, claim_id, payer, reason, date=None, today=None, lang=None
) -> dict:
    reason = (reason or "").strip()
    if not reason:
        raise UserError("say why the claim was rejected, e.g. --reason \"prescription missing\"")
    day = _day(date, "date")
    return _record(ctx, claim_id, payer, TrackState.REJECTED, today, lang, date=day, reason=reason)


def close_track(ctx: Context, claim_id, payer, reason=None, today=None, lang=None) -> dict:
    return _record(
        ctx, claim_id, payer, TrackState.CLOSED, today, lang,
        date=today or _dt.date.today(), reason=reason or None,
    )


def undo_last(ctx: Context, claim_id, payer, today=None, lang=None) -> dict:
    claim = get_claim(ctx, claim_id)
    payer = _payer(payer)
    house = _Household(ctx, today, lang)
    with ctx.store.transaction():  # as in _record: read and written as one step
        documents = ctx.store.documents(claim_id=claim.id, with_text=False)
        est = house.estimate(claim)
        rows = house.with_automatic(claim, documents, _events(ctx, claim.id), est)
        events = [r.event for r in rows]
        tctx = house.track_context(claim, est, documents)
        updated = rules.undo_last(events, payer, tctx, house.lang)
        for row, after in zip(rows, updated):
            if after.undone and not row.event.undone and row.id:
                ctx.store.mark_event_undone(row.id)
    return _status(house, claim)


def household_status(
    ctx: Context, person=None, year=None, today: _dt.date | None = None, lang: str | None = None
):
    """Every claim's status and the totals (services/household.py works them out)."""
    from desktop_app.services import household

    return household.household_status(ctx, person, year, today, lang)


def check(ctx: Context, today: _dt.date | None = None, lang: str | None = None) -> list[dict]:
    """Every missing item and overdue action in the household, in ``lang``."""
    from desktop_app.services import household

    return household.check(ctx, today, lang)


def estimate_amounts(
    ctx: Context | None,
    category: str,
    paid,
    base=None,
    rate=None,
    **flags,
) -> dict:
    """One estimate from explicit inputs (``paperasse estimate``)."""
    if category not in Category.values():
        raise UserError(f"category must be one of {', '.join(Category.values())}, got {category!r}")
    from desktop_app import config

    path = ctx.resource("rules", "tariffs.json") if ctx else config.resources_dir() / "rules" / "tariffs.json"
    data = _load(str(path), path.stat().st_mtime)
    paid_value = parse_amount(paid, "amount paid")
    if paid_value is None:
        raise UserError("--paid is required, e.g. --paid 30.00")
    guarantee = flags.pop("guarantee", None)
    if guarantee and rules.parse_guarantee(guarantee) is None:
        raise UserError(
            f"guarantee {guarantee!r} not understood: use '100% BR', '200% BR', 'forfait:150' or 'frais-reels'"
        )
    inputs = rules.EstimateInput(
        category=category,
        paid=paid_value,
        base=parse_amount(base, "base") if base not in (None, "") else None,
        rate=to_decimal(str(rate).replace("%", ""), "rate") if rate not in (None, "") else None,
        guarantee=guarantee,
        **flags,
    )
    return rules.estimate(inputs, data).to_dict()
