"""Attestations de droits, mutuelle (tiers payant) cards, and unrelated letters."""

from __future__ import annotations

from datetime import date, timedelta
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


def rights_certificate(ctx: Ctx) -> tuple[list[Canvas], dict]:
    rng = ctx.rng
    c = Canvas(ctx.font, ctx.dpi)
    margin = rng.uniform(12, 20)
    when = values.doc_date(rng)
    caisse = rng.choice(DATA["caisses"])
    street, city, dept = values.address(rng)
    lines = [("l'Assurance Maladie" if caisse.startswith("CPAM") else caisse.split(" ")[0], 15, True),
             (caisse.upper() if rng.random() < 0.5 else caisse, 10, True), (street, 9, False), (city, 9, False)]
    if rng.random() < 0.5:
        lines.append(("Tél. 36 46 (service gratuit + prix d'un appel)", 8.5, False))
    area = letterhead(c, lines, ctx.letterhead, margin)
    y = area.y
    title = ctx.word("rights_title")
    c.text(area.x + area.w / 2, y, title, c.fit(title, area.w, 14, bold=True), bold=True, align="center")
    y += c.line_height(14) + 2
    c.text(area.x + area.w, y, f"{ctx.word('edition_date')} {ctx.date(when)}", 9, align="right", fill=40)
    y += c.line_height(9) + 4
    assure = values.person(rng, when, 18, 88)
    nir = ids.nir(rng, assure.sex, assure.birth, dept)
    fields = [Field(ctx.word("assure") if rng.random() < 0.6 else ctx.word("patient"), ctx.name(assure)),
              Field(ctx.word("nir"), ctx.nir(nir) if ctx.choices["nir_format"] != "boxes" else nir),
              Field(ctx.word("birth"), ctx.birth(assure.birth))]
    if rng.random() < 0.5:
        rng.shuffle(fields)
    fields.append(Field(ctx.word("caisse"), caisse))
    if rng.random() < 0.5:
        fields.append(Field("Code organisme", f"{rng.randint(1, 3):02d} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"))
    y = fields_block(c, fields, ctx.arrangement, area, y, 10.5, ctx.choices["two_columns"], ctx.colon) + 2
    start = date(when.year, 1, 1) if rng.random() < 0.5 else when - timedelta(days=rng.randint(30, 300))
    end = start + timedelta(days=rng.choice((364, 365 * 2, 547)))
    y = paragraph(c, ctx.word("rights_period", a=ctx.date(start), b=ctx.date(end)), area, y, 10) + 2
    if rng.random() < 0.6:
        kids = [values.person(rng, when, 0, 17, last=assure.last) for _ in range(rng.randint(1, 3))]
        y = paragraph(c, ctx.word("beneficiaries"), area, y, 10.5)
        rows = [[ctx.name(k), ctx.birth(k.birth), str(i + 1)] for i, k in enumerate(kids)]
        y = table(c, [Col("Nom", 6), Col(ctx.word("birth"), 4), Col("Rang", 1.5, "center")], rows, ctx.table, area, y, 9.5)
    if rng.random() < 0.5:
        y = paragraph(c, rng.choice((
            "Ce document atteste de vos droits à la date d'édition. Il ne remplace pas la carte Vitale.",
            "Présentez cette attestation à votre professionnel de santé si vous n'avez pas votre carte Vitale.",
            "Exonération du ticket modérateur : non. Complémentaire santé solidaire : non.")), area, y + 4, 9, fill=50)
    ctx.facts.update(date=when, birth=assure.birth, nir=nir, assure_birth=assure.birth)
    pages = [c]
    if rng.random() < 0.2:
        pages.append(Canvas(ctx.font, ctx.dpi))
        text_page(pages[1], "Informations utiles", rng.sample(TERMS[3:], 3), margin, "Page 2")
    return pages, {"patient_name": assure.truth, "nir": nir, "birth_date": assure.birth.isoformat(), "caisse": caisse}


