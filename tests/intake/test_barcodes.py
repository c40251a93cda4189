"""The prescriber's RPPS from the prescription's Code 128 barcode, when OCR digits fail."""

import io

import pytest
from PIL import Image

from desktop_app.intake import read_document
from desktop_app.intake.barcodes import read_code128
from desktop_app.intake.read_warnings import texts
from tests.intake import drawn_pages

barcode = pytest.importorskip("barcode", reason="python-barcode comes with the test extra")
pytest.importorskip("pyzbar.pyzbar", reason="libzbar0 is installed by make test")

RPPS = "10570864974"


def code128(data: str) -> Image.Image:
    from barcode.writer import ImageWriter

    out = io.BytesIO()
    barcode.get("code128", data, writer=ImageWriter()).write(
        out, options={"module_width": 0.4, "module_height": 12, "write_text": False, "dpi": 300}
    )
    out.seek(0)
    return Image.open(out).convert("L")


def test_code128_is_read():
    page = Image.new("L", (1200, 600), 255)
    page.paste(code128(RPPS), (100, 100))
    assert [b.data for b in read_code128(page)] == [RPPS]


@pytest.mark.ocr
def test_barcode_settles_an_rpps_whose_printed_digit_is_wrong(tmp_path, font_path):
    printed = RPPS[:-1] + "5"  # fails the Luhn check, as an OCR slip would
    page = drawn_pages.prescription(font_path, rpps=printed)
    page.paste(code128(RPPS), (900, 1850))
    path = tmp_path / "ordonnance.png"
    page.save(path)
    result = read_document(path)
    assert result.fields["prescriber_rpps"].value == RPPS
    assert any("barcode" in w for w in texts(result.warnings))


@pytest.mark.parametrize("where", [(120, 120), (900, 1850), (1100, 2150)])
def test_a_barcode_is_found_wherever_it_stands_on_a_page(font_path, where):
    page = drawn_pages.prescription(font_path)
    page.paste(code128(RPPS), where)
    assert [b.data for b in read_code128(page)] == [RPPS]


def test_only_patches_of_bars_are_scanned_not_the_whole_page(font_path):
    from desktop_app.intake.barcodes import barcode_patches

    page = drawn_pages.prescription(font_path)
    page.paste(code128(RPPS), (900, 1850))
    patches = barcode_patches(page)
    area = sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in patches)
    assert area < 0.25 * page.width * page.height
    x0, y0, x1, y1 = patches[0]  # the barcode's patch comes first
    assert x0 <= 900 and y0 <= 1850 and x1 >= 1300 and y1 >= 1950
