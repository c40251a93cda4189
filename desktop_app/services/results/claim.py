"""One claim's status as the tracking services answer it (services/claim_status.py): its
estimate, both payer tracks with their steps, what is missing and the attached documents."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """Something a claim still needs (core/rules/completeness.py ``Missing``): ``level`` says
    whose it is ("person", "claim", "cpam", "mutuelle"), ``action`` what fixes it."""

    id: str
    level: str
    severity: str  # "blocking" or "warning"
    message: str
    action: str | None
    action_label: str | None
    unconfirmed: bool = False

    @property
    def blocking(self) -> bool:
        return self.severity == "blocking"

    @classmethod
    def from_json(cls, d: dict) -> ChecklistItem:
        return cls(d["id"], d["level"], d["severity"], d["message"], d["action"],
                   d["action_label"], d["unconfirmed"])

    def to_json(self) -> dict:
        return {"id": self.id, "level": self.level, "severity": self.severity,
                "message": self.message, "action": self.action,
                "action_label": self.action_label, "unconfirmed": self.unconfirmed}


@dataclass(frozen=True, slots=True)
class TrackStep:
    """One step of a payer track, stored (``id`` its row) or following from the billing
    (``automatic``, ``id`` 0)."""

    payer: str
    state: str
    at: str
    date: str | None
    channel: str | None
    amount: str | None
    reason: str | None
    undone: bool
    id: int
    automatic: bool

    @classmethod
    def from_json(cls, d: dict) -> TrackStep:
        return cls(d["payer"], d["state"], d["at"], d["date"], d["channel"], d["amount"],
                   d["reason"], d["undone"], d["id"], d["automatic"])

    def to_json(self) -> dict:
        return {"payer": self.payer, "state": self.state, "at": self.at, "date": self.date,
                "channel": self.channel, "amount": self.amount, "reason": self.reason,
                "undone": self.undone, "id": self.id, "automatic": self.automatic}


@dataclass(frozen=True, slots=True)
class TrackStatus:
    """One payer's track on a claim: its state, the money, what to do next and by when."""

    state: str
    expected: str | None
    received: str
    difference: str | None
    flag: str | None  # None, "underpaid" or "overpaid"
    next_action: str
    next_action_id: str
    deadline: str | None
    deadline_status: str | None  # "ok", "soon", "passed" or None
    follow_up_on: str | None
    overdue: bool
    history: tuple[TrackStep, ...] = ()

    @classmethod
    def from_json(cls, d: dict) -> TrackStatus:
        return cls(d["state"], d["expected"], d["received"], d["difference"], d["flag"],
                   d["next_action"], d["next_action_id"], d["deadline"], d["deadline_status"],
                   d["follow_up_on"], d["overdue"],
                   tuple(TrackStep.from_json(h) for h in d["history"]))

    def to_json(self) -> dict:
        return {"state": self.state, "expected": self.expected, "received": self.received,
                "difference": self.difference, "flag": self.flag,
                "next_action": self.next_action, "next_action_id": self.next_action_id,
                "deadline": self.deadline, "deadline_status": self.deadline_status,
                "follow_up_on": self.follow_up_on, "overdue": self.overdue,
                "history": [h.to_json() for h in self.history]}


@dataclass(frozen=True, slots=True)
class EstimateFigures:
    """What each payer should pay (core/rules/estimate.py ``Estimate``, as shown)."""

    paid: str
    base: str
    rate: str
    amo_before_deductions: str
    deductions: str
    deduction_kind: str | None
    amo: str
    amc: str
    patient: str
    ticket_moderateur: str
    notes: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, d: dict) -> EstimateFigures:
        return cls(d["paid"], d["base"], d["rate"], d["amo_before_deductions"], d["deductions"],
                   d["deduction_kind"], d["amo"], d["amc"], d["patient"], d["ticket_moderateur"],
                   tuple(d["notes"]))

    def to_json(self) -> dict:
        return {"paid": self.paid, "base": self.base, "rate": self.rate,
                "amo_before_deductions": self.amo_before_deductions,
                "deductions": self.deductions, "deduction_kind": self.deduction_kind,
                "amo": self.amo, "amc": self.amc, "patient": self.patient,
                "ticket_moderateur": self.ticket_moderateur, "notes": list(self.notes)}


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A document attached to the claim."""

    id: int
    kind: str
    original_name: str | None

    @classmethod
    def from_json(cls, d: dict) -> DocumentRef:
        return cls(d["id"], d["kind"], d["original_name"])

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "original_name": self.original_name}


@dataclass(frozen=True, slots=True)
class ClaimStatus:
    """A claim's whole status: the estimate, both payer tracks (``tracks[payer]``, in PAYERS
    order), what is missing and the attached documents."""

    claim_id: int
    person: str
    person_id: int
    care_date: str | None
    category: str
    title: str | None
    amount_paid: str | None
    tiers_payant: str
    billing: str
    billing_set: str | None
    estimate: EstimateFigures
    tracks: dict[str, TrackStatus]
    missing: tuple[ChecklistItem, ...] = ()
    documents: tuple[DocumentRef, ...] = ()

    @property
    def blocking(self) -> int:
        """How many missing items block sending (as a ``ClaimSummary`` counts them)."""
        return sum(1 for m in self.missing if m.severity == "blocking")

    @property
    def warnings(self) -> int:
        return sum(1 for m in self.missing if m.severity != "blocking")

    @classmethod
    def from_json(cls, d: dict) -> ClaimStatus:
        return cls(
            d["claim_id"], d["person"], d["person_id"], d["care_date"], d["category"],
            d["title"], d["amount_paid"], d["tiers_payant"], d["billing"], d["billing_set"],
            EstimateFigures.from_json(d["estimate"]),
            {payer: TrackStatus.from_json(t) for payer, t in d["tracks"].items()},
            tuple(ChecklistItem.from_json(m) for m in d["missing"]),
            tuple(DocumentRef.from_json(doc) for doc in d["documents"]),
        )

    def to_json(self) -> dict:
        return {
            "claim_id": self.claim_id, "person": self.person, "person_id": self.person_id,
            "care_date": self.care_date, "category": self.category, "title": self.title,
            "amount_paid": self.amount_paid, "tiers_payant": self.tiers_payant,
            "billing": self.billing, "billing_set": self.billing_set,
            "estimate": self.estimate.to_json(),
            "tracks": {payer: t.to_json() for payer, t in self.tracks.items()},
            "missing": [m.to_json() for m in self.missing],
            "documents": [doc.to_json() for doc in self.documents],
        }
