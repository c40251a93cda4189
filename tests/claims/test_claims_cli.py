"""Claims end to end through the command line: completeness, tracks, estimates, statements."""

import csv

import pytest
from PIL import Image, ImageDraw

from tests.cli_helpers import NIR, run, run_json


def page(tmp_path, name: str, text: str):
    image = Image.new("RGB", (500, 200), "white")
    ImageDraw.Draw(image).text((20, 20), text, fill="black")
    path = tmp_path / name
    image.save(path)
    return path


def test_stimulator_seed_scenario(household, capsys, tmp_path):
    d = household
    sheet, prescription, invoice = (
        page(tmp_path, f"{n}.png", f"{n} stimulateur") for n in ("feuille", "ordonnance", "facture")
    )
    # The supplier printed the device's LPP code and tariff; the user adds them once.
    assert run(capsys, *d, "lpp", "add", "1180372", "--tariff", "304,90",
               "--label", "Électrostimulateur")[0] == 0
    for path, kind in ((sheet, "care_sheet"), (prescription, "prescription"), (invoice, "invoice")):
        assert run(capsys, *d, "import", str(path), "--person", "Claire Martin", "--kind", kind)[0] == 0
    claim = run_json(capsys, *d, "claim", "new", "--person", "Claire Martin", "--date", "2025-07-04",
                     "--category", "lpp_device", "--paid", "304.90", "--title", "Stimulateur périnéal",
                     "--doc", "1", "--doc", "2", "--doc", "3")
    cid = str(claim["id"])
    run(capsys, *d, "doc", "confirm", "1", f"nir={NIR}", "birth_date=1985-07-04", "signed=no",
        "patient_name=Claire Martin")
    run(capsys, *d, "doc", "confirm", "3", "lpp_codes=1180372", "total_amount=304,90")

    problems = run_json(capsys, *d, "check", expect=1)
    assert any("sign" in p["message"].lower() and p["claim_id"] == claim["id"] for p in problems)
    status = run_json(capsys, *d, "claim", "show", cid)["status"]
    assert status["tracks"]["cpam"]["state"] == "incomplete"
    assert status["estimate"]["amo"] == "182.94" and status["estimate"]["amc"] == "121.96"

    run(capsys, *d, "doc", "confirm", "1", "signed=yes")
    assert run(capsys, *d, "check")[0] == 0
    assert run_json(capsys, *d, "claim", "show", cid)["status"]["tracks"]["cpam"]["state"] == "ready"

    sent = run_json(capsys, *d, "claim", "send", cid, "--to", "cpam", "--date", "2025-07-10")
    assert sent["tracks"]["cpam"]["state"] == "sent"
    assert sent["tracks"]["cpam"]["follow_up_on"] == "2025-08-09"

    paid = run_json(capsys, *d, "claim", "paid", cid, "--from", "cpam", "--amount", "182.94",
                    "--date", "2025-07-25")
    assert paid["tracks"]["cpam"]["state"] == "closed"
    mutuelle = paid["tracks"]["mutuelle"]
    assert mutuelle["state"] == "sent" and mutuelle["history"][-1]["channel"] == "noemie"
    assert "NOEMIE" in mutuelle["next_action"]  # nothing to send: the mutuelle track waits

    done = run_json(capsys, *d, "claim", "paid", cid, "--from", "mutuelle", "--amount", "121.96",
                    "--date", "2025-07-28")
    assert done["tracks"]["mutuelle"]["state"] == "closed"
    totals = run_json(capsys, *d, "status")["totals"]
    assert totals["owed"] == {"cpam": "0.00", "mutuelle": "0.00"}
    assert totals["received"] == {"cpam": "182.94", "mutuelle": "121.96"}


def test_undo_and_flagged_payment(household, capsys):
    d = household
    claim = run_json(capsys, *d, "claim", "new", "--person", "Claire Martin", "--date", "2025-02-07",
                     "--category", "consultation", "--paid", "30", "--billing", "paper")
    cid = str(claim["id"])
    assert run_json(capsys, *d, "claim", "show", cid)["status"]["tracks"]["cpam"]["deadline"] == "2027-03-31"
    run(capsys, *d, "claim", "send", cid, "--to", "cpam")
    code, out, err = run(capsys, *d, "claim", "paid", cid, "--from", "cpam", "--amount", "15")
    assert code == 0 and "differs" in err
    undone = run_json(capsys, *d, "claim", "undo", cid, "--payer", "cpam")
    assert undone["tracks"]["cpam"]["state"] == "sent"
    assert [e["undone"] for e in undone["tracks"]["cpam"]["history"]] == [False, True]
    code, out, err = run(capsys, *d, "claim", "paid", "999", "--from", "cpam", "--amount", "1")
    assert code == 2 and "no claim 999" in err


