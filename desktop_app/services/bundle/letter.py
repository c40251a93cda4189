"""The cover letter in French: page 1 (and 2 if needed) of the bundle.

Sender at the top left, the payer where a window envelope (DL, window on the right) shows it,
then the subject, the claim's particulars and the list of enclosed papers. Its sentences are
resources/letters/fr.json's (sentences.py); what a person typed is escaped, never read as markup.
"""

from __future__ import annotations

import io

from desktop_app.core import formatting
from desktop_app.core.identifiers import format_nir
from desktop_app.core.rules.money import ZERO, to_decimal
from desktop_app.services import pdf_fonts
from desktop_app.services.bundle import sentences
from desktop_app.services.bundle.page_style import LEADING, SIZE, dots, styles
from desktop_app.services.bundle.plan import Plan, field_value
from desktop_app.services.bundle.recipients import address_lines, city
from desktop_app.services.bundle.report import Recipient
from desktop_app.services.bundle.sentences import LETTER_LANGUAGE as LANG
from desktop_app.services.results import ClaimStatus

esc = pdf_fonts.escaped
BLANK = "\u2026" * 14  # a dotted space to write the town in by hand


def _say(sentence_id: str, **values) -> str:
    return sentences.say("letter", sentence_id, **values)


def long_date(day) -> str:
    return formatting.day(day, LANG, "long")


def claim_what(claim) -> str:
    """The claim as the letter names it (escaped): its own title, else its kind of care."""
    return esc(claim.title) if claim.title else sentences.category(claim.category)


def letter_pdf(claim, patient, insured, payer: str, recipient: Recipient, plan: Plan,
               status: ClaimStatus, today) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    width, height = A4
    sender_lines = address_lines(getattr(insured, "postal_address", None))
    holder = patient if (payer == "mutuelle" and patient.mutuelle_name) else insured
    member_number = holder.mutuelle_member_number or insured.mutuelle_member_number

    def header(canvas, _doc):
        canvas.saveState()
        # Sender, top left.
        text = canvas.beginText(20 * mm, height - 22 * mm)
        text.setFont(pdf_fonts.BOLD, SIZE)
        text.textLine(insured.name)
        text.setFont(pdf_fonts.REGULAR, SIZE)
        text.setLeading(LEADING)
        if sender_lines:
            for line in sender_lines:
                text.textLine(line)
        else:
            text.textLine(_say("sender_address_blank", dots=dots(62)))
            text.textLine(dots(80))
        if insured.nir:
            text.textLine(_say("sender_nir", nir=format_nir(insured.nir)))
        if payer == "mutuelle" and member_number:
            text.textLine(_say("sender_member_number", number=member_number))
        canvas.drawText(text)
        # Recipient, where a window envelope (DL, window on the right) shows it.
        text = canvas.beginText(110 * mm, height - 52 * mm)
        text.setLeading(LEADING)
        text.setFont(pdf_fonts.BOLD, SIZE)
        text.textLine(recipient.name)
        text.setFont(pdf_fonts.REGULAR, SIZE)
        if recipient.lines:
            for line in recipient.lines:
                text.textLine(line)
        else:
            text.setFont(pdf_fonts.ITALIC, 8.5)
            text.textLine(_say(f"recipient_hint.{payer}"))
            text.setFont(pdf_fonts.REGULAR, SIZE)
            text.textLine(dots(78))
            text.textLine(dots(78))
        canvas.drawText(text)
        canvas.restoreState()

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(pdf_fonts.REGULAR, 8)
        canvas.drawRightString(width - 20 * mm, 12 * mm, f"{doc.page}")
        canvas.restoreState()

    doc = BaseDocTemplate(
        io.BytesIO(), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
        topMargin=20 * mm, bottomMargin=18 * mm,
        title=_say("file_title", payer=formatting.payer(payer, LANG)), author=insured.name,
        creator="Paperasse",
    )
    first = Frame(20 * mm, 18 * mm, width - 40 * mm, height - 18 * mm - 88 * mm, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(20 * mm, 18 * mm, width - 40 * mm, height - 38 * mm, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate("first", [first], onPage=header, autoNextPageTemplate="later"),
        PageTemplate("later", [later], onPage=footer),
    ])
    doc.build(_story(claim, patient, insured, holder, member_number, payer, plan, status,
                     today, sender_lines, width - 40 * mm))
    return doc.filename.getvalue()


