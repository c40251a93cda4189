"""The stored originals as PDF pages for the bundle: PDFs as they are (without what a page may
do by itself), images at their own quality on an A4 page."""

from __future__ import annotations

import io
from pathlib import Path

from desktop_app.core.errors import UserError
from desktop_app.services.context import Context

# What a page may do by itself when opened or clicked: none of it goes into a mailing.
_ACTIVE_ANNOTATIONS = {"/Link", "/Screen", "/Movie", "/Sound", "/FileAttachment", "/RichMedia",
                       "/3D"}


def _inert(page):
    """The page without its actions: no page open/close actions (/AA), no links, launch, URI or
    JavaScript; form fields and comments keep their look, without their actions."""
    from pypdf.generic import ArrayObject, NameObject

    for key in ("/AA",):
        if key in page:
            del page[NameObject(key)]
    annots = page.get("/Annots")
    if annots is not None:
        kept = ArrayObject()
        for ref in annots.get_object():
            annot = ref.get_object()
            if annot.get("/Subtype") in _ACTIVE_ANNOTATIONS:
                continue
            for key in ("/A", "/AA"):
                if key in annot:
                    del annot[NameObject(key)]
            kept.append(ref)
        page[NameObject("/Annots")] = kept
    return page


def pages_of(ctx: Context, doc) -> list:
    """The stored original as PDF pages: PDFs as they are, images at their own quality."""

    path = ctx.store.stored_path(doc.id)
    if path is None or not path.is_file():
        raise UserError(
            f"document {doc.id} ({doc.original_name}): its stored original is missing; "
            "restore a backup or import the file again"
        )
    from desktop_app.store import originals

    with originals.plain(path) as readable:  # read whole into memory before it is removed
        return _pages_of_file(doc, readable)


def _pages_of_file(doc, path: Path) -> list:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    head = path.read_bytes()[:1024]
    try:
        if b"%PDF-" in head:
            reader = PdfReader(str(path))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UserError(
                    f"document {doc.id} ({doc.original_name}): the PDF is password-protected; "
                    "print it from its own viewer and post it with the bundle"
                )
            pages = [_inert(page) for page in reader.pages]
        else:
            pages = list(PdfReader(io.BytesIO(image_to_pdf(path))).pages)
    except UserError:
        raise
    except (PdfReadError, OSError, ValueError) as exc:
        raise UserError(
            f"document {doc.id} ({doc.original_name}): cannot be put in the bundle "
            f"({type(exc).__name__}: {exc}); print it separately"
        ) from None
    if not pages:
        raise UserError(f"document {doc.id} ({doc.original_name}): has no pages")
    return pages


def image_to_pdf(path: Path) -> bytes:
    """An image as an A4 PDF page at its original quality.

    JPEG goes in as it is (no re-encoding), PNG and TIFF losslessly (img2pdf); images with an
    alpha channel are flattened on white first, HEIC becomes a high-quality JPEG. An image
    larger than A4 is scaled down on the page (its pixels are kept); a smaller one keeps its size.
    """
    import img2pdf

    a4 = (img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297))
    layout = img2pdf.get_layout_fun(a4, None, None, img2pdf.FitMode.shrink, True)
    data = path.read_bytes()
    if data[4:8] != b"ftyp" and not _has_alpha(path):  # not HEIC/HEIF, nothing to flatten
        try:
            return img2pdf.convert(data, layout_fun=layout, rotation=img2pdf.Rotation.ifvalid)
        except (img2pdf.AlphaChannelError, img2pdf.ImageOpenError,
                img2pdf.UnsupportedColorspaceError, img2pdf.JpegColorspaceError, ValueError):
            pass  # convert with Pillow first, below
    return img2pdf.convert(_flattened(path), layout_fun=layout, rotation=img2pdf.Rotation.ifvalid)


def _has_alpha(path: Path) -> bool:
    from PIL import Image

    try:
        with Image.open(path) as im:
            return im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in im.info
    except Exception:  # noqa: BLE001 - img2pdf reports what it cannot read
        return False


def _flattened(path: Path) -> bytes:
    from PIL import Image, ImageOps

    heif = path.read_bytes()[4:8] == b"ftyp"
    if heif:
        import pillow_heif

        pillow_heif.register_heif_opener()
    with Image.open(path) as im:
        im = ImageOps.exif_transpose(im) or im
        dpi = im.info.get("dpi")
        if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
            rgba = im.convert("RGBA")
            flat = Image.new("RGB", rgba.size, "white")
            flat.paste(rgba, mask=rgba.getchannel("A"))
            im = flat
        elif im.mode not in ("RGB", "L", "1", "CMYK"):
            im = im.convert("RGB")
        out = io.BytesIO()
        extra = {"dpi": dpi} if dpi else {}
        if heif:
            im.convert("RGB").save(out, "JPEG", quality=95, subsampling=0, **extra)
        else:
            im.save(out, "PNG", **extra)
        return out.getvalue()
