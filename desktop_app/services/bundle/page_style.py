"""The look of the letter and the memo: one font (pdf_fonts), its sizes, the paragraph styles."""

from __future__ import annotations

from desktop_app.services import pdf_fonts

SIZE = 10.5
LEADING = 14.5


def styles() -> dict:
    from reportlab.lib.styles import ParagraphStyle

    pdf_fonts.register()
    base = ParagraphStyle("body", fontName=pdf_fonts.REGULAR, fontSize=SIZE, leading=LEADING,
                          bulletFontName=pdf_fonts.REGULAR)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12),
        "bold": ParagraphStyle("bold", parent=base, fontName=pdf_fonts.BOLD),
        "right": ParagraphStyle("right", parent=base, alignment=2),
        "title": ParagraphStyle("title", parent=base, fontName=pdf_fonts.BOLD, fontSize=14,
                                leading=18, spaceAfter=6),
        "item": ParagraphStyle("item", parent=base, leftIndent=16, bulletIndent=4),
    }


def dots(width_mm: float) -> str:
    """A dotted line about ``width_mm`` wide in the letter's font, to write on by hand."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pdf_fonts.register()
    one = stringWidth("\u2026", pdf_fonts.REGULAR, SIZE) / 72 * 25.4
    return "\u2026" * max(int(width_mm / one), 1)
