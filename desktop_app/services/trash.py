"""Deleting with a way back: documents, claims and people go to the Trash, are kept there
``KEEP_DAYS`` days, can be restored as they were, and are removed for good when the Trash is
emptied (by the user, or at start-up for what has been there longer).

- A document goes alone; its claim keeps it linked, so restoring puts it back in the claim.
- A claim goes with its documents when asked (``with_documents``); otherwise they go back to the
  Inbox, and restoring the claim attaches those still there again.
- A person goes with all their claims and documents, as one entry restored together. The insured
  person of someone still in the household cannot be deleted (their claims depend on them).

A stored original goes from ``originals/`` only once no document row refers to it any more;
the copies kept with the backups (services/kept_originals.py) follow the backups' own rotation.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import asdict, dataclass

from desktop_app.core.errors import NotFound, UserError
from desktop_app.core.model import stored_id
from desktop_app.core.rules.messages import message
from desktop_app.services.context import Context
from desktop_app.store import originals

KEEP_DAYS = 30


@dataclass(frozen=True)
class Deleted:
    """What one delete put in the Trash."""

    entry_id: int
    kind: str  # "document", "claim" or "person"
    item_id: int
    label: str
    claims: int
    documents: int
    unlinked: int  # documents a deleted claim left in the Inbox

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class TrashItem:
    entry_id: int
    kind: str
    item_id: int
    label: str
    deleted_at: str
    days_left: int
    people: int
    claims: int
    documents: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Emptied:
    entries: int
    documents: int
    files_removed: int

    def to_dict(self) -> dict:
        return asdict(self)


def _lang(ctx: Context, lang: str | None) -> str:
    from desktop_app.services.tracking import language

    return language(ctx, lang)


def _kind_name(kind: str, lang: str) -> str:
    return message(f"trash.kind.{kind}", lang)


def claim_label(ctx: Context, claim) -> str:
    person = ctx.store.person(claim.person_id)
    parts = [claim.title or str(claim.category)]
    if claim.care_date:
        parts.append(claim.care_date.isoformat())
    if person:
        parts.append(person.name)
    return ", ".join(parts)


# Deleting


def delete_document(ctx: Context, document_id) -> Deleted:
    from desktop_app.services.documents import get_document

    doc = get_document(ctx, document_id)
    entry = ctx.store.trash_document(doc.id, doc.original_name)
    return Deleted(entry, "document", stored_id(doc), doc.original_name, 0, 1, 0)


def delete_claim(ctx: Context, claim_id, with_documents: bool = False) -> Deleted:
    from desktop_app.services.claims import get_claim

    claim = get_claim(ctx, claim_id)
    count = len(ctx.store.documents(claim_id=claim.id, with_text=False))
    label = claim_label(ctx, claim)
    entry = ctx.store.trash_claim(claim.id, label, with_documents)
    return Deleted(entry, "claim", stored_id(claim), label, 1,
                   count if with_documents else 0, 0 if with_documents else count)


def delete_person(ctx: Context, ref, lang: str | None = None) -> Deleted:
    from desktop_app.services.people import find_person

    person = find_person(ctx, ref)
    others = ctx.store.beneficiaries_of(person.id)
    if others:
        raise UserError(message("trash.insured_of", _lang(ctx, lang), name=person.name,
                                others=", ".join(others)))
    entry = ctx.store.trash_person(person.id, person.name)
    row = ctx.store.trash_entry(entry)
    return Deleted(entry, "person", stored_id(person), person.name, row.claims, row.documents, 0)


@dataclass(frozen=True)
class GoesWith:
    """What a delete would take along, for the confirmation: how many claims and documents, and
    the beneficiaries whose insured person it is (who keep a person from going)."""

    claims: int
    documents: int
    beneficiaries: tuple[str, ...] = ()


def what_goes_with(ctx: Context, kind: str, item_id: int) -> GoesWith:
    if kind == "person":
        return GoesWith(
            claims=len(ctx.store.claim_ids(person_id=item_id)),
            documents=len(ctx.store.documents(person_id=item_id, with_text=False)),
            beneficiaries=tuple(ctx.store.beneficiaries_of(item_id)),
        )
    if kind == "claim":
        return GoesWith(1, len(ctx.store.documents(claim_id=item_id, with_text=False)))
    return GoesWith(0, 1)


# Looking and restoring


def _days_left(deleted_at: str, today: _dt.date) -> int:
    try:
        day = _dt.datetime.fromisoformat(deleted_at).date()
    except ValueError:
        return 0
    return max(0, KEEP_DAYS - (today - day).days)


def list_trash(ctx: Context, today: _dt.date | None = None) -> list[TrashItem]:
    """What is in the Trash, the latest deleted first."""
    today = today or _dt.date.today()
    return [
        TrashItem(e.id, e.kind, e.item_id, e.label, e.deleted_at,
                  _days_left(e.deleted_at, today), e.people, e.claims, e.documents)
        for e in ctx.store.trash_entries()
    ]


def entry_of(ctx: Context, kind: str, item_id, lang: str | None = None) -> int:
    """The Trash entry a document, claim or person (by id) went with."""
    try:
        number = int(item_id)
    except (TypeError, ValueError):
        raise UserError(f"{kind} id must be a number, got {item_id!r}") from None
    entry = ctx.store.trash_entry_of(kind, number)
    if entry is None:
        lang = _lang(ctx, lang)
        raise NotFound(message("trash.not_in_trash", lang, kind=_kind_name(kind, lang), id=number))
    return entry


def restore(ctx: Context, entry_id, lang: str | None = None) -> TrashItem:
    """Put an entry back as it was; refused while what it belongs to is in the Trash itself."""
    lang = _lang(ctx, lang)
    try:
        number = int(entry_id)
    except (TypeError, ValueError):
        raise UserError(f"trash entry must be a number, got {entry_id!r}") from None
    item = next((i for i in list_trash(ctx) if i.entry_id == number), None)
    if item is None:
        raise NotFound(message("trash.no_entry", lang, id=number))
    blocked = ctx.store.restore_blocked_by(number)
    if blocked is not None:
        raise UserError(f"{item.label}: " + message(
            "trash.restore_first", lang, kind=_kind_name(blocked.kind, lang), label=blocked.label))
    ctx.store.restore_entry(number)
    return item


def restore_item(ctx: Context, kind: str, item_id, lang: str | None = None) -> TrashItem:
    return restore(ctx, entry_of(ctx, kind, item_id, lang), lang)


# Emptying


def empty(ctx: Context, entry_ids: list[int] | None = None) -> Emptied:
    """Remove entries (all of them by default) for good, and the originals no row needs."""
    ids = [e.id for e in ctx.store.trash_entries()] if entry_ids is None else list(entry_ids)
    if not ids:
        return Emptied(0, 0, 0)
    names = ctx.store.purge_entries(ids)
    removed = 0
    root = ctx.paths.originals
    for name in sorted(set(names)):
        target = originals.path_of(root, name)
        if not target.exists():
            continue
        # Under the originals lock: an import of the same bytes in another process is either
        # recorded already (kept) or waits until the file is gone (and places it again).
        if originals.remove_if_unreferenced(root, target, _in_use(ctx, name)):
            removed += 1
    return Emptied(len(ids), len(names), removed)


def _in_use(ctx: Context, name: str) -> Callable[[], bool]:
    """Whether a stored original of that name is still referred to, asked under the lock."""
    return lambda: ctx.store.stored_name_in_use(name)


def empty_expired(ctx: Context, today: _dt.date | None = None) -> Emptied:
    """Start-up tidy-up: what has been in the Trash ``KEEP_DAYS`` days or more goes."""
    expired = [i.entry_id for i in list_trash(ctx, today) if i.days_left <= 0]
    return empty(ctx, expired) if expired else Emptied(0, 0, 0)


def refuse_name_in_trash(ctx: Context, name: str, lang: str | None = None) -> None:
    """A new person (or a new name) that a person in the Trash holds: names are unique."""
    if ctx.store.trashed_person_named(name) is not None:
        raise UserError(message("trash.name_in_trash", _lang(ctx, lang), name=name))
