"""Mailing bundles, the address book and the yearly summary, through the command line."""

from __future__ import annotations

import io
import json
import re

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from tests.cli_helpers import NIR, run, run_json

PARIS = "75948 Paris Cedex 19"


def text_of(pdf_path, page=None) -> str:
    reader = PdfReader(str(pdf_path))
    pages = reader.pages if page is None else [reader.pages[page]]
    text = "\n".join(p.extract_text() or "" for p in pages)
    return re.sub(r"[ \u00a0\u202f]+", " ", text)


def image(tmp_path, name: str, text: str, mode="RGB", fmt=None, size=(600, 300)):
    im = Image.new(mode, size, "white" if mode != "RGBA" else (255, 255, 255, 0))
    ImageDraw.Draw(im).text((20, 20), text, fill="black")
    path = tmp_path / name
    im.save(path, fmt) if fmt else im.save(path)
    return path


def two_page_pdf(tmp_path, name: str):
    pages = [Image.new("RGB", (400, 560), "white") for _ in range(2)]
    for i, p in enumerate(pages):
        ImageDraw.Draw(p).text((20, 20), f"ordonnance page {i + 1}", fill="black")
    path = tmp_path / name
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:])
    return path


def imported(capsys, d, path, person, kind) -> int:
    code, out, err = run(capsys, *d, "import", str(path), "--person", person, "--kind", kind)
    assert code == 0, err
    return int(re.search(r"document (\d+)", out).group(1))


@pytest.fixture
def household(data_dir, capsys):
    d = ["--data-dir", str(data_dir)]
    code, _out, err = run(
        capsys, *d, "person", "add", "--name", "Claire Martin", "--nir", NIR,
        "--birth-date", "1985-07-04", "--sex", "F", "--medecin-traitant", "yes",
        "--caisse", "CPAM de Paris", "--mutuelle", "Harmonie Mutuelle", "--member-number", "HM-48213",
        "--noemie", "no", "--guarantees", "default=100% BR", "--iban", "FR1420041010050500013M02606",
    )
    assert code == 0, err
    return d


def stimulator_claim(capsys, d, tmp_path, signed="yes") -> dict:
    """Care sheet (PNG), prescription (2-page PDF), invoice (JPEG): the seed scenario."""
    sheet = imported(capsys, d, image(tmp_path, "feuille.png", "feuille de soins"), "Claire Martin",
                     "care_sheet")
    rx = imported(capsys, d, two_page_pdf(tmp_path, "ordonnance.pdf"), "Claire Martin", "prescription")
    invoice = imported(capsys, d, image(tmp_path, "facture.jpg", "facture", fmt="JPEG"),
                       "Claire Martin", "invoice")
    claim = run_json(capsys, *d, "claim", "new", "--person", "Claire Martin", "--date", "2025-07-04",
                     "--category", "lpp_device", "--paid", "304.90", "--base", "304.90",
                     "--title", "Stimulateur périnéal",
                     "--doc", str(sheet), "--doc", str(rx), "--doc", str(invoice))
    assert run(capsys, *d, "doc", "confirm", str(sheet), f"nir={NIR}", "birth_date=1985-07-04",
               f"signed={signed}", "patient_name=Claire Martin")[0] == 0
    assert run(capsys, *d, "doc", "confirm", str(invoice), "lpp_codes=1180372")[0] == 0
    return {"id": str(claim["id"]), "sheet": sheet, "rx": rx, "invoice": invoice,
            "jpeg": tmp_path / "facture.jpg"}


