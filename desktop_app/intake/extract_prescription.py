"""Prescriptions (ordonnances, bizone/ALD ones included): who prescribed what, for whom, when.

Each field is chosen among candidates from the whole page (candidates.py): values beside or
under their labels (resources/intake/labels_prescription.json, "Patient :", "Prescripteur :",
"né(e) le"…), titled names ("Dr …", "Mme …"), numbers that prove what they are (an 11-digit
Luhn-valid RPPS), dates by the words around them; each scored by its evidence. The items
are read by prescription_items.py.
"""

from __future__ import annotations

import datetime as _dt
import re

from desktop_app.core.identifiers import rpps_is_plausible
from desktop_app.intake.barcodes import read_code128
from desktop_app.intake.candidates import Candidate, candidate, confidence, pick, put_pick
from desktop_app.intake.extract_common import Context, all_dates, norm, reread, text_readings
from desktop_app.intake.extract_labelled import UNLABELLED, named_people
from desktop_app.intake.label_hits import (
    LabelHit,
    distance_lines,
    norm_text,
    split_names,
    values_near,
    x_in,
)
from desktop_app.intake.layout import Page, Value
from desktop_app.intake.names import (
    clean_person,
    doctor_titled,
    is_title,
    name_part,
    name_plausibility,
)
from desktop_app.intake.parse_ids import all_rpps, read_rpps
from desktop_app.intake.prescription_items import read_items
from desktop_app.intake.prescription_labels import KIND, Paper, patterns
from desktop_app.intake.read_warnings import warning

_DOCTOR = re.compile(r"(?i)^(?:dr|docteur|doctoresse|pr|professeur)\.?$")


def extract_prescription(ctx: Context) -> None:
    paper = Paper(ctx)
    prescriber = _prescriber(ctx, paper)
    _rpps(ctx, paper)
    patient = _patient(ctx, paper, prescriber)
    birth = _birth_date(ctx, paper)
    date = _date(ctx, paper)
    _ald(ctx)
    rows = [r for r in (_row_of(c) for c in (prescriber, patient, birth) if c is not None and c.v) if r is not None]
    date_row = _row_of(date) if date is not None and date.v else None
    end = None
    if date_row is not None:
        # A date in the header block closes it; one printed further down ("Besançon, le …"
        # over the signature) closes the items instead.
        if not rows or date_row <= max(rows) + 2:
            rows.append(date_row)
        else:
            end = date_row
    read_items(ctx, rows, end)


def _ald(ctx: Context) -> None:
    """A bizone / ALD prescription says so in words; several cues, or one in a heading, settle it."""
    rx = patterns()["ald_cues"]
    cues = [norm(row.text) for p in ctx.pages for row in p.rows if rx.search(norm(row.text))]
    ald = bool(cues)
    anchor = 0.8 if not ald else min(1.0, 0.6 + 0.2 * len(cues))
    ocr = ctx.pages[0].mean_conf if ctx.pages else 0.5
    c = candidate(ald, 1.0, anchor, ocr, cues=len(cues))
    ctx.put("ald", ald, confidence(KIND, "ald", c.score), page=1)


def _row_of(c: Candidate) -> int | None:
    page = c.v.page
    if page.index != 1:
        return None
    w = c.v.words[0]
    for r, row in enumerate(page.rows):
        if any(x is w for x in row.words):
            return r
    return None


def _same_name(a: str, b: str) -> bool:
    return sorted(norm_text(a).split()) == sorted(norm_text(b).split())


# -- the prescriber ----------------------------------------------------------------------------


def _titled_names(page: Page, doctors: bool):
    """(row, segment value, name) of each name with a title in front: doctors' or others'."""
    for r, row in enumerate(page.rows):
        for seg in row.segments:
            toks = seg.text.split()
            for i, tok in enumerate(toks):
                if not is_title(tok):
                    continue
                if bool(_DOCTOR.match(tok)) != doctors:
                    continue
                name = clean_person(" ".join(toks[i:]))
                if name and len(name.split()) >= 2:
                    yield r, Value(list(seg.words), page, "same"), name
                elif len(toks) == i + 1:  # "Docteur" alone, the name on the line under it
                    under = _segment_under(page, r, seg)
                    name = clean_person(under.text) if under is not None else None
                    if name and len(name.split()) >= 2:
                        yield r + 1, Value(list(under.words), page, "below"), name
                break


