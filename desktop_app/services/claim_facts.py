"""Everything about the household that judging a claim needs, loaded once per call: the rule
files, the people, each claim's estimate with the yearly caps its person's earlier claims used,
how it was billed. services/claim_status.py works a status out of it, services/track_steps.py
checks a step against it, services/household.py walks the household with it.
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass
from decimal import Decimal

from desktop_app.core import rules
from desktop_app.core.errors import UserError
from desktop_app.core.model import PAYERS, Billing, Claim, TiersPayant, stored_id
from desktop_app.core.rules import messages
from desktop_app.core.rules.money import ZERO, to_decimal
from desktop_app.core.rules.tracks import TrackState
from desktop_app.services.context import Context


def language(ctx: Context, lang: str | None = None) -> str:
    """The language of the texts: ``lang`` if given, else the "language" setting if it is "fr" or
    "en", else English."""
    if lang:
        return messages.language(lang)
    saved = ctx.setting("language")
    return saved if saved in messages.LANGUAGES else messages.DEFAULT


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
        self._year_walks: dict[tuple[int, int], _YearWalk] = {}  # (person, year): see estimate
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

        if self._lpp_table is None or self._invoice_codes is None:
            self._lpp_table = lpp.table(self.ctx)
            self._invoice_codes = self.ctx.store.claim_field_values("invoice", "lpp_codes")
        codes = list(claim.lpp_codes)
        if not codes and claim.id is not None:  # a claim not stored yet has no invoice
            for value in self._invoice_codes.get(claim.id, []):
                codes += value if isinstance(value, list) else [value] if value else []
        base, unknown = lpp.lookup(self._lpp_table, codes)
        found = {"lpp_base": base, "lpp_unknown": unknown, "lpp_codes": codes}
        if claim.id is not None:
            self._lpp[claim.id] = found
        return found

    def _year_walk(self, person_id: int, year: int) -> _YearWalk:
        """The person's claims of the year (the undated ones count as this year's) in care-date
        order, loaded when first asked: a claim's estimate needs only those, and the window
        asks for one claim of a household of thousands."""
        walk = self._year_walks.get((person_id, year))
        if walk is None:
            claims = sorted(
                self.ctx.store.claims(person_id=person_id, year=year,
                                      undated=year == self.today.year),
                key=lambda c: ((c.care_date or self.today), c.id or 0),
            )
            walk = self._year_walks[(person_id, year)] = _YearWalk(claims)
        return walk

    def estimate(self, claim: Claim) -> rules.Estimate:
        """The claim's estimate, its person's earlier claims that year counting against the caps.

        The person's claims of the year are estimated in care-date order up to this one; the
        walk stops there and goes on from where it stopped when a later claim is asked for."""
        if claim.id in self._estimates:
            return self._estimates[claim.id]
        person = self.people[claim.person_id]
        walk = self._year_walk(claim.person_id, (claim.care_date or self.today).year)
        if claim.id is None or claim.id not in walk.ids:
            # Not stored yet (or not of this year when stored): after every claim of the year.
            caps = CapsSoFar()
            for c in walk.claims:
                caps.add(c, self._estimate_in_walk(c, person, caps), self.tariffs)
            return self.estimate_with(claim, person, caps)
        while walk.done < len(walk.claims):
            c = walk.claims[walk.done]
            est = self.estimate_with(c, person, walk.caps)
            walk.caps.add(c, est, self.tariffs)
            self._estimates[stored_id(c)] = est
            walk.done += 1
            if c.id == claim.id:
                return est
        raise AssertionError("the claim is among the year's claims")

    def _estimate_in_walk(self, c: Claim, person, caps: CapsSoFar) -> rules.Estimate:
        known = self._estimates.get(stored_id(c))
        return known if known is not None else self.estimate_with(c, person, caps)

    def estimate_with(self, claim: Claim, person, caps: CapsSoFar) -> rules.Estimate:
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


class _YearWalk:
    """A person's claims of one year in care-date order, how many of them are estimated, and
    what those used of the caps."""

    def __init__(self, claims: list[Claim]):
        self.claims = claims
        self.ids = {c.id for c in claims}
        self.done = 0
        self.caps = CapsSoFar()


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

