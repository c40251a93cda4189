"""A care sheet's identity numbers: the NIR and the birth date, typed or written in rows of
boxes. Boxed digits are read again from a crop with the ruled lines erased, all of a page's
crops in one tesseract call; the NIR's year and month of birth and the birth date check
each other."""

from __future__ import annotations

import datetime as _dt
import re
from itertools import combinations

from desktop_app.intake.candidates import Candidate, candidate, confidence, pick, put_pick
from desktop_app.intake.care_sheet_labels import KIND, Sheet, best_label, int_box, region_after
from desktop_app.intake.extract_common import BOX_WHITELIST, Context, all_dates
from desktop_app.intake.imaging import box_contents, crop_layout, for_ocr, read_stacked
from desktop_app.intake.label_hits import LabelHit, distance_lines, values_near, x_in
from desktop_app.intake.layout import Hit, Page, Value
from desktop_app.intake.parse_dates import find_dates, parse_date_digits
from desktop_app.intake.parse_ids import (
    all_nirs,
    digit_runs,
    nir_agrees_with_birth,
    nir_from_chars,
    nir_misreads,
    nir_single_digit_candidates,
)
from desktop_app.intake.read_warnings import warning


class BoxReader:
    """Digits written in rows of boxes, every crop the page needs read in ONE tesseract call.

    The first request predicts the other crops the extractors will ask for (the NIR's
    boxes, the birth date's right and lower boxes), stacks all of them into one image
    and reads it once; each crop's characters are then split off by their y range.
    A crop the prediction missed is read on its own.
    """

    _WHITELIST = BOX_WHITELIST

    def __init__(self, ctx: Context, sheet: Sheet) -> None:
        self.ctx = ctx
        self.sheet = sheet
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
            wanted = [(page, box)] + [pb for pb in _planned_boxes(self.sheet) if self.key(*pb) != k]
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


def _planned_boxes(sheet: Sheet) -> list:
    """The box crops read_nir and read_birth_date will ask for, so they are read together."""
    out = []
    typed_nir = typed_nirs(sheet)
    for lh in best_label(sheet.of("nir"))[:1]:
        if not typed_nir:
            out.append((lh.page, region_after(lh.hit, 3.6)))
    for lh in best_label(sheet.of("birth_date"))[:1]:
        if _typed_date(lh) is None:
            out.extend((lh.page, box) for box in _birth_boxes(lh.hit))
    return out


def _typed_date(lh: LabelHit):
    for near in values_near(lh, max_below=1):
        dms = [d for d in find_dates(near.value.text) if not d.partial]
        if dms:
            return dms[0].date, near
    return None


def _row_chars(page: Page, r: int) -> list[tuple[str, list]]:
    """A row's text with box rules dropped, whole and per segment, with the words it came from."""
    row = page.rows[r]
    # Segments first: where a NIR stands is measured on its own segment when it has one.
    out = [(s.text, s) for s in row.segments] if len(row.segments) > 1 else []
    return out + [(" ".join(w.text for w in row.words), row)]


def typed_nirs(sheet: Sheet) -> list[Candidate]:
    """Every NIR printed on the pages whose key checks, wherever it stands."""
    cands = []
    labels = sheet.of("nir")
    negatives = sheet.negatives("nir")
    seen = set()
    for page in sheet.ctx.pages:
        for r in range(len(page.rows)):
            for text, group in _row_chars(page, r):
                for reading in all_nirs(text):
                    key = (page.index, r, reading.value)
                    if key in seen:
                        continue
                    seen.add(key)
                    words = list(group.words)
                    x = x_in(group, text, reading.start)
                    near = min((distance_lines(lh, page, r, x) for lh in labels), default=1e9)
                    lab = max((lh.strength for lh in labels if distance_lines(lh, page, r, x) == near), default=0)
                    anchor = lab * max(0.0, 1 - near / 6) if near < 6 else 0.0
                    # The key proves it is a NIR; a label by it says it is this sheet's NIR.
                    anchor = max(anchor, 0.55)
                    if any(distance_lines(n, page, r, x) < 1.0 for n in negatives):
                        anchor *= 0.3
                    if sheet.role(page, r) == "practitioner":
                        anchor *= 0.3
                    v = Value(words, page, "same")
                    conf = sum(w.conf for w in words) / len(words) if words else 0.5
                    if conf < 0.5:  # box rules read as figures: the boxes are read again instead
                        continue
                    cands.append(candidate(reading.value, 1.0, anchor, conf, v, key=1.0, label_dist=min(near, 99)))
    return cands


_agrees_with_birth = nir_agrees_with_birth


def _birth_of(ctx: Context) -> _dt.date | None:
    f = ctx.fields.get("birth_date")
    try:
        return _dt.date.fromisoformat(f.value) if f and f.value else None
    except ValueError:
        return None


