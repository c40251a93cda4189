"""A practitioner's receipt (note d'honoraires, reçu, quittance): who treated, whom, when, how much.

The practitioner signs ("Je soussignée Marie DUPONT, ostéopathe") or heads the paper with a
titled name and a profession; the patient is the one who paid ("reçu de Mme …", "Patient : …").
"""

from __future__ import annotations

import re

from desktop_app.intake import candidates, vocab
from desktop_app.intake.extract_common import Context, norm, seg_value
from desktop_app.intake.extract_labelled import (
    UNLABELLED,
    labelled,
    named_people,
    person,
    put_date,
    put_labelled_amount,
    put_largest_amount,
    put_person,
    sure,
    titled_names,
)
from desktop_app.intake.names import looks_like_person

_L = vocab.load("labels_receipt")
_PROFESSION = re.compile(rf"(?<![a-z])(?:{_L['professions']})(?![a-z])")


@candidates.calibrated("receipt")
def extract_receipt(ctx: Context) -> None:
    practitioner = _practitioner(ctx)
    _patient(ctx, practitioner)
    put_date(ctx, "date", _L["date"], not_after=_L["date_not_after"], other_dates=_L["other_dates"])
    if not put_labelled_amount(ctx, "total_amount", _L["total"], not_after=_L["total_not_after"]):
        if not put_largest_amount(ctx, "total_amount"):
            ctx.put_none("total_amount", 0.2)


def _practitioner(ctx: Context) -> str | None:
    got = labelled(ctx.pages, _L["practitioner"], person)
    if got:
        ctx.put("practitioner_name", got[0], sure(got[1]), got[1])
        return got[0]
    page = ctx.pages[0]
    # "Dr Paul ROY" is a label of its own.
    for name, v in titled_names(page, doctor=True):
        ctx.put("practitioner_name", name, 0.85 * v.conf, v)
        return name
    # A name on the line above or below the profession ("Marie DUPONT" / "Ostéopathe D.O.").
    for r, row in enumerate(page.rows):
        if not _PROFESSION.search(norm(row.text)):
            continue
        for near in (r - 1, r, r + 1):
            if not 0 <= near < len(page.rows):
                continue
            for s, seg in enumerate(page.rows[near].segments):
                if looks_like_person(seg.text):
                    name = person(seg.text)
                    if name:
                        v = seg_value(page, near, s)
                        ctx.put("practitioner_name", name, 0.7 * v.conf, v)
                        return name
        break
    top = page.rows[: max(1, len(page.rows) // 4)]
    for r, row in enumerate(top):
        for s, seg in enumerate(row.segments):
            if looks_like_person(seg.text):
                name = person(seg.text)
                if name:
                    v = seg_value(page, r, s)
                    ctx.put("practitioner_name", name, UNLABELLED * v.conf, v)
                    return name
    ctx.put_none("practitioner_name", 0.2)
    return None


def _patient(ctx: Context, practitioner: str | None) -> None:
    if put_person(ctx, "patient_name", _L["patient"], not_after=_L["patient_not_after"]):
        return
    for name, v in titled_names(ctx.pages[0], doctor=False):
        if practitioner and norm(name) == norm(practitioner):
            continue
        ctx.put("patient_name", name, 0.6 * v.conf, v)
        return
    # Printed without a label or a title ("PÂRIS, Rémi" beside the date): the one person
    # who is not the practitioner, unsure.
    for name, v, _ in named_people(ctx.pages[0], (practitioner,)):
        ctx.put("patient_name", name, UNLABELLED * v.conf, v)
        return
    ctx.put_none("patient_name", 0.2)
