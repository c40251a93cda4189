"""CSV exports of claims and payments, for a spreadsheet or an accountant."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop_app.services import tracking
from desktop_app.services.context import Context
from desktop_app.store.originals import write_bytes_atomically

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
    writer = csv.writer(out)
    writer.writerow(CLAIM_COLUMNS)
    for s in status["claims"]:
        cpam, mutuelle = s["tracks"]["cpam"], s["tracks"]["mutuelle"]
        next_action = cpam["next_action"] if cpam["state"] not in ("closed", "direct") else mutuelle["next_action"]
        writer.writerow([
            s["claim_id"], s["person"], s["care_date"], s["category"], s["title"], s["amount_paid"],
            cpam["state"], cpam["expected"], cpam["received"],
            mutuelle["state"], mutuelle["expected"], mutuelle["received"],
            s["estimate"]["patient"], next_action,
        ])
    return out.getvalue()


def payments_csv(ctx: Context, person=None, year=None) -> str:
    status = tracking.household_status(ctx, person=person, year=year)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(PAYMENT_COLUMNS)
    for s in status["claims"]:
        for payer, track in s["tracks"].items():
            for event in track["history"]:
                if event["state"] == "paid" and not event["undone"]:
                    writer.writerow([s["claim_id"], s["person"], s["care_date"], payer,
                                     event["date"], event["amount"], event["at"]])
    return out.getvalue()


def write_csv(ctx: Context, out_path, what: str = "claims", person=None, year=None) -> Path:
    text = claims_csv(ctx, person, year) if what == "claims" else payments_csv(ctx, person, year)
    target = Path(out_path)
    # utf-8-sig so spreadsheet programs read the accents right.
    write_bytes_atomically(text.encode("utf-8-sig"), target, target.parent)
    return target
