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
from typing import Any

from desktop_app.core.errors import UserError
from desktop_app.core.model import BROADER_CATEGORY, Category, Claim, Person, Regime, TiersPayant
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
    category = _category(inputs.category)
    paid = to_decimal(inputs.paid, "amount paid")
    if paid < 0:
        raise UserError(f"amount paid cannot be negative: {paid}")
    notes: list[str] = []

    rate = _rate(inputs, category, tariffs, notes, lang)
    forfait_journalier = _forfait_journalier(inputs, category, tariffs, notes, lang)
    base = _base(inputs, category, tariffs, paid - forfait_journalier, rate, notes, lang)
    amo_gross = _amo(inputs, category, tariffs, base, rate, notes, lang)
    ticket_moderateur = base - amo_gross
    increase = _parcours_increase(inputs, category, tariffs, base, rate)

    kind, deductions = _deductions(inputs, category, tariffs, amo_gross, notes, lang)
    amo = amo_gross - deductions

    amc = _amc(inputs, base, paid, amo_gross, notes, lang, increase=increase)
    amc = _amc_extras(
        inputs, category, tariffs, paid, amo_gross, amc, forfait_journalier, increase, notes, lang
    )
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
        local = _value(tariffs.get("regime_drug_rates", {}).get(str(inputs.regime), {"value": {}}))
        if category is Category.PHARMACY and percent_str(rate) in local:
            mapped = to_decimal(local[percent_str(rate)], "rate")
            notes.append(message(
                "note.rate_drug_regime", lang, rate=pct(mapped), national=pct(rate),
                regime=messages.name_of("regime", str(inputs.regime), lang),
            ))
            return mapped
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
    if inputs.no_medecin_traitant and penalty and _parcours_exempt(inputs, tariffs):
        notes.append(message("note.parcours_exempt", lang))
    elif inputs.no_medecin_traitant and penalty:
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
    inputs: EstimateInput,
    category: Category,
    tariffs: dict,
    paid: Decimal,
    rate: Decimal,
    notes: list[str],
    lang: str = "en",
) -> Decimal:
    """The base: typed, else the LPP tariff for devices, else what was paid (less the forfait
    journalier for a stay). Uncovered care has no base, so "% BR" guarantees give nothing."""
    paid = max(paid, ZERO)
    if inputs.base is None:
        if rate == 0:
            return ZERO
        if category.value in _value(tariffs.get("lpp_base_categories", {"value": []})):
            return _lpp_base(inputs, paid, notes, lang)
        return paid
    base = to_decimal(inputs.base, "base")
    if base < 0:
        raise UserError(f"base cannot be negative: {base}")
    if base > paid:
        notes.append(
            message("note.base_above_paid", lang, base=messages.money(base, lang), paid=messages.money(paid, lang))
        )
        return paid
    return base


def _lpp_base(inputs: EstimateInput, paid: Decimal, notes: list[str], lang: str) -> Decimal:
    # A device's base is its LPP tariff, never the price paid: an unlisted device gets nothing.
    if inputs.lpp_unknown:
        notes.append(message("note.lpp_unknown", lang, codes=", ".join(inputs.lpp_unknown)))
    if inputs.lpp_base is None:
        if not inputs.lpp_unknown:
            notes.append(message("note.lpp_no_code", lang))
        return ZERO
    base = min(to_decimal(inputs.lpp_base), paid)
    notes.append(message("note.lpp_base", lang, base=messages.money(base, lang),
                         codes=", ".join(inputs.lpp_codes)))
    return base


def _forfait_journalier(
    inputs: EstimateInput, category: Category, tariffs: dict, notes: list[str], lang: str
) -> Decimal:
    """The daily charge of a stay (units = days), part of what was paid but never of the base."""
    key = {
        Category.HOSPITAL: "forfait_journalier",
        Category.HOSPITAL_PSYCHIATRY: "forfait_journalier_psychiatry",
    }.get(category)
    section = tariffs.get("hospital", {})
    if key is None or key not in section:
        return ZERO
    flags = {"maternity": inputs.maternity, "css": inputs.css,
             str(inputs.regime): str(inputs.regime) != "general"}
    exempt = _value(section.get("forfait_journalier_exempt", {"value": []}))
    if any(flags.get(why) for why in exempt):
        notes.append(message("note.forfait_journalier_exempt", lang))
        return ZERO
    days = max(int(inputs.units), 1)
    per_day = _dated(section[key], inputs.day)
    amount = cents(per_day * days)
    notes.append(message("note.forfait_journalier", lang, amount=messages.money(amount, lang),
                         days=days, per_day=messages.money(per_day, lang)))
    return amount


