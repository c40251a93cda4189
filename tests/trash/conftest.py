"""A small household with stored originals, made without reading any scan (no OCR)."""

from __future__ import annotations

import hashlib

import pytest

from desktop_app.services import claims, people
from desktop_app.store import originals


def stored_document(ctx, content: bytes, name: str, person_id=None, claim_id=None) -> int:
    """A document as an import leaves it: the original in ``originals/``, its row recorded."""
    sha = hashlib.sha256(content).hexdigest()
    stored = originals.stored_name(sha, ".pdf")
    target = originals.path_of(ctx.paths.originals, stored)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    row = dict(person_id=person_id, claim_id=claim_id, kind="invoice", sha256=sha,
               original_name=name, stored_name=stored, mime="application/pdf",
               size=len(content), pages=1, read_state="read", text_source="text_layer",
               text=f"Facture {name} kinésithérapie", warnings="[]")
    with ctx.store.transaction():
        return ctx.store.insert_document(row, [])


@pytest.fixture
def home(ctx):
    """Claire (insured) and Léo (her child); a claim of each; documents on both claims and one
    in the Inbox."""
    claire = people.add_person(ctx, name="Claire Martin", nir="2 85 07 75 115 234 32",
                               birth_date="1985-07-04", mutuelle="Harmonie").person
    leo = people.add_person(ctx, name="Léo Martin", birth_date="2019-03-02",
                            beneficiary_of="Claire Martin").person
    c1 = claims.new_claim(ctx, claire.id, title="Kiné", care_date="2026-10-01",
                          category="consultation", amount_paid="30.00")
    c2 = claims.new_claim(ctx, leo.id, title="Pédiatre", care_date="2026-10-05",
                          category="consultation", amount_paid="25.00")
    d1 = stored_document(ctx, b"%PDF-1 care sheet claire", "feuille claire.pdf", claire.id, c1.id)
    d2 = stored_document(ctx, b"%PDF-1 invoice claire", "facture claire.pdf", claire.id, c1.id)
    d3 = stored_document(ctx, b"%PDF-1 invoice leo", "facture leo.pdf", leo.id, c2.id)
    d4 = stored_document(ctx, b"%PDF-1 loose scan", "scan inbox.pdf")
    return dict(ctx=ctx, claire=claire, leo=leo, c1=c1.id, c2=c2.id, d1=d1, d2=d2, d3=d3, d4=d4)
