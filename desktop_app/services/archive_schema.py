"""What a row of an archive may hold, checked before anything is written.

An archive is a file from anywhere: a value the app would never have written (a regime that does
not exist, a birth date that is not a date, JSON that does not parse, an id past SQLite's 64-bit
integers) would be imported as it is and then break every later list, status or export. So every
cell of every known table is checked against this one schema: its type, its enum, its format, its
length. Columns this version does not know are left out by the import (and said so); settings are
taken only from ``SETTINGS``, and never one that names a program or a path.
"""

from __future__ import annotations

import datetime as _dt
import json

from desktop_app.core.layout_memory import ISSUER_TYPES
from desktop_app.core.model import (
    SPECIALTIES,
    Billing,
    Category,
    DocumentKind,
    FieldSource,
    Payer,
    ReadState,
    Regime,
    TiersPayant,
)
from desktop_app.core.rules.tracks import Channel, TrackState

MAX_INT = (1 << 63) - 1
MAX_TEXT = 1 << 20  # a document's whole text may be long; a name is checked tighter
MAX_JSON_DEPTH = 32
NAME = 200
SHORT = 2000


class Invalid(ValueError):
    """One cell that does not fit; the message says which and why."""


def _int(value, lo=-MAX_INT, hi=MAX_INT):
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise Invalid(f"{value!r} is not a whole number between {lo} and {hi}")


def _flag(value):
    if value not in (0, 1) or isinstance(value, float):
        raise Invalid(f"{value!r} is not 0 or 1")


def _text(limit):
    def check(value):
        if not isinstance(value, str):
            raise Invalid(f"{_short(value)} is not text")
        if len(value) > limit:
            raise Invalid(f"text of {len(value)} characters, over {limit}")
        if "\x00" in value:
            raise Invalid("text with a NUL character")
    return check


def _enum(values):
    allowed = tuple(values)

    def check(value):
        if value not in allowed:
            raise Invalid(f"{_short(value)} is not one of {', '.join(allowed)}")
    return check