def _key_fixed(reading: str, birth: _dt.date | None) -> str | None:
    """The one reading a digit away from a NIR whose key fails that passes its key and agrees
    with the birth date read on the sheet: two checks a chance slip rarely passes together."""
    if birth is None:
        return None
    fits = [c for c in nir_single_digit_candidates(reading) if _agrees_with_birth(c, birth)]
    return fits[0] if len(fits) == 1 else None


def _misread_nirs(sheet: Sheet, birth: _dt.date | None) -> list[Candidate]:
    """NIRs printed by a NIR label whose key fails, mended where one digit and the birth date say how."""
    cands = []
    labels = sheet.of("nir")
    if birth is None or not labels:
        return cands
    for page in sheet.ctx.pages:
        for r in range(len(page.rows)):
            for text, group in _row_chars(page, r):
                for reading in nir_misreads(text):
                    x = x_in(group, text, reading.start)
                    near = min((distance_lines(lh, page, r, x) for lh in labels), default=1e9)
                    if near >= 4 or sheet.role(page, r) == "practitioner":
                        continue
                    fixed = _key_fixed(reading.value, birth)
                    if fixed is None:
                        continue
                    lab = max(lh.strength for lh in labels if distance_lines(lh, page, r, x) == near)
                    v = Value(list(group.words), page, "same")
                    conf = sum(w.conf for w in v.words) / len(v.words) if v.words else 0.5
                    c = candidate(fixed, 0.7, lab * max(0.0, 1 - near / 6), conf, v, key_fixed=1.0)
                    c.warnings.append(warning("read.nir_key_fixed", read=reading.value, fixed=fixed))
                    cands.append(c)
    return cands


def read_nir(ctx: Context, sheet: Sheet, read_boxes: BoxReader, typed: list[Candidate]) -> None:
    birth = _birth_of(ctx)
    cands = list(typed)
    for c in cands:
        if _agrees_with_birth(c.value, birth):  # the birth date read elsewhere agrees
            c.evidence["birth_agrees"] = 1.0
            c.score = min(1.0, round(c.score * 1.1, 4))
    if not cands:
        cands = _misread_nirs(sheet, birth)
    if cands and put_pick(ctx, KIND, "nir", pick(cands)) is not None:
        return
    for lh in best_label(sheet.of("nir")):
        page = lh.page
        box = region_after(lh.hit, 3.6)
        text = read_boxes(page, box)
        if text is None:
            if page.image is not None:
                ctx.put("nir", None, 0.7, page=page.index, bbox=int_box(box))
                return
            continue
        reading = nir_from_chars(text)
        if reading is not None and not reading.valid and len(reading.value) == 15:
            fixed = _key_fixed(reading.value, birth)
            if fixed is not None:
                c = candidate(fixed, 0.7, lh.strength, 0.85, boxes=1.0, key_fixed=1.0)
                ctx.put("nir", fixed, confidence(KIND, "nir", c.score), page=page.index,
                        bbox=int_box(box), source_text=text)
                ctx.warnings.append(warning("read.nir_key_fixed", read=reading.value, fixed=fixed))
                return
        if reading is None:
            trimmed = _edges_trimmed(text, birth)
            if trimmed is not None:
                c = candidate(trimmed, 0.7, lh.strength, 0.85, boxes=1.0, edges_trimmed=1.0)
                ctx.put("nir", trimmed, confidence(KIND, "nir", c.score), page=page.index,
                        bbox=int_box(box), source_text=text)
                return
            ctx.put("nir", None, 0.2, page=page.index, bbox=int_box(box), source_text=text)
            ctx.warnings.append(warning("read.nir_boxes_unread", read=text))
            return
        c = candidate(reading.value, 1.0 if reading.valid else 0.25, lh.strength, 0.85, boxes=1.0)
        ctx.put("nir", reading.value, confidence(KIND, "nir", c.score), page=page.index,
                bbox=int_box(box), source_text=text)
        ctx.warnings.extend(reading.warnings)
        return
    ctx.put_none("nir", 0.3)


def _edges_trimmed(text: str, birth: _dt.date | None) -> str | None:
    """The rules between boxes read as ones (17 figures for 15): the one way of dropping one
    or two of those ones that leaves a NIR whose key checks and that agrees with the birth
    date read on the sheet, two checks a chance reading rarely passes together."""
    digits = re.sub(r"\s", "", text)
    if birth is None or not digits.isdigit() or not 16 <= len(digits) <= 17:
        return None
    ones = [i for i, ch in enumerate(digits) if ch == "1"]
    extra = len(digits) - 15
    found = set()
    for drop in combinations(ones, extra):
        cut = "".join(ch for i, ch in enumerate(digits) if i not in drop)
        reading = nir_from_chars(cut)
        if reading is not None and reading.valid and _agrees_with_birth(cut, birth):
            found.add(cut)
    return found.pop() if len(found) == 1 else None


