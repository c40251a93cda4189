"""Conversions between database rows and core dataclasses."""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.core.model import (
    Billing,
    Category,
    Claim,
    Document,
    DocumentField,
    DocumentKind,
    FieldSource,
    Person,
    ReadState,
    Regime,
    TiersPayant,
)

if TYPE_CHECKING:
    from desktop_app.core.rules.tracks import TrackEvent


def _date(value: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


def _iso(value) -> str | None:
    return value.isoformat() if value else None


_PERSON_BOOLS = ("medecin_traitant", "ald", "css", "noemie")


def person_from_row(row: dict) -> Person:
    return Person(
        id=row["id"],
        name=row["name"],
        nir=row["nir"],
        birth_date=_date(row["birth_date"]),
        sex=row["sex"],
        postal_address=row.get("postal_address"),
        insured_id=row["insured_id"],
        caisse_name=row["caisse_name"],
        caisse_address=row["caisse_address"],
        caisse_code=row["caisse_code"],
        regime=Regime(row["regime"]),
        medecin_traitant=bool(row["medecin_traitant"]),
        ald=bool(row["ald"]),
        css=bool(row["css"]),
        maternity_start=_date(row["maternity_start"]),
        maternity_end=_date(row["maternity_end"]),
        mutuelle_name=row["mutuelle_name"],
        mutuelle_member_number=row["mutuelle_member_number"],
        mutuelle_address=row["mutuelle_address"],
        noemie=bool(row["noemie"]),
        mutuelle_guarantees=json.loads(row["mutuelle_guarantees"] or "{}"),
        mutuelle_deadline_days=row["mutuelle_deadline_days"],
        contrat_responsable=bool(row.get("contrat_responsable", 1)),
        iban=row["iban"],
        notes=row["notes"],
    )


def person_to_row(person: Person) -> dict:
    row = {
        "name": person.name,
        "nir": person.nir,
        "birth_date": _iso(person.birth_date),
        "sex": person.sex,
        "postal_address": person.postal_address,
        "insured_id": person.insured_id,
        "caisse_name": person.caisse_name,
        "caisse_address": person.caisse_address,
        "caisse_code": person.caisse_code,
        "regime": str(person.regime),
        "maternity_start": _iso(person.maternity_start),
        "maternity_end": _iso(person.maternity_end),
        "mutuelle_name": person.mutuelle_name,
        "mutuelle_member_number": person.mutuelle_member_number,
        "mutuelle_address": person.mutuelle_address,
        "mutuelle_guarantees": json.dumps(person.mutuelle_guarantees or {}, ensure_ascii=False),
        "mutuelle_deadline_days": person.mutuelle_deadline_days,
        "contrat_responsable": int(person.contrat_responsable),
        "iban": person.iban,
        "notes": person.notes,
    }
    for flag in _PERSON_BOOLS:
        row[flag] = int(bool(getattr(person, flag)))
    return row


def field_from_row(row: dict) -> DocumentField:
    return DocumentField(
        name=row["name"],
        value=json.loads(row["value"]) if row["value"] is not None else None,
        source=FieldSource(row["source"]),
        confidence=row["confidence"],
        confirmed=bool(row["confirmed"]),
        page=row["page"],
        bbox=json.loads(row["bbox"]) if row["bbox"] else None,
        source_text=row["source_text"],
    )


def field_to_row(document_id: int, f: DocumentField, updated_at: str) -> dict:
    return {
        "document_id": document_id,
        "name": f.name,
        "value": json.dumps(f.value, ensure_ascii=False),
        "source": str(f.source),
        "confidence": f.confidence,
        "confirmed": int(f.confirmed),
        "page": f.page,
        "bbox": json.dumps(f.bbox) if f.bbox else None,
        "source_text": f.source_text,
        "updated_at": updated_at,
    }


def document_from_row(row: dict, fields: list[dict] | None = None) -> Document:
    doc = Document(
        id=row["id"],
        kind=DocumentKind(row["kind"]),
        sha256=row["sha256"],
        original_name=row["original_name"],
        person_id=row["person_id"],
        claim_id=row["claim_id"],
        mime=row["mime"],
        size=row["size"],
        pages=row["pages"],
        read_state=ReadState(row["read_state"]),
        text=row.get("text"),
        imported_at=row["imported_at"],
    )
    for f in fields or []:
        parsed = field_from_row(f)
        doc.fields[parsed.name] = parsed
    return doc


def claim_from_row(row: dict) -> Claim:
    return Claim(
        id=row["id"],
        person_id=row["person_id"],
        title=row["title"],
        care_date=_date(row["care_date"]),
        category=Category(row["category"]),
        amount_paid=row["amount_paid"],
        base=row["base"],
        amo_rate=row["amo_rate"],
        tiers_payant=TiersPayant(row["tiers_payant"]),
        ald=bool(row["ald"]),
        lpp_codes=json.loads(row["lpp_codes"] or "[]"),
        notes=row["notes"],
        created_at=row["created_at"],
        billing=Billing(row["billing"]) if row.get("billing") else None,
        units=row.get("units") or 1,
        specialty=row.get("specialty"),
        out_of_parcours=None if row.get("out_of_parcours") is None else bool(row["out_of_parcours"]),
        basket_100=bool(row.get("basket_100", 0)),
    )


def claim_to_row(claim: Claim) -> dict:
    return {
        "person_id": claim.person_id,
        "title": claim.title,
        "care_date": _iso(claim.care_date),
        "category": str(claim.category),
        "amount_paid": claim.amount_paid,
        "base": claim.base,
        "amo_rate": claim.amo_rate,
        "tiers_payant": str(claim.tiers_payant),
        "ald": int(claim.ald),
        "lpp_codes": json.dumps(claim.lpp_codes),
        "notes": claim.notes,
        # The old flag, kept for older versions reading an archive: 0 only when electronic.
        "paper": int(claim.billing is not Billing.VITALE),
        "billing": str(claim.billing) if claim.billing else None,
        "units": int(claim.units),
        "specialty": claim.specialty,
        "out_of_parcours": None if claim.out_of_parcours is None else int(claim.out_of_parcours),
        "basket_100": int(claim.basket_100),
    }


@dataclass(frozen=True)
class StoredEvent:
    """One step of a payer track as stored: the event, with the row id undo marks and the
    claim it belongs to."""

    id: int
    claim_id: int
    event: TrackEvent
    source_document_id: int | None = None


def event_from_row(row: dict) -> StoredEvent:
    # The track rules load with the first event read, not with every store opened.
    from desktop_app.core.rules.tracks import TrackEvent

    return StoredEvent(
        id=row["id"],
        claim_id=row["claim_id"],
        event=TrackEvent(
            payer=row["payer"],
            state=row["state"],
            at=row["at"],
            date=row["date"],
            channel=row["channel"],
            amount=row["amount"],
            reason=row["reason"],
            undone=bool(row["undone"]),
        ),
        source_document_id=row.get("source_document_id"),
    )
