"""Reminders: the calendar of deadlines and follow-ups, the notices, ``check --quiet``."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from desktop_app.core.errors import UserError
from desktop_app.services import claims, people, reminders, tracking
from tests.cli_helpers import run

TODAY = dt.date(2026, 12, 3)


@pytest.fixture
def household(ctx):
    people.add_person(
        ctx, name="Claire Martin", nir="2 85 07 75 115 234 32", birth_date="1985-07-04", sex="F",
        medecin_traitant=True, mutuelle="Mutuelle Horizon", guarantees={"default": "100% BR"},
    )
    device = claims.new_claim(ctx, "Claire Martin", title="Stimulateur périnéal",
                              care_date="2025-06-20", category="lpp_device", amount_paid="304.90")
    visit = claims.new_claim(ctx, "Claire Martin", care_date="2026-11-02",
                             category="consultation", amount_paid="30", billing="vitale")
    physio = claims.new_claim(ctx, "Claire Martin", title="Kiné", care_date="2026-10-01",
                              category="physiotherapy", amount_paid="50", billing="paper")
    tracking.mark_sent(ctx, physio.id, "cpam", date="2026-10-05", today=TODAY)
    return {"device": device.id, "visit": visit.id, "physio": physio.id}


def expected_events(ctx, today=TODAY) -> dict[str, dt.date]:
    """What the household status says is due, worked out from it directly."""
    found = {}
    for s in tracking.household_status(ctx, today=today).claims:
        for payer, track in s.tracks.items():
            if track.state in ("incomplete", "ready", "rejected") and track.deadline:
                found[f"deadline-{payer}-claim-{s.claim_id}"] = track.deadline
            elif track.state == "sent" and track.follow_up_on:
                found[f"follow_up-{payer}-claim-{s.claim_id}"] = track.follow_up_on
    return {key: dt.date.fromisoformat(day) for key, day in found.items()}


def events_of(path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]).split(".")[0]: e for e in calendar.walk("VEVENT")}


def test_the_calendar_holds_every_deadline_and_follow_up_on_its_day(ctx, household, tmp_path):
    out = tmp_path / "rappels.ics"
    written, items = reminders.write_calendar(ctx, out, today=TODAY)
    assert written == out
    events = events_of(out)
    expected = expected_events(ctx)
    assert {key: e.decoded("DTSTART") for key, e in events.items()} == expected
    device, visit, physio = household["device"], household["visit"], household["physio"]
    # The CPAM's limit: the end of the quarter two years after the care.
    assert expected[f"deadline-cpam-claim-{device}"] == dt.date(2027, 6, 30)
    # A carte Vitale claim is followed up 14 days after the care, a posted one 30 days after.
    assert expected[f"follow_up-cpam-claim-{visit}"] == dt.date(2026, 11, 16)
    assert expected[f"follow_up-cpam-claim-{physio}"] == dt.date(2026, 11, 4)
    for event in events.values():
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is dt.date and end - start == dt.timedelta(days=1)  # all day
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert "Claire Martin" in str(event["SUMMARY"])
    summary = str(events[f"deadline-cpam-claim-{device}"]["SUMMARY"])
    assert summary == "Last day to claim from the CPAM: Stimulateur périnéal (Claire Martin)"
    follow = events[f"follow_up-cpam-claim-{physio}"]
    assert str(follow["SUMMARY"]) == "Follow up with the CPAM: Kiné (Claire Martin)"
    assert "Follow up with the CPAM" in str(follow["DESCRIPTION"])  # what to do
    untitled = str(events[f"follow_up-cpam-claim-{visit}"]["SUMMARY"])
    assert "consultation on 2026-11-02" in untitled


def test_uids_stay_the_same_from_run_to_run(ctx, household, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    reminders.write_calendar(ctx, first, today=TODAY)
    reminders.write_calendar(ctx, second, today=TODAY + dt.timedelta(days=3))
    uids = {str(e["UID"]) for e in icalendar.Calendar.from_ical(first.read_bytes()).walk("VEVENT")}
    again = {str(e["UID"]) for e in icalendar.Calendar.from_ical(second.read_bytes()).walk("VEVENT")}
    assert uids == again and len(uids) == len(expected_events(ctx))
    # Sending the device claim turns its CPAM deadline into a follow-up; the others stay put.
    tracking.mark_sent(ctx, household["device"], "cpam", date="2026-12-01", today=TODAY)
    reminders.write_calendar(ctx, first, replace=True, today=TODAY)
    after = events_of(first)
    assert f"deadline-cpam-claim-{household['device']}" not in after
    assert after[f"follow_up-cpam-claim-{household['device']}"].decoded("DTSTART") == \
        dt.date(2026, 12, 31)
    assert after.keys() - {f"follow_up-cpam-claim-{household['device']}"} == \
        {k.split(".")[0] for k in uids} - {f"deadline-cpam-claim-{household['device']}"}


def test_the_calendar_goes_only_where_output_files_may(ctx, household, tmp_path):
    out = tmp_path / "rappels.ics"
    reminders.write_calendar(ctx, out, today=TODAY)
    with pytest.raises(UserError, match="already exists"):
        reminders.write_calendar(ctx, out, today=TODAY)
    reminders.write_calendar(ctx, out, replace=True, today=TODAY)
    with pytest.raises(UserError, match="inside Paperasse's data folder"):
        reminders.write_calendar(ctx, ctx.paths.root / "mine.ics", today=TODAY)


def test_the_subscribed_calendar_follows_the_household(ctx, household):
    found = reminders.refresh_subscribed(ctx, today=TODAY)
    path = found.path
    assert path == ctx.paths.root / "calendar" / "paperasse.ics" and found.items
    assert events_of(path).keys() == expected_events(ctx).keys()
    before = path.stat()
    # Nothing changed: nothing worked out, nothing rewritten.
    again = reminders.refresh_subscribed(ctx, today=TODAY)
    assert (again.path, again.state, again.items) == (path, found.state, None)
    assert reminders.refresh_subscribed(ctx, today=TODAY, known=found).items == found.items
    assert path.stat().st_ino == before.st_ino
    claims.new_claim(ctx, "Claire Martin", title="Dentiste", care_date="2026-11-20",
                     category="dental", amount_paid="60", billing="paper")
    reminders.refresh_subscribed(ctx, today=TODAY)
    assert any("Dentiste" in str(e["SUMMARY"]) for e in events_of(path).values())
    assert (path.stat().st_mode & 0o777) == 0o600


def test_calendar_command(data_dir, ctx, household, tmp_path, capsys):
    d = ["--data-dir", str(data_dir)]
    out = tmp_path / "rappels.ics"
    code, text, err = run(capsys, *d, "calendar", "--out", str(out))
    assert code == 0, err
    assert f"wrote {out}" in text and "subscribed calendar:" in text
    assert events_of(out)  # parses, holds events
    code, text, err = run(capsys, *d, "calendar", "--out", str(out))
    assert code == 2 and "--force" in err
    assert run(capsys, *d, "calendar", "--out", str(out), "--force")[0] == 0
    code, text, err = run(capsys, *d, "calendar", "--out", str(data_dir / "x.ics"))
    assert code == 2 and "data folder" in err
    code, text, err = run(capsys, *d, "calendar", "--json")
    import json

    answer = json.loads(text)
    assert answer["subscribed"] == str(data_dir / "calendar" / "paperasse.ics")
    assert {e["kind"] for e in answer["events"]} == {"deadline", "follow_up"}


def test_check_quiet_prints_nothing_and_says_by_its_exit_code(data_dir, ctx, tmp_path, capsys):
    d = ["--data-dir", str(data_dir)]
    assert run(capsys, *d, "check", "--quiet") == (0, "", "")
    people.add_person(ctx, name="Paul Martin", nir="1 84 03 75 115 234 67",
                      birth_date="1984-03-01", sex="M")
    claims.new_claim(ctx, "Paul Martin", care_date="2026-11-02", category="consultation",
                     amount_paid="30", billing="paper")  # nothing sent yet: papers missing
    code, out, err = run(capsys, *d, "check", "--quiet")
    assert (code, out, err) == (1, "", "")
    assert run(capsys, *d, "check")[0] == 1  # the same answer as the full check
    # The cron job's check keeps the subscribed calendar up to date.
    subscribed = data_dir / "calendar" / "paperasse.ics"
    assert len(events_of(subscribed)) == 2  # the claim's two deadlines
    claims.new_claim(ctx, "Paul Martin", title="Radio", care_date="2026-11-10",
                     category="radiology", amount_paid="40", billing="paper")
    assert run(capsys, *d, "check", "--quiet")[0] == 1
    assert any("Radio" in str(e["SUMMARY"]) for e in events_of(subscribed).values())


def test_a_notice_is_given_once_per_item_per_day(ctx, household):
    items = reminders.reminders(ctx, today=TODAY)
    first = reminders.take_notices(ctx, items, today=TODAY)
    keys = {n.key for n in first}
    # Follow-ups that fell due; no deadline is within 60 days of 3 December 2026.
    assert keys == {f"follow_up-cpam-claim-{household['visit']}",
                    f"follow_up-cpam-claim-{household['physio']}"}
    assert reminders.take_notices(ctx, items, today=TODAY) == []
    assert reminders.take_notices(ctx, reminders.reminders(ctx, today=TODAY), today=TODAY) == []
    tomorrow = TODAY + dt.timedelta(days=1)
    assert {n.key for n in reminders.take_notices(ctx, items, today=tomorrow)} == keys
    assert reminders.take_notices(ctx, items, today=tomorrow) == []


def test_a_deadline_is_told_from_sixty_days_ahead(ctx, household):
    deadline = dt.date(2027, 6, 30)  # the device claim's CPAM limit
    key = f"deadline-cpam-claim-{household['device']}"
    items = [r for r in reminders.reminders(ctx, today=TODAY) if r.key == key]
    assert reminders.take_notices(ctx, items, today=deadline - dt.timedelta(days=61)) == []
    [told] = reminders.take_notices(ctx, items, today=deadline - dt.timedelta(days=60))
    assert told.key == key
    assert reminders.take_notices(ctx, items, today=deadline - dt.timedelta(days=60)) == []
    assert reminders.take_notices(ctx, items, today=deadline + dt.timedelta(days=1)) == []
