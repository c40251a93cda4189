"""CSV exports of claims and payments, for a spreadsheet or an accountant."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop_app.services import output_files, tracking
from desktop_app.services.context import Context

CLAIM_COLUMNS = [
    "claim_id", "person", "care_date", "category", "title", "amount_paid",
    "cpam_state", "cpam_expected", "cpam_received",
    "mutuelle_state", "mutuelle_expected", "mutuelle_received",
    "left_to_pay", "next_action",
]
PAYMENT_COLUMNS = ["claim_id", "person", "care_date", "payer", "date", "amount", "recorded_at"]


def claims_csv(ctx: Context, person=None, year=None) -> str:
    status = tracking.household_status(ctx, person=person, year=year)
    out = io.StringIO()
    writer = _SafeWriter(out)
    writer.writerow(CLAIM_COLUMNS)
    for s in status.claims:
        cpam, mutuelle = s.tracks["cpam"], s.tracks["mutuelle"]
        next_action = cpam.next_action if cpam.state not in ("closed", "direct") else mutuelle.next_action
        writer.writerow([
            s.claim_id, s.person, s.care_date, s.category, s.title, s.amount_paid,
            cpam.state, cpam.expected, cpam.received,
            mutuelle.state, mutuelle.expected, mutuelle.received,
            s.estimate.patient, next_action,
        ])
    return out.getvalue()


def payments_csv(ctx: Context, person=None, year=None) -> str:
    status = tracking.household_status(ctx, person=person, year=year)
    out = io.StringIO()
    writer = _SafeWriter(out)
    writer.writerow(PAYMENT_COLUMNS)
    for s in status.claims:
        for payer, track in s.tracks.items():
            for event in track.history:
                if event.state == "paid" and not event.undone:
                    writer.writerow([s.claim_id, s.person, s.care_date, payer,
                                     event.date, event.amount, event.at])
    return out.getvalue()


def write_csv(
    ctx: Context, out_path, what: str = "claims", person=None, year=None, replace: bool = False
) -> Path:
    example = f"{what}.csv"
    output_files.checked_target(out_path, ctx.paths.root, replace, example)  # before the work
    text = claims_csv(ctx, person, year) if what == "claims" else payments_csv(ctx, person, year)
    # utf-8-sig so spreadsheet programs read the accents right.
    return output_files.write_output(text.encode("utf-8-sig"), out_path, ctx.paths.root, replace,
                                     example)


# A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV Injection"),
# including their full-width forms, which some spreadsheets fold to the ASCII ones.
_FORMULA_START = tuple("=+-@\t\r") + ("\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(value):
    """A cell as text a spreadsheet shows and never evaluates: a leading quote before what would
    start a formula (OWASP's advice). Numbers stay numbers: "-12.50" is an amount, not a formula."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(_FORMULA_START) and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text


class _SafeWriter:
    def __init__(self, out):
        self._writer = csv.writer(out)

    def writerow(self, row) -> None:
        self._writer.writerow([neutralise(c) for c in row])
