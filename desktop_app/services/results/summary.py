"""What the claims table and the dashboard keep of a claim's status (services/household.py
``summary``): the tracks' first part, the missing items counted."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TrackSummary:
    """What the claims table and the dashboard show of a track (``TrackStatus``'s first part)."""

    state: str
    expected: str | None
    received: str
    follow_up_on: str | None
    overdue: bool
    deadline: str | None
    deadline_status: str | None
    next_action: str
    next_action_id: str

    @classmethod
    def from_json(cls, d: dict) -> TrackSummary:
        return cls(d["state"], d["expected"], d["received"], d["follow_up_on"], d["overdue"],
                   d["deadline"], d["deadline_status"], d["next_action"], d["next_action_id"])

    def to_json(self) -> dict:
        return {"state": self.state, "expected": self.expected, "received": self.received,
                "follow_up_on": self.follow_up_on, "overdue": self.overdue,
                "deadline": self.deadline, "deadline_status": self.deadline_status,
                "next_action": self.next_action, "next_action_id": self.next_action_id}


@dataclass(frozen=True, slots=True)
class ClaimSummary:
    """What the claims table and the dashboard show of a status: the missing items counted, not
    listed (services/household.py ``summary``)."""

    claim_id: int
    person: str
    person_id: int
    care_date: str | None
    category: str
    title: str | None
    tracks: dict[str, TrackSummary]
    blocking: int = 0
    warnings: int = 0

    @classmethod
    def from_json(cls, d: dict) -> ClaimSummary:
        return cls(d["claim_id"], d["person"], d["person_id"], d["care_date"], d["category"],
                   d["title"], {p: TrackSummary.from_json(t) for p, t in d["tracks"].items()},
                   d["blocking"], d["warnings"])

    def to_json(self) -> dict:
        return {"claim_id": self.claim_id, "person": self.person, "person_id": self.person_id,
                "care_date": self.care_date, "category": self.category, "title": self.title,
                "tracks": {p: t.to_json() for p, t in self.tracks.items()},
                "blocking": self.blocking, "warnings": self.warnings}
