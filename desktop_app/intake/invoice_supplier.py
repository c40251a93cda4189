"""Who issued an invoice: the trader's name at the head of its first page.

Evidence, not the first big line: a line is the trader's when it stands in the top of the page,
printed larger or in capitals, and more so when it carries a legal form ("… SARL"), when the
address follows it, or when the footer repeats it. A line with a word of the document's own
vocabulary (its title, "Destinataire", "SIRET …") is never the trader's name.
"""

from __future__ import annotations

import re
from statistics import median

from desktop_app.intake import vocab
from desktop_app.intake.extract_common import Context, is_address, norm, seg_value
from desktop_app.intake.layout import Page
from desktop_app.intake.names import is_title

_O = vocab.load("organisations")
_LEGAL = frozenset(_O["legal_forms"])
_NOT_A_NAME = frozenset(_O["not_a_name"])


def _words(folded: str) -> list[str]:
    return re.findall(r"[a-z]+", folded)


def put_supplier(ctx: Context) -> None:
    page = ctx.pages[0]
    if not page.rows:
        ctx.put_none("supplier", 0.2)
        return
    best = _best_line(ctx, page)
    if best:
        text, v, score = best
        ctx.put("supplier", text, min(1.0, 0.4 + 0.2 * score) * v.conf, v)
    else:
        ctx.put_none("supplier", 0.2)


def _best_line(ctx: Context, page: Page):
    mh = median(r.height for r in page.rows)
    limit = page.rows[0].y0 + (page.height - page.rows[0].y0) * 0.3 if page.height else 1e9
    later_text = norm(" ".join(p.text for p in ctx.pages))
    best, best_score = None, 0.0
    for r, row in enumerate(page.rows):
        if row.y0 > limit:
            break
        for s, seg in enumerate(row.segments):
            text = seg.text.strip(" :-–|")
            n = norm(text)
            words = _words(n)
            letters = "".join(words)
            # A logo's letters split off from the name (layout.split_segments) stand alone.
            if len(letters) < 3 or (len(words) == 1 and len(letters) <= 3):
                continue
            if any(w in _NOT_A_NAME for w in words) or re.search(r"\d{2}", n):
                continue
            if is_title(text.split()[0]) or "@" in text:
                continue
            # A word's box swells over a table's shaded or ruled cell: a header cell is no
            # bigger than its row's other cells, and a row of three cells or more is a table's.
            h = min(seg.words[0].h, 1.5 * row.height)
            score = 1.0 + 2.0 * (h / mh - 1) - 0.15 * r - (0.5 if len(row.segments) >= 3 else 0.0)
            if sum(w.text.isupper() for w in seg.words) == len(seg.words):
                score += 0.3
            if any(w in _LEGAL for w in words[1:]):
                score += 1.0
            if r + 1 < len(page.rows) and any(is_address(x.text) for x in page.rows[r + 1].segments):
                score += 0.6
            # The trader's name comes back in the footer ("X - SIRET ...").
            if later_text.count(n) >= 2:
                score += 1.0
            if score > best_score:
                best, best_score = (text, seg_value(page, r, s), score), score
    return best
