"""Layout pieces shared by every kind: a letterhead, a block of labelled fields in one of the
arrangements, a table in one of the table styles, and free paragraphs."""

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


def letterhead(c: Canvas, lines: list[tuple[str, float, bool]], position: str, margin: float) -> Area:
    """Draw the issuer's lines (text, size, bold); return where the body of the page goes."""
    W, H = c.width, c.height
    lh = [c.line_height(s) for _, s, _ in lines]
    if position in ("left", "right", "center"):
        y = margin
        for (text, size, bold), h in zip(lines, lh):
            if position == "left":
                c.text(margin, y, text, size, bold=bold)
            elif position == "right":
                c.text(W - margin, y, text, size, bold=bold, align="right")
            else:
                c.text(W / 2, y, text, size, bold=bold, align="center")
            y += h
        c.line(margin, y + 2, W - margin, y + 2, 0.4)
        return Area(margin, y + 7, W - 2 * margin, H - margin)
    if position == "footer":
        # Only the name at the top; address and identifiers along the foot of the page.
        text, size, bold = lines[0]
        c.text(margin, margin, text, size + 2, bold=True)
        fy = H - margin - sum(lh[1:]) * 0.85
        c.line(margin, fy - 2, W - margin, fy - 2, 0.3)
        for text, size, bold in lines[1:]:
            c.text(W / 2, fy, text, size * 0.85, bold=bold, align="center", fill=40)
            fy += c.line_height(size * 0.85)
        return Area(margin, margin + c.line_height(size + 2) + 6, W - 2 * margin, H - margin - sum(lh[1:]) - 6)
    if position == "band":
        band = 58
        c.rect(0, 0, band, H, outline=None, fill=228)
        y = margin + 4
        for text, size, bold in lines:
            s = c.fit(text, band - 10, size, bold=bold)
            c.text(5, y, text, s, bold=bold)
            y += c.line_height(s) + 0.6
        return Area(band + 10, margin, W - band - 10 - margin, H - margin)
    if position == "boxed":
        box_w = max(c.width_of(t, s, bold=b) for t, s, b in lines) + 10
        box_w = min(box_w, W * 0.55)
        box_h = sum(lh) + 8
        c.rect(margin, margin, box_w, box_h, 0.5)
        c.rect(margin + 2, margin + 2, 8, 8, outline=None, fill=90)  # a logo
        y = margin + 4
        for i, ((text, size, bold), h) in enumerate(zip(lines, lh)):
            s = c.fit(text, box_w - 16, size, bold=bold)
            c.text(margin + (13 if i == 0 else 5), y, text, s, bold=bold)
            y += h
        return Area(margin, margin + box_h + 8, W - 2 * margin, H - margin)
    raise ValueError(position)


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
    if style == "header_band":
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
        if style in ("ruled", "zebra"):
            c.line(x0, y + lh, x1, y + lh, 0.4)
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
