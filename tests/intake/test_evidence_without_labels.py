"""Values read by what they are when the paper's label wordings are not in the vocabulary:
a NIR by its key however its groups are set apart, a letterhead's logo kept out of a name,
people printed without a label, the trader's name by its legal form and address."""

from __future__ import annotations

from desktop_app.core.identifiers import nir_key
from desktop_app.intake.extract_invoice import extract_invoice
from desktop_app.intake.extract_receipt import extract_receipt
from desktop_app.intake.extract_rights_certificate import extract_rights_certificate
from desktop_app.intake.layout import Word, split_segments
from desktop_app.intake.parse_ids import all_nirs, find_nir
from tests.intake.word_pages import run, values

BODY = "2820667245932"
NIR = BODY + nir_key(BODY)


def _dotted(nir: str) -> str:
    b = nir[:13]
    return f"{b[0]}.{b[1:3]}.{b[3:5]}.{b[5:7]}.{b[7:10]}.{b[10:13]}"


def test_a_nir_whose_key_stands_past_a_dash_is_read_whole():
    line = f"{_dotted(NIR)} - {NIR[13:]}"
    assert find_nir(line).value == NIR and find_nir(line).valid
    assert [r.value for r in all_nirs(f"Matricule {line}")] == [NIR]


def test_a_nir_with_colons_for_dots_is_still_found():
    assert [r.value for r in all_nirs(f"{_dotted(NIR).replace('.', ':')} - {NIR[13:]}")] == [NIR]


def test_a_number_ending_at_a_dash_is_not_glued_to_what_follows():
    # Fifteen figures across a dash whose key fails stay two numbers, not a NIR.
    wrong = f"{BODY} - {(int(NIR[13:]) + 1) % 97:02d}"
    assert not all_nirs(wrong)


def test_a_logo_beside_a_name_is_a_segment_of_its_own():
    words = [Word("L", 225, 0, 35, 103), Word("|", 293, 5, 31, 95),
             Word("DURAND,", 362, 30, 216, 43), Word("Karim", 597, 35, 131, 36)]
    assert [s.text for s in split_segments(words)] == ["L |", "DURAND, Karim"]


def test_letters_of_one_size_stay_one_segment():
    words = [Word("Dr", 0, 0, 40, 36), Word("Paul", 60, 0, 80, 36), Word("ROY", 160, 0, 70, 36)]
    assert [s.text for s in split_segments(words)] == ["Dr Paul ROY"]


def test_a_receipts_patient_printed_without_label_is_proposed_unsure():
    ctx = run(extract_receipt, [
        (120, 100, "DURAND, Karim"), (120, 150, "Masseur-kinésithérapeute"), (120, 200, "64 rue des Lilas"),
        (120, 400, "QUITTANCE"), (120, 500, "2025-08-05"), (900, 500, "PÂRIS, Rémi"),
        (120, 600, "Séance de rééducation   16,13 €"), (120, 700, "Montant acquitté   16,13 €"),
    ])
    v = values(ctx)
    assert v["practitioner_name"] == "DURAND Karim"
    assert v["patient_name"] == "PÂRIS Rémi"
    assert ctx.fields["patient_name"].confidence < 0.5


def test_the_assure_of_an_attestation_is_the_person_by_the_nir_not_a_beneficiary():
    ctx = run(extract_rights_certificate, [
        (120, 100, "ATTESTATION DE SÉCURITÉ SOCIALE"), (120, 200, "CPAM de l'Hérault"),
        (120, 300, "Titulaire de la carte RODRIGUES, Geneviève"),
        (120, 350, f"Matricule {_dotted(NIR)} - {NIR[13:]}"),
        (120, 400, "DDN 17/06/1982"),
        (120, 600, "Membres couverts"), (120, 650, "Nom"), (700, 650, "Né·e le"), (1200, 650, "Rang"),
        (120, 700, "RODRIGUES, Yannick"), (700, 700, "18/12/2009"), (1200, 700, "1"),
    ])
    v = values(ctx)
    assert v["nir"] == NIR
    assert v["patient_name"] == "RODRIGUES Geneviève"
    assert v["birth_date"] == "1982-06-17"


def test_an_invoices_trader_is_the_name_with_its_legal_form_not_the_title():
    ctx = run(extract_invoice, [
        (120, 100, "CONFORT LIT MÉDICAL SARL"), (120, 150, "106 avenue de l'Hôpital"),
        (120, 200, "97400 Saint-Denis"), (120, 250, "SIRET 990 189 110 37095"),
        (700, 330, "NOTE DE FACTURATION"), (120, 420, "Destinataire   MULLER, Noémie"),
        (120, 600, "3338203   Déambulateur à roulettes   1   53,81 €   53,81 €"),
        (120, 700, "TOTAL FACTURE   53,81 €"),
    ])
    v = values(ctx)
    assert v["supplier"] == "CONFORT LIT MÉDICAL SARL"
    assert v["patient_name"] == "MULLER Noémie"


