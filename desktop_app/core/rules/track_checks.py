"""Whether a step may be recorded on a track: a refused one raises a UserError in the user's
language saying why (a payment before the claim was sent, a sending without a date...)."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.core.errors import UserError
from desktop_app.core.model import Payer
from desktop_app.core.rules import messages
from desktop_app.core.rules.messages import message
from desktop_app.core.rules.track_states import (
    PENDING,
    Channel,
    TrackContext,
    TrackEvent,
    TrackState,
    current_state,
    last_event,
    payer_name,
    track_name,
)

# The error a refused step raises, worded from a message id and its values.
Refusal = Callable[..., UserError]


def check(
    state: TrackState,
    event: TrackEvent,
    history: list[TrackEvent],
    ctx: TrackContext,
    lang: str = "en",
) -> None:
    lang = messages.language(lang)
    who = payer_name(event.payer, lang)
    verb = message("refused.verb", lang, state=messages.name_of("state", event.state.value, lang))

    def refuse(message_id: str, **values: object) -> UserError:
        return UserError(message(message_id, lang, verb=verb, who=who, **values))

    if event.state in (TrackState.DIRECT, TrackState.NOT_COVERED):
        raise refuse("refused.direct_event")
    if state is TrackState.DIRECT:
        raise refuse("refused.direct")
    if state is TrackState.NOT_COVERED:
        raise refuse("refused.not_covered")
    if state is TrackState.CLOSED:
        raise refuse("refused.closed", track=track_name(event.payer, lang))
    if event.state in PENDING and state not in PENDING + (TrackState.REJECTED,):
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


def _check_sent(state: TrackState, event: TrackEvent, refuse: Refusal) -> None:
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
    refuse: Refusal,
    lang: str,
) -> None:
    # Under tiers payant the CPAM's payment is never recorded here, so NOEMIE's forwarding is not
    # either: the mutuelle may then pay straight from a pending track.
    reached_by_noemie = (
        event.payer is Payer.MUTUELLE
        and ctx.noemie
        and state in PENDING
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
    sent = last_event(history, event.payer, TrackState.SENT)
    if sent and sent.date and event.date < sent.date:
        raise refuse(
            "refused.paid_before_sent",
            paid_on=messages.day(event.date, lang),
            sent_on=messages.day(sent.date, lang),
        )
