"""How a claim was billed, and the steps that follow from it without the user doing anything.

Most care in France is billed with the carte Vitale: the professional sends an electronic care
sheet (FSE) and the CPAM refunds on its own. Only a paper care sheet has to be posted. Under tiers
payant a payer pays the professional directly. So a claim's CPAM track can start "sent" on the care
date (electronic), and a mutuelle linked by NOEMIE hears of a tiers-payant claim from the CPAM.

These automatic steps are not stored: they follow from the claim each time, so changing the
billing, the care date or the tiers payant moves them, and undo never has to reach them.
The defaults (which attachments mean paper, which categories come on paper) are data: the
"billing" section of resources/rules/tariffs.json.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.core.model import Billing, Claim, Payer, Person, TiersPayant
from desktop_app.core.rules.tracks import (
    ELECTRONIC,
    NOEMIE_TIERS_PAYANT,
    Channel,
    TrackEvent,
    TrackState,
    is_automatic,
)

__all__ = [
    "ELECTRONIC", "NOEMIE_TIERS_PAYANT", "TIERS_PAYANT_INTEGRAL", "automatic_events",
    "billing_label", "effective_billing", "effective_tiers_payant", "is_automatic",
]

TIERS_PAYANT_INTEGRAL = "tiers_payant_integral"  # how billing reads when both parts were direct


def _value(entry, default):
    if entry is None:
        return default
    return entry["value"] if isinstance(entry, dict) else entry


def effective_billing(claim: Claim, document_kinds: Iterable[str], tariffs: dict) -> Billing:
    """The billing the user chose, else paper when a paper care sheet is attached or the category
    usually comes on paper, else electronic."""
    if claim.billing is not None:
        return Billing(str(claim.billing))
    section = tariffs.get("billing", {})
    paper_kinds = set(_value(section.get("paper_when_attached"), ["care_sheet"]))
    if paper_kinds & {str(k) for k in document_kinds}:
        return Billing.PAPER
    if str(claim.category) in _value(section.get("paper_categories"), []):
        return Billing.PAPER
    return Billing.VITALE


def effective_tiers_payant(claim: Claim, person: Person | None, tariffs: dict) -> TiersPayant:
    """The claim's tiers payant; a CSS beneficiary has both parts paid directly, whatever was
    typed (the complementary part is the CSS's, handled by the CPAM or the chosen organisation)."""
    if person is not None and person.css:
        css = _value(tariffs.get("billing", {}).get("css_tiers_payant"), TiersPayant.ALL.value)
        return TiersPayant(css)
    return TiersPayant(str(claim.tiers_payant))


def billing_label(billing: Billing, tiers_payant: TiersPayant | str) -> str:
    """One word for the window and the command line: vitale, paper or tiers_payant_integral."""
    if str(tiers_payant) == TiersPayant.ALL.value:
        return TIERS_PAYANT_INTEGRAL
    return str(billing)


def automatic_events(
    claim: Claim,
    billing: Billing,
    tiers_payant: TiersPayant | str,
    noemie: bool,
    cpam_covers: bool,
) -> list[TrackEvent]:
    """The steps that happened without the user: the electronic sending to the CPAM on the care
    date, and NOEMIE telling the mutuelle of a claim the CPAM paid the professional for."""
    if claim.care_date is None or not cpam_covers:
        return []
    tiers = str(tiers_payant)
    cpam_direct = tiers in (TiersPayant.AMO.value, TiersPayant.ALL.value)
    mutuelle_direct = tiers in (TiersPayant.ALL.value, TiersPayant.AMC.value)
    events = []
    stamp = ""  # no user action: undo and the grouping of one action's steps never take them
    if billing is Billing.VITALE and not cpam_direct:
        events.append(
            TrackEvent(
                Payer.CPAM, TrackState.SENT, at=stamp, date=claim.care_date,
                channel=Channel.ONLINE, reason=ELECTRONIC,
            )
        )
    if cpam_direct and noemie and not mutuelle_direct:
        events.append(
            TrackEvent(
                Payer.MUTUELLE, TrackState.SENT, at=stamp, date=claim.care_date,
                channel=Channel.NOEMIE, reason=NOEMIE_TIERS_PAYANT,
            )
        )
    return events

