"""From a file on disk to pages: text read from a PDF's text layer, or images to OCR.

Every way a file can be unusable (missing, a folder, empty, too big, not a
document, corrupt, password-protected, a decompression bomb) ends here as one
:class:`IntakeError` naming the file and the fix, so later stages only ever see
pages they can work on.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from desktop_app.intake.errors import IntakeError
from desktop_app.intake.photos import clean_photo, may_be_photo


@dataclass(frozen=True)
class Limits:
    """Bounds that keep one bad file from exhausting memory or time."""

    max_bytes: int = 200 * 1024 * 1024
    max_pages: int = 300
    max_pixels: int = 120_000_000  # per page: a 600-dpi A3 scan is ~70 Mpx
    ocr_timeout_s: float = 90.0
    render_dpi: int = 300


DEFAULT_LIMITS = Limits()

# The longest side, in pixels, a page image is read at. Tesseract reads printed text best at about
# 300 dpi (an A4 page is then 2480×3508); a phone photo or a 600-900 dpi scan holds 4 to 9 times
# the pixels, which only cost time (and hurt its layout analysis). Larger page images are reduced
# to this before reading; the stored original is never touched. Field boxes are given back in the
# original's pixels (SourcePage.scale).
OCR_MAX_SIDE = 3600

# What a page loader reports as it goes, for a progress display: "decoding", then "preparing".
StageReport = Callable[[str], None]

_EXIF_ORIENTATION = 0x0112

_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif"}


@dataclass
class SourcePage:
    """One page of a document, loaded on demand so a long PDF never sits whole in memory."""

    index: int  # 1-based
    text: str | None = None  # text layer, when the PDF has one for this page
    loader: Callable[..., Image.Image] | None = None
    dpi: int | None = None  # of the image as read (after any reduction)
    staged: bool = False  # the loader takes a StageReport and says "preparing" itself
    scale: float = 1.0  # original pixels per pixel read: > 1 when the page was reduced
    # The file the page image is an unchanged decode of (a grey JPEG page read at its own
    # size), known before it is loaded: a tesseract process reads it as it is, rather than a
    # re-encoded copy. Cleared by the loader when the page had to be changed (a photo).
    file: str | None = None

    def load_image(self, on_stage: StageReport | None = None) -> Image.Image:
        assert self.loader is not None
        if self.staged:
            return self.loader(on_stage or (lambda _stage: None))
        return self.loader()


def check_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> int:
    """Reject what is not a readable regular file of reasonable size; return its size."""
    if not path.exists():
        raise IntakeError(path, "intake.not_found", "intake.fix.check_path")
    if path.is_dir():
        raise IntakeError(path, "intake.folder", "intake.fix.inside_folder")
    if not os.access(path, os.R_OK):
        raise IntakeError(path, "intake.permission", "intake.fix.read_access")
    size = path.stat().st_size
    if size == 0:
        raise IntakeError(path, "intake.empty", "intake.fix.scan_again")
    if size > limits.max_bytes:
        raise IntakeError(path, "intake.too_large", "intake.fix.smaller",
                          size=f"{size / 1e6:.0f}", limit=f"{limits.max_bytes / 1e6:.0f}")
    return size


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


# -- images ---------------------------------------------------------------


def _open_image(path: Path, kind: str, limits: Limits) -> Image.Image:
    if kind == "heif":
        import pillow_heif

        pillow_heif.register_heif_opener()
    try:
        with warnings.catch_warnings():
            # Our own pixel limit below decides; Pillow's warning would only add noise.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(path)
    except Image.DecompressionBombError:
        raise _too_many_pixels(path, None, limits) from None
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for bad data
        raise IntakeError(path, "intake.damaged_image", "intake.fix.anew",
                          error=type(exc).__name__) from exc
    w, h = im.size
    if w * h > limits.max_pixels:
        raise _too_many_pixels(path, (w, h), limits)
    return im


def _too_many_pixels(path: Path, size, limits: Limits) -> IntakeError:
    limit = limits.max_pixels // 1_000_000
    if size:
        return IntakeError(path, "intake.too_many_pixels_sized", "intake.fix.300dpi",
                           width=size[0], height=size[1], limit=limit)
    return IntakeError(path, "intake.too_many_pixels", "intake.fix.300dpi", limit=limit)


def normalise_image(im: Image.Image) -> Image.Image:
    """Upright (EXIF), alpha painted on white, one grey channel: what tesseract reads best."""
    if im.getexif().get(_EXIF_ORIENTATION, 1) != 1:  # else exif_transpose only copies the page
        im = ImageOps.exif_transpose(im) or im
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        im = im.convert("RGBA")
        bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
        im = Image.alpha_composite(bg, im)
    if im.mode == "1":
        return im.convert("L")
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        return im.point(lambda v: v / 256).convert("L")
    if im.mode != "L":
        im = im.convert("RGB").convert("L")
    return im


def _image_pages(path: Path, kind: str, limits: Limits) -> list[SourcePage]:
    im = _open_image(path, kind, limits)
    # BMP and WebP are single pictures (an animated WebP is a sticker, not a scanned document:
    # its first frame is read).
    frames = 1 if kind in ("bmp", "webp") else (getattr(im, "n_frames", 1) or 1)
    if frames > limits.max_pages:
        raise IntakeError(path, "intake.too_many_pages", "intake.fix.split", count=frames,
                          limit=limits.max_pages)
    dpi = _dpi_of(im)
    # A grey JPEG page read at its own size is handed to tesseract as the file it is: no
    # re-encoding, and tesseract can start on it while the page is decoded here for the
    # extractors (a colour, turned or reduced page is prepared first).
    as_is = (kind == "jpeg" and frames == 1 and im.mode == "L" and max(im.size) <= OCR_MAX_SIDE
             and not im.getexif().get(_EXIF_ORIENTATION))
    im.close()

    def loader_for(frame: int, source: SourcePage):
        def load(on_stage: StageReport) -> Image.Image:
            on_stage("decoding")
            page = _open_image(path, kind, limits)
            if source.file and _flat_scan_file(path, kind, limits, page.size):
                # Tesseract reads the file itself; Pillow decodes the page only if an extractor
                # wants its pixels (a box to read, a barcode), on first use.
                on_stage("preparing")
                return page
            try:
                if frame:
                    page.seek(frame)
                original = page.size
                target = _reduced_size(original)
                if target != original and page.format == "JPEG":
                    # JPEG decodes straight to 1/2, 1/4 or 1/8 of its size (never below
                    # target): a fraction of the work of decoding it whole.
                    page.draft(page.mode, target)
                page.load()
            except Exception as exc:  # noqa: BLE001
                raise IntakeError(path, "intake.damaged_page", "intake.fix.anew", page=frame + 1,
                                  error=type(exc).__name__) from exc
            on_stage("preparing")
            image = normalise_image(page)
            image, source.scale = reduce_for_ocr(image, max(original))
            source.dpi = round(dpi / source.scale) if dpi else None
            image, fix = clean_photo(image)
            if fix.photo:  # what tesseract must read is the cleaned page, not the file
                _photo_cleaned(source, image, max(original), fix)
                source.file = None
            return image

        return load

    pages = [SourcePage(index=i + 1, dpi=dpi, staged=True, file=str(path) if as_is else None)
             for i in range(frames)]
    for i, page in enumerate(pages):
        page.loader = loader_for(i, page)
    return pages


def _flat_scan_file(path: Path, kind: str, limits: Limits, size: tuple[int, int]) -> bool:
    """Whether a grey JPEG page is a flat scan, judged on the file decoded at 1/8 scale (a few
    milliseconds): False for a photo, or a file that does not decode (the full decoding then
    says what is wrong)."""
    try:
        sample = _open_image(path, kind, limits)
        sample.draft("L", (max(1, size[0] // 8), max(1, size[1] // 8)))
        sample.load()
    except Exception:  # noqa: BLE001 - any decoding trouble: the careful path
        return False
    try:
        return sample.mode == "L" and not may_be_photo(sample)
    finally:
        sample.close()


def _photo_cleaned(source: SourcePage, image: Image.Image, original_longest: int, fix) -> None:
    """A photo straightened or enlarged is read at another size: its resolution is for tesseract
    to measure, and field boxes scale back by the longest side (a straightened page's boxes are
    near, not exactly on, the photo's own pixels)."""
    source.scale = original_longest / max(image.size)
    if fix.straightened or fix.enlarged != 1.0:
        source.dpi = None


def _reduced_size(size: tuple[int, int]) -> tuple[int, int]:
    w, h = size
    longest = max(w, h)
    if longest <= OCR_MAX_SIDE:
        return size
    k = OCR_MAX_SIDE / longest
    return max(1, round(w * k)), max(1, round(h * k))


def reduce_for_ocr(image: Image.Image, original_longest: int | None = None
                   ) -> tuple[Image.Image, float]:
    """The page image at no more than OCR_MAX_SIDE pixels on its longest side, and how many
    original pixels each pixel of it stands for (the JPEG decoder may have reduced it already:
    ``original_longest`` is the side before)."""
    longest = max(image.size)
    target = _reduced_size(image.size)
    if target != image.size:
        image = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=2.0)
    return image, (original_longest or longest) / max(image.size)


