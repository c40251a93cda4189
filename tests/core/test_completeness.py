"""Completeness rules from resources/rules/completeness.json: each one fires, and stays quiet."""

import copy
import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.identifiers import nir_key
from desktop_app.core.model import (
    Category,
    Claim,
    Document,
    DocumentField,
    DocumentKind,
    Payer,
    Person,
    TiersPayant,
)
from desktop_app.core.rules import load_rules
from desktop_app.core.rules.completeness import (
    DocumentFacts,
    Facts,
    all_rules,
    blocking_for,
    evaluate,
    is_ready,
    needs_prescription,
    validate_rules,
)

RULES_PATH = Path(__file__).parents[2] / "resources" / "rules" / "completeness.json"
RULES = load_rules(RULES_PATH)

MARIE_NIR = "2850575112005" + nir_key("2850575112005")
LEO_NIR = "1150675112007" + nir_key("1150675112007")
IBAN = "FR7630006000011234567890189"

MARIE = Person(
    id=1, name="Marie", nir=MARIE_NIR, birth_date=dt.date(1985, 5, 3), sex="F",
    caisse_code="751", medecin_traitant=True, iban=IBAN, mutuelle_name="MGEN", noemie=True,
)
LEO = Person(  # Marie's son, on her cover
    id=2, name="Léo", nir=LEO_NIR, birth_date=dt.date(2015, 6, 20), sex="M", insured_id=1,
    mutuelle_name="MGEN", noemie=True,
)
DEVICE = Claim(
    person_id=1, id=10, care_date=dt.date(2026, 1, 5), category=Category.LPP_DEVICE,
    amount_paid="304.90", base="304.90",
)
SHEET = {
    "kind": "care_sheet",
    "fields": {"nir": MARIE_NIR, "birth_date": "1985-05-03", "signed": True},
}
DOCS = [SHEET, {"kind": "prescription"}, {"kind": "invoice", "fields": {"lpp_codes": ["1180372"]}}]


def facts(person=MARIE, claim=DEVICE, documents=DOCS, person_changes=None, claim_changes=None,
          drop=(), sheet_changes=None, add=(), **kw):
    person = dataclasses.replace(person, **(person_changes or {}))
    claim = dataclasses.replace(claim, **(claim_changes or {}))
    docs = [copy.deepcopy(d) for d in documents if d["kind"] not in drop]
    for doc in docs:
        if doc["kind"] == "care_sheet" and sheet_changes:
            doc["fields"].update(sheet_changes)
            doc["fields"] = {k: v for k, v in doc["fields"].items() if v != "<remove>"}
    docs += [{"kind": k} for k in add]
    return Facts(person=person, claim=claim, documents=docs, today=dt.date(2026, 2, 1), **kw)


def fired(f, rules=RULES):
    return {m.rule_id for m in evaluate(rules, f)}


LEO_CLAIM = dataclasses.replace(DEVICE, person_id=2)
LEO_SHEET = {"kind": "care_sheet", "fields": {
    "nir": LEO_NIR, "birth_date": "2015-06-20", "signed": True,
    "insured_nir": MARIE_NIR, "patient_name": "Léo Martin",
}}
LEO_DOCS = [LEO_SHEET] + DOCS[1:]
LEO_FACTS = dict(person=LEO, claim=LEO_CLAIM, documents=LEO_DOCS, insured=MARIE)
STATEMENT = ("statement",)

