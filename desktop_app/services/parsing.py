"""Turning what a user typed into values, with one-line messages when it cannot be done."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from desktop_app.core.errors import UserError
from desktop_app.core.rules.money import plain_number

_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


def parse_date(text: str | None, what: str = "date") -> _dt.date | None:
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return _dt.date(year, month, day)
        except ValueError:
            pass
    raise UserError(f"{what} {text!r} is not a date: use YYYY-MM-DD, e.g. 2025-07-04")


def parse_amount(text, what: str = "amount") -> Decimal | None:
    if text is None or not str(text).strip():
        return None
    cleaned = plain_number(str(text))
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise UserError(f"{what} {text!r} is not an amount: write it like 30.00 or 30,00") from None
    if not value.is_finite():
        raise UserError(f"{what} {text!r} is not an amount")
    return value.quantize(Decimal("0.01"))


def parse_yes_no(text, what: str = "value") -> bool:
    if isinstance(text, bool):
        return text
    value = str(text).strip().lower()
    if value in ("yes", "y", "oui", "o", "true", "1", "on"):
        return True
    if value in ("no", "n", "non", "false", "0", "off"):
        return False
    raise UserError(f"{what} must be yes or no, got {text!r}")


def parse_percent(text, what: str = "rate") -> Decimal | None:
    if text is None or not str(text).strip():
        return None
    value = parse_amount(str(text).replace("%", ""), what)
    if value is None:
        return None
    if value < 0 or value > 100:
        raise UserError(f"{what} {text!r} must be between 0 and 100")
    return value


def name_tokens(name: str | None) -> set[str]:
    """The words of a person's name, accents and case folded: 'MARTIN Claire' ~ 'Claire Martin'."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    return {t for t in re.split(r"[^a-z0-9]+", text) if len(t) > 1}