def test_paying_an_unsent_claim_is_refused(household, capsys):
    d = household
    claim = run_json(capsys, *d, "claim", "new", "--person", "Claire Martin", "--date", "2025-02-07",
                     "--category", "consultation", "--paid", "30")
    code, out, err = run(capsys, *d, "claim", "paid", str(claim["id"]), "--from", "mutuelle", "--amount", "9")
    assert code == 2 and "Traceback" not in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "argv,expected",
    [
        (["--category", "consultation", "--paid", "30", "--guarantee", "100% BR"], ("19.00", "9.00", "2.00")),
        (["--category", "lpp_device", "--paid", "304.90", "--base", "304.90", "--guarantee", "100% BR"], ("182.94", "121.96", "0.00")),
        (["--category", "lpp_device", "--paid", "25.92", "--base", "25.92", "--guarantee", "100% BR"], ("15.55", "10.37", "0.00")),
        (["--category", "consultation", "--paid", "30", "--minor", "--guarantee", "100% BR"], ("21.00", "9.00", "0.00")),
    ],
)
def test_estimate_worked_examples(capsys, argv, expected):
    result = run_json(capsys, "estimate", *argv)
    assert (result["amo"], result["amc"], result["patient"]) == expected


def test_estimate_bad_input(capsys):
    code, out, err = run(capsys, "estimate", "--category", "consultation", "--paid", "abc")
    assert code == 2 and "not an amount" in err
    code, out, err = run(capsys, "estimate", "--category", "consultation", "--paid", "30", "--guarantee", "lots")
    assert code == 2 and "guarantee" in err


def test_csv_export(household, capsys, tmp_path):
    d = household
    run(capsys, *d, "claim", "new", "--person", "Claire Martin", "--date", "2025-02-07",
        "--category", "consultation", "--paid", "30")
    out = tmp_path / "claims.csv"
    assert run(capsys, *d, "export", "claims", str(out))[0] == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert rows[0]["person"] == "Claire Martin" and rows[0]["cpam_expected"] == "19.00"


def test_statement_closes_the_loop(household, capsys, tmp_path, ctx):
    d = household
    first = run_json(capsys, *d, "claim", "new", "--person", "Claire Martin", "--date", "2025-02-07",
                     "--category", "consultation", "--paid", "30")
    run_json(capsys, *d, "claim", "new", "--person", "Claire Martin", "--date", "2025-03-01",
             "--category", "consultation", "--paid", "30")
    path = page(tmp_path, "decompte.png", "Releve de prestations")
    assert run(capsys, *d, "import", str(path), "--person", "Claire Martin", "--kind", "statement")[0] == 0
    from desktop_app.services.documents import confirm_document

    confirm_document(ctx, 1, {"payer": "cpam", "statement_date": "2025-03-10"})
    from desktop_app.core.model import DocumentField, FieldSource

    ctx.store.set_fields(1, [DocumentField(
        name="lines", value=[{"care_date": "2025-02-07", "amount_paid": "19.00"},
                             {"care_date": "2025-05-05", "amount_paid": "12.00"}],
        source=FieldSource.USER, confirmed=True)])
    proposal = run_json(capsys, *d, "statement", "match", "1")
    assert [(p["claim_id"], p["amount"]) for p in proposal["proposals"]] == [(first["id"], "19.00")]
    assert len(proposal["unmatched"]) == 1
    assert proposal["unmatched"][0]["why_code"] == "no_open_claim"
    assert proposal["unmatched"][0]["why"] == "no open claim for that person and date"
    from desktop_app.services import statements

    french = statements.propose(ctx, 1, lang="fr").unmatched[0]
    assert (french.why_code, french.why) == (
        "no_open_claim", "aucune demande en cours pour cette personne à cette date"
    )
    accepted = run_json(capsys, *d, "statement", "accept", "1")
    assert len(accepted["recorded"]) == 1
    status = run_json(capsys, *d, "claim", "show", str(first["id"]))["status"]
    assert status["tracks"]["cpam"]["state"] == "closed"
    assert status["tracks"]["mutuelle"]["state"] == "sent"  # NOEMIE forwarded it
