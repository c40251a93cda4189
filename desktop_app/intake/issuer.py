"""Who issued a paper, as far as the page tells: the SIRET or RPPS numbers printed on it (each
checked by its check digit), and the words of its letterhead.

The letterhead's words (the page's top rows, folded, without figures) stay the same from one
paper of an issuer to the next while the patient, the dates and the amounts change; they are
compared word by word with OCR's slips tolerated, so one misread letter does not make a new
issuer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from desktop_app.core.identifiers import check_siret, rpps_is_plausible
from desktop_app.intake.layout import Page, fold
from desktop_app.intake.parse_ids import ocr_digits

# The share of the first page's height the letterhead is looked for in.
LETTERHEAD_SHARE = 0.22
# Letterheads count as the same when this share of their words match (and at least MIN_WORDS).
SAME_LETTERHEAD = 0.6
MIN_WORDS = 3
_WORD_MATCH = 84  # rapidfuzz ratio for two words to count as the same word misread

_DIGIT_RUN = re.compile(r"(?<![\dA-Za-z])([\dOolIS][\dOolIS .]{8,20}[\dOolIS])(?![\dA-Za-z])")
_RPPS_LABEL = re.compile(r"\brpps\b")


@dataclass(frozen=True)
class Issuer:
    sirets: tuple[str, ...] = ()
    rpps: tuple[str, ...] = ()
    letterhead: tuple[str, ...] = ()

    @property
    def ids(self) -> bool:
        return bool(self.sirets or self.rpps)


def issuer_of(pages: list[Page]) -> Issuer:
    sirets: list[str] = []
    rpps: list[str] = []
    for page in pages:
        for i, row in enumerate(page.rows):
            labelled = bool(_RPPS_LABEL.search(fold(row.text)) or (
                i and _RPPS_LABEL.search(fold(page.rows[i - 1].text))))
            for seg in row.segments:
                for m in _DIGIT_RUN.finditer(seg.text):
                    digits = re.sub(r"\D", "", ocr_digits(m.group(1)))
                    if len(digits) == 14 and check_siret(digits).ok and digits not in sirets:
                        sirets.append(digits)
                    # Eleven digits pass the RPPS check one time in ten by chance: only those
                    # labelled as such, or starting as every RPPS number does.
                    elif (len(digits) == 11 and rpps_is_plausible(digits)
                          and (labelled or digits.startswith("10")) and digits not in rpps):
                        rpps.append(digits)
    return Issuer(tuple(sirets), tuple(rpps), letterhead_words(pages[0]) if pages else ())


def letterhead_words(page: Page) -> tuple[str, ...]:
    """The distinct words of the page's top rows, folded, letters only, three letters or more."""
    if not page.rows:
        return ()
    top = page.rows[0].y0
    limit = top + LETTERHEAD_SHARE * max(1.0, page.height - top) if page.height else 1e9
    words: set[str] = set()
    for row in page.rows:
        if row.y0 > limit:
            break
        for w in row.words:
            token = re.sub(r"[^a-z]", "", fold(w.text))
            if len(token) >= 3 and not re.search(r"\d", w.text):
                words.add(token)
    return tuple(sorted(words))


def letterhead_similarity(a, b) -> float:
    """The share of the larger letterhead's words found in the other (a word misread by a
    letter or two still counts)."""
    a, b = set(a), set(b)
    if len(a) < MIN_WORDS or len(b) < MIN_WORDS:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    found = sum(1 for w in small if w in large or any(
        fuzz.ratio(w, other) >= _WORD_MATCH for other in large if abs(len(other) - len(w)) <= 2))
    return found / len(large)
