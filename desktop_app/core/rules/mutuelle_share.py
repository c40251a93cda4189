"""What the mutuelle (AMC) refunds of one claim: step 5 of core/rules/estimate.py, from the
guarantee, and what a contrat responsable changes (100 % santé baskets, the forfait journalier,
never the deductions nor the out-of-parcours increase)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from desktop_app.core.model import Category, TiersPayant
from desktop_app.core.rules import messages
from desktop_app.core.rules import tariff_values as tariff
from desktop_app.core.rules.guarantee import FORFAIT, FRAIS_REELS, PERCENT_BR, parse_guarantee
from desktop_app.core.rules.messages import message
from desktop_app.core.rules.money import HUNDRED, ZERO, cents, to_decimal

if TYPE_CHECKING:  # the inputs are estimate.py's, which asks its steps here
    from desktop_app.core.rules.estimate import EstimateInput


def amc(
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


def amc_extras(
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
        refunds = tariff.value(
            tariffs.get("out_of_parcours", {}).get("responsable_refunds_increase", {"value": False})
        )
        if not refunds:
            notes.append(message("note.parcours_increase", lang, amount=messages.money(increase, lang)))
    baskets = tariff.value(tariffs.get("basket_100", {}).get("categories", {"value": []}))
    if inputs.basket_100 and category.value in baskets:
        if inputs.contrat_responsable:
            notes.append(message("note.basket_100", lang))
            return room
        notes.append(message("note.basket_100_not_responsable", lang))
    covers = tariff.value(
        tariffs.get("hospital", {}).get("responsable_covers_forfait_journalier", {"value": False})
    )
    if forfait_journalier > 0 and inputs.contrat_responsable and covers:
        extra = min(forfait_journalier, max(room - amc, ZERO))
        notes.append(message("note.forfait_journalier_amc", lang, amount=messages.money(extra, lang)))
        return amc + extra
    return amc


def tiers_payant_note(inputs: EstimateInput, notes: list[str], lang: str = "en") -> None:
    tiers = str(inputs.tiers_payant)
    if tiers == TiersPayant.AMO.value:
        notes.append(message("note.tiers_payant_amo", lang))
    elif tiers == TiersPayant.ALL.value:
        notes.append(message("note.tiers_payant_all", lang))
