"""Care sheets (feuilles de soins, cerfa 12541/12542 and look-alikes).

Identity digits are printed in boxes that OCR reads as ``2|0|3|…``: the box
region, found from its label, is cropped, its ruled lines erased, and read
again as one line of digits. The signature is judged from ink in the box
under the insured's signature label, not from OCR.
"""

from __future__ import annotations

import re
from decimal import Decimal

from desktop_app.intake.extract_common import (
    BOX_WHITELIST,
    Context, all_dates, amount_by_labels, confident_text, norm, reread_amount,
)
from desktop_app.intake.imaging import (
    binarise, box_contents, crop_layout, for_ocr, ink_amount, line_profile, read_stacked,
)
from desktop_app.intake.layout import Hit, Page, Value, find_labels, value_below, value_right
from desktop_app.intake.names import clean_person
from desktop_app.intake.parse_amounts import find_amounts, to_decimal_string
from desktop_app.intake.parse_dates import find_dates, parse_date_digits
from desktop_app.intake.parse_ids import find_nir, nir_from_chars

_NAME_LABELS = r"nom et prenom|nom prenom|nom de famille et prenom|nom s et prenom s|nom|patient e?|beneficiaire"
_NIR_LABELS = (
    r"numero d immatriculation|n d immatriculation|immatriculation|numero de securite sociale|"
    r"n de securite sociale|n de secu|numero d assure|n d assure social|\bnir\b"
)
_BIRTH_LABELS = r"date de naissance|ne e? le|nee le"
_SIGN_LABELS = (
    r"signature de l assure e?|signature de l assuree|signature du patient e?|"
    r"signature du beneficiaire|signature de la personne|signature du malade|signature de l assure\w*"
)
_TOTAL_LABELS = [r"montant total|total des honoraires|total a payer|total general|montant des honoraires", r"total"]


def extract_care_sheet(ctx: Context) -> None:
    _patient(ctx)
    reader = _BoxReader(ctx)
    _nir(ctx, reader)
    _birth_date(ctx, reader)
    _signed(ctx)
    acts = _acts(ctx)
    _total(ctx, acts)


def _patient(ctx: Context) -> None:
    for hit in find_labels(ctx.pages, _NAME_LABELS):
        if hit.start != 0:
            continue
        for getter in (value_right, value_below):
            v = getter(hit)
            name = clean_person(confident_text(v)) if v else None
            if name and len(name.split()) >= 2:
                ctx.put("patient_name", name, 0.9 * v.conf, v)
                return
    ctx.put_none("patient_name", 0.2)


def _region_after(hit: Hit, rows_down: float, right_limit: float | None = None) -> tuple[float, float, float, float]:
    """The area under a label, up to the next label on its row or the page edge."""
    page = hit.page
    row = page.rows[hit.row]
    lh = row.height
    x1 = page.width
    if right_limit is not None:
        x1 = right_limit
    elif hit.seg + 1 < len(row.segments):
        x1 = row.segments[hit.seg + 1].x0 - 0.5 * lh
    return (hit.x0 - 1.5 * lh, row.y1 + 0.1 * lh, x1, row.y1 + rows_down * lh)


class _BoxReader:
    """Digits written in rows of boxes, every crop the page needs read in ONE tesseract call.

    The first request predicts the other crops the extractors will ask for (the NIR's
    boxes, the birth date's right and lower boxes), stacks all of them into one image
    and reads it once; each crop's characters are then split off by their y range.
    A crop the prediction missed is read on its own.
    """

    _WHITELIST = BOX_WHITELIST

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.read: dict[tuple, str | None] = {}
        self.batched = False

    @staticmethod
    def key(page: Page, box) -> tuple:
        return (page.index,) + tuple(int(v) for v in box)

    def __call__(self, page: Page, box) -> str | None:
        """Characters in the boxes; None when they are empty (or cannot be read)."""
        if self.ctx.engine is None:
            return None
        k = self.key(page, box)
        if k not in self.read and not self.batched:
            self.batched = True
            wanted = [(page, box)] + [pb for pb in _planned_boxes(self.ctx) if self.key(*pb) != k]
            self._read_many(wanted)
        if k not in self.read:
            self._read_many([(page, box)])
        return self.read.get(k)

    def _read_many(self, wanted) -> None:
        crops, keys = [], []
        for page, box in wanted:
            k = self.key(page, box)
            if k in self.read or k in keys:
                continue
            crop = crop_layout(page, box)
            ink = box_contents(crop) if crop is not None else None
            if ink is None:
                self.read[k] = None
                continue
            crops.append(for_ocr(ink))
            keys.append(k)
        if not crops:
            return
        warm, self.ctx.warm = self.ctx.warm, None
        texts = read_stacked(self.ctx.engine, crops, whitelist=self._WHITELIST, warm=warm)
        for k, text in zip(keys, texts):
            self.read[k] = text or None


