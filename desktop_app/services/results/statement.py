"""What a payer's statement proposes and what accepting it recorded (services/statements.py)."""

from __future__ import annotations

from dataclasses import dataclass


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
