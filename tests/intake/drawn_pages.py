"""French paperwork drawn with Pillow, so OCR tests need no stored scans."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

W, H = 1654, 2339  # A4 at 200 dpi


def _fonts(font_path):
    bold = str(font_path).replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
    try:
        big = ImageFont.truetype(bold, 52)
    except OSError:
        big = ImageFont.truetype(str(font_path), 52)
    return big, ImageFont.truetype(str(font_path), 34)


def _signature(d: ImageDraw.ImageDraw, x: int, y: int) -> None:
    pts = [(x + i * 12, y + int(30 * ((i % 5) - 2) ** 2 / 4)) for i in range(25)]
    d.line(pts, fill=20, width=5)


def prescription(font_path, rpps="10570864974") -> Image.Image:
    big, f = _fonts(font_path)
    im = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(im)
    d.text((500, 120), "Docteur Hugo BERNARD", font=big, fill=0)
    d.text((560, 200), "Médecin généraliste", font=f, fill=0)
    d.text((130, 420), "Madame Lucie FAURE", font=f, fill=0)
    d.text((1050, 420), "Lyon, le 4 juillet 2025", font=f, fill=0)
    d.text((130, 470), "née le 12/03/1961", font=f, fill=0)
    y = 650
    for line in ("Amoxicilline 1 g, 1 comprimé matin et soir pendant 7 jours",
                 "Kinésithérapie : 10 séances de rééducation du genou"):
        d.text((150, y), "•", font=f, fill=0)
        d.text((200, y), line, font=f, fill=0)
        y += 80
    d.text((240, y), "À renouveler 1 fois", font=f, fill=0)
    _signature(d, 1000, 1500)
    d.line((130, 2050, 1520, 2050), fill=0, width=2)
    d.text((300, 2080), "12 rue des Lilas - 69003 Lyon - Tél. 04 78 12 34 56", font=f, fill=0)
    d.text((520, 2130), f"RPPS : {rpps}", font=f, fill=0)
    return im


def invoice(font_path) -> Image.Image:
    big, f = _fonts(font_path)
    im = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(im)
    d.text((480, 120), "ORTHO SERVICES DU RHÔNE", font=big, fill=0)
    d.text((450, 200), "5 quai Perrache - 69002 Lyon - SIRET 48421798900090", font=f, fill=0)
    d.text((130, 380), "Facture n° FC-2025-0117", font=big, fill=0)
    d.text((1050, 390), "Émise le 18/09/2025", font=f, fill=0)
    d.text((130, 520), "Bénéficiaire :", font=f, fill=0)
    d.text((420, 520), "M. Paul ROUSSEL", font=f, fill=0)
    d.text((130, 580), "Ordonnance du 02/09/2025", font=f, fill=0)
    y = 720
    d.rectangle((130, y, 1520, y + 60), outline=0, width=2)
    for x, t in ((145, "Code"), (420, "Article"), (1330, "Montant")):
        d.text((x, y + 10), t, font=f, fill=0)
    rows = [("2345678", "Attelle de poignet", "39,90"), ("", "Livraison", "6,00"),
            ("1234567", "Coussin anti-escarres", "1 025,70")]
    for code, label, amount in rows:
        y += 60
        d.rectangle((130, y, 1520, y + 60), outline=0, width=2)
        d.text((145, y + 10), code, font=f, fill=0)
        d.text((420, y + 10), label, font=f, fill=0)
        d.text((1330, y + 10), amount, font=f, fill=0)
    d.text((900, y + 140), "Total HT : 1 024,17 €", font=f, fill=0)
    d.text((900, y + 200), "Net à payer : 1 071,60 €", font=f, fill=0)
    d.text((130, y + 300), "Payée le 20/09/2025 par carte bancaire", font=f, fill=0)
    return im


def _boxes(d, x, y, chars, size=48, gap_after=()):
    for i, c in enumerate(chars):
        d.rectangle((x, y, x + size, y + size + 10), outline=0, width=2)
        if c.strip():
            d.text((x + 10, y + 4), c, font=d.font, fill=0)
        x += size + (24 if i in gap_after else 0)
    return x


def care_sheet(font_path, nir="268019721696701", birth="22022003", signed=True) -> Image.Image:
    big, f = _fonts(font_path)
    im = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(im)
    d.font = f
    d.text((480, 100), "FEUILLE DE SOINS", font=big, fill=0)
    d.text((520, 180), "Actes des auxiliaires médicaux", font=f, fill=0)
    d.text((120, 300), "nom et prénom", font=f, fill=0)
    d.text((450, 300), "MOREAU Claire", font=f, fill=0)
    d.text((120, 400), "numéro d'immatriculation", font=f, fill=0)
    _boxes(d, 120, 460, nir, gap_after=(12,))
    d.text((120, 600), "date de naissance", font=f, fill=0)
    _boxes(d, 500, 590, birth, gap_after=(1, 3))
    d.text((120, 760), "Actes effectués", font=big, fill=0)
    y = 850
    d.text((130, y), "date", font=f, fill=0)
    d.text((420, y), "désignation", font=f, fill=0)
    d.text((1350, y), "montant", font=f, fill=0)
    for day, amount in (("05/05/2025", "17,20"), ("12/05/2025", "17,20")):
        y += 70
        d.text((130, y), day, font=f, fill=0)
        d.text((420, y), "AMK 8 - Rééducation", font=f, fill=0)
        d.text((1350, y), amount, font=f, fill=0)
    d.text((900, y + 110), "montant total 34,40 €", font=f, fill=0)
    d.rectangle((110, 1500, 800, 1800), outline=0, width=3)
    d.text((130, 1515), "signature de l'assuré(e)", font=f, fill=0)
    d.rectangle((880, 1500, 1540, 1800), outline=0, width=3)
    d.text((900, 1515), "signature du praticien", font=f, fill=0)
    _signature(d, 1000, 1650)
    if signed:
        _signature(d, 250, 1650)
    return im
