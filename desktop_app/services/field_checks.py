"""A document's fields: which ones each kind has, and what a typed value is worth.

One check for every way a field is typed (the window's document pane, ``paperasse doc
confirm``): a refused value comes back as a message id and its values, worded per language by
the caller, so the window can show it under the field and the command line can print it.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core import identifiers
from desktop_app.core.rules.messages import message

if TYPE_CHECKING:
    from desktop_app.services.context import Context

DATE_FIELDS = frozenset({"date", "care_date", "birth_date", "patient_birth_date", "statement_date"})
AMOUNT_FIELDS = frozenset({"total_amount", "total_paid"})
BOOL_FIELDS = frozenset({"ald", "signed", "renewable"})
LIST_FIELDS = frozenset({"items", "lpp_codes"})
NIR_FIELDS = frozenset({"nir", "insured_nir"})
RPPS_FIELDS = frozenset({"rpps", "prescriber_rpps"})
PAYER_FIELDS = frozenset({"payer"})

_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YES = {"yes", "y", "oui", "o", "true", "1", "on"}
_NO = {"no", "n", "non", "false", "0", "off"}
# What a user types for a statement's payer, as the window shows it or as people say it.
_PAYERS = {"cpam": "cpam", "assurance maladie": "cpam", "ameli": "cpam", "sécurité sociale": "cpam",
           "securite sociale": "cpam", "mutuelle": "mutuelle", "complémentaire": "mutuelle",
           "complementaire": "mutuelle", "votre mutuelle": "mutuelle", "la cpam": "cpam",
           "la mutuelle": "mutuelle"}


@dataclass(frozen=True)
class FieldCheck:
    """A typed value: ``value`` as stored, or ``error`` (a message id) when it is refused.
    ``warning`` is a doubt worth showing that does not stop the value being saved."""

    name: str
    value: object = None
    error: str | None = None
    warning: str | None = None
    values: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None

    def error_text(self, lang: str = "en") -> str:
        return message(self.error, lang, **self.values) if self.error else ""

    def warning_text(self, lang: str = "en") -> str:
        return message(self.warning, lang, **self.values) if self.warning else ""


def check_field(name: str, raw: object) -> FieldCheck:
    """What ``raw`` (as typed) stores for the field ``name``; nothing typed stores nothing."""
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return FieldCheck(name)
    if isinstance(raw, (list, bool)):
        return FieldCheck(name, raw)
    text = str(raw).strip()
    if name in DATE_FIELDS:
        day = _date(text)
        return FieldCheck(name, day.isoformat()) if day else _refused(name, "field.date", text=text)
    if name in AMOUNT_FIELDS:
        amount = _amount(text)
        return FieldCheck(name, str(amount)) if amount is not None else _refused(
            name, "field.amount", text=text)
    if name in BOOL_FIELDS:
        word = text.lower()
        if word in _YES or word in _NO:
            return FieldCheck(name, word in _YES)
        return _refused(name, "field.yes_no", text=text)
    if name in LIST_FIELDS:
        return FieldCheck(name, [part.strip() for part in re.split(r"[;\n]", text) if part.strip()])
    if name in NIR_FIELDS:
        return _nir(name, text)
    if name in RPPS_FIELDS:
        return _rpps(name, text)
    if name in PAYER_FIELDS:
        payer = _PAYERS.get(" ".join(text.lower().split()))
        return FieldCheck(name, payer) if payer else _refused(name, "field.payer", text=text)
    return FieldCheck(name, text)


def _refused(name: str, message_id: str, **values) -> FieldCheck:
    return FieldCheck(name, error=message_id, values=values)


def _date(text: str) -> _dt.date | None:
    # Day/month/year as people write it; the ISO form the command line and files use.
    match = _DMY.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return _dt.date(year, month, day)
        return _dt.date.fromisoformat(text)
    except ValueError:
        return None


def _amount(text: str) -> Decimal | None:
    cleaned = text.replace("€", "").replace("EUR", "").replace("\u00a0", "").replace("\u202f", "")
    cleaned = cleaned.replace(" ", "")
    if "," in cleaned and "." in cleaned:  # 1.234,56 or 1,234.56: the last mark is the decimal one
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value.quantize(Decimal("0.01")) if value.is_finite() else None


def _nir(name: str, text: str) -> FieldCheck:
    check = identifiers.check_nir(text)
    if check.ok:
        return FieldCheck(name, check.value)
    value = check.value or ""
    if len(value) == 13:
        return _refused(name, "field.nir_no_key", key=identifiers.nir_key(value))
    if len(value) != 15:
        return _refused(name, "field.nir_length", count=len(value))
    expected = _key_or_none(value)
    if expected is not None and expected != value[13:]:
        return _refused(name, "field.nir_key", key=value[13:], expected=expected)
    return _refused(name, "field.nir_invalid")


def _key_or_none(value: str) -> str | None:
    try:
        return identifiers.nir_key(value)
    except Exception:  # noqa: BLE001 - not digits where the key is worked out from: not a NIR
        return None


def _rpps(name: str, text: str) -> FieldCheck:
    check = identifiers.check_rpps(text)
    value = check.value or ""
    if check.errors:
        return _refused(name, "field.rpps_length", count=len(value))
    if check.warnings:
        # The check digit is not an official rule: said, not refused.
        from stdnum import luhn

        return FieldCheck(name, value, warning="field.rpps_check_digit",
                          values={"digit": luhn.calc_check_digit(value[:10])})
    return FieldCheck(name, value)


# Which fields a kind of document has

def kind_fields(ctx: Context, kind: str) -> tuple[str, ...]:
    """The fields a document of ``kind`` has, in reading order: those the reader looks for
    (rules/document_fields.json), then any the checklist asks of that kind
    (completeness.json "document_fields")."""
    names = list(_fields_file(ctx.resource("rules", "document_fields.json")).get(kind, ()))
    from desktop_app.services.tracking import completeness_rules

    for name in completeness_rules(ctx).get("document_fields", {}).get(kind, ()):
        if name not in names:
            names.append(name)
    return tuple(names)


def _fields_file(path: Path) -> dict:
    return _read_fields(str(path), path.stat().st_mtime if path.exists() else 0.0)


@functools.lru_cache(maxsize=4)
def _read_fields(path: str, _mtime: float) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a missing or broken copy: the checklist's fields are still offered
    kinds = data.get("kinds") if isinstance(data, dict) else None
    return {k: [str(n) for n in v] for k, v in (kinds or {}).items() if isinstance(v, list)}
