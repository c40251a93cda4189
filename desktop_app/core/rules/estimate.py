"""What the CPAM (AMO) and the mutuelle (AMC) should refund for one claim, and what is left to pay.

Order of the computation, as in FRENCH_RULES §3-§5:
  1. the base (BR), never above what was paid (refunds are "dans la limite des frais exposés");
  2. the AMO rate: override > ALD / maternity > no médecin traitant > local regime > general rate;
  3. AMO before deductions = rate × BR, to the cent half up; the ticket modérateur is BR minus that;
  4. the participation forfaitaire or franchises, with their daily and annual caps and exemptions,
     taken off the AMO (never below 0);
  5. the AMC from the guarantee. A "contrat responsable" does not refund the deductions, so the
     mutuelle works from the AMO *before* deductions and the patient keeps them to pay.

Steps 1 to 4 are core/rules/cpam_share.py's, step 5 core/rules/mutuelle_share.py's; this module
holds what goes in and what comes out, and runs the steps in order.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal

from desktop_app.core.errors import UserError
from desktop_app.core.model import BROADER_CATEGORY, Category, Claim, Person, Regime, TiersPayant
from desktop_app.core.rules import cpam_share, messages, mutuelle_share
from desktop_app.core.rules.cpam_share import (  # noqa: F401 (the names callers import from here)
    FRANCHISE,
    PARTICIPATION,
    deduction_kind,
)
from desktop_app.core.rules.money import ZERO, cents, money_str, percent_str, to_decimal


@dataclass
class EstimateInput:
    category: Category | str
    paid: Decimal  # the whole fee, including any part a payer paid directly (tiers payant)
    base: Decimal | None = None  # None: the amount paid (or 0 for care the CPAM does not cover)
    rate: Decimal | None = None  # percentage; overrides every rate rule
    ald: bool = False  # the care relates to the person's ALD
    maternity: bool = False
    css: bool = False
    minor: bool = False
    regime: Regime | str = Regime.GENERAL
    no_medecin_traitant: bool = False
    guarantee: str | None = None
    forfait_used: Decimal = ZERO  # already refunded this year under a "forfait:N" guarantee
    units: int = 1  # acts, boxes or trips: what franchises and participations count
    # Already taken this year *of the same kind* as this claim's deduction (see deduction_kind):
    # the participation forfaitaire and the franchises each have their own €50 cap.
    deductions_so_far_this_year: Decimal = ZERO
    franchises_so_far_today: Decimal = ZERO  # same kind, same day, same care: the daily caps
    tiers_payant: TiersPayant | str = TiersPayant.NONE
    specialty: str | None = None  # a specialist's field: some are in direct access
    age: int | None = None  # at the care date, when the birth date is known
    contrat_responsable: bool = True
    basket_100: bool = False
    # The base from the LPP table for the claim's codes (services look them up); lpp_unknown
    # when a code is not on the list as far as Paperasse knows.
    lpp_base: Decimal | None = None
    lpp_unknown: list[str] = field(default_factory=list)
    lpp_codes: list[str] = field(default_factory=list)
    day: _dt.date | None = None  # the care date: amounts that changed by decree are taken as then

    @classmethod
    def from_claim(
        cls,
        claim: Claim,
        person: Person,
        *,
        guarantee: str | None = None,
        forfait_used: Decimal = ZERO,
        units: int = 1,
        deductions_so_far_this_year: Decimal = ZERO,
        franchises_so_far_today: Decimal = ZERO,
        lpp_base: Decimal | None = None,
        lpp_unknown: list[str] | None = None,
        lpp_codes: list[str] | None = None,
    ) -> EstimateInput:
        """The inputs a stored claim gives. The guarantee defaults to the person's guarantee for
        the claim's category, else their "default" one."""
        day = claim.care_date or _dt.date.today()
        if guarantee is None:
            table = person.mutuelle_guarantees or {}
            broader = BROADER_CATEGORY.get(Category(str(claim.category)))
            guarantee = (
                table.get(str(claim.category))
                or (table.get(str(broader)) if broader else None)
                or table.get("default")
            )
        return cls(
            category=claim.category,
            paid=to_decimal(claim.amount_paid or "0", "amount paid"),
            base=to_decimal(claim.base, "base") if claim.base not in (None, "") else None,
            rate=to_decimal(claim.amo_rate, "rate") if claim.amo_rate not in (None, "") else None,
            ald=claim.ald,
            maternity=person.in_maternity_on(day),
            css=person.css,
            minor=person.is_minor_on(day),
            regime=person.regime,
            # Per visit: the claim says whether this visit was outside the care path; else the
            # person's médecin traitant decides. Exemptions (age, direct access) are data.
            no_medecin_traitant=(
                claim.out_of_parcours
                if claim.out_of_parcours is not None
                else not person.medecin_traitant
            ),
            specialty=claim.specialty,
            age=_age(person, day),
            contrat_responsable=person.contrat_responsable,
            basket_100=claim.basket_100,
            lpp_base=lpp_base,
            lpp_unknown=list(lpp_unknown or []),
            lpp_codes=list(lpp_codes if lpp_codes is not None else claim.lpp_codes),
            day=claim.care_date,
            guarantee=guarantee,
            forfait_used=forfait_used,
            units=units,
            deductions_so_far_this_year=deductions_so_far_this_year,
            franchises_so_far_today=franchises_so_far_today,
            tiers_payant=claim.tiers_payant,
        )


