"""What the tracking services answer, as typed values: a claim's status and its parts, what the
claims table keeps of it, the household's money totals, what ``check`` finds and what a statement
proposes.

Each type's ``to_json()`` is the JSON the command line prints (key names and order as published),
and ``from_json(data)`` reads it back. The household's statuses are kept and streamed as JSON text
(services/household.py, store/status_cache.py); these objects are made only for a caller that
reads their attributes, so a household-wide answer printed as JSON never builds them. Amounts
stay decimal strings ("182.94"), dates ISO strings, states and ids plain strings, as in the JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.core.model import PAYERS


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

    def __getitem__(self, key: str):
        # Read by key only by services/bundle.py, which gets the JSON form's parts (plain dicts
        # it may put in its own JSON report); it goes once bundle reads attributes.
        return self.to_json()[key]


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


@dataclass(frozen=True, slots=True)
class PayerAmounts:
    """One amount per payer."""

    cpam: str = "0.00"
    mutuelle: str = "0.00"

    def of(self, payer: str) -> str:
        return getattr(self, payer)

    @classmethod
    def from_json(cls, d: dict) -> PayerAmounts:
        return cls(d["cpam"], d["mutuelle"])

    def to_json(self) -> dict:
        return {payer: getattr(self, payer) for payer in PAYERS}


@dataclass(frozen=True, slots=True)
class MoneyTotals:
    """Owed (still expected, on tracks not over), expected and received per payer; paid and left
    to pay: for the household, one person or one year."""

    owed: PayerAmounts = field(default_factory=PayerAmounts)
    received: PayerAmounts = field(default_factory=PayerAmounts)
    expected: PayerAmounts = field(default_factory=PayerAmounts)
    paid: str = "0.00"
    left_to_pay: str = "0.00"

    @classmethod
    def from_json(cls, d: dict) -> MoneyTotals:
        return cls(PayerAmounts.from_json(d["owed"]), PayerAmounts.from_json(d["received"]),
                   PayerAmounts.from_json(d["expected"]), d["paid"], d["left_to_pay"])

    def to_json(self) -> dict:
        return {"owed": self.owed.to_json(), "received": self.received.to_json(),
                "expected": self.expected.to_json(), "paid": self.paid,
                "left_to_pay": self.left_to_pay}


@dataclass(frozen=True, slots=True)
class HouseholdTotals:
    """The household's ``MoneyTotals`` (``household``), and the same per person name and per year
    ("undated" for claims without a care date), each sorted."""

    household: MoneyTotals = field(default_factory=MoneyTotals)
    by_person: dict[str, MoneyTotals] = field(default_factory=dict)
    by_year: dict[str, MoneyTotals] = field(default_factory=dict)

    @property
    def owed(self) -> PayerAmounts:
        return self.household.owed

    @property
    def received(self) -> PayerAmounts:
        return self.household.received

    @property
    def expected(self) -> PayerAmounts:
        return self.household.expected

    @property
    def paid(self) -> str:
        return self.household.paid

    @property
    def left_to_pay(self) -> str:
        return self.household.left_to_pay

    @classmethod
    def from_json(cls, d: dict) -> HouseholdTotals:
        return cls(MoneyTotals.from_json(d),
                   {k: MoneyTotals.from_json(v) for k, v in d["by_person"].items()},
                   {k: MoneyTotals.from_json(v) for k, v in d["by_year"].items()})

    def to_json(self) -> dict:
        found = self.household.to_json()
        found["by_person"] = {k: v.to_json() for k, v in self.by_person.items()}
        found["by_year"] = {k: v.to_json() for k, v in self.by_year.items()}
        return found


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


@dataclass(frozen=True, slots=True)
class StatementProposal:
    """A statement line matched to the claim it most likely pays. ``title`` and ``category`` are
    the claim's, for the window's table; they are not part of the JSON."""

    line: int
    claim_id: int
    person: str
    care_date: str
    payer: str
    amount: str
    expected: str
    differs: bool
    date: str | None
    title: str | None = None
    category: str | None = None

    @classmethod
    def from_json(cls, d: dict) -> StatementProposal:
        return cls(d["line"], d["claim_id"], d["person"], d["care_date"], d["payer"],
                   d["amount"], d["expected"], d["differs"], d["date"])

    def to_json(self) -> dict:
        return {"line": self.line, "claim_id": self.claim_id, "person": self.person,
                "care_date": self.care_date, "payer": self.payer, "amount": self.amount,
                "expected": self.expected, "differs": self.differs, "date": self.date}


@dataclass(frozen=True, slots=True)
class UnmatchedLine:
    """A statement line that matches no claim: the line as it was read (``fields``), and why
    (``why`` in words, ``why_code`` stable)."""

    line: int
    fields: dict
    why: str
    why_code: str

    @property
    def care_date(self) -> str | None:
        return self.fields.get("care_date")

    @property
    def amount_paid(self):
        return self.fields.get("amount_paid")

    @property
    def patient_name(self) -> str | None:
        return self.fields.get("patient_name")

    @property
    def label(self) -> str | None:
        return self.fields.get("label")

    @classmethod
    def from_json(cls, d: dict) -> UnmatchedLine:
        fields = {k: v for k, v in d.items() if k not in ("line", "why", "why_code")}
        return cls(d["line"], fields, d["why"], d["why_code"])

    def to_json(self) -> dict:
        return {"line": self.line, **self.fields, "why": self.why, "why_code": self.why_code}


@dataclass(frozen=True, slots=True)
class StatementMatch:
    """What a statement's lines were matched to (``payer`` None when it was not read)."""

    document_id: int
    payer: str | None
    proposals: tuple[StatementProposal, ...] = ()
    unmatched: tuple[UnmatchedLine, ...] = ()

    def to_json(self) -> dict:
        return {"document_id": self.document_id, "payer": self.payer,
                "proposals": [p.to_json() for p in self.proposals],
                "unmatched": [u.to_json() for u in self.unmatched]}


@dataclass(frozen=True, slots=True)
class StatementRecorded:
    """The payments recorded from a statement, and its lines that matched nothing."""

    recorded: tuple[StatementProposal, ...] = ()
    unmatched: tuple[UnmatchedLine, ...] = ()

    def to_json(self) -> dict:
        return {"recorded": [p.to_json() for p in self.recorded],
                "unmatched": [u.to_json() for u in self.unmatched]}
