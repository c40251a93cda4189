"""The dashboard's lists: the soonest deadlines and the claims to chase, a few lines each."""

from __future__ import annotations

import datetime as _dt
import random

from PySide6.QtCore import Qt


def _claims(ctx, dates):
    from desktop_app.services import claims

    return [
        claims.new_claim(ctx, "Claire Martin", title=f"Séance {n}", care_date=day,
                         category="consultation", amount_paid="30.00", billing="paper").id
        for n, day in enumerate(dates)
    ]


def test_the_deadlines_list_shows_the_eight_soonest_and_opens_the_claim(qtbot, ctx, household):
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.services import tracking

    today = _dt.date.today()
    days = [today - _dt.timedelta(days=700 - 20 * n) for n in range(12)]
    random.Random(3).shuffle(days)
    ids = _claims(ctx, [d.isoformat() for d in days])
    # Sent long ago and never paid: one to chase.
    tracking.mark_sent(ctx, ids[0], "cpam", date=(today - _dt.timedelta(days=200)).isoformat())

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: bool(win.household), timeout=30_000)
    lines = win.dashboard.deadlines
    assert lines.count() == 8
    shown = [lines.item(i).text() for i in range(lines.count())]
    assert all(text.startswith("Send to the") for text in shown)
    # Soonest first: the mutuelle's deadline is two years after the care, so the oldest care
    # comes first.
    oldest = [f"Séance {days.index(d)}" for d in sorted(days)[:5]]
    assert [text.rsplit(", ", 1)[1] for text in shown[:5]] == oldest
    assert all("mutuelle" in text for text in shown[:5])

    chase = [win.dashboard.overdue.item(i).text() for i in range(win.dashboard.overdue.count())]
    assert any(text.startswith("Chase the CPAM") and "Séance 0" in text for text in chase)

    # Opening a line shows that claim.
    lines.setFocus()
    lines.setCurrentRow(1)
    wanted = lines.item(1).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(lines, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win._current_claim_id == wanted, timeout=10_000)
    win.workers.shutdown()


def test_the_lists_kept_one_status_at_a_time_match_a_full_sort():
    from desktop_app.services.dashboard import DueLists
    from desktop_app.services.results import ClaimSummary, HouseholdTotals

    rng = random.Random(11)
    statuses = []
    for claim_id in range(1, 400):
        tracks = {}
        for payer in ("cpam", "mutuelle"):
            state = rng.choice(["sent", "incomplete", "ready", "paid", "rejected"])
            tracks[payer] = {
                "state": state, "overdue": rng.random() < 0.5, "expected": None, "received": "0.00",
                "next_action": "", "next_action_id": "",
                "follow_up_on": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 9):02d}",
                "deadline": f"2027-{rng.randint(1, 3):02d}-0{rng.randint(1, 3)}",
                "deadline_status": rng.choice(["ok", "soon", "passed"]),
            }
        statuses.append({"claim_id": claim_id, "person": "P", "person_id": 1, "title": None,
                         "category": "consultation", "care_date": None, "tracks": tracks,
                         "blocking": 0, "warnings": 0})
    due = DueLists()
    for s in statuses:
        due.add(ClaimSummary.from_json(s))
    board = due.result(HouseholdTotals())

    expected_deadlines, expected_chase = [], []
    for s in statuses:
        for n, payer in enumerate(("cpam", "mutuelle")):
            t = s["tracks"][payer]
            if t["state"] == "sent" and t["overdue"]:
                expected_chase.append((t["follow_up_on"], s["claim_id"], n))
            elif t["state"] in ("incomplete", "ready", "rejected"):
                target = expected_chase if t["deadline_status"] == "passed" else expected_deadlines
                target.append((t["deadline"], s["claim_id"], n))
    as_keys = lambda items: [(i.day, i.claim_id, ("cpam", "mutuelle").index(i.payer)) for i in items]  # noqa: E731
    assert as_keys(board.deadlines) == sorted(expected_deadlines)[:8]
    assert as_keys(board.chase) == sorted(expected_chase)[:8]
