"""The one thing to do next on a payer's track, as a message id and its values: wait, follow up,
complete the claim, or send it with the papers the payer needs."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence

from desktop_app.core.model import Payer
from desktop_app.core.rules import messages
from desktop_app.core.rules.completeness import Missing, blocking_for
from desktop_app.core.rules.deadlines import DeadlineSettings, follow_up_due, noemie_follow_up_due
from desktop_app.core.rules.messages import message
from desktop_app.core.rules.money import ZERO
from desktop_app.core.rules.track_states import (
    ELECTRONIC,
    NOEMIE_TIERS_PAYANT,
    Channel,
    TrackContext,
    TrackEvent,
    TrackState,
    current_state,
    enum_of,
    last_event,
    payer_name,
    received,
    track_name,
)


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
    payer = enum_of(Payer, payer, "payer")
    lang = messages.language(lang)
    ctx = context or TrackContext()
    state = current_state(events, payer, ctx)
    who = payer_name(payer, lang)
    names = {"who": who, "Who": messages.capitalize(who), "track": track_name(payer, lang)}
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
        rejected = last_event(events, payer, TrackState.REJECTED)
        return "track.rejected", lang, dict(names, reason=rejected.reason if rejected else None)
    if state is TrackState.PAID:
        got = received(events, payer)
        expected = ctx.expected_for(payer)
        if expected is not None and got < expected:
            return "track.underpaid", lang, dict(
                names, got=messages.money(got, lang), expected=messages.money(expected, lang)
            )
        return "track.paid", lang, dict(names, got=messages.money(got, lang))
    sent = last_event(events, payer, TrackState.SENT) if state is TrackState.SENT else None
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
    payer = enum_of(Payer, payer, "payer")
    sent = last_event(events, payer, TrackState.SENT)
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