def _amo(
    inputs: EstimateInput,
    category: Category,
    tariffs: dict,
    base: Decimal,
    rate: Decimal,
    notes: list[str],
    lang: str,
) -> Decimal:
    amo = cents(rate * base / HUNDRED)
    if category not in (Category.HOSPITAL, Category.HOSPITAL_PSYCHIATRY) or rate >= HUNDRED:
        return amo
    section = tariffs.get("hospital", {})
    threshold = section.get("heavy_act_threshold")
    if threshold is not None and base >= _decimal(threshold):
        fee = _dated(section["heavy_act_flat_fee"], inputs.day)
        notes.append(message("note.heavy_act", lang, fee=messages.money(fee, lang),
                             threshold=messages.money(_decimal(threshold), lang)))
        return max(base - fee, ZERO)
    full_from = section.get("full_rate_from_day")
    days = max(int(inputs.units), 1)
    if full_from is not None and days >= int(_value(full_from)):
        at_rate = int(_value(full_from)) - 1
        notes.append(message("note.full_rate_from_day", lang, day=at_rate + 1))
        return cents(base * (rate * at_rate + HUNDRED * (days - at_rate)) / (HUNDRED * days))
    return amo


def _parcours_exempt(inputs: EstimateInput, tariffs: dict) -> bool:
    rules = tariffs.get("out_of_parcours", {})
    below = _value(rules.get("exempt_below_age", {"value": 16}))
    if inputs.age is not None and inputs.age < int(below):
        return True
    specialty = inputs.specialty or ""
    if specialty in _value(rules.get("direct_access", {"value": []})):
        return True
    ages = _value(rules.get("direct_access_by_age", {"value": {}})).get(specialty)
    return bool(ages and inputs.age is not None and ages[0] <= inputs.age <= ages[1])


def _parcours_increase(
    inputs: EstimateInput, category: Category, tariffs: dict, base: Decimal, rate: Decimal
) -> Decimal:
    """What the out-of-parcours rate took off the CPAM's refund (0 when it did not apply)."""
    penalty = tariffs.get("no_medecin_traitant_rates", {}).get(category.value)
    if not (inputs.no_medecin_traitant and penalty) or inputs.rate is not None:
        return ZERO
    if inputs.ald or inputs.maternity or _parcours_exempt(inputs, tariffs):
        return ZERO
    if rate != _decimal(penalty):
        return ZERO
    general = _decimal(tariffs["amo_rates"].get(category.value, {"value": "0"}))
    return max(cents(general * base / HUNDRED) - cents(rate * base / HUNDRED), ZERO)


