"""Layout pieces shared by every kind: a block of labelled fields in one of the arrangements, a
table in one of the table styles, and free paragraphs (letterheads are in letterheads.py)."""

from __future__ import annotations

from dataclasses import dataclass

from tools.intake_corpus.canvas import Canvas


@dataclass
class Field:
    label: str
    value: str
    hand: bool = False  # filled in by hand (when the document has a handwriting face)


@dataclass
class Area:
    x: float
    y: float
    w: float
    bottom: float  # lowest y the content may use


def value_role(f: Field) -> str:
    return "hand" if f.hand else "body"


def fields_block(c: Canvas, fields: list[Field], arrangement: str, area: Area, y: float, size: float = 10,
                 two_columns: bool = False, colon: str = " :") -> float:
    """Draw labelled values; return the y below them."""
    if two_columns and len(fields) > 2:
        half = (len(fields) + 1) // 2
        gap = 6
        w = (area.w - gap) / 2
        left = Area(area.x, area.y, w, area.bottom)
        right = Area(area.x + w + gap, area.y, w, area.bottom)
        y1 = fields_block(c, fields[:half], arrangement, left, y, size, False, colon)
        y2 = fields_block(c, fields[half:], arrangement, right, y, size, False, colon)
        return max(y1, y2)
    x, w = area.x, area.w
    lh = c.line_height(size)
    if arrangement == "beside":
        for f in fields:
            label = f"{f.label}{colon} "
            lw = c.width_of(label, size)
            c.text(x, y, label, size)
            vs = c.fit(f.value, w - lw, size + 0.5, value_role(f), bold=not f.hand)
            c.text(x + lw, y - (0.6 if f.hand else 0), f.value, vs, value_role(f), bold=not f.hand)
            y += lh + 1.2
        return y + 2
    if arrangement == "above":
        small = size * 0.72
        for f in fields:
            c.text(x, y, f.label.upper(), small, fill=70)
            y += c.line_height(small)
            vs = c.fit(f.value, w, size + 1, value_role(f))
            c.text(x, y, f.value, vs, value_role(f))
            y += c.line_height(size + 1) + 2
        return y + 1
    if arrangement == "boxed":
        small = size * 0.7
        h = c.line_height(small) + c.line_height(size + 1) + 2.5
        for f in fields:
            c.rect(x, y, w, h, 0.35)
            c.text(x + 1.5, y + 1, f.label, small, fill=50)
            vs = c.fit(f.value, w - 6, size + 1, value_role(f))
            c.text(x + 4, y + 1.2 + c.line_height(small), f.value, vs, value_role(f))
            y += h + 1.5
        return y + 2
    if arrangement == "columns":
        col = min(max(c.width_of(f.label, size) for f in fields) + 8, w * 0.45)
        for f in fields:
            ls = c.fit(f.label, col - 3, size)
            c.text(x, y, f.label, ls, fill=30)
            vs = c.fit(f.value, w - col, size, value_role(f), bold=not f.hand)
            c.text(x + col, y, f.value, vs, value_role(f), bold=not f.hand)
            y += lh + 1.5
        return y + 2
    if arrangement == "grid":
        col = w * 0.38
        h = lh + 3
        for f in fields:
            c.rect(x, y, col, h, 0.3, fill=236)
            c.rect(x + col, y, w - col, h, 0.3)
            c.text(x + 2, y + 1.5, f.label, c.fit(f.label, col - 4, size * 0.9), bold=True)
            c.text(x + col + 3, y + 1.5, f.value, c.fit(f.value, w - col - 6, size, value_role(f)), value_role(f))
            y += h
        return y + 4
    if arrangement == "dotted":
        for f in fields:
            label = f"{f.label}{colon}"
            lw = c.width_of(label, size)
            c.text(x, y, label, size)
            base = y + c.line_height(size) * 0.78
            c.line(x + lw + 1, base, x + w, base, 0.25, fill=60, dash=0.6)
            vs = c.fit(f.value, w - lw - 5, size + 1, value_role(f))
            c.text(x + lw + 4, y - 0.8, f.value, vs, value_role(f))
            y += lh + 3
        return y + 1
    if arrangement == "header_row":
        per = 3 if w > 120 else 2
        small = size * 0.8
        for i in range(0, len(fields), per):
            row = fields[i:i + per]
            cw = w / len(row)
            hh, vh = c.line_height(small) + 2, c.line_height(size) + 3
            for j, f in enumerate(row):
                cx = x + j * cw
                c.rect(cx, y, cw, hh, 0.3, fill=225)
                c.text(cx + 1.5, y + 1, f.label, c.fit(f.label, cw - 3, small, bold=True), bold=True)
                c.rect(cx, y + hh, cw, vh, 0.3)
                c.text(cx + 2, y + hh + 1.5, f.value, c.fit(f.value, cw - 4, size, value_role(f)), value_role(f))
            y += hh + vh + 2
        return y + 2
    if arrangement == "caption_below":
        # The value on a rule, its label as a small capitals caption under the rule.
        small = size * 0.68
        for f in fields:
            vs = c.fit(f.value, w - 2, size + 1, value_role(f))
            c.text(x + 1, y, f.value, vs, value_role(f))
            y += c.line_height(size + 1) + 0.8  # room for a handwritten value's descenders
            c.line(x, y, x + w, y, 0.25, fill=40)
            y += 0.8
            c.text(x, y, f.label.upper(), c.fit(f.label.upper(), w, small), fill=60)
            y += c.line_height(small) + 2.2
        return y + 1
    if arrangement == "rule_split":
        # Two columns parted by a vertical rule, the labels set flush right against it.
        ls0 = size * 0.9
        col = min(max(c.width_of(f.label, ls0) for f in fields) + 6, w * 0.45)
        top = y
        for f in fields:
            c.text(x + col - 2.5, y + 0.4, f.label, c.fit(f.label, col - 4, ls0), align="right", fill=40)
            vs = c.fit(f.value, w - col - 4, size, value_role(f), bold=not f.hand)
            c.text(x + col + 2.5, y, f.value, vs, value_role(f), bold=not f.hand)
            y += lh + 1.8
        c.line(x + col, top - 1, x + col, y - 1, 0.35)
        return y + 2
    if arrangement == "leaders":
        # "Label ........: value", the leader dots printed as text, the value flush right.
        for f in fields:
            bold = not f.hand
            vs = c.fit(f.value, w * 0.6, size + 0.5, value_role(f), bold) if f.value else size
            vw = c.width_of(f.value, vs, value_role(f), bold) if f.value else 0.0
            head = f"{f.label} "
            ls = c.fit(head, max(w - vw - 12, w * 0.3), size)
            room = w - vw - 2 - c.width_of(head, ls)
            n = max(3, int(room / c.width_of(".", ls)))
            while n > 3 and c.width_of(head + "." * n + ":", ls) > w - vw - 2:
                n -= 1
            c.text(x, y, head + "." * n + ":", ls)
            c.text(x + w, y, f.value, vs, value_role(f), bold, align="right")
            y += lh + 1.4
        return y + 2
    raise ValueError(arrangement)


