"""Image files (JPEG, PNG, TIFF, HEIF, WebP, BMP) to page images: decoded within the pixel
limit, upright, grey, reduced to the size tesseract reads best, phone photos and washed-out
scans cleaned."""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, ImageOps

from desktop_app.intake.errors import IntakeError
from desktop_app.intake.page_cleaning import clean_page, needs_levels
from desktop_app.intake.photos import may_be_photo
from desktop_app.intake.source_limits import OCR_MAX_SIDE, Limits, SourcePage, StageReport

_EXIF_ORIENTATION = 0x0112


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
    size = im.size
    im.close()
    # Judged before any read of the file starts: a photo or a grey-paper scan is cleaned first,
    # and a read started on its file would only take a core from that.
    as_is = as_is and _flat_scan_file(path, kind, limits, size)

    def loader_for(frame: int, source: SourcePage):
        def load(on_stage: StageReport) -> Image.Image:
            on_stage("decoding")
            page = _open_image(path, kind, limits)
            if source.file:
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
            image, fix = clean_page(image)
            if fix.photo:
                _photo_cleaned(source, image, max(original), fix)
            if fix.photo or fix.levelled:  # what tesseract must read is the cleaned page, not the file
                source.file = None
            return image

        return load

    pages = [SourcePage(index=i + 1, dpi=dpi, staged=True, file=str(path) if as_is else None)
             for i in range(frames)]
    for i, page in enumerate(pages):
        page.loader = loader_for(i, page)
    return pages


def _flat_scan_file(path: Path, kind: str, limits: Limits, size: tuple[int, int]) -> bool:
    """Whether a grey JPEG page is a flat scan on white paper, judged on the file decoded at 1/8
    scale (a few milliseconds): False for a photo, a scan to clean first (page_cleaning.py), or a
    file that does not decode (the full decoding then says what is wrong)."""
    try:
        sample = _open_image(path, kind, limits)
        sample.draft("L", (max(1, size[0] // 8), max(1, size[1] // 8)))
        sample.load()
    except Exception:  # noqa: BLE001 - any decoding trouble: the careful path
        return False
    try:
        return sample.mode == "L" and not may_be_photo(sample) and not needs_levels(sample)
    finally:
        sample.close()


def _photo_cleaned(source: SourcePage, image: Image.Image, original_longest: int, fix) -> None:
    """A photo straightened or enlarged is read at another size: its resolution is for tesseract
    to measure, and field boxes scale back by the longest side (a straightened page's boxes are
    near, not exactly on, the photo's own pixels). Tesseract reads it with its local threshold
    (page_cleaning.py says why)."""
    source.scale = original_longest / max(image.size)
    if fix.straightened or fix.enlarged != 1.0:
        source.dpi = None
    source.local_threshold = True


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
