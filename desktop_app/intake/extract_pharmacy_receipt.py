"""A pharmacy's receipt or ticket: which pharmacy, when, the sale's total."""

from __future__ import annotations

import re

from desktop_app.intake import candidates, vocab
from desktop_app.intake.extract_common import Context, norm, seg_value
from desktop_app.intake.extract_labelled import (
    UNLABELLED,
    put_date,
    put_labelled_amount,
    put_largest_amount,
)

_L = vocab.load("labels_pharmacy_receipt")
_SUPPLIER = re.compile(rf"(?<![a-z])(?:{_L['supplier']})(?![a-z])")


@candidates.calibrated("pharmacy_receipt")
def extract_pharmacy_receipt(ctx: Context) -> None:
    _supplier(ctx)
    put_date(ctx, "date", _L["date"], not_after=_L["date_not_after"], other_dates=_L["other_dates"])
    if not put_labelled_amount(ctx, "total_amount", _L["total"], not_after=_L["total_not_after"]):
        if not put_largest_amount(ctx, "total_amount"):
            ctx.put_none("total_amount", 0.2)


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