def test_bundle_has_the_letter_then_every_enclosed_page(household, capsys, tmp_path):
    d = household
    claim = stimulator_claim(capsys, d, tmp_path)
    out = tmp_path / "envoi.pdf"
    report = run_json(capsys, *d, "bundle", claim["id"], "--to", "cpam", "--out", str(out))

    reader = PdfReader(str(out))
    assert [e["kind"] for e in report["enclosed"]] == ["care_sheet", "prescription", "invoice"]
    assert [e["pages"] for e in report["enclosed"]] == [1, 2, 1]
    assert report["letter_pages"] == 1
    assert len(reader.pages) == report["pages"] == 1 + 4 + 1  # letter, 4 enclosed pages, memo
    letter = text_of(out, 0)
    assert NIR in letter
    assert PARIS in letter and "CPAM de Paris" in letter
    assert "Claire Martin" in letter and "4 juillet 2025" in letter and "304,90 €" in letter
    assert "Madame, Monsieur" in letter and "Signature" in letter
    assert "Feuille de soins" in letter and "Ordonnance (original)" in letter
    assert "1180372" in letter  # the LPP code, from the invoice
    assert "ordonnance page 2" not in letter
    # The prescription's own pages follow the care sheet, unchanged, in order.
    assert report["enclosed"][1]["first_page"] == 3
    assert "à garder" in text_of(out, report["memo_page"] - 1)
    # The JPEG invoice goes in as it is: its bytes, not a re-encoded copy.
    invoice_page = reader.pages[report["enclosed"][2]["first_page"] - 1]
    xobjects = invoice_page["/Resources"]["/XObject"]
    streams = [xobjects[k].get_object() for k in xobjects]
    assert any(s.get("/Filter") == "/DCTDecode" and s.get_data() == claim["jpeg"].read_bytes()
               for s in streams)
    assert out.stat().st_mode & 0o077 == 0  # health data: private to the user

    # A second run never replaces the file unasked.
    code, _out, err = run(capsys, *d, "bundle", claim["id"], "--to", "cpam", "--out", str(out))
    assert code == 2 and "already exists" in err and "--force" in err
    code, stdout, _err = run(capsys, *d, "bundle", claim["id"], "--to", "cpam", "--out", str(out),
                             "--force")
    assert code == 0
    assert str(out) in stdout and f"Once posted: paperasse claim send {claim['id']} --to cpam" in stdout


def test_unsigned_care_sheet_is_refused_with_the_checklist_unless_forced(household, capsys, tmp_path):
    d = household
    claim = stimulator_claim(capsys, d, tmp_path, signed="no")
    out = tmp_path / "envoi.pdf"
    code, _out, err = run(capsys, *d, "bundle", claim["id"], "--to", "cpam", "--out", str(out))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "cannot prepare the mailing" in err and "CPAM" in err
    assert "1) " in err and "not signed" in err and "Sign the care sheet" in err
    assert "--force" in err
    assert not out.exists()

    report = run_json(capsys, *d, "bundle", claim["id"], "--to", "cpam", "--out", str(out), "--force")
    assert out.exists() and report["pages"] == 6
    assert any("not signed" in w for w in report["warnings"])
    assert [m["id"] for m in report["incomplete"]] == ["cpam_care_sheet_unsigned"]
    letter = text_of(out, 0)
    assert "sign" not in letter.lower().replace("signature", "")  # the letter carries no note


def test_beneficiary_letter_shows_patient_and_insured(household, capsys, tmp_path):
    d = household
    assert run(capsys, *d, "person", "edit", "Claire Martin",
               "--caisse-address", "CPAM de Paris, 75948 Paris Cedex 19")[0] == 0
    assert run(capsys, *d, "person", "add", "--name", "Léa Martin", "--beneficiary-of", "Claire Martin",
               "--birth-date", "2015-02-03", "--sex", "F", "--caisse", "CPAM du Rhône")[0] == 0
    sheet = imported(capsys, d, image(tmp_path, "feuille.png", "feuille Lea"), "Léa Martin", "care_sheet")
    claim = run_json(capsys, *d, "claim", "new", "--person", "Léa Martin", "--date", "2025-03-01",
                     "--category", "consultation", "--paid", "30", "--doc", str(sheet))
    assert run(capsys, *d, "doc", "confirm", str(sheet), "birth_date=2015-02-03", "signed=yes",
               f"insured_nir={NIR}", "patient_name=Léa Martin")[0] == 0
    out = tmp_path / "lea.pdf"
    report = run_json(capsys, *d, "bundle", str(claim["id"]), "--to", "cpam", "--out", str(out))
    letter = text_of(out, 0)
    assert "Léa Martin" in letter and "Claire Martin" in letter
    assert "Bénéficiaire des soins" in letter and "née le 3 février 2015" in letter
    assert NIR in letter  # the insured's NIR
    # The insured's caisse, not the one typed on the child's record.
    assert report["recipient"] == {"name": "CPAM de Paris", "address": [PARIS], "source": "person"}
    assert "Rhône" not in letter


