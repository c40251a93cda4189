"""Household-wide answers (status, check, totals) in one pass, working out again only the claims
whose status may have changed since it was last worked out.

A claim's status (services/claim_status.py ``_status``) follows from four things, and the status cache
(store/status_cache.py) keeps one only while all four are as they were:

- the claim's own inputs: the claim, its steps, its documents and their fields, its person and
  the insured person of a beneficiary, followed by the revision the database's triggers change;
- what applies to everyone: the rule files, the user's LPP list, the follow-up settings, the
  language and this code ("stamp");
- what the person's earlier claims of the year used of the yearly caps, and whether another of
  their claims went to the mutuelle ("context"), rebuilt here in care-date order from each
  claim's own part, kept beside its status;
- the day: a status holds from the day it was worked out until the next day a date in it
  changes something (a deadline coming near or passing, a follow-up falling due).

Claims without a care date count against the current year: they are worked out every time.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import gc
import hashlib
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, overload

from desktop_app import __version__
from desktop_app.services import tracking
from desktop_app.services.context import Context
from desktop_app.services.household_figures import Totals, figures_of
from desktop_app.services.household_problems import claim_problems, split, status_json
from desktop_app.services.results import ClaimStatus, ClaimSummary, HouseholdTotals
from desktop_app.services.status_list import HouseholdStatus, StatusList, summary  # noqa: F401

# A new number when what a status holds changes shape without a file under desktop_app changing
# (it never does in a release; the code's own files are part of the stamp).
CACHE_CODE = 1
_CODE_DIR = Path(__file__).resolve().parents[1]


@contextlib.contextmanager
def _no_cyclic_gc():
    """Household-wide answers allocate hundreds of thousands of small objects and free none:
    Python's cycle collector would walk them all again and again (a cost that grows faster than
    the household). Nothing here makes cycles, so it waits until the answer is built."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextlib.contextmanager
def _walked(ctx: Context, today: _dt.date | None, lang: str | None) -> Iterator[_Pass]:
    """A pass over the household, walked inside one read snapshot; its answer is read out
    within the same snapshot."""
    with _no_cyclic_gc(), ctx.store.snapshot():
        found = _Pass(ctx, today, lang)
        found.run()
        yield found


def _person_id(ctx: Context, person) -> int | None:
    from desktop_app.services.people import find_person

    return find_person(ctx, person).id if person else None


@overload
def household_status(
    ctx: Context, person=None, year=None, today: _dt.date | None = None, lang: str | None = None,
    summaries: Literal[False] = False,
) -> HouseholdStatus[ClaimStatus]: ...
@overload
def household_status(
    ctx: Context, person=None, year=None, today: _dt.date | None = None, lang: str | None = None,
    *, summaries: Literal[True],
) -> HouseholdStatus[ClaimSummary]: ...
def household_status(
    ctx: Context, person=None, year=None, today: _dt.date | None = None, lang: str | None = None,
    summaries: bool = False,
) -> HouseholdStatus[Any]:
    """Every claim's status (newest care first) and the money totals; ``person`` and ``year``
    narrow the claims and the totals; ``summaries``: each status as ``summary`` keeps it."""
    person_id = _person_id(ctx, person)
    with _walked(ctx, today, lang) as found:
        return found.result(person_id, int(year) if year else None, summaries=summaries)


def fingerprint(ctx: Context, today: _dt.date | None = None, lang: str | None = None) -> str | None:
    """A short text that stays the same while every claim's status does on ``today``: each
    claim's revision and what applies to all (rules, settings, code), without working out any
    status. None when a claim has no care date (its status is never kept, so nothing says
    whether it changed)."""
    revisions = ctx.store.claim_revisions()
    if any(rev is None for rev in revisions.values()):
        return None
    walk = _Pass(ctx, today, lang)
    text = f"{walk.stamp()}|{walk.today.isoformat()}|{sorted(revisions.items())}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def household_totals(
    ctx: Context, person=None, year=None, today: _dt.date | None = None, lang: str | None = None
) -> HouseholdTotals:
    """The totals of ``household_status`` without reading the statuses themselves."""
    person_id = _person_id(ctx, person)
    with _walked(ctx, today, lang) as found:
        return found.result(person_id, int(year) if year else None, statuses=False).totals


