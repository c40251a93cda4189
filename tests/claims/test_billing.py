"""How a claim was billed, through the command line: carte Vitale, paper, tiers payant.

Most care is billed with the carte Vitale: the professional sends the care sheet electronically
and the CPAM refunds on its own. Such a claim asks nothing of the user but waiting.
"""

import pytest

from tests.claims.test_claims_cli import NIR, page, run, run_json


def _new(capsys, d, *extra, person="Claire Martin"):
    return run_json(capsys, *d, "claim", "new", "--person", person, *extra)


def _status(capsys, d, cid):
    return run_json(capsys, *d, "claim", "show", str(cid))["status"]


def test_carte_vitale_gp_visit_needs_nothing_but_waiting(household, capsys):
    d = household
    claim = _new(capsys, d, "--date", "2026-11-25", "--category", "consultation", "--paid", "30",
                 "--title", "Médecin traitant")
    status = _status(capsys, d, claim["id"])
    assert status["billing"] == "vitale"
    assert status["missing"] == [] or all(m["level"] == "person" for m in status["missing"])
    cpam = status["tracks"]["cpam"]
    assert cpam["state"] == "sent"
    [sent] = cpam["history"]
    assert sent["automatic"] and sent["date"] == "2026-11-25" and sent["channel"] == "online"
    assert "carte Vitale" in cpam["next_action"] and "Nothing to send" in cpam["next_action"]
    assert cpam["follow_up_on"] == "2026-12-09"  # 14 days, the electronic follow-up setting
    # `check` does not ask for a care sheet.
    _code, out, _err = run(capsys, *d, "check")
    assert "care sheet" not in out.lower()
    # The CPAM pays; NOEMIE forwards to the mutuelle, which is then waited for.
    paid = run_json(capsys, *d, "claim", "paid", str(claim["id"]), "--payer", "cpam",
                    "--amount", "19", "--date", "2026-11-30")
    assert paid["tracks"]["cpam"]["state"] == "closed"
    assert paid["tracks"]["mutuelle"]["state"] == "sent"


def test_the_automatic_sending_cannot_be_undone_but_the_billing_can_change(household, capsys):
    d = household
    claim = _new(capsys, d, "--date", "2026-11-02", "--category", "consultation", "--paid", "30")
    cid = str(claim["id"])
    code, _out, err = run(capsys, *d, "claim", "undo", cid, "--payer", "cpam")
    assert code == 2 and "electronically" in err and "billing" in err
    run_json(capsys, *d, "claim", "edit", cid, "--billing", "paper")
    status = _status(capsys, d, cid)
    assert status["billing"] == "paper" and status["billing_set"] == "paper"
    assert status["tracks"]["cpam"]["state"] == "incomplete"
    assert status["tracks"]["cpam"]["history"] == []
    assert any(m["id"] == "cpam_care_sheet_missing" for m in status["missing"])
    assert "care sheet" in status["tracks"]["cpam"]["next_action"].lower()


def test_an_attached_care_sheet_makes_it_a_paper_claim(household, capsys, tmp_path):
    d = household
    sheet = page(tmp_path, "feuille.png", "feuille de soins")
    assert run(capsys, *d, "import", str(sheet), "--person", "Claire Martin", "--kind",
               "care_sheet")[0] == 0
    claim = _new(capsys, d, "--date", "2026-10-01", "--category", "physiotherapy", "--paid", "20",
                 "--doc", "1")
    status = _status(capsys, d, claim["id"])
    assert status["billing"] == "paper" and status["billing_set"] is None
    assert status["tracks"]["cpam"]["state"] in ("incomplete", "ready")
    # Told otherwise, the user's word wins.
    run_json(capsys, *d, "claim", "edit", str(claim["id"]), "--billing", "vitale")
    assert _status(capsys, d, claim["id"])["tracks"]["cpam"]["state"] == "sent"


