"""Deadlines to claim (FRENCH_RULES §6) and follow-up dates."""

import datetime as dt

import pytest

from desktop_app.core.rules.deadlines import (
    DeadlineSettings,
    cpam_deadline,
    deadline_status,
    follow_up_due,
    mutuelle_deadline,
    noemie_follow_up_due,
)

d = dt.date.fromisoformat


@pytest.mark.parametrize(
    "care, deadline",
    [
        ("2025-02-07", "2027-03-31"),  # the example of FRENCH_RULES §6
        ("2025-01-01", "2027-03-31"),
        ("2025-03-31", "2027-03-31"),  # a quarter's last day stays in its quarter
        ("2025-04-01", "2027-06-30"),
        ("2025-06-30", "2027-06-30"),
        ("2025-07-01", "2027-09-30"),
        ("2025-09-30", "2027-09-30"),
        ("2025-10-01", "2027-12-31"),
        ("2025-12-31", "2027-12-31"),
        ("2024-02-29", "2026-03-31"),  # leap day: no 29 Feb 2026, same quarter end
        ("2026-02-28", "2028-03-31"),
    ],
)
def test_cpam_deadline_is_end_of_quarter_two_years_later(care, deadline):
    assert cpam_deadline(d(care)) == d(deadline)


@pytest.mark.parametrize(
    "care, days, deadline",
    [
        ("2025-02-07", None, "2027-02-07"),
        ("2024-02-29", None, "2026-02-28"),  # the earlier day: never late
        ("2025-02-07", 365, "2026-02-07"),  # a contract's shorter delay wins
        ("2025-02-07", 1000, "2027-02-07"),  # a longer one does not extend the law's
    ],
)
def test_mutuelle_deadline(care, days, deadline):
    assert mutuelle_deadline(d(care), days) == d(deadline)


@pytest.mark.parametrize(
    "today, warn, status",
    [
        ("2026-12-31", 60, "ok"),
        ("2027-01-29", 60, "ok"),  # 61 days before
        ("2027-01-30", 60, "soon"),  # exactly 60 days before
        ("2027-03-31", 60, "soon"),  # the last day is still in time
        ("2027-04-01", 60, "passed"),
        ("2027-03-01", 10, "ok"),
    ],
)
def test_deadline_status(today, warn, status):
    assert deadline_status(d("2027-03-31"), d(today), warn) == status


def test_deadline_status_default_warning_is_60_days():
    assert deadline_status(d("2027-03-31"), d("2027-01-31")) == "soon"
    assert DeadlineSettings().warn_days == 60


def test_settings_from_the_app_settings():
    settings = {"deadline_warn_days": 30, "follow_up_days": 45, "noemie_follow_up_days": None}
    assert DeadlineSettings.from_settings(settings) == DeadlineSettings(30, 45, 7)
    assert DeadlineSettings.from_settings({}) == DeadlineSettings()


def test_follow_up_dates():
    assert follow_up_due(d("2026-01-10")) == d("2026-02-09")
    assert follow_up_due(d("2026-01-10"), 45) == d("2026-02-24")
    assert noemie_follow_up_due(d("2026-11-26")) == d("2026-12-03")
    assert noemie_follow_up_due(d("2026-11-26"), 2) == d("2026-11-28")
