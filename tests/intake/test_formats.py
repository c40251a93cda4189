"""File types from their first bytes: BMP and WebP read as one-page images; archives and
other look-alikes refused with one line saying what the file really is."""

import io
import zipfile

import pytest
from PIL import Image, ImageDraw, ImageFont

from desktop_app.intake import IntakeError, read_document, sniff
from desktop_app.intake.sources import open_pages


def _image(fmt: str, size=(64, 48), mode="RGB", **kw) -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size, "white" if mode == "RGB" else 255).save(buf, fmt, **kw)
    return buf.getvalue()


def _text_pdf() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize("fmt,kind,mode", [
    ("BMP", "bmp", "RGB"), ("BMP", "bmp", "L"), ("BMP", "bmp", "1"), ("BMP", "bmp", "P"),
    ("WEBP", "webp", "RGB"), ("WEBP", "webp", "RGBA"),
])
def test_bmp_and_webp_are_images(tmp_path, fmt, kind, mode):
    f = tmp_path / f"scan.{kind}"
    f.write_bytes(_image(fmt, mode=mode))
    assert sniff(f) == kind
    got, pages = open_pages(f)
    assert got == kind and len(pages) == 1
    im = pages[0].load_image()
    assert im.mode == "L" and im.size == (64, 48)
    assert read_document(f).pages == 1


def test_animated_webp_is_one_page(tmp_path):
    frames = [Image.new("RGB", (80, 60), c) for c in ("white", "grey", "black")]
    buf = io.BytesIO()
    frames[0].save(buf, "WEBP", save_all=True, append_images=frames[1:], duration=100)
    f = tmp_path / "sticker.webp"
    f.write_bytes(buf.getvalue())
    assert len(open_pages(f)[1]) == 1


def test_bmp_named_jpg_is_read_as_what_it_is(tmp_path):
    f = tmp_path / "photo.jpg"
    f.write_bytes(_image("BMP"))
    assert sniff(f) == "bmp"


def test_text_starting_with_bm_is_not_a_bitmap(tmp_path):
    f = tmp_path / "notes.bmp"
    f.write_bytes(b"BM is how this line starts, but it is only text.\n" * 3)
    with pytest.raises(IntakeError) as e:
        sniff(f)
    assert str(e.value).startswith("notes.bmp is not a PDF or an image")


def test_truncated_webp_is_refused_with_one_line(tmp_path):
    f = tmp_path / "cut.webp"
    f.write_bytes(_image("WEBP", size=(300, 300))[:40])
    with pytest.raises(IntakeError) as e:
        pages = open_pages(f)[1]
        pages[0].load_image()
    assert "\n" not in str(e.value) and "cut.webp" in str(e.value)


def _zip(member: bytes, compression=zipfile.ZIP_STORED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as z:
        z.writestr("facture.pdf", member)
    return buf.getvalue()


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_zip_renamed_pdf_is_refused(tmp_path, compression):
    data = _zip(_text_pdf(), compression)
    if compression == zipfile.ZIP_STORED:
        assert b"%PDF-" in data[:1024]  # the trap: the member's header is in the first KB
    f = tmp_path / "facture.pdf"
    f.write_bytes(data)
    with pytest.raises(IntakeError) as e:
        read_document(f)
    assert str(e.value) == "facture.pdf is a ZIP archive, not a PDF: extract it first"


@pytest.mark.parametrize("name,data,label", [
    ("scan.jpg", _zip(b"x" * 100), "a ZIP archive, not an image"),
    ("doc.pdf", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "an Office document, not a PDF"),
    ("doc.pdf", b"\x1f\x8b\x08\x00" + b"%PDF-1.4" + b"\x00" * 100, "a gzip archive, not a PDF"),
    ("anim.png", b"GIF89a" + b"\x00" * 100, "a GIF image, a format Paperasse does not read"),
    ("x.pdf", b"Rar!\x1a\x07\x00" + b"%PDF-1.4" * 10, "a RAR archive, not a PDF"),
])
def test_known_other_formats_say_what_they_are(tmp_path, name, data, label):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(IntakeError) as e:
        sniff(f)
    msg = str(e.value)
    assert msg.startswith(f"{name} is {label}") and "\n" not in msg


def test_pdf_header_after_a_short_preamble_is_still_a_pdf(tmp_path):
    f = tmp_path / "mail.pdf"
    f.write_bytes(b"Content-Type: application/pdf\r\n\r\n" + _text_pdf())
    assert sniff(f) == "pdf"


def test_pdf_marker_past_the_first_kilobyte_is_not_a_pdf(tmp_path):
    f = tmp_path / "late.pdf"
    f.write_bytes(b"x" * 1100 + _text_pdf())
    with pytest.raises(IntakeError):
        sniff(f)


def test_jpeg_whose_exif_holds_a_pdf_marker_is_a_jpeg(tmp_path):
    buf = io.BytesIO()
    Image.new("RGB", (32, 32), "white").save(buf, "JPEG", exif=b"Exif\x00\x00%PDF-1.4 " + b"\x00" * 8)
    f = tmp_path / "photo.pdf"
    f.write_bytes(buf.getvalue())
    assert sniff(f) == "jpeg"


@pytest.mark.ocr
@pytest.mark.parametrize("fmt", ["BMP", "WEBP"])
def test_bmp_and_webp_pages_are_ocred(tmp_path, font_path, fmt):
    im = Image.new("L", (1400, 500), 255)
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(font_path), 40)
    d.text((80, 80), "FACTURE n° 2025-118", font=font, fill=0)
    d.text((80, 180), "Date : 04/07/2025", font=font, fill=0)
    d.text((80, 280), "Total TTC : 30,00 €", font=font, fill=0)
    f = tmp_path / f"facture.{fmt.lower()}"
    kw = {"lossless": True} if fmt == "WEBP" else {}
    im.save(f, fmt, **kw)
    r = read_document(f)
    assert r.text_source == "ocr" and "FACTURE" in r.text
    assert r.kind == "invoice" and r.value("total_amount") == "30.00"