def _story(claim, patient, insured, holder, member_number, payer, plan, status, today,
           sender_lines, frame_width) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

    st = styles()
    p = lambda text, style="body": Paragraph(text, st[style])  # noqa: E731

    town = city(sender_lines)
    story = [p(_say("place_date", city=esc(town) if town else BLANK, date=long_date(today)),
               "right"),
             Spacer(1, 6 * mm)]

    care_day = long_date(claim.care_date) or _say("care_date_unknown")
    subject = _say(f"subject.{payer}", care_day=care_day)
    story += [p(_say("subject_line", subject=subject)), Spacer(1, 2 * mm)]
    n = len(plan.enclosures)
    if n:
        story.append(p(_say("enclosed_count.many" if n > 1 else "enclosed_count.one", n=n)))
    story += [Spacer(1, 5 * mm), p(_say("salutation")), Spacer(1, 3 * mm)]

    beneficiary = patient.id != insured.id
    if payer == "cpam":
        intro = (_say("intro.cpam_beneficiary", patient=esc(patient.name)) if beneficiary
                 else _say("intro.cpam"))
    elif not plan.cpam_covers:
        intro = _say("intro.mutuelle_not_covered")
    else:
        intro = _say("intro.mutuelle")
    story += [p(intro), Spacer(1, 4 * mm)]

    table = Table(_particulars(claim, patient, insured, holder, member_number, payer, plan,
                               status, care_day, p),
                  colWidths=[58 * mm, frame_width - 58 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), pdf_fonts.REGULAR, SIZE, LEADING),  # the amounts' cells
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    story += [table, Spacer(1, 5 * mm)]

    if n:
        items: list[Flowable] = [p(_say("enclosed_heading", n=n))]
        items += [
            Paragraph(esc(e.label), st["item"], bulletText=f"{i}.")
            for i, e in enumerate(plan.enclosures, 1)
        ]
        story += [KeepTogether(items), Spacer(1, 4 * mm)]

    account = _say("account.known")
    if payer == "mutuelle" and any(str(e.doc.kind) == "rib" for e in plan.enclosures):
        account = _say("account.rib_enclosed")
    elif payer == "mutuelle" and plan.first_claim:
        account = _say("account.first_claim")
    story += [p(_say("thanks", account=account)), Spacer(1, 3 * mm)]
    signature = Table(
        [["", p(_say("signature"))], ["", Spacer(1, 15 * mm)], ["", p(esc(insured.name))]],
        colWidths=[100 * mm, frame_width - 100 * mm],
    )
    signature.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    story.append(KeepTogether([p(_say("closing")), Spacer(1, 6 * mm), signature]))
    return story


def _particulars(claim, patient, insured, holder, member_number, payer, plan, status,
                 care_day, p) -> list:
    """The rows of the claim's particulars: who, which numbers, when, what, how much."""
    label = lambda sentence_id, **values: p(_say(sentence_id, **values), "bold")  # noqa: E731
    stem = "member" if payer == "mutuelle" else "insured"
    word = sentences.person_word(stem, (holder if payer == "mutuelle" else insured).sex)
    rows = [[label("row.holder", word=word), p(esc(insured.name))]]
    rows.append([label("row.nir"), p(format_nir(insured.nir) if insured.nir else dots(60))])
    if payer == "mutuelle":
        rows.append([label("row.member_number"),
                     p(esc(member_number) if member_number else dots(60))])
    if patient.id != insured.id:
        who = esc(patient.name)
        if patient.birth_date:
            who = _say("beneficiary_born", patient=who, born=sentences.person_word(
                "born", patient.sex), date=long_date(patient.birth_date))
        rows.append([label("row.beneficiary"), p(who)])
        if patient.nir:
            rows.append([label("row.beneficiary_nir"), p(format_nir(patient.nir))])
    rows.append([label("row.care_date"), p(care_day)])
    nature = claim_what(claim)
    category = str(claim.category)
    if claim.title and sentences.has("category_aside", category):
        nature = _say("nature_with_aside", what=nature,
                      aside=sentences.word("category_aside", category))
    codes = list(claim.lpp_codes) or [
        c for e in plan.enclosures if str(e.doc.kind) == "invoice"
        for c in (field_value(e.doc, "lpp_codes") or [])
    ]
    if codes and category == "lpp_device":
        nature = _say("lpp_codes.many" if len(codes) > 1 else "lpp_codes.one", nature=nature,
                      codes=", ".join(esc(c) for c in codes))
    rows.append([label("row.nature"), p(nature)])
    # An amount is a cell of its own, drawn as it is: a paragraph would take its narrow
    # no-break space (1 234,50 €) for a space it may break the line at.
    if claim.amount_paid:
        rows.append([label("row.paid"), formatting.money(claim.amount_paid, LANG)])
    if payer == "mutuelle":
        got = to_decimal(status.tracks["cpam"].received or "0")
        if got > ZERO:
            rows.append([label("row.cpam_part"), formatting.money(got, LANG)])
    return rows
