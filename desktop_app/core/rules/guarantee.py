"""Mutuelle guarantees as written in the contract: "100 % BR", "forfait:150", "frais-reels"."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from desktop_app.core.errors import UserError
from desktop_app.core.rules.money import to_decimal

PERCENT_BR = "percent_br"
FORFAIT = "forfait"
FRAIS_REELS = "frais_reels"

_PERCENT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*%\s*(?:de\s+(?:la\s+)?)?(?:br|brss|bdr)$")
_FORFAIT = re.compile(
    r"^forfait\s*[:=]?\s*(\d+(?:[.,]\d+)?)\s*(?:€|eur|euros?)?\s*(?:/\s*an|par\s+an)?$"
)
_FRAIS_REELS = {"frais-reels", "frais reels", "frais_reels", "fr"}


@dataclass(frozen=True)
class Guarantee:
    kind: str  # PERCENT_BR | FORFAIT | FRAIS_REELS
    percent: Decimal | None = None  # for PERCENT_BR: CPAM + mutuelle together up to this % of BR
    forfait: Decimal | None = None  # for FORFAIT: euros per year

    def describe(self, lang: str = "en") -> str:
        from desktop_app.core.rules import messages

        if self.kind == PERCENT_BR and self.percent is not None:
            percent = format(self.percent.normalize(), "f")
            if messages.language(lang) == "fr":
                percent = percent.replace(".", ",")
            return messages.message("guarantee.percent_br", lang, percent=percent)
        if self.kind == FORFAIT:
            amount = self.forfait if messages.language(lang) == "en" else messages.money(
                self.forfait, lang
            )
            return messages.message("guarantee.forfait", lang, amount=amount)
        return messages.message("guarantee.frais_reels", lang)


def parse_guarantee(text: str | None) -> Guarantee | None:
    """None when no guarantee is written; UserError naming the accepted forms when unreadable."""
    if text is None or not str(text).strip():
        return None
    plain = _fold(str(text))
    if match := _PERCENT.match(plain):
        return Guarantee(PERCENT_BR, percent=to_decimal(match.group(1), "guarantee percentage"))
    if match := _FORFAIT.match(plain):
        return Guarantee(FORFAIT, forfait=to_decimal(match.group(1), "guarantee forfait"))
    if plain in _FRAIS_REELS:
        return Guarantee(FRAIS_REELS)
    raise UserError(
        f"mutuelle guarantee {text!r} not understood: write it as '100% BR', 'forfait:150' "
        "(euros a year) or 'frais-reels'"
    )


def _fold(text: str) -> str:
    # Contracts mix accents, non-breaking spaces and case: compare a plain lower-case form.
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", ascii_only).strip().lower()
