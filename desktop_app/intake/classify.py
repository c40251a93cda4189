"""Which kind of paper this is, from weighted cues in its text (resources/intake/kinds.json).

Cues near the top of the first page (the title) count double. Each kind has words that only it
uses ("feuille de soins", "facture", "ordonnance", "décompte", "note d'honoraires"); shared words
("prescription", "total") weigh little. A kind's titles also count, in the title area, when OCR
misread a letter or two of them ("0RDONNANCE", "ORDONNANGE") or glued their words
("NOTED'HONORAIRES"): a photographed paper's title is often its worst-read line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from desktop_app.intake import vocab
from desktop_app.intake.layout import Page, fold


@dataclass(frozen=True)
class _Title:
    phrase: str  # folded, words separated by one space
    glued: str  # the same without spaces
    words: int
    weight: float
    pattern: re.Pattern


@dataclass(frozen=True)
class _Cues:
    kinds: dict  # kind -> (titles, [(pattern, weight)])
    issuer_rules: tuple  # (kind, issuer pattern, kind it becomes)
    min_score: float
    exact_below: int
    one_edit_below: int
    per_letter: float


def _bounded(rx: str) -> re.Pattern:
    return re.compile(rf"(?<![0-9a-z])(?:{rx})(?![0-9a-z])")


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = vocab.load("kinds")
    kinds = {}
    for kind, spec in data["kinds"].items():
        titles = []
        for phrase, weight in spec.get("titles", []):
            phrase = _norm(phrase).strip()
            titles.append(_Title(phrase, phrase.replace(" ", ""), len(phrase.split()), float(weight),
                                 _bounded(re.escape(phrase).replace(r"\ ", " "))))
        cues = [(_bounded(rx), float(weight)) for rx, weight in spec.get("cues", [])]
        kinds[kind] = (titles, cues)
    fuzzy = data.get("fuzzy", {})
    rules = tuple((r["if_kind"], _bounded(r["issuer"]), r["then"]) for r in data.get("issuer_rules", []))
    return _Cues(kinds, rules, float(data.get("min_score", 4.0)), int(fuzzy.get("exact_below_letters", 5)),
                 int(fuzzy.get("one_edit_below_letters", 9)), float(fuzzy.get("edits_per_letter_beyond", 0.1)))


def kinds() -> list[str]:
    """Every kind the classifier can give, 'other' aside."""
    return list(_cues().kinds)


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", fold(text))


def _allowed_edits(letters: int, cues: _Cues) -> int:
    if letters < cues.exact_below:
        return 0
    if letters < cues.one_edit_below:
        return 1
    return max(2, int(letters * cues.per_letter))


def _misread_title(title: _Title, lines: list[list[str]], cues: _Cues) -> bool:
    """Whether a run of words on one of the title lines is the title within a few edits."""
    allowed = _allowed_edits(len(title.glued), cues)
    if not allowed:
        return False
    for tokens in lines:
        for size in range(max(1, title.words - 1), title.words + 2):
            for i in range(0, len(tokens) - size + 1):
                run = "".join(tokens[i : i + size])
                if abs(len(run) - len(title.glued)) > allowed:
                    continue
                if Levenshtein.distance(run, title.glued, score_cutoff=allowed) <= allowed:
                    return True
    return False


def scores(pages: list[Page]) -> dict[str, float]:
    """Each kind's score on these pages (see resources/intake/kinds.json)."""
    cues = _cues()
    first = pages[0]
    top_rows = [r for r in first.rows if r.y1 < first.height * 0.25] if first.height else []
    head = _norm("\n".join(r.text for r in top_rows))
    head_lines = [_norm(r.text).split() for r in top_rows]
    body = _norm("\n".join(p.text for p in pages[:3]))
    out = {}
    for kind, (titles, kind_cues) in cues.kinds.items():
        s = 0.0
        for pattern, weight in [(t.pattern, t.weight) for t in titles] + kind_cues:
            n = len(pattern.findall(body))
            if n:
                s += weight * min(n, 3) ** 0.5
                if pattern.search(head):
                    s += weight
        for title in titles:
            if not title.pattern.search(body) and _misread_title(title, head_lines, cues):
                s += 2 * title.weight
        out[kind] = s
    return out


def classify(pages: list[Page]) -> tuple[str, float]:
    """The kind and a 0..1 confidence (the margin over the runner-up)."""
    if not pages:
        return "other", 0.0
    ranked = sorted(scores(pages).items(), key=lambda kv: kv[1], reverse=True)
    (kind, best), (_, second) = ranked[0], ranked[1]
    if best < _cues().min_score:
        return "other", 0.3
    return _issued_as(kind, pages[0]), min(1.0, 0.5 + (best - second) / (2 * best))


def _issued_as(kind: str, first: Page) -> str:
    """The kind a paper is given its issuer: a reçu printed by a pharmacy is a pharmacy receipt."""
    rules = [r for r in _cues().issuer_rules if r[0] == kind]
    if not rules:
        return kind
    rows = [r for i, r in enumerate(first.rows) if i < 3 or (first.height and r.y1 < first.height * 0.25)]
    title_area = _norm("\n".join(r.text for r in rows))
    for _, issuer, then in rules:
        if issuer.search(title_area):
            return then
    return kind
