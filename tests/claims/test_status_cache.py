"""Household answers reuse the statuses worked out before, and are never stale for it.

Each change a user can make (a payment, an undo, a sending, editing a claim or a person, linking
a paper, a setting, the days passing, the language) is followed by the household's status and
check with the cache as it is, compared with the same answers worked out from nothing."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

import household  # noqa: E402

from desktop_app.services import claims, people, tracking  # noqa: E402
from desktop_app.services.context import open_context  # noqa: E402

TODAY = _dt.date(2026, 12, 2)


@pytest.fixture
def generated(tmp_path):
    root = tmp_path / "data"
    household.build(root, 240, documents=240, files=False)
    ctx = open_context(root, auto_backup=False, tidy=False)
    yield ctx
    ctx.close()


def answers(ctx, today=TODAY, lang="en") -> tuple:
    status = tracking.household_status(ctx, today=today, lang=lang)
    return list(status.claims), status.totals, tracking.check(ctx, today=today, lang=lang)


def from_nothing(ctx, today=TODAY, lang="en") -> tuple:
    ctx.store.status_cache.clear()
    return answers(ctx, today, lang)


def assert_current(ctx, today=TODAY, lang="en") -> None:
    kept = answers(ctx, today, lang)
    assert kept == from_nothing(ctx, today, lang)
    assert answers(ctx, today, lang) == kept  # and the same again from the cache just filled


def other_person(ctx, person_id: int) -> int:
    return next(p.id for p in ctx.store.people() if p.id != person_id)


def delete_claim(ctx, claim_id: int) -> None:
    with ctx.store.transaction():
        ctx.store.db.execute("DELETE FROM claims WHERE id = ?", [claim_id])


def test_every_change_is_seen_by_the_next_answer(generated):
    ctx = generated
    assert_current(ctx)
    claim = ctx.store.claims()[10]
    same_person = [c for c in ctx.store.claims(claim.person_id)
                   if c.care_date and c.care_date.year == claim.care_date.year]
    earliest = min(same_person, key=lambda c: (c.care_date, c.id))
    steps = [
        lambda: tracking.record_payment(ctx, claim.id, "cpam", "12.34", "2026-11-02", today=TODAY),
        lambda: tracking.undo_last(ctx, claim.id, "cpam", today=TODAY),
        lambda: tracking.mark_sent(ctx, claim.id, "mutuelle", "2026-11-03", today=TODAY),
        # An earlier claim of the year whose deductions change moves every later one's caps.
        lambda: claims.edit_claim(ctx, earliest.id, category="pharmacy", amount_paid="300.00"),
        lambda: claims.edit_claim(ctx, claim.id, care_date="2019-03-04"),
        lambda: people.edit_person(ctx, claim.person_id, medecin_traitant="no"),
        lambda: people.edit_person(ctx, "Claire Martin", noemie="no"),  # her children's too
        lambda: ctx.set_setting("follow_up_days", 10),
        # A claim without a care date counts against this year's caps: worked out every time.
        lambda: claims.new_claim(ctx, "Paul Martin", title="Undated", category="consultation",
                                 amount_paid="25.00"),
        lambda: tracking.record_payment(ctx, claim.id, "cpam", "1.00", "2026-11-05", today=TODAY),
        # Done by the store itself (an archive merge, another version): a claim changing hands,
        # a claim going; what they counted in their person's caps goes with them.
        lambda: ctx.store.update_claim(dataclasses.replace(
            ctx.store.claim(earliest.id), person_id=other_person(ctx, earliest.person_id))),
        lambda: delete_claim(ctx, same_person[-1].id),
    ]
    documents = ctx.store.documents(claim_id=claim.id, with_text=False)
    if documents:
        steps.append(lambda: claims.remove_document(ctx, claim.id, documents[0].id))
        steps.append(lambda: claims.add_document(ctx, claim.id, documents[0].id))
    for step in steps:
        step()
        assert_current(ctx)


def test_the_days_passing_and_the_language_are_taken_into_account(generated):
    ctx = generated
    answers(ctx)
    for days in (1, 20, 45, 400):
        assert_current(ctx, TODAY + _dt.timedelta(days=days))
    assert_current(ctx, TODAY - _dt.timedelta(days=300))  # a day before the one kept
    assert_current(ctx, lang="fr")
    claims_en = answers(ctx)[0]
    claims_fr = answers(ctx, lang="fr")[0]
    assert claims_en[0].tracks["cpam"].next_action != claims_fr[0].tracks["cpam"].next_action


def test_a_payment_works_out_only_its_own_claim_again(generated, monkeypatch):
    ctx = generated
    answers(ctx)
    worked_out = []
    real = tracking._status

    def counting(house, claim, *args, **kwargs):
        worked_out.append(claim.id)
        return real(house, claim, *args, **kwargs)

    monkeypatch.setattr(tracking, "_status", counting)
    answers(ctx)
    assert worked_out == []  # nothing changed: nothing worked out
    claim = ctx.store.claims()[3]
    tracking.record_payment(ctx, claim.id, "cpam", "5.00", "2026-11-20", today=TODAY)
    worked_out.clear()
    status = tracking.household_status(ctx, today=TODAY, lang="en")
    assert worked_out == [claim.id]
    mine = next(s for s in status.claims if s.claim_id == claim.id)
    assert "5.00" in [h.amount for h in mine.tracks["cpam"].history]


def test_a_damaged_cache_file_is_replaced_without_a_word(generated):
    ctx = generated
    kept = answers(ctx)
    path = ctx.store.status_cache.path
    ctx.store.status_cache.close()
    path.write_bytes(b"not a database at all" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    assert answers(ctx) == kept


def test_status_json_is_the_statuses_and_totals(generated, capsys):
    import json

    from desktop_app.cli.main import main

    ctx = generated
    expected = tracking.household_status(ctx)
    root = ctx.paths.root
    ctx.close()
    assert main(["--data-dir", str(root), "status", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == {"claims": [s.to_json() for s in expected.claims],
                       "totals": expected.totals.to_json()}


def test_a_change_to_one_claim_reaches_what_it_moves_in_the_others(generated):
    """The yearly caps and the first claim sent to the mutuelle tie a person's claims together:
    changing one changes what the others say, and the cache sees it."""
    ctx = generated
    people.add_person(ctx, name="Zoé Petit", birth_date="1990-05-06", sex="F",
                      mutuelle="Mutuelle Familiale", medecin_traitant="yes")
    made = [
        claims.new_claim(ctx, "Zoé Petit", title=f"Consultation {n}", category="consultation",
                         care_date=f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}", amount_paid="30.00")
        for n in range(26)  # EUR 2 each: the EUR 50 yearly cap is reached on the 25th
    ]
    answers(ctx)
    before = {s.claim_id: s for s in answers(ctx)[0]}
    claims.edit_claim(ctx, made[0].id, category="other")
    assert_current(ctx)
    after = {s.claim_id: s for s in answers(ctx)[0]}
    last = made[-1].id
    assert after[last].estimate.deductions != before[last].estimate.deductions

    # Back to the cap reached on the last claim, then one claim changes hands, one goes: the
    # last claim's deduction follows each time.
    claims.edit_claim(ctx, made[0].id, category="consultation")
    assert_current(ctx)
    ctx.store.update_claim(dataclasses.replace(ctx.store.claim(made[1].id),
                                               person_id=other_person(ctx, made[1].person_id)))
    assert_current(ctx)
    claims.new_claim(ctx, "Zoé Petit", title="Consultation again", category="consultation",
                     care_date="2026-01-01", amount_paid="30.00")
    assert_current(ctx)
    delete_claim(ctx, made[2].id)
    assert_current(ctx)

    tracking.mark_sent(ctx, made[5].id, "mutuelle", "2026-11-03", today=TODAY)
    assert_current(ctx)
    tracking.undo_last(ctx, made[5].id, "mutuelle", today=TODAY)
    assert_current(ctx)


def test_the_totals_alone_are_those_of_the_full_answer(generated):
    from desktop_app.services import household

    ctx = generated
    for _round in ("from nothing", "kept"):
        for person, year in ((None, None), ("Paul Martin", None), (None, 2020), ("Lucas Martin", 2024)):
            full = tracking.household_status(ctx, person=person, year=year, today=TODAY)
            assert household.household_totals(ctx, person=person, year=year, today=TODAY) == \
                full.totals
        if _round == "from nothing":
            ctx.store.status_cache.clear()


def test_the_claims_table_and_dashboard_read_summaries_that_match_the_statuses(generated):
    import copy

    from desktop_app.services import overview

    ctx = generated
    full = {s.claim_id: s for s in tracking.household_status(ctx).claims}
    for _round in ("from nothing", "kept"):
        listed = overview.claim_list(ctx, detailed=True)
        plain = overview.claim_rows(ctx)
        for row, bare in zip(listed.rows, plain):
            assert row == overview.summarise(copy.copy(bare), full[row.id])
        from desktop_app.services import household

        summaries = household.household_status(ctx, summaries=True).claims
        for s in summaries.each():
            for payer in ("cpam", "mutuelle"):
                for key, value in s.tracks[payer].to_json().items():
                    assert getattr(full[s.claim_id].tracks[payer], key) == value
        assert listed.dashboard.totals == tracking.household_status(ctx).totals
        ctx.store.status_cache.clear()


def test_a_change_made_by_another_process_during_an_answer_is_seen_by_the_next(generated,
                                                                               monkeypatch):
    ctx = generated
    other = open_context(ctx.paths.root, auto_backup=False, tidy=False)
    real = ctx.store.claim_keys
    edited = []

    def edit_then_keys(person_ids=None):
        # The people were read already; the window's user edits Paul before the claims are.
        if not edited:
            people.edit_person(other, "Paul Martin", medecin_traitant="no")
            edited.append(True)
        return real(person_ids)

    monkeypatch.setattr(ctx.store, "claim_keys", edit_then_keys)
    try:
        answers(ctx)
        monkeypatch.setattr(ctx.store, "claim_keys", real)
        assert edited
        assert answers(ctx) == from_nothing(ctx)
    finally:
        other.close()


def test_what_is_written_out_from_the_cache_holds_nothing_a_terminal_acts_on(generated, capsys):
    from desktop_app.cli.main import main

    ctx = generated
    claim = ctx.store.claims()[0]
    claims.edit_claim(ctx, claim.id, title="Kin\u00e9 \x1b]0;owned\x07 \x7f \u202e")
    answers(ctx)  # kept with the odd title
    root = ctx.paths.root
    ctx.close()
    for command in (["status", "--json"], ["check", "--json"]):
        main(["--data-dir", str(root), *command])
        out = capsys.readouterr().out
        assert out.isascii()
        assert not any(ch in out for ch in "\x1b\x07\x7f")
