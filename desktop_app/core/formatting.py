"""Money, dates and payer names as each language writes them: the one place that knows them.

Every face (the window, the command line, the PDFs) and every rule sentence formats through
here, so an amount reads the same everywhere. French follows the CLDR convention (Babel's and
the Imprimerie nationale's): a narrow no-break space (U+202F) groups thousands, a no-break space
(U+00A0) stands before the euro sign, so "1 234,50 €" never splits across lines. The conventions
are a table per language below, not branches: a language is a new entry. (It stays in code,
unlike the sentences of resources/messages/: conventions of writing, not texts to translate.)

Styles of an amount:
  ``money``  what a person reads: "1 234,50 €" / "€1,234.50" (the window, the PDFs);
  ``amount`` inside a rule's sentence: French as ``money``, English the bare number "1234.50"
             as the command line has always printed it (scripts read it);
  ``typed``  what an edit box holds for the user to change: "1234,50" / "1234.50".
Styles of a date: ``numeric`` "24/07/2025" / "2025-07-24", ``short`` "24/07/2025" /
"24 Jul 2025" (the window's lists), ``long`` "1er juillet 2025" / "1 July 2025" (letters).
"""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

NNBSP = "\u202f"  # narrow no-break space: French thousands
NBSP = "\u00a0"  # no-break space: before the French euro sign

CONVENTIONS: dict[str, dict] = {
    "fr": {
        "decimal": ",",
        "group": NNBSP,
        "money": "{number}" + NBSP + "€",
        "amount": "{number}" + NBSP + "€",
        "numeric": "{d:02d}/{m:02d}/{y}",
        "short": "{d:02d}/{m:02d}/{y}",
        "long": "{day} {month} {y}",
        "first_day": "1er",
        "months": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                   "septembre", "octobre", "novembre", "décembre"),
        "payers": {
            # in a sentence, alone in a sentence (a track's name), as a label of the rules'
            # lists, as a title (a column, a choice in a list)
            "cpam": {"the": "la CPAM", "name": "CPAM", "label": "CPAM", "title": "CPAM"},
            "mutuelle": {"the": "la mutuelle", "name": "mutuelle", "label": "Mutuelle",
                         "title": "Mutuelle"},
        },
    },
    "en": {
        "decimal": ".",
        "group": ",",
        "money": "€{number}",
        "amount": "{plain}",
        "numeric": "{y}-{m:02d}-{d:02d}",
        "short": "{d} {mon} {y}",
        "long": "{day} {month} {y}",
        "first_day": "1",
        "months": ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"),
        "payers": {
            "cpam": {"the": "the CPAM", "name": "CPAM", "label": "CPAM", "title": "CPAM"},
            "mutuelle": {"the": "the mutuelle", "name": "mutuelle", "label": "mutuelle",
                         "title": "Mutuelle"},
        },
    },
}
DEFAULT = "en"
CENT = Decimal("0.01")


def convention(lang: str | None) -> dict:
    """The language's table; a language without one (or "fr_FR") reads as its base, else English."""
    base = (lang or DEFAULT).split("_")[0].split("-")[0].lower()
    return CONVENTIONS.get(base, CONVENTIONS[DEFAULT])


def _decimal(value: object) -> Decimal | None:
    """The value to the cent, half up (as the amounts are computed), None if it is no number."""
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation:
        return None
    if not amount.is_finite():
        return None
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _grouped(amount: Decimal, conv: dict) -> str:
    whole, cents = f"{abs(amount):,.2f}".split(".")
    return whole.replace(",", conv["group"]) + conv["decimal"] + cents


def money(value: object, lang: str | None = DEFAULT, empty: str = "") -> str:
    """An amount as a person reads it: '1 234,50 €' in French, '€1,234.50' in English.
    None or '' gives ``empty``; text that is no number comes back as it was."""
    if value is None or value == "":
        return empty
    amount = _decimal(value)
    if amount is None:
        return str(value)
    conv = convention(lang)
    text = conv["money"].format(number=_grouped(amount, conv), plain=f"{abs(amount)}")
    return ("-" if amount < 0 else "") + text


def amount(value: object, lang: str | None = DEFAULT) -> str:
    """An amount inside a rule's sentence: '1 234,50 €' in French, '1234.50' in English."""
    number = _decimal(value)
    if number is None:
        return str(value)
    conv = convention(lang)
    text = conv["amount"].format(number=_grouped(number, conv), plain=f"{abs(number)}")
    return ("-" if number < 0 else "") + text


def typed(value: object, lang: str | None = DEFAULT) -> str:
    """An amount in an edit box, for the user to change: '182,94' / '182.94' (no grouping, no
    sign of the currency, so that it reads back as typed)."""
    if value is None or value == "":
        return ""
    number = _decimal(value)
    if number is None:
        return str(value)
    return str(number).replace(".", convention(lang)["decimal"])


def _date(value: _dt.date | str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value)[:10])


def day(value: _dt.date | str | None, lang: str | None = DEFAULT, style: str = "numeric",
        empty: str = "") -> str:
    """A date in ``style`` (numeric, short, long: see the module's text). None or '' gives
    ``empty``; text that is no ISO date comes back as it was."""
    if value is None or value == "":
        return empty
    try:
        d = _date(value)
    except ValueError:
        return str(value)
    conv = convention(lang)
    month = conv["months"][d.month - 1]
    return conv[style].format(
        d=d.day, m=d.month, y=d.year, month=month, mon=month[:3],
        day=conv["first_day"] if d.day == 1 else str(d.day),
    )


def payer(payer_id: object, lang: str | None = DEFAULT, form: str = "the") -> str:
    """A payer's name: ``form`` "the" in a sentence ("la CPAM", "the mutuelle"), "name" in a
    sentence without its article ("CPAM", "mutuelle"), "label" as the rules' lists name it
    ("Mutuelle" in French), "title" in a column or a list ("Mutuelle"). A payer the table does
    not know is named by its id."""
    key = str(getattr(payer_id, "value", payer_id) or "")
    names = convention(lang)["payers"].get(key)
    return names[form] if names else key


def payer_messages() -> dict[str, dict[str, str]]:
    """The payers' names as message ids ("payer.the.cpam"…) for the messages table."""
    forms = {"the": "the", "track": "name", "label": "label"}
    return {
        f"payer.{prefix}.{key}": {lang: conv["payers"][key][form]
                                  for lang, conv in CONVENTIONS.items()}
        for prefix, form in forms.items() for key in CONVENTIONS[DEFAULT]["payers"]
    }
