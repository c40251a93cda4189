"""A value that fails its check is read again closer, once; kept only if it then passes, and said."""

from PIL import Image

from desktop_app.intake.extract_common import Context
from desktop_app.intake.extract_invoice import extract_invoice
from desktop_app.intake.extract_prescription import extract_prescription
from desktop_app.intake.extract_statement import extract_statement
from desktop_app.intake.layout import text_layer_page
from desktop_app.intake.parse_ids import luhn_check_digit
from desktop_app.intake.read_warnings import texts


class FakeEngine:
    """Answers every crop re-read with the same text, and counts the calls."""

    def __init__(self, answer: str):
        self.answer = answer
        self.calls = []

    def text_line(self, image, whitelist=None, psm=7):
        self.calls.append((image.size, whitelist, psm))
        return [(t, 0.9) for t in self.answer.split()]


def _scanned(text: str):
    """A text page made to look scanned: word boxes in image pixels, and an image."""
    page = text_layer_page(1, text)
    for w in page.words:
        w.bbox = (int(w.x), int(w.y), int(w.w), int(w.h))
    page.source = "ocr"
    page.image = Image.new("L", (max(page.width, 10), max(page.height, 10)), 255)
    return page


STATEMENT = (
    "l'Assurance Maladie\n"
    "Date des soins    Nature          Montant payé    Montant remboursé\n"
    "04/06/2025        Consultation    30,00 €         19,00 €\n"
    "05/06/2025        Pharmacie       12,00 €         7,80 €\n"
    "Total remboursé : 28,80 €\n"
)


def test_total_read_again_matches_the_lines():
    engine = FakeEngine("26,80 €")
    ctx = Context(pages=[_scanned(STATEMENT)], engine=engine)
    extract_statement(ctx)
    assert ctx.fields["total_paid"].value == "26.80"
    assert len(engine.calls) == 1
    (size, _, psm), = engine.calls
    assert psm == 7 and size[1] > 2 * 20  # upscaled
    assert any("first read as 28.80" in w and "26.80" in w for w in texts(ctx.warnings))


def test_total_read_again_still_wrong_keeps_the_first_reading():
    engine = FakeEngine("28,80 €")
    ctx = Context(pages=[_scanned(STATEMENT)], engine=engine)
    extract_statement(ctx)
    assert ctx.fields["total_paid"].value == "28.80"
    assert len(engine.calls) == 1
    assert any("differs from the sum" in w for w in texts(ctx.warnings))


def test_no_image_no_reread():
    engine = FakeEngine("26,80 €")
    ctx = Context(pages=[text_layer_page(1, STATEMENT)], engine=engine)
    extract_statement(ctx)
    assert ctx.fields["total_paid"].value == "28.80" and not engine.calls


def _rpps(body: str) -> str:
    return body + luhn_check_digit(body)


def test_rpps_failing_luhn_is_read_again():
    good = _rpps("1000345678")
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    engine = FakeEngine(good)
    ctx = Context(pages=[_scanned(f"Docteur Jean MARTIN\nMédecin généraliste\nRPPS : {bad}\n"
                                  "Madame Lucie FAURE\nParacétamol 1 g, 3 comprimés par jour\n")],
                  engine=engine)
    extract_prescription(ctx)
    assert ctx.fields["prescriber_rpps"].value == good
    assert any(bad in w and good in w for w in texts(ctx.warnings))
    assert engine.calls[0][1] == "0123456789"


def test_rpps_still_failing_keeps_the_first_reading_and_says_so():
    good = _rpps("1000345678")
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    ctx = Context(pages=[_scanned(f"Docteur Jean MARTIN\nRPPS : {bad}\nMadame Lucie FAURE\n")],
                  engine=FakeEngine(bad))
    extract_prescription(ctx)
    field = ctx.fields["prescriber_rpps"]
    assert field.value == bad and field.confidence < 0.5
    assert any("check digit" in w for w in texts(ctx.warnings))


def test_labelled_date_that_is_no_date_is_read_again():
    engine = FakeEngine("04/07/2025")
    ctx = Context(pages=[_scanned("Pharmacie du Marché\nFACTURE n° 2025-118\nDate de facture : 04 O7 2O2S\n"
                                  "Total TTC : 30,00 €\n")], engine=engine)
    extract_invoice(ctx)
    assert ctx.fields["date"].value == "2025-07-04"
    assert any("read again closer: 2025-07-04" in w for w in texts(ctx.warnings))
    assert len(engine.calls) == 1
