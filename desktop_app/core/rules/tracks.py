"""Where each payer (CPAM, mutuelle) stands on a claim, replayed from an event history.

A track moves incomplete → ready → sent → paid (one event per payment, partial payments add up)
or rejected → closed. An event is never deleted: undo marks it undone, so the history stays
readable. Events recorded by one user action share their `at` timestamp and are undone together
(a CPAM payment, the NOEMIE forwarding it triggers, and the closing when it pays in full).

Decisions:
  * a payment below what was expected leaves the track 'paid' (not a separate state); the next
    action names the shortfall, and the user closes the track when nothing more will come.
    A payment reaching the expected amount closes the track by itself.
  * 'sent' is accepted from 'incomplete': the user may have posted the claim before the app knew
    every document; the GUI warns, the record must reflect what happened.
  * under tiers payant the track starts 'direct' (the professional is paid directly) and takes no
    events: change the claim's tiers payant if that was wrong.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from desktop_app.core.errors import UserError
from desktop_app.core.model import Payer, StrEnum, TiersPayant
from desktop_app.core.rules import messages
from desktop_app.core.rules.completeness import Missing, blocking_for
from desktop_app.core.rules.deadlines import DeadlineSettings, follow_up_due, noemie_follow_up_due
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
_PENDING = (TrackState.INCOMPLETE, TrackState.READY)


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
        set_(self, "payer", _enum(Payer, self.payer, "payer"))
        set_(self, "state", _enum(TrackState, self.state, "track state"))
        if self.channel not in (None, ""):
            set_(self, "channel", _enum(Channel, self.channel, "channel"))
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
    payer = _enum(Payer, payer, "payer")
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
    payer = _enum(Payer, payer, "payer")
    state = initial_state(payer, context)
    if state in (TrackState.DIRECT, TrackState.NOT_COVERED):
        return state
    for event in _active(events, payer):
        state = event.state
    return state


def received(events: Iterable[TrackEvent], payer: Payer | str) -> Decimal:
    payer = _enum(Payer, payer, "payer")
    return sum(
        (e.amount for e in _active(events, payer) if e.state is TrackState.PAID and e.amount),
        ZERO,
    )


def outstanding(events: Iterable[TrackEvent], payer: Payer | str, expected: Decimal) -> Decimal:
    """What is still to come from this payer (never negative)."""
    return max(to_decimal(expected) - received(events, payer), ZERO)


def apply(
    events: Sequence[TrackEvent],
    event: TrackEvent,
    context: TrackContext | None = None,
    lang: str = "en",
) -> list[TrackEvent]:
    """The history with the event added, plus what it triggers; UserError (in ``lang``) if it
    cannot happen."""
    ctx = context or TrackContext()
    history = list(events)
    state = current_state(history, event.payer, ctx)
    if event.state in _PENDING and event.state is state:
        return history  # readiness unchanged: nothing worth recording
    if event.state is TrackState.SENT and state is TrackState.SENT:
        last = _last(history, event.payer, TrackState.SENT)
        if last is not None and last.date == event.date and last.channel == event.channel:
            return history  # the same sending told twice (a double click, two windows): once
    _check(state, event, history, ctx, lang)
    added = [event]
    if event.state is TrackState.PAID:
        expected = ctx.expected_for(event.payer)
        if expected is not None and received(history + added, event.payer) >= expected:
            added.append(
                TrackEvent(
                    event.payer, TrackState.CLOSED, at=event.at, date=event.date,
                    reason=PAID_IN_FULL,
                )
            )
        if (
            event.payer is Payer.CPAM
            and ctx.noemie
            and current_state(history, Payer.MUTUELLE, ctx) in _PENDING
        ):
            added.append(
                TrackEvent(
                    Payer.MUTUELLE, TrackState.SENT, at=event.at, date=event.date,
                    channel=Channel.NOEMIE, reason=NOEMIE_REASON,
                )
            )
    return history + added


def sync_readiness(
    events: Sequence[TrackEvent],
    payer: Payer | str,
    ready: bool,
    at: str,
    context: TrackContext | None = None,
) -> list[TrackEvent]:
    """Record 'ready' or 'incomplete' after a completeness check, if the track is not sent yet."""
    payer = _enum(Payer, payer, "payer")
    if current_state(events, payer, context) not in _PENDING:
        return list(events)
    target = TrackState.READY if ready else TrackState.INCOMPLETE
    return apply(events, TrackEvent(payer, target, at=at), context)


def undo_last(
    events: Sequence[TrackEvent],
    payer: Payer | str,
    context: TrackContext | None = None,
    lang: str = "en",
) -> list[TrackEvent]:
    """Mark the payer's last step and what it triggered undone; UserError if later steps need it."""
    payer = _enum(Payer, payer, "payer")
    ctx = context or TrackContext()
    history = list(events)
    mine = [i for i, e in enumerate(history) if not e.undone and e.payer is payer]
    if not mine:
        raise UserError(message("undo.nothing", lang, track=_track(payer, lang)))
    last = mine[-1]
    if is_automatic(history[last]):
        raise UserError(message(f"undo.automatic.{payer.value}", lang))
    if _is_noemie_forward(history, last):
        raise UserError(message("undo.noemie", lang))
    group = _same_action(history, last)
    for i in group:
        history[i] = dataclasses.replace(history[i], undone=True)
    try:
        _replay(history, ctx, lang)
    except UserError as exc:
        raise UserError(
            message("undo.depends", lang, track=_track(payer, lang), error=exc)
        ) from None
    return history


