"""A stored document found by its id, listed, or shown whole as the command line prints it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from desktop_app.core.errors import NotFound, UserError
from desktop_app.core.model import Document, to_plain
from desktop_app.services.document_import import _language

if TYPE_CHECKING:
    from desktop_app.services.context import Context


def get_document(ctx: Context, document_id: int | str) -> Document:
    try:
        doc_id = int(document_id)
    except (TypeError, ValueError):
        raise UserError(f"document id must be a number, got {document_id!r}") from None
    doc = ctx.store.document(doc_id)
    if doc is None:
        raise NotFound(f"no document {doc_id}", hint=("doc.list", {}))
    return doc


def document_dict(ctx: Context, doc: Document, with_text: bool = False) -> dict:
    data = to_plain(doc)
    if not with_text:
        data.pop("text", None)
    data["fields"] = {
        name: {
            "value": f.value,
            "source": str(f.source),
            "confidence": f.confidence,
            "confirmed": f.confirmed,
            "page": f.page,
            "bbox": f.bbox,
        }
        for name, f in doc.fields.items()
    }
    data["unconfirmed"] = sorted(n for n, f in doc.fields.items() if not f.confirmed)
    if doc.person_id:
        person = ctx.store.person(doc.person_id)
        data["person"] = person.name if person else None
    row = ctx.store.document_row(doc.id)
    data["stored_path"] = str(ctx.store.stored_path(doc.id))
    data["warnings"], data["notices"] = _kept_warnings(row["warnings"] if row else None, _language(ctx))
    return data


def warning_texts(notices: Iterable, lang: str = "en") -> list[str]:
    """A document's reader warnings (``document_dict``'s ``notices``) worded in ``lang``: what
    the window says in its own language."""
    notices = list(notices)
    if not notices:
        return []
    from desktop_app.intake.read_warnings import texts

    return texts(notices, lang)


def _kept_warnings(stored: str | None, lang: str) -> tuple[list[str], list[dict]]:
    """A document's kept reader warnings worded in ``lang``, and as ids and values. A row
    written before warnings had ids keeps English sentences: they read as they are."""
    try:
        kept = json.loads(stored or "[]")
    except ValueError:
        kept = []
    if not isinstance(kept, list) or not kept:
        return [], []
    from desktop_app.intake.read_warnings import ReadWarning

    notes = [ReadWarning.from_json(k) for k in kept]
    return [n.text(lang) for n in notes], [n.to_json() for n in notes]


def list_documents(ctx: Context, person_ref=None, claim_id=None, unlinked=False) -> list[Document]:
    from desktop_app.services.people import find_person

    person_id = find_person(ctx, person_ref).id if person_ref else None
    return ctx.store.documents(person_id=person_id, claim_id=claim_id, unlinked=unlinked)
