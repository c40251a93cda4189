"""Euro amounts as Decimal: parsed leniently from user text, rounded to the cent half up."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from desktop_app.core.errors import UserError

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)  # a rate is a percentage: rate × base / HUNDRED


def to_decimal(value: object, what: str = "amount") -> Decimal:
    """Decimal from a Decimal, int or text such as "12,50" or "12.50 €"; floats are refused
    because they already lost the cents."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or isinstance(value, float):
        raise UserError(f"{what} must be given as text or Decimal, not {type(value).__name__}")
    if isinstance(value, int):
        return Decimal(value)
    text = plain_number(str(value))
    try:
        result = Decimal(text)
    except InvalidOperation:
        raise UserError(f"{what} is not a number: {value!r}") from None
    if not result.is_finite():
        raise UserError(f"{what} is not a number: {value!r}")
    return result


def plain_number(text: str) -> str:
    """ "1 234,56 €", "1.234,56", "1,234.56", "12,50" -> "1234.56" / "12.50": spaces (plain,
    no-break and narrow no-break), the euro sign and EUR go; when a comma and a point are both
    there, the last one is the decimal mark and the other groups thousands."""
    cleaned = text.replace("€", "").replace("EUR", "")
    for space in (" ", "\u00a0", "\u202f"):
        cleaned = cleaned.replace(space, "")
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            return cleaned.replace(".", "").replace(",", ".")
        return cleaned.replace(",", "")
    return cleaned.replace(",", ".")


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def money_str(value: Decimal) -> str:
    """The amount as data ("1234.50": JSON, CSV, what a script reads); what a person reads is
    core/formatting.py's ``money``."""
    return str(cents(value))


def percent_str(value: Decimal) -> str:
    """70 rather than 70.00 or 7E+1."""
    text = format(value.normalize(), "f")
    return text