def next_action(
    events: Sequence[TrackEvent],
    payer: Payer | str,
    context: TrackContext | None = None,
    missing: Sequence[Missing] = (),
    today: _dt.date | None = None,
    lang: str = "en",
) -> str:
    """The one thing to do next on this track, in plain words, in ``lang`` ("en" or "fr")."""
    message_id, lang, values = next_action_message(events, payer, context, missing, today, lang)
    return message(message_id, lang, **values)


def next_action_message(
    events: Sequence[TrackEvent],
    payer: Payer | str,
    context: TrackContext | None = None,
    missing: Sequence[Missing] = (),
    today: _dt.date | None = None,
    lang: str = "en",
) -> tuple[str, str, dict]:
    """The next action as (message id, language, values): the id is stable, for code that must
    tell actions apart whatever the language (see messages.MESSAGES)."""
    payer = _enum(Payer, payer, "payer")
    lang = messages.language(lang)
    ctx = context or TrackContext()
    state = current_state(events, payer, ctx)
    who = _name(payer, lang)
    names = {"who": who, "Who": messages.capitalize(who), "track": _track(payer, lang)}
    if state is TrackState.DIRECT:
        return "track.direct", lang, names
    if state is TrackState.NOT_COVERED:
        return "track.not_covered", lang, names
    if state is TrackState.CLOSED:
        got = received(events, payer)
        if got:
            return "track.closed_received", lang, dict(names, amount=messages.money(got, lang))
        return "track.closed", lang, names
    if state is TrackState.REJECTED:
        rejected = _last(events, payer, TrackState.REJECTED)
        return "track.rejected", lang, dict(names, reason=rejected.reason if rejected else None)
    if state is TrackState.PAID:
        got = received(events, payer)
        expected = ctx.expected_for(payer)
        if expected is not None and got < expected:
            return "track.underpaid", lang, dict(
                names, got=messages.money(got, lang), expected=messages.money(expected, lang)
            )
        return "track.paid", lang, dict(names, got=messages.money(got, lang))
    sent = _last(events, payer, TrackState.SENT) if state is TrackState.SENT else None
    if sent is not None:
        return _waiting(sent, payer, ctx, today, lang, names)
    blockers = blocking_for(list(missing), payer)
    if blockers:
        more = ""
        if len(blockers) > 1:
            count = len(blockers) - 1
            more = message("track.more.one" if count == 1 else "track.more.many", lang, count=count)
        action = messages.sentence_part(blockers[0].action_text, lang)
        return "track.complete", lang, dict(names, action=action, more=more)
    return _send_text(events, payer, ctx, lang, names)


def follow_up_date(
    events: Iterable[TrackEvent], payer: Payer | str, settings: DeadlineSettings
) -> _dt.date | None:
    """When to chase this payer if nothing has come: after the last sending, by its kind."""
    payer = _enum(Payer, payer, "payer")
    sent = _last(events, payer, TrackState.SENT)
    if sent is None or sent.date is None:
        return None
    return _due(sent, settings)


def _due(sent: TrackEvent, settings: DeadlineSettings) -> _dt.date:
    """When to chase a sending that has its date (the callers check it)."""
    day = sent.date
    assert day is not None
    if sent.reason == ELECTRONIC:
        return follow_up_due(day, settings.electronic_follow_up_days)
    if sent.channel is Channel.NOEMIE:
        days = settings.noemie_follow_up_days
        if sent.reason == NOEMIE_TIERS_PAYANT:
            days += settings.electronic_follow_up_days  # the CPAM pays the professional first
        return noemie_follow_up_due(day, days)
    return follow_up_due(day, settings.follow_up_days)


