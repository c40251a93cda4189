"""Invoices, practitioners' receipts (notes d'honoraires) and pharmacy receipts."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from tools.intake_corpus import ids, values
from tools.intake_corpus.blocks import (
    TERMS,
    Area,
    Col,
    Field,
    fields_block,
    paragraph,
    table,
    text_page,
)
from tools.intake_corpus.canvas import Canvas
from tools.intake_corpus.letterheads import letterhead
from tools.intake_corpus.style import DATA, Ctx

# Invoice numbers, disjoint between groups like the other variants.
INVOICE_NUMBERS = {
    "A": [lambda r, d: f"F{d.year}-{r.randint(1, 999999):06d}", lambda r, d: f"FA{d:%y%m}{r.randint(1, 9999):04d}"],
    "B": [lambda r, d: f"{d.year}/{d.month:02d}/{r.randint(1, 9999):04d}", lambda r, d: f"{r.randint(100000, 999999)}"],
    "C": [lambda r, d: f"INV-{d.year}-{r.randint(1, 99999):05d}", lambda r, d: f"{d:%y}-{r.randint(1, 999):03d}-{r.choice('ABCDEFGHJK')}"],
    "D": [lambda r, d: f"{d:%Y%m%d}-{r.randint(1, 999):03d}", lambda r, d: f"FC{r.randint(1, 9)}{d:%y}.{r.randint(1, 99999):05d}"],
}


def totals_block(c: Canvas, ctx: Ctx, area: Area, y: float, rows: list[tuple[str, str, bool]]) -> float:
    """Right-hand label/amount lines (label, amount, bold)."""
    x_label = area.x + area.w * 0.5
    for label, amount, bold in rows:
        size = 11 if bold else 9.5
        c.text(x_label, y, label, c.fit(label, area.w * 0.3, size, bold=bold), bold=bold)
        c.text(area.x + area.w - 1.5, y, amount, size, bold=bold, align="right")
        if bold and ctx.table in ("grid", "header_band", "column_rules"):
            c.rect(x_label - 2, y - 1.2, area.w * 0.5 + 2, c.line_height(size) + 1.6, 0.35)
        y += c.line_height(size) + 1.5
    return y + 2


def supplier_name(ctx: Ctx) -> tuple[str, str]:
    """(as printed, ground truth)"""
    rng = ctx.rng
    name = rng.choice(DATA["suppliers"])
    form = rng.choice(DATA["legal_forms"])
    printed = name.upper() if rng.random() < 0.35 else name
    return (f"{printed} {form}".strip(), name)


def invoice(ctx: Ctx) -> tuple[list[Canvas], dict]:
    rng = ctx.rng
    c = Canvas(ctx.font, ctx.dpi)
    margin = rng.uniform(12, 20)
    when = values.doc_date(rng)
    printed, supplier = supplier_name(ctx)
    street, city, _ = values.address(rng)
    siret = ids.siret(rng)
    lines = [(printed, rng.choice((13, 15, 17)), True), (street, 9, False), (city, 9, False),
             (f"SIRET {siret if rng.random() < 0.5 else ' '.join((siret[:3], siret[3:6], siret[6:9], siret[9:]))}", 8.5, False)]
    if rng.random() < 0.6:
        lines.append((f"Tél. {values.phone(rng)}", 8.5, False))
    if rng.random() < 0.4:
        lines.append((f"N° TVA intracom. FR{rng.randint(10, 99)}{siret[:9]}", 8.5, False))
    area = letterhead(c, lines, ctx.letterhead, margin)
    y = area.y
    title = ctx.word("invoice_title")
    right = rng.random() < 0.5
    c.text(area.x + (area.w if right else 0), y, title, 16, bold=True, align="right" if right else "left")
    y += c.line_height(16) + 3
    number = rng.choice(INVOICE_NUMBERS[ctx.group])(rng, when)
    patient = values.person(rng, when, 1, 95)
    hand = False
    head = [Field(ctx.word("invoice_number"), number), Field(ctx.word("invoice_date"), ctx.date(when))]
    if rng.random() < 0.4:
        head.append(Field("N° client", f"C{rng.randint(1000, 99999)}"))
    if rng.random() < 0.3:
        head.append(Field(ctx.word("due_date"), ctx.date(when + timedelta(days=30))))
    rng.shuffle(head)
    client = [Field(ctx.word("invoice_client"), ctx.name(patient), hand)]
    pstreet, pcity, _ = values.address(rng)
    if rng.random() < 0.6:
        client.append(Field("Adresse", f"{pstreet}, {pcity}"))
    if rng.random() < 0.5:
        y = fields_block(c, head + client, ctx.arrangement, area, y, 10, ctx.choices["two_columns"], ctx.colon)
    else:
        half = Area(area.x, y, area.w * 0.48, area.bottom)
        right = Area(area.x + area.w * 0.52, y, area.w * 0.48, area.bottom)
        if rng.random() < 0.5:
            half, right = right, half
        y1 = fields_block(c, head, ctx.arrangement, half, y, 10, colon=ctx.colon)
        y2 = fields_block(c, client, ctx.arrangement, right, y, 10, colon=ctx.colon)
        y = max(y1, y2)
    if rng.random() < 0.6:
        doc = values.person(rng, when, 30, 66)
        y = paragraph(c, f"{ctx.word('prescription_ref')} {ctx.date(when - timedelta(days=rng.randint(2, 60)))}"
                         f" ({ctx.doctor(doc)})", area, y, 9.5)
    y += 3
    n = rng.randint(1, 5)
    picks = rng.sample(DATA["lpp_items"], n)
    rows, codes, total, amounts = [], [], Decimal("0.00"), []
    for designation, prices in picks:
        qty, unit = rng.choice(prices)
        unit = values.money(unit)
        code = f"{rng.choice('1234567')}{rng.randint(0, 999999):06d}"
        codes.append(code)
        line_total = unit * qty
        total += line_total
        amounts.append(line_total)
        rows.append([designation, code, str(qty), ctx.amount(unit), ctx.amount(line_total)])
    if rng.random() < 0.4:
        extra = values.money(rng.choice((5, 9.9, 12, 15, 25)))
        pos = rng.randint(0, len(rows))
        rows.insert(pos, [rng.choice(DATA["no_code_lines"]), "", "1", ctx.amount(extra), ctx.amount(extra)])
        total += extra
        amounts.append(extra)
    cols = [Col(ctx.word("col_designation"), 8), Col(ctx.word("col_code"), 2.6), Col(ctx.word("col_qty"), 1.2, "right"),
            Col(ctx.word("col_unit"), 2.4, "right"), Col(ctx.word("col_total"), 2.6, "right")]
    if rng.random() < 0.35:  # the code first
        cols = [cols[1], cols[0]] + cols[2:]
        rows = [[r[1], r[0]] + r[2:] for r in rows]
    y = table(c, cols, rows, ctx.table, area, y, 9.5)
    tot_rows = []
    if rng.random() < 0.5:
        ht = (total / Decimal("1.055")).quantize(Decimal("0.01"))
        tot_rows += [(ctx.word("subtotal_ht"), ctx.amount(ht), False), (ctx.word("vat"), ctx.amount(total - ht), False)]
    tot_rows.append((ctx.word("invoice_total"), ctx.amount(total), True))
    if rng.random() < 0.4:
        amo = (total * Decimal("0.6")).quantize(Decimal("0.01"))
        tot_rows += [(ctx.word("part_amo"), ctx.amount(amo), False), (ctx.word("rest"), ctx.amount(total - amo), False)]
    y = totals_block(c, ctx, area, y, tot_rows)
    if rng.random() < 0.5:
        paid = values.day_between(rng, when, min(values.LATEST, when + timedelta(days=20)))
        c.text(area.x, y, f"{ctx.word('payment_date')} {ctx.date(paid)} — {rng.choice(('CB', 'chèque', 'virement', 'espèces'))}", 9.5)
        y += c.line_height(9.5) + 2
    foot = rng.choice(("Conditions de paiement : à réception de facture.", "Pas d'escompte pour paiement anticipé.",
                       "TVA 5,5 % sur les dispositifs médicaux.", "Dispense d'avance de frais selon accord tiers payant."))
    c.text(area.x, min(y + 6, area.bottom - 5), foot, 8, fill=60)
    ctx.facts.update(lines=amounts, date=when, birth=patient.birth)
    truth = {"supplier": supplier, "invoice_number": number, "date": when.isoformat(), "total_amount": f"{total:.2f}",
             "lpp_codes": codes, "patient_name": patient.truth}
    pages = [c]
    if rng.random() < 0.2:
        pages.append(Canvas(ctx.font, ctx.dpi))
        text_page(pages[1], "Conditions générales de vente", rng.sample(TERMS, 4), margin, "2/2")
    return pages, truth


def receipt(ctx: Ctx) -> tuple[list[Canvas], dict]:
    rng = ctx.rng
    c = Canvas(ctx.font, ctx.dpi, 210, rng.choice((297, 297, 148)))
    margin = rng.uniform(12, 20)
    when = values.doc_date(rng)
    title_pro, act, prices = rng.choice(DATA["receipt_practitioners"])
    pro = values.person(rng, when, 26, 66)
    doctor = "dentiste" in title_pro
    pro_name = ctx.doctor(pro) if doctor else (ctx.name(pro) if rng.random() < 0.6 else f"{pro.first} {pro.last.upper()}")
    street, city, _ = values.address(rng)
    lines = [(pro_name, rng.choice((12, 13, 14)), True), (title_pro, 9.5, False), (street, 9, False), (city, 9, False)]
    numbers = []
    if rng.random() < 0.5:
        numbers.append(f"N° ADELI {rng.randint(10, 99)} {rng.randint(1000000, 9999999)}")
    if rng.random() < 0.5:
        numbers.append(f"{ctx.word('rpps')} {ids.rpps(rng)}")
    if rng.random() < 0.5:
        numbers.append(f"SIRET {ids.siret(rng)}")
    lines += [(n, 8.5, False) for n in numbers]
    area = letterhead(c, lines, ctx.letterhead, margin)
    y = area.y
    title = ctx.word("receipt_title")
    c.text(area.x + area.w / 2, y, title, 15, bold=True, align="center")
    y += c.line_height(15) + 5
    patient = values.person(rng, when, 2, 90)
    hand = ctx.font.hand is not None and rng.random() < 0.6
    n = rng.choice((1, 1, 1, 2, 3))
    unit = values.money(rng.choice(prices))
    sessions = sorted(values.day_between(rng, when - timedelta(days=40), when) for _ in range(n))
    total = unit * n
    if rng.random() < 0.3:
        prose = ctx.word("receipt_prose", pro=pro_name, patient=ctx.name(patient), amount=ctx.amount(total),
                         date=ctx.date(when))
        y = paragraph(c, prose, area, y, 11, "hand" if hand else "body") + 4
        if n > 1:
            y = paragraph(c, "Séances : " + ", ".join(ctx.date(d) for d in sessions), area, y, 9.5) + 2
    else:
        fields = [Field(ctx.word("receipt_from"), ctx.name(patient), hand),
                  Field(ctx.word("receipt_date"), ctx.date(when), hand)]
        if rng.random() < 0.4:
            fields.append(Field(ctx.word("birth"), ctx.birth(patient.birth), hand))
        rng.shuffle(fields)
        y = fields_block(c, fields, ctx.arrangement, area, y, 10.5, ctx.choices["two_columns"], ctx.colon) + 2
        rows = [[ctx.date(d), act, ctx.amount(unit)] for d in sessions]
        y = table(c, [Col(ctx.word("acts_date"), 3), Col(ctx.word("col_designation"), 6),
                      Col(ctx.word("acts_amount"), 3, "right")], rows, ctx.table, area, y, 10, hand)
        y = totals_block(c, ctx, area, y, [(ctx.word("receipt_total"), ctx.amount(total), True)])
    if rng.random() < 0.6 and y + 10 < area.bottom:
        c.text(area.x, y, f"{ctx.word('payment_mode')} : {rng.choice(('chèque', 'espèces', 'carte bancaire', 'virement'))}", 9.5)
        y += c.line_height(9.5) + 2
    if rng.random() < 0.5 and y + 8 < area.bottom:
        c.text(area.x, y, rng.choice(("TVA non applicable, article 261-4-1° du CGI", "Acte non remboursable par l'Assurance Maladie",
                                      "Exonération de TVA, art. 261-4-1° du CGI")), 8, fill=60)
        y += c.line_height(8) + 2
    c.scribble(area.x + area.w * 0.6, min(y + 6, area.bottom - 18), area.w * 0.3, 12, rng)
    ctx.facts.update(lines=[unit] * n, date=when, act_dates=sessions, birth=patient.birth)
    truth = {"practitioner_name": pro.truth, "date": when.isoformat(), "total_amount": f"{total:.2f}",
             "patient_name": patient.truth}
    return [c], truth


def pharmacy_receipt(ctx: Ctx) -> tuple[list[Canvas], dict]:
    rng = ctx.rng
    when = values.doc_date(rng)
    name = rng.choice(DATA["pharmacies"])
    street, city, _ = values.address(rng)
    picks = [rng.choice(DATA["pharmacy_products"]) for _ in range(rng.randint(1, 6))]
    lines, total = [], Decimal("0.00")
    for label, price in picks:
        qty = rng.choice((1, 1, 1, 2, 3))
        amount = values.money(price) * qty
        total += amount
        lines.append((label, qty, values.money(price), amount))
    ticket = rng.random() < 0.6
    time_of_day = f"{rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}"
    if ticket:
        height = 92 + 9 * len(lines) + rng.randint(0, 20)
        c = Canvas(ctx.font, ctx.dpi, 80, height)
        role = "mono" if rng.random() < 0.7 else "body"
        x, w, y = 4, 72, 6
        c.text(40, y, name.upper() if rng.random() < 0.5 else name, c.fit(name.upper(), 72, 11, role, True), role, True, "center")
        y += c.line_height(11)
        for t in (street, city, f"Tél {values.phone(rng)}"):
            c.text(40, y, t, 8, role, align="center")
            y += c.line_height(8)
        y += 2
        c.text(x, y, ctx.word("pharmacy_title"), 8.5, role, True)
        y += c.line_height(8.5)
        c.text(x, y, f"{ctx.date(when)}  {time_of_day}", 8.5, role)
        c.text(x + w, y, f"N° {rng.randint(10000, 99999)}", 8.5, role, align="right")
        y += c.line_height(8.5) + 1
        c.line(x, y, x + w, y, 0.25, dash=0.8)
        y += 2
        for label, qty, price, amount in lines:
            c.text(x, y, label[:28], 8.5, role)
            y += c.line_height(8.5)
            c.text(x + 6, y, f"{qty} x {ctx.amount(price)}", 8.5, role)
            c.text(x + w, y, ctx.amount(amount), 8.5, role, align="right")
            y += c.line_height(8.5) + 0.6
        c.line(x, y, x + w, y, 0.25, dash=0.8)
        y += 2
        c.text(x, y, ctx.word("pharmacy_total"), 10, role, True)
        c.text(x + w, y, ctx.amount(total), 10, role, True, "right")
        y += c.line_height(10) + 1
        extra = []
        if rng.random() < 0.4:
            amo = (total * Decimal("0.65")).quantize(Decimal("0.01"))
            extra += [(ctx.word("part_amo"), amo), (ctx.word("rest"), total - amo)]
        pay = total if not extra else extra[-1][1]
        extra.append((rng.choice(("CB", "Carte bancaire", "Espèces")), pay))
        extra.append(("dont TVA", (total * Decimal("0.021")).quantize(Decimal("0.01"))))
        for label, amount in extra:
            c.text(x, y, label, 8.5, role)
            c.text(x + w, y, ctx.amount(amount), 8.5, role, align="right")
            y += c.line_height(8.5)
        y += 3
        c.text(40, y, rng.choice(("Merci de votre visite", "À bientôt !", "Conservez ce ticket")), 8, role, align="center")
    else:
        c = Canvas(ctx.font, ctx.dpi)
        margin = rng.uniform(12, 20)
        lh = [(name, 14, True), (street, 9, False), (city, 9, False), (f"Tél. {values.phone(rng)}", 9, False)]
        if rng.random() < 0.5:
            lh.append((f"N° FINESS {rng.randint(10, 99)}{rng.randint(1000000, 9999999)}", 8.5, False))
        area = letterhead(c, lh, ctx.letterhead, margin)
        y = area.y
        c.text(area.x, y, ctx.word("pharmacy_title"), 14, bold=True)
        y += c.line_height(14) + 3
        patient = values.person(rng, when, 1, 90)
        y = fields_block(c, [Field(ctx.word("receipt_date"), f"{ctx.date(when)} {time_of_day}"),
                             Field(ctx.word("invoice_client"), ctx.name(patient))], ctx.arrangement, area, y, 10)
        rows = [[label, str(qty), ctx.amount(price), ctx.amount(amount)] for label, qty, price, amount in lines]
        y = table(c, [Col(ctx.word("col_designation"), 7), Col(ctx.word("col_qty"), 1.3, "right"),
                      Col(ctx.word("col_unit"), 2.5, "right"), Col(ctx.word("col_total"), 2.5, "right")],
                  rows, ctx.table, area, y, 9.5)
        rows = [(ctx.word("pharmacy_total"), ctx.amount(total), True)]
        if rng.random() < 0.4:
            amo = (total * Decimal("0.65")).quantize(Decimal("0.01"))
            rows += [(ctx.word("part_amo"), ctx.amount(amo), False), (ctx.word("rest"), ctx.amount(total - amo), False)]
        totals_block(c, ctx, area, y, rows)
    ctx.facts.update(lines=[line[3] for line in lines], date=when)
    return [c], {"supplier": name, "date": when.isoformat(), "total_amount": f"{total:.2f}"}