def _amc_extras(
    inputs: EstimateInput,
    category: Category,
    tariffs: dict,
    paid: Decimal,
    amo_gross: Decimal,
    amc: Decimal,
    forfait_journalier: Decimal,
    increase: Decimal,
    notes: list[str],
    lang: str,
) -> Decimal:
    """What a contrat responsable changes: 100 % santé baskets and the forfait journalier in
    full; never the out-of-parcours increase."""
    if inputs.guarantee is None and not inputs.css:
        return amc
    room = max(cents(paid) - amo_gross, ZERO)
    if increase > 0 and inputs.contrat_responsable:
        refunds = _value(
            tariffs.get("out_of_parcours", {}).get("responsable_refunds_increase", {"value": False})
        )
        if not refunds:
            notes.append(message("note.parcours_increase", lang, amount=messages.money(increase, lang)))
    baskets = _value(tariffs.get("basket_100", {}).get("categories", {"value": []}))
    if inputs.basket_100 and category.value in baskets:
        if inputs.contrat_responsable:
            notes.append(message("note.basket_100", lang))
            return room
        notes.append(message("note.basket_100_not_responsable", lang))
    covers = _value(
        tariffs.get("hospital", {}).get("responsable_covers_forfait_journalier", {"value": False})
    )
    if forfait_journalier > 0 and inputs.contrat_responsable and covers:
        extra = min(forfait_journalier, max(room - amc, ZERO))
        notes.append(message("note.forfait_journalier_amc", lang, amount=messages.money(extra, lang)))
        return amc + extra
    return amc


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
        daily_cap = section.get("daily_cap")
    else:
        per_unit = _decimal(section["per_unit"][category.value])
        amount = per_unit * units
        daily_cap = section.get("daily_cap", {}).get(category.value)
    detail = f"{units} × {messages.money(per_unit, lang)}"
    if daily_cap is not None:
        room_today = max(_decimal(daily_cap) - to_decimal(inputs.franchises_so_far_today), ZERO)
        if amount > room_today:
            amount = room_today
            detail += message("deduction.daily_cap", lang, cap=messages.money(_decimal(daily_cap), lang))
    annual_cap = _decimal(section["annual_cap"])
    room_year = max(annual_cap - to_decimal(inputs.deductions_so_far_this_year), ZERO)
    if amount > room_year:
        amount = room_year
        detail += message("deduction.annual_cap", lang, cap=messages.money(annual_cap, lang))
    if amount > amo_gross:
        # The CPAM recovers the rest on later refunds; this claim alone cannot go below 0.
        amount = amo_gross
        detail += message("deduction.this_claim", lang)
    amount = cents(amount)
    notes.append(
        message(f"note.deduction.{kind}", lang, amount=messages.money(amount, lang), detail=detail)
    )
    return kind, amount


def _amc(
    inputs: EstimateInput,
    base: Decimal,
    paid: Decimal,
    amo_gross: Decimal,
    notes: list[str],
    lang: str = "en",
    increase: Decimal = ZERO,
) -> Decimal:
    guarantee = parse_guarantee(inputs.guarantee)
    if guarantee is None and inputs.css:
        guarantee = parse_guarantee("100% BR")
        notes.append(message("note.css", lang))
    if guarantee is None:
        notes.append(message("note.no_guarantee", lang))
        return ZERO
    # All the CPAM leaves except its deductions, which a contrat responsable never refunds, nor
    # the out-of-parcours increase: the mutuelle works as if the CPAM had paid its usual rate.
    room = max(cents(paid) - amo_gross, ZERO)
    if inputs.contrat_responsable and increase > 0:
        room = max(room - increase, ZERO)
        amo_gross = amo_gross + increase
    if guarantee.kind == PERCENT_BR and guarantee.percent is not None:
        ceiling = cents(guarantee.percent * base / HUNDRED)
        amc = min(max(ceiling - amo_gross, ZERO), room)
        notes.append(
            message(
                "note.percent_br", lang, guarantee=guarantee.describe(lang),
                ceiling=messages.money(ceiling, lang),
            )
        )
        return amc
    if guarantee.kind == FORFAIT and guarantee.forfait is not None:
        left = max(guarantee.forfait - to_decimal(inputs.forfait_used, "forfait used"), ZERO)
        amc = cents(min(left, room))
        notes.append(
            message(
                "note.forfait", lang, guarantee=guarantee.describe(lang), left=messages.money(left, lang)
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



def _percent(value: Decimal, lang: str) -> str:
    text = percent_str(value)
    return text.replace(".", ",") if messages.language(lang) == "fr" else text


def _age(person: Person, day: _dt.date) -> int | None:
    born = person.birth_date
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _category(value: Category | str) -> Category:
    try:
        return Category(str(value))
    except ValueError:
        raise UserError(
            f"unknown care category {value!r}: one of {', '.join(Category.values())}"
        ) from None


def _value(entry: Any) -> Any:
    # Leaves of the data file are {"value", "sources", "unconfirmed"}; accept a bare value too.
    return entry["value"] if isinstance(entry, dict) else entry


def _dated(entry: Any, day: _dt.date | None) -> Decimal:
    """A value that changed by decree: the one in force on ``day`` (entries' "by_date" list of
    {"from", "value"}), today's when the day is not known."""
    value = _value(entry)
    when = (day or _dt.date.today()).isoformat()
    for step in sorted(entry.get("by_date", []) if isinstance(entry, dict) else [],
                       key=lambda s: s["from"]):
        if step["from"] <= when:
            value = step["value"]
    return to_decimal(value, "tariff value")


def _decimal(entry: Any) -> Decimal:
    return to_decimal(_value(entry), "tariff value")