def _waiting(
    sent: TrackEvent,
    payer: Payer,
    ctx: TrackContext,
    today: _dt.date | None,
    lang: str,
    names: dict,
) -> tuple[str, str, dict]:
    if sent.date is None:
        return "track.wait_undated", lang, names
    due = _due(sent, ctx.settings)
    late = bool(today and today > due)
    dates = dict(names, sent_on=messages.day(sent.date, lang), due=messages.day(due, lang))
    if sent.reason == ELECTRONIC:
        return ("track.electronic_late" if late else "track.electronic_wait"), lang, dates
    if sent.channel is Channel.NOEMIE:
        if late:
            return "track.noemie_late", lang, dict(dates, paid_on=dates["sent_on"])
        return "track.noemie_wait", lang, dates
    if late:
        return "track.late", lang, dict(dates, days=ctx.settings.follow_up_days)
    return "track.wait", lang, dates


def _send_text(
    events: Sequence[TrackEvent], payer: Payer, ctx: TrackContext, lang: str, names: dict
) -> tuple[str, str, dict]:
    deadline = ctx.deadline_for(payer)
    before = message("send.before", lang, deadline=messages.day(deadline, lang)) if deadline else ""
    names = dict(names, before=before)
    if ctx.papers and (ctx.papers.get(payer.value) or (payer is Payer.MUTUELLE and ctx.noemie)):
        return _send_papers(events, payer, ctx, lang, names, list(ctx.papers.get(payer.value, ())))
    if payer is Payer.CPAM:
        documents = ["doc.care_sheet"]
        if ctx.needs_prescription:
            documents.append("doc.prescription")
        return "send.cpam", lang, dict(names, documents=_documents(documents, lang))
    cpam_covers = ctx.expected_for(Payer.CPAM) != ZERO
    if ctx.noemie and cpam_covers and not ctx.mutuelle_needs_invoice:
        return "send.noemie_nothing", lang, names
    documents = []
    if cpam_covers and not ctx.noemie:
        documents.append("doc.statement")
    if ctx.mutuelle_needs_invoice or not cpam_covers:
        documents.append("doc.invoice")
    if ctx.first_mutuelle_claim and not ctx.noemie:
        documents += ["doc.attestation_droits", "doc.rib"]
    names["documents"] = _documents(documents, lang)
    cpam_state = current_state(events, Payer.CPAM, ctx)
    cpam_done = cpam_state in (TrackState.PAID, TrackState.CLOSED, TrackState.DIRECT)
    if cpam_covers and not ctx.noemie and not cpam_done:
        return "send.mutuelle_after_cpam", lang, names
    return "send.mutuelle", lang, names


def _send_papers(
    events: Sequence[TrackEvent], payer: Payer, ctx: TrackContext, lang: str, names: dict,
    kinds: list[str],
) -> tuple[str, str, dict]:
    """The next sending, naming the papers of the one table (completeness.json "papers")."""
    if payer is Payer.MUTUELLE and not kinds and ctx.noemie:
        return "send.noemie_nothing", lang, names
    documents = [f"doc.{kind}" for kind in dict.fromkeys(kinds)]
    names = dict(names, documents=_documents(documents, lang))
    if payer is Payer.CPAM:
        return "send.cpam", lang, names
    cpam_state = current_state(events, Payer.CPAM, ctx)
    cpam_done = cpam_state in (
        TrackState.PAID, TrackState.CLOSED, TrackState.DIRECT, TrackState.NOT_COVERED
    )
    if "statement" in kinds and not cpam_done:
        return "send.mutuelle_after_cpam", lang, names
    return "send.mutuelle", lang, names


def _documents(ids: list[str], lang: str) -> str:
    return messages.join((message(i, lang) for i in ids), lang)