@dataclass
class Estimate:
    paid: Decimal  # the whole fee, including any part a payer paid directly (tiers payant)
    base: Decimal
    rate: Decimal
    amo_before_deductions: Decimal
    deductions: Decimal
    deduction_kind: str | None  # PARTICIPATION | FRANCHISE | None
    amo: Decimal
    amc: Decimal
    patient: Decimal  # left to pay once both payers have refunded
    ticket_moderateur: Decimal
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "paid": money_str(self.paid),
            "base": money_str(self.base),
            "rate": percent_str(self.rate),
            "amo_before_deductions": money_str(self.amo_before_deductions),
            "deductions": money_str(self.deductions),
            "deduction_kind": self.deduction_kind,
            "amo": money_str(self.amo),
            "amc": money_str(self.amc),
            "patient": money_str(self.patient),
            "ticket_moderateur": money_str(self.ticket_moderateur),
            "notes": list(self.notes),
        }


def estimate(inputs: EstimateInput, tariffs: dict, lang: str = "en") -> Estimate:
    """The figures, with notes saying how they were reached, in ``lang`` ("en" or "fr")."""
    lang = messages.language(lang)
    category = cpam_share.category_of(inputs.category)
    paid = to_decimal(inputs.paid, "amount paid")
    if paid < 0:
        raise UserError(f"amount paid cannot be negative: {paid}")
    notes: list[str] = []

    rate = cpam_share.rate(inputs, category, tariffs, notes, lang)
    forfait_journalier = cpam_share.forfait_journalier(inputs, category, tariffs, notes, lang)
    base = cpam_share.base(inputs, category, tariffs, paid - forfait_journalier, rate, notes, lang)
    amo_gross = cpam_share.amo(inputs, category, tariffs, base, rate, notes, lang)
    ticket_moderateur = base - amo_gross
    increase = cpam_share.parcours_increase(inputs, category, tariffs, base, rate)

    kind, deductions = cpam_share.deductions(inputs, category, tariffs, amo_gross, notes, lang)
    amo = amo_gross - deductions

    amc = mutuelle_share.amc(inputs, base, paid, amo_gross, notes, lang, increase=increase)
    amc = mutuelle_share.amc_extras(
        inputs, category, tariffs, paid, amo_gross, amc, forfait_journalier, increase, notes, lang
    )
    mutuelle_share.tiers_payant_note(inputs, notes, lang)
    return Estimate(
        paid=cents(paid),
        base=cents(base),
        rate=rate,
        amo_before_deductions=amo_gross,
        deductions=deductions,
        deduction_kind=kind,
        amo=amo,
        amc=amc,
        patient=cents(paid) - amo - amc,
        ticket_moderateur=cents(ticket_moderateur),
        notes=notes,
    )


def _age(person: Person, day: _dt.date) -> int | None:
    born = person.birth_date
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
