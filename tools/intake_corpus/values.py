"""Random but consistent facts: people, places, dates and money."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from tools.intake_corpus.style import DATA, Person

# Documents are dated in this window: never in the future of any run, nor too old to be claimed.
EARLIEST = date(2023, 1, 2)
LATEST = date(2026, 10, 30)


def money(x) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"))


def day_between(rng: random.Random, a: date, b: date) -> date:
    return a + timedelta(days=rng.randint(0, max(0, (b - a).days)))


def doc_date(rng: random.Random) -> date:
    return day_between(rng, EARLIEST, LATEST)


def person(rng: random.Random, at: date, min_age: int = 0, max_age: int = 92, sex: int | None = None,
           last: str | None = None) -> Person:
    sex = sex or rng.choice((1, 2))
    first = rng.choice(DATA["first_names_m"] if sex == 1 else DATA["first_names_f"])
    last = last or rng.choice(DATA["surnames"])
    age_days = rng.randint(min_age * 365 + 30, max_age * 365 + 300)
    birth = at - timedelta(days=age_days)
    return Person(first, last, sex, birth)


def place(rng: random.Random) -> tuple[str, str, str]:
    """(city, department, postcode)"""
    return tuple(rng.choice(DATA["cities"]))


def address(rng: random.Random) -> tuple[str, str, str]:
    """(street line, 'postcode city', department)"""
    city, dept, postcode = place(rng)
    return f"{rng.randint(1, 148)} {rng.choice(DATA['streets'])}", f"{postcode} {city}", dept


def phone(rng: random.Random) -> str:
    return "0" + str(rng.randint(1, 5)) + "".join(f" {rng.randint(0, 99):02d}" for _ in range(4))


def age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
