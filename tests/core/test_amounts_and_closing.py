"""Amounts typed as people write them are read the same everywhere, and a closed track is dated
on the day it was closed."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.rules.money import to_decimal
from desktop_app.services.parsing import parse_amount


@pytest.mark.parametrize("text, expected", [
    ("1.234,56", "1234.56"), ("1 234,56 €", "1234.56"), ("1\u202f234,56\u00a0€", "1234.56"),
    ("1,234.56", "1234.56"), ("12,50", "12.50"), ("12.50 EUR", "12.50"), ("30", "30"),
])
def test_core_and_services_read_the_same_amounts(text, expected):
    assert to_decimal(text) == Decimal(expected)
    assert parse_amount(text) == Decimal(expected).quantize(Decimal("0.01"))


def test_a_word_is_not_an_amount():
    with pytest.raises(UserError):
        to_decimal("douze")


def test_closing_a_track_records_the_day_given(ctx):
    from desktop_app.services import claims, people, tracking

    people.add_person(ctx, name="Claire Martin")
    claim = claims.new_claim(ctx, "Claire Martin", title="Séance", care_date="2025-03-02",
                             category="consultation", amount_paid="30.00", billing="paper")
    day = _dt.date(2025, 9, 14)
    status = tracking.close_track(ctx, claim.id, "mutuelle", reason="rien à attendre", today=day)
    closed = [e for e in status.tracks["mutuelle"].history if e.state == "closed"]
    assert closed and closed[-1].date == "2025-09-14"