def mutuelle_card(ctx: Ctx) -> tuple[list[Canvas], dict]:
    rng = ctx.rng
    when = values.doc_date(rng)
    org = rng.choice(DATA["mutuelles"])
    member = values.person(rng, when, 18, 85)
    number = rng.choice((lambda: f"{rng.randint(10**7, 10**10 - 1)}",
                         lambda: f"{rng.choice('ABCDEFGHMPRS')}{rng.choice('ABCDEFGHMPRS')}{rng.randint(100000, 9999999)}"))()
    amc = f"{rng.randint(10**7, 10**8 - 1)}" if rng.random() < 0.8 else f"{rng.randint(10**8, 10**9 - 1)}"
    on_page = rng.random() < 0.35
    scale = rng.uniform(1.4, 1.9) if not on_page else 1.5
    cw, ch = 85.6 * scale, 54 * scale
    if on_page:
        c = Canvas(ctx.font, ctx.dpi)
        ox, oy = rng.uniform(15, 40), rng.uniform(15, 60)
    else:
        c = Canvas(ctx.font, ctx.dpi, cw + 6, ch + 6)
        ox, oy = 3, 3
    s = scale
    c.rect(ox, oy, cw, ch, 0.5)
    c.rect(ox, oy, cw, 11 * s, outline=None, fill=rng.choice((70, 110, 200, 225)))
    dark = c.ops[-1][7] < 150
    c.text(ox + 3 * s, oy + 2 * s, org, c.fit(org, cw * 0.7, 9 * s, bold=True), bold=True, fill=255 if dark else 0)
    title = ctx.word("card_title")
    c.text(ox + cw - 3 * s, oy + 6.5 * s, title, c.fit(title, cw * 0.45, 4.6 * s), align="right", fill=255 if dark else 0)
    area = Area(ox + 3 * s, oy + 13 * s, cw - 6 * s, oy + ch - 2 * s)
    start = date(when.year, 1, 1)
    end = date(when.year, 12, 31)
    fields = [Field(ctx.word("member"), ctx.name(member)), Field(ctx.word("member_number"), number),
              Field(ctx.word("amc_number"), amc)]
    rng.shuffle(fields)
    arrangement = ctx.arrangement if ctx.arrangement in ("beside", "columns", "dotted", "above", "caption_below",
                                                         "rule_split", "leaders") else (
        {"boxed": "columns", "grid": "dotted", "header_row": "dotted"}[ctx.arrangement])
    y = fields_block(c, fields, arrangement, area, area.y, 5.2 * s, colon=ctx.colon)
    c.text(area.x, y, ctx.word("validity", a=ctx.date(start), b=ctx.date(end)), 4.3 * s)
    y += c.line_height(4.3 * s) + 1
    if rng.random() < 0.6:
        people = [values.person(rng, when, 0, 80, last=member.last) for _ in range(rng.randint(1, 3))]
        rows = [[ctx.name(p), ctx.birth(p.birth)] for p in people]
        # Only the rows whose text ends above the card's line of codes (a row's bottom padding may
        # run under it; the header takes one row).
        row_h = c.line_height(4.2 * s) + 2.4
        rows = rows[:max(0, int((area.bottom - c.line_height(4 * s) - y + 2.4) / row_h) - 1)]
        if rows:
            y = table(c, [Col(ctx.word("beneficiaries"), 3), Col(ctx.word("birth"), 2)], rows, "plain",
                      Area(area.x, y, area.w * 0.75, area.bottom), y, 4.2 * s)
    codes = "  ".join(f"{k} {v}" for k, v in rng.sample(
        [("PHAR", "100%"), ("OPTI", "150€"), ("DENT", "125%"), ("HOSP", "100%"), ("SVIL", "100%"), ("LABO", "100%"), ("AUDI", "400€")], 4))
    c.text(area.x, min(y, area.bottom - c.line_height(4 * s)), codes, 4 * s, "mono")
    if on_page and rng.random() < 0.5:
        c.text(ox, oy + ch + 8, "Copie de la carte de tiers payant jointe au dossier", 9, fill=80)
    ctx.facts.update(date=when, birth=member.birth)
    return [c], {"patient_name": member.truth, "member_number": number, "amc_number": amc, "organisation": org}


LETTER_BODY = [
    "Nous vous informons que votre dossier a bien été mis à jour le {d1}. Aucune démarche supplémentaire n'est nécessaire de votre part.",
    "Le montant de {a1} sera prélevé sur votre compte à partir du {d2}, puis chaque mois à la même date.",
    "Pour toute question, notre service clients est joignable du lundi au vendredi de 9 h à 18 h au {phone}.",
    "Nous vous remercions de bien vouloir nous retourner le coupon ci-joint avant le {d2}, accompagné d'un règlement de {a1}.",
    "La réunion d'information aura lieu le {d1} à 18 h 30 dans la salle polyvalente.",
    "Votre échéancier pour l'année comporte dix mensualités de {a1}, soit un total de {a2}.",
    "Nous restons à votre disposition pour tout renseignement complémentaire.",
]


