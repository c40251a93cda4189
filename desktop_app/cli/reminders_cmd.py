"""``paperasse calendar``: every deadline and follow-up as an iCalendar file."""

from __future__ import annotations

from desktop_app.cli.lazy import lazy
from desktop_app.cli.main import with_context
from desktop_app.cli.output import emit_json, line

reminders = lazy("desktop_app.services.reminders")


def register(sub) -> None:
    cal = sub.add_parser(
        "calendar",
        help="every deadline and follow-up as an iCalendar (.ics) file",
        description="Write every deadline to claim and every follow-up as all-day events (with "
        "an alarm) of an iCalendar file. Without --out, bring up to date the calendar kept in "
        "the data folder for a calendar app to subscribe to, and print its path.",
    )
    cal.add_argument("--out", metavar="FILE.ics", help="write the calendar here")
    cal.add_argument("--force", action="store_true", help="replace FILE.ics if it exists")
    cal.add_argument("--json", action="store_true")
    cal.set_defaults(handler=with_context(_calendar))


def _calendar(args, ctx) -> int:
    items = None
    written = None
    if args.out:
        written, items = reminders.write_calendar(ctx, args.out, replace=args.force)
    found = reminders.refresh_subscribed(ctx)
    subscribed = found.path
    items = items if items is not None else found.items
    if items is None:
        items = reminders.reminders(ctx)
    if args.json:
        emit_json({"file": str(written) if written else None, "subscribed": str(subscribed),
                   "events": [r.to_dict() for r in items]})
        return 0
    if written:
        line(f"wrote {written} ({len(items)} event(s))")
    line(f"subscribed calendar: {subscribed}")
    return 0