def test_missing_caisse_address_leaves_space_and_warns(household, capsys, tmp_path):
    d = household
    assert run(capsys, *d, "person", "edit", "Claire Martin", "--caisse", "CPAM de l'Ain")[0] == 0
    claim = stimulator_claim(capsys, d, tmp_path)
    out = tmp_path / "envoi.pdf"
    report = run_json(capsys, *d, "bundle", claim["id"], "--to", "cpam", "--out", str(out))
    assert report["recipient"]["source"] is None
    assert any("attestation de droits" in w for w in report["warnings"])
    (notice,) = [n for n in report["notices"] if n["id"] == "bundle.no_caisse_address"]
    assert notice["fix"]["field"] == "caisse_address" and notice["fix"]["person"] == "Claire Martin"
    assert not any("paperasse" in w for w in report["warnings"])  # the window shows these
    letter = text_of(out, 0)
    assert "CPAM de l'Ain" in letter and "voir l'attestation de droits" in letter
    # The command line words its own fix.
    code, _out, err = run(capsys, *d, "bundle", claim["id"], "--to", "cpam", "--out", str(out),
                          "--force")
    assert code == 0 and "paperasse person edit 'Claire Martin' --caisse-address" in err

    saved = run_json(capsys, *d, "address", "add", "--name", "CPAM de l'Ain",
                     "--address", "Service courrier, 01000 Bourg-en-Bresse", "--code", "01")
    assert saved["address"] == "Service courrier\n01000 Bourg-en-Bresse"
    report = run_json(capsys, *d, "bundle", claim["id"], "--to", "cpam", "--out", str(out), "--force")
    assert report["recipient"]["source"] == "address_book"
    assert "01000 Bourg-en-Bresse" in text_of(out, 0)


@pytest.mark.parametrize("typed", ["CPAM de la Gironde", "CPAM de Gironde", "cpam gironde",
                                   "Caisse primaire d'assurance maladie de la Gironde",
                                   "C.P.A.M. Gironde (33)", "CPAM 33", "CPAM de Bordeaux", "331"])
def test_the_gironde_is_found_however_it_is_written(household, capsys, tmp_path, typed):
    d = household
    assert run(capsys, *d, "person", "edit", "Claire Martin", "--caisse", typed)[0] == 0
    claim = stimulator_claim(capsys, d, tmp_path)
    out = tmp_path / "envoi.pdf"
    report = run_json(capsys, *d, "bundle", claim["id"], "--to", "cpam", "--out", str(out),
                      "--force")
    assert report["recipient"]["source"] == "address_book"
    assert "33085 Bordeaux Cedex" in text_of(out, 0)
    # Not checked against ameli.fr: the user is asked to check it.
    assert any(n["id"] == "bundle.address_unconfirmed" for n in report["notices"])


