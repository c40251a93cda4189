"""Deadlines to claim and follow-up dates (FRENCH_RULES §6)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

OK = "ok"
SOON = "soon"
PASSED = "passed"


@dataclass(frozen=True)
class DeadlineSettings:
    """User-editable delays; the defaults are the app's, not the law's (no official paper delay)."""

    warn_days: int = 60  # a deadline this close is shown as "soon"
    follow_up_days: int = 30  # chase a payer who has not paid this long after sending
    noemie_follow_up_days: int = 7  # chase the mutuelle this long after the CPAM paid (NOEMIE)
    # An electronic care sheet is paid in about a week (FRENCH_RULES §6): chase after twice that.
    electronic_follow_up_days: int = 14

    @classmethod
    def from_settings(cls, settings: dict) -> DeadlineSettings:
        """From the app's settings (keys of services.context.DEFAULT_SETTINGS); missing keys keep
        their defaults."""
        defaults = cls()

        def number(key: str, default: int) -> int:
            value = settings.get(key)
            return default if value in (None, "") else int(value)

        return cls(
            warn_days=number("deadline_warn_days", defaults.warn_days),
            follow_up_days=number("follow_up_days", defaults.follow_up_days),
            noemie_follow_up_days=number("noemie_follow_up_days", defaults.noemie_follow_up_days),
            electronic_follow_up_days=number(
                "electronic_follow_up_days", defaults.electronic_follow_up_days
            ),
        )


def cpam_deadline(care_date: _dt.date) -> _dt.date:
    """End of the quarter two years after the care date (CSS art. L332-1): 7 Feb 2025 → 31 Mar 2027.

    Only the year and month matter, so 29 February needs no special case."""
    year = care_date.year + 2
    quarter_end_month = ((care_date.month - 1) // 3 + 1) * 3
    next_month = _dt.date(year + quarter_end_month // 12, quarter_end_month % 12 + 1, 1)
    return next_month - _dt.timedelta(days=1)


def mutuelle_deadline(care_date: _dt.date, contract_days: int | None = None) -> _dt.date:
    """Two years from the care date (Code de la mutualité L221-11), or the contract's shorter
    delay."""
    legal = _add_years(care_date, 2)
    if contract_days is not None and contract_days >= 0:
        return min(legal, care_date + _dt.timedelta(days=contract_days))
    return legal


def deadline_status(deadline: _dt.date, today: _dt.date, warn_days: int = 60) -> str:
    """'passed' after the deadline day, 'soon' within warn_days of it, else 'ok'."""
    if today > deadline:
        return PASSED
    if (deadline - today).days <= warn_days:
        return SOON
    return OK


def follow_up_due(sent_on: _dt.date, days: int = 30) -> _dt.date:
    """When to chase a payer that has not paid a claim sent on sent_on."""
    return sent_on + _dt.timedelta(days=days)


def noemie_follow_up_due(cpam_paid_on: _dt.date, days: int = 7) -> _dt.date:
    """When to chase the mutuelle that NOEMIE should have paid after the CPAM (it takes about
    48 h; the default leaves some slack)."""
    return cpam_paid_on + _dt.timedelta(days=days)


def _add_years(day: _dt.date, years: int) -> _dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        # 29 February in a common year: the earlier day, so the user is never told too late.
        return day.replace(year=day.year + years, day=28)
