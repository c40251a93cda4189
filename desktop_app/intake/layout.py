"""Words on a page arranged as rows and segments, and label → value lookup on them.

A *row* is a visual line across the whole page (tesseract may cut it into
several blocks); a *segment* is a run of words on a row with no wide gap, i.e.
one cell of a table or one "label : value" group. Looking a value up by its
label (to the right on the same row, else just below) works the same for OCR
pages and PDF text layers, and for layouts the code has never seen.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from statistics import median

from PIL import Image


@dataclass
class Word:
    text: str
    x: float  # box in the upright (de-skewed) frame used for layout reasoning
    y: float
    w: float
    h: float
    conf: float = 1.0  # 0..1
    bbox: tuple[int, int, int, int] | None = None  # in the page image's own pixels
    line_id: tuple = ()

    @property
    def x1(self) -> float:
        return self.x + self.w

    @property
    def y1(self) -> float:
        return self.y + self.h

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


def fold(text: str) -> str:
    """Lower case without accents: what label matching compares."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _norm_token(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", fold(text)).strip()


@dataclass
class WordGroup:
    """Words read together (a segment, a row, a table cell) and the box around them."""

    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def y0(self) -> float:
        return min(w.y for w in self.words)

    @property
    def y1(self) -> float:
        return max(w.y1 for w in self.words)


@dataclass
class Segment(WordGroup):
    pass


@dataclass
class Row(WordGroup):
    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "   ".join(s.text for s in self.segments)

    @property
    def cy(self) -> float:
        return median(w.cy for w in self.words)

    @property
    def height(self) -> float:
        return median(w.h for w in self.words)


@dataclass
class Page:
    index: int  # 1-based
    width: int
    height: int
    words: list[Word]
    source: str  # 'ocr' | 'text_layer'
    skew_deg: float = 0.0
    image: Image.Image | None = None
    rows: list[Row] = field(default_factory=list)
    mean_conf: float = 1.0

    def __post_init__(self) -> None:
        if not self.rows:
            self.rows = build_rows(self.words)

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.rows)

    @property
    def line_height(self) -> float:
        hs = [r.height for r in self.rows]
        return median(hs) if hs else 20.0


# -- building rows ----------------------------------------------------------


def build_rows(words: list[Word]) -> list[Row]:
    """Group words into visual rows (merging tesseract lines that share a baseline)."""
    lines: dict[tuple, list[Word]] = {}
    for w in words:
        if w.text.strip():
            lines.setdefault(w.line_id, []).append(w)
    groups = sorted(lines.values(), key=lambda ws: median(w.cy for w in ws))
    rows: list[list[Word]] = []
    for ws in groups:
        cy = median(w.cy for w in ws)
        h = median(w.h for w in ws)
        if rows:
            last = rows[-1]
            lcy = median(w.cy for w in last)
            lh = median(w.h for w in last)
            if abs(cy - lcy) < 0.45 * min(h, lh) and not _overlaps_horizontally(ws, last):
                last.extend(ws)
                continue
        rows.append(list(ws))
    result = []
    for ws in rows:
        ws.sort(key=lambda w: w.x)
        row = Row(words=ws)
        row.segments = split_segments(ws)
        result.append(row)
    return result


def _overlaps_horizontally(a: list[Word], b: list[Word]) -> bool:
    """Whether some word of one line sits over a word of the other: two lines, not one.

    Word by word, not by extent: a table cell tesseract read as its own line ("Dépense"
    between "Acte" and "Remb. Sécu") fills a gap of its row and belongs to it.
    """
    for wa in a:
        for wb in b:
            if min(wa.x1, wb.x1) - max(wa.x, wb.x) > 0.3 * min(wa.w, wb.w):
                return True
    return False


def split_segments(words: list[Word], gap_factor: float = 1.8) -> list[Segment]:
    if not words:
        return []
    h = median(w.h for w in words)
    segments = [[words[0]]]
    for prev, w in zip(words, words[1:]):
        if (w.x - prev.x1 > gap_factor * h and not _name_goes_on(prev, w)) or _logo_before(segments[-1], w):
            segments.append([w])
        else:
            segments[-1].append(w)
    return [Segment(ws) for ws in segments]


