"""Every unusable file gives one IntakeError line naming the file and the fix."""

import io
import os

import pytest
from PIL import Image

from desktop_app.core.errors import UserError
from desktop_app.intake import IntakeError, Limits, read_document, sniff


def _assert_one_line(exc: IntakeError, name: str) -> str:
    msg = str(exc)
    assert "\n" not in msg and name in msg
    assert isinstance(exc, UserError)
    return msg


def _pdf_bytes() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_empty_file(tmp_path):
    f = tmp_path / "scan.jpg"
    f.write_bytes(b"")
    with pytest.raises(IntakeError) as e:
        read_document(f)
    assert "empty" in _assert_one_line(e.value, "scan.jpg")


def test_text_file_named_jpg(tmp_path):
    f = tmp_path / "ordonnance.jpg"
    f.write_text("hello, not an image\n")
    with pytest.raises(IntakeError) as e:
        sniff(f)
    assert "not a PDF or an image" in _assert_one_line(e.value, "ordonnance.jpg")


def test_folder(tmp_path):
    d = tmp_path / "scans.pdf"
    d.mkdir()
    with pytest.raises(IntakeError) as e:
        read_document(d)
    assert "folder" in _assert_one_line(e.value, "scans.pdf")


def test_missing(tmp_path):
    with pytest.raises(IntakeError) as e:
        read_document(tmp_path / "gone.pdf")
    _assert_one_line(e.value, "gone.pdf")


def test_corrupt_jpeg(tmp_path):
    f = tmp_path / "broken.jpg"
    f.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(2000))
    with pytest.raises(IntakeError) as e:
        read_document(f, tesseract_cmd="/nonexistent/tesseract")
    assert "damaged" in _assert_one_line(e.value, "broken.jpg")


def test_corrupt_pdf(tmp_path):
    f = tmp_path / "broken.pdf"
    f.write_bytes(b"%PDF-1.7\n" + os.urandom(3000))
    with pytest.raises(IntakeError) as e:
        read_document(f)
    _assert_one_line(e.value, "broken.pdf")


def test_encrypted_pdf(tmp_path):
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_pdf_bytes()))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    f = tmp_path / "locked.pdf"
    with open(f, "wb") as fh:
        writer.write(fh)
    with pytest.raises(IntakeError) as e:
        read_document(f)
    msg = _assert_one_line(e.value, "locked.pdf")
    assert "password-protected: remove the password and import it again" in msg


def test_pdf_encrypted_with_empty_password_opens(tmp_path):
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_pdf_bytes()))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    f = tmp_path / "owner_only.pdf"
    with open(f, "wb") as fh:
        writer.write(fh)
    result = read_document(f, tesseract_cmd="/nonexistent/tesseract")
    assert result.pages == 1


def test_too_large_file(tmp_path):
    f = tmp_path / "big.png"
    Image.new("L", (50, 50), 255).save(f)
    with pytest.raises(IntakeError) as e:
        read_document(f, limits=Limits(max_bytes=10))
    assert "too large" in _assert_one_line(e.value, "big.png")


def test_too_many_pixels(tmp_path):
    f = tmp_path / "bomb.png"
    Image.new("L", (400, 400), 255).save(f)
    with pytest.raises(IntakeError) as e:
        read_document(f, limits=Limits(max_pixels=10_000))
    assert "pixels" in _assert_one_line(e.value, "bomb.png")


def test_too_many_pages(tmp_path):
    import pypdf

    writer = pypdf.PdfWriter()
    for _ in range(5):
        writer.add_blank_page(width=595, height=842)
    f = tmp_path / "long.pdf"
    with open(f, "wb") as fh:
        writer.write(fh)
    with pytest.raises(IntakeError) as e:
        read_document(f, limits=Limits(max_pages=3))
    assert "page" in _assert_one_line(e.value, "long.pdf")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its permissions")
def test_unreadable(tmp_path):
    f = tmp_path / "private.png"
    Image.new("L", (50, 50), 255).save(f)
    f.chmod(0)
    try:
        with pytest.raises(IntakeError) as e:
            read_document(f)
        assert "permission" in _assert_one_line(e.value, "private.png")
    finally:
        f.chmod(0o600)


def test_batch_returns_errors_in_place(tmp_path):
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    good = tmp_path / "blank.png"
    Image.new("L", (100, 100), 255).save(good)
    results = __import__("desktop_app.intake", fromlist=["read_documents"]).read_documents(
        [bad, good], tesseract_cmd="/nonexistent/tesseract"
    )
    assert isinstance(results[0], IntakeError)
    assert results[1].text_source == "none"


@pytest.mark.parametrize("fmt, kind", [("JPEG", "jpeg"), ("PNG", "png"), ("TIFF", "tiff")])
def test_sniff_images(tmp_path, fmt, kind):
    f = tmp_path / "x.bin"
    Image.new("RGB", (20, 20), "white").save(f, format=fmt)
    assert sniff(f) == kind


def test_sniff_heif(tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    f = tmp_path / "photo.heic"
    try:
        Image.new("RGB", (64, 64), "white").save(f, format="HEIF")
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"this libheif cannot encode HEIF: {exc}")
    assert sniff(f) == "heif"