def other(ctx: Ctx) -> tuple[list[Canvas], dict]:
    """Not a health paper: a letter, or now and then a shop's till ticket (a receipt that is none)."""
    if ctx.rng.random() < 0.3:
        return shop_ticket(ctx)
    return letter(ctx)


def shop_ticket(ctx: Ctx) -> tuple[list[Canvas], dict]:
    rng = ctx.rng
    when = values.doc_date(rng)
    shop = rng.choice(DATA["shops"])
    street, city, _ = values.address(rng)
    items = [rng.choice(DATA["shop_products"]) for _ in range(rng.randint(2, 7))]
    c = Canvas(ctx.font, ctx.dpi, 80, 80 + 8 * len(items))
    role = "mono" if rng.random() < 0.7 else "body"
    x, w, y = 4, 72, 6
    c.text(40, y, shop, c.fit(shop, 72, 11, role, True), role, True, "center")
    y += c.line_height(11)
    for t in (street, city, f"SIRET {ids.siret(rng)}"):
        c.text(40, y, t, 8, role, align="center")
        y += c.line_height(8)
    y += 2
    c.text(x, y, f"{ctx.date(when)}  {rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}", 8.5, role)
    y += c.line_height(8.5) + 1
    total = Decimal("0.00")
    for label, price in items:
        amount = values.money(price)
        total += amount
        c.text(x, y, label, 8.5, role)
        c.text(x + w, y, ctx.amount(amount), 8.5, role, align="right")
        y += c.line_height(8.5) + 0.4
    c.line(x, y, x + w, y, 0.25, dash=0.8)
    y += 2
    c.text(x, y, "TOTAL", 10, role, True)
    c.text(x + w, y, ctx.amount(total), 10, role, True, "right")
    y += c.line_height(10) + 1
    c.text(x, y, rng.choice(("CB sans contact", "Espèces", "Ticket restaurant")), 8.5, role)
    c.text(x + w, y, ctx.amount(total), 8.5, role, align="right")
    y += c.line_height(8.5) + 3
    c.text(40, y, rng.choice(("Merci et à bientôt", "Bonne journée !")), 8, role, align="center")
    ctx.facts.update(date=when)
    return [c], {}


def letter(ctx: Ctx) -> tuple[list[Canvas], dict]:
    rng = ctx.rng
    c = Canvas(ctx.font, ctx.dpi)
    margin = rng.uniform(15, 22)
    when = values.doc_date(rng)
    sender, subject = rng.choice(DATA["letter_senders"])
    street, city, _ = values.address(rng)
    area = letterhead(c, [(sender, 14, True), (street, 9, False), (city, 9, False)], ctx.letterhead, margin)
    y = area.y + 4
    who = values.person(rng, when, 20, 85)
    rstreet, rcity, _ = values.address(rng)
    rx = area.x + area.w * 0.55
    for t in (ctx.name(who), rstreet, rcity):
        c.text(rx, y, t, 10.5)
        y += c.line_height(10.5)
    y += 6
    c.text(area.x + area.w, y, f"{city.split(' ', 1)[1]}, le {ctx.date(when)}", 10, align="right")
    y += c.line_height(10) + 6
    c.text(area.x, y, f"{ctx.word('letter_object')} : {subject}", 10.5, bold=True)
    y += c.line_height(10.5) + 5
    y = paragraph(c, ctx.word("letter_greeting"), area, y, 10.5) + 2
    a1 = values.money(rng.randint(500, 20000) / 100)
    fill = {"d1": ctx.date(when + timedelta(days=rng.randint(3, 30))), "d2": ctx.date(when + timedelta(days=rng.randint(10, 60))),
            "a1": ctx.amount(a1), "a2": ctx.amount(a1 * Decimal(10)), "phone": values.phone(rng)}
    for text in rng.sample(LETTER_BODY, rng.randint(2, 4)):
        y = paragraph(c, text.format(**fill), area, y, 10.5) + 2
    y = paragraph(c, "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.", area, y + 2, 10.5)
    c.scribble(area.x + area.w * 0.6, y + 5, area.w * 0.25, 12, rng)
    c.text(area.x + area.w * 0.6, y + 20, "Le service clients", 9.5)
    pages = [c]
    if rng.random() < 0.2:
        pages.append(Canvas(ctx.font, ctx.dpi))
        text_page(pages[1], subject, [t.format(**fill) for t in rng.sample(LETTER_BODY, 3)], margin, "2")
    return pages, {}
