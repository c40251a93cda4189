"""What every field of a prescription looks at: the label hits of its vocabulary
(resources/intake/labels_prescription.json) and the word lists made patterns (ALD cues,
item sections, footers, renewal)."""

from __future__ import annotations

import re
from functools import cache

from desktop_app.intake import vocab
from desktop_app.intake.extract_common import Context
from desktop_app.intake.label_hits import LabelHit, find_label_hits, hits_for, labels_of, norm_text

KIND = "prescription"
VOCAB = "labels_prescription"


def _alternation(words) -> str:
    return "|".join(re.escape(norm_text(w)) for w in sorted(words, key=len, reverse=True) if norm_text(w))


@cache
def patterns() -> dict:
    data = vocab.load(VOCAB)
    rx = {k: re.compile(rf"(?<![0-9a-z])(?:{_alternation(data[k])})(?![0-9a-z])")
          for k in ("ald_cues", "item_sections", "footer")}
    rx["letterhead"] = re.compile(rf"^(?:{_alternation(data['letterhead'])})(?![0-9a-z])")
    rx["not_items"] = re.compile(rf"^(?:{_alternation(data['not_items'])})(?![0-9a-z])|\b\d{{1,3}} ans\b|\bkg\b")
    rx["not_renewable"] = re.compile(rf"(?<![0-9a-z])(?:{_alternation(data['renewal']['not_renewable'])})(?![0-9a-z])")
    rx["renewable"] = re.compile(rf"(?<![0-9a-z])(?:{_alternation(data['renewal']['renewable'])})(?![0-9a-z])")
    return rx


class Paper:
    """The label hits every field of the paper looks at."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.hits = find_label_hits(ctx.pages, labels_of(VOCAB))

    def of(self, fname: str) -> list[LabelHit]:
        return hits_for(self.hits, fname)

    def negatives(self, fname: str) -> list[LabelHit]:
        return [h for h in self.hits if fname in h.label.negative]
