"""Care sheets (feuilles de soins, cerfa 12541/12542, suppliers' LPP sheets and look-alikes).

Each field is chosen among candidates gathered from the whole page (candidates.py): beside or
under one of its labels (resources/intake/labels_care_sheet.json), in the section its heading
says (a name under the practitioner's heading is not the patient's), and wherever the value
proves what it is by itself (a NIR whose key checks). Identity digits printed in boxes are
read again from a crop with the ruled lines erased. The signature is judged from ink in the
box under the insured's signature label, not from OCR.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

from desktop_app.intake import vocab
from desktop_app.intake.candidates import (
    Candidate,
    candidate,
    confidence,
    pick,
    put_pick,
)
from desktop_app.intake.extract_common import (
    BOX_WHITELIST,
    Context,
    all_dates,
    amount_by_labels,
    reread_amount,
    text_readings,
)
from desktop_app.intake.imaging import (
    binarise,
    box_contents,
    crop_layout,
    for_ocr,
    ink_amount,
    level_ink,
    line_profile,
    read_stacked,
)
from desktop_app.intake.label_hits import (
    LabelHit,
    distance_lines,
    find_label_hits,
    hits_for,
    is_heading_text,
    labels_of,
    norm_text,
    section_roles,
    split_names,
    values_near,
    x_in,
)
from desktop_app.intake.layout import Hit, Page, Value
from desktop_app.intake.names import (
    clean_person,
    doctor_titled,
    is_title,
    name_part,
    name_plausibility,
)
from desktop_app.intake.parse_amounts import find_amounts, to_decimal_string
from desktop_app.intake.parse_dates import find_dates, parse_date_digits
from desktop_app.intake.parse_ids import (
    all_nirs,
    digit_runs,
    nir_from_chars,
    nir_misreads,
    nir_single_digit_candidates,
)

KIND = "care_sheet"
VOCAB = "labels_care_sheet"


class _Sheet:
    """What every field looks at: the label hits and each row's section."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.hits = find_label_hits(ctx.pages, labels_of(VOCAB))
        self.roles = {p.index: section_roles(p) for p in ctx.pages}
        self.act_rows: set[tuple[int, int]] = set()

    def of(self, fname: str) -> list[LabelHit]:
        return hits_for(self.hits, fname)

    def negatives(self, fname: str) -> list[LabelHit]:
        return [h for h in self.hits if fname in h.label.negative]

    def role(self, page: Page, row: int) -> str | None:
        return self.roles[page.index][row]


def extract_care_sheet(ctx: Context) -> None:
    sheet = _Sheet(ctx)
    _patient(ctx, sheet)
    reader = _BoxReader(ctx, sheet)
    acts = _acts(ctx, sheet)
    # The NIR carries the year and month of birth: each field's reading checks the other's.
    typed = _typed_nirs(sheet)
    hint = pick(typed).best
    _birth_date(ctx, sheet, reader, hint.value if hint is not None and hint.score >= 0.5 else None)
    _nir(ctx, sheet, reader, typed)
    _signed(ctx, sheet)
    _total(ctx, acts)


# -- the patient's name -----------------------------------------------------------------

_ROLE_FACTOR = {"practitioner": 0.05, "acts": 0.1, "payment": 0.1, "insured": 0.8}


