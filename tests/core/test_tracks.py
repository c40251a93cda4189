"""Payer tracks over an event history, and the seed scenario end to end at the core level."""

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.identifiers import nir_key
from desktop_app.core.model import Category, Claim, Payer, Person, TiersPayant
from desktop_app.core.rules import load_rules
from desktop_app.core.rules.completeness import Facts, evaluate, is_ready, needs_prescription
from desktop_app.core.rules.deadlines import DeadlineSettings, cpam_deadline
from desktop_app.core.rules.estimate import EstimateInput, estimate
from desktop_app.core.rules.tracks import (
    NOEMIE_REASON,
    PAID_IN_FULL,
    Channel,
    TrackContext,
    TrackEvent,
    TrackState,
    apply,
    current_state,
    next_action,
    outstanding,
    received,
    sync_readiness,
    undo_last,
)

RESOURCES = Path(__file__).parents[2] / "resources" / "rules"
d = dt.date.fromisoformat
CPAM, MUT = Payer.CPAM, Payer.MUTUELLE


def sent(payer=CPAM, on="2026-01-10", channel="post", at="t-sent"):
    return TrackEvent(payer, "sent", at=at, date=d(on), channel=channel)


def paid(amount, payer=CPAM, on="2026-02-01", at="t-paid"):
    return TrackEvent(payer, "paid", at=at, date=d(on), amount=D(amount))


def run(*events, context=None):
    history = []
    for event in events:
        history = apply(history, event, context)
    return history


# --- states and transitions ------------------------------------------------------------------


@pytest.mark.parametrize(
    "tiers, cpam, mutuelle",
    [
        (TiersPayant.NONE, TrackState.INCOMPLETE, TrackState.INCOMPLETE),
        (TiersPayant.AMO, TrackState.DIRECT, TrackState.INCOMPLETE),
        ("all", TrackState.DIRECT, TrackState.DIRECT),
    ],
)
def test_initial_states_follow_tiers_payant(tiers, cpam, mutuelle):
    ctx = TrackContext(tiers_payant=tiers)
    assert (current_state([], CPAM, ctx), current_state([], MUT, ctx)) == (cpam, mutuelle)


def test_happy_path_sent_paid_closed():
    history = run(sent(), paid("182.94"), TrackEvent(CPAM, "closed", at="t3"))
    assert [e.state for e in history] == ["sent", "paid", "closed"]
    assert current_state(history, CPAM) is TrackState.CLOSED
    assert current_state(history, MUT) is TrackState.INCOMPLETE
    assert received(history, CPAM) == D("182.94")


def test_readiness_is_recorded_only_when_it_changes():
    history = sync_readiness([], CPAM, ready=False, at="t1")
    assert history == []  # already incomplete
    history = sync_readiness(history, CPAM, ready=True, at="t2")
    assert current_state(history, CPAM) is TrackState.READY
    assert sync_readiness(history, CPAM, ready=True, at="t3") == history
    history = sync_readiness(history, CPAM, ready=False, at="t4")
    assert current_state(history, CPAM) is TrackState.INCOMPLETE
    history = apply(history, sent())
    assert sync_readiness(history, CPAM, ready=False, at="t5") == history  # sent stays sent


def test_sending_an_incomplete_claim_is_recorded():
    assert current_state(run(sent()), CPAM) is TrackState.SENT


def test_partial_payments_add_up_and_close_at_the_expected_amount():
    ctx = TrackContext(expected={"cpam": D("182.94")})
    history = run(sent(), paid("100.00", at="p1"), context=ctx)
    assert current_state(history, CPAM, ctx) is TrackState.PAID
    assert outstanding(history, CPAM, D("182.94")) == D("82.94")
    assert next_action(history, CPAM, ctx) == (
        "The CPAM paid 100.00 of the 182.94 expected: check the statement, then follow up or "
        "close the track."
    )
    history = apply(history, paid("82.94", on="2026-02-15", at="p2"), ctx)
    assert current_state(history, CPAM, ctx) is TrackState.CLOSED
    assert history[-1].reason == PAID_IN_FULL
    assert received(history, CPAM) == D("182.94")
    assert next_action(history, CPAM, ctx) == (
        "Nothing to do: the CPAM track is closed (182.94 received)."
    )