def _segment_under(page: Page, r: int, seg):
    if r + 1 >= len(page.rows):
        return None
    below = page.rows[r + 1]
    if below.y0 - page.rows[r].y1 > 2 * page.rows[r].height:
        return None
    for other in below.segments:
        if abs(other.x0 - seg.x0) < 2 * page.rows[r].height or min(other.x1, seg.x1) > max(other.x0, seg.x0):
            return other
    return None


def _prescriber(ctx: Context, paper: Paper) -> Candidate | None:
    cands: list[Candidate] = []
    for lh in paper.of("prescriber_name"):
        for near in values_near(lh):
            for text in text_readings(near.value):
                name = clean_person(text)
                if name:
                    cands.append(candidate(name, name_plausibility(name, near.value.text),
                                           lh.strength * near.position, near.value.conf, near.value,
                                           label=lh.quality))
    page = ctx.pages[0]
    top = page.height * 0.4 if page.source == "ocr" else page.rows[min(len(page.rows) - 1, 8)].y1 if page.rows else 0
    for r, v, name in _titled_names(page, doctors=True):
        high = page.rows[r].y0 <= top
        cands.append(candidate(name, name_plausibility(name), 0.75 if high else 0.5, v.conf, v, title=1.0))
    if not cands:
        # No title and no label: the first name-like line of the letterhead.
        for row in page.rows[:8]:
            for seg in row.segments:
                name = clean_person(seg.text)
                if name and not is_title(seg.text.split()[0]) and any(t.isupper() and len(t) > 1 for t in name.split()):
                    v = Value(list(seg.words), page, "same")
                    cands.append(candidate(name, name_plausibility(name), 0.3, v.conf, v, letterhead=1.0))
                    break
            if cands:
                break
    best = put_pick(ctx, KIND, "prescriber_name", pick(cands, same=_same_name))
    if best is None:
        ctx.put_none("prescriber_name", 0.2)
    return best


# -- the RPPS ------------------------------------------------------------------------------------


def _rpps(ctx: Context, paper: Paper) -> None:
    labels = paper.of("prescriber_rpps")
    negatives = paper.negatives("prescriber_rpps")
    cands: list[Candidate] = []
    failing = None  # a labelled number whose Luhn digit fails
    for page in ctx.pages:
        for r, row in enumerate(page.rows):
            for seg in row.segments:
                for reading in all_rpps(seg.text):
                    x = x_in(seg, seg.text, reading.start)
                    near = min((distance_lines(lh, page, r, x) for lh in labels), default=1e9)
                    lab = max((lh.strength for lh in labels if distance_lines(lh, page, r, x) == near), default=0.0)
                    anchor = lab * max(0.0, 1 - near / 5) if near < 5 else 0.0
                    # RPPS numbers start with 10: by itself a Luhn-valid 10… is likely the prescriber's.
                    anchor = max(anchor, 0.4 if reading.value.startswith("10") else 0.1)
                    if any(distance_lines(n, page, r, x) < near for n in negatives):
                        anchor *= 0.2
                    v = Value(list(seg.words), page, "same")
                    cands.append(candidate(reading.value, 1.0, anchor, v.conf, v, luhn=1.0, label_dist=min(near, 99)))
    p = pick(cands)
    if p.best is not None and p.best.evidence["anchor"] >= 0.4:
        put_pick(ctx, KIND, "prescriber_rpps", p)
        return
    for lh in labels:
        for near in values_near(lh):
            reading = read_rpps(near.value.text)
            if reading and not reading.valid:
                failing = (reading, near.value, lh)
                break
        if failing:
            break
    # OCR found none, or one failing its check digit: the barcode (a slower scan) settles it.
    for page in ctx.pages:
        if page.image is None:
            continue
        for code in read_code128(page.image):
            digits = re.sub(r"\D", "", code.data)
            if len(digits) == 11 and rpps_is_plausible(digits):
                c = candidate(digits, 1.0, 1.0, 1.0, barcode=1.0)
                ctx.put("prescriber_rpps", digits, confidence(KIND, "prescriber_rpps", c.score), page=page.index,
                        bbox=code.bbox, source_text=f"barcode {code.data}")
                if failing:
                    ctx.warnings.append(warning("read.rpps_barcode", read=failing[0].value, barcode=digits))
                return
    if failing:
        reading, v, lh = failing

        def passing(text: str):
            again = read_rpps(text)
            return again if again is not None and again.valid else None

        again = reread(ctx, v, passing, whitelist="0123456789", what="rpps")
        if again is not None:
            c = candidate(again.value, 0.8, lh.strength, v.conf, v, reread=1.0)
            ctx.put("prescriber_rpps", again.value, confidence(KIND, "prescriber_rpps", c.score), v,
                    source_text=f"read again: {again.value}")
            ctx.warnings.append(warning("read.rpps_read_again", read=reading.value, again=again.value))
            return
        c = candidate(reading.value, 0.25, lh.strength, v.conf, v, luhn=0.0)
        ctx.put("prescriber_rpps", reading.value, min(0.3, confidence(KIND, "prescriber_rpps", c.score)), v)
        ctx.warnings.extend(reading.warnings)
        return
    if p.best is not None:
        put_pick(ctx, KIND, "prescriber_rpps", p)
        return
    ctx.put_none("prescriber_rpps", 0.5)