# Entries written to the cache at a time while walking: what a large first answer holds.
SAVE_BATCH = 2000
# Up to this many changed claims (and a tenth of the household), only their people's claims
# are read and walked.
NARROW_WALK = 500


class _Pass:
    """One walk over the household's claims, person by person and year by year in care-date
    order, reusing each status that still holds and working out the others. Run inside one read
    snapshot of the record: a status is kept with the revision of the very data it came from."""

    def __init__(self, ctx: Context, today: _dt.date | None, lang: str | None):
        self.ctx = ctx
        self.house = tracking._Household(ctx, today, lang)
        self.lang = self.house.lang
        self.today = self.house.today
        self.cache = ctx.store.status_cache
        self.fresh: dict[int, dict] = {}
        self.keys: dict[int, tuple] = {}  # newest care first, undated last
        self.all_kept = False  # every claim's status came from the cache as it was

    def stamp(self) -> str:
        """What applies to every claim, as one string."""
        parts = [str(CACHE_CODE), __version__, self.lang, repr(self.house.settings)]
        from desktop_app import config

        folders = [self.ctx.paths.rules, config.resources_dir() / "rules",
                   _CODE_DIR / "core", _CODE_DIR / "core" / "rules", _CODE_DIR / "services"]
        for folder in folders:
            try:
                for path in sorted(folder.iterdir()):
                    if path.is_file():
                        st = path.stat()
                        parts.append(f"{path}:{st.st_mtime_ns}:{st.st_size}")
            except OSError:
                parts.append(f"{folder}:-")
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]

    def run(self) -> None:
        store = self.ctx.store
        stamp = self._stamp = self.stamp()
        today_iso = self.today.isoformat()
        current = store.claim_revisions()
        cached = self.cache.revisions(self.lang, stamp, today_iso)
        if current == cached:
            # Nothing changed, nothing came or went, no claim without a date: each kept entry was
            # checked against the caps its claim's year had when it was last walked, and they
            # are the same.
            self.all_kept = True
            return
        changed = [i for i in current.keys() | cached.keys() if current.get(i) != cached.get(i)]
        few = len(changed) <= min(NARROW_WALK, len(current) // 10)
        if few and self._walk_people_of(changed, current, cached):
            return
        self._read_keys()
        entries = self.cache.entries(self.lang, stamp, today_iso)
        self.all_kept = self._walk(entries)
        if not entries.keys() <= self.keys.keys():  # some claims went: so do their entries
            self.all_kept = self.cache.forget(self.keys) and self.all_kept

    def _walk_people_of(self, changed: list[int], current: dict, cached: dict) -> bool:
        """A few claims changed (a payment, an edit): only their people's claims are walked, the
        others' kept entries are read as they are. False when this cannot answer on its own (a
        claim without a date, which is never kept): the whole household is walked then."""
        store, today_iso = self.ctx.store, self.today.isoformat()
        people = store.persons_of_claims(i for i in changed if i in current)
        people.update(e.person_id for e in self.cache.entries(
            self.lang, self._stamp, today_iso, claim_ids=[i for i in changed if i in cached]
        ).values())
        self._read_keys(people)
        if not all(key[1] for key in self.keys.values()):
            self.keys = {}
            return False
        kept = self._walk(self.cache.entries(self.lang, self._stamp, today_iso, person_ids=people))
        gone = [i for i in cached if i not in current]
        if kept and gone:
            kept = self.cache.forget(current)
        if kept:
            # The cache holds every claim's current status again: the answer reads it whole.
            self.keys, self.all_kept = {}, True
        else:  # some could not be kept: the answer needs every claim's keys to be put together
            self.keys = {}
            self._read_keys()
            self.all_kept = False
        return True

    def _walk(self, entries: dict) -> bool:
        """Walk the people whose claims changed, year by year in care-date order, among the
        claims in ``self.keys``; True when every claim walked is kept in the cache."""
        store, house = self.ctx.store, self.house
        stamp, today_iso = self._stamp, self.today.isoformat()

        def holds(claim_id: int) -> bool:
            entry = entries.get(claim_id)
            key = self.keys[claim_id]
            return bool(entry and key[1] and entry.rev == key[3])

        stale = [i for i in self.keys if not holds(i)]
        # Whose claims changed, came, moved or went: only their years are walked again (the caps
        # and the first mutuelle claim tie a person's claims together, nobody else's).
        touched = {self.keys[i][0] for i in stale}
        touched.update(entries[i].person_id for i in stale if i in entries)
        touched.update(entries[i].person_id for i in entries.keys() - self.keys.keys())
        house._mutuelle_sent = sent = store.claims_sent_to_mutuelle()
        groups: dict[tuple, list[tuple]] = {}
        for claim_id, (person_id, _care, _category, _rev, day) in self.keys.items():
            when = day or self.today
            groups.setdefault((person_id, when.year), []).append((when, claim_id))

        # What has changed itself is loaded in one go; what only sees its caps move is loaded
        # with the rest of its person's year when the walk comes to it.
        self._loaded: dict[int, tuple] = {}
        self._load(stale)
        tariffs = house.tariffs
        kinds: dict[str, str | None] = {}
        saved: list[tuple] = []
        kept = True

        def flush() -> None:
            """Keep the entries worked out so far, and let their statuses go: the answer reads
            them back from the cache like any kept status."""
            nonlocal kept
            if self.cache.save(saved):
                for entry in saved:
                    self.fresh.pop(entry[0], None)
            else:
                kept = False
            saved.clear()
        for (person_id, _year), members in groups.items():
            if person_id not in touched:
                continue  # every claim of the person holds, and so do their caps
            members.sort()
            person = house.people[person_id]
            others = sent.get(person_id, ())
            caps = tracking.CapsSoFar(kinds)
            for position, (_when, claim_id) in enumerate(members):
                _person, care, category, _rev, day = self.keys[claim_id]
                first = not any(other != claim_id for other in others)
                so_far, same_day, forfait = caps.inputs_for(category, day, tariffs)
                context = f"{so_far}|{same_day}|{forfait}|{1 if first else 0}"
                if holds(claim_id):
                    entry = entries[claim_id]
                    if entry.context == context:
                        caps.add_for(category, day, Decimal(entry.deductions), Decimal(entry.amc),
                                     tariffs)
                        continue
                if claim_id not in self._loaded:
                    self._load([i for _w, i in members[position:] if i not in self._loaded])
                claim, documents, rows = self._loaded.pop(claim_id)
                est = house.estimate_with(claim, person, caps)
                caps.add(claim, est, tariffs)
                house._estimates[claim_id] = est
                status = tracking._status(house, claim, documents, rows)
                house._estimates.pop(claim_id, None)  # only this claim's status asked for it
                self.fresh[claim_id] = status
                if care:
                    saved.append(self._entry(status, stamp, context, est, today_iso))
                    if len(saved) >= SAVE_BATCH:
                        flush()
        if saved:
            flush()
        # Everything worked out is kept: with nothing gone (the caller forgets what is), the
        # cache holds every claim's current status, and SQLite can add them up (unless some
        # claim has no date).
        return kept and all(key[1] for key in self.keys.values())

    def _read_keys(self, people: set[int] | None = None) -> None:
        for claim_id, person_id, care, category, rev in self.ctx.store.claim_keys(people):
            day = _dt.date.fromisoformat(care) if care else None
            self.keys[claim_id] = (person_id, care, category, rev, day)

    def _load(self, ids: list[int]) -> None:
        if not ids:
            return
        store = self.ctx.store
        if len(ids) > len(self.keys) // 2:  # most of the household: whole tables read faster
            claims = store.claims()
            events = store.events()
            documents = store.documents(with_text=False)
        else:
            claims = store.claims_by_ids(ids)
            events = store.events_of(ids)
            documents = store.documents(claim_ids=ids, with_text=False)
        wanted = set(ids)
        rows: dict[int, list] = {}
        for r in events:
            if r.claim_id in wanted:
                rows.setdefault(r.claim_id, []).append(tracking._to_row(r))
        docs: dict[int, list] = {}
        for d in documents:  # the rules look at fields, not the text
            if d.claim_id in wanted:
                docs.setdefault(d.claim_id, []).append(d)
        for c in claims:
            if c.id in wanted:
                self._loaded[c.id] = (c, docs.get(c.id, []), rows.get(c.id, []))

    def _entry(self, s: dict, stamp: str, context: str, est, today_iso: str) -> tuple:
        claim_id = s["claim_id"]
        person_level, own = split(claim_problems(s, self.lang))
        figures = figures_of(s)
        person_id, care = self.keys[claim_id][0], self.keys[claim_id][1]
        return (
            claim_id, self.lang, self.keys[claim_id][3], stamp, context, today_iso,
            _valid_until(s, self.today, self.house.settings.warn_days),
            str(est.deductions), str(est.amc), person_id, care[:4], *figures,
            # Kept without the claim's id: the same text on each of the person's claims.
            json.dumps([{k: v for k, v in p.items() if k != "claim_id"} for p in person_level])
            if person_level else None,
            status_json(own) if own else None,
            status_json(s),
            status_json(summary(s)),
        )

    def order(self, person_id: int | None = None, year: int | None = None) -> list[int]:
        """The claims asked for, newest care first (undated last)."""
        if not self.keys:  # every status kept: the walk did not read the claims
            return self.ctx.store.claim_ids(person_id, year)
        if person_id is None and year is None:
            return list(self.keys)
        year_text = str(year) if year is not None else None
        return [
            i for i, (p, care, *_rest) in self.keys.items()
            if (person_id is None or p == person_id)
            and (year_text is None or (care and care[:4] == year_text))
        ]

    def _work_out(self, claim_id: int) -> dict:
        """One claim's status worked out on its own (its entry went since the walk)."""
        from desktop_app.services.claims import get_claim

        house = tracking._Household(self.ctx, self.today, self.lang)
        found = self.fresh[claim_id] = tracking._status(house, get_claim(self.ctx, claim_id))
        return found

    def result(self, person_id: int | None, year: int | None, statuses: bool = True,
               summaries: bool = False) -> HouseholdStatus[Any]:
        """The answer, read out of the cache whole: it needs no connection once returned (the
        window hands it from a worker to the interface). ``statuses=False``: the totals only;
        ``summaries``: each status as ``summary`` keeps it."""
        ids = self.order(person_id, year)
        kept = [i for i in ids if i not in self.fresh]
        texts = self.cache.bodies(self.lang, kept, summaries) if statuses else {}
        if statuses and len(texts) < len(kept):  # another process cleared the cache meanwhile
            for claim_id in kept:
                if claim_id not in texts:
                    self._work_out(claim_id)
            self.all_kept = False
            if not self.keys:
                self._read_keys()
        totals = Totals()
        names = {p.id: p.name for p in self.house.people.values()}
        sums = self.cache.totals(self.lang, self._stamp, self.today.isoformat(), person_id,
                                 year) if self.all_kept else None
        if sums:  # every status as kept: SQLite adds them up
            for person_of, year_of, *values in sums:
                totals.groups[(names[person_of], year_of)] = list(values)
        elif ids:
            figures = self.cache.figures(self.lang, [i for i in ids if i not in self.fresh])
            for claim_id in ids:
                fresh = self.fresh.get(claim_id)
                if fresh is None and claim_id not in figures:
                    fresh = self._work_out(claim_id)
                part = figures_of(fresh) if fresh is not None else figures[claim_id]
                person_of, care = self.keys[claim_id][0], self.keys[claim_id][1]
                totals.add(names[person_of], (care or "")[:4] or "undated", part)
        shown = ids if statuses else []
        if summaries:
            fresh = {i: summary(s) for i, s in self.fresh.items()}
            return HouseholdStatus(StatusList(shown, fresh, texts, ClaimSummary), totals.totals())
        return HouseholdStatus(StatusList(shown, self.fresh, texts, ClaimStatus), totals.totals())


def _valid_until(s: dict, today: _dt.date, warn_days: int) -> str | None:
    """The first day after ``today`` on which a date in the status changes what it says."""
    changes = []
    for track in s["tracks"].values():
        if track["deadline"]:
            deadline = _dt.date.fromisoformat(track["deadline"])
            changes += [deadline - _dt.timedelta(days=warn_days), deadline + _dt.timedelta(days=1)]
        if track["follow_up_on"]:
            changes.append(_dt.date.fromisoformat(track["follow_up_on"]) + _dt.timedelta(days=1))
    ahead = [d for d in changes if d > today]
    return min(ahead).isoformat() if ahead else None
