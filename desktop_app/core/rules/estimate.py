"""What the CPAM (AMO) and the mutuelle (AMC) should refund for one claim, and what is left to pay.

Order of the computation, as in FRENCH_RULES §3-§5:
  1. the base (BR), never above what was paid (refunds are "dans la limite des frais exposés");
  2. the AMO rate: override > ALD / maternity > no médecin traitant > local regime > general rate;
  3. AMO before deductions = rate × BR, to the cent half up; the ticket modérateur is BR minus that;
  4. the participation forfaitaire or franchises, with their daily and annual caps and exemptions,
     taken off the AMO (never below 0);
  5. the AMC from the guarantee. A "contrat responsable" does not refund the deductions, so the
     mutuelle works from the AMO *before* deductions and the patient keeps them to pay.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal

from desktop_app.core.errors import UserError
from desktop_app.core.model import Category, Claim, Person, Regime, TiersPayant
from desktop_app.core.rules import messages
from desktop_app.core.rules.guarantee import FORFAIT, FRAIS_REELS, PERCENT_BR, parse_guarantee
from desktop_app.core.rules.messages import message
from desktop_app.core.rules.money import ZERO, cents, money_str, percent_str, to_decimal

PARTICIPATION = "participation_forfaitaire"
FRANCHISE = "franchise"
HUNDRED = Decimal(100)


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
    franchises_so_far_today: Decimal = ZERO  # for the daily caps of paramedical acts and transport
    tiers_payant: TiersPayant | str = TiersPayant.NONE

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
    ) -> EstimateInput:
        """The inputs a stored claim gives. The guarantee defaults to the person's guarantee for
        the claim's category, else their "default" one."""
        day = claim.care_date or _dt.date.today()
        if guarantee is None:
            table = person.mutuelle_guarantees or {}
            guarantee = table.get(str(claim.category)) or table.get("default")
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
            # Children under 16 need no médecin traitant: no penalty rate for them.
            no_medecin_traitant=not person.medecin_traitant and not _under(person, day, 16),
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
    category = _category(inputs.category)
    paid = to_decimal(inputs.paid, "amount paid")
    if paid < 0:
        raise UserError(f"amount paid cannot be negative: {paid}")
    notes: list[str] = []

    rate = _rate(inputs, category, tariffs, notes, lang)
    base = _base(inputs, paid, rate, notes, lang)
    amo_gross = cents(rate * base / HUNDRED)
    ticket_moderateur = base - amo_gross

    kind, deductions = _deductions(inputs, category, tariffs, amo_gross, notes, lang)
    amo = amo_gross - deductions

    amc = _amc(inputs, base, paid, amo_gross, notes, lang)
    _tiers_payant_note(inputs, notes, lang)
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


def deduction_kind(category: Category | str, tariffs: dict) -> str | None:
    """Which yearly cap a claim of this category counts against: services sum the deductions of
    past claims of the same kind to fill deductions_so_far_this_year."""
    category = _category(category)
    section = tariffs["deductions"]
    if category.value in _value(section[PARTICIPATION]["categories"]):
        return PARTICIPATION
    if category.value in section[FRANCHISE]["per_unit"]:
        return FRANCHISE
    return None


def _rate(
    inputs: EstimateInput, category: Category, tariffs: dict, notes: list[str], lang: str = "en"
) -> Decimal:
    def pct(value: Decimal) -> str:
        return _percent(value, lang)

    what = messages.name_of("category", category.value, lang)
    general = _decimal(tariffs["amo_rates"].get(category.value, {"value": "0"}))
    if inputs.rate is not None:
        rate = to_decimal(inputs.rate, "rate")
        if not 0 <= rate <= 100:
            raise UserError(f"rate must be between 0 and 100 %, got {rate}")
        notes.append(message("note.rate_entered", lang, rate=pct(rate)))
        return rate
    # ALD and maternity raise the rate of covered care only: they do not make osteopathy refundable.
    if general > 0 and inputs.ald:
        rate = _decimal(tariffs["ald_rate"])
        notes.append(message("note.rate_ald", lang, rate=pct(rate)))
        return rate
    if general > 0 and inputs.maternity:
        rate = _decimal(tariffs["maternity_rate"])
        notes.append(message("note.rate_maternity", lang, rate=pct(rate)))
        return rate
    penalty = tariffs.get("no_medecin_traitant_rates", {}).get(category.value)
    if inputs.no_medecin_traitant and penalty:
        rate = _decimal(penalty)
        notes.append(
            message("note.rate_no_medecin_traitant", lang, rate=pct(rate), general=pct(general))
        )
        return rate
    regime = str(inputs.regime)
    local = tariffs.get("regime_rates", {}).get(regime, {}).get(category.value)
    if local:
        rate = _decimal(local)
        notes.append(
            message(
                "note.rate_regime", lang, rate=pct(rate), category=what,
                regime=messages.name_of("regime", regime, lang),
            )
        )
        return rate
    if general == 0:
        notes.append(message("note.not_covered", lang))
    else:
        notes.append(message("note.rate", lang, rate=pct(general), category=what))
    return general


