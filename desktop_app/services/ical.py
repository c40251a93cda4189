"""iCalendar text (RFC 5545) for the reminders: one all-day event each, with an alarm.

Written by hand: the few properties needed are simple, and the format's rules that matter
(CRLF line ends, lines folded at 75 octets without splitting a character, text escaping) are
here. Each event's UID is made from its claim, payer and kind and the data folder's mark, so a
calendar app that reads the file again updates its events instead of adding copies.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from desktop_app import __version__

# When each kind of event rings: a deadline a week ahead (time to post the papers), a follow-up
# at 9:00 on its day.
ALARMS = {"deadline": "-P7D", "follow_up": "PT9H"}
STATE_PROPERTY = "X-PAPERASSE-STATE"


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped, controls dropped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return "".join(c for c in text if c >= " " or c == "\t")


def fold(line: str) -> str:
    """A content line folded at 75 octets (continuations start with a space), CRLF-ended."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # a continuation's leading space counts
        if size + width > limit:
            out.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    out.append("".join(current))
    return "\r\n ".join(out) + "\r\n"


def calendar(items: Iterable, tag: str, stamp: _dt.date, lang: str = "en",
             state: str | None = None) -> bytes:
    """The calendar of ``items`` (services.reminders.Reminder), stamped ``stamp`` (a day, so the
    text stays the same all day when nothing changed); ``state``: what the household was when
    it was written (household.fingerprint), kept in an X- property calendar apps ignore."""
    stamp_text = f"{stamp:%Y%m%d}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Paperasse//Paperasse {__version__}//{lang.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Paperasse",
    ]
    if state:
        lines.append(f"{STATE_PROPERTY}:{state}")
    for item in items:
        day = item.day
        lines += [
            "BEGIN:VEVENT",
            f"UID:{item.key}.{tag}@paperasse",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + _dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(item.summary)}",
            f"DESCRIPTION:{escape(item.details)}",
            f"CATEGORIES:{escape(item.payer.upper())},{escape(item.kind.upper())}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"TRIGGER;RELATED=START:{ALARMS.get(item.kind, 'PT9H')}",
            f"DESCRIPTION:{escape(item.summary)}",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines).encode("utf-8")
