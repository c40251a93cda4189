"""A page drawn in millimetres: Pillow pixels at the chosen dpi, plus a list of the drawing
operations so the same page can be written as a PDF with a text layer."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

from tools.intake_corpus import fonts
from tools.intake_corpus.fonts import FontChoice

MM_PER_PT = 25.4 / 72


class Canvas:
    def __init__(self, choice: FontChoice, dpi: int, width_mm: float = 210, height_mm: float = 297):
        self.choice = choice
        self.dpi = dpi
        self.width = width_mm
        self.height = height_mm
        self.k = dpi / 25.4  # pixels per mm
        self.image = Image.new("L", (round(width_mm * self.k), round(height_mm * self.k)), 255)
        self.draw = ImageDraw.Draw(self.image)
        self.ops: list[tuple] = []

    def px(self, v: float) -> int:
        return round(v * self.k)

    def _font(self, size: float, role: str, bold: bool, text: str):
        path = self.choice.path(role, bold, text)
        size_px = max(6, round(size * MM_PER_PT * self.k))
        return fonts.load(path, size_px), path

    def width_of(self, text: str, size: float = 10, role: str = "body", bold: bool = False) -> float:
        font, _ = self._font(size, role, bold, text)
        return font.getlength(text) / self.k

    @staticmethod
    def line_height(size: float) -> float:
        return size * MM_PER_PT * 1.45

    def text(self, x: float, y: float, text: str, size: float = 10, role: str = "body",
             bold: bool = False, align: str = "left", fill: int = 0) -> float:
        """Draw text whose top (ascender) is at y; x is its left, right or centre edge. Returns its width."""
        if not text:
            return 0.0
        font, path = self._font(size, role, bold, text)
        anchor = {"left": "la", "right": "ra", "center": "ma"}[align]
        self.draw.text((self.px(x), self.px(y)), text, font=font, fill=fill, anchor=anchor)
        w = font.getlength(text) / self.k
        left = x if align == "left" else x - w if align == "right" else x - w / 2
        style = "hand" if role == "hand" and path == (self.choice.hand and self.choice.hand.regular) else (
            "mono" if role == "mono" else self.choice.body.style)
        self.ops.append(("text", left, y, text, size, style, bold, fill))
        return w

    def fit(self, text: str, width: float, size: float, role: str = "body", bold: bool = False) -> float:
        """The largest size <= size at which text fits in width."""
        while size > 6 and self.width_of(text, size, role, bold) > width:
            size -= 0.5
        return size

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.3, fill: int = 0,
             dash: float = 0) -> None:
        w = max(1, self.px(width))
        if dash:
            length = math.hypot(x2 - x1, y2 - y1)
            n = max(1, int(length / (2 * dash)))
            for i in range(n):
                a, b = (2 * i) / (2 * n), (2 * i + 1) / (2 * n)
                self.draw.line([(self.px(x1 + (x2 - x1) * a), self.px(y1 + (y2 - y1) * a)),
                                (self.px(x1 + (x2 - x1) * b), self.px(y1 + (y2 - y1) * b))], fill=fill, width=w)
        else:
            self.draw.line([(self.px(x1), self.px(y1)), (self.px(x2), self.px(y2))], fill=fill, width=w)
        self.ops.append(("line", x1, y1, x2, y2, width, fill, dash))

    def rect(self, x: float, y: float, w: float, h: float, width: float = 0.3, outline: int | None = 0,
             fill: int | None = None) -> None:
        self.draw.rectangle([self.px(x), self.px(y), self.px(x + w), self.px(y + h)], fill=fill,
                            outline=outline, width=max(1, self.px(width)) if outline is not None else 0)
        self.ops.append(("rect", x, y, w, h, width, outline, fill))

    def scribble(self, x: float, y: float, w: float, h: float, rng: random.Random) -> None:
        """A signature: a few joined loops (image only; a text PDF carries it as a path)."""
        pts = []
        n = rng.randint(18, 34)
        f1, f2, ph = rng.uniform(1.5, 3.5), rng.uniform(0.5, 1.2), rng.uniform(0, 6)
        for i in range(n + 1):
            t = i / n
            pts.append((x + w * t, y + h * (0.5 + 0.35 * math.sin(t * f1 * 6.28 + ph) + 0.12 * math.sin(t * 40 * f2))))
        self.draw.line([(self.px(a), self.px(b)) for a, b in pts], fill=rng.randint(10, 70),
                       width=max(1, self.px(0.45)), joint="curve")
        self.ops.append(("poly", pts, 0.45))


def stamp(c: Canvas, x: float, y: float, lines: list[str], rng: random.Random) -> None:
    """A rubber stamp: a framed block of text, a little tilted and pale, printed over what is there.
    Drawn into the image only (a text PDF has no stamps)."""
    size = 8.5
    font, _ = c._font(size, "body", True, max(lines, key=len))
    lh = round(Canvas.line_height(size) * c.k)
    pad = round(1.5 * c.k)
    w = round(max(font.getlength(t) for t in lines)) + 2 * pad
    h = lh * len(lines) + 2 * pad
    ink = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(ink)
    d.rectangle([0, 0, w - 1, h - 1], outline=0, width=max(1, round(0.4 * c.k)))
    for i, t in enumerate(lines):
        d.text((pad, pad + i * lh), t, font=font, fill=0)
    ink = ink.rotate(rng.uniform(-8, 8), Image.BICUBIC, expand=True, fillcolor=255)
    tone = rng.randint(70, 140)  # stamp ink is never as dark as print
    ink = ink.point([round(tone + v * (255 - tone) / 255) for v in range(256)])
    px, py = c.px(x), c.px(y)
    region = c.image.crop((px, py, px + ink.width, py + ink.height))
    from PIL import ImageChops

    c.image.paste(ImageChops.darker(region, ink), (px, py))
