"""Receipts, attestations, mutuelle cards and an ameli relevé, drawn with Pillow or written as
text PDFs, with what each must give.

A layout is a list of rows, each a list of ``(x, text)`` (an ``x`` given as ``("big", x)`` is a
title in a larger bold font); ``None`` is a blank row. The same rows make the image and the
text the tests read without OCR.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

W, H = 1654, 2339  # A4 at 200 dpi
PITCH = 56

NOTE_HONORAIRES = [
    [(100, "Sophie LAMBERT")],
    [(100, "Ostéopathe D.O.")],
    [(100, "24 avenue Jean Jaurès - 31000 Toulouse")],
    [(100, "N° ADELI : 319876543")],
    None,
    [(("big", 560), "NOTE D'HONORAIRES")],
    None,
    [(100, "Patient : M. Thomas GIRAUD")],
    [(100, "Date de la séance : 14/03/2026")],
    None,
    [(100, "Séance d'ostéopathie"), (1200, "65,00 €")],
    None,
    [(100, "Montant réglé : 65,00 €")],
    [(100, "Réglé par chèque")],
    [(100, "Acte non remboursé par l'Assurance Maladie")],
    None,
    [(900, "Fait à Toulouse le 14/03/2026")],
]

QUITTANCE = [
    [(100, "Cabinet de psychologie")],
    [(100, "Dr Hélène MOREAU, psychologue clinicienne")],
    [(100, "3 rue de la République - 69001 Lyon")],
    None,
    [(("big", 640), "QUITTANCE")],
    None,
    [(100, "Je soussignée Hélène MOREAU, psychologue,")],
    [(100, "certifie avoir reçu de Mme Camille ROUX")],
    [(100, "la somme de 70,00 € pour une consultation.")],
    None,
    [(100, "Date de la consultation : 05/02/2026")],
    [(100, "Pour acquit.")],
]

PHARMACY = [
    [(("big", 420), "PHARMACIE DES QUAIS")],
    [(420, "12 quai de la Garonne - 33000 Bordeaux")],
    [(420, "Tél. 05 56 44 12 12")],
    None,
    [(100, "Ticket n° 88213"), (900, "Date : 12/06/2025 10:42")],
    None,
    [(100, "Désignation"), (1000, "Qté"), (1250, "Prix")],
    [(100, "DOLIPRANE 1000MG CPR B/8"), (1000, "2"), (1250, "4,36 €")],
    [(100, "AMOXICILLINE 1G CPR B/6"), (1000, "1"), (1250, "3,52 €")],
    None,
    [(100, "Total TTC"), (1250, "7,88 €")],
    [(100, "Part RO"), (1250, "5,12 €")],
    [(100, "Part AMC"), (1250, "2,76 €")],
    [(100, "Reste à votre charge"), (1250, "0,00 €")],
    None,
    [(100, "Merci de votre visite")],
]

ATTESTATION = [
    [(100, "l'Assurance Maladie")],
    [(100, "Caisse Primaire d'Assurance Maladie de la Gironde")],
    [(100, "33085 Bordeaux Cedex")],
    None,
    [(("big", 180), "ATTESTATION DE DROITS")],
    [(180, "à l'assurance maladie, délivrée le 02/01/2026")],
    None,
    [(100, "Assuré(e) : Mme Claire MARTIN")],
    [(100, "Numéro de sécurité sociale : 2 85 07 75 115 234 32")],
    [(100, "Date de naissance : 04/07/1985")],
    [(100, "Organisme d'affiliation : CPAM de la Gironde")],
    None,
    [(100, "Vos droits sont ouverts du 01/01/2026 au 31/12/2026.")],
    [(100, "Régime général")],
]

MUTUELLE_CARD = [
    [(("big", 100), "Mutuelle Horizon Santé")],
    [(100, "CARTE DE TIERS PAYANT")],
    [(100, "Période de validité : du 01/01/2026 au 31/12/2026")],
    None,
    [(100, "Adhérent : Claire MARTIN")],
    [(100, "N° adhérent : HS558120")],
    [(100, "N° AMC : 77550012")],
    None,
    [(100, "PHAR 100%"), (420, "OPTI 100%"), (740, "DENT 100%"), (1060, "HOSP 100%")],
]

# An invoice whose labels are the wordings first missed: "Pièce n°", "Montant à régler", and a
# row with a quantity beside a unit price.
INVOICE_LABELS = [
    [(("big", 100), "ORTHOPÉDIE DU SUD-OUEST")],
    [(100, "8 cours Victor Hugo - 33000 Bordeaux - SIRET 48421798900090")],
    None,
    [(("big", 100), "FACTURE")],
    [(100, "Pièce n° 2026-0042"), (1000, "Date : 03/05/2026")],
    [(100, "Patient : Mme Julie GARNIER")],
    None,
    [(100, "Désignation"), (900, "Qté"), (1100, "P.U."), (1350, "Montant")],
    [(100, "Attelle de genou"), (900, "1"), (1100, "245,00 €"), (1350, "245,00 €")],
    None,
    [(100, "Montant à régler : 245,00 €")],
]

# The monthly relevé the ameli account gives as a PDF: its text layer is what is read.
AMELI_RELEVE = [
    [(100, "l'Assurance Maladie")],
    [(100, "Agir ensemble, protéger chacun")],
    [(1000, "Madame Claire MARTIN")],
    None,
    [(100, "Relevé mensuel de vos remboursements")],
    [(100, "Paiements effectués en juin 2026")],
    [(100, "Date du relevé : 01/07/2026")],
    [(100, "N° de sécurité sociale : 2 85 07 75 115 234 32")],
    None,
    [(100, "Bénéficiaire : MARTIN Claire")],
    [(100, "Date des soins"), (360, "Nature"), (820, "Montant payé"), (1080, "Base"),
     (1330, "Montant remboursé")],
    [(100, "03/06/2026"), (360, "Consultation"), (820, "30,00 €"), (1080, "30,00 €"),
     (1330, "19,00 €")],
    [(100, "17/06/2026"), (360, "Pharmacie"), (820, "12,40 €"), (1080, "12,40 €"),
     (1330, "8,06 €")],
    None,
    [(100, "Total remboursé : 27,06 €")],
    [(100, "Paiement du 01/07/2026 sur votre compte")],
]

EXPECTED = {
    "note_honoraires": ("receipt", {"practitioner_name": "Sophie LAMBERT", "patient_name": "Thomas GIRAUD",
                                    "date": "2026-03-14", "total_amount": "65.00"}),
    "quittance": ("receipt", {"practitioner_name": "Hélène MOREAU", "patient_name": "Camille ROUX",
                              "date": "2026-02-05", "total_amount": "70.00"}),
    "pharmacy": ("pharmacy_receipt", {"supplier": "PHARMACIE DES QUAIS", "date": "2025-06-12",
                                      "total_amount": "7.88"}),
    "attestation": ("rights_certificate", {"patient_name": "Claire MARTIN", "nir": "285077511523432",
                                           "birth_date": "1985-07-04", "caisse": "CPAM de la Gironde"}),
    "mutuelle_card": ("mutuelle_card", {"patient_name": "Claire MARTIN", "member_number": "HS558120",
                                        "amc_number": "77550012", "organisation": "Mutuelle Horizon Santé"}),
    "invoice_labels": ("invoice", {"invoice_number": "2026-0042", "date": "2026-05-03",
                                   "total_amount": "245.00", "patient_name": "Julie GARNIER"}),
}

LAYOUTS = {
    "note_honoraires": NOTE_HONORAIRES,
    "quittance": QUITTANCE,
    "pharmacy": PHARMACY,
    "attestation": ATTESTATION,
    "mutuelle_card": MUTUELLE_CARD,
    "invoice_labels": INVOICE_LABELS,
}


def _placed(layout):
    y = 120
    for row in layout:
        if row is None:
            y += PITCH
            continue
        big = any(isinstance(x, tuple) for x, _ in row)
        for x, text in row:
            yield y, (x[1] if isinstance(x, tuple) else x), text, isinstance(x, tuple)
        y += PITCH + (30 if big else 0)


def page_image(layout, font_path, width: int = W, height: int = H) -> Image.Image:
    bold = str(font_path).replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
    try:
        big = ImageFont.truetype(bold, 56)
    except OSError:
        big = ImageFont.truetype(str(font_path), 56)
    font = ImageFont.truetype(str(font_path), 32)
    im = Image.new("L", (width, height), 255)
    d = ImageDraw.Draw(im)
    for y, x, text, is_big in _placed(layout):
        d.text((x, y), text, font=big if is_big else font, fill=0)
    return im


def page_text(layout) -> str:
    """The rows as a text layer: each cell at its column (10 pixels a character)."""
    lines = []
    for row in layout:
        if row is None:
            lines.append("")
            continue
        line = ""
        for x, text in row:
            col = (x[1] if isinstance(x, tuple) else x) // 10
            line = line + " " * max(3 if line else 0, col - len(line)) + text
        lines.append(line)
    return "\n".join(lines)


def text_pdf(layout, path: Path) -> Path:
    """A text PDF (reportlab, Helvetica) with the same cells at the same places."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    scale = A4[0] / W
    c = canvas.Canvas(str(path), pagesize=A4)
    for y, x, text, is_big in _placed(layout):
        c.setFont("Helvetica-Bold" if is_big else "Helvetica", (56 if is_big else 32) * scale)
        c.drawString(x * scale, A4[1] - (y + 28) * scale, text)
    c.showPage()
    c.save()
    return path
