"""Reimbursement statements generated in several layouts, as Pillow images and as text PDFs.

A layout is a list of rows, each a list of ``(x, text)`` in a 1654-pixel-wide frame (A4 at
200 dpi), and the same rows make both the scan and the PDF, so both paths read the same paper.
``EXPECTED`` holds what each layout must give.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

W, H = 1654, 2339
PITCH = 52  # pixels between rows
WRAP = 34  # a header's second line sits closer

# (x, text) cells; a row written as ("wrap", cells) is a header's second line; None is a blank row.
CPAM_RELEVE = [
    [(80, "l'Assurance Maladie")],
    [(80, "Caisse Primaire d'Assurance Maladie de la Gironde")],
    [(80, "33085 Bordeaux Cedex")],
    [(1000, "Monsieur Marc DUPONT")],
    [(1000, "14 rue Sainte-Catherine")],
    None,
    [(80, "RELEVÉ DE PRESTATIONS")],
    [(80, "Date du relevé : 12/09/2025")],
    [(80, "N° de sécurité sociale : 1 78 02 33 063 042 71")],
    None,
    [(80, "Bénéficiaire : DUPONT Marc, né le 03/02/1978")],
    [(80, "Date des soins"), (330, "Nature"), (790, "Montant payé"), (1030, "Base"), (1170, "Taux"),
     (1300, "Montant remboursé")],
    [(80, "02/09/2025"), (330, "Consultation généraliste"), (790, "30,00 €"), (1030, "30,00 €"),
     (1170, "70 %"), (1300, "21,00 €")],
    [(330, "Participation forfaitaire"), (1300, "-2,00 €")],
    [(80, "05/09/2025"), (330, "Pharmacie"), (790, "45,60 €"), (1030, "45,60 €"), (1170, "65 %"),
     (1300, "29,64 €")],
    None,
    [(80, "Bénéficiaire : DUPONT Emma, née le 21/11/2016")],
    [(80, "08/09/2025"), (330, "Kinésithérapie"), (790, "48,00 €"), (1030, "48,00 €"), (1170, "60 %"),
     (1300, "28,80 €")],
    None,
    [(80, "Total remboursé : 77,44 €")],
    [(80, "Paiement du 12/09/2025 sur votre compte FR76 1005 7190 0312 3456 7890 142")],
    None,
    [(80, "Votre organisme complémentaire n'a pas reçu ces informations : envoyez-lui ce relevé.")],
]

MUTUELLE_DECOMPTE = [
    [(80, "Mutuelle Horizon Santé")],
    [(80, "BP 4521 - 75008 Paris")],
    [(1000, "Madame Claire MARTIN")],
    [(1000, "8 place Bellecour - 69002 Lyon")],
    None,
    [(80, "Décompte de remboursement complémentaire")],
    [(1000, "Paris, le 15/09/2025")],
    [(80, "Adhérente : MARTIN Claire, née le 04/07/1985")],
    [(80, "Contrat n° HS-558120")],
    None,
    [(80, "Bénéficiaire"), (340, "Date"), (560, "Acte"), (900, "Dépense"), (1100, "Remb. Sécu"),
     (1340, "Remb. mutuelle")],
    [(80, "MARTIN Claire"), (340, "20/06/2025"), (560, "Stimulateur"), (900, "304,90"), (1100, "182,94"),
     (1340, "121,96")],
    [(80, "MARTIN Léo"), (340, "03/09/2025"), (560, "Consultation"), (900, "30,00"), (1100, "19,00"),
     (1340, "9,00")],
    [(80, "Total"), (900, "334,90"), (1100, "201,94"), (1340, "130,96")],
    None,
    [(80, "Ces remboursements ont été virés sur votre compte bancaire.")],
]

# A mutuelle paper with a two-line header, its own column not the last, and a title a CPAM
# could use ("relevé de remboursements").
MUTUELLE_RELEVE = [
    [(80, "Prévoyance Santé des Enseignants")],
    [(80, "Service remboursements - 31000 Toulouse")],
    None,
    [(80, "Relevé de remboursements")],
    [(80, "Date de paiement : 30/09/2025")],
    [(80, "Assuré : Paul ROUSSEL")],
    [(80, "Date de naissance : 14/05/1990")],
    None,
    [(80, "Date"), (300, "Prestation"), (760, "Frais"), (960, "Part"), (1140, "Part"), (1420, "Reste à")],
    ("wrap", [(80, "des soins"), (760, "réels"), (960, "RO"), (1140, "complémentaire"), (1420, "charge")]),
    [(80, "11/09/2025"), (300, "Séance kiné"), (760, "50,00"), (960, "9,66"), (1140, "6,44"),
     (1420, "33,90")],
    [(80, "18/09/2025"), (300, "Ostéopathie"), (760, "60,00"), (960, "0,00"), (1140, "40,00"),
     (1420, "20,00")],
    None,
    [(80, "Montant versé : 46,44 €")],
]

EXPECTED = {
    "cpam_releve": {
        "payer": "cpam",
        "statement_date": "2025-09-12",
        "total_paid": "77.44",
        "lines": [
            {"care_date": "2025-09-02", "amount_paid": "19.00", "patient_name": "DUPONT Marc",
             "label": "Consultation généraliste"},
            {"care_date": "2025-09-05", "amount_paid": "29.64", "patient_name": "DUPONT Marc",
             "label": "Pharmacie"},
            {"care_date": "2025-09-08", "amount_paid": "28.80", "patient_name": "DUPONT Emma",
             "label": "Kinésithérapie"},
        ],
    },
    "mutuelle_decompte": {
        "payer": "mutuelle",
        "statement_date": "2025-09-15",
        "total_paid": "130.96",
        "lines": [
            {"care_date": "2025-06-20", "amount_paid": "121.96", "patient_name": "MARTIN Claire",
             "label": "Stimulateur"},
            {"care_date": "2025-09-03", "amount_paid": "9.00", "patient_name": "MARTIN Léo",
             "label": "Consultation"},
        ],
    },
    "mutuelle_releve": {
        "payer": "mutuelle",
        "statement_date": "2025-09-30",
        "total_paid": "46.44",
        "lines": [
            {"care_date": "2025-09-11", "amount_paid": "6.44", "patient_name": "Paul ROUSSEL",
             "label": "Séance kiné"},
            {"care_date": "2025-09-18", "amount_paid": "40.00", "patient_name": "Paul ROUSSEL",
             "label": "Ostéopathie"},
        ],
    },
}

LAYOUTS = {
    "cpam_releve": CPAM_RELEVE,
    "mutuelle_decompte": MUTUELLE_DECOMPTE,
    "mutuelle_releve": MUTUELLE_RELEVE,
}


def _placed(layout):
    """(y, x, text) of every cell, y in pixels from the top."""
    y = 100
    out = []
    for row in layout:
        if row is None:
            y += PITCH
            continue
        if isinstance(row, tuple):
            y += WRAP - PITCH
            row = row[1]
        for x, text in row:
            out.append((y, x, text))
        y += PITCH
    return out


def statement_image(layout, font_path) -> Image.Image:
    font = ImageFont.truetype(str(font_path), 28)
    im = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(im)
    for y, x, text in _placed(layout):
        d.text((x, y), text, font=font, fill=0)
    return im


def statement_pdf(layout, path: Path) -> Path:
    """A text PDF (reportlab, Helvetica) with the same cells at the same places."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    scale = A4[0] / W
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 28 * scale)
    for y, x, text in _placed(layout):
        c.drawString(x * scale, A4[1] - (y + 24) * scale, text)
    c.showPage()
    c.save()
    return path
