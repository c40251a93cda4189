"""Papers beyond care sheets, prescriptions and invoices: a practitioner's note d'honoraires and
quittance, a pharmacy receipt, the CPAM's attestation de droits, a mutuelle's tiers payant card,
the monthly relevé of the ameli account; and what is none of these stays searchable as 'other'.

The papers are drawn here (Pillow) and read by the real tesseract, or written as text PDFs.
"""

from __future__ import annotations

import pytest

from desktop_app.intake import candidates, read_document
from desktop_app.intake.classify import classify
from desktop_app.intake.extract_common import Context
from desktop_app.intake.layout import text_layer_page
from desktop_app.intake.pipeline import extractor_for
from desktop_app.intake.read_warnings import texts
from tests.intake.kind_pages import AMELI_RELEVE, EXPECTED, LAYOUTS, page_image, page_text, text_pdf


@pytest.fixture(autouse=True)
def straight_table(monkeypatch):
    """Confidence equal to the readers' evidence: these tests check how evidence moves it, not
    the table fitted on generated documents (refitted, it moves)."""
    table = {"default": [[0.0, 0.0], [1.0, 1.0]], "fields": {}}
    monkeypatch.setattr(candidates, "_calibration", lambda: table)


def _read_text(text: str):
    pages = [text_layer_page(1, text)]
    kind, _ = classify(pages)
    ctx = Context(pages=pages)
    extractor = extractor_for(kind)
    if extractor is not None:
        extractor(ctx)
    return kind, ctx


@pytest.mark.ocr
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_scanned_papers_give_their_kind_and_fields(tmp_path, font_path, name):
    path = tmp_path / f"{name}.png"
    page_image(LAYOUTS[name], font_path).save(path, dpi=(200, 200))
    r = read_document(path)
    kind, fields = EXPECTED[name]
    assert r.kind == kind
    assert {k: r.value(k) for k in fields} == fields
    # Each value here is printed beside its label: the reader is sure of it.
    assert all(r.fields[k].confidence >= 0.6 for k in fields), {k: r.fields[k].confidence for k in fields}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_text_pdfs_give_their_kind_and_fields(tmp_path, name):
    r = read_document(text_pdf(LAYOUTS[name], tmp_path / f"{name}.pdf"))
    kind, fields = EXPECTED[name]
    assert r.text_source == "text_layer" and r.kind == kind
    assert {k: r.value(k) for k in fields} == fields


def test_labelled_values_are_sure_and_unlabelled_guesses_are_not():
    kind, ctx = _read_text(page_text(LAYOUTS["attestation"]))
    assert kind == "rights_certificate"
    assert all(ctx.fields[k].confidence >= 0.8 for k in ("patient_name", "nir", "birth_date", "caisse"))
    # The same receipt without its labels: an amount and a date are guessed, unsure.
    kind, ctx = _read_text(
        "Sophie LAMBERT\nOstéopathe D.O.\n\n     NOTE D'HONORAIRES\n\n"
        "Séance d'ostéopathie     14/03/2026     65,00 €\n"
    )
    assert kind == "receipt"
    for name in ("date", "total_amount"):
        f = ctx.fields[name]
        assert f.value is None or f.confidence < 0.5, (name, f)


def test_a_wrong_nir_key_on_an_attestation_is_kept_unsure_with_a_warning():
    text = page_text(LAYOUTS["attestation"]).replace("234 32", "234 33")
    kind, ctx = _read_text(text)
    assert kind == "rights_certificate"
    assert ctx.fields["nir"].value == "285077511523433"
    assert ctx.fields["nir"].confidence < 0.5
    assert any("NIR key" in w for w in texts(ctx.warnings))


@pytest.mark.parametrize("title,kind", [
    ("0RDONNANCE", "prescription"),  # a letter read as a digit
    ("ORDONNANGE", "prescription"),
    ("N0TE D'HONORAIRES", "receipt"),
    ("NOTED'HONORAIRES", "receipt"),  # words glued
    ("QUITTANGE", "receipt"),
    ("ATTESTATI0N DE DR0ITS", "rights_certificate"),
    ("CARTE DE TIERS PAYAMT", "mutuelle_card"),
])
def test_a_slightly_misread_title_still_gives_the_kind(title, kind):
    body = {
        "prescription": "Madame Lucie FAURE\nAmoxicilline 1 g, 1 comprimé matin et soir pendant 7 jours",
        "receipt": "Patient : M. Thomas GIRAUD\nSéance du 14/03/2026\nMontant réglé : 65,00 €",
        "rights_certificate": "Assuré(e) : Mme Claire MARTIN\nDate de naissance : 04/07/1985",
        "mutuelle_card": "Adhérent : Claire MARTIN\nValable du 01/01/2026 au 31/12/2026",
    }[kind]
    pages = [text_layer_page(1, f"Dr Paul ROY\n{title}\n{body}\n" + "\n" * 30)]
    assert classify(pages)[0] == kind