def _patient(ctx: Context, sheet: _Sheet) -> None:
    cands: list[Candidate] = []
    labels = sorted(sheet.of("patient_name") + sheet.of("surname"), key=lambda h: (h.page.index, h.hit.row))
    for rank, lh in enumerate(labels):
        role = sheet.role(lh.page, lh.hit.row)
        at_start = 1.0 if lh.hit.start == 0 else 0.7
        # The person receiving the care is named first on every model of the sheet.
        first = 1.0 if rank == 0 else 0.9
        for near in values_near(lh):
            for text in text_readings(near.value):
                name = clean_person(text)
                if not name:
                    continue
                plaus = name_plausibility(name, raw=near.value.text) * _ROLE_FACTOR.get(role, 1.0)
                if doctor_titled(text):  # "Dr Valérie GARCIA": the practitioner
                    plaus *= 0.1
                cands.append(candidate(name, plaus, lh.strength * near.position * at_start * first,
                                       near.value.conf, near.value, label=lh.quality))
    # Surname and first name in two fields.
    for name, lh, near, ev in split_names(sheet.hits, name_part):
        role = sheet.role(lh.page, lh.hit.row)
        plaus = name_plausibility(name) * _ROLE_FACTOR.get(role, 1.0)
        cands.append(candidate(name, plaus, ev, near.value.conf, near.value, split=1.0))
    # A titled name ("Mme Claire MOREAU") in the patient's section, even without a label.
    for page in ctx.pages:
        for r, row in enumerate(page.rows):
            if sheet.role(page, r) not in ("patient", "insured"):
                continue
            for seg in row.segments:
                toks = seg.text.split()
                if toks and is_title(toks[0]) and not re.match(r"(?i)(?:dr|docteur|pr)\b", toks[0]):
                    name = clean_person(seg.text)
                    if name:
                        v = Value(list(seg.words), page, "same")
                        cands.append(candidate(name, name_plausibility(name), 0.45, v.conf, v, title=1.0))
    # No label read: a name standing alone in the patient's section.
    if not cands:
        for page in ctx.pages:
            for r, row in enumerate(page.rows):
                if sheet.role(page, r) != "patient":
                    continue
                for seg in row.segments:
                    name = clean_person(seg.text)
                    if not name or len(name.split()) < 2 or doctor_titled(seg.text):
                        continue
                    plaus = name_plausibility(name, raw=seg.text)
                    if plaus >= 0.8:
                        v = Value(list(seg.words), page, "same")
                        cands.append(candidate(name, plaus, 0.3, v.conf, v, in_section=1.0))
    if not any(c.score >= 0.5 for c in cands):
        cands.extend(_free_names(ctx, sheet))
    p = pick(cands, same=_same_name)
    if put_pick(ctx, KIND, "patient_name", p) is None:
        ctx.put_none("patient_name", 0.2)


_NOT_PATIENT_CUES = re.compile(r"\b(?:dr|docteur|pr|praticien|medecin|prescri\w*|signature|cachet|tampon|"
                               r"etablissement|cabinet|centre|rpps|adeli|finess|siret)\b")


def _free_names(ctx: Context, sheet: _Sheet) -> list[Candidate]:
    """No label read that names the patient: a person's name printed on its own or after a
    label the vocabulary lacks ("Xxxx : MARTIN Claire"), nearer the identity lines (the NIR,
    the birth date) the better; never one the practitioner's words stand by."""
    near_rows = {(lh.page.index, lh.hit.row) for lh in sheet.of("nir") + sheet.of("birth_date")}
    for page in ctx.pages:
        for r in range(len(page.rows)):
            if all_nirs(page.rows[r].text):
                near_rows.add((page.index, r))
    cands: list[Candidate] = []
    for page in ctx.pages:
        for r, row in enumerate(page.rows):
            role = sheet.role(page, r)
            if role in ("practitioner", "acts", "payment") or (page.index, r) in sheet.act_rows:
                continue
            for seg in row.segments:
                toks = seg.text.split()
                for i, tok in enumerate(toks[:4]):
                    if not tok[:1].isupper():
                        continue
                    lead = norm_text(" ".join(toks[:i]))
                    if _NOT_PATIENT_CUES.search(lead) or doctor_titled(" ".join(toks[i:])):
                        break
                    name = clean_person(" ".join(toks[i:]))
                    if not name or not 2 <= len(name.split()) <= 4:
                        continue
                    plaus = name_plausibility(name)
                    if plaus < 0.8:
                        continue
                    rows_away = min((abs(r - nr) for pi, nr in near_rows if pi == page.index), default=99)
                    anchor = 0.35 if rows_away <= 3 else 0.15
                    words = [w for w in seg.words if w.text in name.split() or any(p in w.text for p in name.split())]
                    v = Value(words or list(seg.words), page, "same")
                    cands.append(candidate(name, plaus * _ROLE_FACTOR.get(role, 1.0), anchor, v.conf, v,
                                           free=1.0, rows_from_identity=min(rows_away, 99)))
                    break
    return cands


def _same_name(a: str, b: str) -> bool:
    return sorted(norm_text(a).split()) == sorted(norm_text(b).split())


# -- boxed digits -------------------------------------------------------------------------


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

    def __init__(self, ctx: Context, sheet: _Sheet) -> None:
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


def _best_label(hits: list[LabelHit]) -> list[LabelHit]:
    return sorted(hits, key=lambda h: (-h.strength, h.page.index, h.hit.row))


def _planned_boxes(sheet: _Sheet) -> list:
    """The box crops _nir and _birth_date will ask for, so they are read together."""
    out = []
    typed_nir = _typed_nirs(sheet)
    for lh in _best_label(sheet.of("nir"))[:1]:
        if not typed_nir:
            out.append((lh.page, _region_after(lh.hit, 3.6)))
    for lh in _best_label(sheet.of("birth_date"))[:1]:
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


def _typed_nirs(sheet: _Sheet) -> list[Candidate]:
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


