"""Drawing a page of a stored original to a QImage, off the UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

# intake draws PDF pages at this resolution, so field boxes on PDF pages are in these pixels.
INTAKE_PDF_DPI = 300
DISPLAY_PDF_DPI = 150


@dataclass
class LoadedPage:
    image: QImage | None
    page_count: int
    box_scale: float  # multiply a field box by this to land on the displayed image
    error: str | None = None


def load_page(path: Path, page: int) -> LoadedPage:
    """Page ``page`` (1-based) of an image or PDF; a PDF page is painted on white. An encrypted
    original is opened into the data folder's private tmp and that copy removed once drawn."""
    from desktop_app.services.documents import readable_original

    try:
        with readable_original(path) as readable:
            return _load_page(readable, page)
    except OSError as exc:
        return LoadedPage(None, 0, 1.0, str(exc))


def _load_page(path: Path, page: int) -> LoadedPage:
    if path.suffix.lower() == ".pdf":
        return _pdf_page(path, page)
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # the EXIF orientation, as intake reads it
    count = max(reader.imageCount(), 1)
    if page > 1:
        reader.jumpToImage(page - 1)
    image = reader.read()
    if image.isNull():
        image = _pillow_image(path, page)
    if image is None or image.isNull():
        return LoadedPage(None, count, 1.0, reader.errorString())
    return LoadedPage(image, count, 1.0)


def _pillow_image(path: Path, page: int) -> QImage | None:
    """Formats Qt has no plug-in for (HEIC…) through Pillow."""
    try:
        from PIL import Image, ImageOps

        try:
            import pillow_heif

            pillow_heif.register_heif_opener()
        except ImportError:
            pass
        with Image.open(path) as im:
            if page > 1:
                im.seek(page - 1)
            im = (ImageOps.exif_transpose(im) or im).convert("RGB")
            data = im.tobytes()
            return QImage(data, im.width, im.height, 3 * im.width, QImage.Format.Format_RGB888).copy()
    except Exception:  # noqa: BLE001 - an unreadable preview is shown as such, not raised
        return None


def _pdf_page(path: Path, page: int) -> LoadedPage:
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    try:
        doc.load(str(path))
        if doc.status() != QPdfDocument.Status.Ready:
            return LoadedPage(None, 0, 1.0, "the PDF cannot be opened")
        count = doc.pageCount()
        index = min(max(page, 1), count) - 1
        points = doc.pagePointSize(index)
        scale = DISPLAY_PDF_DPI / 72
        size = QSize(max(1, round(points.width() * scale)), max(1, round(points.height() * scale)))
        rendered = doc.render(index, size)
        # render() gives ARGB with a transparent background: paint it on white paper.
        page_image = QImage(size, QImage.Format.Format_RGB32)
        page_image.fill(QColor(Qt.GlobalColor.white))
        painter = QPainter(page_image)
        painter.drawImage(0, 0, rendered)
        painter.end()
        return LoadedPage(page_image, count, DISPLAY_PDF_DPI / INTAKE_PDF_DPI)
    finally:
        doc.close()
