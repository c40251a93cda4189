"""Care sheets and prescriptions."""

from __future__ import annotations

from datetime import timedelta

from tools.intake_corpus import ids, values
from tools.intake_corpus.blocks import Area, Col, Field, fields_block, paragraph, table
from tools.intake_corpus.canvas import Canvas, stamp
from tools.intake_corpus.letterheads import letterhead
from tools.intake_corpus.style import DATA, Ctx


def heading(c: Canvas, ctx: Ctx, area: Area, y: float, text: str, size: float = 10) -> float:
    """A section heading; often a short capitalised phrase a careless reader takes for a name."""
    if ctx.arrangement in ("grid", "header_row") or ctx.rng.random() < 0.4:
        c.rect(area.x, y, area.w, c.line_height(size) + 1.6, outline=None, fill=215)
        c.text(area.x + 2, y + 0.8, text, size, bold=True)
    else:
        c.text(area.x, y, text, size, bold=True)
        c.line(area.x, y + c.line_height(size), area.x + c.width_of(text, size, bold=True), y + c.line_height(size), 0.3)
    return y + c.line_height(size) + 3


def nir_boxes(c: Canvas, area: Area, y: float, label: str, nir: str | None, size: float, hand: bool) -> float:
    c.text(area.x, y, label, size * 0.85)
    y += c.line_height(size * 0.85) + 0.5
    cell = min(6.0, (area.w - 8) / 16)
    x = area.x
    for i in range(15):
        if i == 13:
            x += cell * 0.8
        c.rect(x, y, cell, cell * 1.25, 0.3)
        if nir:
            c.text(x + cell / 2, y + cell * 0.2, nir[i] if i != 5 or nir[5:7] not in ("2A", "2B") else nir[i],
                   size, "hand" if hand else "body", align="center")
        x += cell
    return y + cell * 1.25 + 3


def practitioner_lines(ctx: Ctx, pro, specialty: str, with_rpps: str | None, am: str | None) -> list:
    rng = ctx.rng
    street, city, _ = values.address(rng)
    lines = [(ctx.doctor(pro), rng.choice((12, 13, 14)), True), (specialty, 9.5, False), (street, 9, False),
             (city, 9, False)]
    if rng.random() < 0.7:
        lines.append((f"Tél. {values.phone(rng)}", 9, False))
    if with_rpps:
        lines.append((f"{ctx.word('rpps')} {with_rpps}", 9, False))
    if am:
        lines.append((f"{ctx.word('am_number')} {am}", 9, False))
    return lines