def test_tiers_payant_integral_leaves_nothing_to_claim(household, capsys):
    d = household
    claim = _new(capsys, d, "--date", "2026-11-02", "--category", "pharmacy", "--paid", "12.40",
                 "--billing", "tiers-payant-integral", "--units", "2")
    status = _status(capsys, d, claim["id"])
    assert status["billing"] == "tiers_payant_integral"
    assert {p: t["state"] for p, t in status["tracks"].items()} == {
        "cpam": "direct", "mutuelle": "direct"}
    assert claim["units"] == 2
    code, _out, err = run(capsys, *d, "claim", "edit", str(claim["id"]),
                          "--billing", "tiers-payant-integral", "--tiers-payant", "amo")
    assert code == 2 and "both parts" in err


def test_tiers_payant_on_the_cpam_part_with_noemie_gets_a_follow_up(household, capsys):
    d = household
    claim = _new(capsys, d, "--date", "2026-11-02", "--category", "consultation", "--paid", "30",
                 "--tiers-payant", "amo")
    mutuelle = _status(capsys, d, claim["id"])["tracks"]["mutuelle"]
    assert mutuelle["state"] == "sent"
    assert mutuelle["history"][0]["channel"] == "noemie" and mutuelle["history"][0]["automatic"]
    # 14 days for the CPAM to pay the professional, then 7 for NOEMIE and the mutuelle.
    assert mutuelle["follow_up_on"] == "2026-11-23"


def test_mutuelle_part_only_paid_directly(household, capsys):
    d = household
    claim = _new(capsys, d, "--date", "2026-11-02", "--category", "optics", "--paid", "150",
                 "--tiers-payant", "amc", "--billing", "vitale")
    tracks = _status(capsys, d, claim["id"])["tracks"]
    assert tracks["mutuelle"]["state"] == "direct"
    assert tracks["cpam"]["state"] == "sent"


def test_care_the_cpam_does_not_cover_never_asks_for_a_care_sheet(household, capsys):
    d = household
    claim = _new(capsys, d, "--date", "2026-11-02", "--category", "other", "--paid", "60",
                 "--title", "Ostéopathe", "--billing", "paper")
    status = _status(capsys, d, claim["id"])
    cpam = status["tracks"]["cpam"]
    assert cpam["state"] == "not_covered"
    assert "care sheet" not in cpam["next_action"].lower()
    assert "does not cover" in cpam["next_action"]
    assert not any(m["level"] == "cpam" for m in status["missing"])
    assert any(m["id"] == "mutuelle_invoice_missing_not_covered" for m in status["missing"])
    code, _out, err = run(capsys, *d, "claim", "send", str(claim["id"]), "--payer", "cpam")
    assert code == 2 and "does not cover" in err


def test_css_beneficiary_is_never_sent_to_a_mutuelle(data_dir, capsys):
    d = ["--data-dir", str(data_dir)]
    assert run(capsys, *d, "person", "add", "--name", "Sam Petit", "--nir", NIR,
               "--birth-date", "1985-07-04", "--sex", "F", "--css", "yes",
               "--mutuelle", "Complémentaire santé solidaire")[0] == 0
    claim = _new(capsys, d, "--date", "2026-11-02", "--category", "consultation", "--paid", "30",
                 person="Sam Petit")
    status = _status(capsys, d, claim["id"])
    assert status["tiers_payant"] == "all"
    assert {t["state"] for t in status["tracks"].values()} == {"direct"}
    assert not any(m["level"] == "mutuelle" for m in status["missing"])
    assert {t["next_action_id"] for t in status["tracks"].values()} == {"track.direct"}


@pytest.mark.parametrize("value, message", [
    ("carte", "billing must be one of"), ("0", None),
])
def test_bad_billing_and_units_are_named(household, capsys, value, message):
    d = household
    flag = "--billing" if message else "--units"
    code, _out, err = run(capsys, *d, "claim", "new", "--person", "Claire Martin", flag, value)
    assert code == 2
    assert (message or "units must be between 1 and 1000") in err


