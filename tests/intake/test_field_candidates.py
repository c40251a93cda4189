"""Fields chosen among candidates by their evidence, on pages of words placed by hand (no OCR).

Layouts and wordings here are made up for the tests: plain "Patient :" lines, headings right
under a label, numbers with no label at all.
"""

from __future__ import annotations

import pytest

from desktop_app.core.identifiers import nir_key
from desktop_app.intake import candidates, label_hits, vocab
from desktop_app.intake.extract_care_sheet import extract_care_sheet
from desktop_app.intake.extract_prescription import extract_prescription
from desktop_app.intake.parse_ids import luhn_check_digit
from desktop_app.intake.read_warnings import texts
from tests.intake.word_pages import run, values


@pytest.fixture(autouse=True)
def straight_table(monkeypatch):
    """Confidence equal to the evidence score: these tests check how evidence moves it, not
    the fitted table (refitted on new documents, it moves)."""
    table = {"default": [[0.0, 0.0], [1.0, 1.0]], "fields": {}}
    monkeypatch.setattr(candidates, "_calibration", lambda: table)


def _nir(body: str) -> str:
    return body + nir_key(body)


def _rpps(body: str) -> str:
    return body + luhn_check_digit(body)


NIR = _nir("1850775115234")
RPPS = _rpps("1000345678")


def _headings() -> list[str]:
    return [h["text"] for h in vocab.load("headings")["headings"]]


def _care_sheet(*rows):
    base = [(480, 100, "FEUILLE DE SOINS"), (120, 200, "PERSONNE RECEVANT LES SOINS ET ASSURÉ(E)")]
    return base + list(rows)


# -- names are names ---------------------------------------------------------------------------


@pytest.mark.parametrize("heading", _headings())
def test_a_heading_under_a_name_label_is_never_the_name(heading):
    ctx = run(extract_care_sheet, _care_sheet((120, 300, "nom et prénom"), (120, 345, heading.upper())))
    f = ctx.fields["patient_name"]
    assert f.value is None or f.confidence < 0.5
    assert f.value is None or label_hits.norm_text(f.value) not in label_hits.norm_text(heading)


@pytest.mark.parametrize("fragment", ["DES SOINS", "de l'assuré", "DE L'ASSURÉ(E)", "ACTES EFFECTUÉS"])
def test_pieces_of_headings_are_not_names(fragment):
    ctx = run(extract_care_sheet, _care_sheet((120, 300, "nom et prénom"), (120, 345, fragment)))
    assert ctx.fields["patient_name"].value is None


def test_the_practitioners_name_is_not_the_patients():
    ctx = run(extract_care_sheet, _care_sheet(
        (120, 300, "nom et prénom"), (600, 300, "ROUSSEAU Anne-Sophie"),
        (120, 600, "IDENTIFICATION DU PRATICIEN ET DE LA STRUCTURE"),
        (120, 650, "nom et prénom"), (600, 650, "Philippe THOMAS"),
    ))
    f = ctx.fields["patient_name"]
    assert f.value == "ROUSSEAU Anne-Sophie"
    assert f.confidence >= 0.5


def test_only_the_practitioner_named_gives_no_confident_patient():
    ctx = run(extract_care_sheet, _care_sheet(
        (120, 300, "nom et prénom"),
        (120, 600, "IDENTIFICATION DU PRATICIEN ET DE LA STRUCTURE"),
        (120, 650, "nom et prénom"), (600, 650, "Philippe THOMAS"),
    ))
    f = ctx.fields["patient_name"]
    assert f.value is None or f.confidence < 0.5


# -- numbers that prove what they are --------------------------------------------------------


def test_a_nir_is_found_by_its_key_without_a_label():
    spaced = f"{NIR[0]} {NIR[1:3]} {NIR[3:5]} {NIR[5:7]} {NIR[7:10]} {NIR[10:13]} {NIR[13:]}"
    ctx = run(extract_care_sheet, _care_sheet((120, 300, "MARTIN Paul"), (120, 400, spaced)))
    assert ctx.fields["nir"].value == NIR


def test_a_nir_read_box_by_box_is_found():
    boxed = "|".join(NIR[:13]) + " " + "|".join(NIR[13:])
    ctx = run(extract_care_sheet, _care_sheet((120, 400, "numéro d'immatriculation"), (120, 450, boxed)))
    assert ctx.fields["nir"].value == NIR
    assert ctx.fields["nir"].confidence >= 0.5


