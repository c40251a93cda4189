"""Reminders: every deadline to claim and every follow-up, as calendar events and notices.

The household status knows them (services/household.py): a track still to send (incomplete,
ready or rejected) has its deadline, a track sent and not yet paid its follow-up date. They
become all-day events of an iCalendar file (services/ical.py): one the user asks for
(``paperasse calendar --out FILE.ics``, through the output gate), and one kept up to date in
the data folder for a calendar app to subscribe to (``<data folder>/calendar/paperasse.ics``),
looked at on each start of the window and after each of its household refreshes, by
``paperasse calendar`` and by ``paperasse check --quiet`` (the daily cron job). It keeps the
household state it was written from (household.fingerprint, one cheap query), so it is worked
out and rewritten only when a claim, a rule or the day changed.

The window also tells the user, once a day at most per item, when a follow-up falls due or a
deadline is near (the ``deadline_warn_days`` setting, 60 days by default); what it told on which
day is kept in ``<data folder>/calendar/notified.json``.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.rules import messages
from desktop_app.core.rules.messages import message
from desktop_app.store import atomic_files, state_files

if TYPE_CHECKING:
    from desktop_app.services.context import Context
    from desktop_app.services.results import ClaimStatus, ClaimSummary

DEADLINE, FOLLOW_UP = "deadline", "follow_up"
# The track states in which a deadline to claim still matters: nothing was sent yet, or it must
# be sent again.
_TO_SEND = ("incomplete", "ready", "rejected")


@dataclass(frozen=True)
class Reminder:
    """One dated thing to do about one claim's track with one payer."""

    kind: str  # DEADLINE | FOLLOW_UP
    claim_id: int
    payer: str  # "cpam" | "mutuelle"
    day: _dt.date
    title: str
    person: str
    action: str  # the track's next action, in the language asked
    care_date: str | None
    summary: str  # the event's one-line title
    details: str  # what to send or do, and which claim

    @property
    def key(self) -> str:
        """The same for the same claim, payer and kind in every run: the event's identity."""
        return f"{self.kind}-{self.payer}-claim-{self.claim_id}"

    def to_dict(self) -> dict:
        return {
            "kind": self.kind, "claim_id": self.claim_id, "payer": self.payer,
            "date": self.day.isoformat(), "title": self.title, "person": self.person,
            "action": self.action, "summary": self.summary,
        }


def from_statuses(statuses: Iterable[ClaimStatus | ClaimSummary],
                  lang: str = "en") -> list[Reminder]:
    """The reminders a household's claim statuses (whole or as ``household.summary`` keeps
    them) call for, soonest first."""
    found = []
    for s in statuses:
        title = s.title or _untitled(s, lang)
        for payer, track in s.tracks.items():
            if track.state in _TO_SEND and track.deadline:
                kind, day = DEADLINE, track.deadline
            elif track.state == "sent" and track.follow_up_on:
                kind, day = FOLLOW_UP, track.follow_up_on
            else:
                continue
            action = track.next_action or ""
            values = dict(payer=message(f"payer.the.{payer}", lang), title=title,
                          person=s.person)
            found.append(Reminder(
                kind=kind, claim_id=s.claim_id, payer=payer,
                day=_dt.date.fromisoformat(day), title=title, person=s.person,
                action=action, care_date=s.care_date,
                summary=messages.capitalize(message(f"reminder.{kind}", lang, **values)),
                details=message("reminder.details", lang, action=action, claim=s.claim_id,
                                care_date=messages.day(s.care_date, lang) or "?",
                                person=s.person),
            ))
    found.sort(key=lambda r: (r.day, r.claim_id, r.payer, r.kind))
    return found


def _untitled(s: ClaimStatus | ClaimSummary, lang: str) -> str:
    """What names a claim the user gave no title: its kind of care and day."""
    if not s.care_date:
        return message("reminder.untitled_undated", lang, claim=s.claim_id)
    return message("reminder.untitled", lang, care_date=messages.day(s.care_date, lang),
                   category=messages.name_of("category", s.category, lang))


def reminders(ctx: Context, today: _dt.date | None = None, lang: str | None = None) -> list[Reminder]:
    """Every deadline and follow-up of the household, in ``lang`` (tracking.language)."""
    from desktop_app.services import household, tracking

    lang = tracking.language(ctx, lang)
    status = household.household_status(ctx, today=today, lang=lang, summaries=True)
    # One status at a time, each let go once read: not every summary held at once.
    return from_statuses(status.claims.each(), lang)


# The calendar files

def subscribed_path(ctx: Context) -> Path:
    """The calendar kept up to date in the data folder, for a calendar app to subscribe to."""
    return ctx.paths.root / "calendar" / "paperasse.ics"


def _calendar_bytes(ctx: Context, items: list[Reminder], today: _dt.date, lang: str,
                    state: str | None = None) -> bytes:
    from desktop_app.services import ical

    # The data folder's own mark in each event's identity: two households' claim 1 are not
    # the same event in one calendar app.
    tag = hashlib.sha256(os.fsencode(os.path.realpath(ctx.paths.root))).hexdigest()[:12]
    return ical.calendar(items, tag, stamp=today, lang=lang, state=state)


