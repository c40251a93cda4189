"""What the reader warns about a document it read: a message id and its values, not a sentence.

The readers say what they doubt (two close readings, a key that fails, a total that differs
from its lines) as a :class:`ReadWarning`; whoever shows it words it in its language with
:meth:`ReadWarning.text`, from resources/intake/warnings.json (English and French). The values
are language-free (an amount as "28.80", a date as ISO, a field by its reader's name), so a
warning kept in the database reads in whichever language the window or the command line speaks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from desktop_app.core import formatting
from desktop_app.intake import vocab

# Values written the language's way: amounts ("28,80 €" in French) and dates ("04/07/2025").
_AMOUNT_VALUES = frozenset({"amount", "expected", "sum"})
_DATE_VALUES = frozenset({"date"})
_LANGUAGES = ("en", "fr")


@dataclass(frozen=True)
class ReadWarning:
    """One warning: its message id and its values (name, value pairs, in the order given)."""

    id: str
    items: tuple[tuple[str, object], ...] = ()

    @property
    def values(self) -> dict:
        return dict(self.items)

    def text(self, lang: str = "en") -> str:
        """The warning in ``lang`` ("en" or "fr"; anything else reads as English)."""
        lang = lang if lang in _LANGUAGES else "en"
        texts = _table()["messages"].get(self.id)
        if texts is None:  # a warning kept by another version of Paperasse
            return str(self.values.get("text", self.id))
        template = texts.get(lang) or texts["en"]
        try:
            return template.format(**{name: _worded(name, value, lang) for name, value in self.items})
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            # Values that do not fit the sentence (a damaged row, a forged archive): the id and
            # the values as kept, rather than no page at all.
            return f"{self.id} {self.values}"

    def to_json(self) -> dict:
        return {"id": self.id, "values": self.values}

    @classmethod
    def from_json(cls, data: object) -> ReadWarning:
        """A warning as kept: ``{"id", "values"}``, or a sentence kept before warnings had ids."""
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            values = data.get("values") if isinstance(data.get("values"), dict) else {}
            return cls(data["id"], tuple(values.items()))
        return cls("read.as_read", (("text", str(data)),))


def warning(message_id: str, **values: object) -> ReadWarning:
    """A warning with its values: ``warning("read.total_differs", amount="98.00", sum="96.00")``."""
    if message_id not in _table()["messages"]:
        raise KeyError(f"{message_id}: no such reader warning in resources/intake/warnings.json")
    return ReadWarning(message_id, tuple(values.items()))


def texts(warnings, lang: str = "en") -> list[str]:
    """Kept warnings (``ReadWarning``s, their JSON, or old sentences) worded in ``lang``."""
    return [(w if isinstance(w, ReadWarning) else ReadWarning.from_json(w)).text(lang) for w in warnings]


@cache
def _table() -> dict:
    return vocab.load("warnings")


def _worded(name: str, value: object, lang: str) -> object:
    if value in (None, ""):
        return value
    if name in _AMOUNT_VALUES:
        return formatting.amount(value, lang)
    if name in _DATE_VALUES:
        return formatting.day(value, lang)
    if name == "field":
        return _table()["field_names"].get(str(value), {}).get(lang, value)
    return value
