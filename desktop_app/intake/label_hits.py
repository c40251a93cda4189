"""Where a field's candidates are gathered: the vocabulary's labels found on a page (fuzzily,
as OCR reads them), the sections its headings open, the values standing beside or under a
label, and how far a value is from one. candidates.py scores what is found there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from desktop_app.intake import vocab
from desktop_app.intake.layout import Hit, Page, Value, fold


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
        if dx <= -1:
            return 1e9
        if dx > 3 and _nothing_between(page.rows[row], lh.hit.x1, x):
            # Forms that align their values in a column put them far from short labels; the
            # next thing printed after a label on its row is still its value.
            return min(dx / 3, 0.6 + dx / 60)
        return abs(dx) / 3
    # Below: counted in rows (a label in small print over a value in a large hand is one row
    # away, not three line heights), starting under the label (from a little left of it to well
    # right of its end).
    rows_down = row - lh.hit.row
    if 0 < rows_down and dy < 4 * rows_down:
        dy = min(dy, float(rows_down))
    left = (lh.hit.x0 - x) / h
    return dy + max(0.0, left - 2) / 3 + max(0.0, dx - 25) / 10


def _nothing_between(row, x0: float, x1: float) -> bool:
    """Whether no word of the row starts between a label's end and a spot (a column's gap)."""
    return not any(x0 + 1 < w.x and w.x1 < x1 - 1 and not _separator(w.text) for w in row.words)


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