def care_sheet(ctx: Ctx) -> tuple[list[Canvas], dict]:
    rng = ctx.rng
    c = Canvas(ctx.font, ctx.dpi)
    margin = rng.uniform(12, 20)
    first = values.doc_date(rng)
    n_acts = rng.choice((1, 1, 2, 2, 3, 4))
    dates = [first]
    for _ in range(n_acts - 1):
        dates.append(min(values.LATEST, dates[-1] + timedelta(days=rng.randint(1, 9))))
    acts = [rng.choice(DATA["care_acts"]) for _ in dates]
    amounts = [values.money(a[1]) for a in acts]
    total = sum(amounts, values.money(0))
    patient = values.person(rng, first, 0, 92)
    distinct_assure = patient.birth > first - timedelta(days=16 * 365) and rng.random() < 0.7 or rng.random() < 0.1
    assure = values.person(rng, first, 22, 70, last=patient.last) if distinct_assure else patient
    city, dept, _ = values.place(rng)
    nir = ids.nir(rng, assure.sex, assure.birth, dept)
    nir_printed = rng.random() > 0.1
    birth_printed = rng.random() > 0.1
    signed = rng.random() < 0.7
    hand = ctx.font.hand is not None

    pro = values.person(rng, first, 28, 66)
    am = "".join(rng.choice("0123456789") for _ in range(9))
    pro_lines = practitioner_lines(ctx, pro, rng.choice(DATA["specialties"]), None, am)
    lines_city = pro_lines[3][0]
    area = letterhead(c, pro_lines, ctx.letterhead, margin)
    y = area.y
    title = ctx.word("care_title")
    c.text(area.x + area.w / 2, y, title, c.fit(title, area.w, 15, bold=True), bold=True, align="center")
    y += c.line_height(15) + 1
    if rng.random() < 0.5:
        c.text(area.x + area.w, y, "cerfa n° 12541*02", 7.5, align="right", fill=60)
    y += 4

    blocks = []
    if distinct_assure:
        blocks.append(("assure", [Field(ctx.word("assure"), ctx.name(assure), hand)]))
    pf = [Field(ctx.word("patient"), ctx.name(patient), hand)]
    pf.append(Field(ctx.word("birth"), ctx.birth(patient.birth) if birth_printed else "", hand))
    if rng.random() < 0.5:
        street, pc, _ = values.address(rng)
        pf.append(Field("Adresse", f"{street}, {pc}", hand))
    if len(pf) > 2 and rng.random() < 0.5:
        rng.shuffle(pf)
    blocks.append(("patient", pf))
    boxes = ctx.choices["nir_format"] == "boxes"
    nir_label = ctx.word("nir")
    nir_field = Field(nir_label, ctx.nir(nir) if nir_printed else "", hand)
    if rng.random() < 0.5:
        blocks.reverse()
    heading_text = ctx.word("heading_patient")
    for i, (who, fields) in enumerate(blocks):
        if i == 0 or rng.random() < 0.6:
            y = heading(c, ctx, area, y, heading_text if who == "patient" else ctx.word("heading_patient"))
        with_nir = (who == "assure") or not distinct_assure
        if with_nir and not boxes:
            fields = fields + [nir_field]
        y = fields_block(c, fields, ctx.arrangement, area, y, 10, ctx.choices["two_columns"], ctx.colon)
        if with_nir and boxes:
            y = nir_boxes(c, area, y, nir_label, nir if nir_printed else None, 11, hand)
        y += 2

    if rng.random() < 0.5:
        y = paragraph(c, f"{ctx.word('prescription_ref')} {ctx.date(first - timedelta(days=rng.randint(3, 40)))}"
                         f" — {ctx.doctor(values.person(rng, first, 30, 65))}", area, y, 9, fill=40)
    y += 2
    cols = [Col(ctx.word("acts_date"), 3), Col(ctx.word("acts_code"), 4), Col(ctx.word("acts_amount"), 3, "right")]
    rows = [[ctx.date(d), a[0], ctx.amount(m)] for d, a, m in zip(dates, acts, amounts)]
    if rng.random() < 0.5:  # the empty rows of a paper form
        rows += [["", "", ""] for _ in range(rng.randint(1, 3))]
    y = table(c, cols, rows, ctx.table, area, y, 10, hand=hand and rng.random() < 0.7)
    if rng.random() < 0.5:
        y = checkboxes(c, ctx, area, y, first)
    label = ctx.word("care_total")
    c.text(area.x + area.w * 0.45, y, f"{label} :", 11, bold=True)
    c.text(area.x + area.w - 1.5, y, ctx.amount(total), 11, "hand" if hand else "body", bold=not hand, align="right")
    y += c.line_height(11) + 3
    if rng.random() < 0.4:
        c.text(area.x, y, f"{ctx.word('edition_date')} {ctx.date(values.day_between(rng, first, values.LATEST))}", 8,
               fill=60)
        y += c.line_height(8) + 2
    # Signature boxes: the practitioner's always signed, the patient's only when signed.
    bw = (area.w - 6) / 2
    bh = 26
    y = min(max(y + 4, area.y), area.bottom - bh - 2)
    order = [("pro", ctx.word("signature_practitioner")), ("patient", ctx.word("signature_patient"))]
    if rng.random() < 0.5:
        order.reverse()
    for j, (who, lbl) in enumerate(order):
        bx = area.x + j * (bw + 6)
        c.rect(bx, y, bw, bh, 0.4)
        c.text(bx + 2, y + 1.5, lbl, c.fit(lbl, bw - 4, 8.5), fill=40)
        if who == "pro" and rng.random() < 0.5:
            stamp(c, bx + 3, y + 6, [ctx.doctor(pro), lines_city, f"{ctx.word('am_number')} {am}"], rng)
        if who == "pro" or signed:
            c.scribble(bx + bw * 0.2, y + 8, bw * rng.uniform(0.45, 0.65), bh - 12, rng)
    ctx.facts.update(lines=amounts, act_dates=dates, birth=patient.birth, assure_birth=assure.birth,
                     nir=nir)
    truth = {"patient_name": patient.truth, "nir": nir if nir_printed else None,
             "birth_date": patient.birth.isoformat() if birth_printed else None, "signed": signed,
             "care_date": first.isoformat(), "total_amount": f"{total:.2f}"}
    return [c], truth


