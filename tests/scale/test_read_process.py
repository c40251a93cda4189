"""Household-wide reads in a process of their own: the same answers as in process, errors that
come back as they were raised, a child that dies or is closed, an encrypted folder."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from desktop_app.core.errors import UserError
from desktop_app.services import claims, overview, people, tracking
from desktop_app.services.read_process import ReadProcess, ReadProcessGone


@pytest.fixture
def three_claims(ctx):
    people.add_person(ctx, name="Claire Martin", birth_date="1985-07-04", sex="F")
    ids = [claims.new_claim(ctx, "Claire Martin", title=f"Séance {n}", care_date=f"2025-0{n + 1}-10",
                            category="consultation", amount_paid="30.00", billing="paper").id
           for n in range(3)]
    tracking.mark_sent(ctx, ids[0], "cpam", date="2025-02-01")
    return ids


def _rows(result):
    return [(r.id, r.title, r.cpam_state, r.blocking, r.next_action) for r in result.rows]


def test_the_claims_list_read_in_the_child_is_the_one_read_in_process(ctx, three_claims):
    reader = ReadProcess(ctx.paths.root)
    try:
        there = reader.call(overview.claim_list, detailed=True, lang="fr")
        assert reader.running
        here = overview.claim_list(ctx, detailed=True, lang="fr")
        assert _rows(there) == _rows(here)
        assert there.dashboard.totals == here.dashboard.totals
        # What the window changes next is what the child reads next: no snapshot kept.
        tracking.mark_sent(ctx, three_claims[1], "cpam", date="2025-03-01")
        again = reader.call(overview.claim_list, detailed=True, lang="fr")
        assert {r.id: r.cpam_state for r in again.rows}[three_claims[1]] == "sent"
    finally:
        reader.close()
    assert not reader.running


def test_a_mistake_comes_back_as_it_was_raised(ctx, three_claims):
    reader = ReadProcess(ctx.paths.root)
    try:
        with pytest.raises(UserError) as raised:
            reader.call(tracking.claim_status, 999_999)
        with pytest.raises(UserError) as here:
            tracking.claim_status(ctx, 999_999)
        assert str(raised.value) == str(here.value)
        # The child is still there for the next read.
        assert reader.call(overview.household_totals) == overview.household_totals(ctx)
    finally:
        reader.close()


def _dies(ctx):
    import os

    os._exit(3)


def test_a_child_that_dies_is_started_again_and_a_closed_one_answers_no_more(ctx, three_claims):
    reader = ReadProcess(ctx.paths.root)
    try:
        reader.call(overview.household_totals)
        with pytest.raises(ReadProcessGone):  # died while the caller waited
            reader.call(_dies)
        assert reader.call(overview.household_totals) == overview.household_totals(ctx)
        reader._process.kill()  # died between two calls: the next one starts another
        reader._process.join()
        assert reader.call(overview.household_totals) == overview.household_totals(ctx)
    finally:
        reader.close()
    with pytest.raises(ReadProcessGone):
        reader.call(overview.household_totals)


def test_an_encrypted_folder_is_read_with_the_key_handed_over(data_dir):
    from desktop_app.services import passphrase
    from desktop_app.services.context import open_context

    ctx = open_context(data_dir)
    people.add_person(ctx, name="Claire Martin", birth_date="1985-07-04", sex="F")
    claims.new_claim(ctx, "Claire Martin", title="Séance", care_date="2025-01-10",
                     category="consultation", amount_paid="30.00", billing="paper")
    ctx.close()
    passphrase.set_passphrase(data_dir, "a passphrase long enough", progress=None)
    ctx = open_context(data_dir)
    reader = ReadProcess(ctx.paths.root)
    try:
        assert [r.title for r in reader.call(overview.claim_list).rows] == ["Séance"]
    finally:
        reader.close()
        ctx.close()
        passphrase.lock(data_dir)


def _many_rows(ctx, count):
    from types import SimpleNamespace

    return SimpleNamespace(rows=[(n, f"claim {n}") for n in range(count)], complete=True)


def test_a_long_list_comes_back_whole_in_parts(ctx):
    from desktop_app.services import read_process

    count = read_process.ROWS_PER_PART * 2 + 7
    reader = ReadProcess(ctx.paths.root)
    try:
        answer = reader.call(_many_rows, count)
        assert answer.rows == [(n, f"claim {n}") for n in range(count)] and answer.complete
        assert reader.call(_many_rows, 3).rows == [(0, "claim 0"), (1, "claim 1"), (2, "claim 2")]
    finally:
        reader.close()


@dataclass
class _Row:
    id: int
    title: str


def _titled_rows(ctx, count):
    """Rows whose titles the test changes between two calls, through a file in the folder."""
    from types import SimpleNamespace

    renamed = ctx.paths.root / "renamed.txt"
    changes = (dict(line.split("=") for line in renamed.read_text().splitlines() if line)
               if renamed.exists() else {})
    rows = [_Row(n, changes.get(str(n), f"claim {n}")) for n in range(count)]
    gone = {int(n) for n, title in changes.items() if title == "-"}
    return SimpleNamespace(rows=[r for r in rows if r.id not in gone], complete=True)


def test_a_long_list_asked_again_comes_back_as_what_changed(ctx):
    from desktop_app.services import read_process

    count = read_process.ROWS_PER_PART * 3
    reader = ReadProcess(ctx.paths.root)
    try:
        first = reader.call(_titled_rows, count)
        (ctx.paths.root / "renamed.txt").write_text("5=séance 5\n4000=-\n")
        second = reader.call(_titled_rows, count)
        expected = _titled_rows(ctx, count).rows
        assert second.rows == expected and len(second.rows) == count - 1
        # The rows that did not change are the ones this side already held: only the changed
        # one crossed the pipe.
        assert second.rows[0] is first.rows[0] and second.rows[-1] is first.rows[-1]
        assert second.rows[5] is not first.rows[5]
        # After the child was restarted: the whole list again.
        reader._process.kill()
        reader._process.join()
        third = reader.call(_titled_rows, count)
        assert third.rows == expected and third.rows[0] is not first.rows[0]
        # Every row changed: sent whole, still right.
        (ctx.paths.root / "renamed.txt").write_text(
            "\n".join(f"{n}=new {n}" for n in range(count)))
        assert reader.call(_titled_rows, count).rows == _titled_rows(ctx, count).rows
    finally:
        reader.close()


def _plain_rows(ctx, count):
    return _titled_rows(ctx, count).rows


def test_a_long_list_answered_as_such_comes_back_as_what_changed_too(ctx):
    from desktop_app.services import read_process

    count = read_process.ROWS_PER_PART + 10
    reader = ReadProcess(ctx.paths.root)
    try:
        first = reader.call(_plain_rows, count)
        (ctx.paths.root / "renamed.txt").write_text("7=séance 7\n")
        second = reader.call(_plain_rows, count)
        assert second == _plain_rows(ctx, count) and second[0] is first[0]
    finally:
        reader.close()


def test_changes_are_runs_of_kept_rows_and_rows_sent_anew():
    from desktop_app.services.read_process import _apply_runs, _changes, _positions

    old = [_Row(n, f"t{n}") for n in range(10)]
    for new in ([_Row(0, "x")] + old[1:], old[::-1], old[:3] + [_Row(42, "new")] + old[3:],
                old[2:8], [], [_Row(3, "t3"), _Row(99, "z"), _Row(1, "t1")]):
        runs = _changes(old, _positions(old), new)
        assert _apply_runs(old, runs) == new
    assert _changes(old, _positions(old), old) == [(0, 10)]


ORPHAN = """
import sys, time
sys.path.insert(0, sys.argv[2])
from desktop_app.services import overview
from desktop_app.services.read_process import ReadProcess
reader = ReadProcess(sys.argv[1])
reader.call(overview.household_totals)
print(reader._process.pid, flush=True)
time.sleep(600)
"""


def test_the_child_ends_when_the_window_is_killed(data_dir, ctx):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    window = subprocess.Popen([sys.executable, "-c", ORPHAN, str(data_dir),
                               str(Path(__file__).resolve().parents[2])],
                              stdout=subprocess.PIPE, text=True)
    child = int(window.stdout.readline())
    window.send_signal(signal.SIGKILL)
    window.wait()

    def alive() -> bool:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return False
        with open(f"/proc/{child}/stat") as stat:  # a zombie waiting for its reaper is gone too
            return stat.read().split(")")[-1].split()[0] != "Z"

    for _ in range(600):  # a patient wait, not a time limit: the child looks once a second
        if not alive():
            break
        time.sleep(0.1)
    assert not alive()
