"""Putting the mailing together: the letter, the enclosed originals' pages, the memo, in one
PDF written atomically, and the report of what went in and what the user should know."""

from __future__ import annotations

import datetime as _dt
import io

from desktop_app.core import formatting
from desktop_app.core.errors import UserError
from desktop_app.core.model import stored_id
from desktop_app.services import output_files, tracking
from desktop_app.services.bundle import sentences
from desktop_app.services.bundle.letter import LANG, letter_pdf
from desktop_app.services.bundle.memo import memo_pdf
from desktop_app.services.bundle.pdf_images import pages_of
from desktop_app.services.bundle.plan import plan as plan_of
from desktop_app.services.bundle.recipients import cpam_recipient, mutuelle_recipient
from desktop_app.services.bundle.report import (
    BundleBlocked,
    BundleReport,
    Enclosed,
    Notice,
)
from desktop_app.services.claims import get_claim
from desktop_app.services.context import Context
from desktop_app.services.results import ChecklistItem, ClaimStatus, TrackStatus


def blocking_items(status: ClaimStatus, payer: str) -> list[ChecklistItem]:
    levels = {"person", "claim", payer}
    return [m for m in status.missing if m.blocking and m.level in levels]


def checklist(items: list[ChecklistItem]) -> str:
    return "; ".join(
        f"{i}) {m.message} -> {m.action_label or m.action}" for i, m in enumerate(items, 1)
    )


def build_bundle(
    ctx: Context, claim_id, payer, out_path, override: bool = False,
    today: _dt.date | None = None, replace: bool = False,
) -> BundleReport:
    """Write the mailing for ``payer`` (cpam|mutuelle) to ``out_path``; returns the report.

    ``override`` prepares it although papers are missing; ``replace`` replaces an existing file."""
    payer = tracking._payer(payer)
    claim = get_claim(ctx, claim_id)
    today = today or _dt.date.today()
    target = output_files.checked_target(out_path, ctx.paths.root, replace, "envoi.pdf")
    patient = ctx.store.person(claim.person_id)
    insured = ctx.store.person(patient.insured_id) if patient.insured_id else None
    insured = insured or patient
    if payer == "mutuelle" and not (patient.mutuelle_name or insured.mutuelle_name):
        raise UserError(
            f"claim {claim.id}: no mutuelle is recorded for {patient.name}; add it (and the "
            f"member number) in {patient.name}'s details",
            hint=("person.edit_mutuelle", {"name": patient.name}),
        )
    status = tracking.claim_status(ctx, claim.id, today=today)
    items = blocking_items(status, payer)
    if items and not override:
        raise BundleBlocked(
            f"cannot prepare the mailing of claim {claim.id} to the "
            f"{formatting.payer(payer, 'en', 'name')}: {checklist(items)}",
            tuple(items),
        )
    warnings = [
        Notice("bundle.incomplete", {"message": m.message, "action": m.action_label or m.action})
        for m in items
    ]
    track = status.tracks[payer]
    warnings += _track_warnings(track, payer, status)

    plan = plan_of(ctx, claim, payer, today)
    warnings += plan.warnings
    if payer == "cpam":
        recipient = cpam_recipient(ctx, insured, warnings)
    else:
        holder = patient if patient.mutuelle_name else insured
        recipient = mutuelle_recipient(ctx, holder, warnings)
    if not plan.enclosures:
        warnings.append(Notice("bundle.nothing_enclosed"))

    from pypdf import PdfReader, PdfWriter

    enclosed_pages = [pages_of(ctx, enc.doc) for enc in plan.enclosures]
    letter = letter_pdf(claim, patient, insured, payer, recipient, plan, status, today)
    letter_reader = PdfReader(io.BytesIO(letter))
    writer = PdfWriter()
    for page in letter_reader.pages:
        writer.add_page(page)
    enclosed = []
    for enc, pages in zip(plan.enclosures, enclosed_pages):
        first = len(writer.pages) + 1
        for page in pages:
            writer.add_page(page)
        enclosed.append(Enclosed(stored_id(enc.doc), str(enc.doc.kind), enc.label,
                                 enc.doc.original_name, len(pages), first))
    memo = memo_pdf(claim, payer, plan, track, status)
    for page in PdfReader(io.BytesIO(memo)).pages:
        writer.add_page(page)
    writer.add_metadata({
        "/Title": sentences.say("letter", "bundle_title", payer=formatting.payer(payer, LANG),
                                claim=claim.id),
        "/Producer": "Paperasse",
    })
    buffer = io.BytesIO()
    writer.write(buffer)
    output_files.write_output(buffer.getvalue(), target, ctx.paths.root, replace, "envoi.pdf")
    return BundleReport(
        path=str(target), claim_id=stored_id(claim), payer=payer, pages=len(writer.pages),
        letter_pages=len(letter_reader.pages), memo_page=len(writer.pages),
        recipient=recipient, enclosed=tuple(enclosed), not_enclosed=tuple(plan.skipped),
        notices=tuple(warnings), incomplete=tuple(items),
    )


def _track_warnings(track: TrackStatus, payer: str, status: ClaimStatus) -> list[Notice]:
    state = track.state
    if state == "direct":
        return [Notice("bundle.direct", {"payer": payer})]
    if state in ("sent", "paid", "closed"):
        sent = [h for h in track.history if h.state == "sent" and not h.undone]
        last = sent[-1] if sent else None
        return [Notice("bundle.already_sent",
                       {"payer": payer, "sent_on": (last.date if last else None) or "",
                        "channel": (last.channel if last else None) or "", "state": state})]
    if payer == "mutuelle" and track.next_action_id == "send.noemie_nothing":
        return [Notice("bundle.noemie_forwards")]
    if payer == "cpam" and status.tiers_payant in ("amo", "all"):
        return [Notice("bundle.tiers_payant_cpam")]
    return []