def test_without_an_expected_amount_a_payment_waits_to_be_closed():
    history = run(sent(), paid("50"))
    assert current_state(history, CPAM) is TrackState.PAID
    assert next_action(history, CPAM) == "The CPAM paid 50.00: close the track."


def test_rejected_then_sent_again_then_paid():
    rejected = TrackEvent(CPAM, "rejected", at="r", date=d("2026-01-20"), reason="unsigned")
    history = run(sent(), rejected)
    assert next_action(history, CPAM) == (
        "The CPAM rejected the claim (unsigned): fix it and send it again, or close the track."
    )
    history = run(*history, sent(on="2026-01-25", at="s2"), paid("182.94", on="2026-02-10"))
    assert current_state(history, CPAM) is TrackState.PAID


@pytest.mark.parametrize(
    "events, message",
    [
        ([paid("10")], "cannot mark paid: the claim was not sent to the CPAM"),
        ([paid("10", payer=MUT)], "cannot mark paid: the claim was not sent to the mutuelle"),
        ([TrackEvent(CPAM, "rejected", reason="x")],
         "cannot mark rejected: the claim was not sent to the CPAM"),
        ([sent(), TrackEvent(CPAM, "rejected", date=d("2026-01-20"))], "give the reason"),
        ([sent(), paid("10"), sent(on="2026-03-01")],
         "cannot mark sent: the CPAM has already paid"),
        ([sent(), paid("10"), TrackEvent(CPAM, "rejected", reason="x")], "has already paid"),
        ([sent(), TrackEvent(CPAM, "ready")],
         "cannot mark ready: the claim was already sent to the CPAM"),
        ([sent(), TrackEvent(CPAM, "closed"), paid("10")], "the CPAM track is closed"),
        ([sent(), TrackEvent(CPAM, "rejected", reason="x"), paid("10")],
         "rejected the claim; send it again"),
        ([TrackEvent(CPAM, "sent", channel="post")], "give the date it was sent"),
        ([TrackEvent(CPAM, "sent", date=d("2026-01-10"))], "say how it was sent"),
        ([sent(channel="noemie")], "NOEMIE only carries claims from the CPAM to the mutuelle"),
        ([sent(), paid("0")], "give the amount received"),
        ([sent(), TrackEvent(CPAM, "paid", amount=D("5"))], "give the date of the payment"),
        ([sent(on="2026-02-10"), paid("10", on="2026-02-01")],
         "cannot mark paid on 2026-02-01: the claim was sent to the CPAM on 2026-02-10"),
        ([TrackEvent(CPAM, "direct")], "tiers payant setting"),
    ],
)
def test_invalid_transitions_say_why(events, message):
    with pytest.raises(UserError, match=message):
        run(*events)


def test_unknown_values_are_refused():
    with pytest.raises(UserError, match="unknown channel 'fax'"):
        TrackEvent(CPAM, "sent", channel="fax")
    with pytest.raises(UserError, match="unknown payer"):
        TrackEvent("bank", "sent")


# --- tiers payant ----------------------------------------------------------------------------


def test_tiers_payant_amo_cpam_track_takes_no_events():
    ctx = TrackContext(tiers_payant=TiersPayant.AMO)
    with pytest.raises(UserError, match="the CPAM pays the professional directly"):
        apply([], sent(), ctx)
    assert next_action([], CPAM, ctx) == (
        "Nothing to do: the CPAM pays the professional directly (tiers payant)."
    )
    # The mutuelle track runs as usual: the patient paid the ticket modérateur.
    history = run(sent(MUT), paid("9", payer=MUT), context=ctx)
    assert received(history, MUT) == D("9.00")


def test_tiers_payant_amo_with_noemie_mutuelle_may_pay_without_a_sent_step():
    ctx = TrackContext(tiers_payant=TiersPayant.AMO, noemie=True)
    history = apply([], paid("9", payer=MUT), ctx)
    assert current_state(history, MUT, ctx) is TrackState.PAID


def test_tiers_payant_all_skips_both_tracks():
    ctx = TrackContext(tiers_payant=TiersPayant.ALL)
    for payer in Payer:
        with pytest.raises(UserError, match="directly"):
            apply([], sent(payer), ctx)


# --- NOEMIE ----------------------------------------------------------------------------------


