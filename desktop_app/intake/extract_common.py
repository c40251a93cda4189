"""Helpers every extractor uses: fields from values, dated and priced rows, label lookups."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image

from desktop_app.intake import vocab
from desktop_app.intake.layout import Hit, Page, Value, find_labels, fold, value_below, value_right
from desktop_app.intake.ocr import OcrEngine
from desktop_app.intake.parse_amounts import find_amounts, to_decimal_string, words_text
from desktop_app.intake.parse_dates import DateMatch, find_dates
from desktop_app.intake.read_warnings import ReadWarning, warning
from desktop_app.intake.result import ExtractedField

# The characters of a care sheet's boxed identifiers (NIR with Corsica's 2A/2B): the pipeline
# starts a reader with this list before knowing the kind, so it lives here, not with the care sheet.
BOX_WHITELIST = "0123456789AB"


@dataclass
class Context:
    pages: list[Page]
    engine: OcrEngine | None = None
    warnings: list[ReadWarning] = field(default_factory=list)
    fields: dict[str, ExtractedField] = field(default_factory=dict)
    renewable: bool | None = None
    date_order: str = "DMY"
    warm: object | None = None  # a WarmReader for box crops, started while the page was read
    reread_done: set = field(default_factory=set)  # values already read a second time

    def put(self, name: str, value, confidence: float, v: Value | None = None,
            page: int | None = None, bbox=None, source_text: str | None = None) -> None:
        if v is not None:
            page = page or v.page.index
            bbox = bbox or v.bbox
            source_text = source_text or v.text
        self.fields[name] = ExtractedField(value, round(max(0.0, min(1.0, confidence)), 3), page,
                                           bbox, source_text)

    def put_none(self, name: str, confidence: float = 0.5) -> None:
        self.fields[name] = ExtractedField(None, confidence, None, None, None)


def norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", fold(text)).strip()


def confident_text(v: Value, floor: float = 0.45) -> str:
    """The value's text without the stray marks OCR reads with low confidence."""
    return " ".join(w.text for w in v.words if w.conf >= floor) or v.text


def text_readings(v: Value) -> list[str]:
    """The value's text without OCR's unsure marks, and as read whole when that differs: a
    faint accented first name ("Éloïse") is often read unsure, and is still part of the name."""
    first = confident_text(v)
    return [first] if first == v.text else [first, v.text]


def row_value(page: Page, r: int, s: int = 0) -> Value:
    row = page.rows[r]
    return Value([w for seg in row.segments[s:] for w in seg.words], page, "same")


def seg_value(page: Page, r: int, s: int) -> Value:
    return Value(list(page.rows[r].segments[s].words), page, "same")


# -- dates -----------------------------------------------------------------


@dataclass
class DatedSpot:
    date: _dt.date
    page: Page
    row: int
    seg: int
    before: str  # folded text preceding the date on its row (its label)
    match: DateMatch

    @property
    def value(self) -> Value:
        return seg_value(self.page, self.row, self.seg)


def all_dates(pages: list[Page], order: str = "DMY") -> list[DatedSpot]:
    out = []
    for page in pages:
        for r, row in enumerate(page.rows):
            prefix = ""
            for s, seg in enumerate(row.segments):
                text = seg.text
                for dm in find_dates(text, order=order):
                    if dm.partial:
                        continue
                    before = norm(prefix + " " + text[: dm.start])
                    out.append(DatedSpot(dm.date, page, r, s, before, dm))
                prefix += " " + text
    return out


def date_near_label(pages: list[Page], pattern: str, exclude_after: str | None = None,
                    order: str = "DMY", exclude_before: str | None = None,
                    other_date: str | None = None) -> tuple[_dt.date, Value] | None:
    """The date printed right of (or below) a label matching ``pattern``; ``other_date``: words
    that, printed before a date in the value found, say it is another date (a line under a
    label whose own value OCR lost: "suivant ordonnance en date du …")."""
    for hit in find_labels(pages, pattern):
        if exclude_after and re.match(exclude_after, _after_label(hit)):
            continue
        if exclude_before and _preceded_by(hit, exclude_before):
            continue
        for getter in (value_right, next_cells, value_below):
            v = getter(hit)
            if v is None:
                continue
            dms = [d for d in find_dates(v.text, order=order) if not d.partial]
            if other_date:
                dms = [d for d in dms if not re.search(other_date, norm(v.text[: d.start]))]
            if dms:
                return dms[0].date, v
    return None