def _base(
    inputs: EstimateInput, paid: Decimal, rate: Decimal, notes: list[str], lang: str = "en"
) -> Decimal:
    if inputs.base is None:
        # Uncovered care has no base de remboursement, so "% BR" guarantees give nothing for it.
        return paid if rate > 0 else ZERO
    base = to_decimal(inputs.base, "base")
    if base < 0:
        raise UserError(f"base cannot be negative: {base}")
    if base > paid:
        notes.append(
            message("note.base_above_paid", lang, base=_money(base, lang), paid=_money(paid, lang))
        )
        return paid
    return base


def _deductions(
    inputs: EstimateInput,
    category: Category,
    tariffs: dict,
    amo_gross: Decimal,
    notes: list[str],
    lang: str = "en",
) -> tuple[str | None, Decimal]:
    kind = deduction_kind(category, tariffs)
    if kind is None:
        return None, ZERO
    flags = {"minor": inputs.minor, "maternity": inputs.maternity, "css": inputs.css}
    exempt = [
        why
        for why, flag in flags.items()
        if flag and _value(tariffs["exemptions"].get(why, {"value": False}))
    ]
    if exempt:
        reasons = ", ".join(message(f"exempt.{why}", lang) for why in exempt)
        notes.append(message(f"note.exempt.{kind}", lang, reasons=reasons))
        return kind, ZERO

    section = tariffs["deductions"][kind]
    units = Decimal(max(int(inputs.units), 0))
    if kind == PARTICIPATION:
        per_unit = _decimal(section["per_unit"])
        amount = per_unit * units
        daily_cap = None
    else:
        per_unit = _decimal(section["per_unit"][category.value])
        amount = per_unit * units
        daily_cap = section.get("daily_cap", {}).get(category.value)
    detail = f"{units} × {_money(per_unit, lang)}"
    if daily_cap is not None:
        room_today = max(_decimal(daily_cap) - to_decimal(inputs.franchises_so_far_today), ZERO)
        if amount > room_today:
            amount = room_today
            detail += message("deduction.daily_cap", lang, cap=_money(_decimal(daily_cap), lang))
    annual_cap = _decimal(section["annual_cap"])
    room_year = max(annual_cap - to_decimal(inputs.deductions_so_far_this_year), ZERO)
    if amount > room_year:
        amount = room_year
        detail += message("deduction.annual_cap", lang, cap=_money(annual_cap, lang))
    if amount > amo_gross:
        # The CPAM recovers the rest on later refunds; this claim alone cannot go below 0.
        amount = amo_gross
        detail += message("deduction.this_claim", lang)
    amount = cents(amount)
    notes.append(
        message(f"note.deduction.{kind}", lang, amount=_money(amount, lang), detail=detail)
    )
    return kind, amount


def _amc(
    inputs: EstimateInput,
    base: Decimal,
    paid: Decimal,
    amo_gross: Decimal,
    notes: list[str],
    lang: str = "en",
) -> Decimal:
    guarantee = parse_guarantee(inputs.guarantee)
    if guarantee is None and inputs.css:
        guarantee = parse_guarantee("100% BR")
        notes.append(message("note.css", lang))
    if guarantee is None:
        notes.append(message("note.no_guarantee", lang))
        return ZERO
    # All the CPAM leaves except its deductions, which a contrat responsable never refunds.
    room = max(cents(paid) - amo_gross, ZERO)
    if guarantee.kind == PERCENT_BR:
        ceiling = cents(guarantee.percent * base / HUNDRED)
        amc = min(max(ceiling - amo_gross, ZERO), room)
        notes.append(
            message(
                "note.percent_br", lang, guarantee=guarantee.describe(lang),
                ceiling=_money(ceiling, lang),
            )
        )
        return amc
    if guarantee.kind == FORFAIT:
        left = max(guarantee.forfait - to_decimal(inputs.forfait_used, "forfait used"), ZERO)
        amc = cents(min(left, room))
        notes.append(
            message(
                "note.forfait", lang, guarantee=guarantee.describe(lang), left=_money(left, lang)
            )
        )
        return amc
    assert guarantee.kind == FRAIS_REELS
    notes.append(message("note.frais_reels", lang))
    return room


def _tiers_payant_note(inputs: EstimateInput, notes: list[str], lang: str = "en") -> None:
    tiers = str(inputs.tiers_payant)
    if tiers == TiersPayant.AMO.value:
        notes.append(message("note.tiers_payant_amo", lang))
    elif tiers == TiersPayant.ALL.value:
        notes.append(message("note.tiers_payant_all", lang))


def _money(value: Decimal, lang: str) -> str:
    return money_str(value) if messages.language(lang) == "en" else messages.money(value, lang)


def _percent(value: Decimal, lang: str) -> str:
    text = percent_str(value)
    return text.replace(".", ",") if messages.language(lang) == "fr" else text


def _under(person: Person, day: _dt.date, years: int) -> bool:
    born = person.birth_date
    if born is None:
        return False
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day)) < years


def _category(value: Category | str) -> Category:
    try:
        return Category(str(value))
    except ValueError:
        raise UserError(
            f"unknown care category {value!r}: one of {', '.join(Category.values())}"
        ) from None


def _value(entry: object) -> object:
    # Leaves of the data file are {"value", "sources", "unconfirmed"}; accept a bare value too.
    return entry["value"] if isinstance(entry, dict) else entry


def _decimal(entry: object) -> Decimal:
    return to_decimal(_value(entry), "tariff value")