def prescription(ctx: Ctx) -> tuple[list[Canvas], dict]:
    rng = ctx.rng
    c = Canvas(ctx.font, ctx.dpi, 210, rng.choice((297, 297, 210)))  # A4 or A5-landscape-high
    margin = rng.uniform(12, 20)
    when = values.doc_date(rng)
    pro = values.person(rng, when, 28, 66)
    has_rpps = rng.random() > 0.15
    rpps = ids.rpps(rng) if has_rpps else None
    am = "".join(rng.choice("0123456789") for _ in range(9)) if (not has_rpps or rng.random() < 0.5) else None
    lines = practitioner_lines(ctx, pro, rng.choice(DATA["specialties"]), rpps, am)
    area = letterhead(c, lines, ctx.letterhead, margin)
    y = area.y
    city = lines[3][0].split(" ", 1)[1]
    patient = values.person(rng, when, 0, 92)
    birth_mode = rng.choice(("date", "date", "age", "none"))
    hand = ctx.font.hand is not None

    # date line, on the right
    if rng.random() < 0.4:
        dtext = f"{city}, le {ctx.date(when)}"
    else:
        word = ctx.word("presc_date")
        dtext = f"{word} {ctx.date(when)}" if word.endswith((" le", " du", "Le")) else f"{word} : {ctx.date(when)}"
    date_at_foot = rng.random() < 0.25
    date_role = "hand" if hand and rng.random() < 0.5 else "body"
    if not date_at_foot:
        c.text(area.x + area.w, y, dtext, 10, date_role, align="right")
        y += c.line_height(10) + 4
    if rng.random() < 0.4:
        y = heading_small(c, area, y, ctx.word("heading_patient"))
    pf = [Field(ctx.word("patient"), ctx.name(patient), hand)]
    if birth_mode == "date":
        pf.append(Field(ctx.word("birth"), ctx.birth(patient.birth), hand))
    elif birth_mode == "age":
        pf.append(Field("Âge", f"{values.age_on(patient.birth, when)} ans", hand))
    if rng.random() < 0.3:
        pf.append(Field("Poids", f"{rng.randint(12, 95)} kg", hand))
    if rng.random() < 0.5:
        y = fields_block(c, pf, ctx.arrangement, Area(area.x, y, min(area.w, 120), area.bottom), y, 10.5,
                           colon=ctx.colon)
    else:  # just the name (and birth) on a line, as most prescriptions do
        text = ctx.name(patient)
        if birth_mode == "date":
            text += f"  ({ctx.word('birth').lower()} {ctx.birth(patient.birth)})"
        elif birth_mode == "age":
            text += f", {values.age_on(patient.birth, when)} ans"
        c.text(area.x, y, text, 11, "hand" if hand else "body", bold=not hand)
        y += c.line_height(11) + 3
    title = ctx.word("presc_title") if rng.random() < 0.75 else None
    if title:
        y += 2
        c.text(area.x + area.w / 2, y, title, 15, bold=True, align="center")
        y += c.line_height(15) + 4
    n = rng.randint(1, 5)
    drugs = rng.sample(DATA["drugs"], n)
    ald = rng.random() < 0.25 and n >= 2
    bullet = rng.choice(("", "- ", "• ", "num"))
    details = rng.random() < 0.75
    item_role = "hand" if hand and rng.random() < 0.6 else "body"
    sections = [(None, drugs)]
    if ald:
        k = rng.randint(1, n - 1)
        sections = [(ctx.word("ald_top"), drugs[:k]), (ctx.word("ald_bottom"), drugs[k:])]
    items = []
    num = 0
    for si, (head, section) in enumerate(sections):
        if head:
            if si == 1:
                c.line(area.x, y, area.x + area.w, y, 0.5)
                y += 2
            c.rect(area.x, y, area.w, c.line_height(9) * 2 + 2, 0.3)
            y = paragraph(c, head, Area(area.x + 2, y, area.w - 4, area.bottom), y + 1, 9) + 2
        for designation, detail in section:
            num += 1
            prefix = f"{num}. " if bullet == "num" else bullet
            c.text(area.x + 4, y, prefix + designation, c.fit(prefix + designation, area.w - 6, 11, item_role), item_role)
            items.append(designation)
            y += c.line_height(11) + 0.5
            if details:
                c.text(area.x + 12, y, detail, c.fit(detail, area.w - 14, 9.5, item_role), item_role, fill=40)
                y += c.line_height(9.5) + 0.5
            y += 2
        y += 3
    if rng.random() < 0.4:
        c.text(area.x + 4, y, ctx.word("renewal", n=rng.randint(1, 5)), 10, item_role)
        y += c.line_height(10) + 2
    sy = min(y + 5, c.height - margin - 30)
    if date_at_foot:  # "Fait à ..., le ..." above the signature
        c.text(area.x + area.w * 0.55, sy, dtext, 10, date_role)
        sy += c.line_height(10) + 2
    c.scribble(area.x + area.w * 0.6, sy, area.w * 0.3, 14, rng)
    if rng.random() < 0.35:
        stamp(c, area.x + area.w * 0.5, sy + 4, [lines[0][0], lines[2][0], lines[3][0]], rng)
    if rng.random() < 0.5:
        c.text(area.x, c.height - margin - 6, rng.choice((
            "En cas d'urgence, composez le 15", "Conventionné secteur 1 — carte Vitale acceptée",
            "Membre d'une association de gestion agréée : règlement par chèque accepté",
            "Consultations sur rendez-vous du lundi au vendredi")), 7.5, fill=60)
    ctx.facts.update(birth=patient.birth, date=when)
    truth = {"date": when.isoformat(), "prescriber_name": pro.truth, "prescriber_rpps": rpps,
             "patient_name": patient.truth,
             "patient_birth_date": patient.birth.isoformat() if birth_mode == "date" else None,
             "ald": ald, "items": items}
    return [c], truth


