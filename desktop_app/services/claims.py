"""Claims: one care event or purchase for one person, and the documents that prove it."""

from __future__ import annotations

from desktop_app.core.errors import NotFound, UserError
from desktop_app.core.model import (
    SPECIALTIES,
    Billing,
    Category,
    Claim,
    TiersPayant,
    stored_id,
    to_plain,
)
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
        raise NotFound(f"no claim {cid}", hint=("claim.list", {}))
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
    if "billing" in v:
        _apply_billing(claim, v["billing"], v.get("tiers_payant"))
    if "units" in v:
        claim.units = _units(v["units"])
    if "specialty" in v:
        specialty = str(v["specialty"]).strip().lower()
        if specialty in ("", "none"):
            claim.specialty = None
        elif specialty not in SPECIALTIES:
            raise UserError(f"specialty must be one of {', '.join(SPECIALTIES)}, got {v['specialty']!r}")
        else:
            claim.specialty = specialty
    if "out_of_parcours" in v:
        text = str(v["out_of_parcours"]).strip().lower()
        claim.out_of_parcours = (
            None if text in ("", "auto") else parse_yes_no(text, "outside the care path")
        )
    if "basket_100" in v:
        claim.basket_100 = parse_yes_no(v["basket_100"], "100 % santé")
    if "ald" in v:
        claim.ald = parse_yes_no(v["ald"], "ALD")
    if "lpp_codes" in v:
        codes = v["lpp_codes"]
        if isinstance(codes, str):
            codes = [c.strip() for c in codes.replace(";", ",").split(",") if c.strip()]
        from desktop_app.services.lpp import normalise_code

        claim.lpp_codes = [normalise_code(code) for code in codes]
    if "notes" in v:
        claim.notes = str(v["notes"]).strip() or None


BILLINGS = ("vitale", "paper", "tiers-payant-integral", "auto")


def _apply_billing(claim: Claim, value, tiers_payant) -> None:
    """vitale / paper set how the CPAM got the care; tiers-payant-integral is the carte Vitale
    with both parts paid directly; auto lets the attachments and the category decide."""
    text = str(value).strip().lower().replace("_", "-")
    if text not in BILLINGS:
        raise UserError(f"billing must be one of {', '.join(BILLINGS)}, got {value!r}")
    if text == "auto":
        claim.billing = None
    elif text == "tiers-payant-integral":
        if tiers_payant not in (None, "", "all"):
            raise UserError(
                "tiers payant intégral means both parts were paid directly: "
                f"leave out --tiers-payant {tiers_payant}, or choose another billing"
            )
        claim.billing = Billing.VITALE
        claim.tiers_payant = TiersPayant.ALL
    else:
        claim.billing = Billing(text)
        if claim.tiers_payant is TiersPayant.ALL and tiers_payant in (None, ""):
            claim.tiers_payant = TiersPayant.NONE  # leaving tiers payant intégral


def _units(value) -> int:
    try:
        units = int(str(value).strip())
    except ValueError:
        raise UserError(f"units must be a whole number (acts, boxes, trips or days), got {value!r}") from None
    if not 1 <= units <= 1000:
        raise UserError(f"units must be between 1 and 1000, got {units}")
    return units


def new_claim(ctx: Context, person_ref, **values) -> Claim:
    person = find_person(ctx, person_ref)
    claim = Claim(person_id=stored_id(person))
    tariff = values.pop("lpp_tariff", None)
    _apply(claim, values)
    _add_lpp_tariff(ctx, claim, tariff)
    claim.id = ctx.store.add_claim(claim)
    return claim


def edit_claim(ctx: Context, claim_id, **values) -> Claim:
    claim = get_claim(ctx, claim_id)
    tariff = values.pop("lpp_tariff", None)
    _apply(claim, values)
    _add_lpp_tariff(ctx, claim, tariff)
    ctx.store.update_claim(claim)
    return claim


def _add_lpp_tariff(ctx: Context, claim: Claim, tariff) -> None:
    """The tariff the supplier printed for the claim's LPP code: added to the user's LPP list,
    so this claim and later ones with the code are refunded on it."""
    if tariff in (None, ""):
        return
    if len(claim.lpp_codes) != 1:
        raise UserError("give the tariff with exactly one LPP code (the one the supplier printed)")
    from desktop_app.services import lpp

    lpp.add_code(ctx, claim.lpp_codes[0], tariff, claim.title)


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


def claim_dicts(ctx: Context, found: list[Claim]) -> list[dict]:
    """``claim_dict`` of each claim, with the people and the documents read once for all of
    them (not two queries a claim: the list of a large household is one pass)."""
    names = {p.id: p.name for p in ctx.store.people()}
    ids = [c.id for c in found]
    documents = ctx.store.documents(with_text=False) if len(ids) > 900 else (
        ctx.store.documents(claim_ids=ids, with_text=False) if ids else [])
    by_claim: dict[int, list[dict]] = {}
    for d in documents:
        if d.claim_id is not None:
            by_claim.setdefault(d.claim_id, []).append(
                {"id": d.id, "kind": str(d.kind), "original_name": d.original_name})
    result = []
    for claim in found:
        data = to_plain(claim)
        data["person"] = names.get(claim.person_id)
        data["documents"] = by_claim.get(stored_id(claim), [])
        result.append(data)
    return result


def claim_dict(ctx: Context, claim: Claim) -> dict:
    data = to_plain(claim)
    person = ctx.store.person(claim.person_id)
    data["person"] = person.name if person else None
    data["documents"] = [
        {"id": d.id, "kind": str(d.kind), "original_name": d.original_name}
        for d in ctx.store.documents(claim_id=claim.id)
    ]
    return data
