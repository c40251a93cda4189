"""Learning issuers' layouts from the user's corrections, and what is remembered of them.

When the user corrects (or confirms) a field of a document, the value is looked for on the
document's read pages; where it stood (its label, its place from the label, its box on the page)
is remembered for the document's issuer and kind. The next paper of that issuer is read by it
(intake/remembered.py). Each remembered layout can be listed and forgotten, from the window's
Settings and from ``paperasse layouts``.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from desktop_app.core.errors import NotFound, UserError
from desktop_app.core.layout_memory import (
    ISSUER_TYPES,
    RememberedField,
    RememberedLayout,
    fingerprint_key,
)
from desktop_app.services.field_checks import AMOUNT_FIELDS, DATE_FIELDS, NIR_FIELDS, RPPS_FIELDS

if TYPE_CHECKING:
    from desktop_app.core.model import Document, DocumentField
    from desktop_app.services.context import Context

NAME_FIELDS = frozenset({"patient_name", "prescriber_name"})
TEXT_FIELDS = frozenset({"supplier", "invoice_number", "reference", "payer", "practitioner"})
# The fields that name the issuer, in the order the list prefers them.
ISSUER_NAME_FIELDS = ("supplier", "prescriber_name", "practitioner", "payer")


def value_type(name: str) -> str | None:
    """What a field's value is checked as when read at a remembered place (None: not learnt,
    such as yes/no fields and lists)."""
    if name in DATE_FIELDS:
        return "date"
    if name in AMOUNT_FIELDS:
        return "amount"
    if name in NIR_FIELDS:
        return "nir"
    if name in RPPS_FIELDS:
        return "rpps"
    if name in NAME_FIELDS:
        return "name"
    if name in TEXT_FIELDS:
        return "text"
    return None


# -- the read pages kept with each document ----------------------------------------------------


def pages_blob(page_words: list[dict]) -> bytes | None:
    if not page_words:
        return None
    return zlib.compress(json.dumps(page_words, ensure_ascii=False, separators=(",", ":"))
                         .encode("utf-8"), 6)


def keep_pages(ctx: Context, document_id: int, result) -> None:
    """Inside the caller's transaction: the read pages' words, and a remembered layout's use."""
    blob = pages_blob(getattr(result, "page_words", None) or [])
    if blob is not None:
        ctx.store.set_document_pages(document_id, blob)
    layout_id = getattr(result, "remembered_layout", None)
    if layout_id is not None:
        ctx.store.layout_memory_used(layout_id)


def _pages(ctx: Context, document_id: int):
    blob = ctx.store.document_pages(document_id)
    if not blob:
        return None
    from desktop_app.intake.page_words import page_from_plain

    try:
        return [page_from_plain(p) for p in json.loads(zlib.decompress(blob))]
    except (zlib.error, ValueError, KeyError, TypeError, IndexError):
        return None  # a damaged copy: the document is simply not learnt from


# -- what is remembered ---------------------------------------------------------------------


def _layout(row: dict) -> RememberedLayout:
    try:
        fields = {name: RememberedField.from_plain(f)
                  for name, f in json.loads(row["fields"] or "{}").items()}
        fingerprint = tuple(json.loads(row["fingerprint"] or "[]"))
    except (ValueError, KeyError, TypeError, AttributeError):
        fields, fingerprint = {}, ()
    return RememberedLayout(id=row["id"], document_kind=row["kind"],
                            issuer_type=row["issuer_type"], issuer_key=row["issuer_key"],
                            fingerprint=fingerprint, fields=fields)


def remembered_layouts(ctx: Context) -> list[RememberedLayout]:
    """Every remembered layout, as the reader takes them."""
    return [_layout(r) for r in ctx.store.layout_memories() if r["issuer_type"] in ISSUER_TYPES]


@dataclass
class LayoutInfo:
    id: int
    kind: str
    issuer_type: str
    issuer_key: str
    issuer_name: str | None
    fields: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    document_id: int | None = None
    uses: int = 0
    created_at: str = ""
    updated_at: str = ""

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "issuer_type": self.issuer_type,
                "issuer_key": self.issuer_key, "issuer_name": self.issuer_name,
                "fields": list(self.fields), "labels": dict(self.labels),
                "document_id": self.document_id, "uses": self.uses,
                "created_at": self.created_at, "updated_at": self.updated_at}


def _info(row: dict) -> LayoutInfo:
    layout = _layout(row)
    return LayoutInfo(
        id=row["id"], kind=row["kind"], issuer_type=row["issuer_type"],
        issuer_key=row["issuer_key"], issuer_name=row.get("issuer_name"),
        fields=sorted(layout.fields), labels={n: f.label for n, f in layout.fields.items()},
        document_id=row.get("document_id"), uses=row.get("uses") or 0,
        created_at=row.get("created_at") or "", updated_at=row.get("updated_at") or "",
    )


def list_layouts(ctx: Context) -> list[LayoutInfo]:
    """The remembered layouts, the latest taught first."""
    rows = sorted(ctx.store.layout_memories(), key=lambda r: (r["updated_at"], r["id"]),
                  reverse=True)
    return [_info(r) for r in rows]


