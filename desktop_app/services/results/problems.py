"""What ``check`` reports (services/household_check.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing ``check`` reports: about a person (``claim_id`` None) or a claim. ``level`` is
    that of the missing item it comes from (None for the others, and absent from their JSON)."""

    claim_id: int | None
    person: str
    severity: str  # "blocking", "warning" or "overdue"
    message: str
    action: str | None
    level: str | None = None

    @classmethod
    def from_json(cls, d: dict) -> Problem:
        return cls(d["claim_id"], d["person"], d["severity"], d["message"], d["action"],
                   d.get("level"))

    def to_json(self) -> dict:
        found = {"claim_id": self.claim_id, "person": self.person, "severity": self.severity,
                 "message": self.message, "action": self.action}
        if self.level is not None:
            found["level"] = self.level
        return found