def test_fifteen_digits_failing_the_key_are_no_nir_when_unlabelled():
    wrong = NIR[:-2] + f"{(int(NIR[-2:]) + 1) % 97:02d}"
    ctx = run(extract_care_sheet, _care_sheet((120, 400, wrong)))
    assert ctx.fields["nir"].value is None


def test_a_nir_label_read_with_ocr_slips_still_counts():
    hits = label_hits.find_label_hits([_page([(120, 400, "numéro d'immatricu1ation")])],
                                      label_hits.labels_of("labels_care_sheet"))
    assert any(h.label.field == "nir" for h in hits)


def test_short_labels_need_an_exact_match():
    hits = label_hits.find_label_hits([_page([(120, 400, "non")])], label_hits.labels_of("labels_care_sheet"))
    assert not any(h.label.field == "patient_name" for h in hits)


def _page(items):
    from tests.intake.word_pages import page

    return page(items)


def test_rpps_by_luhn_next_to_its_label():
    other = _rpps("1000999888")
    ctx = run(extract_prescription, [
        (500, 120, "Docteur Hugo BERNARD"), (130, 420, "Madame Lucie FAURE"),
        (150, 650, "• Amoxicilline 1 g, 1 comprimé matin et soir"),
        (300, 2080, f"Tél. 04 78 12 34 56   FINESS {other}"),
        (520, 2130, f"N° RPPS : {RPPS}"),
    ])
    assert ctx.fields["prescriber_rpps"].value == RPPS
    assert ctx.fields["prescriber_rpps"].confidence >= 0.5


def test_rpps_failing_luhn_is_kept_low_with_a_warning():
    bad = RPPS[:-1] + str((int(RPPS[-1]) + 1) % 10)
    ctx = run(extract_prescription, [(500, 120, "Docteur Hugo BERNARD"), (520, 2130, f"RPPS {bad}")])
    f = ctx.fields["prescriber_rpps"]
    assert f.value == bad and f.confidence < 0.5
    assert any("check digit" in w for w in texts(ctx.warnings))


# -- dates by their words ----------------------------------------------------------------------


def test_birth_date_by_a_birth_word_on_a_prescription():
    ctx = run(extract_prescription, [
        (500, 120, "Docteur Hugo BERNARD"), (1050, 420, "Lyon, le 4 juillet 2025"),
        (130, 420, "Madame Lucie FAURE"), (130, 470, "née le 12.03.1961"),
        (150, 650, "• Kinésithérapie : 10 séances"),
    ])
    v = values(ctx)
    assert v["patient_birth_date"] == "1961-03-12"
    assert v["date"] == "2025-07-04"


def test_birth_date_by_its_label_on_a_care_sheet():
    ctx = run(extract_care_sheet, _care_sheet(
        (120, 300, "nom et prénom"), (600, 300, "MOREAU Claire"),
        (900, 400, "date de naissance"), (900, 445, "22/02/2003"),
        (120, 800, "date"), (420, 800, "désignation"), (1350, 800, "montant"),
        (130, 860, "05/05/2025"), (420, 860, "AMK 8"), (1350, 860, "17,20"),
    ))
    v = values(ctx)
    assert v["birth_date"] == "2003-02-22"
    assert v["care_date"] == "2025-05-05"


def test_a_birth_date_after_the_care_is_not_taken():
    ctx = run(extract_care_sheet, _care_sheet(
        (900, 400, "date de naissance"), (900, 445, "22/02/2026"),
        (120, 800, "date"), (420, 800, "désignation"), (1350, 800, "montant"),
        (130, 860, "05/05/2025"), (420, 860, "AMK 8"), (1350, 860, "17,20"),
    ))
    f = ctx.fields["birth_date"]
    assert f.value is None or f.confidence < 0.5


# -- plain labelled prescriptions -----------------------------------------------------------------


@pytest.mark.parametrize("patient_label,prescriber_label", [
    ("Patient :", "Prescripteur :"), ("Patiente :", "Médecin prescripteur :"),
    ("Nom du patient :", "Prescripteur :"), ("Bénéficiaire :", "Praticien :"),
])
@pytest.mark.parametrize("date_text", ["Date : 03/11/2025", "Le 3 novembre 2025", "Fait le 03.11.2025",
                                       "Date de prescription : 2025-11-03"])
