"""The household's status as ``household_status`` answers it: the claims' statuses, kept as the
JSON text the status cache holds and made into objects (services/results/) only for a caller
that reads them, and the totals.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Generic, TypeVar

from desktop_app.services.household_problems import status_json
from desktop_app.services.results import ClaimStatus, ClaimSummary, HouseholdTotals

# What a list holds: whole statuses, or the summaries the claims table reads.
S = TypeVar("S", ClaimStatus, ClaimSummary)

SUMMARY_TRACK = ("state", "expected", "received", "follow_up_on", "overdue", "deadline",
                 "deadline_status", "next_action", "next_action_id")


def summary(s: dict) -> dict:
    """What the claims table and the dashboard show of a status (the same keys, fewer of them)."""
    return {
        "claim_id": s["claim_id"], "person": s["person"], "person_id": s["person_id"],
        "care_date": s["care_date"], "category": s["category"], "title": s["title"],
        "tracks": {payer: {k: track[k] for k in SUMMARY_TRACK}
                   for payer, track in s["tracks"].items()},
        # Counted, not listed: the table shows how many things are missing, not which.
        "blocking": sum(1 for m in s["missing"] if m["severity"] == "blocking"),
        "warnings": sum(1 for m in s["missing"] if m["severity"] != "blocking"),
    }


class StatusList(Sequence[S]):
    """The claims' statuses (``kind``: ``ClaimStatus``, or ``ClaimSummary``), each made into
    objects only when it is asked for; ``json_texts`` streams them without."""

    def __init__(self, ids: list[int], fresh: dict[int, dict], texts: dict[int, str],
                 kind: type[S]):
        self.ids = ids
        self._fresh = fresh  # JSON forms worked out in this pass, or read once
        self._texts = texts  # JSON texts as kept, until read
        self._made: dict[int, S] = {}
        self._type: type[S] = kind

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._one(i) for i in self.ids[index]]
        return self._one(self.ids[index])

    def _one(self, claim_id: int) -> S:
        found = self._made.get(claim_id)
        if found is None:  # made into objects once, kept for whoever asks next
            data = self._fresh.get(claim_id)
            if data is None:
                data = json.loads(self._texts.pop(claim_id))
            found = self._made[claim_id] = self._type.from_json(data)
        return found

    def __iter__(self) -> Iterator[S]:
        return map(self._one, self.ids)

    def each(self) -> Iterator[S]:
        """Each status made into objects and let go once the caller moves on, its text too: one
        pass over a large household without holding every status at once. The list is spent
        afterwards (a kept status can no longer be read from it)."""
        made, fresh, texts, make = self._made, self._fresh, self._texts, self._type.from_json
        for claim_id in self.ids:
            found = made.get(claim_id)
            if found is None:
                data = fresh.get(claim_id)
                found = make(data if data is not None else json.loads(texts.pop(claim_id)))
            yield found

    def json_texts(self) -> Iterator[str]:
        """Each status as JSON text, without making it into objects."""
        for claim_id in self.ids:
            text = self._texts.get(claim_id)
            if text is None:
                data = self._fresh.get(claim_id)
                text = status_json(data if data is not None else self._made[claim_id].to_json())
            yield text

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented


class HouseholdStatus(Generic[S]):
    """The statuses (``claims``, read as they are asked for) and the money totals (``totals``);
    its JSON: ``{"claims": [status…], "totals": {…}}``."""

    __slots__ = ("claims", "totals")

    def __init__(self, claims: StatusList[S], totals: HouseholdTotals):
        self.claims: StatusList[S] = claims
        self.totals = totals

    def json_chunks(self) -> Iterator[str]:
        """The whole answer as JSON text, piece by piece."""
        yield '{"claims":['
        for n, text in enumerate(self.claims.json_texts()):
            yield ("," if n else "") + text
        yield '],"totals":' + status_json(self.totals.to_json()) + "}"