_PARTICLES = frozenset({"DE", "DU", "DES", "LA", "LE", "VAN", "VON", "DER", "DA", "DOS", "DI", "D'"})


def _name_goes_on(a: Word, b: Word) -> bool:
    """Whether a gap falls inside a name in capitals ("BRUNO DU PONT DE   GAULT"): a name does
    not end on its particle, so the word after the gap is its end, not another cell."""
    return a.text in _PARTICLES and b.text.isalpha() and b.text.isupper() and len(b.text) > 1


def _logo_before(current: list[Word], w: Word) -> bool:
    """Whether what the segment holds so far is a letterhead's logo or monogram read as
    letters ("L |" before "DURAND, Karim"): a few tokens of a few characters each, all twice
    as tall as the text that follows, are no words of it and must not become part of a name."""
    return len(current) <= 3 and all(x.h > 2.0 * w.h and len(x.text.strip()) <= 3 for x in current)


def estimate_skew(words: list[Word]) -> float:
    """Page skew in degrees, from the slope of word centres along each text line."""
    lines: dict[tuple, list[Word]] = {}
    for w in words:
        if len(w.text) >= 2 and w.conf > 0.5:
            lines.setdefault(w.line_id, []).append(w)
    slopes = []
    for ws in lines.values():
        if len(ws) < 3:
            continue
        xs = [w.x + w.w / 2 for w in ws]
        ys = [w.y1 - 0.2 * w.h for w in ws]  # near the baseline, steadier than the centre
        span = max(xs) - min(xs)
        if span < 10 * median(w.h for w in ws):
            continue
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        den = sum((x - mx) ** 2 for x in xs)
        if den:
            slopes.append(sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den)
    if len(slopes) < 3:
        return 0.0
    angle = math.degrees(math.atan(median(slopes)))
    return angle if abs(angle) < 10 else 0.0


def deskew_words(words: list[Word], angle_deg: float, cx: float, cy: float) -> None:
    """Move each word's layout box so rows are horizontal; bbox keeps image pixels."""
    if abs(angle_deg) < 0.05:
        return
    a = math.radians(angle_deg)
    cos, sin = math.cos(a), math.sin(a)
    for w in words:
        mx, my = w.x + w.w / 2 - cx, w.y + w.h / 2 - cy
        nx = mx * cos + my * sin
        ny = -mx * sin + my * cos
        w.x, w.y = nx + cx - w.w / 2, ny + cy - w.h / 2


# -- label lookup -----------------------------------------------------------


@dataclass
class Hit:
    """Where a label was found: row, segment and the words it covers."""

    page: Page
    row: int
    seg: int
    start: int  # first word index in the segment
    end: int  # one past the last word of the label
    end_frac: float = 1.0  # share of the last word the label covers (OCR glues neighbours on)

    @property
    def segment(self) -> Segment:
        return self.page.rows[self.row].segments[self.seg]

    @property
    def words(self) -> list[Word]:
        return self.segment.words[self.start : self.end]

    @property
    def x0(self) -> float:
        return min(w.x for w in self.words)

    @property
    def x1(self) -> float:
        last = self.words[-1]
        return max([w.x1 for w in self.words[:-1]] + [last.x + last.w * self.end_frac])


@dataclass
class Value:
    words: list[Word]
    page: Page
    where: str  # 'right' | 'below' | 'same'

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def conf(self) -> float:
        return sum(w.conf for w in self.words) / len(self.words) if self.words else 0.0

    @property
    def bbox(self) -> list[int] | None:
        boxes = [w.bbox for w in self.words if w.bbox]
        if not boxes:
            return None
        x0 = min(b[0] for b in boxes)
        y0 = min(b[1] for b in boxes)
        x1 = max(b[0] + b[2] for b in boxes)
        y1 = max(b[1] + b[3] for b in boxes)
        return [int(x0), int(y0), int(x1 - x0), int(y1 - y0)]


