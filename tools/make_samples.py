"""Generate the sample documents of the demo household into resources/samples/.

    .venv/bin/python tools/make_samples.py

Four realistic French papers for one purchase (a perineal stimulator bought on prescription):
the prescription, the care sheet, the supplier's invoice (PNG scans drawn with Pillow) and the
CPAM statement (a PDF with a text layer, as ameli gives them). The people and numbers are made up.
"""

from __future__ import annotations

import math
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

OUT = Path(__file__).resolve().parents[1] / "resources" / "samples"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
W, H = 1240, 1754  # A4 at 150 dpi
DPI = (150, 150)


def _scribble(d, x: int, y: int) -> None:
    points = [
        (x + i * 6, y + 30 + int(18 * math.sin(i / 2.3) + 8 * math.sin(i / 0.9)))
        for i in range(40)
    ]
    d.line(points, fill=30, width=4, joint="curve")
    d.line([(x + 20, y + 62), (x + 210, y + 50)], fill=30, width=3)


def font(size: int, bold: bool = False, serif: bool = False):
    name = ("DejaVuSerif" if serif else "DejaVuSans") + ("-Bold" if bold else "") + ".ttf"
    try:
        return ImageFont.truetype(str(FONTS / name), size)
    except OSError:
        return ImageFont.load_default(size)


def page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    im = Image.new("L", (W, H), 255)
    return im, ImageDraw.Draw(im)


def save(im: Image.Image, name: str) -> None:
    # A scan is never perfectly sharp: a touch of blur, then few grey levels to stay small.
    im = im.filter(ImageFilter.GaussianBlur(0.6)).quantize(16).convert("L")
    im.save(OUT / name, optimize=True, dpi=DPI)


def prescription() -> None:
    im, d = page()
    d.text((90, 90), "Docteur Hélène Lefèvre", font=font(40, True), fill=0)
    d.text((90, 145), "Sage-femme", font=font(30), fill=0)
    d.text((90, 190), "12 rue des Lilas, 69003 Lyon", font=font(28), fill=0)
    d.text((90, 230), "Tél. 04 78 12 34 56", font=font(28), fill=0)
    d.text((90, 270), "RPPS 10003456786", font=font(28), fill=0)
    d.line((90, 330, W - 90, 330), fill=0, width=3)
    d.text((700, 380), "Lyon, le 12/06/2025", font=font(30), fill=0)
    d.text((90, 470), "Mme Claire MARTIN", font=font(32, True), fill=0)
    d.text((90, 515), "née le 04/07/1985", font=font(28), fill=0)
    d.text((420, 640), "ORDONNANCE", font=font(44, True), fill=0)
    lines = [
        "Stimulateur neuromusculaire pour rééducation périnéale,",
        "avec sonde vaginale :",
        "1 appareil — achat",
        "",
        "Séances de rééducation périnéale : 10 séances",
        "à domicile avec l'appareil.",
    ]
    y = 760
    for line in lines:
        d.text((130, y), line, font=font(30, serif=True), fill=0)
        y += 52
    d.text((760, 1320), "H. Lefèvre", font=font(44, serif=True), fill=40)
    d.line((740, 1380, 1100, 1370), fill=60, width=2)
    save(im, "ordonnance_stimulateur.png")


def care_sheet() -> None:
    im, d = page()
    d.rectangle((60, 60, W - 60, H - 60), outline=0, width=3)
    d.text((90, 90), "FEUILLE DE SOINS", font=font(46, True), fill=0)
    d.text((90, 150), "Fournitures et appareils — Assurance Maladie", font=font(28), fill=0)
    d.text((900, 95), "cerfa", font=font(28), fill=0)
    d.text((900, 130), "N° 12541*03", font=font(26), fill=0)
    rows = [
        ("PERSONNE RECEVANT LES SOINS ET ASSURÉ(E)", None),
        ("Nom et prénom : MARTIN Claire", None),
        ("Numéro d'immatriculation : 2 85 07 75 115 234 32", None),
        ("Date de naissance : 04/07/1985", None),
        ("Adresse : 8 place Bellecour, 69002 Lyon", None),
        ("FOURNISSEUR", None),
        ("Pharmacie du Parc — 45 avenue Jean Jaurès, 69007 Lyon", None),
        ("N° d'identification : 69 1 23456 7", None),
        ("PRESCRIPTION", None),
        ("Prescrit le 12/06/2025 par H. Lefèvre, sage-femme", None),
        ("FOURNITURES", None),
    ]
    y = 230
    for text, _ in rows:
        heading = text.isupper()
        if heading:
            d.rectangle((80, y - 6, W - 80, y + 40), fill=225)
        d.text((95, y), text, font=font(28, heading), fill=0)
        y += 62 if heading else 52
    d.text((95, y), "Date", font=font(26, True), fill=0)
    d.text((290, y), "Code LPP", font=font(26, True), fill=0)
    d.text((520, y), "Désignation", font=font(26, True), fill=0)
    d.text((1000, y), "Montant", font=font(26, True), fill=0)
    y += 46
    d.line((80, y, W - 80, y), fill=0, width=2)
    y += 12
    d.text((95, y), "20/06/2025", font=font(26), fill=0)
    d.text((290, y), "1127950", font=font(26), fill=0)
    d.text((520, y), "Stimulateur périnéal", font=font(26), fill=0)
    d.text((1000, y), "304,90 €", font=font(26), fill=0)
    y += 90
    d.text((95, y), "Montant total : 304,90 €", font=font(30, True), fill=0)
    y += 60
    d.text((95, y), "Paiement de l'assuré : 304,90 €     Tiers payant : non", font=font(26), fill=0)
    y += 120
    d.text((95, y), "Signature de l'assuré(e)", font=font(26), fill=0)
    d.text((700, y), "Signature du fournisseur", font=font(26), fill=0)
    _scribble(d, 120, y + 45)  # ink, as a pen leaves it: a printed name is not a signature
    d.text((720, y + 50), "Ph. du Parc", font=font(36, serif=True), fill=40)
    save(im, "feuille_de_soins_stimulateur.png")


