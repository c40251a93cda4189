"""The font of the PDFs Paperasse writes: DejaVu Sans, shipped in resources/fonts/.

The standard PDF fonts (Helvetica…) know only Windows-1252: no "Ł", no "ễ", no narrow no-break
space, which French amounts use (core/formatting.py). A TrueType font embedded in the file (only
the letters used) shows every name as typed, on any machine, whatever fonts it has installed.
Paragraphs' ``<b>`` and ``<i>`` pick the bold and oblique faces (one family).

ReportLab's paragraphs take a narrow no-break space (U+202F) for a space to break the line at,
and print it as a plain one; only U+00A0 holds. An amount therefore goes where the text is drawn
as it is (a table's cell, the canvas), not inside a paragraph's words.
"""

from __future__ import annotations

from typing import Literal

from desktop_app import config

REGULAR = "PaperasseSans"
BOLD = "PaperasseSans-Bold"
ITALIC = "PaperasseSans-Oblique"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}
_registered = False


def register() -> None:
    """Make the faces known to reportlab (once per process)."""
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = config.resources_dir() / "fonts"
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    # No bold oblique is shipped: bold stands in for it.
    faces: tuple[tuple[Literal[0, 1], Literal[0, 1], str], ...] = (
        (0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD))
    for bold, italic, face in faces:
        addMapping(REGULAR, bold, italic, face)
    _registered = True


def escaped(text: object) -> str:
    """A value put into a paragraph's markup: its &, < and > shown, not read as markup."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