def _date(value):
    _text(10)(value)
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        raise Invalid(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _stamp(value):
    _text(40)(value)
    try:
        _dt.datetime.fromisoformat(value)
    except ValueError:
        raise Invalid(f"{value!r} is not a date and time") from None


def _amount(value):
    _text(20)(value)
    try:
        float(value)
    except ValueError:
        raise Invalid(f"{value!r} is not an amount") from None


def _real01(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise Invalid(f"{value!r} is not a number from 0 to 1")


def _depth(value, level=0):
    if level > MAX_JSON_DEPTH:
        raise Invalid(f"nested deeper than {MAX_JSON_DEPTH} levels")
    if isinstance(value, dict):
        for v in value.values():
            _depth(v, level + 1)
    elif isinstance(value, list):
        for v in value:
            _depth(v, level + 1)


def _json(shape=None, limit=SHORT * 50):
    def check(value):
        _text(limit)(value)
        try:
            parsed = json.loads(value)
        except (ValueError, RecursionError):
            raise Invalid(f"{_short(value)} is not valid JSON") from None
        _depth(parsed)
        if shape is not None and not isinstance(parsed, shape):
            raise Invalid(f"{_short(value)} is not a JSON {shape.__name__}")
    return check


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def nullable(check):
    def inner(value):
        if value is not None:
            check(value)
    inner.nullable = True
    return inner


ID = _int
REF = nullable(lambda v: _int(v, 1))

COLUMNS: dict[str, dict] = {
    "people": {
        "id": lambda v: _int(v, 1), "name": _text(NAME), "nir": nullable(_text(40)),
        "birth_date": nullable(_date), "sex": nullable(_enum(("F", "M"))), "insured_id": REF,
        "caisse_name": nullable(_text(NAME)), "caisse_address": nullable(_text(SHORT)),
        "caisse_code": nullable(_text(20)), "regime": _enum(Regime.values()),
        "medecin_traitant": _flag, "ald": _flag, "css": _flag,
        "maternity_start": nullable(_date), "maternity_end": nullable(_date),
        "mutuelle_name": nullable(_text(NAME)), "mutuelle_member_number": nullable(_text(60)),
        "mutuelle_address": nullable(_text(SHORT)), "noemie": _flag,
        "mutuelle_guarantees": _json(dict), "mutuelle_deadline_days": nullable(lambda v: _int(v, 0, 36500)),
        "iban": nullable(_text(60)), "notes": nullable(_text(SHORT * 10)),
        "postal_address": nullable(_text(SHORT)), "contrat_responsable": _flag,
        "created_at": _stamp, "updated_at": _stamp, "trash_id": REF,
    },
    "claims": {
        "id": lambda v: _int(v, 1), "person_id": lambda v: _int(v, 1), "title": nullable(_text(SHORT)),
        "care_date": nullable(_date), "category": _enum(Category.values()),
        "amount_paid": nullable(_amount), "base": nullable(_amount), "amo_rate": nullable(_amount),
        "tiers_payant": _enum(TiersPayant.values()), "ald": _flag, "lpp_codes": _json(list),
        "notes": nullable(_text(SHORT * 10)), "paper": _flag,
        "units": lambda v: _int(v, 1, 1000),
        "billing": nullable(_enum(Billing.values())), "specialty": nullable(_enum(SPECIALTIES)),
        "out_of_parcours": nullable(_flag), "basket_100": _flag,
        "created_at": _stamp, "updated_at": _stamp, "trash_id": REF,
    },
    "documents": {
        "id": lambda v: _int(v, 1), "person_id": REF, "claim_id": REF,
        "kind": _enum(DocumentKind.values()), "sha256": _text(64), "original_name": _text(1000),
        "stored_name": _text(200), "mime": nullable(_text(200)),
        "size": lambda v: _int(v, 0), "pages": nullable(lambda v: _int(v, 0, 100000)),
        "read_state": _enum(ReadState.values()), "text_source": nullable(_text(40)),
        "text": nullable(_text(MAX_TEXT * 16)), "fields_text": nullable(_text(MAX_TEXT)),
        "warnings": _json(list), "imported_at": _stamp, "trash_id": REF,
    },
    "document_fields": {
        "id": lambda v: _int(v, 1), "document_id": lambda v: _int(v, 1), "name": _text(60),
        "value": nullable(_json()), "source": _enum(FieldSource.values()),
        "confidence": nullable(_real01), "confirmed": _flag,
        "page": nullable(lambda v: _int(v, 0, 100000)), "bbox": nullable(_json(list)),
        "source_text": nullable(_text(SHORT * 5)), "updated_at": _stamp,
    },
    "track_events": {
        "id": lambda v: _int(v, 1), "claim_id": lambda v: _int(v, 1),
        "payer": _enum(Payer.values()), "state": _enum(TrackState.values()), "at": _stamp,
        "date": nullable(_date), "channel": nullable(_enum(Channel.values())),
        "amount": nullable(_amount), "reason": nullable(_text(SHORT)),
        "source_document_id": REF, "undone": _flag,
    },
    "settings": {"key": _text(60), "value": _json(limit=SHORT)},
    "layout_memories": {
        "id": lambda v: _int(v, 1), "kind": _enum(DocumentKind.values()),
        "issuer_type": _enum(ISSUER_TYPES), "issuer_key": _text(60),
        "issuer_name": nullable(_text(NAME)), "fingerprint": _json(list),
        "fields": _json(dict), "document_id": REF, "uses": lambda v: _int(v, 0),
        "created_at": _stamp, "updated_at": _stamp,
    },
    "trash": {
        "id": lambda v: _int(v, 1), "kind": _enum(("document", "claim", "person")),
        "item_id": lambda v: _int(v, 1), "label": _text(SHORT), "deleted_at": _stamp,
        "unlinked": _json(list),
    },
}

# The settings an archive may carry, each with what its value may be. A setting that names a
# program or a path (the OCR program) is never imported: an archive must not choose what runs.
SETTINGS = {
    "follow_up_days": lambda v: _int(v, 1, 3650),
    "noemie_follow_up_days": lambda v: _int(v, 1, 3650),
    "electronic_follow_up_days": lambda v: _int(v, 1, 3650),
    "deadline_warn_days": lambda v: _int(v, 0, 3650),
    "language": nullable(_enum(("fr", "en"))),
}


def check_row(table: str, row: dict) -> None:
    """Raise :class:`Invalid` naming the first cell of ``row`` that does not fit."""
    columns = COLUMNS.get(table)
    if columns is None:
        return
    for column, check in columns.items():
        if column not in row:
            continue
        try:
            check(row[column])
        except Invalid as exc:
            raise Invalid(f"{column}: {exc}") from None


def setting_allowed(row: dict) -> bool:
    """Whether an archived setting is one an archive may set, with a value it may take."""
    check = SETTINGS.get(str(row.get("key")))
    if check is None:
        return False
    try:
        check(json.loads(row["value"]))
    except (Invalid, ValueError, RecursionError):
        return False
    return True
