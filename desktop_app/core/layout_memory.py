"""What Paperasse remembers of an issuer's layout once the user has corrected or confirmed a field.

A remembered layout belongs to one issuer (a SIRET or an RPPS read on its papers, or, when none
is printed, the words of its letterhead) and one kind of document. For each field it keeps where
the value stood: the wording of the label printed before it, the value's place from that label
(in line heights, so the page's resolution does not matter) and its box as shares of the page.
The store keeps these as rows, the reader receives them as these plain values: neither needs
the other.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

# How the issuer of a paper is known, strongest first.
ISSUER_TYPES = ("siret", "rpps", "fingerprint")
# The kinds of value a remembered place is checked against before it is used.
VALUE_TYPES = ("date", "amount", "nir", "rpps", "name", "text")


@dataclass(frozen=True)
class RememberedField:
    name: str
    type: str  # one of VALUE_TYPES
    label: str  # the label's words, folded (lower case, no accents or punctuation); "" when none
    relation: str  # where the value stood from its label: "same" row | "right" | "below" | "none"
    dx: float  # the value's left edge from the label's left edge, in line heights
    dy: float  # the value's top from the label's top, in line heights
    width: float  # the value's width, in line heights
    page: int
    box: tuple[float, float, float, float]  # the value's x, y, width, height as shares of the page
    label_at: tuple[float, float] = (0.0, 0.0)  # the label's left and top as shares of the page
    corrected: bool = True  # the user changed the value (not only confirmed what was read)
    document_id: int | None = None  # the document it was learnt from
    replaced: dict | None = None  # what was remembered of the field before (undoing puts it back)

    def to_plain(self) -> dict:
        data = asdict(self)
        data["box"] = [round(v, 4) for v in self.box]
        data["label_at"] = [round(v, 4) for v in self.label_at]
        for key in ("dx", "dy", "width"):
            data[key] = round(data[key], 3)
        return data

    @classmethod
    def from_plain(cls, data: dict) -> RememberedField:
        return cls(
            name=str(data["name"]), type=str(data["type"]), label=str(data.get("label") or ""),
            relation=str(data.get("relation") or "none"), dx=float(data.get("dx", 0.0)),
            dy=float(data.get("dy", 0.0)), width=float(data.get("width", 0.0)),
            page=int(data.get("page", 1)),
            box=tuple(float(v) for v in data.get("box", (0, 0, 0, 0)))[:4],  # type: ignore[arg-type]
            label_at=tuple(float(v) for v in data.get("label_at", (0, 0)))[:2],  # type: ignore[arg-type]
            corrected=bool(data.get("corrected", True)),
            document_id=data["document_id"] if isinstance(data.get("document_id"), int) else None,
            replaced=data["replaced"] if isinstance(data.get("replaced"), dict) else None,
        )


@dataclass(frozen=True)
class RememberedLayout:
    id: int
    document_kind: str
    issuer_type: str  # one of ISSUER_TYPES
    issuer_key: str  # the SIRET or RPPS, or the fingerprint's hash
    fingerprint: tuple[str, ...] = ()  # the letterhead's words, kept for every issuer type
    fields: dict[str, RememberedField] = field(default_factory=dict)


def fingerprint_key(words) -> str:
    """A short stable name for a letterhead's words (what the list and the command line show)."""
    return hashlib.sha1(" ".join(sorted(set(words))).encode("utf-8")).hexdigest()[:12]