def _check(
    state: TrackState,
    event: TrackEvent,
    history: list[TrackEvent],
    ctx: TrackContext,
    lang: str = "en",
) -> None:
    lang = messages.language(lang)
    who = _name(event.payer, lang)
    verb = message("refused.verb", lang, state=messages.name_of("state", event.state.value, lang))

    def refuse(message_id: str, **values) -> UserError:
        return UserError(message(message_id, lang, verb=verb, who=who, **values))

    if event.state in (TrackState.DIRECT, TrackState.NOT_COVERED):
        raise refuse("refused.direct_event")
    if state is TrackState.DIRECT:
        raise refuse("refused.direct")
    if state is TrackState.NOT_COVERED:
        raise refuse("refused.not_covered")
    if state is TrackState.CLOSED:
        raise refuse("refused.closed", track=_track(event.payer, lang))
    if event.state in _PENDING and state not in _PENDING + (TrackState.REJECTED,):
        raise refuse("refused.already_sent")
    if event.state is TrackState.SENT:
        _check_sent(state, event, refuse)
    elif event.state is TrackState.PAID:
        _check_paid(state, event, history, ctx, refuse, lang)
    elif event.state is TrackState.REJECTED:
        if state is TrackState.PAID:
            raise refuse("refused.already_paid_undo")
        if state is not TrackState.SENT:
            raise refuse("refused.not_sent")
        if not (event.reason or "").strip():
            raise refuse("refused.give_reason")


def _check_sent(state: TrackState, event: TrackEvent, refuse) -> None:
    if state is TrackState.PAID:
        raise refuse("refused.already_paid")
    if event.date is None:
        raise refuse("refused.sent_no_date")
    if event.channel is None:
        raise refuse("refused.sent_no_channel")
    if event.channel is Channel.NOEMIE and event.payer is Payer.CPAM:
        raise refuse("refused.noemie_to_cpam")


def _check_paid(
    state: TrackState,
    event: TrackEvent,
    history: list[TrackEvent],
    ctx: TrackContext,
    refuse,
    lang: str,
) -> None:
    # Under tiers payant the CPAM's payment is never recorded here, so NOEMIE's forwarding is not
    # either: the mutuelle may then pay straight from a pending track.
    reached_by_noemie = (
        event.payer is Payer.MUTUELLE
        and ctx.noemie
        and state in _PENDING
        and current_state(history, Payer.CPAM, ctx) is TrackState.DIRECT
    )
    if state is TrackState.REJECTED:
        raise refuse("refused.paid_rejected")
    if state not in (TrackState.SENT, TrackState.PAID) and not reached_by_noemie:
        raise refuse("refused.not_sent")
    if event.amount is None or event.amount <= 0:
        raise refuse("refused.paid_no_amount")
    if event.date is None:
        raise refuse("refused.paid_no_date")
    sent = _last(history, event.payer, TrackState.SENT)
    if sent and sent.date and event.date < sent.date:
        raise refuse(
            "refused.paid_before_sent",
            paid_on=messages.day(event.date, lang),
            sent_on=messages.day(sent.date, lang),
        )


def _replay(history: list[TrackEvent], ctx: TrackContext, lang: str = "en") -> None:
    states = {payer: initial_state(payer, ctx) for payer in Payer}
    seen: list[TrackEvent] = []
    for event in history:
        if event.undone:
            continue
        state = states[event.payer]
        if not (event.state in _PENDING and event.state is state):
            _check(state, event, seen, ctx, lang)
        states[event.payer] = event.state
        seen.append(event)


def _same_action(history: list[TrackEvent], index: int) -> list[int]:
    """The run of active events around index recorded with the same `at`: one user action."""
    at = history[index].at
    group = [index]
    if not at:
        return group
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(history) and (history[j].undone or history[j].at == at):
            if not history[j].undone:
                group.append(j)
            j += step
    return group


def _is_noemie_forward(history: list[TrackEvent], index: int) -> bool:
    event = history[index]
    return (
        event.channel is Channel.NOEMIE
        and event.state is TrackState.SENT
        and any(
            e.payer is Payer.CPAM and e.state is TrackState.PAID and e.at == event.at
            for e in history[:index]
            if not e.undone
        )
    )


def _active(events: Iterable[TrackEvent], payer: Payer) -> list[TrackEvent]:
    return [e for e in events if e.payer is payer and not e.undone]


def _last(events: Iterable[TrackEvent], payer: Payer, state: TrackState) -> TrackEvent | None:
    found = [e for e in _active(events, payer) if e.state is state]
    return found[-1] if found else None


def _name(payer: Payer, lang: str = "en") -> str:
    return message(f"payer.the.{payer.value}", lang)


def _track(payer: Payer, lang: str = "en") -> str:
    return message(f"payer.track.{payer.value}", lang)


_E = TypeVar("_E", bound=StrEnum)


def _enum(kind: type[_E], value: object, what: str) -> _E:
    try:
        return kind(str(value))
    except ValueError:
        raise UserError(f"unknown {what} {value!r}: one of {', '.join(kind.values())}") from None