def _planned_boxes(ctx: Context) -> list:
    """The box crops _nir and _birth_date will ask for, so they are read together."""
    out = []
    for hit in find_labels(ctx.pages, _NIR_LABELS):
        if _typed_nir(hit) is not None:
            break
        box = _region_after(hit, 3.6)
        if _nir_from_page_words(hit.page, box) is None:
            out.append((hit.page, box))
        break
    for hit in find_labels(ctx.pages, _BIRTH_LABELS):
        if _typed_date(hit) is not None:
            break
        out.extend((hit.page, box) for box in _birth_boxes(hit))
        break
    return out


def _typed_nir(hit: Hit):
    for v in (value_right(hit), value_below(hit, max_rows=1)):
        if v is None:
            continue
        reading = find_nir(v.text)
        if reading and reading.valid:
            return reading, v
    return None


def _typed_date(hit: Hit):
    for v in (value_right(hit), value_below(hit, max_rows=1)):
        if v is None:
            continue
        dms = [d for d in find_dates(v.text) if not d.partial]
        if dms:
            return dms[0].date, v
    return None


def _words_in(page: Page, box) -> list:
    x0, y0, x1, y1 = box
    words = [w for w in page.words if x0 <= w.x + w.w / 2 <= x1 and y0 <= w.cy <= y1]
    return sorted(words, key=lambda w: w.x)


def _nir_from_page_words(page: Page, box):
    """The NIR as the page's own OCR read it in its boxes, when its key proves it right."""
    if page.source != "ocr":
        return None
    words = _words_in(page, box)
    text = re.sub(r"[|\[\]()!]", "", "".join(w.text for w in words))
    reading = nir_from_chars(text) if text else None
    if reading is not None and reading.valid and not reading.warnings:
        return reading, words
    return None


def _next_row_top(page: Page, row: int) -> float:
    return page.rows[row + 1].y0 if row + 1 < len(page.rows) else page.height


def _nir(ctx: Context, read_boxes: "_BoxReader") -> None:
    for hit in find_labels(ctx.pages, _NIR_LABELS):
        page = hit.page
        # Typed on the line (or the one below): the page's own OCR suffices.
        typed = _typed_nir(hit)
        if typed is not None:
            reading, v = typed
            ctx.put("nir", reading.value, 0.95 * v.conf, v)
            return
        box = _region_after(hit, 3.6)
        # Written in boxes: the page's OCR often has it already, and the key tells if it is right.
        first = _nir_from_page_words(page, box)
        if first is not None:
            reading, words = first
            v = Value(words, page, "below")
            ctx.put("nir", reading.value, 0.9 * min(1.0, v.conf + 0.1), v)
            return
        text = read_boxes(page, box)
        if text is None:
            if page.image is not None:
                ctx.put("nir", None, 0.7, page=page.index, bbox=_int_box(box))
                return
            continue
        reading = nir_from_chars(text)
        if reading is None:
            ctx.put("nir", None, 0.2, page=page.index, bbox=_int_box(box), source_text=text)
            ctx.warnings.append(f"NIR could not be read from its boxes (read {text!r})")
            return
        ctx.put("nir", reading.value, 0.9 if reading.valid else 0.25, page=page.index,
                bbox=_int_box(box), source_text=text)
        ctx.warnings.extend(reading.warnings)
        return
    ctx.put_none("nir", 0.3)


def _int_box(box) -> list[int]:
    x0, y0, x1, y1 = box
    return [int(x0), int(y0), int(x1 - x0), int(y1 - y0)]


def _birth_boxes(hit: Hit) -> list:
    """Where boxed birth digits are: right of the label on its row, else under it."""
    page = hit.page
    row = page.rows[hit.row]
    lh = row.height
    right = (hit.x1 + 0.2 * lh, row.y0 - 0.9 * lh, min(page.width, hit.x1 + 20 * lh), row.y1 + 0.9 * lh)
    return [right, _region_after(hit, 3.6)]


def _birth_date(ctx: Context, read_boxes: "_BoxReader") -> None:
    for hit in find_labels(ctx.pages, _BIRTH_LABELS):
        page = hit.page
        typed = _typed_date(hit)
        if typed is not None:
            date, v = typed
            ctx.put("birth_date", date.isoformat(), 0.9 * v.conf, v)
            return
        blank_seen = False
        for box in _birth_boxes(hit):
            text = read_boxes(page, box)
            if text is None:
                blank_seen = True
                continue
            date = parse_date_digits(text.translate(_BOX_LETTERS))
            if date:
                ctx.put("birth_date", date.isoformat(), 0.85, page=page.index, bbox=_int_box(box),
                        source_text=text)
                return
        if page.image is not None:
            ctx.put("birth_date", None, 0.6 if blank_seen else 0.2, page=page.index)
            return
    ctx.put_none("birth_date", 0.3)


