"""Pages of words placed by hand, as OCR would give them: extraction tests without tesseract."""

from __future__ import annotations

from desktop_app.intake.extract_common import Context
from desktop_app.intake.layout import Page, Word

H = 30  # a line's height in pixels
CHAR = 0.55 * H


def page(items, index: int = 1, conf: float = 0.93, width: int = 1654, height: int = 2339) -> Page:
    """``items``: (x, y, text) — each a run of words on one line, as tesseract reads one."""
    words = []
    for n, (x, y, text) in enumerate(items):
        cx = float(x)
        for tok in text.split():
            w = len(tok) * CHAR
            words.append(Word(tok, cx, float(y), w, float(H), conf, (int(cx), int(y), int(w), H), (n,)))
            cx += w + 0.35 * H
    return Page(index=index, width=width, height=height, words=words, source="ocr")


def run(extract, items, **kw) -> Context:
    ctx = Context(pages=[page(items, **kw)])
    extract(ctx)
    return ctx


def values(ctx: Context) -> dict:
    return {k: f.value for k, f in ctx.fields.items()}
