"""Household-wide answers cost a fixed number of queries, whatever the number of claims.

Counted, not timed: the number of SQL statements status, check and the claims list run over a
generated household of 300 claims and of 3,000 must be the same (timings live in make bench)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

import household  # noqa: E402


def _statements(root: Path, work) -> int:
    from desktop_app.services.context import open_context

    ctx = open_context(root, auto_backup=False, tidy=False)
    seen = []
    ctx.store.db.conn.set_trace_callback(seen.append)
    try:
        work(ctx)
    finally:
        ctx.store.db.conn.set_trace_callback(None)
        ctx.close()
    return len(seen)


@pytest.fixture(scope="module")
def households(tmp_path_factory):
    small = tmp_path_factory.mktemp("h300") / "data"
    big = tmp_path_factory.mktemp("h3000") / "data"
    household.build(small, 300, documents=300, files=False)
    household.build(big, 3000, documents=3000, files=False)
    return small, big


@pytest.mark.parametrize("answer", ["status", "check", "claim list", "dashboard"])
def test_household_answers_run_the_same_queries_for_ten_times_the_claims(households, answer):
    from desktop_app.services import overview, tracking

    work = {
        "status": lambda ctx: tracking.household_status(ctx),
        "check": lambda ctx: tracking.check(ctx),
        "claim list": lambda ctx: overview.claim_rows(ctx),
        "dashboard": lambda ctx: overview.claim_list(ctx, detailed=True),
    }[answer]
    small, big = households
    few, many = _statements(small, work), _statements(big, work)
    assert many == few, f"{answer}: {few} statements for 300 claims, {many} for 3,000"
    assert many < 70
