"""What each payer owes on each claim, what was sent, what came back, what to do next.

Shapes returned (plain dicts, JSON-ready, amounts as decimal strings):

``claim_status(ctx, claim_id)`` ->
    {"claim_id", "person", "care_date", "category", "title", "amount_paid",
     "estimate": {"amo", "amc", "patient", "deductions", "base", "rate", "notes": [...]},
     "tracks": {"cpam"|"mutuelle": {"state", "expected", "received", "difference",
                "flag" (None | "underpaid" | "overpaid"), "next_action", "deadline",
                "deadline_status" ("ok"|"soon"|"passed"|None), "follow_up_on",
                "history": [{"id", "state", "at", "date", "channel", "amount", "reason", "undone"}]}},
     "missing": [{"id", "level", "severity", "message", "action", "action_label"}]}
``household_status(ctx, person=None, year=None)`` -> {"claims": [claim_status…],
     "totals": {"owed": {"cpam", "mutuelle"}, "received": {…}, "by_person": {name: {…}},
     "by_year": {year: {…}}}}
``check(ctx)`` -> list of {"claim_id"|None, "person", "severity", "message", "action"}
"""

from __future__ import annotations

from desktop_app.core.errors import UserError

PAYERS = ("cpam", "mutuelle")
CHANNELS = ("post", "online", "noemie")


def _payer(payer: str) -> str:
    payer = (payer or "").strip().lower()
    if payer not in PAYERS:
        raise UserError(f"payer must be cpam or mutuelle, got {payer!r}")
    return payer
