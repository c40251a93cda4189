"""Reimbursement statements (CPAM relevés, mutuelle décomptes): payer, date, lines, total.

Statements are generated here in three layouts, as text PDFs and as images read by the
real tesseract, and must give the same fields; then a statement imported through the
command line must propose the right claim.
"""

import json
from pathlib import Path

import pytest

from desktop_app.intake import read_document
from desktop_app.intake.extract_common import Context
from desktop_app.intake.extract_statement import extract_statement
from desktop_app.intake.layout import text_layer_page
from desktop_app.intake.read_warnings import texts
from tests.intake.statement_pages import EXPECTED, LAYOUTS, statement_image, statement_pdf

SAMPLE = Path(__file__).parents[2] / "resources" / "samples" / "releve_cpam_juillet_2025.pdf"
FIELDS = ("payer", "statement_date", "total_paid", "lines")


def _fields(result) -> dict:
    return {name: result.value(name) for name in FIELDS}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_text_pdf_statements(tmp_path, name):
    r = read_document(statement_pdf(LAYOUTS[name], tmp_path / f"{name}.pdf"))
    assert r.text_source == "text_layer" and r.kind == "statement"
    assert _fields(r) == EXPECTED[name]
    assert not r.warnings


@pytest.mark.ocr
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_scanned_statements(tmp_path, font_path, name):
    path = tmp_path / f"{name}.png"
    statement_image(LAYOUTS[name], font_path).save(path, dpi=(200, 200))
    r = read_document(path)
    assert r.text_source == "ocr" and r.kind == "statement"
    assert _fields(r) == EXPECTED[name]
    assert r.fields["lines"].confidence > 0.5


@pytest.mark.ocr
def test_slightly_turned_scan(tmp_path, font_path):
    image = statement_image(LAYOUTS["mutuelle_decompte"], font_path).rotate(0.8, fillcolor=255, expand=True)
    path = tmp_path / "turned.jpg"
    image.save(path, quality=80)
    assert _fields(read_document(path)) == EXPECTED["mutuelle_decompte"]


def test_sample_cpam_statement_skips_the_birth_date():
    r = read_document(SAMPLE)
    assert r.kind == "statement"
    assert r.value("payer") == "cpam"
    assert r.value("statement_date") == "2025-07-08"  # not "née le 04/07/1985"
    assert r.value("lines") == [{"care_date": "2025-06-20", "amount_paid": "182.94",
                                 "patient_name": "MARTIN Claire",
                                 "label": "Stimulateur périnéal (LPP 1127950)"}]
    assert r.value("total_paid") == "182.94"


def _read(text: str) -> Context:
    ctx = Context(pages=[text_layer_page(1, text)])
    extract_statement(ctx)
    return ctx


def _value(ctx: Context, name: str):
    return ctx.fields[name].value


def test_birth_and_care_dates_are_never_the_statement_date():
    ctx = _read(
        "Caisse Primaire d'Assurance Maladie du Nord\n"
        "Bénéficiaire : LEROY Anne, née le 02/03/1970\n"
        "Date de naissance : 02/03/1970\n"
        "Date des soins    Nature          Montant payé    Montant remboursé\n"
        "04/08/2025        Consultation    30,00 €         19,00 €\n"
    )
    assert _value(ctx, "statement_date") is None
    assert ctx.fields["statement_date"].confidence < 0.5
    assert _value(ctx, "lines")[0]["care_date"] == "2025-08-04"


@pytest.mark.parametrize("label,expected", [
    ("Date du relevé : 08/07/2025", "2025-07-08"),
    ("Relevé du 01/06/2025 au 30/06/2025", "2025-06-30"),
    ("Paiement du 3 juillet 2025", "2025-07-03"),
    ("Date de paiement\n12.07.2025", "2025-07-12"),
    ("Versé le 09/07/2025 sur votre compte", "2025-07-09"),
    ("Lille, le 10/07/2025", "2025-07-10"),
])
def test_statement_date_labels(label, expected):
    ctx = _read(
        "l'Assurance Maladie\n"
        "Madame Anne LEROY, née le 02/03/1970\n"
        f"{label}\n"
        "Date des soins    Nature          Montant payé    Montant remboursé\n"
        "04/06/2025        Consultation    30,00 €         19,00 €\n"
    )
    assert _value(ctx, "statement_date") == expected


@pytest.mark.parametrize("text,payer", [
    ("l'Assurance Maladie\nCPAM du Rhône\nRelevé de vos remboursements\n"
     "Votre organisme complémentaire a reçu ces informations.\n", "cpam"),
    ("MSA Bourgogne\nRelevé de prestations\n", "cpam"),
    ("CGSS de la Martinique\nDécompte de prestations\n", "cpam"),
    ("ameli.fr - votre compte\nRelevé mensuel\n", "cpam"),
    ("Mutuelle des Artisans\nDécompte\n", "mutuelle"),
    ("Groupe Prévoyance Santé\nRemboursement complémentaire\n", "mutuelle"),
    ("Votre complémentaire santé SantéPlus\nDécompte de remboursement complémentaire\n", "mutuelle"),
])
def test_payer(text, payer):
    ctx = _read(text + "Date des soins    Acte            Dépense    Remboursement\n"
                       "04/06/2025        Consultation    30,00      9,00\n")
    assert _value(ctx, "payer") == payer


def test_mutuelle_columns_beat_a_cpam_sounding_title():
    ctx = _read(
        "Relevé de prestations\n"
        "Date        Acte            Dépense    Part AMO    Part AMC    Reste à charge\n"
        "04/06/2025  Consultation    30,00      19,00       9,00        2,00\n"
    )
    assert _value(ctx, "payer") == "mutuelle"
    assert _value(ctx, "lines")[0]["amount_paid"] == "9.00"