# rule id → (facts that make it fire, the exact set expected, facts that keep it quiet)
CASES = {
    "person_nir_missing": (
        dict(person_changes={"nir": None}),
        {"person_nir_missing"},
        dict(),
    ),
    "beneficiary_nir_missing": (
        dict(LEO_FACTS, person_changes={"nir": None}),
        {"beneficiary_nir_missing"},
        dict(LEO_FACTS),
    ),
    "person_nir_invalid": (
        dict(person_changes={"nir": MARIE_NIR[:13] + "00"}),
        {"person_nir_invalid"},
        dict(person_changes={"nir": None}),  # missing is another rule
    ),
    "person_nir_doubtful": (
        dict(person_changes={"sex": "M"}),
        {"person_nir_doubtful"},
        dict(person_changes={"sex": "F"}),
    ),
    "person_birth_date_missing": (
        dict(person_changes={"birth_date": None}),
        {"person_birth_date_missing"},
        dict(),
    ),
    "person_no_medecin_traitant": (
        dict(person_changes={"medecin_traitant": False}),
        {"person_no_medecin_traitant"},
        dict(LEO_FACTS, person_changes={"medecin_traitant": False}),  # under 16
    ),
    "person_iban_missing": (
        dict(person_changes={"iban": None}),
        {"person_iban_missing"},
        dict(LEO_FACTS, person_changes={"iban": None}),  # the insured's account is used
    ),
    "person_iban_invalid": (
        dict(person_changes={"iban": IBAN[:-1] + "0"}),
        {"person_iban_invalid"},
        dict(),
    ),
    "person_mutuelle_not_linked": (
        dict(person_changes={"noemie": False}, add=STATEMENT),
        {"person_mutuelle_not_linked"},
        dict(person_changes={"mutuelle_name": None, "noemie": False}),  # no mutuelle at all
    ),
    "person_outdated_student_centre": (
        dict(person_changes={"caisse_code": "centre 617"}),
        {"person_outdated_student_centre"},
        dict(person_changes={"caisse_code": "7501"}),
    ),
    "claim_care_date_missing": (
        dict(claim_changes={"care_date": None}),
        {"claim_care_date_missing"},
        dict(),
    ),
    "claim_amount_missing": (
        dict(claim_changes={"amount_paid": None}),
        {"claim_amount_missing"},
        dict(),
    ),
    "cpam_care_sheet_missing": (
        dict(drop=("care_sheet",)),
        {"cpam_care_sheet_missing"},
        dict(drop=("care_sheet",), claim_changes={"tiers_payant": TiersPayant.AMO}),
    ),
    "cpam_care_sheet_nir_missing": (
        dict(sheet_changes={"nir": "<remove>"}),
        {"cpam_care_sheet_nir_missing"},
        dict(sheet_changes={"nir": "<remove>"}, paper=False),  # electronic care sheet
    ),
    "cpam_care_sheet_birth_date_missing": (
        dict(sheet_changes={"birth_date": ""}),
        {"cpam_care_sheet_birth_date_missing"},
        dict(),
    ),
    "cpam_care_sheet_unsigned": (
        dict(sheet_changes={"signed": False}),
        {"cpam_care_sheet_unsigned"},
        dict(sheet_changes={"signed": "yes"}),
    ),
    "cpam_care_sheet_unsigned_optional": (
        dict(sheet_changes={"signed": "<remove>"}, claim_changes={"category": Category.TRANSPORT}),
        {"cpam_care_sheet_unsigned_optional"},
        dict(sheet_changes={"signed": "<remove>"}, claim_changes={"category": Category.TRANSPORT},
             person_changes={"css": True}, claim=dataclasses.replace(DEVICE, tiers_payant="all")),
    ),
    "cpam_prescription_missing": (
        dict(drop=("prescription",)),
        {"cpam_prescription_missing"},
        dict(drop=("prescription",), claim_changes={"category": Category.DENTAL}),
    ),
    "cpam_insured_nir_missing": (
        dict(LEO_FACTS, insured=dataclasses.replace(MARIE, nir=None)),
        {"cpam_insured_nir_missing"},
        dict(person_changes={"nir": MARIE_NIR}),  # the patient is the insured
    ),
    "cpam_care_sheet_insured_nir_missing": (
        dict(LEO_FACTS, sheet_changes={"insured_nir": None}),
        {"cpam_care_sheet_insured_nir_missing"},
        dict(sheet_changes={"insured_nir": None}),  # not a beneficiary
    ),
    "cpam_care_sheet_patient_missing": (
        dict(LEO_FACTS, sheet_changes={"patient_name": "<remove>"}),
        {"cpam_care_sheet_patient_missing"},
        dict(LEO_FACTS),
    ),
    "cpam_lpp_code_missing": (
        dict(documents=[SHEET, {"kind": "prescription"}, {"kind": "invoice", "fields": {}}]),
        {"cpam_lpp_code_missing"},
        dict(documents=[SHEET, {"kind": "prescription"}, {"kind": "invoice"}],
             claim_changes={"lpp_codes": ["1180372"]}),
    ),
    "mutuelle_statement_missing": (
        dict(person_changes={"noemie": False}),
        {"mutuelle_statement_missing", "person_mutuelle_not_linked"},
        dict(person_changes={"noemie": True}, cpam_paid=True),
    ),
    "mutuelle_invoice_missing_not_covered": (
        dict(claim_changes={"category": Category.OTHER, "base": None}, drop=("invoice",),
             cpam_covers=False),
        {"mutuelle_invoice_missing_not_covered"},
        dict(claim_changes={"category": Category.OTHER, "base": None}, cpam_covers=False),
    ),
    "claim_lpp_code_unknown": (
        dict(lpp_unknown=True), {"claim_lpp_code_unknown"}, dict(lpp_unknown=False),
    ),
    "mutuelle_invoice_missing_device": (
        dict(drop=("invoice",), claim_changes={"lpp_codes": ["1180372"]}),
        {"mutuelle_invoice_missing_device"},
        dict(claim_changes={"lpp_codes": ["1180372"]}),
    ),
    "mutuelle_invoice_missing_depassement": (
        dict(claim_changes={"category": Category.SPECIALIST, "amount_paid": "50", "base": "30"},
             drop=("invoice",)),
        {"mutuelle_invoice_missing_depassement"},
        dict(claim_changes={"category": Category.SPECIALIST, "amount_paid": "50", "base": "30"},
             drop=("invoice",), cpam_paid=True),  # NOEMIE carries it once the CPAM paid
    ),
    "mutuelle_first_claim_attestation": (
        dict(person_changes={"noemie": False}, add=STATEMENT + ("rib",),
             is_first_mutuelle_claim=True),
        {"mutuelle_first_claim_attestation", "person_mutuelle_not_linked"},
        dict(is_first_mutuelle_claim=True),  # linked: the mutuelle already knows the person
    ),
    "mutuelle_first_claim_rib": (
        dict(person_changes={"noemie": False}, add=STATEMENT + ("attestation_droits",),
             is_first_mutuelle_claim=True),
        {"mutuelle_first_claim_rib", "person_mutuelle_not_linked"},
        dict(person_changes={"noemie": False}, add=STATEMENT + ("attestation_droits", "rib"),
             is_first_mutuelle_claim=True),
    ),
}


