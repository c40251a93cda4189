"""People's names as printed on health paperwork: ``Dr Stéphane LEGRAND``, ``ROUSSEAU Anne-Sophie``."""

from __future__ import annotations

import re

from desktop_app.intake.layout import fold

TITLES = {
    "dr", "docteur", "doctoresse", "pr", "professeur", "mme", "madame", "m", "mr", "monsieur",
    "mlle", "mademoiselle", "me", "maitre", "melle", "enfant", "bebe",
}
_PARTICLES = {"de", "du", "des", "d", "la", "le", "van", "von", "da", "di", "dos", "del", "della", "ben", "el"}
_NAME_TOKEN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*\.?$")
_STOP_WORDS = {
    "ne", "nee", "le", "date", "age", "ans", "adresse", "rue", "avenue", "tel", "telephone",
    "rpps", "adeli", "finess", "n", "no", "numero", "patient", "patiente", "prescripteur",
    "identifiant", "medecin", "masseur", "kinesitherapeute", "infirmier", "infirmiere",
    "sage", "femme", "chirurgien", "dentiste", "pharmacien", "orthophoniste", "pedicure",
    "podologue", "specialiste", "generaliste", "nom", "prenom", "et", "signature", "ordonnance",
    "facture", "client", "assure", "assuree", "beneficiaire", "a", "fait",
}


def _rejoin_split_words(tokens: list[str]) -> list[str]:
    """OCR sometimes cuts a name in two ("An ne-Sophie"): a lower-case piece joins its left part."""
    out: list[str] = []
    for tok in tokens:
        if (out and tok[:1].islower() and fold(tok) not in _PARTICLES and out[-1][:1].isupper()
                and not is_title(out[-1]) and len(out[-1]) <= 3 and not out[-1].isupper()):
            out[-1] += tok
        else:
            out.append(tok)
    return out


def is_title(token: str) -> bool:
    return fold(token).strip(".:") in TITLES


def clean_person(text: str) -> str | None:
    """The name in a label's value: titles dropped, stopped at the first non-name word."""
    text = re.split(r"[,;(|]| - | – |\s{3,}", text)[0]
    tokens = _rejoin_split_words(text.split())
    while tokens and (is_title(tokens[0]) or not _NAME_TOKEN.match(tokens[0])):
        if not is_title(tokens[0]) and tokens[0] not in ":-–":
            return None
        tokens.pop(0)
    name: list[str] = []
    for tok in tokens:
        f = fold(tok).strip(".:")
        if not _NAME_TOKEN.match(tok) or (f in _STOP_WORDS and f not in _PARTICLES):
            break
        if is_title(tok) and name:
            break
        name.append(tok.strip(".:"))
    while name and fold(name[-1]) in _PARTICLES:
        name.pop()
    real = [t for t in name if fold(t) not in _PARTICLES]
    if not real or len(real) > 5 or all(len(t) == 1 for t in real):
        return None
    if len(real) == 1 and len(name) == 1:
        return name[0] if name[0].isupper() and len(name[0]) > 1 else None
    return " ".join(name)


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