def test_a_label_glued_to_the_nir_by_a_leader_does_not_hide_it():
    assert [r.value for r in all_nirs(f"NIR:__{NIR[:13]} {NIR[13:]}")] == [NIR]


def test_a_gap_after_a_names_particle_does_not_cut_the_name():
    words = [Word("DOCTEUR", 0, 0, 81, 15), Word("BRUNO", 90, 0, 61, 15), Word("DU", 160, 0, 24, 15),
             Word("PONT", 190, 0, 42, 33), Word("DE", 240, 0, 20, 33), Word("GAULT", 330, 0, 58, 15)]
    assert [s.text for s in split_segments(words)] == ["DOCTEUR BRUNO DU PONT DE GAULT"]


def test_a_mutuelle_card_is_known_by_its_table_of_rates():
    from desktop_app.intake.classify import classify
    from tests.intake.word_pages import page

    card = page([(100, 100, "Solidarité Santé Bretagne"), (100, 160, "Carte valable jusqu'au 2025-12-31"),
                 (100, 220, "HOSP 100%   PHAR 100%   AUDI 400€   DENT 125%")], height=700)
    assert classify([card])[0] == "mutuelle_card"


def test_prescription_items_leave_out_the_letterhead_column_beside_them():
    from desktop_app.intake.extract_prescription import extract_prescription

    ctx = run(extract_prescription, [
        (120, 100, "Dr. Clémence Cordier"), (120, 150, "Rhumatologue"), (900, 150, "Soins dispensés à"),
        (120, 200, "146 rue Pasteur"), (900, 200, "CLÉMENT, Jean"), (120, 250, "97200 Fort-de-France"),
        (120, 400, "- Ibuprofène 400 mg, comprimé pelliculé"), (120, 450, "Id. RPPS 10158550573"),
        (120, 500, "Id. assurance maladie 080345734"), (900, 500, "- Séances d'orthophonie"),
        (120, 550, "- Oméprazole 20 mg, gélule gastro-résistante"),
        (120, 2200, "Conventionné secteur 1"), (900, 2200, "— carte Vitale acceptée"),
    ])
    assert values(ctx)["items"] == ["Ibuprofène 400 mg, comprimé pelliculé", "Séances d'orthophonie",
                                    "Oméprazole 20 mg, gélule gastro-résistante"]


def test_an_invoice_number_under_its_column_header_is_proposed_unsure():
    ctx = run(extract_invoice, [
        (120, 100, "RESPIR'ASSISTANCE SARL"), (120, 150, "69 chemin des Vignes"),
        (700, 150, "Numéro de facture"), (1100, 150, "Destinataire"), (120, 200, "33800 Bordeaux"),
        (120, 250, "dimanche 15 juin 2025"), (1100, 250, "Madame Chloé Lacroix"), (700, 300, "25-627-A"),
        (120, 600, "3338203   Déambulateur à roulettes   1   53,81 €   53,81 €"), (120, 700, "TOTAL FACTURE   53,81 €"),
    ])
    assert values(ctx)["invoice_number"] == "25-627-A"
    assert ctx.fields["invoice_number"].confidence < 0.5


def _attestation(extra):
    return [(120, 100, "ATTESTATION DE SÉCURITÉ SOCIALE"), (120, 200, "Caisse : CPAM de l'Hérault"),
            (120, 300, "Titulaire de la carte RODRIGUES, Geneviève"), (120, 350, f"N° de sécurité sociale {NIR}")] + extra


def test_a_second_nir_on_the_attestation_makes_its_nir_unsure():
    other_body = "1090975004286"
    other = other_body + nir_key(other_body)
    alone = run(extract_rights_certificate, _attestation([]))
    two = run(extract_rights_certificate, _attestation([(120, 700, f"RODRIGUES, Yannick   {other}")]))
    assert alone.fields["nir"].value == two.fields["nir"].value == NIR
    assert two.fields["nir"].confidence < 0.8
    assert two.fields["nir"].confidence < alone.fields["nir"].confidence


def test_two_caisses_named_make_the_caisse_unsure():
    alone = run(extract_rights_certificate, _attestation([]))
    two = run(extract_rights_certificate, _attestation([(120, 900, "CPAM des Bouches-du-Rhône")]))
    assert two.fields["caisse"].value == alone.fields["caisse"].value
    assert two.fields["caisse"].confidence < 0.8
    assert two.fields["caisse"].confidence < alone.fields["caisse"].confidence
