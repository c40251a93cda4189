"""What the CPAM (AMO) refunds of one claim: steps 1 to 4 of core/rules/estimate.py, the base,
the rate, the refund before deductions and the deductions (participation forfaitaire or
franchises) with their caps and exemptions. Each step appends the notes saying how it was reached."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from desktop_app.core.errors import UserError
from desktop_app.core.model import Category
from desktop_app.core.rules import messages
from desktop_app.core.rules import tariff_values as tariff
from desktop_app.core.rules.messages import message
from desktop_app.core.rules.money import HUNDRED, ZERO, cents, percent_str, to_decimal

if TYPE_CHECKING:  # the inputs are estimate.py's, which asks its steps here
    from desktop_app.core.rules.estimate import EstimateInput

PARTICIPATION = "participation_forfaitaire"
FRANCHISE = "franchise"


def category_of(value: Category | str) -> Category:
    try:
        return Category(str(value))
    except ValueError:
        raise UserError(
            f"unknown care category {value!r}: one of {', '.join(Category.values())}"
        ) from None


def deduction_kind(category: Category | str, tariffs: dict) -> str | None:
    """Which yearly cap a claim of this category counts against: services sum the deductions of
    past claims of the same kind to fill deductions_so_far_this_year."""
    category = category_of(category)
    section = tariffs["deductions"]
    if category.value in tariff.value(section[PARTICIPATION]["categories"]):
        return PARTICIPATION
    if category.value in section[FRANCHISE]["per_unit"]:
        return FRANCHISE
    return None


def rate(
    inputs: EstimateInput, category: Category, tariffs: dict, notes: list[str], lang: str = "en"
) -> Decimal:
    def pct(value: Decimal) -> str:
        return _percent(value, lang)

    what = messages.name_of("category", category.value, lang)
    general = tariff.decimal(tariffs["amo_rates"].get(category.value, {"value": "0"}))
    if inputs.rate is not None:
        rate = to_decimal(inputs.rate, "rate")
        if not 0 <= rate <= 100:
            raise UserError(f"rate must be between 0 and 100 %, got {rate}")
        local = tariff.value(tariffs.get("regime_drug_rates", {}).get(str(inputs.regime), {"value": {}}))
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
        rate = tariff.decimal(tariffs["ald_rate"])
        notes.append(message("note.rate_ald", lang, rate=pct(rate)))
        return rate
    if general > 0 and inputs.maternity:
        rate = tariff.decimal(tariffs["maternity_rate"])
        notes.append(message("note.rate_maternity", lang, rate=pct(rate)))
        return rate
    penalty = tariffs.get("no_medecin_traitant_rates", {}).get(category.value)
    if inputs.no_medecin_traitant and penalty and _parcours_exempt(inputs, tariffs):
        notes.append(message("note.parcours_exempt", lang))
    elif inputs.no_medecin_traitant and penalty:
        rate = tariff.decimal(penalty)
        notes.append(
            message("note.rate_no_medecin_traitant", lang, rate=pct(rate), general=pct(general))
        )
        return rate
    regime = str(inputs.regime)
    local = tariffs.get("regime_rates", {}).get(regime, {}).get(category.value)
    if local:
        rate = tariff.decimal(local)
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


def base(
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
        if category.value in tariff.value(tariffs.get("lpp_base_categories", {"value": []})):
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


def forfait_journalier(
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
    exempt = tariff.value(section.get("forfait_journalier_exempt", {"value": []}))
    if any(flags.get(why) for why in exempt):
        notes.append(message("note.forfait_journalier_exempt", lang))
        return ZERO
    days = max(int(inputs.units), 1)
    per_day = tariff.dated(section[key], inputs.day)
    amount = cents(per_day * days)
    notes.append(message("note.forfait_journalier", lang, amount=messages.money(amount, lang),
                         days=days, per_day=messages.money(per_day, lang)))
    return amount


def amo(
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
    if threshold is not None and base >= tariff.decimal(threshold):
        fee = tariff.dated(section["heavy_act_flat_fee"], inputs.day)
        notes.append(message("note.heavy_act", lang, fee=messages.money(fee, lang),
                             threshold=messages.money(tariff.decimal(threshold), lang)))
        return max(base - fee, ZERO)
    full_from = section.get("full_rate_from_day")
    days = max(int(inputs.units), 1)
    if full_from is not None and days >= int(tariff.value(full_from)):
        at_rate = int(tariff.value(full_from)) - 1
        notes.append(message("note.full_rate_from_day", lang, day=at_rate + 1))
        return cents(base * (rate * at_rate + HUNDRED * (days - at_rate)) / (HUNDRED * days))
    return amo


def _parcours_exempt(inputs: EstimateInput, tariffs: dict) -> bool:
    rules = tariffs.get("out_of_parcours", {})
    below = tariff.value(rules.get("exempt_below_age", {"value": 16}))
    if inputs.age is not None and inputs.age < int(below):
        return True
    specialty = inputs.specialty or ""
    if specialty in tariff.value(rules.get("direct_access", {"value": []})):
        return True
    ages = tariff.value(rules.get("direct_access_by_age", {"value": {}})).get(specialty)
    return bool(ages and inputs.age is not None and ages[0] <= inputs.age <= ages[1])


def parcours_increase(
    inputs: EstimateInput, category: Category, tariffs: dict, base: Decimal, rate: Decimal
) -> Decimal:
    """What the out-of-parcours rate took off the CPAM's refund (0 when it did not apply)."""
    penalty = tariffs.get("no_medecin_traitant_rates", {}).get(category.value)
    if not (inputs.no_medecin_traitant and penalty) or inputs.rate is not None:
        return ZERO
    if inputs.ald or inputs.maternity or _parcours_exempt(inputs, tariffs):
        return ZERO
    if rate != tariff.decimal(penalty):
        return ZERO
    general = tariff.decimal(tariffs["amo_rates"].get(category.value, {"value": "0"}))
    return max(cents(general * base / HUNDRED) - cents(rate * base / HUNDRED), ZERO)


def deductions(
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
        if flag and tariff.value(tariffs["exemptions"].get(why, {"value": False}))
    ]
    if exempt:
        reasons = ", ".join(message(f"exempt.{why}", lang) for why in exempt)
        notes.append(message(f"note.exempt.{kind}", lang, reasons=reasons))
        return kind, ZERO

    section = tariffs["deductions"][kind]
    units = Decimal(max(int(inputs.units), 0))
    if kind == PARTICIPATION:
        per_unit = tariff.decimal(section["per_unit"])
        amount = per_unit * units
        daily_cap = section.get("daily_cap")
    else:
        per_unit = tariff.decimal(section["per_unit"][category.value])
        amount = per_unit * units
        daily_cap = section.get("daily_cap", {}).get(category.value)
    detail = f"{units} × {messages.money(per_unit, lang)}"
    if daily_cap is not None:
        room_today = max(tariff.decimal(daily_cap) - to_decimal(inputs.franchises_so_far_today), ZERO)
        if amount > room_today:
            amount = room_today
            detail += message("deduction.daily_cap", lang, cap=messages.money(tariff.decimal(daily_cap), lang))
    annual_cap = tariff.decimal(section["annual_cap"])
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


def _percent(value: Decimal, lang: str) -> str:
    text = percent_str(value)
    return text.replace(".", ",") if messages.language(lang) == "fr" else text