def _agrees_with_birth(nir: str, birth: _dt.date | None) -> bool:
    return birth is not None and nir[1:5] == f"{birth.year % 100:02d}{birth.month:02d}"


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


def _misread_nirs(sheet: _Sheet, birth: _dt.date | None) -> list[Candidate]:
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
                    c.warnings.append(f"NIR read as {reading.value}, whose key fails; one digit changed gives "
                                      f"{fixed}, which passes and agrees with the birth date: check it")
                    cands.append(c)
    return cands


def _nir(ctx: Context, sheet: _Sheet, read_boxes: _BoxReader, typed: list[Candidate]) -> None:
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
    for lh in _best_label(sheet.of("nir")):
        page = lh.page
        box = _region_after(lh.hit, 3.6)
        text = read_boxes(page, box)
        if text is None:
            if page.image is not None:
                ctx.put("nir", None, 0.7, page=page.index, bbox=_int_box(box))
                return
            continue
        reading = nir_from_chars(text)
        if reading is not None and not reading.valid and len(reading.value) == 15:
            fixed = _key_fixed(reading.value, birth)
            if fixed is not None:
                c = candidate(fixed, 0.7, lh.strength, 0.85, boxes=1.0, key_fixed=1.0)
                ctx.put("nir", fixed, confidence(KIND, "nir", c.score), page=page.index,
                        bbox=_int_box(box), source_text=text)
                ctx.warnings.append(f"NIR read as {reading.value}, whose key fails; one digit changed gives "
                                    f"{fixed}, which passes and agrees with the birth date: check it")
                return
        if reading is None:
            ctx.put("nir", None, 0.2, page=page.index, bbox=_int_box(box), source_text=text)
            ctx.warnings.append(f"NIR could not be read from its boxes (read {text!r})")
            return
        c = candidate(reading.value, 1.0 if reading.valid else 0.25, lh.strength, 0.85, boxes=1.0)
        ctx.put("nir", reading.value, confidence(KIND, "nir", c.score), page=page.index,
                bbox=_int_box(box), source_text=text)
        ctx.warnings.extend(reading.warnings)
        return
    ctx.put_none("nir", 0.3)


def _int_box(box) -> list[int]:
    x0, y0, x1, y1 = box
    return [int(x0), int(y0), int(x1 - x0), int(y1 - y0)]


# -- the birth date ---------------------------------------------------------------------------


def _birth_boxes(hit: Hit) -> list:
    """Where boxed birth digits are: right of the label on its row, else under it."""
    page = hit.page
    row = page.rows[hit.row]
    lh = row.height
    right = (hit.x1 + 0.2 * lh, row.y0 - 0.9 * lh, min(page.width, hit.x1 + 20 * lh), row.y1 + 0.9 * lh)
    return [right, _region_after(hit, 3.6)]


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


def _birth_date(ctx: Context, sheet: _Sheet, read_boxes: _BoxReader, nir: str | None = None) -> None:
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
    for lh in _best_label(labels):
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
                        page=page.index, bbox=_int_box(box), source_text=text)
                return
        if page.image is not None:
            ctx.put("birth_date", None, 0.6 if blank_seen else 0.2, page=page.index)
            return
    ctx.put_none("birth_date", 0.3)


# The boxes are read with the NIR's characters allowed (Corsica's 2A/2B); in a date they are digits.
_BOX_LETTERS = str.maketrans({"A": "4", "B": "8"})


# -- the signature ------------------------------------------------------------------------------


