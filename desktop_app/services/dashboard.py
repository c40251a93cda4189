"""What the dashboard lists: the few claims to chase and the deadlines coming up.

Worked out claim by claim as the statuses are read, so the window is handed a dozen items and the
totals, never the statuses of every claim (50,000 of them held in the window cost hundreds of MB).
"""

from __future__ import annotations

import datetime as _dt
import heapq
from dataclasses import dataclass, field

from desktop_app.services.results import ClaimStatus, ClaimSummary, HouseholdTotals

PAYERS = ("cpam", "mutuelle")
SHOWN = 8  # items per list: what fits on the dashboard without scrolling

# Track states that still have to reach the payer: their deadline is worth showing.
TO_SEND = ("incomplete", "ready", "rejected")


@dataclass(frozen=True, slots=True)
class DueItem:
    """One line of a dashboard list. ``kind``: ``chase`` (sent, follow-up passed), ``too_late``
    (not sent, deadline passed) or ``deadline`` (not sent, deadline ahead); ``day`` is the
    follow-up or the deadline the line is about."""

    day: str
    claim_id: int
    kind: str
    payer: str
    person: str
    title: str | None
    category: str | None
    care_date: str | None


@dataclass(frozen=True)
class Dashboard:
    """The dashboard's figures (``totals`` as ``household_status`` gives them) and its lists,
    each soonest first."""

    totals: HouseholdTotals
    deadlines: tuple[DueItem, ...] = ()
    chase: tuple[DueItem, ...] = ()


@dataclass
class DueLists:
    """Collects the lists' candidates from one status at a time, keeping only the soonest."""

    shown: int = SHOWN
    _deadlines: list = field(default_factory=list)
    _chase: list = field(default_factory=list)

    def add(self, s: ClaimStatus | ClaimSummary) -> None:
        for n, payer in enumerate(PAYERS):
            track = s.tracks[payer]
            state = track.state
            if state == "sent" and track.overdue:
                self._keep(self._chase, track.follow_up_on or "", s, n, "chase")
            elif state in TO_SEND and track.deadline:
                if track.deadline_status == "passed":
                    self._keep(self._chase, track.deadline, s, n, "too_late")
                else:
                    self._keep(self._deadlines, track.deadline, s, n, "deadline")

    def _keep(self, heap: list, day: str, s: ClaimStatus | ClaimSummary, payer_index: int,
              kind: str) -> None:
        # A bounded heap of the soonest: keys are negated so that the root is the latest kept,
        # dropped for a sooner one. No day ("") comes first, as it sorts before every date.
        order = _dt.date.fromisoformat(day).toordinal() if day else 0
        key = (-order, -s.claim_id, -payer_index)
        item = (key, DueItem(day, s.claim_id, kind, PAYERS[payer_index], s.person,
                             s.title, s.category, s.care_date))
        if len(heap) < self.shown:
            heapq.heappush(heap, item)
        elif key > heap[0][0]:
            heapq.heapreplace(heap, item)

    def result(self, totals: HouseholdTotals) -> Dashboard:
        def soonest(heap: list) -> tuple[DueItem, ...]:
            return tuple(item for _key, item in sorted(heap, reverse=True))

        return Dashboard(totals, soonest(self._deadlines), soonest(self._chase))

