"""Reading a field where the user showed it stands on an earlier paper of the same issuer.

Learning: the value the user typed (or confirmed) is looked for on the page's words; the label
printed before it (on its row, in the cell to its left, or just above) and the value's place
from that label are kept (core/layout_memory.py). Applying: on a new page of that issuer the
label is looked for again, its wording compared loosely so that OCR's slips do not lose it, the
value is taken at the same place from it (else in the same box of the page) and used only when
it reads as that field's kind of value (a date, an amount, a NIR whose key checks, a name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from desktop_app.core.confidence import SUGGESTION
from desktop_app.core.identifiers import check_nir, rpps_is_plausible
from desktop_app.core.layout_memory import RememberedField, RememberedLayout
from desktop_app.intake.issuer import SAME_LETTERHEAD, Issuer, issuer_of, letterhead_similarity
from desktop_app.intake.layout import Page, Row, Value, Word, fold
from desktop_app.intake.names import clean_person
from desktop_app.intake.parse_amounts import find_amounts, to_decimal_string
from desktop_app.intake.parse_dates import find_dates
from desktop_app.intake.parse_ids import nir_from_chars, ocr_digits
from desktop_app.intake.result import ExtractedField

MAX_VALUE_WORDS = 8  # a NIR grouped as on the carte Vitale is seven
MAX_LABEL_WORDS = 5
LABEL_MATCH = 80  # rapidfuzz ratio between the remembered label and the words read now
# Confidence of a value read at its remembered place: from its label, or only from its box.
FROM_LABEL, FROM_BOX = 0.93, 0.6
_MISREAD_COMMA = re.compile(r"(\d)[/;:'’](\d{2})(?!\d)")


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", fold(text)).strip()


def _letters(text: str) -> bool:
    return len(re.sub(r"[^a-z]", "", fold(text))) >= 2


# -- what a value reads as -------------------------------------------------------------------


def parse_as(kind: str, text: str):
    """The value ``text`` holds as a field of ``kind`` (core.layout_memory.VALUE_TYPES), in the
    form fields are stored in, or None when it does not read as one."""
    text = text.strip()
    if not text:
        return None
    if kind == "date":
        days = [d for d in find_dates(text) if not d.partial]
        return days[0].date.isoformat() if days else None
    if kind == "amount":
        # Where an amount is known to stand, a decimal comma OCR read as another mark still is one.
        amounts = find_amounts(text) or find_amounts(_MISREAD_COMMA.sub(r"\1,\2", text))
        return to_decimal_string(abs(amounts[-1].value)) if amounts else None
    if kind == "nir":
        reading = nir_from_chars(text)
        return reading.value if reading and reading.valid else None
    if kind == "rpps":
        digits = re.sub(r"\D", "", ocr_digits(text))
        return digits if rpps_is_plausible(digits) else None
    if kind == "name":
        return clean_person(text)
    return text


def same_value(kind: str, read, wanted) -> bool:
    if read is None or wanted in (None, ""):
        return False
    if kind == "amount":
        try:
            return Decimal(str(read)) == Decimal(str(wanted))
        except ArithmeticError:
            return False
    if kind == "nir":
        return check_nir(str(read)).value == check_nir(str(wanted)).value
    if kind in ("name", "text"):
        a, b = _norm(str(read)), _norm(str(wanted))
        return bool(a and b) and fuzz.ratio(a, b) >= 88
    return str(read) == str(wanted)


# -- learning -----------------------------------------------------------------------------


@dataclass
class _Spot:
    page: Page
    row: int
    seg: int
    start: int
    end: int

    @property
    def words(self) -> list[Word]:
        return self.page.rows[self.row].segments[self.seg].words[self.start : self.end]


def _box(words: list[Word]) -> tuple[float, float, float, float]:
    return (min(w.x for w in words), min(w.y for w in words),
            max(w.x1 for w in words), max(w.y1 for w in words))


def _spots(pages: list[Page], kind: str, value) -> list[_Spot]:
    """Every smallest run of words on the pages that reads as ``value``."""
    found: list[_Spot] = []
    for page in pages:
        for r, row in enumerate(page.rows):
            for s, seg in enumerate(row.segments):
                n = len(seg.words)
                taken: set[int] = set()
                for length in range(1, min(MAX_VALUE_WORDS, n) + 1):
                    for start in range(0, n - length + 1):
                        if any(i in taken for i in range(start, start + length)):
                            continue
                        text = " ".join(w.text for w in seg.words[start : start + length])
                        if same_value(kind, parse_as(kind, text), value):
                            found.append(_Spot(page, r, s, start, start + length))
                            taken.update(range(start, start + length))
    return found


def _label_of(spot: _Spot) -> tuple[list[Word], str]:
    """The words printed before the value: on its segment, in the segment to its left on the
    row, else the cell just above it; and which of those it was."""
    page = spot.page
    row = page.rows[spot.row]
    seg = row.segments[spot.seg]
    before = _trailing_label(seg.words[: spot.start])
    if before:
        return before, "same"
    if spot.seg > 0:
        left = _trailing_label(row.segments[spot.seg - 1].words)
        if left:
            return left, "right"
    x0, _, x1, _ = _box(spot.words)
    lh = page.line_height
    for r in range(spot.row - 1, max(-1, spot.row - 3), -1):
        above: Row = page.rows[r]
        if row.y0 - above.y1 > 3 * lh:
            break
        for other in above.segments:
            if min(other.x1, x1) - max(other.x0, x0) > 0 or abs(other.x0 - x0) < 2 * lh:
                words = other.words[: MAX_LABEL_WORDS + 1]
                if any(_letters(w.text) for w in words):
                    return words, "below"
    return [], "none"


def _trailing_label(words: list[Word]) -> list[Word]:
    """The last few words before a value, back to a figure (another value); separators such as
    ":" are passed over."""
    out: list[Word] = []
    for w in reversed(words):
        if re.search(r"\d", w.text):
            break
        if not _norm(w.text):
            continue
        out.insert(0, w)
        if len(out) >= MAX_LABEL_WORDS:
            break
    return out if any(_letters(w.text) for w in out) else []


def learn(pages: list[Page], name: str, kind: str, value, *, page_no: int | None = None,
          bbox: list[int] | None = None, corrected: bool = True) -> RememberedField | None:
    """Where ``value`` (as stored: an ISO date, a decimal amount…) stands on these pages, or
    None when it is not on them as read. ``bbox``/``page_no``, where the reader had found the
    field, choose between several places that read the same."""
    spots = _spots(pages, kind, value)
    if not spots:
        return None
    labelled = [(s, *_label_of(s)) for s in spots]

    def rank(item):
        spot, label, _relation = item
        x0, y0, x1, y1 = _box(spot.words)
        overlaps = bool(bbox) and spot.page.index == page_no and _overlap_bbox(spot.words, bbox)
        # A total stands at the foot of its page; other values come first where they are.
        order = -y0 if kind == "amount" else y0
        return (not overlaps, not label, spot.page.index, order)

    spot, label, relation = min(labelled, key=rank)
    page = spot.page
    lh = page.line_height or 20.0
    x0, y0, x1, y1 = _box(spot.words)
    width, height = max(1, page.width), max(1, page.height)
    if label:
        lx0, ly0, _, _ = _box(label)
        dx, dy = (x0 - lx0) / lh, (y0 - ly0) / lh
        label_at = (lx0 / width, ly0 / height)
    else:
        dx = dy = 0.0
        label_at = (0.0, 0.0)
    return RememberedField(
        name=name, type=kind, label=_norm(" ".join(w.text for w in label)), relation=relation,
        dx=dx, dy=dy, width=(x1 - x0) / lh, page=page.index,
        box=(x0 / width, y0 / height, (x1 - x0) / width, (y1 - y0) / height),
        label_at=label_at, corrected=corrected,
    )


def _overlap_bbox(words: list[Word], bbox: list[int]) -> bool:
    boxes = [w.bbox for w in words if w.bbox]
    if not boxes or len(bbox) != 4:
        return False
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    bx, by, bw, bh = bbox
    return min(x1, bx + bw) > max(x0, bx) and min(y1, by + bh) > max(y0, by)


# -- which remembered layout a page is ---------------------------------------------------------


def best_layout(issuer: Issuer, kind: str,
                layouts: list[RememberedLayout]) -> RememberedLayout | None:
    """The remembered layout of this page's issuer: by its SIRET or RPPS when the page shows
    one; by its letterhead only when the page shows neither (a standard form's printed header
    is the same for every professional: it cannot tell one from another)."""
    best, best_score = None, 0.0
    for layout in layouts:
        if layout.document_kind != kind and kind != "other":
            continue
        if layout.issuer_type == "siret":
            score = 3.0 if layout.issuer_key in issuer.sirets else 0.0
        elif layout.issuer_type == "rpps":
            score = 3.0 if layout.issuer_key in issuer.rpps else 0.0
        elif issuer.ids:
            score = 0.0
        else:
            similarity = letterhead_similarity(issuer.letterhead, layout.fingerprint)
            score = similarity if similarity >= SAME_LETTERHEAD else 0.0
        if layout.document_kind == kind:
            score += 0.5 if score else 0.0
        if score > best_score:
            best, best_score = layout, score
    return best


# -- applying ------------------------------------------------------------------------------


def _label_hits(page: Page, label: str) -> list[tuple[float, int, int, int, int]]:
    """Places the label's wording is read on the page: (score, row, segment, start, end)."""
    want = label.split()
    n = len(want)
    hits = []
    for r, row in enumerate(page.rows):
        for s, seg in enumerate(row.segments):
            tokens = [_norm(w.text) for w in seg.words]
            for start in range(len(tokens)):
                if not tokens[start]:
                    continue
                for k in {max(1, n - 1), n, n + 1}:
                    end = start + k
                    if end > len(tokens):
                        continue
                    text = " ".join(t for t in tokens[start:end] if t)
                    score = fuzz.ratio(text, label)
                    if score >= LABEL_MATCH:
                        hits.append((score, r, s, start, end))
    return hits


