"""People's names as printed on health paperwork: ``Dr Stéphane LEGRAND``, ``ROUSSEAU Anne-Sophie``.

Titles, particles and the form words that never belong to a name are data
(resources/intake/stopwords.json). Whether a text looks like a person's name is judged from
its shape (``Prénom NOM``), its words (none a form word or part of a heading) and a list of
first names (the ``gender-guesser`` package's dictionary of some 40,000 first names by country).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from desktop_app.intake import vocab
from desktop_app.intake.layout import fold


@cache
def _words() -> tuple[frozenset, frozenset, frozenset, frozenset]:
    data = vocab.load("stopwords")
    return (frozenset(data["titles"]), frozenset(data["particles"]), frozenset(data["name_stopwords"]),
            frozenset(data["title_misreads"]))


def titles() -> frozenset:
    return _words()[0]


TITLES = titles()
_NAME_TOKEN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*\.?$")


def _particle(tok: str) -> bool:
    return fold(tok).strip(".:") in _words()[1]


def _stop(tok: str) -> bool:
    f = fold(tok).strip(".:")
    return f in _words()[2] and f not in _words()[1]


def _rejoin_split_words(tokens: list[str]) -> list[str]:
    """OCR sometimes cuts a name in two ("An ne-Sophie"): a lower-case piece joins its left part."""
    out: list[str] = []
    for tok in tokens:
        if (out and tok[:1].islower() and not _particle(tok) and out[-1][:1].isupper()
                and not is_title(out[-1]) and len(out[-1]) <= 3 and not out[-1].isupper()):
            out[-1] += tok
        else:
            out.append(tok)
    return out


def is_title(token: str) -> bool:
    return fold(token).strip(".:") in titles()


def _misread_title(token: str) -> bool:
    return fold(token).strip(".:,") in _words()[3]


_TITLE_COMMA = re.compile(r"^(\w{1,4}),\s")


def _drop_leading_title(text: str) -> str:
    """A title OCR misread ("Mne Claire ROY", "M, Paul ROY") in front of a name."""
    m = _TITLE_COMMA.match(text)
    if m and is_title(m.group(1)):
        text = text[m.end():]
    toks = text.split()
    if len(toks) >= 2 and _misread_title(toks[0]) and toks[1][:1].isupper():
        text = " ".join(toks[1:])
    return text


_DOCTOR_TITLES = {"dr", "docteur", "doctoresse", "pr", "professeur"}


def doctor_titled(text: str) -> bool:
    """Whether a name is printed with a doctor's title in front ("Dr Valérie GARCIA")."""
    toks = text.split()
    for tok in toks[:2]:
        if fold(tok).strip(".:") in _DOCTOR_TITLES:
            return True
    return False


def has_doctor_title(text: str) -> bool:
    """Whether a doctor's title stands anywhere in a text ("Prescrit par DOCTEUR ROMANE LAURENT")."""
    return any(fold(tok).strip(".:()") in _DOCTOR_TITLES for tok in text.split())


_LEADERS = re.compile(r"[._…·]{2,}|_+|(?:^|\s)\|(?=\s|$)|[\[\]]")
_SURNAME_COMMA = re.compile(
    r"^((?:[^\W\d_]+\.?\s+)?[A-ZÀ-Ý][A-ZÀ-Ý'’\-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'’\-]+)*)\s*,\s*"
    r"([A-ZÀ-Ý][a-zà-ÿ'’]+(?:[ \-][A-ZÀ-Ý][a-zà-ÿ'’]+)*)")