def checkboxes(c: Canvas, ctx: Ctx, area: Area, y: float, when) -> float:
    """The tick boxes of a paper form, one of them sometimes with a date beside it."""
    rng = ctx.rng
    options = [("Accident causé par un tiers", True), ("Soins en rapport avec une ALD", False),
               ("Maternité", False), ("Accident du travail / maladie professionnelle", True),
               ("L'assuré n'a pas payé la part obligatoire", False), ("Parcours de soins : médecin traitant", False)]
    x = area.x
    for label, dated in rng.sample(options, rng.randint(2, 4)):
        ticked = rng.random() < 0.25
        c.rect(x, y + 0.6, 3, 3, 0.3)
        if ticked:
            c.line(x + 0.5, y + 1.1, x + 2.5, y + 3.1, 0.35)
            c.line(x + 2.5, y + 1.1, x + 0.5, y + 3.1, 0.35)
        text = label
        if dated and ticked:
            text += f"  — date : {ctx.date(when - timedelta(days=rng.randint(5, 90)))}"
        c.text(x + 5, y, text, 8.5)
        y += c.line_height(8.5) + 1
    return y + 2


def heading_small(c: Canvas, area: Area, y: float, text: str) -> float:
    c.text(area.x, y, text, 8.5, bold=True, fill=50)
    return y + c.line_height(8.5) + 1
