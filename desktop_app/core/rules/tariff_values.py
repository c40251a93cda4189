"""Reading a figure of the tariffs file (resources/rules/tariffs.json): its leaves are
{"value", "sources", "unconfirmed"} (a bare value is accepted too), and a figure a decree
changed carries its past values in "by_date"."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from desktop_app.core.rules.money import to_decimal


def value(entry: Any) -> Any:
    """A leaf's value."""
    return entry["value"] if isinstance(entry, dict) else entry


def dated(entry: Any, day: _dt.date | None) -> Decimal:
    """A value that changed by decree: the one in force on ``day`` (entries' "by_date" list of
    {"from", "value"}), today's when the day is not known."""
    found = value(entry)
    when = (day or _dt.date.today()).isoformat()
    for step in sorted(entry.get("by_date", []) if isinstance(entry, dict) else [],
                       key=lambda s: s["from"]):
        if step["from"] <= when:
            found = step["value"]
    return to_decimal(found, "tariff value")


def decimal(entry: Any) -> Decimal:
    """A leaf's value as a Decimal."""
    return to_decimal(value(entry), "tariff value")