# -- the patient ----------------------------------------------------------------------------------


def _patient(ctx: Context, paper: Paper, prescriber: Candidate | None) -> Candidate | None:
    cands: list[Candidate] = []
    for name, lh, near, ev in split_names(paper.hits, name_part):
        plaus = name_plausibility(name) * (0.3 if _near_prescriber(paper, lh) else 1.0)
        cands.append(candidate(name, plaus, ev, near.value.conf, near.value, split=1.0))
    for lh in paper.of("patient_name") + paper.of("surname"):
        at_start = 1.0 if lh.hit.start == 0 else 0.75
        for near in values_near(lh):
            for text in text_readings(near.value):
                name = clean_person(text)
                if name:
                    plaus = name_plausibility(name, near.value.text) * (0.1 if doctor_titled(text) else 1.0)
                    cands.append(candidate(name, plaus, lh.strength * near.position * at_start,
                                           near.value.conf, near.value, label=lh.quality))
    page = ctx.pages[0]
    below_row = _row_of(prescriber) if prescriber is not None and prescriber.v else None
    for r, v, name in _titled_names(page, doctors=False):
        after = below_row is None or r > below_row
        cands.append(candidate(name, name_plausibility(name), 0.7 if after else 0.4, v.conf, v, title=1.0))
    if not cands:
        # Untitled: the first name-like line under the letterhead.
        footer = patterns()["footer"]
        for r, row in enumerate(page.rows):
            if below_row is None or r <= below_row + 1:
                continue
            for seg in row.segments:
                name = clean_person(seg.text)
                if (name and any(t.isupper() and len(t) > 1 for t in name.split()) and len(name.split()) >= 2
                        and not footer.search(norm(seg.text))):
                    v = Value(list(seg.words), page, "same")
                    cands.append(candidate(name, name_plausibility(name), 0.25, v.conf, v, untitled=1.0))
                    break
            if cands:
                break
    if prescriber is not None:
        for c in cands:
            if _same_name(c.value, prescriber.value):
                c.score = round(c.score * 0.1, 4)
                c.evidence["is_prescriber"] = 1.0
    best = put_pick(ctx, KIND, "patient_name", pick(cands, same=_same_name))
    if best is None:
        # Printed with no label the vocabulary knows ("THOMAS, Nathalie" over the letterhead):
        # a person's name that is not the prescriber's, unsure.
        not_these = (prescriber.value if prescriber is not None else None,)
        for name, v, _ in named_people(ctx.pages[0], not_these, doctors=False):
            ctx.put("patient_name", name, UNLABELLED * v.conf, v)
            return None
        ctx.put_none("patient_name", 0.2)
    return best