def test_every_departement_has_its_caisse_with_a_seat(ctx):
    from desktop_app.services import addresses

    book = addresses.caisses(ctx)
    metropolitan = {f"{n:02d}" for n in range(1, 96) if n != 20} | {"2A", "2B"}
    overseas = {"971", "972", "973", "974", "976"}
    have = {e["departement"] for e in book if e["kind"] in ("cpam", "cgss", "cssm")}
    assert metropolitan | overseas <= have
    for entry in book:
        if entry["kind"] in ("cpam", "cgss", "cssm"):
            assert entry.get("cities"), entry["name"]
            assert entry.get("address") or "attestation de droits" in entry.get("note", "")
            found = addresses.find_caisse(ctx, entry["departement"])
            assert found is not None and found["departement"] == entry["departement"]
    data = json.loads((addresses.config.resources_dir() / "addresses"
                       / "caisses.json").read_text(encoding="utf-8"))
    assert data["as_of"] and "ameli.fr" in data["sources"]


def test_outdated_student_centre_is_flagged(household, capsys, tmp_path, ctx):
    from desktop_app.services import addresses

    for value in ("601", "617", "centre 617", "SMEREP", "LMDE"):
        assert "1 September 2019" in addresses.is_outdated_centre(value), value
    for value in ("CPAM de Paris", "75", "", None, "6017"):
        assert addresses.is_outdated_centre(value) is None, value

    listed = run_json(capsys, "--data-dir", str(ctx.paths.root), "address", "list", "617")
    assert [e["outdated"] for e in listed] == [True] and "SMEREP" in listed[0]["name"]
    code, _out, err = run(capsys, "--data-dir", str(ctx.paths.root), "address", "add",
                          "--name", "SMEREP", "--address", "Paris")
    assert code == 2 and "not a caisse any more" in err

    d = household
    assert run(capsys, *d, "person", "edit", "Claire Martin", "--caisse", "SMEREP",
               "--caisse-code", "617")[0] == 0
    claim = stimulator_claim(capsys, d, tmp_path)
    report = run_json(capsys, *d, "bundle", claim["id"], "--to", "cpam",
                      "--out", str(tmp_path / "e.pdf"))
    assert report["recipient"]["source"] is None
    assert any("outdated student centre" in w for w in report["warnings"])


def test_address_book_lookup_and_user_entries(ctx):
    from desktop_app.services import addresses

    assert addresses.find_caisse(ctx, "Gironde")["name"] == "CPAM de la Gironde"
    assert addresses.find_caisse(ctx, "33")["name"] == "CPAM de la Gironde"
    assert addresses.find_caisse(ctx, "Savoie")["name"] == "CPAM de la Savoie"
    assert addresses.find_caisse(ctx, "cpam de la haute-savoie")["name"] == "CPAM de la Haute-Savoie"
    assert addresses.find_caisse(ctx, "CPAM de Paris")["address"] == PARIS
    assert addresses.find_caisse(ctx, "971")["kind"] == "cgss"
    assert addresses.find_caisse(ctx, "Mayotte")["kind"] == "cssm"
    assert addresses.find_caisse(ctx, "nowhere at all") is None
    departements = {e["departement"] for e in addresses.list_caisses(ctx) if e["kind"] == "cpam"}
    assert len(departements) == 96  # metropolitan France, Corsica as 2A and 2B

    entry = addresses.add_caisse(ctx, "CPAM de Paris", "Autre adresse\n75000 Paris", code="75")
    assert entry["source"] == "user"
    assert addresses.find_caisse(ctx, "Paris")["address"] == "Autre adresse\n75000 Paris"
    assert len([e for e in addresses.list_caisses(ctx, "Paris")]) == 1  # replaces the shipped one
    stored = json.loads((ctx.paths.root / "addresses.json").read_text(encoding="utf-8"))
    assert stored["caisses"][0]["name"] == "CPAM de Paris"
    assert addresses.clean_address("12, rue de la Paix, 75002 Paris") == "12, rue de la Paix\n75002 Paris"


