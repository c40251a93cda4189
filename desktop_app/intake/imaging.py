"""Small image measurements on a page scan: crops in layout coordinates, form lines, ink.

Everything here uses Pillow's C routines (point, resize, filters) on crops, never
per-pixel Python loops over a whole page, so it costs milliseconds.
"""

from __future__ import annotations

import math

from PIL import Image, ImageFilter

from desktop_app.intake.layout import Page


def crop_layout(page: Page, box: tuple[float, float, float, float]) -> Image.Image | None:
    """The image under a rectangle given in the page's de-skewed layout frame, made upright."""
    if page.image is None:
        return None
    x0, y0, x1, y1 = box
    x0, y0 = max(0.0, x0), max(0.0, y0)
    x1, y1 = min(float(page.width), x1), min(float(page.height), y1)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    angle = page.skew_deg
    if abs(angle) < 0.05:
        return page.image.crop((int(x0), int(y0), int(x1), int(y1)))
    # Layout coordinates are the image's rotated by -angle around the centre: map back.
    cx, cy = page.width / 2, page.height / 2
    a = math.radians(angle)
    cos, sin = math.cos(a), math.sin(a)
    mx, my = (x0 + x1) / 2 - cx, (y0 + y1) / 2 - cy
    ix = mx * cos - my * sin + cx
    iy = mx * sin + my * cos + cy
    w, h = x1 - x0, y1 - y0
    margin = abs(sin) * max(w, h) / 2 + 2
    big = page.image.crop((int(ix - w / 2 - margin), int(iy - h / 2 - margin),
                           int(ix + w / 2 + margin), int(iy + h / 2 + margin)))
    big = big.rotate(angle, resample=Image.BILINEAR, fillcolor=255)
    bw, bh = big.size
    return big.crop((int((bw - w) / 2), int((bh - h) / 2), int((bw + w) / 2), int((bh + h) / 2)))


def otsu_threshold(im: Image.Image) -> int:
    hist = im.histogram()[:256]
    total = sum(hist)
    if not total:
        return 128
    sum_all = sum(i * h for i, h in enumerate(hist))
    sum_b = w_b = 0
    best, best_t = -1.0, 128
    for t in range(256):
        w_b += hist[t]
        if w_b == 0:
            continue
        w_f = total - w_b
        if w_f == 0:
            break
        sum_b += t * hist[t]
        m_b = sum_b / w_b
        m_f = (sum_all - sum_b) / w_f
        between = w_b * w_f * (m_b - m_f) ** 2
        if between > best:
            best, best_t = between, t
    return best_t


