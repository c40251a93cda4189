"""A scan with grey paper and grain on it (a scanner's low contrast, then its noise) is cleaned
before OCR, so the numbers on it are read where tesseract alone reads none; a clean scan is
handed over exactly as it was; a page fed upside down is turned."""

from __future__ import annotations

import random

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from desktop_app.intake import read_document
from desktop_app.intake.ocr import OcrEngine
from desktop_app.intake.ocr_words import ocr_page
from desktop_app.intake.page_cleaning import clean_page, paper_level, stretch_levels
from desktop_app.intake.sources import open_pages
from desktop_app.intake.tesseract_program import _resolve
from tests.intake import drawn_pages
from tools.intake_corpus.degrade import _noise

NIRS = ["1 71 01 37 245 742 06", "2 63 11 75 114 008 31", "1 94 07 13 055 216 87",
        "2 71 02 33 284 503 19"] * 3


def clean_scan(font_path) -> Image.Image:
    """Social security numbers printed on white paper, as a 150 dpi scan gives them."""
    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_path), 26)
    for i, nir in enumerate(NIRS):
        draw.text((100, 150 + 110 * i), f"N° de sécurité sociale : {nir}", font=font, fill=0)
    return page


def washed_out(page: Image.Image, lo: int = 80, hi: int = 200, grain: int = 25) -> Image.Image:
    """The page from a scanner set to low contrast (ink at ``lo``, paper at ``hi``), with its
    sensor's grain: the corpus generator's own noise."""
    page = page.point([round(lo + v * (hi - lo) / 255) for v in range(256)])
    return ImageChops.add(page, _noise(page.size, random.Random(7), grain), 1.0, -grain)


def numbers_in(text: str) -> int:
    solid = text.replace(" ", "")
    return sum(nir.replace(" ", "") in solid for nir in NIRS)


@pytest.mark.ocr
def test_a_washed_out_grainy_scan_gives_its_numbers(tmp_path, font_path):
    scan = tmp_path / "feuille.jpg"
    washed_out(clean_scan(font_path)).save(scan, quality=75)
    as_scanned = ocr_page(OcrEngine(_resolve(None)), Image.open(scan).convert("L"), 1)
    assert numbers_in(as_scanned.text) < len(NIRS) / 2  # tesseract alone loses them
    assert numbers_in(read_document(scan, workers=1).text) == len(NIRS)


def test_grey_paper_turns_white_and_grey_ink_near_black(font_path):
    washed = washed_out(clean_scan(font_path), grain=0)
    assert paper_level(washed) == 200
    stretched = stretch_levels(washed)
    assert stretched is not None
    assert paper_level(stretched) == 255
    assert stretched.getextrema()[0] <= 20


def test_a_grey_jpeg_scan_is_not_read_from_its_file(tmp_path, font_path):
    scan = tmp_path / "feuille.jpg"
    washed_out(clean_scan(font_path)).save(scan, quality=75)
    _, pages = open_pages(scan)
    assert pages[0].file is None  # a grey JPEG, yet not read as it is: tesseract gets it cleaned
    assert paper_level(pages[0].load_image()) == 255


@pytest.mark.parametrize("make", ["numbers", "prescription", "care_sheet", "invoice"])
def test_a_clean_scan_is_left_exactly_as_it_was(font_path, make):
    page = clean_scan(font_path) if make == "numbers" else getattr(drawn_pages, make)(font_path)
    cleaned, fix = clean_page(page)
    assert not fix.photo and not fix.levelled
    assert cleaned.tobytes() == page.tobytes()


def test_a_blank_grey_page_is_not_stretched():
    assert stretch_levels(Image.new("L", (800, 1100), 190)) is None
    assert stretch_levels(Image.new("L", (800, 1100), 255)) is None



class _SidewaysPage:
    """An engine reading a page fed sideways as tesseract did on a grey scan: every word
    confident, each line from its end, until the page is turned the way OSD says."""

    def __init__(self):
        self.turned = False

    def data(self, image, config="", dpi=None, **kw):
        self.turned = image.size == (20, 10)
        groups = ["1", "87", "05", "59", "151", "175", "42"]
        lines = [groups] * 4
        out = {k: [] for k in ("block_num", "par_num", "line_num", "left", "top", "width",
                               "height", "conf", "text")}
        for n, words in enumerate(lines):
            for i, word in enumerate(words + ["sécurité", "sociale"]):
                x = 100 * i if self.turned else 1000 - 100 * i
                for k, v in (("block_num", 1), ("par_num", 1), ("line_num", n), ("left", x),
                             ("top", 50 * n), ("width", 60), ("height", 20), ("conf", 95.0),
                             ("text", word)):
                    out[k].append(v)
        return out

    def osd_rotation(self, image):
        return 270


def test_a_page_read_backwards_is_turned_and_read_again():
    engine = _SidewaysPage()
    page = ocr_page(engine, Image.new("L", (10, 20), 255), 1)
    assert engine.turned
    assert "187055915117542" in page.text.replace(" ", "")
