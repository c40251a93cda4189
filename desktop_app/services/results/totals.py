"""The money totals: one amount per payer, and what is owed, expected, received, paid and left
to pay for the household, one person or one year."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.core.model import PAYERS


@dataclass(frozen=True, slots=True)
class PayerAmounts:
    """One amount per payer."""

    cpam: str = "0.00"
    mutuelle: str = "0.00"

    def of(self, payer: str) -> str:
        return getattr(self, payer)

    @classmethod
    def from_json(cls, d: dict) -> PayerAmounts:
        return cls(d["cpam"], d["mutuelle"])

    def to_json(self) -> dict:
        return {payer: getattr(self, payer) for payer in PAYERS}


@dataclass(frozen=True, slots=True)
class MoneyTotals:
    """Owed (still expected, on tracks not over), expected and received per payer; paid and left
    to pay: for the household, one person or one year."""

    owed: PayerAmounts = field(default_factory=PayerAmounts)
    received: PayerAmounts = field(default_factory=PayerAmounts)
    expected: PayerAmounts = field(default_factory=PayerAmounts)
    paid: str = "0.00"
    left_to_pay: str = "0.00"

    @classmethod
    def from_json(cls, d: dict) -> MoneyTotals:
        return cls(PayerAmounts.from_json(d["owed"]), PayerAmounts.from_json(d["received"]),
                   PayerAmounts.from_json(d["expected"]), d["paid"], d["left_to_pay"])

    def to_json(self) -> dict:
        return {"owed": self.owed.to_json(), "received": self.received.to_json(),
                "expected": self.expected.to_json(), "paid": self.paid,
                "left_to_pay": self.left_to_pay}


@dataclass(frozen=True, slots=True)
class HouseholdTotals:
    """The household's ``MoneyTotals`` (``household``), and the same per person name and per year
    ("undated" for claims without a care date), each sorted."""

    household: MoneyTotals = field(default_factory=MoneyTotals)
    by_person: dict[str, MoneyTotals] = field(default_factory=dict)
    by_year: dict[str, MoneyTotals] = field(default_factory=dict)

    @property
    def owed(self) -> PayerAmounts:
        return self.household.owed

    @property
    def received(self) -> PayerAmounts:
        return self.household.received

    @property
    def expected(self) -> PayerAmounts:
        return self.household.expected

    @property
    def paid(self) -> str:
        return self.household.paid

    @property
    def left_to_pay(self) -> str:
        return self.household.left_to_pay

    @classmethod
    def from_json(cls, d: dict) -> HouseholdTotals:
        return cls(MoneyTotals.from_json(d),
                   {k: MoneyTotals.from_json(v) for k, v in d["by_person"].items()},
                   {k: MoneyTotals.from_json(v) for k, v in d["by_year"].items()})

    def to_json(self) -> dict:
        found = self.household.to_json()
        found["by_person"] = {k: v.to_json() for k, v in self.by_person.items()}
        found["by_year"] = {k: v.to_json() for k, v in self.by_year.items()}
        return found
