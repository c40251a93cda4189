"""Checks of the identifiers found on French health paperwork.

Each check returns a :class:`Check`: the cleaned value when it could be read,
plus errors (the value is wrong) and warnings (the value is acceptable but
deserves a second look). Messages name what is wrong and, where a check digit
allows it, what was expected.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from desktop_app.core.on_first_use import OnFirstUse

# python-stdnum, imported when a check first needs it: its utilities load pydoc and ssl (about
# 20 ms), which a command reading one scan with no identifier on it need not pay.
_iban = OnFirstUse("stdnum.iban")
_exceptions = OnFirstUse("stdnum.exceptions")
_nir = OnFirstUse("stdnum.fr.nir")
_siren = OnFirstUse("stdnum.fr.siren")
_siret = OnFirstUse("stdnum.fr.siret")


def message(message_id: str, lang: str, **values) -> str:
    """The message catalogue, loaded when a check first has something to say (it sits in the
    rules package, whose import a scan that checks out need not pay)."""
    from desktop_app.core.rules.messages import message as catalogue

    return catalogue(message_id, lang, **values)


@dataclass
class Check:
    """A checked identifier. ``errors`` and ``warnings`` are English sentences (the command
    line's JSON keeps them); ``problems`` holds the same as (severity, message id, values), which
    a window words in its own language with :meth:`texts`."""

    value: str | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: list[tuple[str, str, dict]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, message_id: str, **values) -> None:
        self.problems.append(("error", message_id, values))
        self.errors.append(message(message_id, "en", **values))

    def warning(self, message_id: str, **values) -> None:
        self.problems.append(("warning", message_id, values))
        self.warnings.append(message(message_id, "en", **values))

    def texts(self, severity: str, lang: str) -> list[str]:
        """The errors (``"error"``) or warnings (``"warning"``) in ``lang``."""
        return [message(mid, lang, **values) for sev, mid, values in self.problems if sev == severity]

    def to_dict(self) -> dict:
        return {"value": self.value, "ok": self.ok, "errors": self.errors, "warnings": self.warnings}


_SEPARATORS = re.compile(r"[\s.\-_/]")


def _compact(raw: str) -> str:
    return _SEPARATORS.sub("", raw or "").upper()


def format_nir(nir: str | None) -> str:
    """'285077511523432' -> '2 85 07 75 115 234 32', grouped as printed on the carte Vitale
    (sex, year, month, département, commune, order number, key); anything else as given."""
    compact = re.sub(r"\s", "", nir or "").upper()
    if len(compact) != 15:
        return nir or ""
    parts = (compact[0], compact[1:3], compact[3:5], compact[5:7], compact[7:10],
             compact[10:13], compact[13:15])
    return " ".join(parts)


def sex_of_nir(nir: str | None) -> str | None:
    """'M' or 'F' from a NIR's first digit (1 a man, 2 a woman; a temporary number, 7 or 8,
    says nothing), or None."""
    first = re.sub(r"\s", "", nir or "")[:1]
    return {"1": "M", "2": "F"}.get(first)


def nir_key(first13: str) -> str:
    """The 2-digit key of a 13-character NIR (Corsica 2A/2B handled)."""
    return _nir.calc_check_digits(_compact(first13)[:13])


def check_nir(
    raw: str,
    birth_date: _dt.date | None = None,
    sex: str | None = None,
) -> Check:
    """Validate a NIR (social security number), optionally against a birth date and sex.

    A key mismatch is an error that names the expected key. Temporary numbers
    (NIA, starting with 7 or 8) are accepted with a warning. Inconsistencies with
    the birth date or sex are warnings: civil records have exceptions.
    """
    value = _compact(raw)
    check = Check(value=value or None)
    if not value:
        check.error("id.nir_empty")
        return check
    if value[:1] in ("7", "8"):
        return _check_nia(value, check)
    if len(value) == 13 and _looks_like_nir(value + "00"):
        check.error("id.nir_no_key", key=nir_key(value))
        return check
    if len(value) != 15:
        check.error("id.nir_length", count=len(value))
        return check
    if not _looks_like_nir(value):
        check.error("id.nir_characters")
        return check
    if value[0] not in "12":
        check.error("id.nir_first_digit")
        return check
    expected = nir_key(value)
    if expected != value[13:]:
        check.error("id.nir_key", key=value[13:], expected=expected)
        return check
    _nir_consistency(check, value, birth_date, sex)
    return check


def _looks_like_nir(value: str) -> bool:
    body = value[:13]
    return (
        len(body) == 13
        and body[:5].isdigit()
        and body[7:].isdigit()
        and (body[5:7].isdigit() or body[5:7] in ("2A", "2B"))
        and value[13:].isdigit()
    )


def _check_nia(value: str, check: Check) -> Check:
    if not value.isdigit() or len(value) not in (13, 15):
        check.error("id.nia_length")
        return check
    if value[1] not in "12":
        check.error("id.nia_sex")
        return check
    if len(value) == 15 and nir_key(value) != value[13:]:
        check.error("id.nir_key", key=value[13:], expected=nir_key(value))
        return check
    check.warning("id.nia_temporary")
    return check


def _nir_consistency(check: Check, value: str, birth_date: _dt.date | None, sex: str | None) -> None:
    if sex:
        expected_sex = {"1": "M", "2": "F"}[value[0]]
        if sex.upper()[:1] in ("M", "F", "H") and expected_sex != sex.upper().replace("H", "M")[:1]:
            check.warning("id.nir_sex_man" if value[0] == "1" else "id.nir_sex_woman", digit=value[0])
    if birth_date:
        if value[1:3] != f"{birth_date.year % 100:02d}":
            check.warning("id.nir_year", year=value[1:3], birth=birth_date.isoformat())
        month = int(value[3:5])
        # Months over 12 (20-30, 50+) mean an incomplete civil record: nothing to compare.
        if 1 <= month <= 12 and month != birth_date.month:
            check.warning("id.nir_month", month=value[3:5], birth=birth_date.isoformat())


def check_iban(raw: str) -> Check:
    value = _compact(raw)
    check = Check(value=value or None)
    if not value:
        check.error("id.iban_empty")
        return check
    try:
        check.value = _iban.validate(value)
    except _exceptions.ValidationError as exc:
        check.error(f"id.invalid.{_reason(exc)}", what="IBAN")
    return check


def check_siret(raw: str) -> Check:
    value = _compact(raw)
    check = Check(value=value or None)
    try:
        check.value = _siret.validate(value)
    except _exceptions.ValidationError as exc:
        check.error(f"id.invalid.{_reason(exc)}", what="SIRET")
    return check


def check_siren(raw: str) -> Check:
    value = _compact(raw)
    check = Check(value=value or None)
    try:
        check.value = _siren.validate(value)
    except _exceptions.ValidationError as exc:
        check.error(f"id.invalid.{_reason(exc)}", what="SIREN")
    return check


def _luhn_sum(digits: str) -> int:
    """The Luhn checksum (ISO/IEC 7812) of a string of digits: 0 when its last digit checks.
    Written out here (it is four lines) so the RPPS check, run on every prescription, needs
    no library import."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10


