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
    Context, all_dates, amount_by_labels, confident_text, norm, seg_value,
)
from desktop_app.intake.imaging import (
    binarise, box_contents, crop_layout, for_ocr, ink_amount, line_profile,
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
    _nir(ctx)
    _birth_date(ctx)
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


def _read_boxes(ctx: Context, page: Page, box, whitelist: str) -> str | None:
    """Characters written in a row of boxes; None when the boxes are empty."""
    if ctx.engine is None:
        return None
    crop = crop_layout(page, box)
    if crop is None:
        return None
    ink = box_contents(crop)
    if ink is None:
        return None
    words = ctx.engine.text_line(for_ocr(ink), whitelist=whitelist, psm=7)
    text = "".join(w for w, _ in words)
    return text or None


def _next_row_top(page: Page, row: int) -> float:
    return page.rows[row + 1].y0 if row + 1 < len(page.rows) else page.height


def _nir(ctx: Context) -> None:
    for hit in find_labels(ctx.pages, _NIR_LABELS):
        page = hit.page
        # Typed on the line (or the one below): the page's own OCR suffices.
        for v in (value_right(hit), value_below(hit, max_rows=1)):
            if v is None:
                continue
            reading = find_nir(v.text)
            if reading and reading.valid:
                ctx.put("nir", reading.value, 0.95 * v.conf, v)
                return
        lh = page.rows[hit.row].height
        box = _region_after(hit, 3.6)
        text = _read_boxes(ctx, page, box, "0123456789AB")
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


def _birth_date(ctx: Context) -> None:
    for hit in find_labels(ctx.pages, _BIRTH_LABELS):
        page = hit.page
        for v in (value_right(hit), value_below(hit, max_rows=1)):
            if v is None:
                continue
            dms = [d for d in find_dates(v.text) if not d.partial]
            if dms:
                ctx.put("birth_date", dms[0].date.isoformat(), 0.9 * v.conf, v)
                return
        row = page.rows[hit.row]
        lh = row.height
        # Boxes right of the label on its row, else under it.
        right = (hit.x1 + 0.2 * lh, row.y0 - 0.9 * lh, min(page.width, hit.x1 + 20 * lh), row.y1 + 0.9 * lh)
        below = _region_after(hit, 3.6)
        blank_seen = False
        for box in (right, below):
            text = _read_boxes(ctx, page, box, "0123456789")
            if text is None:
                blank_seen = True
                continue
            date = parse_date_digits(text)
            if date:
                ctx.put("birth_date", date.isoformat(), 0.85, page=page.index, bbox=_int_box(box),
                        source_text=text)
                return
        if page.image is not None:
            ctx.put("birth_date", None, 0.6 if blank_seen else 0.2, page=page.index)
            return
    ctx.put_none("birth_date", 0.3)


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
