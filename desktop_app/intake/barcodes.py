"""Code 128 barcodes (prescriber RPPS, structure number) read with zbar when it is installed."""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image


@dataclass
class Barcode:
    data: str
    bbox: list[int]


def read_code128(image: Image.Image) -> list[Barcode]:
    """Code 128 symbols on the page; empty when zbar is missing or nothing is found."""
    try:
        from pyzbar import pyzbar
    except Exception:  # noqa: BLE001 - libzbar missing: barcodes are a bonus, OCR remains
        return []
    try:
        found = pyzbar.decode(image, symbols=[pyzbar.ZBarSymbol.CODE128])
    except Exception:  # noqa: BLE001
        return []
    out = []
    for sym in found:
        r = sym.rect
        out.append(Barcode(sym.data.decode("ascii", "replace"), [r.left, r.top, r.width, r.height]))
    return out
