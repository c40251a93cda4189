"""A quantity printed in its own column before a price on a total's row is not a thousands
group of that price: "1   245,00 €" is one item at 245,00 €, never 1 245,00 €.

Pages of words placed by hand (no OCR); made-up wordings.
"""

from __future__ import annotations

from desktop_app.intake.extract_common import amount_by_labels, amount_right_of
from desktop_app.intake.extract_labelled import put_labelled_amount
from desktop_app.intake.layout import Page, Word, find_labels
from tests.intake.word_pages import CHAR, H, run


def _row(*words, y: float = 500.0) -> Page:
    """(x, text) words of one row, placed exactly (the gaps are what the test is about)."""
    out = [Word(t, float(x), y, len(t) * CHAR, float(H), 0.93, (int(x), int(y), int(len(t) * CHAR), H), (n,))
           for n, (x, t) in enumerate(words)]
    return Page(index=1, width=1654, height=2339, words=out, source="ocr")


# "Total TTC" then, a column gap away (wider than between a number's digit groups, narrower
# than between two blocks of the row), the quantity 1 and, another column gap away, the price.
_TOTAL = ((100, "Total"), (193, "TTC"), (280, "1"), (332, "245,00"), (441, "€"))
# The same row with a thousands gap inside the price: 1 245,00 € is one amount.
_THOUSANDS = ((100, "Total"), (193, "TTC"), (280, "1"), (306, "245,00"), (415, "€"))


def test_a_quantity_in_its_own_column_is_not_read_as_thousands():
    page = _row(*_TOTAL)
    hit = find_labels([page], "total ttc")[0]
    assert amount_right_of(hit)[0] == "245.00"
    assert amount_by_labels([page], ["total ttc"])[0] == "245.00"


def test_a_thousands_group_printed_close_stays_one_amount():
    page = _row(*_THOUSANDS)
    hit = find_labels([page], "total ttc")[0]
    assert amount_right_of(hit)[0] == "1245.00"


def test_labelled_readers_see_the_same_columns():
    from desktop_app.intake.extract_common import Context

    ctx = Context(pages=[_row(*_TOTAL)])
    assert put_labelled_amount(ctx, "total_amount", ["total ttc"])
    assert ctx.fields["total_amount"].value == "245.00"


def test_a_zero_after_the_total_is_not_the_total_of_a_labelled_paper():
    ctx = run(lambda c: put_labelled_amount(c, "total_amount", ["total ttc"]),
              [(100, 500, "Total TTC"), (700, 500, "45,00 €"), (1100, 500, "0,00 €")])
    assert ctx.fields["total_amount"].value == "45.00"


def test_a_thousands_space_as_wide_as_ocr_measures_it_stays_one_amount():
    # OCR boxes hug the ink: the space after a "1" measures about two thirds of its height.
    page = _row((100, "Total"), (193, "TTC"), (280, "1"), (316.5, "071,60"), (427, "€"))
    hit = find_labels([page], "total ttc")[0]
    assert amount_right_of(hit)[0] == "1071.60"