def binarise(im: Image.Image) -> Image.Image:
    """Ink 255, paper 0. A crop with no contrast at all is all paper."""
    lo, hi = _percentiles(im, 0.01), _percentiles(im, 0.5)
    if hi - lo < 40:
        return Image.new("L", im.size, 0)
    t = min(otsu_threshold(im), (lo + hi) // 2 + (hi - lo) // 4)
    return im.point(lambda v: 255 if v <= t else 0)


def _percentiles(im: Image.Image, q: float) -> int:
    hist = im.histogram()[:256]
    target = q * sum(hist)
    acc = 0
    for i, h in enumerate(hist):
        acc += h
        if acc >= target:
            return i
    return 255


def line_profile(ink: Image.Image) -> tuple[list[float], list[float]]:
    """Fraction of ink per row and per column."""
    w, h = ink.size
    rows = ink.resize((1, h), Image.BOX).tobytes()
    cols = ink.resize((w, 1), Image.BOX).tobytes()
    return [v / 255 for v in rows], [v / 255 for v in cols]


def level_ink(ink: Image.Image, max_degrees: float = 4.0, step: float = 0.5) -> Image.Image:
    """The ink turned so that its ruled lines are level: a page scanned a little askew puts a
    box's edges across several pixel rows, where no row is mostly ink and the edge would
    otherwise stay behind, counted as writing. Unchanged when no turn levels a line better."""
    w, h = ink.size
    if w < 16 or h < 16:
        return ink

    def peak(im: Image.Image) -> float:
        return max(line_profile(im)[0], default=0.0)

    flat = peak(ink)
    best, best_angle = flat, 0.0
    n = int(max_degrees / step)
    for i in range(-n, n + 1):
        angle = i * step
        if angle == 0:
            continue
        p = peak(ink.rotate(angle, resample=Image.NEAREST, fillcolor=0))
        if p > best:
            best, best_angle = p, angle
    # A line levelled shows as one row mostly ink; a gain of a few points is noise, not a line.
    if best_angle == 0.0 or best < 0.3 or best < 1.5 * flat:
        return ink
    return ink.rotate(best_angle, resample=Image.NEAREST, fillcolor=0)


def _line_rows(rows: list[float], floor: float) -> list[int]:
    peak = max(rows, default=0.0)
    return [y for y, f in enumerate(rows) if f > max(floor, 0.6 * peak)]


def remove_form_lines(ink: Image.Image, row_frac: float = 0.25, col_frac: float = 0.9) -> Image.Image:
    """Erase ruled lines and box edges: rows that are mostly ink, columns spanning the boxes."""
    from PIL import ImageDraw  # loads the font machinery: only the box readers need it

    w, h = ink.size
    out = ink.copy()
    draw = ImageDraw.Draw(out)
    rows, _ = line_profile(ink)
    line_rows = _line_rows(rows, row_frac)
    for y in line_rows:
        draw.rectangle((0, max(0, y - 1), w, min(h - 1, y + 1)), fill=0)
    top, bottom = _band(line_rows, out)
    band = out.crop((0, top, w, bottom)) if bottom > top + 2 else out
    _, cols = line_profile(band)
    for x, f in enumerate(cols):
        if f > col_frac:
            draw.rectangle((max(0, x - 1), top, min(w - 1, x + 1), bottom), fill=0)
    return out


def _band(line_rows: list[int], ink: Image.Image) -> tuple[int, int]:
    """Rows between the top and bottom edges of a row of boxes, else the inked rows.

    Ruled lines come in runs of a few pixel rows; the boxes are the widest gap
    between two runs (a neighbouring row of boxes only grazes the crop's edge).
    """
    runs: list[list[int]] = []
    for y in line_rows:
        if runs and y - runs[-1][-1] <= 2:
            runs[-1].append(y)
        else:
            runs.append([y])
    if len(runs) >= 2:
        gaps = [(b[0] - a[-1], a[-1], b[0]) for a, b in zip(runs, runs[1:])]
        size, top, bottom = max(gaps)
        if size >= 12:
            return top + 2, bottom - 1
    rows, _ = line_profile(ink)
    inked = [y for y, f in enumerate(rows) if f > 0.03]
    if inked:
        return inked[0], inked[-1] + 1
    return 0, ink.height


def box_contents(crop: Image.Image) -> Image.Image | None:
    """What is written in a row of boxes, lines erased, cut to the boxes' height; None if blank."""
    ink = binarise(crop)
    rows, _ = line_profile(ink)
    line_rows = _line_rows(rows, 0.25)
    clean = remove_form_lines(ink)
    top, bottom = _band(line_rows, clean)
    if bottom - top < 8:
        return None
    clean = clean.crop((0, top, clean.width, bottom))
    cells = clean.resize((max(1, clean.width // 6), max(1, clean.height // 6)), Image.BOX).tobytes()
    if sum(1 for v in cells if v > 30) < 6:
        return None
    return clean


def ink_amount(crop: Image.Image) -> tuple[float, float]:
    """How much handwriting a box holds: (share of 8-px cells with ink, ink width share)."""
    ink = remove_form_lines(level_ink(binarise(crop)), row_frac=0.4, col_frac=0.5)
    ink = ink.filter(ImageFilter.MedianFilter(3))  # scanner speckle is not a signature
    w, h = ink.size
    cw, ch = max(1, w // 8), max(1, h // 8)
    cells = ink.resize((cw, ch), Image.BOX).tobytes()
    inked = sum(1 for v in cells if v > 40)
    cols = ink.resize((cw, 1), Image.BOX).tobytes()
    span = sum(1 for v in cols if v > 3) / cw
    return inked / max(1, len(cells)), span


def for_ocr(ink: Image.Image, pad: int = 20) -> Image.Image:
    """Black text on white with a margin, as tesseract expects."""
    im = ink.point(lambda v: 0 if v > 127 else 255)
    out = Image.new("L", (im.width + 2 * pad, im.height + 2 * pad), 255)
    out.paste(im, (pad, pad))
    return out


def stack(images: list[Image.Image], gap: int = 40) -> tuple[Image.Image, list[tuple[int, int]]]:
    """Crops one above the other on white, and the y range each one occupies."""
    width = max(im.width for im in images)
    height = sum(im.height for im in images) + gap * (len(images) - 1)
    out = Image.new("L", (width, height), 255)
    spans, y = [], 0
    for im in images:
        out.paste(im.convert("L"), (0, y))
        spans.append((y, y + im.height))
        y += im.height + gap
    return out, spans


def read_stacked(engine, images: list[Image.Image], whitelist: str | None = None, psm: int = 6,
                 warm=None) -> list[str]:
    """Several one-line crops read in one tesseract call: the characters of each, in order.

    Each tesseract process costs its start-up (loading the language data) on top of the
    reading, so crops are stacked vertically, read as one block, and every word goes back
    to the crop whose y range holds its centre. ``warm`` is a :class:`WarmReader` started
    earlier with :func:`stacked_config`: its start-up is already paid.
    """
    if not images:
        return []
    gap = max(30, max(im.height for im in images) // 2)
    sheet, spans = stack(images, gap)
    config = stacked_config(whitelist, psm)
    data = None
    if warm is not None and warm.config == config:
        try:
            data = warm.data(sheet)
        except RuntimeError:
            data = None
    if data is None:
        data = engine.data(sheet, config=config)
    found: list[list[tuple[float, str]]] = [[] for _ in images]
    for i, text in enumerate(data["text"]):
        if not text or not text.strip() or float(data["conf"][i]) < 0:
            continue
        cy = data["top"][i] + data["height"][i] / 2
        for k, (y0, y1) in enumerate(spans):
            if y0 - gap / 2 <= cy < y1 + gap / 2:
                found[k].append((data["left"][i], text.strip()))
                break
    return ["".join(t for _, t in sorted(words)) for words in found]


def stacked_config(whitelist: str | None = None, psm: int = 6) -> str:
    config = f"--psm {psm}"
    if whitelist:
        config += f" -c tessedit_char_whitelist={whitelist}"
    return config