def clean_person(text: str) -> str | None:
    """The name in a label's value: titles dropped, stopped at the first non-name word."""
    # Fill-in leaders and box rules around a written name ("Nom : ....... Jean DUPONT ....").
    text = _drop_leading_title(_LEADERS.sub(" ", text).strip())
    # "DUPONT, Jean": the surname in capitals, then the first name after a comma.
    inverted = _SURNAME_COMMA.match(text)
    if inverted:
        text = f"{inverted.group(1)} {inverted.group(2)}"
    text = re.split(r"[,;(|]| - | – |\s{3,}", text)[0]
    tokens = _rejoin_split_words(text.split())
    while tokens and (is_title(tokens[0]) or not _NAME_TOKEN.match(tokens[0])):
        if not is_title(tokens[0]) and tokens[0] not in ":-–":
            return None
        tokens.pop(0)
    name: list[str] = []
    for tok in tokens:
        if not _NAME_TOKEN.match(tok) or _stop(tok):
            break
        if is_title(tok) and name:
            break
        name.append(tok.strip(".:"))
    while name and _particle(name[-1]):
        name.pop()
    real = [t for t in name if not _particle(t)]
    if not real or len(real) > 5 or all(len(t) == 1 for t in real):
        return None
    if len(real) == 1 and len(name) == 1:
        return name[0] if name[0].isupper() and len(name[0]) > 1 else None
    return " ".join(name)


def name_part(text: str) -> str | None:
    """A surname or a first name printed in its own field: its name words, titles dropped."""
    text = _LEADERS.sub(" ", text).strip()
    text = re.split(r"[,;(|]| - | – |\s{3,}", text)[0]
    out = []
    for tok in text.split():
        if is_title(tok) and not out:
            continue
        if not _NAME_TOKEN.match(tok) or _stop(tok) or is_title(tok):
            break
        out.append(tok.strip(".:"))
    while out and _particle(out[-1]):
        out.pop()
    real = [t for t in out if not _particle(t)]
    if not real or any(len(t) < 2 for t in real):
        return None
    return " ".join(out)


def looks_like_person(text: str) -> bool:
    """Two to four name tokens, one of them in capitals (``Marie DAVID``), or a title first."""
    tokens = text.split()
    if not tokens:
        return False
    has_title = is_title(tokens[0])
    name = clean_person(text)
    if not name:
        return False
    parts = name.split()
    if has_title:
        return True
    return 2 <= len(parts) <= 5 and any(t.isupper() and len(t) > 1 for t in parts)


@lru_cache(maxsize=1)
def first_names() -> frozenset:
    """Folded first names from gender-guesser's dictionary; empty when it is not installed
    (a name then earns no first-name evidence, nothing else changes)."""
    try:
        from importlib import resources

        data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
        text = data.read_text(encoding="utf-8", errors="replace")
    except (ImportError, FileNotFoundError, OSError):
        return frozenset()
    # The name column only, folded at once (accents off, lower case): this runs per document.
    names = "\n".join(re.findall(r"^[MF1?]{1,2}\s+(\S+)", text, re.M))
    names = re.sub(r"[\u0300-\u036f]", "", unicodedata.normalize("NFKD", names)).lower()
    out = set()
    for raw in names.split("\n"):
        out.add(raw.replace("+", "-"))
        if "+" in raw:
            out.add(raw.replace("+", ""))
    return frozenset(out - _words()[2] - _words()[1] - _words()[0])


def has_first_name(name: str) -> bool:
    known = first_names()
    for tok in name.split():
        f = fold(tok)
        if f in known or any(p in known for p in f.split("-") if len(p) > 2):
            return True
    return False


def name_plausibility(text: str, raw: str | None = None) -> float:
    """0..1: how much a cleaned name looks like a person's. 0 for form words and headings."""
    from desktop_app.intake.label_hits import is_heading_text

    if not text:
        return 0.0
    if is_heading_text(text) or (raw and is_heading_text(raw)):
        return 0.0
    tokens = text.split()
    real = [t for t in tokens if not _particle(t)]
    if any(_stop(t) for t in real):
        return 0.0
    if len(real) < 2:
        return 0.25 if real and real[0].isupper() and len(real[0]) > 2 else 0.0
    if len(real) > 4:
        return 0.3
    caps = [t for t in real if t.isupper() and len(t) > 1]
    capitalised = [t for t in real if t[:1].isupper() and not t.isupper()]
    lower = [t for t in real if t[:1].islower()]
    if lower:
        shape = 0.3
    elif caps and capitalised:
        shape = 1.0  # Prénom NOM, NOM Prénom: how these papers print a person
    elif caps:
        shape = 0.75
    else:
        shape = 0.8
    if any(len(t.strip("-'’")) < 2 for t in real):
        shape *= 0.5
    first = 1.0 if has_first_name(text) else 0.55 if first_names() else 0.8
    return round(shape * first, 3)