def _memory_id(memory_id) -> int:
    try:
        return int(memory_id)
    except (TypeError, ValueError):
        raise UserError(f"a remembered layout's id is a number, got {memory_id!r}") from None


def forget(ctx: Context, memory_id) -> LayoutInfo:
    """Forget one remembered layout: its issuer's next papers are read as any other."""
    number = _memory_id(memory_id)
    row = ctx.store.layout_memory(number)
    if row is None:
        raise NotFound(f"no remembered layout {number}", hint=("layouts.list", {}))
    info = _info(row)
    ctx.store.forget_layout_memory(number)
    return info


def forget_all(ctx: Context) -> int:
    return ctx.store.forget_layout_memories()


# -- learning --------------------------------------------------------------------------------


def learn(ctx: Context, doc: Document,
          taught: dict[str, tuple[object, bool, DocumentField | None]]) -> int | None:
    """Remember where each taught field (name -> (value as stored, whether the user changed it,
    the field as it was read)) stands on the document, for its issuer; inside the caller's
    transaction. Returns the remembered layout's id, or None when nothing could be learnt (the
    page's words were not kept, the value is not on the page as read, the issuer cannot be told
    from the page)."""
    wanted = {n: t for n, t in taught.items() if value_type(n) and t[0] not in (None, "", [])}
    if not wanted or doc.id is None:
        return None
    pages = _pages(ctx, doc.id)
    if not pages:
        return None
    from desktop_app.intake import remembered
    from desktop_app.intake.issuer import MIN_WORDS, issuer_of

    learnt: dict[str, RememberedField] = {}
    for name, (value, corrected, previous) in wanted.items():
        f = remembered.learn(pages, name, value_type(name) or "text", value,
                             page_no=previous.page if previous else None,
                             bbox=previous.bbox if previous else None, corrected=corrected)
        if f is not None:
            learnt[name] = replace(f, document_id=doc.id)
    if not learnt:
        return None
    issuer = issuer_of(pages)
    kind = str(doc.kind)
    same_kind = [la for la in remembered_layouts(ctx) if la.document_kind == kind]
    existing = remembered.best_layout(issuer, kind, same_kind)
    if existing is not None:
        fields = dict(existing.fields)
        for name, f in learnt.items():
            old = fields.get(name)
            # Confirming what a correction taught does not make it a mere confirmation.
            if old is not None and old.corrected and not f.corrected:
                f = replace(f, corrected=True)
            if old is not None:
                f = replace(f, replaced=replace(old, replaced=None).to_plain())
            fields[name] = f
        issuer_type, issuer_key = existing.issuer_type, existing.issuer_key
        memory_id = existing.id
    else:
        fields = learnt
        if issuer.sirets:
            issuer_type, issuer_key = "siret", issuer.sirets[0]
        elif issuer.rpps:
            issuer_type, issuer_key = "rpps", issuer.rpps[0]
        elif len(issuer.letterhead) >= MIN_WORDS:
            issuer_type, issuer_key = "fingerprint", fingerprint_key(issuer.letterhead)
        else:
            return None  # nothing on the page tells its issuer: nothing to remember it by
        memory_id = None
    return ctx.store.save_layout_memory({
        "id": memory_id, "kind": kind, "issuer_type": issuer_type, "issuer_key": issuer_key,
        "issuer_name": _issuer_name(doc, pages),
        "fingerprint": json.dumps(list(issuer.letterhead), ensure_ascii=False),
        "fields": json.dumps({n: f.to_plain() for n, f in sorted(fields.items())},
                             ensure_ascii=False),
        "document_id": doc.id,
    })


def taught_by(ctx: Context, document_id: int, names) -> list[str]:
    """Which of these fields a remembered layout now reads where they stood on this document
    (what the window tells once a correction is saved)."""
    wanted = set(names)
    found = set()
    for layout in remembered_layouts(ctx):
        found |= {n for n, f in layout.fields.items() if n in wanted and f.document_id == document_id}
    return sorted(found)


def unlearn(ctx: Context, document_id: int, names) -> None:
    """Undoing a field's change undoes what it taught: a remembered field learnt from this
    document goes back to what was remembered before it (or goes, when nothing was)."""
    for row in ctx.store.layout_memories():
        layout = _layout(row)
        fields = dict(layout.fields)
        touched = False
        for name in names:
            f = fields.get(name)
            if f is None or f.document_id != document_id:
                continue
            touched = True
            if f.replaced:
                fields[name] = RememberedField.from_plain(f.replaced)
            else:
                del fields[name]
        if not touched:
            continue
        if fields:
            ctx.store.save_layout_memory({
                **row, "fields": json.dumps({n: f.to_plain() for n, f in sorted(fields.items())},
                                            ensure_ascii=False)})
        else:
            ctx.store.forget_layout_memory(row["id"])


def _issuer_name(doc: Document, pages) -> str | None:
    for name in ISSUER_NAME_FIELDS:
        f = doc.fields.get(name)
        if f is not None and f.value:
            return str(f.value)[:200]
    if pages and pages[0].rows:
        return pages[0].rows[0].text[:200]
    return None
