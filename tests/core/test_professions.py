"""The kind of care proposed from what a document says of the professional."""

from pathlib import Path

import pytest

from desktop_app.core.rules import load_rules
from desktop_app.core.rules.professions import propose_category

TABLE = load_rules(Path(__file__).parents[2] / "resources" / "rules" / "professions.json")


@pytest.mark.parametrize("text, category", [
    ("Mme Roux, sage-femme. Rééducation périnéale SF 7,5", "midwife"),
    ("M. Petit Masseur-Kinésithérapeute  AMK 8.5 x 10 séances", "physiotherapy"),
    ("Cabinet infirmier - AMI 1 + IFD", "nursing"),
    ("Orthophoniste — bilan AMO 30", "speech_therapy"),
    ("LABORATOIRE DE BIOLOGIE MÉDICALE — B 70", "lab"),
    ("Centre de radiologie et d'imagerie médicale", "radiology"),
    ("Audioprothésiste diplômé, aide auditive classe I", "hearing"),
    ("Taxi conventionné, transport assis", "transport"),
])
def test_professions_are_recognised(text, category):
    assert propose_category(text, TABLE)[0] == category


@pytest.mark.parametrize("text", [
    "", "Total 30,00 EUR", "Part AMO : 21,00 € ; part AMC : 9,00 €",
])
def test_no_evidence_no_proposal(text):
    assert propose_category(text, TABLE) is None


def test_a_tie_is_not_a_proposal():
    assert propose_category("infirmier, orthophoniste", TABLE) is None