def _dpi_of(im: Image.Image) -> int | None:
    dpi = im.info.get("dpi")
    try:
        value = int(round(float(dpi[0]))) if dpi else None
    except (TypeError, ValueError):
        return None
    return value if value and 50 <= value <= 1200 else None


# -- PDF --------------------------------------------------------------------

_SURROGATES = re.compile("[\ud800-\udfff]")
_MIN_TEXT_CHARS = 20


def _pdf_pages(path: Path, limits: Limits) -> list[SourcePage]:
    import pypdf
    from pypdf.errors import DependencyError, PdfReadError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = pypdf.PdfReader(str(path))
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except DependencyError:
                    # AES without the optional crypto package: pdfium opens it on its own.
                    return _pdfium_pages(path, limits)
                except Exception:  # noqa: BLE001 - unsupported crypto is also "cannot open"
                    opened = 0
                if not opened:
                    raise IntakeError(path, "intake.password", "intake.fix.password")
            count = len(reader.pages)
    except IntakeError:
        raise
    except (PdfReadError, Exception) as exc:  # noqa: BLE001 - pypdf raises many types
        raise IntakeError(path, "intake.damaged_pdf", "intake.fix.download",
                          error=type(exc).__name__) from exc
    if count == 0:
        raise IntakeError(path, "intake.no_pages", "intake.fix.download")
    if count > limits.max_pages:
        raise IntakeError(path, "intake.too_many_pages", "intake.fix.split", count=count,
                          limit=limits.max_pages)
    pages = []
    for i in range(count):
        text = _page_text(reader, i)
        if text is not None:
            pages.append(SourcePage(index=i + 1, text=text))
        else:
            page = SourcePage(index=i + 1, dpi=None)
            page.loader = _pdf_image_loader(path, reader, i, limits, page)
            pages.append(page)
    return pages


