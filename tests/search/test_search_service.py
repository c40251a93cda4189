"""Searching everything: people, claims and documents, accents and case aside, as one types."""

from __future__ import annotations

import json

import pytest

from desktop_app.services import claims, people, search, trash
from tests.trash.conftest import stored_document


@pytest.fixture
def household(ctx):
    claire = people.add_person(ctx, name="Claire Martin", mutuelle="Harmonie Mutuelle",
                               caisse_name="CPAM de Paris").person
    lucas = people.add_person(ctx, name="Lucas Martin", beneficiary_of="Claire Martin").person
    kine = claims.new_claim(ctx, lucas.id, title="Séances", care_date="2025-06-12",
                            category="physiotherapy", amount_paid="48.00",
                            notes="ordonnance du Dr Dupré")
    pharma = claims.new_claim(ctx, claire.id, title="Médicaments", care_date="2025-07-03",
                              category="pharmacy", amount_paid="12.40")
    doc = stored_document(ctx, b"%PDF-1 invoice", "facture pharmacie.pdf", claire.id, pharma.id)
    return dict(ctx=ctx, claire=claire.id, lucas=lucas.id, kine=kine.id, pharma=pharma.id, doc=doc)


def ids(result, group):
    return [h.id for h in result.group(group).hits]


def test_a_name_finds_the_person_and_their_claims(household):
    found = search.search(household["ctx"], "lucas")
    assert ids(found, "people") == [household["lucas"]]
    assert ids(found, "claims") == [household["kine"]]
    assert found.group("people").count == 1
    assert found.group("people").hits[0].matched == ("name",)
    assert "person" in found.group("claims").hits[0].matched


def test_accents_and_case_do_not_matter_either_way(household):
    ctx = household["ctx"]
    assert ids(search.search(ctx, "seances"), "claims") == [household["kine"]]
    assert ids(search.search(ctx, "DUPRE"), "claims") == [household["kine"]]
    assert ids(search.search(ctx, "médicament"), "claims") == [household["pharma"]]


def test_the_words_naming_a_kind_of_care_find_its_claims_in_french_and_english(household):
    ctx = household["ctx"]
    for typed in ("kiné", "kine", "kinésithérapie", "physio", "masseur-kinésithérapeute"):
        found = search.search(ctx, typed)
        assert ids(found, "claims") == [household["kine"]], typed
        assert "category" in found.group("claims").hits[0].matched
    assert ids(search.search(ctx, "pharmacie"), "claims") == [household["pharma"]]
    assert ids(search.search(ctx, "pharmacie"), "documents") == [household["doc"]]


def test_every_word_must_match_and_the_last_one_as_a_prefix(household):
    ctx = household["ctx"]
    assert ids(search.search(ctx, "kiné luc"), "claims") == [household["kine"]]
    assert ids(search.search(ctx, "kiné claire"), "claims") == []
    assert ids(search.search(ctx, "harmo"), "people") == [household["claire"]]
    assert search.search(ctx, "harmo").group("people").hits[0].matched == ("mutuelle",)
    assert ids(search.search(ctx, "cpam par"), "people") == [household["claire"]]


def test_dates_as_typed_in_either_form(household):
    ctx = household["ctx"]
    assert ids(search.search(ctx, "2025-06"), "claims") == [household["kine"]]
    assert ids(search.search(ctx, "07/2025"), "claims") == [household["pharma"]]
    assert ids(search.search(ctx, "12/06/2025"), "claims") == [household["kine"]]
    assert ids(search.search(ctx, "2025"), "claims") == [household["pharma"], household["kine"]]


def test_the_detail_line_follows_the_language(household):
    ctx = household["ctx"]
    [hit] = search.search(ctx, "kiné", lang="fr").group("claims").hits
    assert hit.title == "Séances"
    assert "12/06/2025" in hit.detail and "kinésithérapie" in hit.detail and "48,00" in hit.detail
    [hit] = search.search(ctx, "kiné", lang="en").group("claims").hits
    assert "2025-06-12" in hit.detail and "physiotherapy" in hit.detail


def test_renaming_and_editing_keep_the_index_true(household):
    ctx = household["ctx"]
    people.edit_person(ctx, household["lucas"], name="Lucien Martin")
    assert ids(search.search(ctx, "lucas"), "claims") == []
    assert ids(search.search(ctx, "lucien"), "claims") == [household["kine"]]
    assert ids(search.search(ctx, "lucien"), "people") == [household["lucas"]]
    claims.edit_claim(ctx, household["kine"], category="nursing")
    assert ids(search.search(ctx, "kiné"), "claims") == []
    assert ids(search.search(ctx, "infirmier"), "claims") == [household["kine"]]


def test_what_is_in_the_trash_never_comes_out(household):
    ctx = household["ctx"]
    trash.delete_claim(ctx, household["kine"])
    assert ids(search.search(ctx, "kiné"), "claims") == []
    trash.delete_document(ctx, household["doc"])
    assert ids(search.search(ctx, "pharmacie"), "documents") == []
    trash.delete_person(ctx, household["lucas"])
    found = search.search(ctx, "lucas")
    assert found.total == 0


def test_nothing_typed_finds_nothing(household):
    found = search.search(household["ctx"], "  -- ")
    assert found.total == 0 and [g.name for g in found.groups] == ["people", "claims", "documents"]


def test_five_thousand_claims_are_answered_by_a_bounded_number_of_queries(ctx):
    person = people.add_person(ctx, name="Emma Martin").person
    db = ctx.store.db
    with ctx.store.transaction():
        for i in range(5000):
            db.execute(
                "INSERT INTO claims (person_id, title, care_date, category, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, '2025-01-01', '2025-01-01')",
                [person.id, f"Séance {i}", f"2025-{i % 12 + 1:02d}-10",
                 "physiotherapy" if i % 2 else "dental"],
            )
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        found = search.search(ctx, "kiné", limit=50)
    finally:
        db.conn.set_trace_callback(None)
    claims_group = found.group("claims")
    assert claims_group.count == 2500 and len(claims_group.hits) == 50
    # SQLite's own reads of the index's internals aside: a few per group, never one per claim.
    ours = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "'main'." not in s]
    assert len(ours) <= 10


def test_the_json_shape(household):
    data = search.search(household["ctx"], "pharmacie").to_json()
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {"query", "people", "claims", "documents"}
    assert data["claims"]["count"] == 1
    assert data["documents"]["hits"][0]["id"] == household["doc"]
    assert data["documents"]["hits"][0]["claim_id"] == household["pharma"]


def test_the_professional_read_on_a_claims_documents_finds_the_claim(household):
    from desktop_app.core.model import DocumentField

    ctx = household["ctx"]
    doc = stored_document(ctx, b"%PDF-1 care sheet", "feuille.pdf", household["lucas"])
    assert ids(search.search(ctx, "bénédicte"), "claims") == []
    ctx.store.set_fields(doc, [DocumentField("practitioner", "Bénédicte Roux")])
    claims.add_document(ctx, household["kine"], doc)
    found = search.search(ctx, "benedicte")
    assert ids(found, "claims") == [household["kine"]]
    assert found.group("claims").hits[0].matched == ("professional",)
    claims.remove_document(ctx, household["kine"], doc)
    assert ids(search.search(ctx, "benedicte"), "claims") == []
