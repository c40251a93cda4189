"""A page photographed or scanned far above what OCR needs: read reduced, reported stage by stage,
stoppable between stages; the stored original and the field boxes stay in its own pixels."""

from __future__ import annotations

import hashlib

import pytest
from PIL import Image

from desktop_app.core.errors import Cancelled
from desktop_app.intake import read_document, source_images, source_limits, sources
from desktop_app.intake.pipeline import STAGES
from tests.intake import drawn_pages

SCALE = 3  # the 200-dpi test page at 600 dpi: 4962×7017 pixels, over OCR_MAX_SIDE


def _large_invoice(font_path, path):
    page = drawn_pages.invoice(font_path)
    page.resize((page.width * SCALE, page.height * SCALE), Image.Resampling.BICUBIC).save(
        path, quality=90)
    return path


def test_a_large_image_is_read_reduced_without_changing_the_file(tmp_path, font_path):
    path = _large_invoice(font_path, tmp_path / "big.jpg")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    _kind, pages = sources.open_pages(path)
    image = pages[0].load_image()
    assert max(image.size) <= source_limits.OCR_MAX_SIDE
    assert pages[0].scale == pytest.approx(7017 / max(image.size), rel=0.01)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    small = Image.new("L", (1654, 2339), 255)
    same, scale = source_images.reduce_for_ocr(small)
    assert same is small and scale == 1.0  # a page at 200 dpi is read as it is


@pytest.mark.ocr
def test_stages_are_reported_in_order_and_boxes_land_on_the_original(tmp_path, font_path):
    small = tmp_path / "small.jpg"
    drawn_pages.invoice(font_path).save(small, quality=90)
    big = _large_invoice(font_path, tmp_path / "big.jpg")
    seen = []
    result = read_document(big, stage=lambda path, name, page, pages: seen.append(
        (path.name, name, page, pages)))
    assert seen == [("big.jpg", name, 1, 1) for name in STAGES]
    assert result.fields["total_amount"].value == "1071.60"

    reference = read_document(small).fields["total_amount"].bbox
    box = result.fields["total_amount"].bbox
    for got, want in zip(box[:2], reference[:2]):  # where it starts, in the original's pixels
        assert abs(got - want * SCALE) <= 0.05 * want * SCALE + 30


@pytest.mark.ocr
def test_cancel_lands_between_stages(tmp_path, font_path):
    big = _large_invoice(font_path, tmp_path / "big.jpg")
    seen = []
    with pytest.raises(Cancelled):
        read_document(big, stage=lambda path, name, page, pages: seen.append(name),
                      should_cancel=lambda: "preparing" in seen)
    assert seen == ["decoding", "preparing"]  # the text was never read
