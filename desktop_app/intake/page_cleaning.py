"""A page image made easier for tesseract before it is read: what each capture needs, and only
that, so a clean scan is handed over exactly as it was (and a grey JPEG still read from its file).

Two faults cost the most values on the synthetic corpus (docs/benchmarks.md, "Page cleaning
before OCR"), each with its own cure, both free or nearly so:

* A scan with washed-out levels (grey paper, grey ink: a scanner's low contrast, a tinted
  paper), above all with noise on it, or white paper under heavy grain. Tesseract's global
  (Otsu) threshold then cuts through the paper's grain and the characters come apart, or it
  takes the whole page for a picture and reads nothing. Stretching the levels back, the
  paper's own grey to white and the darkest ink to black, clips most of the grain into white
  paper; one lookup table over the page (a few milliseconds). Tried and not kept: a median
  filter (no better, 80 ms a page), dividing by a blurred background (same values found, twice
  the time). A grey JPEG is judged on its 1/8-scale decoding, which averages grain away: only
  its grey paper is seen there, and a grainy white one is read from its file as before.
* A phone photo, already straightened, evenly lit and enlarged (photos.py), still carries
  grain and the soft edges of its shadows and light: tesseract's local (Sauvola) threshold
  reads far more of it than its global one, at no cost. On scans the local threshold loses
  words (a light heading on a grey band), so only photos get it. Stretching a photo's levels
  on top loses values: its light is flattened already.
"""

from __future__ import annotations

from PIL import Image

from desktop_app.intake.imaging import _percentiles
from desktop_app.intake.photos import PhotoFix, clean_photo

# Most of a page is paper: its brightness at this share of the pixels, counted from the
# darkest, is the paper's. Low enough to fall in the paper's grain rather than above it: grain
# brighter than this level is clipped to white (the 60 % point left a ticket's grainy 150 dpi
# scan unread, docs/benchmarks.md), high enough to stay off the ink of a full page.
_PAPER_SHARE = 0.3
# The darkest ink: this share of the pixels, so a few specks of dust do not count as ink.
_INK_SHARE = 0.005
# A paper at least this bright is white enough: the scan keeps its levels.
PAPER_WHITE = 240
# Paper and ink closer than this: no text to stretch (a blank page, a grey picture).
_MIN_SPREAD = 30
# At most this many times the contrast: a page of little, thin ink (a ticket's light print,
# whose darkest pixels are grey) would otherwise have its grain blown up into specks.
_MAX_GAIN = 2.0


def paper_level(image: Image.Image) -> int:
    """The paper's grey level (0 black, 255 white)."""
    return _percentiles(image, _PAPER_SHARE)


def needs_levels(sample: Image.Image) -> bool:
    """Whether a page whose small sample this is (a JPEG decoded at 1/8 scale) has grey paper,
    to be stretched before reading; a sample averages the ink away, not the paper."""
    return paper_level(sample) < PAPER_WHITE


def stretch_levels(image: Image.Image) -> Image.Image | None:
    """The page with its paper made white and its darkest ink black; None when the paper is
    white already or nothing on the page stands out from it."""
    paper = paper_level(image)
    ink = _percentiles(image, _INK_SHARE)
    if paper >= PAPER_WHITE or paper - ink < _MIN_SPREAD:
        return None
    ink = min(ink, round(paper - 255 / _MAX_GAIN))
    k = 255 / (paper - ink)
    return image.point([max(0, min(255, round((v - ink) * k))) for v in range(256)])


def clean_page(image: Image.Image) -> tuple[Image.Image, PhotoFix]:
    """A grey page image as tesseract reads it best: a photo cleaned (photos.py), a scan's
    washed-out levels stretched; a clean scan as it was. ``fix`` says what was done."""
    image, fix = clean_photo(image)
    if not fix.photo:
        stretched = stretch_levels(image)
        if stretched is not None:
            image, fix.levelled = stretched, True
    return image, fix