def test_mutuelle_bundle_first_claim_encloses_invoice_statement_attestation_and_rib(household, capsys, tmp_path):
    d = household
    claim = stimulator_claim(capsys, d, tmp_path)
    for name, kind in (("decompte.png", "statement"), ("attestation.png", "attestation_droits"),
                       ("rib.png", "rib")):
        doc = imported(capsys, d, image(tmp_path, name, name), "Claire Martin", kind)
        assert run(capsys, *d, "claim", "add-doc", claim["id"], str(doc))[0] == 0
        if kind == "statement":
            assert run(capsys, *d, "doc", "confirm", str(doc), "payer=cpam")[0] == 0
    run(capsys, *d, "claim", "send", claim["id"], "--to", "cpam", "--date", "2025-07-10")
    run(capsys, *d, "claim", "paid", claim["id"], "--from", "cpam", "--amount", "182.94",
        "--date", "2025-07-25")
    out = tmp_path / "mutuelle.pdf"
    report = run_json(capsys, *d, "bundle", claim["id"], "--to", "mutuelle", "--out", str(out))
    # A device: the mutuelle refunds beyond the CPAM on the supplier's invoice, so it goes too.
    assert [e["kind"] for e in report["enclosed"]] == [
        "invoice", "statement", "attestation_droits", "rib"]
    assert {s["kind"] for s in report["not_enclosed"]} == {"care_sheet", "prescription"}
    assert report["recipient"]["name"] == "Harmonie Mutuelle"
    letter = text_of(out, 0)
    assert "HM-48213" in letter and NIR in letter and "182,94 €" in letter
    assert "Harmonie Mutuelle" in letter and "voir la carte" in letter
    assert len(PdfReader(str(out)).pages) == report["pages"] == 1 + 4 + 1


def test_images_keep_their_quality_and_lose_transparency(tmp_path):
    from desktop_app.services.bundle import image_to_pdf

    png = image(tmp_path, "alpha.png", "transparent", mode="RGBA", size=(300, 200))
    page = PdfReader(io.BytesIO(image_to_pdf(png))).pages[0]
    (name,) = list(page["/Resources"]["/XObject"])
    xobject = page["/Resources"]["/XObject"][name].get_object()
    assert xobject["/Width"] == 300 and "/SMask" not in xobject
    assert xobject["/Filter"] == "/FlateDecode"  # lossless

    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
        heic = image(tmp_path, "photo.heic", "heic photo", fmt="HEIF", size=(320, 240))
    except Exception as exc:  # noqa: BLE001 - no HEIF encoder in this build
        pytest.skip(f"cannot write HEIC here: {exc}")
    page = PdfReader(io.BytesIO(image_to_pdf(heic))).pages[0]
    (name,) = list(page["/Resources"]["/XObject"])
    assert page["/Resources"]["/XObject"][name].get_object()["/Filter"] == "/DCTDecode"


def test_yearly_summary_totals_match_household_status(household, capsys, tmp_path, ctx):
    from desktop_app.core import formatting
    from desktop_app.services import tracking

    d = household
    first = run_json(capsys, *d, "claim", "new", "--person", "Claire Martin", "--date", "2025-02-07",
                     "--category", "consultation", "--paid", "30", "--title", "Médecin traitant")
    run_json(capsys, *d, "claim", "new", "--person", "Claire Martin", "--date", "2025-09-12",
             "--category", "lpp_device", "--paid", "304.90", "--base", "304.90", "--title", "Stimulateur")
    run_json(capsys, *d, "claim", "new", "--person", "Claire Martin", "--date", "2024-12-30",
             "--category", "consultation", "--paid", "30", "--title", "Autre année")
    run(capsys, *d, "claim", "send", str(first["id"]), "--to", "cpam", "--date", "2025-02-10")
    run(capsys, *d, "claim", "paid", str(first["id"]), "--from", "cpam", "--amount", "19",
        "--date", "2025-02-20")

    out = tmp_path / "2025.pdf"
    report = run_json(capsys, *d, "summary", "--person", "Claire Martin", "--year", "2025",
                      "--out", str(out))
    totals = tracking.household_status(ctx, person="Claire Martin", year=2025).totals
    assert report["claims"] == 2 and report["pages"] == 1
    assert report["totals"]["paid"] == totals.paid == "334.90"
    assert report["totals"]["received"] == totals.received.to_json()
    assert report["totals"]["left_to_pay"] == totals.left_to_pay
    text = text_of(out)
    norm = lambda v: re.sub(r"[\u00a0\u202f]", " ", formatting.money(v, "fr"))  # noqa: E731
    for value in (totals.paid, totals.received.cpam, totals.received.mutuelle,
                  totals.left_to_pay):
        assert norm(value) in text
    assert "Claire Martin" in text and "2025" in text
    assert "Médecin traitant" in text and "Stimulateur" in text and "Autre année" not in text

    code, stdout, _err = run(capsys, *d, "summary", "--person", "Claire Martin", "--year", "2025",
                             "--out", str(tmp_path / "en.pdf"), "--lang", "en")
    assert code == 0 and "Left to pay" in text_of(tmp_path / "en.pdf")
    code, _out, err = run(capsys, *d, "summary", "--person", "Nobody", "--year", "2025",
                          "--out", str(out))
    assert code == 2 and "no person named" in err