def _near_prescriber(paper: Paper, lh: LabelHit) -> bool:
    """Whether a name label sits in the prescriber's block (just under "Prescripteur")."""
    return any(p.page is lh.page and 0 <= lh.hit.row - p.hit.row <= 2 for p in paper.of("prescriber_name"))


# -- dates ----------------------------------------------------------------------------------------------


def _near_labels(labels: list[LabelHit], page: Page, row: int, x: float, reach: float = 3.0) -> float:
    """The best label evidence for a spot: the label's strength, less with distance."""
    best = 0.0
    for lh in labels:
        d = distance_lines(lh, page, row, x)
        if d < reach:
            best = max(best, lh.strength * (1 - d / (reach + 1)))
    return best


def _spot_x(spot) -> float:
    seg = spot.page.rows[spot.row].segments[spot.seg]
    return x_in(seg, seg.text, spot.match.start)


_PLACE_DATE = re.compile(
    r"^\s*[A-ZÀ-Ý][\w'’\- ]{1,40},\s*(?:le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?$",
    re.IGNORECASE)


def _text_before(spot) -> str:
    seg = spot.page.rows[spot.row].segments[spot.seg]
    return seg.text[: spot.match.start]


def _birth_date(ctx: Context, paper: Paper) -> Candidate | None:
    labels = paper.of("patient_birth_date")
    others = paper.negatives("patient_birth_date") + paper.of("date")
    today = _dt.date.today()
    cands = []
    for spot in all_dates(ctx.pages):
        if _near_labels(others, spot.page, spot.row, _spot_x(spot), reach=0.9) > 0:
            continue  # the date of another label on its row
        anchor = _near_labels(labels, spot.page, spot.row, _spot_x(spot))
        if anchor <= 0:
            continue
        age = (today - spot.date).days / 365.25
        plaus = 1.0 if 0 <= age <= 115 else 0.0
        cands.append(candidate(spot.date.isoformat(), plaus, anchor, spot.value.conf, spot.value, birth_word=1.0))
    best = put_pick(ctx, KIND, "patient_birth_date", pick(cands))
    if best is None:
        # An age alone ("59 ans") gives no birth date.
        ctx.put_none("patient_birth_date", 0.6)
    return best


def _date(ctx: Context, paper: Paper) -> Candidate | None:
    labels = paper.of("date")
    births = paper.of("patient_birth_date")
    negatives = paper.negatives("date")
    birth = ctx.fields.get("patient_birth_date")
    birth_value = birth.value if birth and birth.value else None
    today = _dt.date.today()
    cands = []
    for i, spot in enumerate(all_dates(ctx.pages)):
        x = _spot_x(spot)
        if _near_labels(births, spot.page, spot.row, x, reach=1.5) > 0:
            continue
        if spot.date.isoformat() == birth_value:
            continue
        anchor = _near_labels(labels, spot.page, spot.row, x, reach=2.0)
        if _near_labels(negatives, spot.page, spot.row, x, reach=1.0) > 0:
            anchor *= 0.2
        # "Marseille, jeudi 3 avril 2025": a place and a comma before it is how letters are dated.
        if _PLACE_DATE.match(_text_before(spot)):
            anchor = max(anchor, 0.75)
        # Unlabelled: the first date of the page is most often the prescription's.
        anchor = max(anchor, 0.3 if i == 0 else 0.15)
        plaus = 0.0 if spot.date > today else 1.0
        if birth_value and spot.date.isoformat() < birth_value:
            plaus = 0.0
        cands.append(candidate(spot.date.isoformat(), plaus, anchor, spot.value.conf, spot.value, order=i))
    best = put_pick(ctx, KIND, "date", pick(cands))
    if best is None:
        ctx.put_none("date", 0.2)
    return best


