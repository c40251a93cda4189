"""Plain-label papers drawn here and read by the real tesseract: "Patient :", "Prescripteur :",
a heading right under the name label, a NIR with no label."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from desktop_app.core.identifiers import nir_key
from desktop_app.intake import read_document

pytestmark = pytest.mark.ocr

W, H = 1654, 2339


def _fonts(font_path):
    return ImageFont.truetype(str(font_path), 52), ImageFont.truetype(str(font_path), 34)


def _prescription(font_path, date_text: str) -> Image.Image:
    big, f = _fonts(font_path)
    im = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(im)
    d.text((130, 120), "Centre médical des Tilleuls", font=big, fill=0)
    d.text((130, 300), "Prescripteur : Dr Jeanne LEFÈVRE", font=f, fill=0)
    d.text((130, 360), "Patient : Thomas Girard", font=f, fill=0)
    d.text((130, 420), "Né le : 14/06/1978", font=f, fill=0)
    d.text((1000, 300), date_text, font=f, fill=0)
    y = 600
    for line in ("Ibuprofène 400 mg : 1 comprimé 3 fois par jour pendant 5 jours",
                 "Doliprane 1000 mg : si douleur, 4 par jour au plus"):
        d.text((150, y), "-", font=f, fill=0)
        d.text((200, y), line, font=f, fill=0)
        y += 80
    d.text((130, 2100), "RPPS 10003456786 - Tél. 04 78 12 34 56", font=f, fill=0)
    return im


@pytest.mark.parametrize("date_text", ["Le 3 novembre 2025", "Date : 2025-11-03"])
def test_plain_labelled_prescription(tmp_path, font_path, date_text):
    f = tmp_path / "ordonnance.png"
    _prescription(font_path, date_text).save(f)
    result = read_document(f)
    v = {k: x.value for k, x in result.fields.items()}
    assert result.kind == "prescription"
    assert v["patient_name"] == "Thomas Girard"
    assert v["prescriber_name"] == "Jeanne LEFÈVRE"
    assert v["patient_birth_date"] == "1978-06-14"
    assert v["date"] == "2025-11-03"
    assert v["prescriber_rpps"] == "10003456786"


def test_care_sheet_heading_under_the_name_label_and_an_unlabelled_nir(tmp_path, font_path):
    big, f = _fonts(font_path)
    body = "2690975115234"
    nir = body + nir_key(body)
    im = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(im)
    d.text((480, 100), "FEUILLE DE SOINS", font=big, fill=0)
    d.text((120, 250), "nom et prénom", font=f, fill=0)
    d.text((120, 300), "PERSONNE RECEVANT LES SOINS", font=f, fill=0)
    d.text((120, 420), f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}", font=f, fill=0)
    d.text((120, 760), "Actes effectués", font=big, fill=0)
    d.text((130, 850), "date", font=f, fill=0)
    d.text((420, 850), "désignation", font=f, fill=0)
    d.text((1350, 850), "montant", font=f, fill=0)
    d.text((130, 920), "05/05/2025", font=f, fill=0)
    d.text((420, 920), "AMK 8 - Rééducation", font=f, fill=0)
    d.text((1350, 920), "17,20", font=f, fill=0)
    path = tmp_path / "fds.png"
    im.save(path)
    result = read_document(path)
    assert result.kind == "care_sheet"
    name = result.fields.get("patient_name")
    assert name is None or name.value is None or name.confidence < 0.5
    assert result.fields["nir"].value == nir
    assert result.fields["care_date"].value == "2025-05-05"
