"""Writing a page as PNG, JPEG, scanned PDF (one image per page) or PDF with a text layer."""

from __future__ import annotations

import io
import time
from pathlib import Path

from PIL import Image

from tools.intake_corpus.canvas import MM_PER_PT, Canvas

PDF_FONTS = {  # style -> (regular, bold) among the PDF standard fonts
    "sans": ("Helvetica", "Helvetica-Bold"), "serif": ("Times-Roman", "Times-Bold"),
    "mono": ("Courier", "Courier-Bold"), "hand": ("Times-Italic", "Times-BoldItalic"),
}


def text_pdf_available() -> bool:
    try:
        import reportlab  # noqa: F401
    except ImportError:
        return False
    return True


def save_image(img: Image.Image, path: Path, fmt: str, dpi: int, quality: int = 85) -> None:
    if fmt == "png":
        img.save(path, "PNG", dpi=(dpi, dpi))
    elif fmt == "jpg":
        img.convert("RGB" if img.mode == "RGB" else "L").save(path, "JPEG", quality=quality, dpi=(dpi, dpi))
    else:
        raise ValueError(fmt)


def save_tiff(images: list[Image.Image], path: Path, dpi: int, bilevel: bool) -> None:
    """A scanner's TIFF, all pages in one file; black and white (CCITT G4, like a fax) or grey."""
    if bilevel:
        pages = [im.convert("L").point(lambda v: 255 if v > 150 else 0).convert("1") for im in images]
        compression = "group4"
    else:
        pages = [im.convert("L") for im in images]
        compression = "tiff_deflate"
    pages[0].save(path, "TIFF", dpi=(dpi, dpi), compression=compression, save_all=True, append_images=pages[1:])


def save_scan_pdf(images: list[Image.Image], path: Path, dpi: int, quality: int = 80) -> None:
    # Each page JPEG-compressed as a scanner's PDF would be; Pillow writes one image per page.
    pages = []
    for im in images:
        buf = io.BytesIO()
        im.convert("L").save(buf, "JPEG", quality=quality)
        buf.seek(0)
        pages.append(Image.open(buf))
    # A fixed creation date: Pillow would stamp the current time, and the same seed must give the same bytes.
    stamp = time.strptime("2026-11-01", "%Y-%m-%d")
    pages[0].save(path, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:],
                  creationDate=stamp, modDate=stamp)


def save_text_pdf(pages: list[Canvas], path: Path) -> None:
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as rl

    first = pages[0]
    pdf = rl.Canvas(str(path), pagesize=(first.width * mm, first.height * mm), invariant=1)
    for page in pages:
        pdf.setPageSize((page.width * mm, page.height * mm))
        H = page.height
        for op in page.ops:
            kind = op[0]
            if kind == "text":
                _, x, y, text, size, style, bold, fill = op
                pdf.setFillGray(fill / 255)
                pdf.setFont(PDF_FONTS.get(style, PDF_FONTS["sans"])[1 if bold else 0], size)
                baseline = y + size * MM_PER_PT * 0.8
                pdf.drawString(x * mm, (H - baseline) * mm, text)
            elif kind == "line":
                _, x1, y1, x2, y2, width, fill, dash = op
                pdf.setStrokeGray(fill / 255)
                pdf.setLineWidth(width * mm)
                pdf.setDash([dash * mm, dash * mm] if dash else [])
                pdf.line(x1 * mm, (H - y1) * mm, x2 * mm, (H - y2) * mm)
                pdf.setDash([])
            elif kind == "rect":
                _, x, y, w, h, width, outline, fill = op
                if fill is not None:
                    pdf.setFillGray(fill / 255)
                if outline is not None:
                    pdf.setStrokeGray(outline / 255)
                    pdf.setLineWidth(width * mm)
                pdf.rect(x * mm, (H - y - h) * mm, w * mm, h * mm, stroke=int(outline is not None),
                         fill=int(fill is not None))
            elif kind == "poly":
                _, pts, width = op
                pdf.setStrokeGray(0.15)
                pdf.setLineWidth(width * mm)
                path_ = pdf.beginPath()
                path_.moveTo(pts[0][0] * mm, (H - pts[0][1]) * mm)
                for px, py in pts[1:]:
                    path_.lineTo(px * mm, (H - py) * mm)
                pdf.drawPath(path_, stroke=1, fill=0)
        pdf.showPage()
    pdf.save()