def next_cells(hit: Hit, cells: int | None = 2, where: str = "next") -> Value | None:
    """What follows the label on its row, over the next ``cells`` cells too (None: to the row's
    end): OCR may cut a value at a wide space ("14 SEPT.   2024", a NIR and its key apart)."""
    row = hit.page.rows[hit.row]
    after = row.segments[hit.seg + 1 :] if cells is None else row.segments[hit.seg + 1 : hit.seg + 1 + cells]
    words = list(hit.segment.words[hit.end :]) + [w for seg in after for w in seg.words]
    return Value(words, hit.page, where) if words else None


def _after_label(hit: Hit) -> str:
    return norm(" ".join(w.text for w in hit.segment.words[hit.end :]))


# -- amounts -----------------------------------------------------------------


def amount_right_of(hit: Hit, positive: bool = False) -> tuple[str, Value] | None:
    """The amount closing the label's row, however far right its column is: the last one
    before another label starts (``positive``: the last one above zero)."""
    page, row = hit.page, hit.page.rows[hit.row]
    words = list(hit.segment.words[hit.end :])
    found = _amount_in(words, positive)
    best = (found, words) if found else None
    for seg in row.segments[hit.seg + 1 :]:
        # Another label starts the segment: the amounts after it are not this label's.
        lead = re.split(r"[-−]?\d", seg.text, maxsplit=1)[0]
        if re.search(r"[a-zA-Z]{3}", re.sub(r"(?i)\b(eur|euros?|ttc|ht)\b", "", lead)):
            break
        a = _amount_in(seg.words, positive)
        if a:
            best = (a, list(seg.words))
    if best:
        return best[0], Value(best[1], page, "right")
    return None


def amount_below(hit: Hit, positive: bool = False) -> tuple[str, Value] | None:
    v = value_below(hit, max_rows=1, max_dist_lines=2.0)
    if v:
        a = _amount_in(v.words, positive)
        if a:
            return a, v
    return None


def _amount_in(words, positive: bool = False) -> str | None:
    # Joined as printed: a column gap stays wide, so a quantity and the price beside it
    # ("1   245,00 €") are two numbers, not one thousand two hundred and forty-five.
    found = find_amounts(words_text(words))
    if positive:
        found = [a for a in found if a.value > 0]
    if not found:
        return None
    return to_decimal_string(found[-1].value)


def amount_by_labels(pages: list[Page], patterns: list[str], exclude_before: str = r"dont|hors|sans") -> tuple[str, Value, int] | None:
    """Try labels in priority order; right of the label first, then below."""
    for rank, pattern in enumerate(patterns):
        hits = [h for h in find_labels(pages, pattern) if not _preceded_by(h, exclude_before)]
        for getter in (amount_right_of, amount_below):
            # The last matching label on the page is the summary, not a column header.
            for hit in reversed(hits):
                got = getter(hit)
                if got:
                    return got[0], got[1], rank
    return None


def _preceded_by(hit: Hit, pattern: str) -> bool:
    before = norm(" ".join(w.text for w in hit.segment.words[: hit.start]))
    return bool(re.search(rf"(?:^|\s)(?:{pattern})$", before))


def is_excluded_row(text: str, pattern: str) -> bool:
    return bool(re.search(pattern, norm(text)))


_EN = re.compile(r"\b(?:invoice|due|amount|quantity|description|price|total|date|payment|tax|terms|address|unit)\b")
_FR = re.compile(r"\b(?:facture|montant|quantite|prix|echeance|paiement|tva|adresse|date de|le|du|de|la|et|a payer|ttc)\b")


def date_order_of(pages: list[Page]) -> str:
    """MDY for a document written in English, DMY (French) otherwise."""
    text = norm(" ".join(p.text for p in pages))
    return "MDY" if len(_EN.findall(text)) > 2 * len(_FR.findall(text)) + 3 else "DMY"


# -- re-reading a value that failed its check ----------------------------------------------


