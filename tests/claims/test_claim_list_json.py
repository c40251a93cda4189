"""`claim list --json` reads the people and the documents once for the whole list, and says the
same of each claim as `claim show` does."""

from __future__ import annotations


def test_the_list_says_of_each_claim_what_each_claim_says(ctx, tmp_path):
    from desktop_app.services import claims, documents, people

    people.add_person(ctx, name="Claire Martin")
    people.add_person(ctx, name="Paul Martin")
    made = [claims.new_claim(ctx, name, title=f"Séance {n}", care_date=f"2025-0{n + 1}-10",
                             category="consultation", amount_paid="30.00")
            for n, name in enumerate(["Claire Martin", "Paul Martin", "Claire Martin"])]
    from PIL import Image

    for n, claim in enumerate(made[:2]):
        path = tmp_path / f"facture_{n}.png"
        Image.new("L", (200 + n, 100), 255).save(path)
        outcome = documents.import_files(ctx, [path], "Claire Martin", kind="invoice",
                                         claim_id=claim.id)[0]
        assert outcome.ok, outcome.error
    found = claims.list_claims(ctx)
    assert claims.claim_dicts(ctx, found) == [claims.claim_dict(ctx, c) for c in found]
    assert sum(len(d["documents"]) for d in claims.claim_dicts(ctx, found)) == 2