def invoice() -> None:
    im, d = page()
    d.text((90, 90), "PHARMACIE DU PARC", font=font(44, True), fill=0)
    d.text((90, 150), "45 avenue Jean Jaurès — 69007 Lyon", font=font(28), fill=0)
    d.text((90, 190), "SIRET 812 345 678 00019", font=font(26), fill=0)
    d.text((760, 300), "FACTURE N° F2025-0620-17", font=font(30, True), fill=0)
    d.text((760, 345), "Date : 20/06/2025", font=font(28), fill=0)
    d.text((90, 420), "Patient : Mme Claire MARTIN", font=font(30), fill=0)
    d.text((90, 465), "8 place Bellecour, 69002 Lyon", font=font(28), fill=0)
    y = 600
    d.rectangle((80, y - 10, W - 80, y + 44), fill=225)
    for x, head in ((95, "Désignation"), (640, "Code LPP"), (860, "Qté"), (980, "Prix TTC")):
        d.text((x, y), head, font=font(28, True), fill=0)
    y += 80
    d.text((95, y), "Stimulateur périnéal", font=font(28), fill=0)
    d.text((95, y + 40), "avec sonde vaginale", font=font(24), fill=0)
    d.text((640, y), "1127950", font=font(28), fill=0)
    d.text((880, y), "1", font=font(28), fill=0)
    d.text((980, y), "304,90 €", font=font(28), fill=0)
    y += 160
    d.line((600, y, W - 80, y), fill=0, width=2)
    d.text((640, y + 20), "Total TTC", font=font(32, True), fill=0)
    d.text((980, y + 20), "304,90 €", font=font(32, True), fill=0)
    d.text((640, y + 80), "dont TVA 5,5 % : 15,89 €", font=font(24), fill=0)
    d.text((90, y + 200), "Acquittée le 20/06/2025 — règlement par carte bancaire", font=font(26), fill=0)
    d.text((90, y + 250), "Tarif de responsabilité LPP : 304,90 €", font=font(26), fill=0)
    save(im, "facture_stimulateur.png")


def _pdf(lines: list[tuple[int, int, int, bool, str]]) -> bytes:
    """A one-page PDF with real text (Helvetica, WinAnsi), as bank and ameli statements are."""
    content = []
    for x, y, size, bold, text in lines:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        font_name = "/F2" if bold else "/F1"
        content.append(f"BT {font_name} {size} Tf {x} {y} Td ({escaped}) Tj ET")
    stream = zlib.compress("\n".join(content).encode("cp1252"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def statement() -> None:
    lines = [
        (50, 790, 16, True, "l'Assurance Maladie"),
        (50, 772, 10, False, "CPAM du Rhône - 69907 Lyon Cedex 20"),
        (330, 730, 10, False, "Madame Claire MARTIN"),
        (330, 716, 10, False, "8 place Bellecour"),
        (330, 702, 10, False, "69002 Lyon"),
        (50, 650, 14, True, "Relevé de vos remboursements"),
        (50, 632, 10, False, "Relevé du 08/07/2025"),
        (50, 618, 10, False, "N° de sécurité sociale : 2 85 07 75 115 234 32"),
        (50, 580, 10, True, "Bénéficiaire : MARTIN Claire, née le 04/07/1985"),
        (50, 555, 9, True, "Date des soins"),
        (140, 555, 9, True, "Nature"),
        (330, 555, 9, True, "Montant payé"),
        (410, 555, 9, True, "Base"),
        (460, 555, 9, True, "Taux"),
        (505, 555, 9, True, "Remboursé"),
        (50, 538, 9, False, "20/06/2025"),
        (140, 538, 9, False, "Stimulateur périnéal (LPP 1127950)"),
        (330, 538, 9, False, "304,90 €"),
        (410, 538, 9, False, "304,90 €"),
        (460, 538, 9, False, "60 %"),
        (505, 538, 9, False, "182,94 €"),
        (50, 500, 10, True, "Total remboursé : 182,94 €"),
        (50, 484, 10, False, "Versé le 08/07/2025 sur votre compte FR76 3000 6000 0112 3456 7890 189"),
        (50, 460, 9, False, "Votre organisme complémentaire n'a pas reçu ces informations : envoyez-lui ce relevé."),
        (50, 60, 8, False, "Document établi par l'Assurance Maladie - à conserver sans limitation de durée."),
    ]
    (OUT / "releve_cpam_juillet_2025.pdf").write_bytes(_pdf(lines))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    prescription()
    care_sheet()
    invoice()
    statement()
    for path in sorted(OUT.iterdir()):
        print(f"{path.name}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
