"""What every field of a care sheet looks at: the label hits of its vocabulary
(resources/intake/labels_care_sheet.json), each row's section, and the areas under a label."""

from __future__ import annotations

from desktop_app.intake.extract_common import Context
from desktop_app.intake.label_hits import (
    LabelHit,
    find_label_hits,
    hits_for,
    labels_of,
    section_roles,
)
from desktop_app.intake.layout import Hit, Page

KIND = "care_sheet"
VOCAB = "labels_care_sheet"


class Sheet:
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


def region_after(hit: Hit, rows_down: float, right_limit: float | None = None) -> tuple[float, float, float, float]:
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


def best_label(hits: list[LabelHit]) -> list[LabelHit]:
    """The hits, the strongest first (then in page order)."""
    return sorted(hits, key=lambda h: (-h.strength, h.page.index, h.hit.row))


def int_box(box) -> list[int]:
    """An area (x0, y0, x1, y1) as a field's box: x, y, width, height in whole pixels."""
    x0, y0, x1, y1 = box
    return [int(x0), int(y0), int(x1 - x0), int(y1 - y0)]
