"""A stored document's fields: the user's corrections and confirmations (what they show is
remembered for the paper's issuer), an edit undone, the original read again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.core.errors import UserError
from desktop_app.core.model import (
    Document,
    DocumentField,
    DocumentKind,
    FieldSource,
    ReadState,
    stored_id,
)
from desktop_app.services.document_import import _document_row, _language
from desktop_app.services.document_lookup import get_document
from desktop_app.store import originals

if TYPE_CHECKING:
    from desktop_app.services.context import Context


def normalise_field(name: str, raw, lang: str = "en") -> object:
    """A typed field value from what the user typed (services/field_checks.py says how)."""
    from desktop_app.services.field_checks import check_field

    check = check_field(name, raw)
    if not check.ok:
        raise UserError(f"{name}: {check.error_text(lang)}")
    return check.value


def confirm_document(
    ctx: Context,
    document_id,
    corrections: dict[str, object] | None = None,
    kind: str | None = None,
    person_ref=None,
    confirm_others: bool = True,
) -> Document:
    """Confirm every read field, applying the user's corrections first (a field the scan did
    not show is added the same way). ``confirm_others=False`` writes the corrections only, as
    the window does when one field is typed."""
    from desktop_app.services import layout_memory
    from desktop_app.services.people import find_person

    doc = get_document(ctx, document_id)
    corrections = corrections or {}
    updated: list[DocumentField] = []
    taught: dict[str, tuple] = {}
    lang = _language(ctx)
    for name, raw in corrections.items():
        value = normalise_field(name, raw, lang)
        previous = doc.fields.get(name)
        if value is None and previous is None:
            continue  # nothing typed for a field that was not read: nothing to store
        taught[name] = (value, previous is None or previous.value != value, previous)
        updated.append(
            DocumentField(
                name=name,
                value=value,
                source=FieldSource.USER,
                confidence=1.0,
                confirmed=True,
                page=previous.page if previous else None,
                bbox=previous.bbox if previous else None,
                source_text=previous.source_text if previous else None,
            )
        )
    for name, f in doc.fields.items():
        if confirm_others and name not in corrections and not f.confirmed:
            taught[name] = (f.value, False, f)
            f.confirmed = True
            updated.append(f)
    values: dict[str, object] = {}
    if kind:
        if kind not in DocumentKind.values():
            raise UserError(f"kind must be one of {', '.join(DocumentKind.values())}")
        values["kind"] = kind
    if person_ref:
        values["person_id"] = stored_id(find_person(ctx, person_ref))
    with ctx.store.transaction():
        if values:
            ctx.store.update_document(doc.id, values)
        ctx.store.set_fields(doc.id, updated)
        # Where the user showed the values stand is remembered for the paper's issuer.
        layout_memory.learn(ctx, ctx.store.document(doc.id), taught)
    return ctx.store.document(doc.id)


def restore_fields(ctx: Context, document_id, previous: dict[str, DocumentField | None]) -> Document:
    """Put fields back as they were before an edit (Undo): a field that was not there goes."""
    from desktop_app.services import layout_memory

    doc = get_document(ctx, document_id)
    with ctx.store.transaction():
        ctx.store.set_fields(doc.id, [f for f in previous.values() if f is not None])
        for name, f in previous.items():
            if f is None:
                ctx.store.remove_field(doc.id, name)
        layout_memory.unlearn(ctx, stored_id(doc), list(previous))
    return ctx.store.document(doc.id)


def reread_document(
    ctx: Context, document_id, progress=None, should_cancel=None
) -> Document:
    """Read a stored original again (e.g. once tesseract is installed)."""
    doc = get_document(ctx, document_id)
    path = ctx.store.stored_path(doc.id)
    if path is None or not path.exists():
        raise UserError(
            f"document {doc.id}: its stored original is missing; restore a backup"
        )
    from desktop_app import intake
    from desktop_app.services import layout_memory

    with originals.plain(path) as readable:  # an encrypted original: opened in the private tmp
        result = intake.read_document(
            readable,
            progress=progress,
            should_cancel=should_cancel,
            tesseract_cmd=ctx.setting("tesseract_cmd"),
            remembered=layout_memory.remembered_layouts(ctx),
        )
    row, fields = _document_row(
        path, originals.Staged(path, doc.sha256, doc.size), result, None, None, None
    )
    values = {
        "text": row["text"],
        "text_source": row["text_source"],
        "read_state": row["read_state"],
        "pages": row["pages"],
        "warnings": row["warnings"],
    }
    if doc.kind == DocumentKind.OTHER or doc.read_state != ReadState.READ:
        values["kind"] = row["kind"]
    with ctx.store.transaction():
        ctx.store.replace_read(doc.id, values, fields)
        layout_memory.keep_pages(ctx, stored_id(doc), result)
    return ctx.store.document(doc.id)