# The boxes are read with the NIR's characters allowed (Corsica's 2A/2B); in a date they are digits.
_BOX_LETTERS = str.maketrans({"A": "4", "B": "8"})


def _signed(ctx: Context) -> None:
    hits = find_labels(ctx.pages, _SIGN_LABELS)
    for hit in hits:
        page = hit.page
        if page.image is None:
            continue
        row = page.rows[hit.row]
        lh = row.height
        right = min(page.width, hit.x0 + 0.45 * page.width)
        if hit.seg + 1 < len(row.segments):
            right = min(right, row.segments[hit.seg + 1].x0 - 1.0 * lh)
        top = row.y1 + 0.3 * lh
        bottom = _box_bottom(page, (hit.x0 - 0.5 * lh, top, right, min(page.height, row.y1 + 20 * lh)), lh)
        box = (hit.x0 - 0.5 * lh, top, right, bottom)
        crop = crop_layout(page, box)
        if crop is None:
            continue
        cells, span = ink_amount(crop)
        signed = cells > 0.008 and span > 0.15
        conf = 0.9 if (cells > 0.02 or cells < 0.002) else 0.6
        ctx.put("signed", signed, conf, page=page.index, bbox=_int_box(box),
                source_text=f"ink {cells:.3f} span {span:.2f}")
        return
    if hits:  # text layer only: a drawn signature leaves no text
        ctx.put("signed", False, 0.3, page=hits[0].page.index)
        return
    ctx.put("signed", False, 0.2)


def _box_bottom(page: Page, area, lh: float) -> float:
    """Where the signature box ends: its bottom rule, else a dozen lines down."""
    crop = crop_layout(page, area)
    fallback = min(page.height, area[1] + 10 * lh)
    if crop is None:
        return fallback
    rows, _ = line_profile(binarise(crop))
    for y in range(int(1.0 * lh), len(rows)):
        if rows[y] > 0.5:
            return area[1] + y - 0.2 * lh
    return fallback


def _acts(ctx: Context) -> list[tuple[str, Decimal | None]]:
    """(date, amount) of each act line, in table order."""
    acts = []
    header_row = None
    for hit in find_labels(ctx.pages, r"date"):
        row_text = norm(hit.page.rows[hit.row].text)
        if re.search(r"montant|designation|code|acte|honoraires", row_text) and hit.start == 0:
            header_row = (hit.page, hit.row)
            break
    spots = all_dates(ctx.pages)
    for spot in spots:
        if header_row and (spot.page is not header_row[0] or spot.row <= header_row[1]):
            continue
        if re.search(r"prescri|naissance|\bne\b|\bnee\b|ordonnance|\ble\b$", spot.before):
            continue
        if header_row is None and spot.seg != 0:
            continue
        row = spot.page.rows[spot.row]
        amounts = find_amounts(" ".join(s.text for s in row.segments[spot.seg + 1 :]))
        amount = amounts[-1].value if amounts else None
        acts.append((spot, amount))
    if acts:
        spot = acts[0][0]
        ctx.put("care_date", spot.date.isoformat(), 0.9 * spot.value.conf, spot.value)
    else:
        ctx.put_none("care_date", 0.2)
    return [(s.date.isoformat(), a) for s, a in acts]


def _total(ctx: Context, acts) -> None:
    got = amount_by_labels(ctx.pages, _TOTAL_LABELS)
    amounts = [a for _, a in acts if a is not None]
    acts_sum = sum(amounts, Decimal("0")) if amounts else None
    if got:
        amount, v, rank = got
        agrees = acts_sum is not None and Decimal(amount) == acts_sum
        if acts_sum is not None and not agrees and len(amounts) == len(acts):
            expected = to_decimal_string(acts_sum)
            if reread_amount(ctx, v, expected, "total"):
                ctx.put("total_amount", expected, 0.85 * v.conf, v, source_text=f"read again: {expected}")
                ctx.warnings.append(f"total first read as {amount} differed from the sum of the act lines; "
                                    f"read again closer: {expected}")
                return
        ctx.put("total_amount", amount, (0.98 if agrees else 0.8 - 0.2 * rank) * v.conf, v)
        if acts_sum is not None and not agrees and len(amounts) == len(acts):
            ctx.warnings.append(
                f"total {amount} differs from the sum of the act lines ({to_decimal_string(acts_sum)}):"
                " an amount may be misread"
            )
        return
    if acts_sum is not None:
        ctx.put("total_amount", to_decimal_string(acts_sum), 0.6, page=1)
        return
    ctx.put_none("total_amount", 0.2)
