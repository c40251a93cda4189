"""Every reading a field could have, the evidence for each, and the pick.

A field is not taken from the first place a pattern matches: candidates are gathered from the
whole page (beside or under a label from the vocabulary, and wherever a value proves what it
is by itself, like a NIR whose key checks), each is scored by its evidence (how well the label
matched, where the value sits, whether it is plausible, how clearly OCR read it), and the best
one wins. When the two best disagree with similar scores the reading is ambiguous: its
confidence drops and a warning names both. The score becomes a confidence through a table
fitted on documents the extractors were not tuned on (resources/intake/calibration.json).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from desktop_app.intake import vocab
from desktop_app.intake.layout import Hit, Page, Value, fold

# When True, fields carry their raw evidence score as confidence: what the calibration tool
# reads to fit the table (never set in the app).
RAW_SCORES = False

# Below this a candidate is no reading at all: nothing is better than noise.
MIN_SCORE = 0.15
# Two candidates closer than this (in score) with different values make a reading ambiguous.
AMBIGUOUS_MARGIN = 0.08
# An ambiguous reading is at most a suggestion.
AMBIGUOUS_CAP = 0.45


def norm_text(text: str) -> str:
    """Folded, punctuation-free text: what labels and headings are compared as."""
    return re.sub(r"[^0-9a-z]+", " ", fold(text)).strip()


# -- labels ------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    field: str
    text: str  # normalised
    weight: float = 1.0
    where: str = "any"  # 'right' | 'below' | 'any'
    negative: tuple[str, ...] = ()  # for a not-a-field label: the fields it keeps its value from

    @property
    def tokens(self) -> int:
        return len(self.text.split())


@dataclass
class LabelHit:
    label: Label
    quality: float  # 0..1, how well the printed words match the label
    hit: Hit

    @property
    def strength(self) -> float:
        return self.quality * self.label.weight

    @property
    def page(self) -> Page:
        return self.hit.page


@functools.cache
def labels_of(name: str) -> tuple[Label, ...]:
    """The labels of a vocabulary file (fields and not_fields)."""
    data = vocab.load(name)
    out = []
    for fname, entries in list(data.get("fields", {}).items()) + list(data.get("name_parts", {}).items()):
        for e in entries:
            out.append(Label(fname, norm_text(e["label"]), float(e.get("weight", 1.0)), e.get("where", "any")))
    for e in data.get("not_fields", []):
        out.append(Label("", norm_text(e["label"]), 1.0, "any", tuple(e.get("not", ()))))
    return tuple(out)


def min_ratio(text: str) -> float:
    """How close OCR text must be to a label: short labels must be exact, as one slip makes
    another word of them ("nom" / "non")."""
    n = len(text.replace(" ", ""))
    if n <= 4:
        return 100.0
    if n <= 7:
        return 84.0
    return 80.0


def _seg_tokens(seg) -> list[tuple[str, int]]:
    out = []
    for i, w in enumerate(seg.words):
        for t in norm_text(w.text).split():
            out.append((t, i))
    return out


def find_label_hits(pages: Iterable[Page], labels: tuple[Label, ...]) -> list[LabelHit]:
    """Where each label is printed, OCR slips forgiven; overlapping matches keep the longest best."""
    by_len: dict[int, list[Label]] = {}
    for lab in labels:
        by_len.setdefault(lab.tokens, []).append(lab)
    max_len = max(by_len) + 1 if by_len else 0
    pools = {}
    for n in range(1, max_len + 1):
        pool = by_len.get(n - 1, []) + by_len.get(n, []) + by_len.get(n + 1, [])
        pools[n] = (pool, [lab.text for lab in pool])
    hits: list[LabelHit] = []
    for page in pages:
        for r, row in enumerate(page.rows):
            for s, seg in enumerate(row.segments):
                toks = _seg_tokens(seg)
                found = []
                for i in range(len(toks)):
                    for n in range(1, max_len + 1):
                        if i + n > len(toks):
                            break
                        window = " ".join(t for t, _ in toks[i : i + n])
                        pool, texts = pools[n]
                        if not pool:
                            continue
                        for _, score, k in process.extract(window, texts, scorer=fuzz.ratio,
                                                           score_cutoff=80.0, limit=None):
                            lab = pool[k]
                            if score < min_ratio(lab.text):
                                continue
                            found.append((score / 100.0, lab, i, i + n))
                # Longest, best matches first; each token belongs to one label.
                # A label matched as printed beats a longer one matched loosely
                # ("date de l'acte" is not "date de l'accident" read badly).
                found.sort(key=lambda f: (f[0] >= 0.97, f[0] * len(f[1].text), f[0]), reverse=True)
                taken: set[int] = set()
                for q, lab, a, b in found:
                    if any(k in taken for k in range(a, b)):
                        continue
                    taken.update(range(a, b))
                    first_word, last_word = toks[a][1], toks[b - 1][1]
                    word_toks = [k for k, (_, o) in enumerate(toks) if o == last_word]
                    covered = (b - word_toks[0]) / len(word_toks)
                    hits.append(LabelHit(lab, q, Hit(page, r, s, first_word, last_word + 1, min(1.0, covered))))
    return hits


def hits_for(hits: list[LabelHit], fname: str) -> list[LabelHit]:
    return [h for h in hits if h.label.field == fname]


# -- headings and sections ------------------------------------------------------------


@functools.cache
def _headings() -> tuple[tuple[str, str], ...]:
    return tuple((norm_text(h["text"]), h["role"]) for h in vocab.load("headings")["headings"])


def heading_role(text: str) -> str | None:
    """The role of a segment that is a section heading (its whole text), else None."""
    n = norm_text(text)
    if not n:
        return None
    best = process.extractOne(n, [h for h, _ in _headings()], scorer=fuzz.ratio, score_cutoff=86.0)
    return _headings()[best[2]][1] if best else None


def is_heading_text(text: str) -> bool:
    """Whether text is a heading or a piece of one ("DES SOINS", "de l'assuré")."""
    n = norm_text(text)
    if len(n) < 3:
        return False
    for h, _ in _headings():
        if n == h or (len(n) >= 6 and f" {n} " in f" {h} "):
            return True
    return heading_role(text) is not None


def section_roles(page: Page) -> list[str | None]:
    """Per row, the role of the section it stands in: the last heading above it (or on it)."""
    roles: list[str | None] = []
    current = None
    for row in page.rows:
        for seg in row.segments:
            role = heading_role(seg.text)
            if role is not None and role != "title":
                current = role
                break
        roles.append(current)
    return roles


# -- values near a label ------------------------------------------------------------------


@dataclass
class Near:
    value: Value
    position: float  # 0..1: right after the label on its segment is 1


def values_near(lh: LabelHit, max_below: int = 2) -> list[Near]:
    """The texts a label could be naming: the rest of its segment, the next segment on its row,
    the segments under it; each with how typical its place is."""
    hit = lh.hit
    page = hit.page
    row = page.rows[hit.row]
    out: list[Near] = []
    where = lh.label.where
    if where in ("any", "right"):
        rest = [w for w in hit.segment.words[hit.end :] if not _separator(w.text)]
        if rest:
            out.append(Near(Value(rest, page, "same"), 1.0))
        elif hit.seg + 1 < len(row.segments):
            nxt = row.segments[hit.seg + 1]
            gap = (nxt.x0 - hit.segment.x1) / max(1.0, row.height)
            words = [w for w in nxt.words if not _separator(w.text)]
            if words and gap < 25:
                out.append(Near(Value(words, page, "right"), max(0.55, 0.95 - 0.015 * gap)))
    if where in ("any", "below"):
        lh_px = row.height
        x0, x1 = hit.x0, max(hit.x1, hit.segment.x1)
        seen = 0
        for r in range(hit.row + 1, len(page.rows)):
            below = page.rows[r]
            dist = (below.y0 - row.y1) / max(1.0, lh_px)
            if dist > 3.0:
                break
            for seg in below.segments:
                overlap = min(seg.x1, x1) - max(seg.x0, x0)
                if overlap > 0 or abs(seg.x0 - x0) < 2 * lh_px:
                    words = [w for w in seg.words if not _separator(w.text)]
                    if words:
                        out.append(Near(Value(words, page, "below"), max(0.5, 0.85 - 0.1 * seen - 0.05 * dist)))
                    break
            seen += 1
            if seen >= max_below:
                break
    return out


def _separator(text: str) -> bool:
    return bool(re.fullmatch(r"[:;.,\-–—=|_°]+", text.strip()))


def distance_lines(lh: LabelHit, page: Page, row: int, x: float) -> float:
    """How far (in line heights) a spot is from the end of a label, right and down counted."""
    if page is not lh.page:
        return 1e9
    hr = lh.page.rows[lh.hit.row]
    h = max(1.0, hr.height)
    dy = (page.rows[row].cy - hr.cy) / h
    dx = (x - lh.hit.x1) / h
    if dy < -0.6:  # above the label
        return 1e9
    if abs(dy) <= 0.6:  # same row: must be to the right
        return abs(dx) / 3 if dx > -1 else 1e9
    # Below: counted in rows (a label in small print over a value in a large hand is one row
    # away, not three line heights), starting under the label (from a little left of it to well
    # right of its end).
    rows_down = row - lh.hit.row
    if 0 < rows_down and dy < 4 * rows_down:
        dy = min(dy, float(rows_down))
    left = (lh.hit.x0 - x) / h
    return dy + max(0.0, left - 2) / 3 + max(0.0, dx - 25) / 10


def split_names(hits: list[LabelHit], clean) -> list[tuple[str, LabelHit, Near, float]]:
    """Names printed in two fields ("Nom : DUPONT   Prénom : Jean", or a header row "Nom  Prénom"
    over the values): (name as "Prénom NOM", the surname's label, its value, evidence 0..1)."""
    out = []
    surnames = [h for h in hits if h.label.field == "surname"]
    firsts = [h for h in hits if h.label.field == "first_name"]
    for s in surnames:
        for f in firsts:
            if f.page is not s.page or abs(f.hit.row - s.hit.row) > 3:
                continue
            for sn in values_near(s, max_below=1):
                last = clean(sn.value.text)
                if not last or len(last.split()) > 3:
                    continue
                for fn in values_near(f, max_below=1):
                    first = clean(fn.value.text)
                    if not first or len(first.split()) > 2 or first == last or fn.value.words[0] in sn.value.words:
                        continue
                    ev = min(s.strength, f.strength) / 0.7 * min(sn.position, fn.position)
                    out.append((f"{first} {last}", s, sn, min(1.0, ev)))
    return out


def x_in(group, text: str, start: int) -> float:
    """Where (page x) the character ``start`` of a word group's text stands, roughly."""
    return group.x0 + (group.x1 - group.x0) * start / max(1, len(text))


# -- candidates and the pick ---------------------------------------------------------------


@dataclass
class Candidate:
    value: object
    evidence: dict[str, float]
    score: float
    v: Value | None = None
    page: int | None = None
    bbox: list[int] | None = None
    source_text: str | None = None
    warnings: list[str] = field(default_factory=list)

    def why(self) -> str:
        return ", ".join(f"{k} {v:.2f}" for k, v in self.evidence.items())


def score_of(plausible: float, anchor: float, ocr: float) -> float:
    """The evidence as one number: a reading must be plausible, then its place (a label it sits
    by, or what the value proves by itself) counts most, OCR's own certainty a little."""
    return round(max(0.0, min(1.0, plausible * (0.15 + 0.6 * anchor + 0.25 * ocr))), 4)


def candidate(value, plausible: float, anchor: float, ocr: float, v: Value | None = None,
              **evidence) -> Candidate:
    ev = {"plausible": round(plausible, 3), "anchor": round(anchor, 3), "ocr": round(ocr, 3)}
    ev.update({k: round(float(x), 3) for k, x in evidence.items()})
    return Candidate(value, ev, score_of(plausible, anchor, ocr), v=v)


@dataclass
class Pick:
    best: Candidate | None
    runner_up: Candidate | None
    ambiguous: bool


def pick(cands: list[Candidate], same=lambda a, b: a == b) -> Pick:
    """The best-scored candidate; ambiguous when a different value scores nearly as well."""
    cands = [c for c in cands if c.score >= MIN_SCORE]
    if not cands:
        return Pick(None, None, False)
    cands.sort(key=lambda c: c.score, reverse=True)
    best = cands[0]
    runner = next((c for c in cands[1:] if not same(c.value, best.value)), None)
    ambiguous = runner is not None and runner.score >= best.score - AMBIGUOUS_MARGIN
    return Pick(best, runner, ambiguous)


# -- calibration ----------------------------------------------------------------------------


@functools.cache
def _calibration() -> dict:
    return vocab.load("calibration")


def _interp(points: list, x: float) -> float:
    xs = [p[0] for p in points]
    i = bisect.bisect_right(xs, x)
    if i == 0:
        return float(points[0][1])
    if i >= len(points):
        return float(points[-1][1])
    (x0, y0), (x1, y1) = points[i - 1], points[i]
    return float(y0 + (y1 - y0) * (x - x0) / (x1 - x0)) if x1 > x0 else float(y1)


def confidence(kind: str, fname: str, score: float) -> float:
    """The evidence score as a confidence, through the fitted table: at 0.8 and above a value
    was right at least 99 times in 100 on documents the extractors were not tuned on."""
    if RAW_SCORES:
        return score
    table = _calibration()
    fields = table.get("fields", {})
    points = (fields.get(f"{kind}.{fname}") or fields.get(fname)
              or table.get("kind_default", {}).get(kind) or table["default"])
    return round(_interp(points, score), 3)


def put_pick(ctx, kind: str, fname: str, p: Pick, describe=str) -> Candidate | None:
    """Put the pick's value in the context with its calibrated confidence; None when none."""
    if p.best is None:
        return None
    best = p.best
    conf = confidence(kind, fname, best.score)
    if p.ambiguous and not RAW_SCORES:
        conf = min(conf, AMBIGUOUS_CAP)
        ctx.warnings.append(
            f"{fname}: two readings are close ({describe(best.value)} or {describe(p.runner_up.value)}); check it")
    ctx.put(fname, best.value, conf, best.v, page=best.page, bbox=best.bbox, source_text=best.source_text)
    ctx.warnings.extend(best.warnings)
    return best


# The kinds whose readers weigh their evidence by hand rather than gathering candidates.
HAND_WEIGHED_KINDS = ("invoice", "receipt", "pharmacy_receipt", "rights_certificate", "mutuelle_card")


def hand_weighed_confidence(kind: str, fname: str, score: float) -> float:
    """A hand-weighed score through the fitted table, never above the score itself: the table
    only lowers what the calibrate documents did not bear out, and a value the reader found
    without its label stays as unsure as the reader said, however often such values were right
    on the calibrate documents (a layout they lacked may put another value there)."""
    return min(round(score, 3), confidence(kind, fname, score))


def calibrated(kind: str):
    """A reader whose confidences are raw evidence scores (how close the label, how sure the
    OCR), turned into confidences through the fitted table once it has read the page: the
    same promise as the scored fields, whichever way a reader weighs its evidence."""

    def wrap(extract):
        @functools.wraps(extract)
        def run(ctx) -> None:
            extract(ctx)
            for fname, f in ctx.fields.items():
                if f.value not in (None, "", []):
                    f.confidence = hand_weighed_confidence(kind, fname, f.confidence)

        return run

    return wrap
