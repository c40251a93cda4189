"""A person's year on paper: every claim, what each payer refunded, what was left to pay.

The figures are those of ``tracking.household_status(ctx, person=…, year=…)``: "left to pay" is
the estimated out-of-pocket amount (what neither payer covers), the same figure the CSV export
and the app show. Report returned: ``{"path", "person", "year", "claims", "pages", "totals"}``.
"""

from __future__ import annotations

import datetime as _dt
import io

from desktop_app.core import formatting
from desktop_app.core.errors import UserError
from desktop_app.services import output_files, pdf_fonts, tracking
from desktop_app.services.bundle import sentences
from desktop_app.services.context import Context
from desktop_app.services.people import find_person

LABELS = {
    "fr": {
        "title": "Frais de santé {year} \u2013 {person}",
        "made": "Établi le {today} par Paperasse, d'après les montants enregistrés.",
        "claims": "Demandes de remboursement",
        "date": "Date", "what": "Soins", "paid": "Payé", "cpam": "CPAM",
        "mutuelle": "Mutuelle", "left": "Reste à charge",
        "none": "Aucune demande enregistrée pour cette année.",
        "totals": "Totaux de l'année",
        "spent": "Dépensé", "by_cpam": "Remboursé par la CPAM",
        "by_mutuelle": "Remboursé par la mutuelle", "left_total": "Reste à charge",
        "owed": "Encore attendu", "owed_detail": "CPAM {cpam}, mutuelle {mutuelle}",
        "note": "« Reste à charge » : la part qu'aucun des deux ne rembourse, selon les taux et "
                "garanties enregistrés (participations et franchises comprises). « Encore "
                "attendu » : ce que la CPAM et la mutuelle doivent encore verser.",
        "undated": "sans date",
    },
    "en": {
        "title": "Health costs {year} \u2013 {person}",
        "made": "Made on {today} by Paperasse, from the recorded amounts.",
        "claims": "Claims",
        "date": "Date", "what": "Care", "paid": "Paid", "cpam": "CPAM",
        "mutuelle": "Mutuelle", "left": "Left to pay",
        "none": "No claim recorded for this year.",
        "totals": "Totals for the year",
        "spent": "Spent", "by_cpam": "Refunded by the CPAM",
        "by_mutuelle": "Refunded by the mutuelle", "left_total": "Left to pay",
        "owed": "Still expected", "owed_detail": "CPAM {cpam}, mutuelle {mutuelle}",
        "note": "'Left to pay': the share neither payer refunds, from the recorded rates and "
                "guarantees (deductions included). 'Still expected': what the CPAM and the "
                "mutuelle have yet to pay.",
        "undated": "undated",
    },
}


def _date(value, lang: str, undated: str) -> str:
    return formatting.day(value, lang, "numeric", empty=undated)


def write_summary(
    ctx: Context, person, year, out_path, lang: str = "fr", today: _dt.date | None = None,
    replace: bool = False,
) -> dict:
    """Write the PDF summary of ``person``'s claims for ``year`` to ``out_path``."""
    if lang not in LABELS:
        raise UserError(f"language must be one of {', '.join(LABELS)}, got {lang!r}")
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise UserError(f"year must be a number like 2025, got {year!r}") from None
    if not 1900 <= year <= 2200:
        raise UserError(f"year {year} is out of range; give it as YYYY, e.g. 2025")
    who = find_person(ctx, person)
    target = output_files.checked_target(out_path, ctx.paths.root, replace, "resume.pdf")
    today = today or _dt.date.today()
    status = tracking.household_status(ctx, person=who.id, year=year, today=today)
    claims = sorted(status.claims, key=lambda s: (s.care_date or "", s.claim_id))
    totals = status.totals
    data = _pdf(who.name, year, claims, totals, LABELS[lang], lang, today)
    output_files.write_output(data, target, ctx.paths.root, replace, "resume.pdf")
    from pypdf import PdfReader

    return {
        "path": str(target),
        "person": who.name,
        "year": year,
        "claims": len(claims),
        "pages": len(PdfReader(io.BytesIO(data)).pages),
        "totals": {
            "paid": totals.paid,
            "received": totals.received.to_json(),
            "left_to_pay": totals.left_to_pay,
            "owed": totals.owed.to_json(),
        },
    }


