"""One way to write an amount, a date and a payer's name in each language (core/formatting.py),
and every face that writes them goes through it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from desktop_app.core import formatting
from desktop_app.core.rules import messages

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize("value, fr, en", [
    ("1234.5", f"1{NNBSP}234,50{NBSP}€", "€1,234.50"),
    (D("182.94"), f"182,94{NBSP}€", "€182.94"),
    (D("1234567.891"), f"1{NNBSP}234{NNBSP}567,89{NBSP}€", "€1,234,567.89"),
    (D("-12"), f"-12,00{NBSP}€", "-€12.00"),
    (30, f"30,00{NBSP}€", "€30.00"),
    (D("0.005"), f"0,01{NBSP}€", "€0.01"),  # half up, as the amounts are computed
])
def test_money_as_a_person_reads_it(value, fr, en):
    assert formatting.money(value, "fr") == fr
    assert formatting.money(value, "fr_FR") == fr
    assert formatting.money(value, "en") == en


def test_money_of_nothing_or_no_number():
    assert formatting.money(None, "fr") == "" and formatting.money("", "en", empty="-") == "-"
    assert formatting.money("beaucoup", "fr") == "beaucoup"


def test_amount_in_a_rule_sentence_and_in_an_edit_box():
    assert formatting.amount(D("1234.5"), "fr") == f"1{NNBSP}234,50{NBSP}€"
    assert formatting.amount(D("1234.5"), "en") == "1234.50"  # as the command line printed it
    assert formatting.typed("1234.5", "fr") == "1234,50"
    assert formatting.typed("1234.5", "en") == "1234.50"
    assert formatting.typed(None, "fr") == ""


@pytest.mark.parametrize("value, style, fr, en", [
    ("2025-07-24", "numeric", "24/07/2025", "2025-07-24"),
    (dt.date(2025, 7, 4), "short", "04/07/2025", "4 Jul 2025"),
    ("2025-07-01", "long", "1er juillet 2025", "1 July 2025"),
    ("2025-08-15T10:00:00", "long", "15 août 2025", "15 August 2025"),
])
def test_dates(value, style, fr, en):
    assert formatting.day(value, "fr", style) == fr
    assert formatting.day(value, "en", style) == en


def test_dates_of_nothing_or_no_date():
    assert formatting.day(None, "fr") == "" and formatting.day("", "fr", empty="?") == "?"
    assert formatting.day("bientôt", "fr") == "bientôt"


def test_payers_with_and_without_their_article():
    assert formatting.payer("cpam", "fr") == "la CPAM"
    assert formatting.payer("mutuelle", "en") == "the mutuelle"
    assert formatting.payer("mutuelle", "fr", "name") == "mutuelle"
    assert formatting.payer("mutuelle", "fr", "label") == "Mutuelle"
    assert formatting.payer("mutuelle", "en", "title") == "Mutuelle"
    assert formatting.payer("ame", "fr") == "ame"  # a payer the table does not know: its id


def test_the_messages_say_it_the_same_way():
    for lang in messages.LANGUAGES:
        assert messages.money(D("1234.5"), lang) == formatting.amount(D("1234.5"), lang)
        assert messages.day("2025-07-24", lang) == formatting.day("2025-07-24", lang)
        for payer in ("cpam", "mutuelle"):
            assert messages.message(f"payer.the.{payer}", lang) == formatting.payer(payer, lang)
            assert messages.message(f"payer.track.{payer}", lang) == formatting.payer(
                payer, lang, "name")

