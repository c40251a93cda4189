"""The sentences' data files (resources/messages/<lang>.json): what a translator edits."""

from __future__ import annotations

import json
import string

import pytest

from desktop_app.core import formatting, resource_files
from desktop_app.core.rules import messages

# The names only English, and only French, uses where French words a sentence differently on
# purpose: it names the track ("le suivi mutuelle") where English names the payer; the callers
# pass both values.
NAMES_DIFFER = {
    "check.deadline_soon": ({"payer"}, {"track"}),
    "check.flag": ({"payer"}, {"track"}),
}


def _file(lang: str) -> dict:
    return resource_files.read_json("messages", f"{lang}.json")


def _texts(lang: str) -> dict[str, str]:
    return {
        message_id: text
        for section, entries in _file(lang).items() if not section.startswith("_")
        for message_id, text in entries.items() if not message_id.startswith("_")
    }


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_ids_in_the_same_sections():
    en, fr = _file("en"), _file("fr")
    assert list(en) == list(fr)
    for section in en:
        if not section.startswith("_"):
            assert list(en[section]) == list(fr[section]), section


@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_every_text_is_a_sentence_and_every_id_appears_once(lang):
    seen: set[str] = set()
    for section, entries in _file(lang).items():
        if section.startswith("_"):
            continue
        for message_id, text in entries.items():
            assert isinstance(text, str) and text, (section, message_id)
            if message_id.startswith("_"):  # a note for the translator
                continue
            assert message_id not in seen, message_id
            seen.add(message_id)


def test_every_id_has_the_same_placeholders_in_each_language():
    en, fr = _texts("en"), _texts("fr")
    for message_id, english in en.items():
        en_names, fr_names = _names(english), _names(fr[message_id])
        only = (en_names - fr_names, fr_names - en_names)
        assert only == NAMES_DIFFER.get(message_id, (set(), set())), message_id


def test_the_table_is_the_files_and_the_payers_names():
    payers = formatting.payer_messages()
    en, fr = _texts("en"), _texts("fr")
    assert not set(payers) & set(en), "the payers' names are built in core/formatting.py"
    assert set(messages.MESSAGES) == set(payers) | set(en)
    for message_id, english in en.items():
        assert messages.MESSAGES[message_id] == {"en": english, "fr": fr[message_id]}


def test_the_files_are_plain_utf8_json_a_text_editor_keeps():
    for lang in messages.LANGUAGES:
        path = resource_files.resources_dir() / "messages" / f"{lang}.json"
        raw = path.read_text(encoding="utf-8")
        assert "\\u00" not in raw, "accents written as themselves, not escaped"
        assert json.loads(raw) == _file(lang)
