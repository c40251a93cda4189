"""A payer's track as data: its states, the steps recorded on it (``TrackEvent``), what the rules
know of the claim (``TrackContext``), and where a history leaves the track. core/rules/tracks.py
says how the states follow one another; this module is what every part of it reads.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from desktop_app.core.errors import UserError
from desktop_app.core.model import Payer, StrEnum, TiersPayant
from desktop_app.core.rules.deadlines import DeadlineSettings
from desktop_app.core.rules.messages import message
from desktop_app.core.rules.money import ZERO, money_str, to_decimal


class TrackState(StrEnum):
    INCOMPLETE = "incomplete"
    READY = "ready"
    SENT = "sent"
    PAID = "paid"
    REJECTED = "rejected"
    CLOSED = "closed"
    DIRECT = "direct"  # tiers payant: the payer pays the professional, nothing to claim
    NOT_COVERED = "not_covered"  # the CPAM does not cover this care: nothing to claim from it


class Channel(StrEnum):
    POST = "post"
    ONLINE = "online"  # ameli / the mutuelle's site, or the professional's electronic care sheet
    NOEMIE = "noemie"  # the CPAM forwarded the claim to the mutuelle


NOEMIE_REASON = "forwarded by the CPAM (NOEMIE)"
PAID_IN_FULL = "paid in full"
# Steps nobody recorded, added from the claim each time (core/rules/billing.py): the electronic
# care sheet the professional sent, NOEMIE telling the mutuelle of a claim paid by tiers payant.
ELECTRONIC = "electronic care sheet (carte Vitale)"
NOEMIE_TIERS_PAYANT = "forwarded by the CPAM (NOEMIE) after paying the professional"
AUTOMATIC_REASONS = (ELECTRONIC, NOEMIE_TIERS_PAYANT)
PENDING = (TrackState.INCOMPLETE, TrackState.READY)


@dataclass(frozen=True)
class TrackEvent:
    payer: Payer
    state: TrackState
    at: str = ""  # when it was recorded (ISO timestamp); one user action, one `at`
    date: _dt.date | None = None  # when it happened: sent on, paid on
    channel: Channel | None = None
    amount: Decimal | None = None
    reason: str | None = None
    undone: bool = False

    def __post_init__(self) -> None:
        # Accept the plain values the store keeps, so a row can be passed straight in.
        set_ = object.__setattr__
        set_(self, "payer", enum_of(Payer, self.payer, "payer"))
        set_(self, "state", enum_of(TrackState, self.state, "track state"))
        if self.channel not in (None, ""):
            set_(self, "channel", enum_of(Channel, self.channel, "channel"))
        else:
            set_(self, "channel", None)
        if isinstance(self.date, str):
            set_(self, "date", _dt.date.fromisoformat(self.date) if self.date else None)
        if self.amount is not None and not isinstance(self.amount, Decimal):
            set_(self, "amount", to_decimal(self.amount))

    def to_dict(self) -> dict:
        return {
            "payer": self.payer.value,
            "state": self.state.value,
            "at": self.at,
            "date": self.date.isoformat() if self.date else None,
            "channel": self.channel.value if self.channel else None,
            "amount": money_str(self.amount) if self.amount is not None else None,
            "reason": self.reason,
            "undone": self.undone,
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> TrackEvent:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class TrackContext:
    """What the tracks need to know about the claim; services fill it from the claim, the person,
    the estimate and the completeness check."""

    tiers_payant: TiersPayant | str = TiersPayant.NONE
    noemie: bool = False
    expected: Mapping[str, Decimal] = field(default_factory=dict)  # {"cpam": amo, "mutuelle": amc}
    deadlines: Mapping[str, _dt.date] = field(default_factory=dict)  # {"cpam": date, ...}
    needs_prescription: bool = False
    mutuelle_needs_invoice: bool = False  # uncovered care or a dépassement
    first_mutuelle_claim: bool = False
    cpam_covers: bool = True  # False when the CPAM's rate for this care is 0
    # The kinds of paper each payer needs (completeness.json "papers"); None: not worked out,
    # the built-in reasoning below names them.
    papers: Mapping[str, tuple[str, ...]] | None = None
    settings: DeadlineSettings = field(default_factory=DeadlineSettings)

    def expected_for(self, payer: Payer) -> Decimal | None:
        value = self.expected.get(payer.value, self.expected.get(payer))
        return None if value is None else to_decimal(value)

    def deadline_for(self, payer: Payer) -> _dt.date | None:
        return self.deadlines.get(payer.value, self.deadlines.get(payer))


def initial_state(payer: Payer | str, context: TrackContext | None = None) -> TrackState:
    payer = enum_of(Payer, payer, "payer")
    ctx = context or TrackContext()
    tiers = str(ctx.tiers_payant)
    if payer is Payer.CPAM and not ctx.cpam_covers:
        return TrackState.NOT_COVERED
    direct = {
        TiersPayant.ALL.value: (Payer.CPAM, Payer.MUTUELLE),
        TiersPayant.AMO.value: (Payer.CPAM,),
        TiersPayant.AMC.value: (Payer.MUTUELLE,),
    }
    if payer in direct.get(tiers, ()):
        return TrackState.DIRECT
    return TrackState.INCOMPLETE


def is_automatic(event: TrackEvent) -> bool:
    """A step nobody recorded: it follows from how the claim was billed."""
    return event.state is TrackState.SENT and event.reason in AUTOMATIC_REASONS


def current_state(
    events: Iterable[TrackEvent], payer: Payer | str, context: TrackContext | None = None
) -> TrackState:
    payer = enum_of(Payer, payer, "payer")
    state = initial_state(payer, context)
    if state in (TrackState.DIRECT, TrackState.NOT_COVERED):
        return state
    for event in active(events, payer):
        state = event.state
    return state


def received(events: Iterable[TrackEvent], payer: Payer | str) -> Decimal:
    payer = enum_of(Payer, payer, "payer")
    return sum(
        (e.amount for e in active(events, payer) if e.state is TrackState.PAID and e.amount),
        ZERO,
    )


def outstanding(events: Iterable[TrackEvent], payer: Payer | str, expected: Decimal) -> Decimal:
    """What is still to come from this payer (never negative)."""
    return max(to_decimal(expected) - received(events, payer), ZERO)


def active(events: Iterable[TrackEvent], payer: Payer) -> list[TrackEvent]:
    return [e for e in events if e.payer is payer and not e.undone]


def last_event(events: Iterable[TrackEvent], payer: Payer, state: TrackState) -> TrackEvent | None:
    found = [e for e in active(events, payer) if e.state is state]
    return found[-1] if found else None


def payer_name(payer: Payer, lang: str = "en") -> str:
    return message(f"payer.the.{payer.value}", lang)


def track_name(payer: Payer, lang: str = "en") -> str:
    return message(f"payer.track.{payer.value}", lang)


_E = TypeVar("_E", bound=StrEnum)


def enum_of(kind: type[_E], value: object, what: str) -> _E:
    try:
        return kind(str(value))
    except ValueError:
        raise UserError(f"unknown {what} {value!r}: one of {', '.join(kind.values())}") from None