def _luhn_digit(digits: str) -> str:
    """The digit that, appended to ``digits``, makes them pass the Luhn check."""
    return str((10 - _luhn_sum(digits + "0")) % 10)


def check_rpps(raw: str) -> Check:
    """RPPS: 11 digits; a failed Luhn check is a warning, the rule is not official."""
    value = _compact(raw)
    check = Check(value=value or None)
    if not value.isdigit() or len(value) != 11:
        check.error("id.rpps_length", got=value or "—")
        return check
    if _luhn_sum(value):
        check.warning("id.rpps_check_digit", digit=_luhn_digit(value[:10]))
    return check


def rpps_is_plausible(raw: str) -> bool:
    value = _compact(raw)
    return value.isdigit() and len(value) == 11 and not _luhn_sum(value)


def check_adeli(raw: str) -> Check:
    value = _compact(raw)
    check = Check(value=value or None)
    if not value.isdigit() or len(value) != 9:
        check.error("id.adeli_length", got=value or "—")
    return check


def _reason(exc) -> str:
    """What stdnum found, as a message id's text is built: the id of the reason."""
    return {
        "InvalidChecksum": "checksum",
        "InvalidLength": "length",
        "InvalidFormat": "format",
        "InvalidComponent": "component",
    }.get(type(exc).__name__, "format")
