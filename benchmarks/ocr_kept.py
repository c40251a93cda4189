"""Whether a document's true value is in the text the reader had at all (OCR or text layer):
what no extractor can do better than. Used by bench_intake_unseen.py to split the misses into
those of the OCR (the value is not in the page's text) and those of the extractors."""

from __future__ import annotations

import re
import unicodedata

from desktop_app.intake.parse_amounts import find_amounts
from desktop_app.intake.parse_dates import find_dates


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))


def in_text(kind_of_field: str | None, truth, text: str) -> bool | None:
    """True when the value is found in the text, False when not, None for fields it does not
    judge (lists, booleans, empty truths)."""
    if truth is None or isinstance(truth, (list, bool)) or not kind_of_field:
        return None
    folded = _fold(text)
    if kind_of_field in ("person", "org"):
        tokens = [t for t in re.split(r"[\s\-'’]+", _fold(str(truth))) if len(t) > 1]
        return bool(tokens) and all(t in folded for t in tokens)
    if kind_of_field in ("nir", "digits", "ident"):
        want = re.sub(r"[^0-9a-z]", "", _fold(str(truth)))
        return want[:13] in re.sub(r"[^0-9a-z]", "", folded)
    if kind_of_field == "date":
        return str(truth) in {m.date.isoformat() for m in find_dates(text)}
    if kind_of_field == "amount":
        try:
            want = float(truth)
        except (TypeError, ValueError):
            return None
        return any(abs(float(a.value) - want) < 0.005 for a in find_amounts(text, require_cents_or_currency=False))
    return None