def reread(ctx: Context, v: Value, parse: Callable[[str], object], whitelist: str | None = None,
           what: str = "value"):
    """Read a value's crop again, closer (2x, one line), once; its parse when that passes, else None.

    Only for a value whose first reading failed a check (a check digit, a total against
    its lines, a labelled date that is no date): the caller keeps the first reading when
    this gives nothing, and says in a warning when it takes the new one.
    """
    page = v.page
    if ctx.engine is None or page.image is None or not v.words:
        return None
    key = (page.index, tuple(v.bbox or ()), what)
    if key in ctx.reread_done:
        return None
    ctx.reread_done.add(key)
    box = v.bbox
    if not box:
        return None
    x, y, w, h = box
    lh = max(8, h)
    return _read_line(ctx, page, (x - 0.6 * lh, y - 0.35 * lh, x + w + 0.6 * lh, y + h + 0.35 * lh), parse,
                      whitelist)


def _read_line(ctx: Context, page: Page, area, parse: Callable[[str], object], whitelist: str | None = None):
    """One line of the page image read closer (2x, tesseract's single-line mode); its parse."""
    x0, y0, x1, y1 = area
    crop = page.image.crop((max(0, int(x0)), max(0, int(y0)), min(page.image.width, int(x1)),
                            min(page.image.height, int(y1))))
    if crop.width < 4 or crop.height < 4:
        return None
    crop = crop.resize((crop.width * 2, crop.height * 2), Image.LANCZOS)
    padded = Image.new("L", (crop.width + 40, crop.height + 40), 255)
    padded.paste(crop.convert("L"), (20, 20))
    try:
        words = ctx.engine.text_line(padded, whitelist=whitelist, psm=7)
    except Exception:  # noqa: BLE001 - a failed re-read leaves the first reading as it was
        return None
    text = " ".join(t for t, _ in words)
    return parse(text) if text else None


def reread_labelled_date(ctx: Context, pattern: str, order: str = "DMY",
                         skip_rows: set | None = None) -> tuple[_dt.date, Value] | None:
    """A label's value that holds figures but no date as read: read closer, once."""
    for hit in find_labels(ctx.pages, pattern):
        if skip_rows and (hit.page.index, hit.row) in skip_rows:
            continue
        for getter in (value_right, value_below):
            v = getter(hit)
            if v is None or len(re.findall(r"\d", v.text)) < 4 or find_dates(v.text, order=order):
                continue

            def first_date(text: str):
                return next((d.date for d in find_dates(text, order=order) if not d.partial), None)

            date = reread(ctx, v, first_date, what="date")
            if date is None:
                return None
            label = " ".join(w.text for w in hit.words)
            ctx.warnings.append(warning("read.date_read_again", label=label, read=v.text,
                                        date=date.isoformat()))
            return date, v
    return None


def reread_label_row(ctx: Context, hit: Hit, what: str = "amount") -> str | None:
    """The amount closing a label's row, read again from the page image: the page's layout
    analysis may drop a right-aligned column of figures as a picture (a till ticket's
    prices), leaving a total label with nothing beside it. Once per row, only for that case."""
    page = hit.page
    if ctx.engine is None or page.image is None or page.source != "ocr":
        return None
    key = (page.index, hit.row, what)
    if key in ctx.reread_done:
        return None
    ctx.reread_done.add(key)
    row = page.rows[hit.row]
    lh = max(8.0, row.height)

    def last_amount(text: str):
        found = [a for a in find_amounts(text) if a.value > 0]
        return to_decimal_string(found[-1].value) if found else None

    return _read_line(ctx, page, (hit.x1 + 0.3 * lh, row.y0 - 0.4 * lh, page.image.width, row.y1 + 0.4 * lh),
                      last_amount)


def reread_amount(ctx: Context, v: Value, expected: str, what: str) -> bool:
    """Whether the amount, read again closer, is ``expected`` (the sum its check wants)."""
    def parse(text: str):
        found = find_amounts(text)
        return to_decimal_string(found[-1].value) if found else None

    return reread(ctx, v, parse, what=what) == expected


_ADDRESS_WORDS = frozenset(vocab.load("organisations")["address_words"])


def is_address(text: str) -> bool:
    """A street line ("27 place du Marché") or a postcode and town ("75011 Paris")."""
    folded = norm(text)
    if re.search(r"(?<!\d)\d{5}\s+[a-z]", folded):
        return True
    return bool(re.match(r"\s*\d{1,4}(?:\s*(?:bis|ter))?\s", folded)) and any(
        w in _ADDRESS_WORDS for w in re.findall(r"[a-z]+", folded))
