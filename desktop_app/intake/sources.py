"""From a file on disk to pages: text read from a PDF's text layer, or images to OCR.

Every way a file can be unusable (missing, a folder, empty, too big, not a
document, corrupt, password-protected, a decompression bomb) ends here as one
:class:`IntakeError` naming the file and the fix, so later stages only ever see
pages they can work on.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.intake.errors import IntakeError
from desktop_app.intake.source_images import _image_pages
from desktop_app.intake.source_limits import DEFAULT_LIMITS, Limits, SourcePage, check_file
from desktop_app.intake.source_pdf import _pdf_pages

_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif"}


def sniff(path: str | Path) -> str:
    """The file's real type from its first bytes: 'pdf', 'jpeg', 'png', 'tiff', 'heif', 'bmp' or 'webp'."""
    path = Path(path)
    check_file(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise IntakeError(path, "intake.unreadable", "intake.fix.copy_locally", error=exc.strerror or exc) from exc
    kind = _kind_of(head)
    if kind is None:
        other = _other_kind(head)
        if other is not None:
            label, fix = other
            if label == "gif":  # an image, only in a format that is not read
                raise IntakeError(path, "intake.unread_image", fix, what="@intake.what." + label)
            raise IntakeError(path, "intake.is_not", fix, what="@intake.what." + label,
                              claimed="@" + _claimed(path))
        raise IntakeError(path, "intake.not_document", "intake.fix.export")
    return kind


_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".heic", ".heif", ".webp", ".bmp"}

# Formats people mistake for documents (or rename), recognised so the refusal says what the
# file really is. Checked before the PDF marker: a stored ZIP holding a PDF has '%PDF-' in its
# first kilobyte.
_OTHER_MAGIC: list[tuple[bytes, int, str, str]] = [
    (b"PK\x03\x04", 0, "zip", "intake.fix.extract"),
    (b"PK\x05\x06", 0, "empty_zip", "intake.fix.extract_document"),
    (b"PK\x07\x08", 0, "zip", "intake.fix.extract"),
    (b"Rar!\x1a\x07", 0, "rar", "intake.fix.extract"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7z", "intake.fix.extract"),
    (b"\x1f\x8b", 0, "gzip", "intake.fix.extract"),
    (b"BZh", 0, "bzip2", "intake.fix.extract"),
    (b"\xfd7zXZ\x00", 0, "xz", "intake.fix.extract"),
    (b"ustar", 257, "tar", "intake.fix.extract"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "office", "intake.fix.to_pdf"),
    (b"{\\rtf", 0, "rtf", "intake.fix.to_pdf"),
    (b"GIF87a", 0, "gif", "intake.fix.to_png"),
    (b"GIF89a", 0, "gif", "intake.fix.to_png"),
    (b"\x7fELF", 0, "program", "intake.fix.choose_scan"),
    (b"MZ", 0, "windows_program", "intake.fix.choose_scan"),
]


def _other_kind(head: bytes) -> tuple[str, str] | None:
    for magic, offset, label, fix in _OTHER_MAGIC:
        if head[offset : offset + len(magic)] == magic:
            return label, fix
    return None


def _claimed(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "intake.claimed.pdf"
    if suffix in _IMAGE_SUFFIXES:
        return "intake.claimed.image"
    return "intake.claimed.either"


def _kind_of(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "heif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if _is_bmp(head):
        return "bmp"
    if _other_kind(head) is not None:
        return None
    # Readers accept some bytes (a mail header, a BOM) before the PDF header, within the first KB.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    return None


def _is_bmp(head: bytes) -> bool:
    """'BM', then a DIB header size real bitmaps use (a text file starting 'BM' has none)."""
    if len(head) < 26 or head[:2] != b"BM":
        return False
    return int.from_bytes(head[14:18], "little") in (12, 16, 40, 52, 56, 64, 108, 124)


def open_pages(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[str, list[SourcePage]]:
    """The file's type and its pages, each ready to give its text layer or its image."""
    path = Path(path)
    kind = sniff(path)
    check_file(path, limits)
    if kind == "pdf":
        return kind, _pdf_pages(path, limits)
    return kind, _image_pages(path, kind, limits)