def test_plain_patient_and_prescriber_lines(patient_label, prescriber_label, date_text):
    ctx = run(extract_prescription, [
        (130, 150, "Cabinet médical des Tilleuls"),
        (130, 300, f"{prescriber_label} Dr Jeanne Lefèvre"),
        (130, 360, f"{patient_label} Thomas Girard"),
        (130, 420, "Né le : 14/06/1978"),
        (1050, 300, date_text),
        (150, 650, "- Ibuprofène 400 mg : 1 comprimé 3 fois par jour pendant 5 jours"),
        (150, 720, "- Doliprane 1000 mg : si douleur, 4 par jour au plus"),
    ])
    v = values(ctx)
    assert v["patient_name"] == "Thomas Girard"
    assert v["prescriber_name"] == "Jeanne Lefèvre"
    assert v["patient_birth_date"] == "1978-06-14"
    assert v["date"] == "2025-11-03"
    assert [i.split()[0] for i in v["items"]] == ["Ibuprofène", "Doliprane"]
    assert ctx.fields["patient_name"].confidence >= 0.5


def test_the_prescriber_is_not_taken_for_the_patient():
    ctx = run(extract_prescription, [
        (500, 120, "Docteur Hugo BERNARD"), (130, 420, "Patient : Dr Hugo Bernard"),
    ])
    f = ctx.fields["patient_name"]
    assert f.value is None or f.confidence < 0.5


# -- disagreement -----------------------------------------------------------------------------------


def test_two_close_readings_lower_the_confidence_and_warn():
    one = run(extract_prescription, [(130, 300, "Patient : Thomas Girard"), (150, 650, "- Ibuprofène 400 mg")])
    two = run(extract_prescription, [(130, 300, "Patient : Thomas Girard"), (130, 1000, "Patient : Louise Garnier"),
                                     (150, 650, "- Ibuprofène 400 mg")])
    assert one.fields["patient_name"].confidence > two.fields["patient_name"].confidence
    assert two.fields["patient_name"].confidence < 0.5
    assert any("two readings are close" in w and "patient_name" in w for w in texts(two.warnings))
    assert not any("two readings are close" in w for w in texts(one.warnings))


def test_pick_keeps_a_clear_winner_confident():
    a = candidates.candidate("A", 1.0, 1.0, 0.95)
    b = candidates.candidate("B", 0.3, 0.3, 0.9)
    p = candidates.pick([a, b])
    assert p.best is a and not p.ambiguous
    c = candidates.candidate("C", 1.0, 0.97, 0.95)
    assert candidates.pick([a, c]).ambiguous
    assert not candidates.pick([a, candidates.candidate("A", 1.0, 0.97, 0.9)]).ambiguous


# -- how names and numbers are written in the boxes -----------------------------------------


@pytest.mark.parametrize("written", ["....... Jean DUPONT .......", "| DUPONT Jean |", "DUPONT, Jean",
                                     "_____ Jean DUPONT"])
def test_names_on_fill_in_lines_and_in_boxes(written):
    ctx = run(extract_prescription, [(500, 120, "Docteur Hugo BERNARD"), (130, 420, f"Patient : {written}"),
                                     (150, 650, "- Ibuprofène 400 mg")])
    assert sorted(ctx.fields["patient_name"].value.split()) == ["DUPONT", "Jean"]


def test_surname_and_first_name_in_two_fields_on_one_row():
    ctx = run(extract_care_sheet, _care_sheet((120, 300, "Nom : MARTIN"), (700, 300, "Prénom : Louise")))
    assert ctx.fields["patient_name"].value == "Louise MARTIN"


def test_surname_and_first_name_under_a_header_row():
    ctx = run(extract_prescription, [
        (500, 120, "Docteur Hugo BERNARD"),
        (130, 400, "Nom"), (600, 400, "Prénom"), (1000, 400, "Date de naissance"),
        (130, 450, "GARNIER"), (600, 450, "Louise"), (1000, 450, "03/04/1990"),
        (150, 650, "- Ibuprofène 400 mg"),
    ])
    v = values(ctx)
    assert v["patient_name"] == "Louise GARNIER"
    assert v["patient_birth_date"] == "1990-04-03"


def test_a_nir_with_its_key_apart():
    ctx = run(extract_care_sheet, _care_sheet((120, 400, f"N° de sécurité sociale {NIR[:13]}   clé {NIR[13:]}")))
    assert ctx.fields["nir"].value == NIR


