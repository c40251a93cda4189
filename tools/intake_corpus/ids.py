"""Valid French identifiers: NIR with its key, RPPS and SIRET with their Luhn digit."""

from __future__ import annotations

import random
from datetime import date


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def luhn_complete(prefix: str) -> str:
    """prefix + the check digit that makes it Luhn-valid."""
    for d in "0123456789":
        if luhn_ok(prefix + d):
            return prefix + d
    raise AssertionError("unreachable")


def rpps(rng: random.Random) -> str:
    return luhn_complete("10" + "".join(rng.choice("0123456789") for _ in range(8)))


def siret(rng: random.Random) -> str:
    siren = luhn_complete("".join(rng.choice("0123456789") for _ in range(8)))
    return luhn_complete(siren + "".join(rng.choice("0123456789") for _ in range(4)))


def nir_key(first13: str) -> str:
    """The 2-digit key: 97 - (n mod 97), Corsican departments 2A/2B counted as 19/18."""
    n = int(first13.replace("2A", "19").replace("2B", "18"))
    return f"{97 - n % 97:02d}"


def nir_ok(nir: str) -> bool:
    return len(nir) == 15 and nir_key(nir[:13]) == nir[13:]


def nir(rng: random.Random, sex: int, birth: date, dept: str) -> str:
    """15 characters: sex, year, month, department (+ commune), birth order, key."""
    if len(dept) == 3:  # overseas: 3-digit department, 2-digit commune
        place = dept + f"{rng.randint(1, 34):02d}"
    else:
        place = dept + f"{rng.randint(1, 350):03d}"
    first13 = f"{sex}{birth.year % 100:02d}{birth.month:02d}{place}{rng.randint(1, 999):03d}"
    return first13 + nir_key(first13)