@pytest.fixture
def rules_with_optional_signature():
    rules = copy.deepcopy(RULES)
    rules["lists"]["signature_optional_categories"]["value"] = ["transport"]
    return rules


def test_rule_file_is_valid_and_every_rule_is_tested():
    validate_rules(RULES)
    assert {r["id"] for r in all_rules(RULES)} == set(CASES)


def test_a_complete_claim_lacks_nothing():
    assert evaluate(RULES, facts()) == []
    assert evaluate(RULES, facts(**LEO_FACTS)) == []


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires(rule_id, rules_with_optional_signature):
    firing, expected, _ = CASES[rule_id]
    assert fired(facts(**firing), rules_with_optional_signature) == expected


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_stays_quiet(rule_id, rules_with_optional_signature):
    _, _, quiet = CASES[rule_id]
    assert rule_id not in fired(facts(**quiet), rules_with_optional_signature)


def test_signature_is_blocking_unless_the_category_is_listed(rules_with_optional_signature):
    unsigned = facts(
        sheet_changes={"signed": False}, claim_changes={"category": Category.TRANSPORT}
    )
    assert [m.severity for m in evaluate(RULES, unsigned)] == ["blocking"]
    assert [m.severity for m in evaluate(rules_with_optional_signature, unsigned)] == ["warning"]


def test_tiers_payant_all_skips_cpam_and_mutuelle_checks():
    f = facts(drop=("care_sheet", "prescription", "invoice"), person_changes={"noemie": False},
              claim_changes={"tiers_payant": TiersPayant.ALL})
    assert fired(f) == {"person_mutuelle_not_linked"}


def test_explanations_name_the_people_and_the_detail():
    no_insured_nir = dict(LEO_FACTS, insured=dataclasses.replace(MARIE, nir=None))
    missing = evaluate(RULES, facts(**no_insured_nir))
    assert missing[0].action_text == "Enter the NIR of Marie"
    invalid = evaluate(RULES, facts(person_changes={"nir": MARIE_NIR[:13] + "00"}))[0]
    assert invalid.explanation.startswith("Marie's NIR is not valid: NIR key is 00")
    assert invalid.to_dict() == {
        "id": "person_nir_invalid", "level": "person", "severity": "blocking",
        "message": invalid.explanation, "action": "edit_person:nir",
        "action_label": "Correct Marie's NIR", "unconfirmed": False,
    }