def _pdfium_pages(path: Path, limits: Limits) -> list[SourcePage]:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        raise IntakeError(path, "intake.password", "intake.fix.password") from None
    try:
        count = len(doc)
        if count > limits.max_pages:
            raise IntakeError(path, "intake.too_many_pages", "intake.fix.split", count=count,
                              limit=limits.max_pages)
        pages = []
        for i in range(count):
            textpage = doc[i].get_textpage()
            text = _SURROGATES.sub("", textpage.get_text_range() or "").replace("\r\n", "\n")
            if len(re.sub(r"\s+", "", text)) >= _MIN_TEXT_CHARS:
                pages.append(SourcePage(index=i + 1, text=text))
            else:
                page = SourcePage(index=i + 1)
                page.loader = lambda i=i, page=page: _render_page(path, i, limits, page)
                pages.append(page)
        return pages
    finally:
        doc.close()


def _page_text(reader, i: int) -> str | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = reader.pages[i].extract_text(extraction_mode="layout") or ""
    except Exception:  # noqa: BLE001 - a broken text layer just means: OCR the page
        return None
    text = _SURROGATES.sub("", text)
    return text if len(re.sub(r"\s+", "", text)) >= _MIN_TEXT_CHARS else None


def _pdf_image_loader(path: Path, reader, i: int, limits: Limits, source: SourcePage):
    def load() -> Image.Image:
        image = _embedded_scan(reader, i, limits)
        if image is None:
            return _render_page(path, i, limits, source)
        longest = max(image.size)
        image, source.scale = reduce_for_ocr(image)  # boxes stay in the scan's own pixels
        image, fix = clean_photo(image)
        if fix.photo:
            _photo_cleaned(source, image, longest, fix)
        return image

    return load


def _embedded_scan(reader, i: int, limits: Limits) -> Image.Image | None:
    """The page's scan when it is one image covering the page; None to rasterise instead."""
    page = reader.pages[i]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            images = list(page.images)
            if len(images) != 1:
                return None
            im = images[0].image
    except Exception:  # noqa: BLE001 - odd filters and masks: rasterising is the safe path
        return None
    if im is None or im.width * im.height > limits.max_pixels:
        return None
    box = page.mediabox
    pw, ph = float(box.width), float(box.height)
    if page.rotation % 180:
        pw, ph = ph, pw
    if pw <= 0 or ph <= 0 or min(im.size) < 600:
        return None
    rotation = page.rotation % 360
    if rotation:
        im = im.rotate(-rotation, expand=True)
    # A scan fills the page; a logo or photo inside a drawn page does not.
    if abs(im.width / im.height - pw / ph) > 0.05 * (pw / ph):
        return None
    return normalise_image(im)


def _render_page(path: Path, i: int, limits: Limits, source: SourcePage | None = None
                 ) -> Image.Image:
    """The page drawn at ``render_dpi``, or smaller when that would exceed OCR_MAX_SIDE (a
    poster-sized page): field boxes are then scaled back to render_dpi pixels, where the
    window expects them (``source.scale``)."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
        try:
            page = doc[i]
            w, h = page.get_size()
            full = limits.render_dpi / 72
            scale = min(full, OCR_MAX_SIDE / max(w, h, 1))
            if w * h * scale * scale > limits.max_pixels:
                scale = (limits.max_pixels / (w * h)) ** 0.5
            if source is not None:
                source.scale = full / scale
            bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255), grayscale=True)
            im = bitmap.to_pil()
        finally:
            doc.close()
    except Exception as exc:  # noqa: BLE001
        raise IntakeError(path, "intake.undrawable_page", "intake.fix.download", page=i + 1,
                          error=type(exc).__name__) from exc
    return normalise_image(im)