def test_cpam_payment_forwards_the_claim_to_a_linked_mutuelle():
    ctx = TrackContext(noemie=True)
    history = run(sent(), paid("19", on="2026-11-26"), context=ctx)
    forwarded = history[-1]
    assert (forwarded.payer, forwarded.state, forwarded.channel) == (
        MUT, TrackState.SENT, Channel.NOEMIE
    )
    assert (forwarded.date, forwarded.reason) == (d("2026-11-26"), NOEMIE_REASON)
    assert next_action(history, MUT, ctx, today=d("2026-11-27")) == (
        "Wait for the mutuelle (NOEMIE) until 2026-12-03, then follow up."
    )
    assert next_action(history, MUT, ctx, today=d("2026-12-04")) == (
        "Follow up with the mutuelle: the CPAM paid on 2026-11-26 and NOEMIE should have brought "
        "the mutuelle's payment by 2026-12-03."
    )
    # A second partial CPAM payment does not forward twice.
    history = apply(history, paid("2", on="2026-11-30", at="t-more"), ctx)
    assert sum(1 for e in history if e.channel is Channel.NOEMIE) == 1


def test_noemie_follow_up_delay_is_a_setting():
    ctx = TrackContext(noemie=True, settings=DeadlineSettings(noemie_follow_up_days=2))
    history = run(sent(), paid("19", on="2026-11-26"), context=ctx)
    assert "until 2026-11-28" in next_action(history, MUT, ctx)


def test_no_forwarding_without_noemie():
    history = run(sent(), paid("19"))
    assert current_state(history, MUT) is TrackState.INCOMPLETE


# --- undo ------------------------------------------------------------------------------------


def test_undo_keeps_the_history_and_restores_the_state():
    history = run(sent(), paid("50"))
    undone = undo_last(history, CPAM)
    assert [e.undone for e in undone] == [False, True]
    assert current_state(undone, CPAM) is TrackState.SENT
    assert received(undone, CPAM) == D("0.00")
    assert history[1].undone is False  # the input list is not changed
    again = undo_last(undone, CPAM)
    assert current_state(again, CPAM) is TrackState.INCOMPLETE
    with pytest.raises(UserError, match="nothing to undo on the CPAM track"):
        undo_last(again, CPAM)


def test_undo_takes_back_a_whole_action():
    ctx = TrackContext(noemie=True, expected={"cpam": D("19")})
    history = run(sent(), paid("19"), context=ctx)
    assert [e.state.value for e in history] == ["sent", "paid", "closed", "sent"]
    undone = undo_last(history, CPAM, ctx)
    assert [e.undone for e in undone] == [False, True, True, True]
    assert current_state(undone, CPAM, ctx) is TrackState.SENT
    assert current_state(undone, MUT, ctx) is TrackState.INCOMPLETE


def test_undo_refuses_to_break_later_steps():
    ctx = TrackContext(noemie=True)
    mutuelle_paid = paid("9", payer=MUT, on="2026-02-03", at="t-mut")
    history = run(sent(), paid("19"), mutuelle_paid, context=ctx)
    with pytest.raises(UserError, match="cannot undo the last CPAM step: a later step depends"):
        undo_last(history, CPAM, ctx)
    history = undo_last(history, MUT, ctx)  # the mutuelle payment first
    with pytest.raises(UserError, match="undo the CPAM payment instead"):
        undo_last(history, MUT, ctx)
    history = undo_last(history, CPAM, ctx)
    assert current_state(history, MUT, ctx) is TrackState.INCOMPLETE


# --- next actions and storage ----------------------------------------------------------------


def test_next_actions_before_sending():
    ctx = TrackContext(needs_prescription=True, deadlines={"cpam": d("2028-03-31")})
    assert next_action([], CPAM, ctx) == (
        "Send the care sheet and the original prescription to the CPAM before 2028-03-31."
    )
    assert next_action([], MUT, ctx) == (
        "Once the CPAM has paid, send the CPAM statement to the mutuelle."
    )
    history = run(sent(), paid("19"))
    first = TrackContext(first_mutuelle_claim=True)
    assert next_action(history, MUT, first) == (
        "Send the CPAM statement, the attestation de droits and a RIB to the mutuelle."
    )
    uncovered = TrackContext(expected={"cpam": D("0")}, noemie=True)
    assert next_action([], MUT, uncovered) == "Send the invoice to the mutuelle."


