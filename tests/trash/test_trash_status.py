"""Status, check and totals leave out what is in the Trash, and are right again after a
restore, with the status cache as it is (compared with the same answers worked out from
nothing, as tests/claims/test_status_cache.py does)."""

from __future__ import annotations

from desktop_app.services import overview, tracking, trash
from tests.claims.test_status_cache import TODAY, answers, assert_current, generated  # noqa: F401


def claim_ids(ctx):
    return {s.claim_id for s in answers(ctx)[0]}


def test_status_and_check_after_each_delete_and_restore(generated):  # noqa: F811
    ctx = generated
    assert_current(ctx)
    start = answers(ctx)
    claim = ctx.store.claims()[7]
    person = next(p for p in ctx.store.people() if not ctx.store.beneficiaries_of(p.id)
                  and ctx.store.claim_ids(person_id=p.id))
    docs = ctx.store.documents(claim_id=claim.id, with_text=False)

    deleted = trash.delete_claim(ctx, claim.id)
    assert_current(ctx)
    assert claim.id not in claim_ids(ctx)
    assert all(p.claim_id != claim.id for p in tracking.check(ctx, today=TODAY))
    assert claim.id not in {r.id for r in overview.claim_rows(ctx)}
    trash.restore(ctx, deleted.entry_id)
    assert_current(ctx)
    assert answers(ctx) == start

    gone = trash.delete_person(ctx, person.id)
    assert_current(ctx)
    theirs = {i for (i,) in ctx.store.db.execute(
        "SELECT id FROM claims WHERE person_id = ?", [person.id])}
    assert theirs and not claim_ids(ctx) & theirs
    assert all(s.person_id != person.id for s in answers(ctx)[0])
    trash.restore(ctx, gone.entry_id)
    assert_current(ctx)
    assert answers(ctx) == start

    if docs:
        trash.delete_document(ctx, docs[0].id)
        assert_current(ctx)
        trash.restore_item(ctx, "document", docs[0].id)
        assert_current(ctx)
        assert answers(ctx) == start


def test_totals_drop_by_a_deleted_claim_and_come_back(generated):  # noqa: F811
    ctx = generated
    totals = answers(ctx)[1]
    claim = next(c for c in ctx.store.claims() if c.amount_paid)
    trash.delete_claim(ctx, claim.id, with_documents=True)
    assert answers(ctx)[1] != totals
    trash.restore_item(ctx, "claim", claim.id)
    assert answers(ctx)[1] == totals
