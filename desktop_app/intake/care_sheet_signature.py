"""Whether a care sheet is signed, judged from ink in the box under the insured's signature
label, not from OCR."""

from __future__ import annotations

from desktop_app.intake.candidates import candidate, confidence
from desktop_app.intake.care_sheet_labels import KIND, Sheet, best_label, int_box
from desktop_app.intake.extract_common import Context
from desktop_app.intake.imaging import binarise, crop_layout, ink_amount, level_ink, line_profile
from desktop_app.intake.layout import Page


def read_signed(ctx: Context, sheet: Sheet) -> None:
    hits = best_label(sheet.of("signed"))
    for lh in hits:
        hit = lh.hit
        page = hit.page
        if page.image is None:
            continue
        row = page.rows[hit.row]
        lh_px = row.height
        right = min(page.width, hit.x0 + 0.45 * page.width)
        if hit.seg + 1 < len(row.segments):
            right = min(right, row.segments[hit.seg + 1].x0 - 1.0 * lh_px)
        top = row.y1 + 0.3 * lh_px
        bottom = _box_bottom(page, (hit.x0 - 0.5 * lh_px, top, right, min(page.height, row.y1 + 20 * lh_px)), lh_px)
        box = (hit.x0 - 0.5 * lh_px, top, right, bottom)
        if bottom - top < 2.0 * lh_px:
            # A rule right under the label: no room for a signature there, so a clean strip
            # says nothing (the label read may be another one's, or the box lies elsewhere).
            continue
        crop = crop_layout(page, box)
        if crop is None:
            continue
        cells, span = ink_amount(crop)
        signed = cells > 0.008 and span > 0.15
        # Clear ink, or a clean box, is strong evidence; a smudge between the two is not.
        clear = 1.0 if (cells > 0.02 or cells < 0.002) else 0.45
        c = candidate(signed, clear, lh.strength, 1.0, ink=round(cells, 4))
        ctx.put("signed", signed, confidence(KIND, "signed", c.score), page=page.index, bbox=int_box(box),
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
    rows, _ = line_profile(level_ink(binarise(crop)))
    for y in range(int(1.0 * lh), len(rows)):
        if rows[y] > 0.5:
            return area[1] + y - 0.2 * lh
    return fallback