def test_bundle_bad_input(household, capsys, tmp_path):
    d = household
    code, _out, err = run(capsys, *d, "bundle", "99", "--to", "cpam", "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and "no claim 99" in err
    claim = stimulator_claim(capsys, d, tmp_path)
    code, _out, err = run(capsys, *d, "bundle", claim["id"], "--to", "cpam", "--out", str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_noemie_mutuelle_needs_nothing_posted(data_dir, capsys, tmp_path):
    d = ["--data-dir", str(data_dir)]
    assert run(capsys, *d, "person", "add", "--name", "Paul Durand", "--nir", "1 80 01 33 063 001 54",
               "--birth-date", "1980-01-15", "--sex", "M", "--medecin-traitant", "yes",
               "--mutuelle", "MGEN", "--noemie", "yes")[0] == 0
    claim = run_json(capsys, *d, "claim", "new", "--person", "Paul Durand", "--date", "2025-05-02",
                     "--category", "consultation", "--paid", "30")
    out = tmp_path / "mgen.pdf"
    report = run_json(capsys, *d, "bundle", str(claim["id"]), "--to", "mutuelle", "--out", str(out))
    assert report["enclosed"] == [] and report["pages"] == 2  # the letter and the memo
    assert any("NOEMIE" in w for w in report["warnings"])
    letter = text_of(out, 0)
    assert "Adhérent :" in letter and "P. J." not in letter and "Pièces jointes" not in letter
    code, _out, err = run(capsys, *d, "bundle", str(claim["id"]), "--to", "mutuelle",
                          "--out", str(tmp_path / "missing" / "dir" / "x.pdf"))
    assert code == 0  # folders are created


def test_a_practitioners_receipt_goes_to_the_mutuelle_where_the_invoice_would(household, capsys, tmp_path):
    """Osteopathy: the CPAM does not cover it, the mutuelle refunds on the note d'honoraires."""
    d = household
    note = imported(capsys, d, image(tmp_path, "note.png", "note d'honoraires"), "Claire Martin", "receipt")
    claim = run_json(capsys, *d, "claim", "new", "--person", "Claire Martin", "--date", "2025-07-04",
                     "--category", "other", "--paid", "60", "--title", "Ostéopathe", "--doc", str(note))
    status = run_json(capsys, *d, "status", expect=0)
    mine = next(c for c in status["claims"] if c["claim_id"] == claim["id"])
    missing = {m["id"] for m in mine["missing"]}
    assert "mutuelle_invoice_missing_not_covered" not in missing
    out = tmp_path / "mutuelle.pdf"
    report = run_json(capsys, *d, "bundle", str(claim["id"]), "--to", "mutuelle", "--out", str(out),
                      "--force")
    assert [e["kind"] for e in report["enclosed"]][0] == "receipt"
    assert report["enclosed"][0]["label"] == "Note d'honoraires acquittée"
    assert "Note d'honoraires acquittée" in text_of(out, 0)
