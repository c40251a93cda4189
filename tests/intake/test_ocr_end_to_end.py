"""Pages drawn here, read by the real tesseract: the whole chain, on layouts not in the corpus."""

import pytest
from PIL import Image

from desktop_app.intake import read_document, read_documents
from desktop_app.intake.read_warnings import texts
from tests.intake import drawn_pages

pytestmark = pytest.mark.ocr


def _values(result):
    return {k: f.value for k, f in result.fields.items()}


def test_prescription(tmp_path, font_path):
    f = tmp_path / "ordonnance.png"
    drawn_pages.prescription(font_path).save(f, dpi=(200, 200))
    seen = []
    result = read_document(f, progress=lambda i, n: seen.append((i, n)))
    v = _values(result)
    assert result.kind == "prescription" and result.text_source == "ocr"
    assert seen == [(1, 1)]
    assert v["date"] == "2025-07-04"
    assert v["patient_birth_date"] == "1961-03-12"
    assert v["prescriber_rpps"] == "10570864974"
    assert v["prescriber_name"] == "Hugo BERNARD"
    assert v["patient_name"] == "Lucie FAURE"
    assert v["ald"] is False
    assert len(v["items"]) == 2 and v["items"][0].startswith("Amoxicilline")
    assert result.renewable is True
    assert result.fields["date"].bbox and result.fields["date"].page == 1


def test_prescription_rpps_slip_is_reported(tmp_path, font_path):
    f = tmp_path / "ordonnance.jpg"
    drawn_pages.prescription(font_path, rpps="10570864975").save(f, quality=92)
    result = read_document(f)
    assert result.fields["prescriber_rpps"].value == "10570864975"
    assert result.fields["prescriber_rpps"].confidence < 0.5
    assert any("expected 4 as last digit" in w for w in texts(result.warnings))


def test_invoice(tmp_path, font_path):
    f = tmp_path / "facture.jpg"
    drawn_pages.invoice(font_path).save(f, quality=90)
    v = _values(read_document(f))
    assert v["invoice_number"] == "FC-2025-0117"
    assert v["date"] == "2025-09-18"
    assert v["total_amount"] == "1071.60"
    assert v["lpp_codes"] == ["2345678", "1234567"]
    assert v["patient_name"] == "Paul ROUSSEL"
    assert "ORTHO SERVICES" in v["supplier"].upper()


def test_care_sheet_boxes_and_signature(tmp_path, font_path):
    f = tmp_path / "fds.png"
    drawn_pages.care_sheet(font_path).save(f)
    result = read_document(f)
    v = _values(result)
    assert result.kind == "care_sheet"
    assert v["nir"] == "268019721696701"
    assert v["birth_date"] == "2003-02-22"
    assert v["signed"] is True
    assert v["care_date"] == "2025-05-05"
    assert v["total_amount"] == "34.40"
    assert "MOREAU" in v["patient_name"]


def test_care_sheet_blank_boxes_and_unsigned(tmp_path, font_path):
    f = tmp_path / "fds.png"
    drawn_pages.care_sheet(font_path, nir=" " * 15, birth=" " * 8, signed=False).save(f)
    v = _values(read_document(f))
    assert v["nir"] is None and v["birth_date"] is None
    assert v["signed"] is False


def test_upside_down_multipage_tiff_in_a_batch(tmp_path, font_path):
    pages = [drawn_pages.invoice(font_path).rotate(180), drawn_pages.invoice(font_path)]
    tif = tmp_path / "scan.tiff"
    pages[0].save(tif, save_all=True, append_images=pages[1:], compression="tiff_deflate")
    png = tmp_path / "fds.png"
    drawn_pages.care_sheet(font_path).save(png)
    results = read_documents([tif, png], workers=2)
    assert results[0].pages == 2 and results[0].kind == "invoice"
    assert results[0].fields["total_amount"].value == "1071.60"
    assert "\f" in results[0].text
    assert results[0].text.split("\f")[0].count("ORTHO") >= 1  # page 1 was turned upright
    assert results[1].kind == "care_sheet"


def test_cancel_between_pages(tmp_path, font_path):
    from desktop_app.core.errors import Cancelled

    f = tmp_path / "fds.png"
    drawn_pages.care_sheet(font_path).save(f)
    with pytest.raises(Cancelled):
        read_document(f, should_cancel=lambda: True)


def test_exif_orientation_is_honoured(tmp_path, font_path):
    im = drawn_pages.invoice(font_path).rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 8  # "rotate 90 CW to view"; the drawn page was turned 90 CCW
    f = tmp_path / "photo.jpg"
    im.save(f, exif=exif, quality=90)
    result = read_document(f)
    assert result.kind == "invoice"
    assert result.fields["invoice_number"].value == "FC-2025-0117"