def _birth_boxes(hit: Hit) -> list:
    """Where boxed birth digits are: right of the label on its row, else under it."""
    page = hit.page
    row = page.rows[hit.row]
    lh = row.height
    right = (hit.x1 + 0.2 * lh, row.y0 - 0.9 * lh, min(page.width, hit.x1 + 20 * lh), row.y1 + 0.9 * lh)
    return [right, region_after(hit, 3.6)]


def _date_plausible(date: _dt.date, care: _dt.date | None) -> float:
    today = _dt.date.today()
    if date > today or date.year < 1900:
        return 0.0
    if care is not None and date > care:
        return 0.0
    if care is not None and (care - date).days < 1:
        return 0.2
    return 1.0


def _care_date(ctx: Context) -> _dt.date | None:
    f = ctx.fields.get("care_date")
    try:
        return _dt.date.fromisoformat(f.value) if f and f.value else None
    except ValueError:
        return None


def _nir_agreement(date: _dt.date, nir: str | None) -> float:
    """How a date's year and month weigh against the NIR read on the sheet (1 when none)."""
    if nir is None:
        return 1.0
    return 1.0 if _agrees_with_birth(nir, date) else 0.6


def read_birth_date(ctx: Context, sheet: Sheet, read_boxes: BoxReader, nir: str | None = None) -> None:
    labels = sheet.of("birth_date")
    others = sheet.negatives("birth_date")
    care = _care_date(ctx)
    cands: list[Candidate] = []
    # Typed dates near a birth label, wherever the label is.
    for spot in all_dates(ctx.pages):
        page = spot.page
        seg = page.rows[spot.row].segments[spot.seg]
        x = x_in(seg, seg.text, spot.match.start)
        if any(distance_lines(o, page, spot.row, x) < 1.0 for o in others):  # another label's date
            continue
        agrees = nir is not None and _agrees_with_birth(nir, spot.date)
        if (page.index, spot.row) in sheet.act_rows and not agrees:  # an act's date
            continue
        best = 0.0
        for lh in labels:
            d = distance_lines(lh, page, spot.row, x)
            if d < 4:
                best = max(best, lh.strength * (1 - d / 5))
        v = spot.value
        if best <= 0:
            # No birth label by it: a date whose year and month the NIR carries is the birth date.
            if agrees:
                cands.append(candidate(spot.date.isoformat(), _date_plausible(spot.date, care), 0.5, v.conf, v,
                                       nir_agrees=1.0))
            continue
        cands.append(candidate(spot.date.isoformat(), _date_plausible(spot.date, care) * _nir_agreement(spot.date, nir),
                               best, v.conf, v, birth_word=1.0))
    # Figures in boxes, read by the page's OCR as "2|2| |0|2| |2|0|0|3" or "22 02 2003".
    for lh in labels:
        page = lh.page
        for r in range(lh.hit.row, min(len(page.rows), lh.hit.row + 4)):
            if (page.index, r) in sheet.act_rows:
                continue
            for seg in page.rows[r].segments:
                for run, start in digit_runs(seg.text):
                    date = parse_date_digits(run) if len(run) == 8 else None
                    x = x_in(seg, seg.text, start)
                    d = distance_lines(lh, page, r, x)
                    if date is None or d >= 4:
                        continue
                    v = Value(list(seg.words), page, "same")
                    cands.append(candidate(date.isoformat(), _date_plausible(date, care) * _nir_agreement(date, nir),
                                           lh.strength * (1 - d / 5) * 0.9, v.conf, v, birth_word=1.0, figures=1.0))
    if cands and put_pick(ctx, KIND, "birth_date", pick(cands)) is not None:
        return
    for lh in best_label(labels):
        page = lh.page
        blank_seen = False
        for box in _birth_boxes(lh.hit):
            text = read_boxes(page, box)
            if text is None:
                blank_seen = True
                continue
            date = parse_date_digits(text.translate(_BOX_LETTERS))
            if date:
                c = candidate(date.isoformat(), _date_plausible(date, care) * _nir_agreement(date, nir),
                              lh.strength, 0.85, boxes=1.0)
                ctx.put("birth_date", date.isoformat(), confidence(KIND, "birth_date", c.score),
                        page=page.index, bbox=int_box(box), source_text=text)
                return
        if page.image is not None:
            ctx.put("birth_date", None, 0.6 if blank_seen else 0.2, page=page.index)
            return
    ctx.put_none("birth_date", 0.3)


# The boxes are read with the NIR's characters allowed (Corsica's 2A/2B); in a date they are digits.
_BOX_LETTERS = str.maketrans({"A": "4", "B": "8"})
