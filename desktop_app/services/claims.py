"""Claims: one care event or purchase for one person, and the documents that prove it."""

from __future__ import annotations

from desktop_app.core.errors import NotFound, UserError
from desktop_app.core.model import Category, Claim, TiersPayant, to_plain
from desktop_app.services.context import Context
from desktop_app.services.documents import get_document
from desktop_app.services.parsing import parse_amount, parse_date, parse_percent, parse_yes_no
from desktop_app.services.people import find_person


def get_claim(ctx: Context, claim_id) -> Claim:
    try:
        cid = int(claim_id)
    except (TypeError, ValueError):
        raise UserError(f"claim id must be a number, got {claim_id!r}") from None
    claim = ctx.store.claim(cid)
    if claim is None:
        raise NotFound(f"no claim {cid}; list them with 'paperasse claim list'")
    return claim


def _apply(claim: Claim, values: dict) -> None:
    v = {k: x for k, x in values.items() if x is not None}
    if "title" in v:
        claim.title = str(v["title"]).strip() or None
    if "care_date" in v:
        claim.care_date = parse_date(v["care_date"], "care date")
    if "category" in v:
        category = str(v["category"]).strip().lower()
        if category not in Category.values():
            raise UserError(
                f"category must be one of {', '.join(Category.values())}, got {v['category']!r}"
            )
        claim.category = Category(category)
    if "amount_paid" in v:
        amount = parse_amount(v["amount_paid"], "amount paid")
        claim.amount_paid = str(amount) if amount is not None else None
    if "base" in v:
        base = parse_amount(v["base"], "base de remboursement")
        claim.base = str(base) if base is not None else None
    if "amo_rate" in v:
        rate = parse_percent(v["amo_rate"], "AMO rate")
        claim.amo_rate = str(rate) if rate is not None else None
    if "tiers_payant" in v:
        tp = str(v["tiers_payant"]).strip().lower()
        if tp not in TiersPayant.values():
            raise UserError(f"tiers payant must be one of {', '.join(TiersPayant.values())}")
        claim.tiers_payant = TiersPayant(tp)
    if "ald" in v:
        claim.ald = parse_yes_no(v["ald"], "ALD")
    if "lpp_codes" in v:
        codes = v["lpp_codes"]
        if isinstance(codes, str):
            codes = [c.strip() for c in codes.replace(";", ",").split(",") if c.strip()]
        for code in codes:
            if not (code.isdigit() and len(code) == 7):
                raise UserError(f"LPP code {code!r} must have 7 digits")
        claim.lpp_codes = list(codes)
    if "notes" in v:
        claim.notes = str(v["notes"]).strip() or None


def new_claim(ctx: Context, person_ref, **values) -> Claim:
    person = find_person(ctx, person_ref)
    claim = Claim(person_id=person.id)
    _apply(claim, values)
    claim.id = ctx.store.add_claim(claim)
    return claim


def edit_claim(ctx: Context, claim_id, **values) -> Claim:
    claim = get_claim(ctx, claim_id)
    _apply(claim, values)
    ctx.store.update_claim(claim)
    return claim


def list_claims(ctx: Context, person_ref=None) -> list[Claim]:
    person_id = find_person(ctx, person_ref).id if person_ref else None
    return ctx.store.claims(person_id)


def add_document(ctx: Context, claim_id, document_id) -> Claim:
    claim = get_claim(ctx, claim_id)
    doc = get_document(ctx, document_id)
    if doc.person_id and doc.person_id != claim.person_id:
        other = ctx.store.person(doc.person_id)
        owner = ctx.store.person(claim.person_id)
        raise UserError(
            f"document {doc.id} belongs to {other.name if other else '?'}, "
            f"claim {claim.id} to {owner.name if owner else '?'}: they cannot be linked"
        )
    with ctx.store.transaction():
        if not doc.person_id:
            ctx.store.update_document(doc.id, {"person_id": claim.person_id})
        ctx.store.link_document(doc.id, claim.id)
    return claim


def remove_document(ctx: Context, claim_id, document_id) -> Claim:
    claim = get_claim(ctx, claim_id)
    doc = get_document(ctx, document_id)
    if doc.claim_id != claim.id:
        raise UserError(f"document {doc.id} is not linked to claim {claim.id}")
    ctx.store.link_document(doc.id, None)
    return claim


def claim_dict(ctx: Context, claim: Claim) -> dict:
    data = to_plain(claim)
    person = ctx.store.person(claim.person_id)
    data["person"] = person.name if person else None
    data["documents"] = [
        {"id": d.id, "kind": str(d.kind), "original_name": d.original_name}
        for d in ctx.store.documents(claim_id=claim.id)
    ]
    return data