@dataclass
class Col:
    header: str
    width: float  # share of the table width
    align: str = "left"


def table(c: Canvas, cols: list[Col], rows: list[list[str]], style: str, area: Area, y: float,
          size: float = 9.5, hand: bool = False) -> float:
    """Draw a table; return the y below it. Column widths are shares of the area width."""
    total = sum(col.width for col in cols)
    widths = [area.w * col.width / total for col in cols]
    xs = [area.x]
    for wd in widths[:-1]:
        xs.append(xs[-1] + wd)
    lh = c.line_height(size) + 2.4
    x0, x1 = area.x, area.x + area.w
    top = y

    def cell_text(i: int, text: str, yy: float, bold: bool = False, fill: int = 0, role: str = "body") -> None:
        col = cols[i]
        s = c.fit(text, widths[i] - 3, size, role, bold)
        if col.align == "right":
            c.text(xs[i] + widths[i] - 1.5, yy, text, s, role, bold, "right", fill)
        elif col.align == "center":
            c.text(xs[i] + widths[i] / 2, yy, text, s, role, bold, "center", fill)
        else:
            c.text(xs[i] + 1.5, yy, text, s, role, bold, "left", fill)

    # header
    if style == "double_rule":
        c.line(x0, y - 0.8, x1, y - 0.8, 0.5)
        c.line(x0, y, x1, y, 0.2)
    if style == "underlined_heads":  # each header underlined on its own, in small capitals, no other rule
        for i, col in enumerate(cols):
            head = col.header.upper()
            hs = c.fit(head, widths[i] - 3, size * 0.82)
            hw = c.width_of(head, hs)
            hx = xs[i] + (widths[i] - 1.5 - hw if col.align == "right" else
                          (widths[i] - hw) / 2 if col.align == "center" else 1.5)
            c.text(hx, y + 1.6, head, hs, fill=30)
            c.line(hx, y + lh - 0.4, hx + hw, y + lh - 0.4, 0.25)
    elif style == "header_band":
        c.rect(x0, y, area.w, lh, outline=None, fill=60)
        for i, col in enumerate(cols):
            cell_text(i, col.header, y + 1.2, True, 255)
    elif style == "grid":
        for i, col in enumerate(cols):
            c.rect(xs[i], y, widths[i], lh, 0.3, fill=238)
            cell_text(i, col.header, y + 1.2, True)
    else:
        for i, col in enumerate(cols):
            cell_text(i, col.header, y + 1.2, True)
        if style in ("ruled", "zebra", "column_rules"):
            c.line(x0, y + lh, x1, y + lh, 0.4)
        if style == "double_rule":  # kept above the first row's ascenders
            c.line(x0, y + lh - 1.2, x1, y + lh - 1.2, 0.2)
            c.line(x0, y + lh - 0.4, x1, y + lh - 0.4, 0.5)
        if style == "dotted":
            c.line(x0, y + lh - 0.4, x1, y + lh - 0.4, 0.25)
            c.line(x0, y + lh + 0.4, x1, y + lh + 0.4, 0.25)
    y += lh
    role = "hand" if hand else "body"
    for r, row in enumerate(rows):
        if style == "zebra" and r % 2 == 0:
            c.rect(x0, y, area.w, lh, outline=None, fill=240)
        if style == "grid":
            for i in range(len(cols)):
                c.rect(xs[i], y, widths[i], lh, 0.3)
        for i, text in enumerate(row):
            cell_text(i, text, y + 1.2, role=role)
        y += lh
        if style in ("ruled", "header_band"):
            c.line(x0, y, x1, y, 0.2, fill=120)
        elif style == "dotted":
            c.line(x0, y, x1, y, 0.2, fill=90, dash=0.5)
    if style == "column_rules":  # a frame with the columns parted, no rule between the rows
        c.rect(x0, top, area.w, y - top, 0.35)
        for cx in xs[1:]:
            c.line(cx, top, cx, y, 0.25)
    elif style == "double_rule":
        c.line(x0, y + 0.8, x1, y + 0.8, 0.2)
        c.line(x0, y + 1.6, x1, y + 1.6, 0.5)
        y += 1.6
    return y + 3


