"""Phone photos of a page (perspective, a shadow, few pixels) are straightened, evenly lit and
enlarged before OCR, so more of their words are read; a flat scan is left exactly as it was."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from desktop_app.intake import read_document
from desktop_app.intake.ocr import OcrEngine
from desktop_app.intake.ocr_words import words_from_data
from desktop_app.intake.photos import _thumbnail, clean_photo, page_quad, perspective_coefficients
from desktop_app.intake.tesseract_program import _resolve
from tests.intake import drawn_pages

WORDS = ("feuille soins assurance maladie remboursement ordonnance pharmacie medecin traitant "
         "consultation date patient montant total facture mutuelle prescription seance "
         "kinesitherapie analyse laboratoire").split()
PHOTO = (1700, 2200)
CORNERS = [(210, 170), (1490, 250), (1560, 2040), (130, 1950)]  # the page, in the photo


def text_page(font_path, seed: int = 1) -> tuple[Image.Image, list[str]]:
    """A page of words at 150 dpi, as a flat scan would give it."""
    rnd = random.Random(seed)
    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_path), 30)
    words = []
    for y in range(80, 1650, 52):
        line = [rnd.choice(WORDS) for _ in range(5)]
        words += line
        draw.text((90, y), " ".join(line), font=font, fill=0)
    return page, words


def photographed(page: Image.Image, *, tilt=True, shadow=True, scale=0.5) -> Image.Image:
    """The page as a phone sees it: lying on a dark table, in perspective, lit from one corner,
    slightly out of focus, at a lower resolution."""
    w, h = page.size
    corners = CORNERS if tilt else [(0, 0), (PHOTO[0], 0), PHOTO, (0, PHOTO[1])]
    coeffs = perspective_coefficients(corners, [(0, 0), (w, 0), (w, h), (0, h)])
    photo = Image.new("L", PHOTO, 70)
    mask = Image.new("L", page.size, 255).transform(PHOTO, Image.Transform.PERSPECTIVE, coeffs,
                                                   Image.Resampling.BILINEAR, fillcolor=0)
    photo.paste(page.transform(PHOTO, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC,
                               fillcolor=255), (0, 0), mask)
    if shadow:  # light falling from 100 % at the top left to 35 % at the bottom right
        light = Image.new("L", (2, 2))
        light.putdata([255, 200, 170, 90])
        photo = ImageChops.multiply(photo, light.resize(PHOTO, Image.Resampling.BILINEAR))
    photo = photo.filter(ImageFilter.GaussianBlur(1.2))
    return photo.resize((round(PHOTO[0] * scale), round(PHOTO[1] * scale)), Image.Resampling.BILINEAR)


def words_read_right(image: Image.Image, expected: list[str]) -> int:
    read = Counter(w.text for w in words_from_data(OcrEngine(_resolve(None)).data(image, "--psm 3")))
    return sum(min(n, read[w]) for w, n in Counter(expected).items())


@pytest.mark.ocr
@pytest.mark.parametrize("tilt,shadow", [(True, True), (True, False), (False, True)],
                         ids=["tilted-and-shadowed", "tilted", "shadowed"])
def test_a_photo_reads_more_words_once_cleaned(font_path, tilt, shadow):
    page, expected = text_page(font_path)
    photo = photographed(page, tilt=tilt, shadow=shadow)
    cleaned, fix = clean_photo(photo)
    assert fix.photo
    before, after = words_read_right(photo, expected), words_read_right(cleaned, expected)
    assert after >= 0.95 * len(expected)
    assert after > before


def test_the_page_corners_are_found_on_a_photo(font_path):
    page, _ = text_page(font_path)
    photo = photographed(page, scale=1.0)
    thumb, k = _thumbnail(photo)
    quad = page_quad(thumb)
    assert quad is not None
    for (x, y), (ex, ey) in zip(quad, CORNERS):
        assert abs(x * k - ex) < 0.02 * PHOTO[0] and abs(y * k - ey) < 0.02 * PHOTO[1]
    _, fix = clean_photo(photo)
    assert fix.straightened and fix.flattened


def test_a_page_running_off_the_photo_is_not_warped(font_path):
    page, _ = text_page(font_path)
    photo = photographed(page, tilt=False)  # the paper fills the picture: no edges to trust
    _, fix = clean_photo(photo)
    assert fix.photo and fix.flattened and not fix.straightened


@pytest.mark.parametrize("make", ["text", "prescription", "care_sheet", "invoice"])
def test_a_flat_scan_is_left_exactly_as_it_was(font_path, make):
    page = text_page(font_path)[0] if make == "text" else getattr(drawn_pages, make)(font_path)
    cleaned, fix = clean_photo(page)
    assert not fix.photo
    assert cleaned.size == page.size and cleaned.tobytes() == page.tobytes()


@pytest.mark.ocr
def test_a_photographed_prescription_gives_its_fields(tmp_path, font_path):
    scan = drawn_pages.prescription(font_path)
    photo = tmp_path / "ordonnance.jpg"
    photographed(scan, scale=0.6).save(photo, quality=85)
    on_scan = tmp_path / "scan.png"
    scan.save(on_scan)
    got, want = read_document(photo, workers=1), read_document(on_scan, workers=1)
    assert got.kind == want.kind == "prescription"
    for name in ("prescriber_rpps", "date", "patient_name"):
        assert got.value(name) == want.value(name), name
