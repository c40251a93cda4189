"""The plain-language sentences the rules build, in English and French.

One table, keyed by message id, with an "en" and an "fr" template each (str.format names): the
texts are data, in resources/messages/en.json and fr.json (one section per place they are used),
read once; only the payers' names are built in code (core/formatting.py). Rule files carry their
own texts (resources/rules/completeness.json); this table holds the sentences the code puts
together: next actions, estimate notes, refused track steps, household checks.

English is the source language: a text missing in the asked language falls back to English, then
to the first language present, so a rule file edited by a user with English texts only still works
in French. Amounts and dates follow the language: "182.94" / "2025-07-24" in English (unchanged
from before texts were translated), "182,94 €" / "24/07/2025" in French.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping

from desktop_app.core import formatting, resource_files

LANGUAGES = ("en", "fr")
DEFAULT = "en"


def _texts_of(lang: str) -> dict[str, str]:
    """One language's texts by id, from resources/messages/<lang>.json: sections by where the
    texts are used, each holding ids and texts; keys starting with "_" are notes for the reader."""
    texts: dict[str, str] = {}
    for section, entries in resource_files.read_json("messages", f"{lang}.json").items():
        if section.startswith("_"):
            continue
        for message_id, text in entries.items():
            if message_id.startswith("_"):
                continue
            if message_id in texts:  # two texts for one id: a mistake in the file, not a choice
                raise ValueError(f"messages/{lang}.json: {message_id} appears twice")
            texts[message_id] = text
    return texts


def _load() -> dict[str, dict[str, str]]:
    """The table: the payers' names built in code (core/formatting.py), then every id of the
    data files with the languages it has (a text missing in one falls back, see ``localized``)."""
    table: dict[str, dict[str, str]] = dict(formatting.payer_messages())
    for lang in LANGUAGES:
        for message_id, text in _texts_of(lang).items():
            table.setdefault(message_id, {})[lang] = text
    return table


# Read once, when the module is first imported: every sentence of every claim looks up this dict.
MESSAGES: dict[str, dict[str, str]] = _load()


def language(lang: object = None) -> str:
    """'en' or 'fr' from anything a caller may hold: None, 'FR', 'fr_FR', 'fr-FR'..."""
    if lang in LANGUAGES:  # the common case, asked for every sentence of every claim
        return lang
    code = str(lang or "").strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else DEFAULT


def localized(text: object, lang: str = DEFAULT) -> str:
    """A text in one language from a plain string (the same in every language) or a
    {"en": ..., "fr": ...} mapping: the asked language, else English, else the first present."""
    if text is None:
        return ""
    if type(text) is dict:  # the message tables: a plain dict, checked without the ABC machinery
        value = text.get(lang if lang in LANGUAGES else language(lang)) or text.get(DEFAULT)
        if isinstance(value, str) and value:
            return value
    if isinstance(text, Mapping):
        for key in (language(lang), DEFAULT):
            value = text.get(key)
            if isinstance(value, str) and value:
                return value
        for value in text.values():
            if isinstance(value, str) and value:
                return value
        return ""
    return str(text)


def message(message_id: str, lang: str = DEFAULT, **values: object) -> str:
    """The message in ``lang`` with its {names} filled in."""
    return localized(MESSAGES[message_id], lang).format(**values)


def name_of(prefix: str, value: object, lang: str = DEFAULT) -> str:
    """A value's name in a sentence (category, regime, state...), the raw value if unlisted."""
    key = f"{prefix}.{value}"
    return message(key, lang) if key in MESSAGES else str(value)


def money(value: object, lang: str = DEFAULT) -> str:
    """'182.94' in English (as before), '182,94 €' in French (core/formatting.py ``amount``)."""
    return formatting.amount(value, language(lang))


def day(value: _dt.date | str | None, lang: str = DEFAULT) -> str:
    """'2025-07-24' in English (as before), '24/07/2025' in French."""
    return formatting.day(value, language(lang))


def join(items: Iterable[str], lang: str = DEFAULT) -> str:
    """'a, b and c' / 'a, b et c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + message("list.and", lang) + items[-1]


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence_part(text: str, lang: str = DEFAULT) -> str:
    """A full sentence used after a colon: French lowers its first letter ("Signez" → "signez"),
    unless the word is an acronym (NIR, RIB); English keeps it as it was."""
    if language(lang) == "fr" and len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
