"""Without tesseract: text PDFs still read, images come back unread with a clear warning."""

from PIL import Image

from desktop_app.intake import ocr_available, read_document
from desktop_app.intake.ocr import NOT_READ_WARNING

MISSING = "/nonexistent/tesseract"


def test_ocr_not_available():
    assert ocr_available(MISSING) is False


def test_image_without_ocr(tmp_path):
    f = tmp_path / "scan.png"
    Image.new("L", (300, 400), 255).save(f)
    result = read_document(f, tesseract_cmd=MISSING)
    assert result.text_source == "none"
    assert result.kind == "other" and result.fields == {}
    assert result.warnings == [NOT_READ_WARNING]
    assert result.to_extract_json()["warnings"] == [
        "text not read: install tesseract-ocr and tesseract-ocr-fra"]
    assert result.to_extract_json()["notices"] == [
        {"id": "read.not_read", "values": {}, "text": NOT_READ_WARNING.text()}]


def test_text_pdf_without_ocr(shared):
    pdf = shared / "realdata/invoices_fr/NetpresseInvoice.pdf"
    result = read_document(pdf, tesseract_cmd=MISSING)
    assert result.text_source == "text_layer"
    assert result.kind == "invoice"
    assert result.fields["total_amount"].value == "56.02"
