"""Layouts the readers were not written for: values aligned in a column far from their label,
labels the vocabulary knows only the start of, box edges read as letters, titles misread,
and the checks one value gives another (a NIR's year and month of birth, a ticket's lines)."""

from __future__ import annotations

import datetime as _dt

import pytest

from desktop_app.intake import candidates
from desktop_app.intake.care_sheet_identity import _edges_trimmed
from desktop_app.intake.classify import classify
from desktop_app.intake.extract_common import Context
from desktop_app.intake.extract_labelled import person
from desktop_app.intake.layout import text_layer_page
from desktop_app.intake.names import clean_person
from desktop_app.intake.pipeline import extractor_for


@pytest.fixture(autouse=True)
def straight_table(monkeypatch):
    table = {"default": [[0.0, 0.0], [1.0, 1.0]], "fields": {}}
    monkeypatch.setattr(candidates, "_calibration", lambda: table)


def _read(text: str):
    pages = [text_layer_page(1, text + "\n" * 20)]
    kind, _ = classify(pages)
    ctx = Context(pages=pages)
    extractor_for(kind)(ctx)
    return kind, {k: f.value for k, f in ctx.fields.items()}, ctx


@pytest.mark.parametrize("text,name", [
    ("Mne Claire ROY", "Claire ROY"),
    ("M, Paul ROY", "Paul ROY"),
    ("Mme Claire ROY", "Claire ROY"),
])
def test_a_title_misread_by_the_ocr_is_no_part_of_the_name(text, name):
    assert clean_person(text) == name


@pytest.mark.parametrize("text,name", [
    ("| M. Théo PETIT", "Théo PETIT"),
    ("l Mme Julie GARNIER", "Julie GARNIER"),
])
def test_a_box_edge_before_a_name_is_no_part_of_it(text, name):
    assert person(text) == name


def test_a_prescription_birth_date_aligned_in_a_column_far_from_its_label():
    text = ("Dr Paul ROY\nMédecin généraliste\nORDONNANCE\nLe 03/02/2026\n"
            "Nom et prénom du patient                         Mme Claire MOREAU\n"
            "Naissance                                        14.11.1997\n"
            "1. Doliprane 500 mg, gélule\n")
    kind, fields, _ = _read(text)
    assert kind == "prescription"
    assert fields["patient_birth_date"] == "1997-11-14"


def test_an_attestation_birth_date_under_an_abbreviated_label_and_the_nir_agreeing():
    text = ("l'Assurance Maladie\nATTESTATION DE DROITS\n"
            "Ouvrant droit        M. Pascal KAYA\n"
            "N° INSEE             198079740155241\n"
            "Date de naiss.       01-07-1998\n"
            "Organisme d'affiliation   CPAM d'Ille-et-Vilaine\n"
            "Bénéficiaires\nNom   Date de naiss.\nMme Émilie KAYA   28-01-2015\n")
    kind, fields, _ = _read(text)
    assert kind == "rights_certificate"
    assert fields["patient_name"] == "Pascal KAYA"
    assert fields["nir"] == "198079740155241"
    assert fields["birth_date"] == "1998-07-01"


def test_an_attestation_birth_date_the_nir_points_at_when_its_label_is_unread():
    text = ("l'Assurance Maladie\nATTESTATION DE DROITS\n"
            "Assuré        M. Pascal KAYA\n"
            "N° INSEE      198079740155241\n"
            "Dxte de rx    01-07-1998\n"
            "Caisse        CPAM d'Ille-et-Vilaine\n"
            "Bénéficiaires\nMme Émilie KAYA   28-01-2015\n")
    _, fields, ctx = _read(text)
    assert fields["birth_date"] == "1998-07-01"
    assert ctx.fields["birth_date"].confidence < 0.5


def test_a_mutuelle_amc_number_after_a_label_longer_than_the_known_one():
    text = ("Mutuelle Horizon Santé\nCARTE D'ADHÉRENT\n"
            "N° organisme complémentaire     57282648\n"
            "Titulaire du contrat            M. Ludovic PICARD\n"
            "N° adhérent                     DH493068\n")
    kind, fields, _ = _read(text)
    assert kind == "mutuelle_card"
    assert fields["amc_number"] == "57282648"


def test_a_pharmacy_total_is_the_sum_of_its_checked_lines_not_what_was_left_to_pay():
    text = ("PHARMACIE DES TILLEULS\n43 boulevard des Belges\n38000 Grenoble\nTicket de caisse\n"
            "23/09/26 10:16   N° 54784\n"
            "Metformine 850 mg B/90\n1 x 5,67 €   5,67 €\n"
            "Amoxicilline 1 g B/6\n3 x 4,60 €   13,80 €\n"
            "Total vendu\n"
            "Part obligatoire   12,00 €\n"
            "Reste à votre charge   7,47 €\n")
    kind, fields, ctx = _read(text)
    assert kind == "pharmacy_receipt"
    assert fields["total_amount"] == "19.47"
    assert ctx.fields["total_amount"].confidence < 0.5


def test_nir_box_rules_read_as_ones_are_dropped_only_when_the_birth_date_agrees():
    read = "11712126323597481"  # 172126323597481 with two box rules read as ones
    assert _edges_trimmed(read, _dt.date(1972, 12, 5)) == "172126323597481"
    assert _edges_trimmed(read, None) is None
    assert _edges_trimmed(read, _dt.date(1980, 1, 5)) is None
