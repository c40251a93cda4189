"""Code 128 barcodes (prescriber RPPS, structure number) read with zbar when it is installed.

zbar on a whole A4 page at 300 dpi takes over half a second, and a barcode covers a few
hundredths of it: the page is first looked at reduced, for patches of tall, close vertical bars
(strong changes across, none along), and only those patches are handed to zbar."""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageChops, ImageFilter

_CELL = 32  # page pixels per cell of the grid bars are looked for on
_LOOK = 4  # the page is looked at reduced this many times
# A cell is barcode-like when changes across it outweigh changes along it by this much (0..255).
_BARS = 40
_MARGIN_CELLS = 2  # around a patch, for the quiet zone zbar wants


@dataclass
class Barcode:
    data: str
    bbox: list[int]


def read_code128(image: Image.Image) -> list[Barcode]:
    """Code 128 symbols on the page; empty when zbar is missing or nothing is found."""
    try:
        _load_zbar_by_name()
        from pyzbar import pyzbar
    except Exception:  # noqa: BLE001 - libzbar missing: barcodes are a bonus, OCR remains
        return []
    out: list[Barcode] = []
    seen: set[str] = set()
    for x0, y0, x1, y1 in barcode_patches(image):
        try:
            found = pyzbar.decode(image.crop((x0, y0, x1, y1)), symbols=[pyzbar.ZBarSymbol.CODE128])
        except Exception:  # noqa: BLE001
            continue
        for sym in found:
            data = sym.data.decode("ascii", "replace")
            if data in seen:
                continue
            seen.add(data)
            r = sym.rect
            out.append(Barcode(data, [r.left + x0, r.top + y0, r.width, r.height]))
    return out


def _load_zbar_by_name() -> None:
    """On Linux, libzbar opened by its soname: pyzbar's own search runs ``ldconfig -p`` (a
    process) in every new process. When that fails, pyzbar searches as it does."""
    import sys

    if not sys.platform.startswith("linux") or "pyzbar.wrapper" in sys.modules:
        return
    import ctypes

    from pyzbar import zbar_library

    search = zbar_library.load
    if getattr(search, "by_name", False):
        return

    def load():
        try:
            return ctypes.cdll.LoadLibrary("libzbar.so.0"), []
        except OSError:
            return search()

    load.by_name = True
    zbar_library.load = load


def barcode_patches(image: Image.Image) -> list[tuple[int, int, int, int]]:
    """Rectangles (page pixels) that may hold a one-dimensional barcode, largest first."""
    grey = image if image.mode == "L" else image.convert("L")
    if min(grey.size) < _CELL * 2:
        return [(0, 0, grey.width, grey.height)]
    f = _LOOK if min(grey.size) >= _CELL * _LOOK * 2 else 1
    small = grey.reduce(f) if f > 1 else grey
    across = _edges(small, (-1, 0, 1, -2, 0, 2, -1, 0, 1))
    along = _edges(small, (-1, -2, -1, 0, 0, 0, 1, 2, 1))
    bars = ImageChops.subtract(across, along)
    cell = max(1, _CELL // f)
    cw, ch = max(1, small.width // cell), max(1, small.height // cell)
    score = bars.resize((cw, ch), Image.Resampling.BOX).tobytes()
    hot = bytearray(1 if v >= _BARS else 0 for v in score)
    patches = []
    for i in range(cw * ch):
        if not hot[i]:
            continue
        # The hot cells touching this one (barcodes are short rows of cells).
        todo, cells = [i], []
        hot[i] = 0
        while todo:
            j = todo.pop()
            cells.append(j)
            x = j % cw
            for k in (j - 1 if x else -1, j + 1 if x < cw - 1 else -1, j - cw, j + cw):
                if 0 <= k < cw * ch and hot[k]:
                    hot[k] = 0
                    todo.append(k)
        xs, ys = [j % cw for j in cells], [j // cw for j in cells]
        if max(xs) - min(xs) + 1 < 3:  # a barcode is several cells wide; a ruled line is not hot
            continue
        step = cell * f
        patches.append((len(cells),
                        (max(0, (min(xs) - _MARGIN_CELLS) * step), max(0, (min(ys) - _MARGIN_CELLS) * step),
                         min(grey.width, (max(xs) + 1 + _MARGIN_CELLS) * step),
                         min(grey.height, (max(ys) + 1 + _MARGIN_CELLS) * step))))
    patches.sort(key=lambda p: -p[0])
    return [box for _, box in patches[:8]]


def _edges(im: Image.Image, kernel: tuple[int, ...]) -> Image.Image:
    """Absolute change in one direction (both signs: Pillow clips negative results)."""
    k = ImageFilter.Kernel((3, 3), kernel, scale=1)
    flipped = ImageFilter.Kernel((3, 3), tuple(-v for v in kernel), scale=1)
    return ImageChops.lighter(im.filter(k), im.filter(flipped))
