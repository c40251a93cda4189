"""Which kind of care a document is about, from what it says of the professional.

Evidence is counted, not matched first: act letters with their coefficient ("AMK 8", "SF 15")
weigh more than a profession's name in the text, and the kind with the most weight wins. No
evidence, no proposal: the caller keeps its default. The vocabulary is data
(resources/rules/professions.json).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

ACT_WEIGHT = 2
WORD_WEIGHT = 1


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _value(entry):
    return entry["value"] if isinstance(entry, dict) and "value" in entry else entry


def propose_category(text: str | None, table: dict) -> tuple[str, list[str]] | None:
    """(category, evidence) or None when the text says nothing about the professional."""
    if not text:
        return None
    folded = _fold(text)
    weights: Counter[str] = Counter()
    evidence: dict[str, list[str]] = {}
    codes = _value(table.get("act_codes", {})) or {}
    if codes:
        letters = "|".join(sorted((re.escape(c) for c in codes), key=len, reverse=True))
        # A key letter counts only followed by its coefficient: "AMO 10", never "AMO" alone
        # (which is also the CPAM's part).
        for match in re.finditer(rf"(?<![A-Za-z])({letters})\s?(\d+(?:[.,]\d+)?)(?![\d])", text):
            category = codes[match.group(1)]
            weights[category] += ACT_WEIGHT
            evidence.setdefault(category, []).append(match.group(0))
    for word, category in (_value(table.get("words", {})) or {}).items():
        found = len(re.findall(rf"(?<![a-z]){re.escape(word)}(?![a-z])", folded))
        if found:
            weights[category] += WORD_WEIGHT * found
            evidence.setdefault(category, []).append(word)
    if not weights:
        return None
    best, weight = weights.most_common(1)[0]
    if list(weights.values()).count(weight) > 1:
        return None  # two kinds of care with the same evidence: not sure, propose nothing
    return best, evidence[best]