def test_next_action_when_a_payer_is_late():
    history = run(sent(on="2026-01-10"))
    assert next_action(history, CPAM, today=d("2026-02-09")) == (
        "Wait for the CPAM until 2026-02-09, then follow up."
    )
    assert next_action(history, CPAM, today=d("2026-02-10")) == (
        "Follow up with the CPAM: sent on 2026-01-10, still not paid after 30 days."
    )


def test_events_round_trip_through_plain_values():
    event = paid("182.94")
    row = event.to_dict()
    assert row == {
        "payer": "cpam", "state": "paid", "at": "t-paid", "date": "2026-02-01", "channel": None,
        "amount": "182.94", "reason": None, "undone": False,
    }
    assert TrackEvent.from_dict(row) == event


# --- the seed scenario -----------------------------------------------------------------------


def test_seed_scenario_stimulator():
    tariffs = load_rules(RESOURCES / "tariffs.json")
    rules = load_rules(RESOURCES / "completeness.json")
    nir = "2850575112005" + nir_key("2850575112005")
    marie = Person(
        id=1, name="Marie", nir=nir, birth_date=dt.date(1985, 5, 3), sex="F", caisse_code="751",
        medecin_traitant=True, iban="FR7630006000011234567890189", mutuelle_name="MGEN",
        noemie=True, mutuelle_guarantees={"default": "100% BR"},
    )
    claim = Claim(
        person_id=1, id=7, title="Perineal stimulator", care_date=d("2026-01-05"),
        category=Category.LPP_DEVICE, amount_paid="304.90", base="304.90", lpp_codes=["1180372"],
    )
    figures = estimate(EstimateInput.from_claim(claim, marie), tariffs)
    assert (figures.amo, figures.amc, figures.patient) == (D("182.94"), D("121.96"), D("0.00"))

    sheet = {
        "kind": "care_sheet",
        "fields": {"nir": nir, "birth_date": "1985-05-03", "signed": False},
    }
    docs = [sheet, {"kind": "prescription"}, {"kind": "invoice", "fields": {"lpp_codes": ["1180372"]}}]
    ctx = TrackContext(
        noemie=True,
        expected={"cpam": figures.amo, "mutuelle": figures.amc},
        deadlines={"cpam": cpam_deadline(claim.care_date)},
        needs_prescription=needs_prescription(rules, claim.category),
    )

    # The care sheet came without the signature: completeness flags it, the CPAM track waits.
    missing = evaluate(rules, Facts(person=marie, claim=claim, documents=docs))
    assert [m.rule_id for m in missing] == ["cpam_care_sheet_unsigned"]
    history = sync_readiness([], CPAM, is_ready(missing, CPAM), at="t0", context=ctx)
    assert next_action(history, CPAM, ctx, missing) == (
        "Complete the claim: Sign the care sheet, then mark it signed."
    )

    # Signed: ready to post.
    sheet["fields"]["signed"] = True
    missing = evaluate(rules, Facts(person=marie, claim=claim, documents=docs))
    assert missing == []
    history = sync_readiness(history, CPAM, is_ready(missing, CPAM), at="t1", context=ctx)
    assert current_state(history, CPAM, ctx) is TrackState.READY
    assert next_action(history, CPAM, ctx, missing) == (
        "Send the care sheet and the original prescription to the CPAM before 2028-03-31."
    )
    assert next_action(history, MUT, ctx, missing).startswith(
        "Nothing to send: once the CPAM has paid"
    )

    # Posted, then the CPAM pays in full: its track closes and NOEMIE forwards to the mutuelle.
    history = apply(history, sent(on="2026-01-12", at="t2"), ctx)
    history = apply(history, paid("182.94", on="2026-02-02", at="t3"), ctx)
    assert current_state(history, CPAM, ctx) is TrackState.CLOSED
    assert current_state(history, MUT, ctx) is TrackState.SENT
    assert next_action(history, MUT, ctx, today=d("2026-02-03")) == (
        "Wait for the mutuelle (NOEMIE) until 2026-02-09, then follow up."
    )

    # The mutuelle pays: both tracks closed, nothing owed.
    history = apply(history, paid("121.96", payer=MUT, on="2026-02-04", at="t4"), ctx)
    assert current_state(history, MUT, ctx) is TrackState.CLOSED
    assert outstanding(history, CPAM, figures.amo) == D("0")
    assert outstanding(history, MUT, figures.amc) == D("0")
    assert received(history, CPAM) + received(history, MUT) == D(claim.amount_paid)
