"""Write a sample French invoice scan (PNG) and the same page as a PDF, for the smoke test.

    .venv/bin/python packaging/smoke_sample.py OUT_DIR      # OUT_DIR/facture.png, facture.pdf
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

LINES = [
    ("Cabinet de kinésithérapie Martin", 44),
    ("12 rue de la République, 69002 Lyon", 30),
    ("N° FINESS 691234567 - SIRET 732 829 320 00074", 30),
    ("", 30),
    ("FACTURE N° 2025-0142", 44),
    ("Date : 04/07/2025", 32),
    ("Patient : Claire Martin", 32),
    ("", 30),
    ("Séances de rééducation (8 x 16,13 €)      129,04 €", 32),
    ("Bilan kinésithérapique                      49,86 €", 32),
    ("", 30),
    ("Total TTC : 178,90 €", 40),
    ("Réglé par carte bancaire le 04/07/2025", 30),
]

FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/Arial.ttf",
    "C:/Windows/Fonts/arial.ttf",
)


def _font(size: int):
    for path in FONTS:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)  # Pillow >= 10.1: a scalable built-in font


def make(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    page = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
    draw = ImageDraw.Draw(page)
    y = 160
    for text, size in LINES:
        if text:
            draw.text((140, y), text, fill=0, font=_font(size))
        y += int(size * 1.9)
    png, pdf = out_dir / "facture.png", out_dir / "facture.pdf"
    page.save(png, dpi=(200, 200))
    page.convert("RGB").save(pdf, resolution=200.0)
    return [png, pdf]


if __name__ == "__main__":
    for path in make(Path(sys.argv[1] if len(sys.argv) > 1 else ".")):
        print(path)
