"""A pharmacy's receipt or ticket: which pharmacy, when, the sale's total."""

from __future__ import annotations

import re
from decimal import Decimal

from desktop_app.intake import candidates, vocab
from desktop_app.intake.extract_common import Context, norm, seg_value
from desktop_app.intake.extract_labelled import (
    UNLABELLED,
    put_date,
    put_labelled_amount,
    put_largest_amount,
)
from desktop_app.intake.parse_amounts import find_amounts, to_decimal_string

_L = vocab.load("labels_pharmacy_receipt")
_SUPPLIER = re.compile(rf"(?<![a-z])(?:{_L['supplier']})(?![a-z])")


@candidates.calibrated("pharmacy_receipt")
def extract_pharmacy_receipt(ctx: Context) -> None:
    _supplier(ctx)
    put_date(ctx, "date", _L["date"], not_after=_L["date_not_after"], other_dates=_L["other_dates"])
    if not put_labelled_amount(ctx, "total_amount", _L["total"], not_after=_L["total_not_after"]):
        if not put_largest_amount(ctx, "total_amount"):
            ctx.put_none("total_amount", 0.2)
    _lines_total(ctx)


_QTY_LINE = re.compile(r"^\s*(\d{1,3})\s*[x×*]\s")


def _lines_total(ctx: Context) -> None:
    """The sale's total is the sum of its lines ("3 x 4,60   13,80"), each checked (quantity
    times unit price): what the customer paid after the payers' parts is less, and a total
    OCR lost is still that sum."""
    lines, first = [], None
    for page in ctx.pages:
        for r, row in enumerate(page.rows):
            m = _QTY_LINE.match(row.text)
            amounts = find_amounts(row.text)
            if not m or len(amounts) < 2:
                continue
            qty, unit, total = Decimal(m.group(1)), amounts[-2].value, amounts[-1].value
            if qty * unit != total:
                return  # a line that does not add up: no sum to trust
            lines.append(total)
            first = first or seg_value(page, r, len(row.segments) - 1)
    if not lines:
        return
    got = ctx.fields.get("total_amount")
    summed = to_decimal_string(sum(lines))
    if got is not None and got.value is not None and Decimal(str(got.value)) >= sum(lines):
        return
    ctx.put("total_amount", summed, UNLABELLED * first.conf, first)


def _supplier(ctx: Context) -> None:
    """The pharmacy's name as its header prints it ("PHARMACIE DU MARCHÉ"): the word is the
    label, the rest of the segment the name; the first such segment in the top third counts."""
    page = ctx.pages[0]
    limit = page.height / 3 if page.height else float("inf")
    for r, row in enumerate(page.rows):
        if row.y0 > limit:
            break
        for s, seg in enumerate(row.segments):
            text = seg.text.strip(" :-–|")
            n = norm(text)
            m = _SUPPLIER.search(n)
            if not m or m.start() > 0 or re.search(r"\d{2}", n):
                continue
            # "Pharmacie" alone is a heading, not a name: the name is on the same segment.
            if len(n.split()) < 2:
                continue
            v = seg_value(page, r, s)
            ctx.put("supplier", text, 0.85 * v.conf, v)
            return
    # No pharmacy word: the header's first line of letters, a weak guess.
    for r, row in enumerate(page.rows[:3]):
        for s, seg in enumerate(row.segments):
            text = seg.text.strip(" :-–|")
            if len(re.sub(r"[^a-z]", "", norm(text))) >= 4 and not re.search(r"\d{2}", text):
                v = seg_value(page, r, s)
                ctx.put("supplier", text, UNLABELLED * v.conf, v)
                return
    ctx.put_none("supplier", 0.2)
