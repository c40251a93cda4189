"""Every reading a field could have, the evidence for each, and the pick.

A field is not taken from the first place a pattern matches: candidates are gathered from the
whole page (beside or under a label from the vocabulary, and wherever a value proves what it
is by itself, like a NIR whose key checks), each is scored by its evidence (how well the label
matched, where the value sits, whether it is plausible, how clearly OCR read it), and the best
one wins. When the two best disagree with similar scores the reading is ambiguous: its
confidence drops and a warning names both. The score becomes a confidence through a table
fitted on documents the extractors were not tuned on (resources/intake/calibration.json).
The labels and the values near them are found by label_hits.py.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

from desktop_app.intake import vocab
from desktop_app.intake.layout import Value
from desktop_app.intake.read_warnings import ReadWarning, warning

# When True, fields carry their raw evidence score as confidence: what the calibration tool
# reads to fit the table (never set in the app).
RAW_SCORES = False

# Below this a candidate is no reading at all: nothing is better than noise.
MIN_SCORE = 0.15
# Two candidates closer than this (in score) with different values make a reading ambiguous.
AMBIGUOUS_MARGIN = 0.08
# An ambiguous reading is at most a suggestion.
AMBIGUOUS_CAP = 0.45


@dataclass
class Candidate:
    value: object
    evidence: dict[str, float]
    score: float
    v: Value | None = None
    page: int | None = None
    bbox: list[int] | None = None
    source_text: str | None = None
    warnings: list[ReadWarning] = field(default_factory=list)

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
        ctx.warnings.append(warning("read.two_readings", field=fname, first=describe(best.value),
                                    second=describe(p.runner_up.value)))
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
