"""The letter's and the memo's sentences, from resources/letters/<language>.json, by id."""

from __future__ import annotations

import json
from functools import cache

from desktop_app import config

LETTER_LANGUAGE = "fr"  # the payers are French: the letter is written in French


@cache
def _table(lang: str) -> dict:
    path = config.resources_dir() / "letters" / f"{lang}.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def say(section: str, sentence_id: str, lang: str = LETTER_LANGUAGE, **values: object) -> str:
    """The sentence ``sentence_id`` of ``section`` ("letter", "memo"…) with its {names} filled.

    Values go in as given: a caller escapes what a person typed before it goes into a
    paragraph's markup (pdf_fonts.escaped)."""
    return _table(lang)[section][sentence_id].format(**values)


def word(section: str, key: str, default: str | None = None, lang: str = LETTER_LANGUAGE) -> str:
    """An entry of a word list ("category", "category_aside", "person"); ``default`` when the
    list has none for ``key`` (None: the key must be there)."""
    words = _table(lang)[section]
    if default is None:
        return words[key]
    return words.get(key, default)


def has(section: str, key: str, lang: str = LETTER_LANGUAGE) -> bool:
    return key in _table(lang)[section] and not key.startswith("_")


def person_word(stem: str, sex: str | None, lang: str = LETTER_LANGUAGE) -> str:
    """'Assurée' / 'Assuré' / 'Assuré(e)' for stem "insured" and the person's sex."""
    words = _table(lang)["person"]
    return words.get(f"{stem}.{sex}") or words[stem]


def category(cat: object, default: str | None = None, lang: str = LETTER_LANGUAGE) -> str:
    """A kind of care as a letter or a summary names it ('Dispositif médical (LPP)'); an
    unlisted one is ``default``, else the words for "other"."""
    words = _table(lang)["category"]
    return words.get(str(cat), words["other"] if default is None else default)