def paragraph(c: Canvas, text: str, area: Area, y: float, size: float = 10, role: str = "body",
              fill: int = 0) -> float:
    """Wrapped text; return the y below it."""
    words = text.split()
    line = ""
    for word in words:
        trial = f"{line} {word}".strip()
        if line and c.width_of(trial, size, role) > area.w:
            c.text(area.x, y, line, size, role, fill=fill)
            y += c.line_height(size)
            line = word
        else:
            line = trial
    if line:
        c.text(area.x, y, line, size, role, fill=fill)
        y += c.line_height(size)
    return y + 1.5


TERMS = [
    "Les produits livrés restent la propriété du vendeur jusqu'au paiement intégral du prix.",
    "Toute réclamation doit être adressée par écrit dans les huit jours suivant la livraison.",
    "En cas de retard de paiement, une indemnité forfaitaire pour frais de recouvrement est due.",
    "Les données personnelles recueillies sont nécessaires au traitement de votre dossier ; vous disposez "
    "d'un droit d'accès et de rectification auprès de notre délégué à la protection des données.",
    "Le matériel loué doit être restitué propre et complet ; toute pièce manquante sera facturée.",
    "Conservez ce document : il peut vous être demandé par votre organisme complémentaire.",
    "Pour tout renseignement, consultez votre compte en ligne ou adressez-vous à votre conseiller.",
]


def text_page(c: Canvas, title: str, paragraphs: list[str], margin: float, page_no: str) -> None:
    """A second page of small print: conditions, information, the end of a letter."""
    area = Area(margin, margin, c.width - 2 * margin, c.height - margin)
    c.text(margin, margin, title, 12, bold=True)
    y = margin + c.line_height(12) + 4
    for text in paragraphs:
        y = paragraph(c, text, area, y, 9.5) + 2
    c.text(c.width - margin, c.height - margin - 5, page_no, 8, align="right", fill=60)