def test_blocking_for_a_payer_and_readiness():
    f = facts(drop=("care_sheet",), person_changes={"noemie": False, "medecin_traitant": False})
    missing = evaluate(RULES, f)
    assert [m.rule_id for m in blocking_for(missing, Payer.CPAM)] == ["cpam_care_sheet_missing"]
    assert [m.rule_id for m in blocking_for(missing, "mutuelle")] == ["mutuelle_statement_missing"]
    assert not is_ready(missing, Payer.CPAM)
    assert is_ready(evaluate(RULES, facts()), Payer.CPAM)


def test_seed_stimulator_unsigned_sheet_is_flagged_then_fixed():
    sheet = Document(
        kind=DocumentKind.CARE_SHEET, sha256="x", original_name="feuille.pdf",
        fields={
            "nir": DocumentField("nir", MARIE_NIR),
            "birth_date": DocumentField("birth_date", "1985-05-03"),
        },
    )
    invoice = {"kind": "invoice", "fields": {"lpp_codes": ["1180372"]}}
    docs = [sheet, DocumentFacts("prescription"), invoice]
    before = evaluate(RULES, Facts(person=MARIE, claim=DEVICE, documents=docs))
    assert [(m.rule_id, m.action) for m in before] == [("cpam_care_sheet_unsigned", "mark_signed")]
    sheet.fields["signed"] = DocumentField("signed", True)
    assert evaluate(RULES, Facts(person=MARIE, claim=DEVICE, documents=docs)) == []


def test_needs_prescription():
    assert needs_prescription(RULES, Category.LPP_DEVICE)
    assert needs_prescription(RULES, "pharmacy")
    assert not needs_prescription(RULES, Category.CONSULTATION)


@pytest.mark.parametrize(
    "breakage, message",
    [
        (lambda r: r["rules"][0].update(when={"missing_documents": "x"}), "unknown condition"),
        (lambda r: r["rules"][0].update(level="household"), "level must be"),
        (lambda r: r["rules"][0].update(severity="fatal"), "severity"),
        (lambda r: r["rules"][1].update(id=r["rules"][0]["id"]), "id used twice"),
        (lambda r: r["rules"][0].update(when={"category_in": "$nope"}), "unknown list"),
        (lambda r: r["rules"][0].update(when={"fact": "sunny"}), "bad argument"),
        (lambda r: r["rules"][0].pop("action"), "no 'action'"),
    ],
)
def test_validate_rules_reports_bad_edits(breakage, message):
    rules = copy.deepcopy(RULES)
    breakage(rules)
    with pytest.raises(UserError, match=message):
        validate_rules(rules)


@pytest.mark.parametrize("receipt", ["receipt", "pharmacy_receipt"])
def test_a_receipt_stands_in_for_the_invoice_the_mutuelle_asks_for(receipt):
    from desktop_app.core.rules.completeness import papers_needed

    not_covered = dict(claim_changes={"category": Category.OTHER, "base": None}, drop=("invoice",),
                       cpam_covers=False)
    assert "mutuelle_invoice_missing_not_covered" in fired(facts(**not_covered))
    with_receipt = facts(add=(receipt,), **not_covered)
    assert "mutuelle_invoice_missing_not_covered" not in fired(with_receipt)
    # The mailing to the mutuelle encloses it where the invoice goes.
    assert "invoice" in [e["kind"] for e in papers_needed(RULES, with_receipt, "mutuelle")]


def test_only_the_kinds_the_rule_file_lists_stand_in_for_an_invoice():
    not_covered = dict(claim_changes={"category": Category.OTHER, "base": None}, drop=("invoice",),
                       cpam_covers=False, add=("mutuelle_card",))
    assert "mutuelle_invoice_missing_not_covered" in fired(facts(**not_covered))
    rules = copy.deepcopy(RULES)
    rules["stands_in_for"]["invoice"]["value"] = ["receipt"]
    assert "mutuelle_invoice_missing_not_covered" in fired(facts(**dict(not_covered, add=("pharmacy_receipt",))), rules)


def test_a_stand_in_without_its_source_is_refused_when_the_rules_load():
    rules = copy.deepcopy(RULES)
    rules["stands_in_for"]["invoice"] = {"value": ["receipt"]}
    with pytest.raises(UserError, match="stands_in_for.invoice"):
        validate_rules(rules)