def test_a_title_misread_beyond_a_few_letters_does_not_count():
    pages = [text_layer_page(1, "ORBANNEMCE\nVoir au dos\n" + "\n" * 30)]
    assert classify(pages)[0] == "other"


def test_a_letter_is_other_and_its_text_is_kept(tmp_path):
    layout = [
        [(100, "Association des parents d'élèves")],
        [(100, "Réunion de rentrée")],
        None,
        [(100, "Madame, Monsieur,")],
        [(100, "La réunion aura lieu le jeudi 12 septembre à 18 h dans le préau.")],
        [(100, "Merci de confirmer votre présence auprès de l'enseignant.")],
    ]
    r = read_document(text_pdf(layout, tmp_path / "lettre.pdf"))
    assert r.kind == "other" and not r.fields
    assert "préau" in r.text


def test_the_ameli_monthly_releve_is_a_statement_read_from_its_text_layer(tmp_path):
    r = read_document(text_pdf(AMELI_RELEVE, tmp_path / "releve_mensuel.pdf"))
    assert r.text_source == "text_layer" and r.kind == "statement"
    assert r.value("payer") == "cpam"
    assert r.value("statement_date") == "2026-07-01"
    assert r.value("total_paid") == "27.06"
    assert [(line["care_date"], line["amount_paid"]) for line in r.value("lines")] == [
        ("2026-06-03", "19.00"), ("2026-06-17", "8.06")]


# -- invoices -------------------------------------------------------------------------------

INVOICE_HEAD = "ORTHO SERVICES\n5 quai Perrache - 69002 Lyon - SIRET 48421798900090\n\nFACTURE\n"


@pytest.mark.parametrize("label", ["Montant à régler", "Somme due", "Net à payer", "Total TTC"])
def test_invoice_totals_under_their_french_labels(label):
    text = INVOICE_HEAD + (
        "Facture n° F2026-0117          Date : 18/09/2025\n"
        "Désignation                Qté     P.U.       Montant\n"
        "Attelle de genou           2       60,00 €    120,00 €\n"
        "Livraison                  1       12,50 €     12,50 €\n"
        "Montant HT : 110,42 €\n"
        f"{label} : 132,50 €\n"
    )
    kind, ctx = _read_text(text)
    assert kind == "invoice"
    assert ctx.fields["total_amount"].value == "132.50"
    assert ctx.fields["total_amount"].confidence >= 0.8


def test_reste_a_charge_is_the_total_only_when_nothing_else_is():
    kind, ctx = _read_text(INVOICE_HEAD + "Facture n° F-2231\nTotal : 45,60 €\nReste à charge : 2,00 €\n")
    assert ctx.fields["total_amount"].value == "45.60"
    kind, ctx = _read_text(INVOICE_HEAD + "Facture n° F-2231\nPart Sécu 43,60 €\nReste à charge : 2,00 €\n")
    assert ctx.fields["total_amount"].value == "2.00"


@pytest.mark.parametrize("line,number", [
    ("Pièce n° 2026-0042", "2026-0042"),
    ("Facture n° FA-77120", "FA-77120"),
    ("N° de facture : 2025/09/0117", "2025/09/0117"),
])
def test_invoice_numbers_under_their_french_labels(line, number):
    kind, ctx = _read_text(INVOICE_HEAD + f"{line}\nDate : 18/09/2025\nTotal TTC : 99,00 €\n")
    assert kind == "invoice"
    assert ctx.fields["invoice_number"].value == number


def test_a_piece_without_its_number_mark_is_no_invoice_number():
    # "pièces" as a word, not a label: nothing to read as a number.
    kind, ctx = _read_text(INVOICE_HEAD + "Pièces détachées 2 ans\nTotal TTC : 99,00 €\n")
    assert ctx.fields["invoice_number"].value is None


def test_a_quantity_beside_a_unit_price_is_two_numbers_not_one():
    # No total label: the fallback takes the largest amount, and "1   245,00 €" is 245.00.
    kind, ctx = _read_text(INVOICE_HEAD + "Facture n° F-88\nAttelle   1   245,00 €\n")
    assert kind == "invoice"
    assert ctx.fields["total_amount"].value == "245.00"
    assert ctx.fields["total_amount"].confidence < 0.5