def _pdf(name: str, year: int, claims: list[dict], totals: dict, t: dict, lang: str,
         today: _dt.date) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdf_fonts.register()
    body = ParagraphStyle("body", fontName=pdf_fonts.REGULAR, fontSize=9.5, leading=12.5)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=colors.grey)
    head = ParagraphStyle("head", parent=body, fontName=pdf_fonts.BOLD, fontSize=11, leading=15,
                          spaceBefore=4, spaceAfter=4)
    title = ParagraphStyle("title", parent=body, fontName=pdf_fonts.BOLD, fontSize=15,
                           leading=19, spaceAfter=2)
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=11)

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(pdf_fonts.REGULAR, 8)
        canvas.drawString(18 * mm, 10 * mm, t["title"].format(year=year, person=name))
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, str(doc.page))
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm,
        # The file's metadata travels wherever the file goes and is read by indexers: no name in it.
        bottomMargin=18 * mm, title=f"Paperasse {year}", author="", subject="", creator="Paperasse",
    )
    # The day it was made as a French sentence writes it; English as it always was (ISO).
    today_text = formatting.day(today, lang, "long" if lang == "fr" else "numeric")
    story = [
        Paragraph(pdf_fonts.escaped(t["title"].format(year=year, person=name)), title),
        Paragraph(t["made"].format(today=today_text), small),
        Spacer(1, 5 * mm),
        Paragraph(t["claims"], head),
    ]
    money = lambda v: formatting.money(v or "0", lang)  # noqa: E731
    if claims:
        rows = [[t["date"], t["what"], t["paid"], t["cpam"], t["mutuelle"], t["left"]]]
        for s in claims:
            what = s.title or sentences.category(s.category, default=s.category)
            if lang == "en" and not s.title:
                what = s.category.replace("_", " ")
            rows.append([
                _date(s.care_date, lang, t["undated"]),
                Paragraph(pdf_fonts.escaped(what), cell),
                money(s.amount_paid),
                money(s.tracks["cpam"].received),
                money(s.tracks["mutuelle"].received),
                money(s.estimate.patient),
            ])
        rows.append([
            "", Paragraph(f"<b>{t['totals']}</b>", cell), money(totals.paid),
            money(totals.received.cpam), money(totals.received.mutuelle),
            money(totals.left_to_pay),
        ])
        # Sized for DejaVu Sans (wider than Helvetica): a date, "Reste à charge" in bold and a
        # five-figure bold total fit their cells with their padding.
        widths = [22 * mm, 46 * mm, 25 * mm, 25 * mm, 25 * mm, 31 * mm]
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, 0), pdf_fonts.BOLD, 9),
            ("FONT", (0, 1), (-1, -1), pdf_fonts.REGULAR, 9),
            ("FONT", (2, -1), (-1, -1), pdf_fonts.BOLD, 9),
            ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
            ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, colors.HexColor("#f2f2f2")]),
        ]))
        story.append(table)
    else:
        story.append(Paragraph(t["none"], body))
    story += [Spacer(1, 6 * mm), Paragraph(t["totals"], head)]
    owed = t["owed_detail"].format(cpam=money(totals.owed.cpam),
                                   mutuelle=money(totals.owed.mutuelle))
    summary = Table(
        [
            [t["spent"], money(totals.paid)],
            [t["by_cpam"], money(totals.received.cpam)],
            [t["by_mutuelle"], money(totals.received.mutuelle)],
            [t["left_total"], money(totals.left_to_pay)],
            [t["owed"], owed],
        ],
        colWidths=[70 * mm, 70 * mm], hAlign="LEFT",
    )
    summary.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), pdf_fonts.REGULAR, 10),
        ("FONT", (0, 3), (-1, 3), pdf_fonts.BOLD, 10),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("LINEBELOW", (0, 2), (-1, 2), 0.5, colors.grey),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    story += [summary, Spacer(1, 5 * mm), Paragraph(t["note"], small)]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
