"""What each payer owes on each claim, what was sent, what came back, what to do next: the one
place the window, the command line and the other services ask.

The work is done in these modules, whose names this one gives again:

- services/claim_facts.py: what judging a claim needs of the household, loaded once per call
  (``_Household``, ``CapsSoFar``, the rule files, ``language``);
- services/claim_status.py: a claim's status worked out (``claim_status``);
- services/track_steps.py: the steps a user records (``mark_sent``, ``record_payment``,
  ``mark_rejected``, ``close_track``, ``undo_last``);
- services/household.py: every claim's status and the totals, kept between runs
  (services/household_check.py: ``check`` from them).

Here: the stored steps read as track events, and the household-wide answers.

What they return is typed (services/results/): ``ClaimStatus`` (its ``tracks[payer]`` a
``TrackStatus`` with its ``history`` of ``TrackStep``, its ``missing`` ``ChecklistItem``s, its
``estimate`` ``EstimateFigures``), ``HouseholdStatus`` (``claims``: the statuses, ``totals``: a
``HouseholdTotals``) and ``check``'s ``Problem``s; each type's ``to_json()`` is what the command
line prints with ``--json`` (amounts as decimal strings).

Texts (missing items, next actions, estimate notes, refused steps, check messages) are in the
language asked with ``lang`` ("en" or "fr"); ``lang=None`` means the "language" setting when it is
"fr" or "en", else English (the command line stays English unless the user chose French). Each
track also carries ``next_action_id``, a stable id of its next action (core/rules/messages.py),
for code that must tell actions apart whatever the language.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from desktop_app.core import rules
from desktop_app.core.errors import UserError
from desktop_app.core.model import PAYERS, Category  # noqa: F401  (PAYERS: said again here)
from desktop_app.core.rules.money import to_decimal
from desktop_app.services.claim_facts import (  # noqa: F401  (names said again here)
    CapsSoFar,
    _Household,
    _load,
    _lpp_categories,
    _Row,
    completeness_rules,
    language,
    tariffs,
)
from desktop_app.services.claim_status import TOLERANCE, _follow_up, _status, claim_status  # noqa: F401
from desktop_app.services.context import Context
from desktop_app.services.parsing import parse_amount
from desktop_app.services.results import ClaimStatus, EstimateFigures

if TYPE_CHECKING:  # imported when called: household imports this module
    from desktop_app.services.household_problems import Problems
    from desktop_app.services.status_list import HouseholdStatus
from desktop_app.services.track_steps import (  # noqa: F401  (names said again here)
    _day,
    _event_row,
    _payer,
    _record,
    close_track,
    mark_rejected,
    mark_sent,
    record_payment,
    undo_last,
)
from desktop_app.store.rows import StoredEvent


def _events(ctx: Context, claim_id: int) -> list[_Row]:
    return [_to_row(r) for r in ctx.store.events(claim_id)]


def _to_row(r: StoredEvent) -> _Row:
    return _Row(r.id, r.event)


def household_status(
    ctx: Context, person=None, year=None, today: _dt.date | None = None, lang: str | None = None
) -> HouseholdStatus[ClaimStatus]:
    """Every claim's status and the totals (services/household.py works them out)."""
    from desktop_app.services import household

    return household.household_status(ctx, person, year, today, lang)


def check(ctx: Context, today: _dt.date | None = None, lang: str | None = None) -> Problems:
    """Every missing item and overdue action in the household, in ``lang`` (``Problem``s)."""
    from desktop_app.services import household_check

    return household_check.check(ctx, today, lang)


def estimate_amounts(
    ctx: Context | None,
    category: str,
    paid,
    base=None,
    rate=None,
    **flags,
) -> EstimateFigures:
    """One estimate from explicit inputs (``paperasse estimate``), as a claim status shows it."""
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
    return EstimateFigures.from_json(rules.estimate(inputs, data).to_dict())
