"""A person's year on paper: every claim, what each payer refunded, what was left to pay.

The figures are those of ``tracking.household_status(ctx, person=…, year=…)``: "left to pay" is
the estimated out-of-pocket amount (what neither payer covers), the same figure the CSV export
and the app show. Its words are resources/letters/summary.json's; it returns a ``SummaryReport``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import io
import json
from dataclasses import dataclass

from desktop_app import config
from desktop_app.core import formatting
from desktop_app.core.errors import UserError
from desktop_app.services import output_files, pdf_fonts, tracking
from desktop_app.services.bundle import sentences
from desktop_app.services.context import Context
from desktop_app.services.people import find_person
from desktop_app.services.results import ClaimStatus, MoneyTotals


@functools.cache
def _labels() -> dict[str, dict[str, str]]:
    """The summary's words by language (resources/letters/summary.json)."""
    path = config.resources_dir() / "letters" / "summary.json"
    with open(path, encoding="utf-8") as fh:
        return {lang: words for lang, words in json.load(fh).items() if not lang.startswith("_")}


@dataclass(frozen=True, slots=True)
class SummaryReport:
    """What ``write_summary`` wrote: the file, whose year it is, how many claims and pages, and
    the year's totals (``to_json()`` is what ``paperasse summary --json`` prints)."""

    path: str
    person: str
    year: int
    claims: int
    pages: int
    totals: MoneyTotals

    def to_json(self) -> dict:
        return {
            "path": self.path, "person": self.person, "year": self.year,
            "claims": self.claims, "pages": self.pages,
            "totals": {
                "paid": self.totals.paid,
                "received": self.totals.received.to_json(),
                "left_to_pay": self.totals.left_to_pay,
                "owed": self.totals.owed.to_json(),
            },
        }


def _date(value: str | None, lang: str, undated: str) -> str:
    return formatting.day(value, lang, "numeric", empty=undated)


def write_summary(
    ctx: Context, person, year, out_path, lang: str = "fr", today: _dt.date | None = None,
    replace: bool = False,
) -> SummaryReport:
    """Write the PDF summary of ``person``'s claims for ``year`` to ``out_path``."""
    labels = _labels()
    if lang not in labels:
        raise UserError(f"language must be one of {', '.join(labels)}, got {lang!r}")
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
    totals = status.totals.household
    data = _pdf(who.name, year, claims, totals, labels[lang], lang, today)
    output_files.write_output(data, target, ctx.paths.root, replace, "resume.pdf")
    from pypdf import PdfReader

    return SummaryReport(str(target), who.name, year, len(claims),
                         len(PdfReader(io.BytesIO(data)).pages), totals)


def _pdf(name: str, year: int, claims: list[ClaimStatus], totals: MoneyTotals,
         t: dict[str, str], lang: str, today: _dt.date) -> bytes:
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
        rows: list[list[str | Paragraph]] = [
            [t["date"], t["what"], t["paid"], t["cpam"], t["mutuelle"], t["left"]]]
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