def _value_at(page: Page, kind: str, x: float, y: float, width: float, lh: float,
              skip: set[int]):
    """The value reading as ``kind`` whose first word starts nearest (x, y): (value, words)."""
    best = None
    for row in page.rows:
        if abs(row.y0 - y) > 0.9 * lh and abs(row.cy - (y + 0.5 * lh)) > 0.9 * lh:
            continue
        for seg in row.segments:
            for i, w in enumerate(seg.words):
                if id(w) in skip or abs(w.x - x) > max(3 * lh, 0.6 * width):
                    continue
                for end in range(i + 1, min(len(seg.words), i + MAX_VALUE_WORDS) + 1):
                    words = seg.words[i:end]
                    if any(id(v) in skip for v in words):
                        break
                    if kind == "text" and words[-1].x1 - w.x > width + 2 * lh:
                        break
                    text = " ".join(v.text for v in words)
                    got = parse_as(kind, text)
                    if got is None:
                        continue
                    if kind == "text":
                        # As long as it was: the words up to the remembered width.
                        if words[-1].x1 - w.x < 0.6 * width and end < len(seg.words):
                            continue
                    distance = abs(w.x - x) + 2 * abs(row.y0 - y)
                    if best is None or distance < best[0]:
                        best = (distance, got, words)
                    break
    return (best[1], best[2]) if best else None


