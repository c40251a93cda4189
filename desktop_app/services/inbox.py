"""New documents waiting to be checked and filed: confirm one field, find the claim they belong to."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from desktop_app.core.model import Category, DocumentField, DocumentKind, FieldSource
from desktop_app.core.rules.professions import propose_category
from desktop_app.services import claims as claims_service
from desktop_app.services.context import Context
from desktop_app.services.documents import get_document, normalise_field
from desktop_app.store.claim_candidates import candidate_claims

DATE_FIELDS = ("care_date", "date", "statement_date")
AMOUNT_FIELDS = ("total_amount", "total_paid")
# How close a claim's care date must be to the document's date to be proposed.
NEAR_DAYS = 7


def confirm_field(ctx: Context, document_id, name: str, value=None):
    """Confirm one field, with the user's correction if ``value`` is given (others stay as read)."""
    doc = get_document(ctx, document_id)
    previous = doc.fields.get(name)
    if value is None and previous is not None:
        updated = DocumentField(**{**previous.__dict__, "confirmed": True})
    else:
        typed = normalise_field(name, value)
        kept = previous if previous is not None and typed == previous.value else None
        updated = DocumentField(
            name=name,
            value=typed,
            source=kept.source if kept else FieldSource.USER,
            confidence=kept.confidence if kept else 1.0,
            confirmed=True,
            page=previous.page if previous else None,
            bbox=previous.bbox if previous else None,
            source_text=previous.source_text if previous else None,
        )
    from desktop_app.services import layout_memory

    with ctx.store.transaction():
        ctx.store.set_fields(doc.id, [updated])
        changed = updated.source == FieldSource.USER and (previous is None
                                                          or previous.value != updated.value)
        layout_memory.learn(ctx, ctx.store.document(doc.id), {name: (updated.value, changed, previous)})
    return ctx.store.document(doc.id)


def document_date(doc) -> _dt.date | None:
    """The care date a document speaks of (a statement's first line before its own date)."""
    lines = doc.fields.get("lines")
    candidates = []
    if lines and isinstance(lines.value, list):
        candidates += [line.get("care_date") for line in lines.value if isinstance(line, dict)]
    candidates += [doc.fields[name].value for name in DATE_FIELDS if name in doc.fields]
    for value in candidates:
        if value:
            try:
                return _dt.date.fromisoformat(str(value))
            except ValueError:
                continue
    return None


def document_amount(doc) -> Decimal | None:
    for name in AMOUNT_FIELDS:
        f = doc.fields.get(name)
        if f and f.value not in (None, ""):
            try:
                return Decimal(str(f.value))
            except InvalidOperation:
                continue
    return None


@dataclass
class Proposal:
    claim_id: int
    person: str
    care_date: str | None
    title: str | None
    amount_paid: str | None
    score: int
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def propose_claims(ctx: Context, document_id, limit: int = 5) -> list[Proposal]:
    """Claims this document probably belongs to: same person, near date, same amount."""
    doc = get_document(ctx, document_id)
    day = document_date(doc)
    amount = document_amount(doc)
    if not day and amount is None:
        return []
    near = _dt.timedelta(days=NEAR_DAYS)
    found = candidate_claims(ctx.store, doc.person_id, (day - near, day + near) if day else None)
    proposals = []
    for cid, name, care_date, title, paid, person_id in found:
        score, reasons = 0, []
        if doc.person_id and person_id == doc.person_id:
            score += 1
            reasons.append("same person")
        if day and care_date:
            gap = abs((_dt.date.fromisoformat(care_date) - day).days)
            if gap == 0:
                score += 3
                reasons.append("same date")
            elif gap <= NEAR_DAYS:
                score += 1
                reasons.append(f"{gap} days apart")
        if amount is not None and paid:
            try:
                if Decimal(paid) == amount:
                    score += 3
                    reasons.append("same amount")
            except InvalidOperation:
                pass
        if score >= 2:
            proposals.append(Proposal(cid, name, care_date, title, paid, score, reasons))
    proposals.sort(key=lambda p: (-p.score, p.care_date or ""))
    return proposals[:limit]


_CATEGORY_BY_KIND = {
    DocumentKind.PRESCRIPTION: Category.OTHER,
    DocumentKind.CARE_SHEET: Category.CONSULTATION,
    DocumentKind.INVOICE: Category.OTHER,
}


def _professions(ctx: Context) -> dict:
    from desktop_app.core.rules import load_rules

    return load_rules(ctx.resource("rules", "professions.json"))


def new_claim_from_document(ctx: Context, document_id, person_ref=None, **values):
    """Start a claim from a document's fields (date, amount, category) and link the document."""
    doc = get_document(ctx, document_id)
    person = person_ref if person_ref not in (None, "") else doc.person_id
    if person in (None, ""):
        from desktop_app.core.errors import UserError

        raise UserError("choose whose claim this is: the document names no one in the household")
    day = document_date(doc)
    amount = document_amount(doc)
    category = _CATEGORY_BY_KIND.get(doc.kind, Category.OTHER)
    proposed = propose_category(doc.text, _professions(ctx))
    if proposed is not None:
        category = Category(proposed[0])
    if doc.fields.get("lpp_code") or doc.fields.get("lpp_codes"):
        category = Category.LPP_DEVICE
    suggested = {
        "care_date": day.isoformat() if day else None,
        "amount_paid": str(amount) if amount is not None else None,
        "category": str(category),
        "title": _title_from(doc),
    }
    suggested.update({k: v for k, v in values.items() if v not in (None, "")})
    claim = claims_service.new_claim(ctx, person, **suggested)
    claims_service.add_document(ctx, claim.id, doc.id)
    return claim


def _title_from(doc) -> str | None:
    for name in ("supplier", "prescriber_name", "practitioner", "provider", "issuer", "title"):
        f = doc.fields.get(name)
        if f and f.value:
            return str(f.value)[:80]
    return None


def set_document_person(ctx: Context, document_id, person_ref) -> None:
    """Say whose document this is (or that it is not known: ``None``)."""
    from desktop_app.services.people import find_person

    doc = get_document(ctx, document_id)
    person_id = find_person(ctx, person_ref).id if person_ref not in (None, "") else None
    if doc.claim_id and person_id is not None:
        claim = claims_service.get_claim(ctx, doc.claim_id)
        if claim.person_id != person_id:
            from desktop_app.core.errors import UserError

            raise UserError(
                f"document {doc.id} is attached to a claim of someone else: remove it from "
                "that claim first"
            )
    ctx.store.update_document(doc.id, {"person_id": person_id})


def set_document_kind(ctx: Context, document_id, kind: str) -> None:
    from desktop_app.core.errors import UserError

    if kind not in DocumentKind.values():
        raise UserError(f"kind must be one of {', '.join(DocumentKind.values())}")
    doc = get_document(ctx, document_id)
    ctx.store.update_document(doc.id, {"kind": kind})