def test_cpam_paper_takes_the_compulsory_part():
    ctx = _read(
        "l'Assurance Maladie - CPAM de Paris\n"
        "Date        Acte            Dépense    Part RO    Part complémentaire\n"
        "04/06/2025  Consultation    30,00      19,00      9,00\n"
    )
    assert _value(ctx, "payer") == "cpam"
    assert _value(ctx, "lines")[0]["amount_paid"] == "19.00"


def test_acts_grouped_under_one_date_and_reference_column():
    ctx = _read(
        "Mutuelle Familiale\n"
        "Référence    Date          Acte             Dépense    Remb. Sécu    Remb. mutuelle\n"
        "D-1182       12/05/2025    Consultation     30,00      19,00         9,00\n"
        "                           Radiographie     40,00      28,00         12,00\n"
        "TOTAL                                       70,00      47,00         21,00\n"
    )
    lines = _value(ctx, "lines")
    assert [(ln["care_date"], ln["amount_paid"], ln["label"], ln.get("reference")) for ln in lines] == [
        ("2025-05-12", "9.00", "Consultation", "D-1182"),
        ("2025-05-12", "12.00", "Radiographie", "D-1182"),
    ]
    assert _value(ctx, "total_paid") == "21.00"
    assert not ctx.warnings


def test_table_on_two_pages_keeps_its_columns():
    head = "Mutuelle Familiale\nDate          Acte             Dépense    Remb. Sécu    Remb. mutuelle\n"
    p1 = text_layer_page(1, head + "12/05/2025    Consultation     30,00      19,00         9,00\n")
    p2 = text_layer_page(2, "13/05/2025    Radiographie     40,00      28,00         12,00\n")
    ctx = Context(pages=[p1, p2])
    extract_statement(ctx)
    assert [ln["amount_paid"] for ln in _value(ctx, "lines")] == ["9.00", "12.00"]


def test_total_that_disagrees_with_the_lines_is_reported():
    ctx = _read(
        "l'Assurance Maladie\n"
        "Date des soins    Nature          Montant payé    Montant remboursé\n"
        "04/06/2025        Consultation    30,00 €         19,00 €\n"
        "05/06/2025        Pharmacie       12,00 €         7,80 €\n"
        "Total remboursé : 28,80 €\n"
    )
    assert _value(ctx, "total_paid") == "28.80"
    assert any("differs from the sum" in w for w in texts(ctx.warnings))


def test_statement_without_a_table_header_falls_back_to_dated_rows():
    ctx = _read(
        "l'Assurance Maladie\n"
        "Relevé du 10/07/2025\n"
        "04/06/2025 Consultation 30,00 € 19,00 €\n"
        "Né le 01/01/1980, 12,00 €\n"
    )
    assert [(ln["care_date"], ln["amount_paid"]) for ln in _value(ctx, "lines")] == [("2025-06-04", "19.00")]
    assert ctx.fields["lines"].confidence <= 0.5
    assert _value(ctx, "total_paid") == "19.00"


def test_no_lines_at_all():
    ctx = _read("Mutuelle Familiale\nDécompte\nAucun remboursement ce mois-ci.\n")
    assert _value(ctx, "lines") == []
    assert _value(ctx, "total_paid") is None


# -- through the services: import, then match against claims ---------------------------------

NIR = "2 85 07 75 115 234 32"


def _cli(capsys, *argv):
    from desktop_app.cli.main import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.mark.parametrize("name,payer,claim_date,amount", [
    ("mutuelle_decompte", "mutuelle", "2025-06-20", "121.96"),
    ("cpam_releve", "cpam", "2025-09-05", "29.64"),
])
def test_imported_statement_proposes_the_right_claim(tmp_path, capsys, monkeypatch, name, payer,
                                                     claim_date, amount):
    data = tmp_path / "data"
    monkeypatch.setenv("PAPERASSE_HOME", str(data))
    d = ["--data-dir", str(data)]
    person = "Claire Martin" if payer == "mutuelle" else "Marc Dupont"
    _cli(capsys, *d, "person", "add", "--name", person, "--nir", NIR, "--birth-date", "1985-07-04",
         "--sex", "F", "--medecin-traitant", "yes", "--mutuelle", "Harmonie", "--noemie", "no",
         "--guarantees", "default=100% BR", "--iban", "FR1420041010050500013M02606")
    other = json.loads(_cli(capsys, *d, "claim", "new", "--person", person, "--date", "2025-04-01",
                            "--category", "consultation", "--paid", "30", "--json"))
    claim = json.loads(_cli(capsys, *d, "claim", "new", "--person", person, "--date", claim_date,
                            "--category", "consultation", "--paid", "45.60", "--json"))
    assert other["id"] != claim["id"]
    pdf = statement_pdf(LAYOUTS[name], tmp_path / f"{name}.pdf")
    out = _cli(capsys, *d, "import", str(pdf), "--person", person)
    assert "(statement)" in out
    found = json.loads(_cli(capsys, *d, "statement", "match", "1", "--json"))
    assert found["payer"] == payer
    assert [(p["claim_id"], p["care_date"], p["amount"]) for p in found["proposals"]] == [
        (claim["id"], claim_date, amount)]
    # Lines for someone else, or a day with no claim, are shown, not guessed.
    assert len(found["unmatched"]) == len(EXPECTED[name]["lines"]) - 1