def read_field(pages: list[Page], f: RememberedField):
    """The field's value at its remembered place on these pages:
    (value, words, page, confidence)."""
    on_page = [p for p in pages if p.index == f.page] or pages
    for page in on_page:
        lh = page.line_height or 20.0
        if f.label:
            hits = _label_hits(page, f.label)
            width, height = max(1, page.width), max(1, page.height)

            def nearness(hit, page=page, width=width, height=height):
                score, r, s, start, end = hit
                words = page.rows[r].segments[s].words[start:end]
                lx0, ly0, _, _ = _box(words)
                far = abs(lx0 / width - f.label_at[0]) + abs(ly0 / height - f.label_at[1])
                # The wording read closest to the remembered one, near where it was: a label
                # misread by a letter at its place beats the same words elsewhere on the page.
                return far + (100 - score) / 200

            for score, r, s, start, end in sorted(hits, key=nearness):
                label_words = page.rows[r].segments[s].words[start:end]
                lx0, ly0, _, _ = _box(label_words)
                got = _value_at(page, f.type, lx0 + f.dx * lh, ly0 + f.dy * lh, f.width * lh,
                                lh, {id(w) for w in label_words})
                if got is not None:
                    return got[0], got[1], page, FROM_LABEL * (0.6 + 0.4 * score / 100)
        x, y = f.box[0] * page.width, f.box[1] * page.height
        got = _value_at(page, f.type, x, y, f.box[2] * page.width, lh, set())
        if got is not None:
            return got[0], got[1], page, FROM_BOX
    return None


def apply(pages: list[Page], kind: str, fields: dict[str, ExtractedField],
          layouts: list[RememberedLayout]) -> tuple[str, int | None]:
    """Read this issuer's remembered fields into ``fields`` (in place): a field the user had
    corrected is taken from its remembered place first; one they had only confirmed fills a
    field the reader left empty or only suggested (under 0.5: the user's confirming that
    suggestion taught its place as surely as a correction). Returns the kind (a page classified as nothing in particular
    takes its issuer's) and the remembered layout's id, or None."""
    if not layouts or not pages:
        return kind, None
    layout = best_layout(issuer_of(pages), kind, layouts)
    if layout is None:
        return kind, None
    used = False
    for name, f in layout.fields.items():
        current = fields.get(name)
        if not f.corrected and current is not None and current.value not in (None, "", []) \
                and current.confidence >= SUGGESTION:
            continue
        got = read_field(pages, f)
        if got is None:
            continue
        value, words, page, confidence = got
        v = Value(list(words), page, "same")
        conf = confidence * (0.7 + 0.3 * v.conf)
        fields[name] = ExtractedField(value, round(min(1.0, conf), 3), v.page.index, v.bbox, v.text)
        used = True
    if kind == "other" and used:
        kind = layout.document_kind
    return kind, layout.id if used else None

