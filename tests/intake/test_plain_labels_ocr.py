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


def _hand(font_path, size):
    """A handwriting-like face when one is installed, else an oblique one."""
    from pathlib import Path

    for p in ("/usr/share/fonts/opentype/comic-neue/ComicNeue-Regular.otf",
              str(font_path).replace("DejaVuSans.ttf", "DejaVuSans-Oblique.ttf")):
        if Path(p).exists():
            return ImageFont.truetype(p, size)
    return ImageFont.truetype(str(font_path), size)


def test_care_sheet_in_grid_cells_with_surname_and_first_name_apart(tmp_path, font_path):
    big = ImageFont.truetype(str(font_path), 48)
    f = ImageFont.truetype(str(font_path), 30)
    small = ImageFont.truetype(str(font_path), 22)
    hand = _hand(font_path, 34)
    body = "2850775115234"
    nir = body + nir_key(body)
    im = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(im)
    d.text((500, 80), "FEUILLE DE SOINS", font=big, fill=0)
    d.rectangle((100, 180, 1550, 230), fill=60)
    d.text((120, 188), "BÉNÉFICIAIRE DES SOINS", font=f, fill=255)

    def cell(x, y, w, label, value, face=hand):
        d.rectangle((x, y, x + w, y + 100), outline=0, width=2)
        d.text((x + 8, y + 6), label, font=small, fill=0)
        d.text((x + 14, y + 40), value, font=face, fill=0)

    cell(100, 240, 700, "Nom", "LEROY")
    cell(800, 240, 750, "Prénom", "Camille")
    cell(100, 340, 700, "Date de naissance", "14.02.1987")
    cell(800, 340, 750, "N° d'immatriculation", f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]}  {nir[13:]}")
    d.rectangle((100, 480, 1550, 530), fill=60)
    d.text((120, 488), "PRATICIEN", font=f, fill=255)
    cell(100, 540, 1450, "Nom et prénom", "Dr Paul MERCIER", face=f)
    y = 700
    for x, t in ((120, "Date"), (420, "Acte"), (1300, "Montant")):
        d.text((x, y + 8), t, font=f, fill=0)
    for day in ("2025-03-04", "2025-03-11"):
        y += 60
        d.rectangle((100, y, 1550, y + 60), outline=0, width=2)
        d.text((120, y + 12), day, font=f, fill=0)
        d.text((420, y + 12), "G - Consultation", font=f, fill=0)
        d.text((1300, y + 12), "30,00", font=f, fill=0)
    d.text((1000, y + 100), "Total : 60,00 €", font=f, fill=0)
    path = tmp_path / "grille.png"
    im.save(path)
    v = {k: x.value for k, x in read_document(path).fields.items()}
    assert v["patient_name"] == "Camille LEROY"
    assert v["nir"] == nir
    assert v["birth_date"] == "1987-02-14"
    assert v["care_date"] == "2025-03-04"
    assert v["total_amount"] == "60.00"


def test_prescription_with_a_side_band_letterhead_and_a_header_row(tmp_path, font_path):
    big = ImageFont.truetype(str(font_path), 44)
    f = ImageFont.truetype(str(font_path), 30)
    small = ImageFont.truetype(str(font_path), 24)
    hand = _hand(font_path, 36)
    im = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, 420, H), fill=230)
    y = 120
    for t in ("Docteur", "Claire FONTAINE", "Cardiologue", "3 rue du Port", "13002 Marseille", "RPPS", "10003456786"):
        d.text((30, y), t, font=f, fill=0)
        y += 50
    d.text((500, 120), "ORDONNANCE", font=big, fill=0)
    d.text((1100, 200), "Marseille, jeudi 3 avril 2025", font=f, fill=0)
    d.text((500, 320), "Nom du patient", font=small, fill=0)
    d.text((1000, 320), "Date de naissance", font=small, fill=0)
    d.text((500, 360), "Mme Hélène BRUN", font=hand, fill=0)
    d.text((1000, 360), "08/09/1956", font=hand, fill=0)
    y = 520
    for t in ("Bisoprolol 5 mg, 1 comprimé le matin", "Atorvastatine 20 mg, 1 comprimé le soir"):
        d.text((520, y), "•", font=f, fill=0)
        d.text((560, y), t, font=f, fill=0)
        y += 70
    path = tmp_path / "bandeau.png"
    im.save(path)
    v = {k: x.value for k, x in read_document(path).fields.items()}
    assert v["prescriber_name"] == "Claire FONTAINE"
    assert v["prescriber_rpps"] == "10003456786"
    assert v["patient_name"] == "Hélène BRUN"
    assert v["patient_birth_date"] == "1956-09-08"
    assert v["date"] == "2025-04-03"
    assert [i.split()[0] for i in v["items"]] == ["Bisoprolol", "Atorvastatine"]