def _segment_index(seg: Segment) -> tuple[str, list[int]]:
    """The segment's folded text and, per character, the index of its word."""
    chars: list[str] = []
    owner: list[int] = []
    for i, w in enumerate(seg.words):
        t = _norm_token(w.text)
        if not t:
            continue
        if chars:
            chars.append(" ")
            owner.append(i)
        chars.extend(t)
        owner.extend([i] * len(t))
    return "".join(chars), owner


def find_labels(pages: Iterable[Page], pattern: str) -> list[Hit]:
    """Every place a label matches; ``pattern`` is a regex on folded, punctuation-free text."""
    rx = re.compile(rf"(?<![0-9a-z])(?:{pattern})(?![0-9a-z])")
    hits = []
    for page in pages:
        for r, row in enumerate(page.rows):
            for s, seg in enumerate(row.segments):
                text, owner = _segment_index(seg)
                for m in rx.finditer(text):
                    if m.end() == m.start():
                        continue
                    last = owner[m.end() - 1]
                    last_chars = [i for i, o in enumerate(owner) if o == last]
                    covered = (m.end() - last_chars[0]) / max(1, len(last_chars))
                    hits.append(Hit(page, r, s, owner[m.start()], last + 1, min(1.0, covered)))
    return hits


def value_right(hit: Hit, max_gap_lines: float = 25.0) -> Value | None:
    """Words after the label on its row: rest of its segment, else the next segment."""
    seg = hit.segment
    rest = [w for w in seg.words[hit.end :] if not _is_separator(w.text)]
    if rest:
        return Value(rest, hit.page, "same")
    row = hit.page.rows[hit.row]
    if hit.seg + 1 < len(row.segments):
        nxt = row.segments[hit.seg + 1]
        if nxt.x0 - seg.x1 < max_gap_lines * row.height:
            words = [w for w in nxt.words if not _is_separator(w.text)]
            if words:
                return Value(words, hit.page, "right")
    return None


def value_below(hit: Hit, max_rows: int = 2, max_dist_lines: float = 3.0) -> Value | None:
    """The segment under the label (overlapping it horizontally), a row or two down."""
    page = hit.page
    lh = page.rows[hit.row].height
    base_y = page.rows[hit.row].y1
    x0, x1 = hit.x0, max(hit.x1, hit.segment.x1)
    seen = 0
    for r in range(hit.row + 1, len(page.rows)):
        row = page.rows[r]
        if row.y0 - base_y > max_dist_lines * lh:
            break
        best = None
        for seg in row.segments:
            overlap = min(seg.x1, x1) - max(seg.x0, x0)
            if overlap > 0 or abs(seg.x0 - x0) < 2 * lh:
                best = seg
                break
        if best is not None:
            return Value(list(best.words), page, "below")
        seen += 1
        if seen >= max_rows:
            break
    return None


def value_near(hit: Hit, accept: Callable[[str], bool] | None = None) -> Value | None:
    """Right first, then below; ``accept`` rejects a candidate that is not the wanted kind."""
    for getter in (value_right, value_below):
        v = getter(hit)
        if v is not None and (accept is None or accept(v.text)):
            return v
    return None


def _is_separator(text: str) -> bool:
    return bool(re.fullmatch(r"[:;.,\-–—=|_°]+", text.strip()))


def words_in_rows(page: Page, start: int, stop: int) -> list[Word]:
    return [w for row in page.rows[start:stop] for w in row.words]


def text_layer_page(index: int, text: str) -> Page:
    """A PDF text layer laid out in monospace as a page of words with synthetic boxes."""
    cw, lh, h = 10.0, 25.0, 20.0
    words = []
    lines = text.split("\n")
    for r, line in enumerate(lines):
        for m in re.finditer(r"\S+", line):
            words.append(
                Word(m.group(), x=m.start() * cw, y=r * lh, w=len(m.group()) * cw, h=h,
                     conf=1.0, bbox=None, line_id=(r,))
            )
    width = int(max((len(line) for line in lines), default=0) * cw)
    return Page(index=index, width=width, height=int(len(lines) * lh), words=words,
                source="text_layer")
