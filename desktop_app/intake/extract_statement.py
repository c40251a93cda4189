"""Reimbursement statements (décomptes) from the CPAM or a mutuelle: who paid what, for which care."""

from __future__ import annotations

import re

from desktop_app.intake.extract_common import Context, all_dates, amount_by_labels, date_near_label, norm
from desktop_app.intake.layout import find_labels, value_near
from desktop_app.intake.parse_amounts import find_amounts, to_decimal_string
from desktop_app.intake.result import ExtractedField

_CPAM = r"cpam|caisse primaire|assurance maladie|ameli|\bmsa\b|cgss|regime obligatoire|securite sociale"
_MUTUELLE = r"mutuelle|complementaire sante|organisme complementaire|assurance sante|prevoyance"
_PAID_LABELS = [
    r"total rembourse|total verse|total paye|montant total rembourse|total des remboursements",
    r"net paye|net verse|montant vire|virement de|vire le|montant rembourse",
    r"total",
]
_REFERENCE_LABELS = r"reference|ref|n de decompte|numero de decompte|decompte n|n decompte"


def extract_statement(ctx: Context) -> None:
    head = norm("\n".join(r.text for r in ctx.pages[0].rows[:15]))
    text = norm("\n".join(p.text for p in ctx.pages))
    cpam = len(re.findall(_CPAM, head)) * 2 + len(re.findall(_CPAM, text))
    mut = len(re.findall(_MUTUELLE, head)) * 2 + len(re.findall(_MUTUELLE, text))
    if cpam or mut:
        ctx.put("payer", "cpam" if cpam >= mut else "mutuelle", 0.8 if cpam != mut else 0.5, page=1)
    else:
        ctx.put_none("payer", 0.2)
    got = date_near_label(ctx.pages, r"date du decompte|decompte du|edite le|date d edition|date|le")
    if got:
        ctx.put("statement_date", got[0].isoformat(), 0.8 * got[1].conf, got[1])
    else:
        ctx.put_none("statement_date", 0.2)
    reference = None
    for hit in find_labels(ctx.pages, _REFERENCE_LABELS):
        v = value_near(hit, accept=lambda t: bool(re.search(r"\d", t)))
        if v:
            reference = v.words[0].text.strip(":.")
            ctx.put("reference", reference, 0.7 * v.conf, v)
            break
    lines = []
    for spot in all_dates(ctx.pages):
        row = spot.page.rows[spot.row]
        after = " ".join(s.text for s in row.segments[spot.seg + 1 :])
        amounts = find_amounts(after)
        if not amounts or re.search(r"naissance|\bne\b|edite|decompte du", spot.before):
            continue
        line = {"care_date": spot.date.isoformat(), "amount_paid": to_decimal_string(amounts[-1].value)}
        if reference:
            line["reference"] = reference
        lines.append(line)
    ctx.fields["lines"] = ExtractedField(lines, 0.6 if lines else 0.3, 1 if lines else None)
    paid = amount_by_labels(ctx.pages, _PAID_LABELS)
    if paid:
        ctx.put("total_paid", paid[0], 0.8 * paid[1].conf, paid[1])
    else:
        ctx.put_none("total_paid", 0.2)