def _signed(ctx: Context, sheet: _Sheet) -> None:
    hits = _best_label(sheet.of("signed"))
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
        ctx.put("signed", signed, confidence(KIND, "signed", c.score), page=page.index, bbox=_int_box(box),
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


# -- acts and total -------------------------------------------------------------------------------


def _acts_header(sheet: _Sheet):
    """The acts table's header: a 'date' label on a row that also names amounts or codes."""
    words = [norm_text(w) for w in vocab.load(VOCAB)["acts_header"]]
    for lh in sorted(sheet.of("care_date"), key=lambda h: (h.page.index, h.hit.row)):
        row_text = f" {norm_text(lh.page.rows[lh.hit.row].text)} "
        if any(f" {w} " in row_text for w in words) or sheet.role(lh.page, lh.hit.row) == "acts":
            return lh
    return None


def _acts(ctx: Context, sheet: _Sheet) -> list[tuple[str, Decimal | None]]:
    """(date, amount) of each act line, in table order; the first one is the care date."""
    header = _acts_header(sheet)
    negatives = sheet.negatives("care_date")
    births = sheet.of("birth_date")
    acts = []
    cands: list[Candidate] = []
    for spot in all_dates(ctx.pages):
        page = spot.page
        seg = page.rows[spot.row].segments[spot.seg]
        if header is not None:
            if spot.page is not header.page or spot.row <= header.hit.row:
                continue
            col = header.hit
            in_col = seg.x0 < col.segment.x1 + 2 * page.rows[col.row].height and seg.x1 > col.x0 - 3 * page.rows[col.row].height
            if not in_col:
                continue
        elif spot.seg != 0 and not find_amounts(" ".join(s.text for s in page.rows[spot.row].segments[spot.seg + 1:])):
            continue  # no table header read: an act line is a date with its amount
        x = x_in(seg, seg.text, spot.match.start)
        if any(distance_lines(n, page, spot.row, x) < 1.5 for n in negatives):
            continue
        below_header = header is not None and spot.row > header.hit.row
        if any(distance_lines(b, page, spot.row, x) < 2.5 and not (below_header and b.hit.row < header.hit.row)
               for b in births):  # a birth date
            continue
        if re.search(r"\ble\b$", spot.before):  # "le 12/05": a signature date, not an act
            continue
        row = page.rows[spot.row]
        amounts = find_amounts(" ".join(s.text for s in row.segments[spot.seg + 1 :]))
        amount = amounts[-1].value if amounts else None
        acts.append((spot, amount))
    today = _dt.date.today()
    for i, (spot, amount) in enumerate(acts):
        anchor = (header.strength if header is not None else 0.45 if spot.seg == 0 else 0.35) * (1.0 if i == 0 else 0.3)
        plaus = 1.0 if amount is not None else 0.8
        if spot.date > today:
            plaus = 0.0
        elif (today - spot.date).days > 5 * 365:  # care is claimed within two years
            plaus *= 0.3
        cands.append(candidate(spot.date.isoformat(), plaus, anchor, spot.value.conf, spot.value, rank=i))
        if i >= 3:
            break
    if put_pick(ctx, KIND, "care_date", pick(cands)) is None:
        ctx.put_none("care_date", 0.2)
    sheet.act_rows = {(s.page.index, s.row) for s, _ in acts}
    return [(s.date.isoformat(), a) for s, a in acts]


def _total_patterns() -> list[str]:
    labels = sorted(vocab.load(VOCAB)["fields"]["total_amount"], key=lambda e: -float(e.get("weight", 1)))
    strong = [re.escape(norm_text(e["label"])) for e in labels if float(e.get("weight", 1)) >= 0.9]
    weak = [re.escape(norm_text(e["label"])) for e in labels if float(e.get("weight", 1)) < 0.9]
    return ["|".join(strong)] + (["|".join(weak)] if weak else [])


def _total(ctx: Context, acts) -> None:
    got = amount_by_labels(ctx.pages, _total_patterns())
    amounts = [a for _, a in acts if a is not None]
    acts_sum = sum(amounts, Decimal("0")) if amounts else None
    complete = acts_sum is not None and len(amounts) == len(acts)
    if got:
        amount, v, rank = got
        agrees = acts_sum is not None and Decimal(amount) == acts_sum
        if complete and not agrees:
            expected = to_decimal_string(acts_sum)
            if reread_amount(ctx, v, expected, "total"):
                c = candidate(expected, 0.9, 1.0 - 0.3 * rank, v.conf, v, sum_agrees=1.0, reread=1.0)
                ctx.put("total_amount", expected, confidence(KIND, "total_amount", c.score), v,
                        source_text=f"read again: {expected}")
                ctx.warnings.append(f"total first read as {amount} differed from the sum of the act lines; "
                                    f"read again closer: {expected}")
                return
        plaus = 1.0 if agrees else 0.45 if complete else 0.7
        c = candidate(amount, plaus, 1.0 - 0.3 * rank, v.conf, v, sum_agrees=float(agrees))
        ctx.put("total_amount", amount, confidence(KIND, "total_amount", c.score), v)
        if complete and not agrees:
            ctx.warnings.append(
                f"total {amount} differs from the sum of the act lines ({to_decimal_string(acts_sum)}):"
                " an amount may be misread"
            )
        return
    if acts_sum is not None:
        c = candidate(to_decimal_string(acts_sum), 0.8 if complete else 0.4, 0.3, 0.8, from_lines=1.0)
        ctx.put("total_amount", to_decimal_string(acts_sum), confidence(KIND, "total_amount", c.score), page=1)
        return
    ctx.put_none("total_amount", 0.2)


__all__ = ["extract_care_sheet", "is_heading_text"]