@pytest.mark.parametrize("written", ["2|2| |0|2| |2|0|0|3", "22 02 2003", "2 2  0 2  2 0 0 3"])
def test_a_birth_date_in_boxes_read_by_the_page(written):
    ctx = run(extract_care_sheet, _care_sheet((900, 400, "date de naissance"), (900, 445, written)))
    assert ctx.fields["birth_date"].value == "2003-02-22"


def test_an_empty_birth_label_over_the_acts_takes_neither_the_acts_date_nor_loses_it():
    ctx = run(extract_care_sheet, _care_sheet(
        (120, 300, "Nom du patient : Ludovic BLANC"), (120, 350, "Né(e) le :"),
        (120, 400, "Ordonnance du 16 octobre 2024"),
        (120, 450, "Date de l'acte"), (600, 450, "Acte"), (1300, 450, "Montant"),
        (120, 500, "25 octobre 2024"), (600, 500, "MD"), (1300, 500, "10,00"),
    ))
    v = values(ctx)
    assert v["care_date"] == "2024-10-25"
    assert v["birth_date"] is None


# -- the NIR and the birth date check each other ------------------------------------------------

CORSICAN = _nir("2161220B09716".replace("20B", "2B0"))  # a NIR of Haute-Corse (2B)


def test_a_spaced_corsican_nir_keeps_its_department_group():
    spaced = f"{CORSICAN[0]} {CORSICAN[1:3]} {CORSICAN[3:5]} {CORSICAN[5:7]} {CORSICAN[7:10]} {CORSICAN[10:13]} {CORSICAN[13:]}"
    ctx = run(extract_care_sheet, _care_sheet((120, 400, f"N° de sécurité sociale : {spaced}")))
    assert ctx.fields["nir"].value == CORSICAN


def test_a_nir_with_one_misread_digit_is_mended_where_the_birth_date_agrees():
    # Born July 1951: the NIR carries 51 07; OCR read the 5 of the year as a 9.
    nir = _nir("2510745075336")
    misread = nir[0] + "9" + nir[2:]
    ctx = run(extract_care_sheet, _care_sheet(
        (120, 300, "date de naissance"), (600, 300, "20/07/1951"),
        (120, 400, "N° de sécurité sociale"), (700, 400, misread),
    ))
    f = ctx.fields["nir"]
    assert f.value == nir
    assert any("one digit changed" in w for w in texts(ctx.warnings))


def test_a_misread_nir_is_not_mended_without_a_birth_date():
    nir = _nir("2510745075336")
    misread = nir[0] + "9" + nir[2:]
    ctx = run(extract_care_sheet, _care_sheet((120, 400, "N° de sécurité sociale"), (700, 400, misread)))
    assert ctx.fields["nir"].value != nir


def test_the_nir_names_an_unlabelled_birth_date():
    nir = _nir("1850775115234")  # born July 1985
    ctx = run(extract_care_sheet, _care_sheet(
        (120, 300, "MARTIN Paul"), (120, 350, "17/07/1985"),
        (120, 400, f"numéro d'immatriculation {nir}"),
        (120, 800, "date"), (420, 800, "désignation"), (1350, 800, "montant"),
        (130, 860, "05/05/2025"), (420, 860, "AMK 8"), (1350, 860, "17,20"),
    ))
    assert ctx.fields["birth_date"].value == "1985-07-17"
    assert ctx.fields["care_date"].value == "2025-05-05"


def test_a_name_after_an_unknown_label_by_the_nir_is_the_patient_unsure():
    ctx = run(extract_care_sheet, [
        (480, 100, "FEUILLE DE SOINS"), (120, 300, "Qui reçoit : MARTIN Claire"),
        (120, 350, "Dr Paul ROY"), (120, 400, f"Matr. {NIR}"),
    ])
    f = ctx.fields["patient_name"]
    assert f.value == "Claire MARTIN" or f.value == "MARTIN Claire"
    assert f.confidence < 0.8


def test_a_doctors_name_is_no_free_patient_name():
    ctx = run(extract_care_sheet, [(480, 100, "FEUILLE DE SOINS"), (120, 350, "Docteur Paul ROY"),
                                   (120, 400, f"Matr. {NIR}")])
    assert ctx.fields["patient_name"].value is None