def test_a_student_with_a_temporary_number_and_an_old_student_centre(household, capsys):
    """A student's first claim: a NIA (7 or 8 first) is taken with a warning, never blocking;
    the outdated student centre is flagged."""
    d = household
    code, _out, err = run(capsys, *d, "person", "add", "--name", "Léa Martin", "--beneficiary-of",
                          "Claire Martin", "--nir", "711231234567858", "--birth-date",
                          "2005-03-01", "--caisse-code", "617")
    assert code == 0 and "temporary number" in err
    _new(capsys, d, "--date", "2026-11-20", "--category", "consultation", "--paid", "30",
         person="Léa Martin")
    problems = run_json(capsys, *d, "check", expect=1)
    mine = [p for p in problems if p["person"] == "Léa Martin"]
    temporary = [p for p in mine if "temporary" in p["message"]]
    assert temporary and all(p["severity"] == "warning" for p in temporary)
    assert any("617" in p["message"] or "student" in p["message"].lower() for p in mine)


def test_the_professional_on_a_care_sheet_proposes_the_kind_of_care(household, capsys, tmp_path):
    """A midwife's perineal re-education sheet is a midwife's care, not a doctor's visit."""
    from reportlab.pdfgen import canvas

    from desktop_app.services import inbox
    from desktop_app.services.context import open_context

    path = tmp_path / "feuille_sf.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 760, "FEUILLE DE SOINS - Mme Julie Roux, Sage-femme")
    pdf.drawString(72, 740, "Rééducation périnéale : SF 7,5 le 04/11/2026  Montant 19,60 EUR")
    pdf.save()
    assert run(capsys, *household, "import", str(path), "--person", "Claire Martin", "--kind",
               "care_sheet")[0] == 0
    ctx = open_context(household[1])
    try:
        claim = inbox.new_claim_from_document(ctx, 1)
    finally:
        ctx.close()
    assert str(claim.category) == "midwife"
    status = _status(capsys, household, claim.id)
    assert status["estimate"]["rate"] == "70" and status["estimate"]["deductions"] == "0.00"


def test_stimulator_on_paper_with_the_mutuelle_not_linked(data_dir, capsys, tmp_path):
    """The seed case: a perineal stimulator bought on paper, the mutuelle not linked by NOEMIE."""
    d = ["--data-dir", str(data_dir)]
    assert run(capsys, *d, "person", "add", "--name", "Claire Martin", "--nir", NIR,
               "--birth-date", "1985-07-04", "--sex", "F", "--medecin-traitant", "yes",
               "--mutuelle", "Harmonie", "--noemie", "no", "--guarantees", "default=100% BR",
               "--iban", "FR1420041010050500013M02606")[0] == 0
    assert run(capsys, *d, "lpp", "add", "1180372", "--tariff", "304,90")[0] == 0
    claim = _new(capsys, d, "--date", "2026-10-04", "--category", "lpp_device", "--paid", "304.90",
                 "--lpp", "1180372")
    status = _status(capsys, d, claim["id"])
    assert status["billing"] == "paper"  # a supplier's care sheet, posted by the patient
    assert (status["tracks"]["cpam"]["expected"], status["tracks"]["mutuelle"]["expected"]) == (
        "182.94", "121.96")
    missing = {m["id"] for m in status["missing"]}
    assert {"cpam_care_sheet_missing", "cpam_prescription_missing", "mutuelle_statement_missing",
            "mutuelle_invoice_missing_device", "mutuelle_first_claim_attestation",
            "mutuelle_first_claim_rib"} <= missing
    # The same device with a code not on the list: no CPAM refund counted, and said so.
    other = _new(capsys, d, "--date", "2026-10-05", "--category", "lpp_device", "--paid", "199",
                 "--lpp", "7654321", "--billing", "paper")
    status = _status(capsys, d, other["id"])
    assert status["tracks"]["cpam"]["expected"] == "0.00"
    assert any(m["id"] == "claim_lpp_code_unknown" for m in status["missing"])
    assert any("not on the LPP list" in n for n in status["estimate"]["notes"])
    listed = run_json(capsys, *d, "lpp", "list")
    assert any(c["code"] == "1180372" and c["added"] for c in listed)
