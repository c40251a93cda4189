"""PDF files to pages: each page's text layer when it has one, else its embedded scan or the
page drawn by pdfium; encrypted, damaged and oversized files refused with the fix."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from PIL import Image

from desktop_app.intake.errors import IntakeError
from desktop_app.intake.page_cleaning import clean_page
from desktop_app.intake.source_images import _photo_cleaned, normalise_image, reduce_for_ocr
from desktop_app.intake.source_limits import OCR_MAX_SIDE, Limits, SourcePage

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
        image, fix = clean_page(image)
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
