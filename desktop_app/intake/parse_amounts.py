"""Money as printed in France (``1 471,60 €``), and elsewhere (``1,471.60``), to decimal strings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_AMOUNT = re.compile(
    r"(?:(?P<pre>€|(?<![A-Za-z])(?:EUR|eur|euros?|Euros?))[ \t\u00a0]?)?"
    r"(?<![\d.,/:])(?P<neg>[-−])?[ \t]?"
    r"(?P<int>\d{1,3}(?:(?P<th>(?<! )[ \u00a0\u202f.,'](?! ))\d{3})(?:(?P=th)\d{3})*|\d+)"
    r"(?P<dec>[.,]\d{2})?"
    r"(?![\d])(?![.,]\d)"
    r"(?P<cur>[ \t\u00a0]*(?:€|eur\b|euros?\b|EUR\b|Euros?\b|E\b))?"
)
_OCR_FIX = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "S": "5", "€": "€"})
_AMOUNTISH = re.compile(r"(?<![A-Za-z])[0-9OoIlS]+(?:[ \u00a0][0-9OoIlS]{3})*[,.][0-9OoIlS]{2}(?![A-Za-z0-9])")


# A gap wider than this share of the words' height is a column gap, not the space of "1 245,00".
# OCR boxes hug the ink, so a printed thousands space measures up to about two thirds of a
# digit's height (a "1" has wide side bearings); a column gap inside one segment is wider.
_THOUSANDS_GAP = 0.9


@dataclass
class AmountMatch:
    value: Decimal
    start: int
    end: int
    text: str
    has_currency: bool


def _fix_ocr(text: str) -> str:
    def repl(m: re.Match) -> str:
        tok = m.group()
        return tok.translate(_OCR_FIX) if sum(c.isdigit() for c in tok) >= 2 else tok

    return _AMOUNTISH.sub(repl, text)


def words_text(words) -> str:
    """Words joined as printed for amounts: one space where they are close, three across a
    column gap, so a quantity and the price beside it ("1   245,00 €") stay two numbers.

    ``words`` are layout words (x, w, h, text)."""
    out = ""
    prev = None
    for w in words:
        if prev is not None:
            gap = w.x - (prev.x + prev.w)
            out += "   " if gap > _THOUSANDS_GAP * max(1.0, min(w.h, prev.h)) else " "
        out += w.text
        prev = w
    return out


def find_amounts(text: str, require_cents_or_currency: bool = True) -> list[AmountMatch]:
    """Amounts in reading order. Bare integers count only when a currency sign follows.

    A thousands separator is one character: across two spaces or more ("1   245,00", a
    quantity then a unit price) the figures are two numbers."""
    fixed = _fix_ocr(text)
    out = []
    for m in _AMOUNT.finditer(fixed):
        dec = m["dec"]
        cur = bool(m["cur"] and m["cur"].strip()) or bool(m["pre"])
        if require_cents_or_currency and not dec and not cur:
            continue
        int_part = m["int"]
        th = m["th"]
        if th and dec and th == dec[0]:
            continue  # "1.234.56": not a number
        if th:
            int_part = int_part.replace(th, "")
        try:
            value = Decimal(int_part + ("." + dec[1:] if dec else ""))
        except InvalidOperation:
            continue
        if m["neg"]:
            value = -value
        out.append(AmountMatch(value, m.start(), m.end(), text[m.start() : m.end()], cur))
    return out


def parse_amount(text: str) -> Decimal | None:
    """The last amount in the text (labels come first, the figure last)."""
    found = find_amounts(text)
    return found[-1].value if found else None


def to_decimal_string(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))
