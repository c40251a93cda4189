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

The states and steps are core/rules/track_states.py's, the next action track_actions.py's, the
refused steps track_checks.py's; their names are importable from here, where the services and
the store look for them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from desktop_app.core.errors import UserError
from desktop_app.core.model import Payer
from desktop_app.core.rules.messages import message
from desktop_app.core.rules.track_actions import (  # noqa: F401 (re-exported)
    follow_up_date,
    next_action,
    next_action_message,
)
from desktop_app.core.rules.track_checks import check
from desktop_app.core.rules.track_states import (  # noqa: F401 (re-exported)
    AUTOMATIC_REASONS,
    ELECTRONIC,
    NOEMIE_REASON,
    NOEMIE_TIERS_PAYANT,
    PAID_IN_FULL,
    PENDING,
    Channel,
    TrackContext,
    TrackEvent,
    TrackState,
    current_state,
    enum_of,
    initial_state,
    is_automatic,
    last_event,
    outstanding,
    received,
    track_name,
)


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
    if event.state in PENDING and event.state is state:
        return history  # readiness unchanged: nothing worth recording
    if event.state is TrackState.SENT and state is TrackState.SENT:
        last = last_event(history, event.payer, TrackState.SENT)
        if last is not None and last.date == event.date and last.channel == event.channel:
            return history  # the same sending told twice (a double click, two windows): once
    check(state, event, history, ctx, lang)
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
            and current_state(history, Payer.MUTUELLE, ctx) in PENDING
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
    payer = enum_of(Payer, payer, "payer")
    if current_state(events, payer, context) not in PENDING:
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
    payer = enum_of(Payer, payer, "payer")
    ctx = context or TrackContext()
    history = list(events)
    mine = [i for i, e in enumerate(history) if not e.undone and e.payer is payer]
    if not mine:
        raise UserError(message("undo.nothing", lang, track=track_name(payer, lang)))
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
            message("undo.depends", lang, track=track_name(payer, lang), error=exc)
        ) from None
    return history


def _replay(history: list[TrackEvent], ctx: TrackContext, lang: str = "en") -> None:
    states = {payer: initial_state(payer, ctx) for payer in Payer}
    seen: list[TrackEvent] = []
    for event in history:
        if event.undone:
            continue
        state = states[event.payer]
        if not (event.state in PENDING and event.state is state):
            check(state, event, seen, ctx, lang)
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
