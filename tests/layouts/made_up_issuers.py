"""Papers from issuers the reader was never tuned on, drawn with Pillow.

``podology_invoice`` is an invoice whose total is labelled "Montant de la prestation" with the
figure under the label (no "Total" anywhere), whose date is labelled "Édité le" at the foot of
the page below the care dates, and whose patient is labelled "Personne suivie". Each paper of
the series differs in its patient, dates, number and amounts, as one issuer's papers do.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

W, H = 1240, 1754  # A4 at 150 dpi
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SIRET = "81947265500011"
OTHER_SIRET = "53018447200013"


@dataclass(frozen=True)
class Paper:
    number: str
    patient: str
    care_dates: tuple[_dt.date, _dt.date]
    issued: _dt.date
    lines: tuple[tuple[str, str], ...]  # (label, amount as printed)
    total: str  # as stored: "165.00"

    @property
    def total_printed(self) -> str:
        euros, cents = self.total.split(".")
        return f"{int(euros):,}".replace(",", " ") + "," + cents


PATIENTS = ("Lucie Faure", "Marc Delorme", "Inès Barthélemy", "Yann Le Goff", "Odile Ferrand",
            "Hugo Marchal", "Léa Vasseur", "Karim Benali", "Agathe Roux", "Tom Guérin")


def series(count: int = 5) -> list[Paper]:
    papers = []
    for i in range(count):
        first = _dt.date(2025 + (1 + i) // 12, 1 + (1 + i) % 12, 3 + 2 * (i % 10))
        second = first + _dt.timedelta(days=7 + i)
        issued = second + _dt.timedelta(days=3 + i)
        fee, soles = 35 + 5 * i, 90 + 17 * i
        lines = (("Bilan podologique", f"{fee},00 €"), ("Orthèses plantaires", f"{soles},50 €"))
        papers.append(Paper(f"RP-{2025}{i + 1:03d}", PATIENTS[i % len(PATIENTS)], (first, second), issued,
                            lines, f"{fee + soles}.50"))
    return papers


def _fonts():
    return ImageFont.truetype(FONT_BOLD, 40), ImageFont.truetype(FONT, 27)


def podology_invoice(paper: Paper, siret: str | None = SIRET,
                     name: str = "CABINET DE PODOLOGIE DES GRANDS CHÊNES",
                     street: str = "14 allée des Marronniers - 46000 Cahors") -> Image.Image:
    big, f = _fonts()
    im = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(im)
    d.text((110, 90), name, font=big, fill=0)
    d.text((110, 150), street, font=f, fill=0)
    d.text((110, 190), "Pédicure-podologue diplômée d'État", font=f, fill=0)
    if siret:
        d.text((110, 230), f"SIRET {siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}", font=f, fill=0)
    d.text((110, 360), f"FACTURE {paper.number}", font=big, fill=0)
    d.text((110, 460), "Personne suivie :", font=f, fill=0)
    d.text((400, 460), paper.patient, font=f, fill=0)
    y = 580
    for (label, amount), day in zip(paper.lines, paper.care_dates):
        d.text((110, y), f"Séance le {day.strftime('%d/%m/%Y')}", font=f, fill=0)
        d.text((520, y), label, font=f, fill=0)
        d.text((960, y), amount, font=f, fill=0)
        y += 60
    d.line((110, y + 20, 1130, y + 20), fill=0, width=2)
    d.text((700, y + 70), "Montant de la prestation", font=f, fill=0)
    d.text((700, y + 115), paper.total_printed, font=f, fill=0)
    d.text((110, y + 260), "Réglé par chèque. Merci de votre confiance.", font=f, fill=0)
    d.text((110, 1560), f"Édité le {paper.issued.strftime('%d/%m/%Y')}", font=f, fill=0)
    return im


def pharmacy_receipt(day: _dt.date, total: str, patient: str) -> Image.Image:
    """Another issuer's paper with no SIRET printed: a different letterhead, its own labels."""
    big, f = _fonts()
    im = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(im)
    d.text((110, 90), "OPTIQUE DU VIEUX PORT", font=big, fill=0)
    d.text((110, 150), "2 quai de la Fraternité - 13001 Marseille", font=f, fill=0)
    d.text((110, 190), "Opticiens lunetiers associés", font=f, fill=0)
    d.text((110, 360), "FACTURE OPT-7781", font=big, fill=0)
    d.text((110, 460), "Client :", font=f, fill=0)
    d.text((400, 460), patient, font=f, fill=0)
    d.text((110, 580), f"Date de facture : {day.strftime('%d/%m/%Y')}", font=f, fill=0)
    d.text((110, 660), "Monture et verres", font=f, fill=0)
    d.text((960, 660), total.replace(".", ",") + " €", font=f, fill=0)
    d.text((700, 760), "Montant de la prestation", font=f, fill=0)
    d.text((700, 805), "12,00", font=f, fill=0)
    d.text((110, 900), f"Net à payer : {total.replace('.', ',')} €", font=f, fill=0)
    return im


def nursing_fee_note(paper: Paper, siret: str | None = OTHER_SIRET) -> Image.Image:
    """A second layout: the date top right after "Établi le", the patient after "Soins dispensés
    à", the sum on the total's row far right of "Somme perçue", care dates on the lines."""
    big, f = _fonts()
    im = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(im)
    d.text((110, 90), "CENTRE DE SOINS INFIRMIERS LES ACACIAS", font=big, fill=0)
    d.text((110, 150), "8 rue du Lavoir - 24000 Périgueux", font=f, fill=0)
    if siret:
        d.text((110, 190), f"SIRET {siret}", font=f, fill=0)
    d.text((800, 300), f"Établi le {paper.issued.strftime('%d/%m/%Y')}", font=f, fill=0)
    d.text((110, 380), f"NOTE D'HONORAIRES {paper.number}", font=big, fill=0)
    d.text((110, 470), f"Soins dispensés à {paper.patient}", font=f, fill=0)
    y = 600
    for (label, amount), day in zip(paper.lines, paper.care_dates):
        d.text((110, y), day.strftime("%d/%m/%Y"), font=f, fill=0)
        d.text((420, y), label, font=f, fill=0)
        d.text((960, y), amount, font=f, fill=0)
        y += 60
    d.text((110, y + 80), "Somme perçue", font=f, fill=0)
    d.text((960, y + 80), paper.total_printed + " €", font=f, fill=0)
    d.text((110, y + 200), "Acquittée le jour des soins.", font=f, fill=0)
    return im
