"""Dates as French paperwork prints them, read from OCR text.

Day-month-year in figures (``02/10/2025``, ``02.10.2025``, ``2-10-25``), with a
month name (``4 juillet 2025``, ``1er sept. 2025``, ``le 08 Déc 2014``), ISO
(``2025-10-02``), and the OCR slips that turn 0 into O or 1 into l. Month names
are French first, with English and German spellings for foreign invoices.
Years outside 1900..next year are rejected: they are misreads or not dates.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from desktop_app.intake.layout import fold

_MONTHS = {
    1: ["janvier", "janv", "jan", "january", "januar", "jänner"],
    2: ["fevrier", "fevr", "fev", "february", "feb", "februar", "fevrie"],
    3: ["mars", "mar", "march", "marz", "maerz"],
    4: ["avril", "avr", "april", "apr"],
    5: ["mai", "may"],
    6: ["juin", "june", "jun", "juni"],
    7: ["juillet", "juil", "july", "jul", "juli"],
    8: ["aout", "august", "aug"],
    9: ["septembre", "sept", "sep", "september"],
    10: ["octobre", "oct", "october", "oktober", "okt"],
    11: ["novembre", "nov", "november"],
    12: ["decembre", "dec", "december", "dezember", "dez"],
}
_MONTH_OF = {name: m for m, names in _MONTHS.items() for name in names}
_MONTH_RX = "|".join(sorted(_MONTH_OF, key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:er|st|nd|rd|th|e|eme)?"
_MON = rf"(?P<m>{_MONTH_RX})(?![a-z])\.?"
_SEP = r"[ \t]*[.\-/]?[ \t]*"

_NUMERIC = re.compile(
    r"(?<![\d/.\-])(?P<d>[0-3]?\d)[ \t]?(?P<s>[/.\-])[ \t]?(?P<m>[0-3]?\d)[ \t]?(?P=s)[ \t]?"
    r"(?P<y>\d{4}|\d{2})(?![\d])(?!(?P=s)\d)"
)
_ISO = re.compile(r"(?<![\d/.\-])(?P<y>(?:19|20)\d{2})(?P<s>[-/])(?P<m>[01]?\d)(?P=s)(?P<d>[0-3]?\d)(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"(?<![\d,]){_DAY}{_SEP}{_MON}{_SEP}(?P<y>\d{{4}})(?!\d)")
_MONTH_DAY_YEAR = re.compile(rf"(?<![a-z]){_MON}[ \t]+{_DAY},?[ \t]+(?P<y>\d{{4}})(?!\d)")
_DAY_MONTH = re.compile(rf"(?<![\d,]){_DAY}[ \t]*[.]?[ \t]*{_MON}(?![ \t]*[.\-/,]?[ \t]*\d)")
_MONTH_YEAR = re.compile(rf"(?<![0-9][ .,])(?<![a-z]){_MON}[ \t]+(?P<y>\d{{4}})(?!\d)")

# OCR reads 0 as O/o, 1 as l/I/|: fix them only inside tokens that are mostly digits.
_DIGITISH = re.compile(r"[0-9OoIl|]+(?:[/.\-][0-9OoIl|]+){2}")


@dataclass
class DateMatch:
    date: _dt.date
    start: int
    end: int
    text: str
    partial: bool = False  # month and year only, or no year printed


def _fix_digits(text: str) -> str:
    def repl(m: re.Match) -> str:
        tok = m.group()
        if sum(c.isdigit() for c in tok) < 4:
            return tok
        return tok.translate(str.maketrans("OoIl|", "00111"))

    return _DIGITISH.sub(repl, text)


# A day read with a letter for a figure before a month name ("G avril", "ler octobre", "l5 mai").
_DAY_SLIP = re.compile(rf"(?<![0-9a-z])([0-9gols]{{1,2}})(er)?(?=[ \t]+(?:{_MONTH_RX})(?![a-z]))")
_DAY_FIX = str.maketrans("gols", "6015")


def _fix_day_letters(text: str) -> str:
    def repl(m: re.Match) -> str:
        day = m.group(1)
        if day.isdigit() or not any(c.isdigit() for c in day) and len(day) > 1 and not m.group(2):
            return m.group()
        return day.translate(_DAY_FIX) + (m.group(2) or "")

    return _DAY_SLIP.sub(repl, text)


def _fold_same_length(text: str) -> str:
    out = []
    for c in text:
        f = fold(c)
        out.append(f[0] if f else " ")
    return "".join(out)


def _year(y: str, today: _dt.date) -> int | None:
    year = int(y)
    if len(y) == 2:
        year += 2000 if year <= (today.year % 100) + 1 else 1900
    if year < 1900 or year > today.year + 1:
        return None
    return year


def _make(y: int | None, m: int, d: int) -> _dt.date | None:
    if y is None:
        return None
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, reference: _dt.date | None = None, today: _dt.date | None = None,
               order: str = "DMY") -> list[DateMatch]:
    """Every date in the text, in reading order; overlapping readings keep the fullest.

    ``order`` is how figures-only dates read: French "DMY", or "MDY" for documents
    written in American English.
    """
    today = today or _dt.date.today()
    folded = _fix_day_letters(_fix_digits(_fold_same_length(text)))
    found: list[DateMatch] = []

    def add(m: re.Match, date: _dt.date | None, partial: bool = False) -> None:
        if date is None:
            return
        for other in found:
            if m.start() < other.end and other.start < m.end():
                return
        found.append(DateMatch(date, m.start(), m.end(), text[m.start() : m.end()], partial))

    for m in _ISO.finditer(folded):
        add(m, _make(_year(m["y"], today), int(m["m"]), int(m["d"])))
    for rx in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for m in rx.finditer(folded):
            add(m, _make(_year(m["y"], today), _MONTH_OF[m["m"]], int(m["d"])))
    for m in _NUMERIC.finditer(folded):
        day, month = int(m["d"]), int(m["m"])
        if order == "MDY":
            day, month = month, day
        add(m, _make(_year(m["y"], today), month, day))
    for m in _MONTH_YEAR.finditer(folded):
        add(m, _make(_year(m["y"], today), _MONTH_OF[m["m"]], 1), partial=True)
    if reference is not None:
        for m in _DAY_MONTH.finditer(folded):
            add(m, _make(reference.year, _MONTH_OF[m["m"]], int(m["d"])), partial=True)
    found.sort(key=lambda dm: dm.start)
    return found


def parse_date(text: str, reference: _dt.date | None = None, today: _dt.date | None = None,
               order: str = "DMY") -> _dt.date | None:
    """The first full date in the text; a month-and-year (taken as the 1st) only if none."""
    matches = find_dates(text, reference=reference, today=today, order=order)
    for dm in matches:
        if not dm.partial:
            return dm.date
    return matches[0].date if matches else None


def parse_date_digits(digits: str, today: _dt.date | None = None) -> _dt.date | None:
    """DDMMYYYY read from boxes (``22 02 2003`` or ``22022003``)."""
    today = today or _dt.date.today()
    d = re.sub(r"\D", "", digits)
    if len(d) == 8:
        return _make(_year(d[4:], today), int(d[2:4]), int(d[:2]))
    if len(d) == 6:
        return _make(_year(d[4:], today), int(d[2:4]), int(d[:2]))
    return None