def _kept_state(path: Path) -> str | None:
    """The household state the subscribed calendar was written from, read from its head."""
    from desktop_app.services.ical import STATE_PROPERTY

    try:
        with open(path, "rb") as handle:
            head = handle.read(1024).decode("utf-8", errors="replace")
    except OSError:
        return None
    for line in head.splitlines():
        if line.startswith(STATE_PROPERTY + ":"):
            return line.partition(":")[2].strip() or None
    return None


def write_calendar(ctx: Context, out, replace: bool = False, today: _dt.date | None = None,
                   lang: str | None = None) -> tuple[Path, list[Reminder]]:
    """``paperasse calendar --out FILE.ics``: through the output gate (never inside the data
    folder, an existing file replaced only when asked)."""
    from desktop_app.services import tracking
    from desktop_app.services.output_files import write_output

    lang = tracking.language(ctx, lang)
    today = today or _dt.date.today()
    items = reminders(ctx, today, lang)
    data = _calendar_bytes(ctx, items, today, lang)
    return write_output(data, out, ctx.paths.root, replace, example="paperasse.ics"), items


@dataclass(frozen=True)
class Subscribed:
    """The subscribed calendar after a refresh: where it is, the household state it was written
    from (None when no state can be told, see household.fingerprint), and the reminders, when
    they were worked out or handed in."""

    path: Path
    state: str | None
    items: list[Reminder] | None


def refresh_subscribed(ctx: Context, today: _dt.date | None = None, lang: str | None = None,
                       known: Subscribed | None = None) -> Subscribed:
    """Rewrite ``subscribed_path`` (atomically) when what it holds changed. The household's
    state is read first and kept in the file: when the file was written from the same state,
    nothing is worked out (the reminders are those ``known`` holds, if it is of that state)."""
    from desktop_app.services import household, tracking

    lang = tracking.language(ctx, lang)
    today = today or _dt.date.today()
    target = subscribed_path(ctx)
    from desktop_app.services import passphrase

    if passphrase.is_protected(ctx.paths.root):
        # A calendar app reads the file as it is: a protected folder keeps none (what it would
        # hold, names and care, is what the passphrase protects); ``calendar --out`` still
        # writes one where the user asks.
        with contextlib.suppress(OSError):
            target.unlink()
        return Subscribed(target, None, reminders(ctx, today, lang))
    # Read before the reminders: a change made meanwhile leaves a state that differs.
    state = household.fingerprint(ctx, today, lang)
    if state is not None:
        state = f"{state}-{lang}"
        if _kept_state(target) == state:
            items = known.items if known is not None and known.state == state else None
            return Subscribed(target, state, items)
    items = reminders(ctx, today, lang)
    data = _calendar_bytes(ctx, items, today, lang, state)
    try:
        if target.read_bytes() == data:
            return Subscribed(target, state, items)
    except OSError:
        pass
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    atomic_files.write_bytes_atomically(data, target)
    return Subscribed(target, state, items)


# Notices in the window

def due_notices(items: Iterable[Reminder], today: _dt.date, warn_days: int = 60) -> list[Reminder]:
    """What to tell the user about today: follow-ups that fell due, deadlines ``warn_days`` or
    fewer days away (not those already passed: nothing can be done about them any more)."""
    due = []
    for item in items:
        if item.kind == FOLLOW_UP and item.day <= today:
            due.append(item)
        elif item.kind == DEADLINE and 0 <= (item.day - today).days <= warn_days:
            due.append(item)
    return due


def take_notices(ctx: Context, items: Iterable[Reminder], today: _dt.date | None = None,
                 warn_days: int | None = None) -> list[Reminder]:
    """The notices due today that were not given yet today, remembered as given."""
    today = today or _dt.date.today()
    if warn_days is None:
        warn_days = int(ctx.setting("deadline_warn_days") or 60)
    path = ctx.paths.root / "calendar" / "notified.json"
    try:
        told = json.loads(state_files.read_state_file(path).decode("utf-8"))
        told = told if isinstance(told, dict) else {}
    except (OSError, ValueError):
        told = {}
    due = due_notices(items, today, warn_days)
    day = today.isoformat()
    fresh = [item for item in due if told.get(_notice_key(item)) != day]
    kept = {_notice_key(item): told.get(_notice_key(item)) for item in due}  # what is no longer due goes
    kept.update({_notice_key(item): day for item in fresh})
    kept = {k: v for k, v in kept.items() if v}
    if kept != told:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        state_files.write_state_file(json.dumps(kept, sort_keys=True).encode(), path)
    return fresh


def _notice_key(item: Reminder) -> str:
    # With its date: a follow-up moved by a new sending is a new thing to tell.
    return f"{item.key}@{item.day.isoformat()}"


def window_refresh(ctx: Context, today: _dt.date | None, lang: str | None,
                   known: tuple | None) -> tuple[tuple, list[Reminder]]:
    """What the window does after a change: the subscribed calendar kept up to date, and the
    notices due that were not given yet, with the (household state, day) they were taken for.
    ``known`` is the pair of the last refresh: the same household on the same day has no new
    notice. Nothing else is kept between refreshes: the reminders of a large household are tens
    of thousands of objects the window has no use for."""
    found = refresh_subscribed(ctx, today, lang)
    day = (today or _dt.date.today()).isoformat()
    if found.state is not None and known == (found.state, day):
        return known, []
    items = found.items if found.items is not None else reminders(ctx, today, lang)
    return (found.state, day), take_notices(ctx, items, today)
