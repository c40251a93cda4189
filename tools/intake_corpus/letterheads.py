"""The issuer's letterhead, in one of the positions of the document's group."""

from __future__ import annotations

import re

from tools.intake_corpus.blocks import Area
from tools.intake_corpus.canvas import MM_PER_PT, Canvas


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
    if position == "rule_flag":
        # A block in the right half, set flush left against a vertical rule; nothing runs across the page.
        x = W * 0.52
        bw = W - margin - x - 4
        y = margin
        for text, size, bold in lines:
            s = c.fit(text, bw, size, bold=bold)
            c.text(x + 4, y, text, s, bold=bold)
            y += c.line_height(s)
        c.line(x, margin - 1, x, y + 1, 0.8)
        return Area(margin, y + 8, W - 2 * margin, H - margin)
    if position == "monogram":
        return _monogram(c, lines, margin)
    raise ValueError(position)


def _monogram(c: Canvas, lines: list[tuple[str, float, bool]], margin: float) -> Area:
    """A framed monogram centred at the top, the name under it, then the other lines run together
    on one or two centred lines, as printed stationery does."""
    W, H = c.width, c.height
    name, name_size, _ = lines[0]
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]{3,}", name)[:2]).upper() or name[:1]
    side = 14
    c.rect(W / 2 - side / 2, margin, side, side, 0.6)
    c.rect(W / 2 - side / 2 + 1, margin + 1, side - 2, side - 2, 0.25)
    s = c.fit(initials, side - 4, 20, bold=True)
    c.text(W / 2, margin + side / 2 - 0.55 * s * MM_PER_PT, initials, s, bold=True, align="center")
    y = margin + side + 3
    s = c.fit(name, W - 2 * margin, name_size, bold=True)
    c.text(W / 2, y, name, s, bold=True, align="center")
    y += c.line_height(s)
    rest = [t for t, _, _ in lines[1:]]
    parts = [" · ".join(rest)]
    if len(rest) > 1 and c.width_of(parts[0], 8.5) > W - 2 * margin:
        half = (len(rest) + 1) // 2
        parts = [" · ".join(rest[:half]), " · ".join(rest[half:])]
    for part in parts:
        ps = c.fit(part, W - 2 * margin, 8.5)
        c.text(W / 2, y, part, ps, align="center", fill=30)
        y += c.line_height(ps)
    c.line(W / 2 - 30, y + 2, W / 2 + 30, y + 2, 0.3)
    return Area(margin, y + 7, W - 2 * margin, H - margin)
