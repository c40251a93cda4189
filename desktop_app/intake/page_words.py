"""A read page's words with their boxes as plain data, and back.

Kept with a document so that a field the user corrects later can be found again on the page
(where the value stood, which label preceded it) without reading the scan a second time.
Boxes are written in the stored original's pixels: a page read reduced is scaled back up.
"""

from __future__ import annotations

from desktop_app.intake.layout import Page, Word

FORMAT = 1


def page_to_plain(page: Page, scale: float = 1.0) -> dict:
    """``{"index", "width", "height", "source", "words": [[text, x, y, w, h, conf, line,
    bx, by, bw, bh] …]}``; ``line`` numbers the reader's text lines, ``b*`` is the box in the
    image's pixels (absent for a text layer)."""
    lines: dict[tuple, int] = {}
    words = []
    for w in page.words:
        if not w.text.strip():
            continue
        line = lines.setdefault(w.line_id, len(lines))
        row = [w.text, round(w.x * scale, 1), round(w.y * scale, 1), round(w.w * scale, 1),
               round(w.h * scale, 1), round(w.conf, 2), line]
        if w.bbox:
            row.extend(round(v * scale) for v in w.bbox)
        words.append(row)
    return {"format": FORMAT, "index": page.index, "width": round(page.width * scale),
            "height": round(page.height * scale), "source": page.source, "words": words}


def page_from_plain(data: dict) -> Page:
    words = []
    for row in data.get("words", []):
        bbox = tuple(int(v) for v in row[7:11]) if len(row) >= 11 else None
        words.append(Word(str(row[0]), x=float(row[1]), y=float(row[2]), w=float(row[3]),
                          h=float(row[4]), conf=float(row[5]), bbox=bbox,  # type: ignore[arg-type]
                          line_id=(int(row[6]),)))
    return Page(index=int(data.get("index", 1)), width=int(data.get("width", 0)),
                height=int(data.get("height", 0)), words=words,
                source=str(data.get("source", "ocr")))
