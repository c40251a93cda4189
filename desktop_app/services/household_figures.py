"""A claim's part in the household's money totals, and the totals themselves, in cents until
they are shown (services/household.py keeps each claim's part beside its status)."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.core.model import PAYERS
from desktop_app.core.rules.money import money_str, to_decimal
from desktop_app.services.results import HouseholdTotals, MoneyTotals, PayerAmounts

# Tracks that owe nothing more, whatever was expected.
CLOSED_STATES = ("closed", "direct", "not_covered", "rejected")


def _cents(value) -> int:
    return int(to_decimal(value or "0") * 100)


def figures_of(s: dict) -> list[int]:
    """A claim's part in the totals, in cents: paid, left to pay, then per payer owed, expected,
    received (owed: what is still expected, unless the track is over)."""
    parts = [_cents(s["amount_paid"]), _cents(s["estimate"]["patient"])]
    for payer in PAYERS:
        track = s["tracks"][payer]
        expected, got = _cents(track["expected"]), _cents(track["received"])
        owed = max(expected - got, 0) if track["state"] not in CLOSED_STATES else 0
        parts += [owed, expected, got]
    return parts


class Totals:
    """Owed, expected and received per payer, paid and left to pay: for the household, per person
    and per year, added up in cents per person and year, then combined."""

    WIDTH = 2 + 3 * len(PAYERS)  # paid, left, then per payer: owed, expected, received

    def __init__(self) -> None:
        self.groups: dict[tuple[str, str], list[int]] = {}

    def add(self, person: str, year: str, figures) -> None:
        """One claim's part (``figures_of``, or as the cache keeps it)."""
        key = (person, year)
        bucket = self.groups.get(key)
        self.groups[key] = list(figures) if bucket is None else [
            a + b for a, b in zip(bucket, figures)]

    @staticmethod
    def _plain(b: list[int]) -> MoneyTotals:
        def amount(cents: int) -> str:
            return money_str(Decimal(cents) / 100)

        owed, expected, received = (
            PayerAmounts(*(amount(b[2 + 3 * n + k]) for n in range(len(PAYERS))))
            for k in range(3))
        return MoneyTotals(owed, received, expected, amount(b[0]), amount(b[1]))

    def totals(self) -> HouseholdTotals:
        total = [0] * self.WIDTH
        by_person: dict[str, list[int]] = {}
        by_year: dict[str, list[int]] = {}
        for (person, year), b in self.groups.items():
            for target in (total, by_person.setdefault(person, [0] * self.WIDTH),
                           by_year.setdefault(year, [0] * self.WIDTH)):
                for n, v in enumerate(b):
                    target[n] += v
        return HouseholdTotals(
            self._plain(total),
            {k: self._plain(v) for k, v in sorted(by_person.items())},
            {k: self._plain(v) for k, v in sorted(by_year.items())},
        )
