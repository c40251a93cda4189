from decimal import Decimal

import pytest

from desktop_app.intake.parse_amounts import find_amounts, parse_amount, to_decimal_string
from desktop_app.intake.parse_ids import find_nir, nir_from_chars, read_rpps


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Total TTC : 1 471,60 €", "1471.60"),
        ("montant total 86,00 €", "86.00"),
        ("Total TTC : 284,80 €", "284.80"),
        ("29.99  € TTC", "29.99"),
        ("1.234,56 EUR", "1234.56"),
        ("1,234.56", "1234.56"),
        ("Indemnité : 40€", "40.00"),
        ("17,2O", "17.20"),  # OCR read the last 0 as O
        ("1 471,60\u00a0€", "1471.60"),
    ],
)
def test_amounts(text, expected):
    assert to_decimal_string(parse_amount(text)) == expected


def test_dates_and_bare_numbers_are_not_amounts():
    assert find_amounts("le 02.10.2025, SIRET 36394767200087, qté 2") == []


def test_amounts_in_a_row_keep_their_order():
    assert [a.value for a in find_amounts("1  45,90  45,90")] == [Decimal("45.90"), Decimal("45.90")]


def test_nir_from_boxes_with_ocr_noise():
    assert nir_from_chars("2 0 3 0 2 1 1 3 9 1 3 6 6  0 2").value == "203021139136602"
    assert nir_from_chars("2O3O21l39l366O2").value == "203021139136602"
    corsica = nir_from_chars("2010 42B 216865 38")
    assert corsica.value == "201042B21686538" and corsica.valid


def test_nir_key_failure_is_reported_with_the_candidate_not_fixed():
    reading = nir_from_chars("203021139136603")
    assert reading.value == "203021139136603" and not reading.valid
    assert "misread" in reading.warnings[0].text()


def test_nir_in_a_line():
    assert find_nir("N° SS : 2 68 01 97 216 967 01").value == "268019721696701"


def test_rpps_luhn():
    ok = read_rpps("RPPS : 10570864974")
    assert ok.valid and ok.value == "10570864974"
    slip = read_rpps("RPPS : 1057O864975")  # O for 0 fixed; last digit misread
    assert slip.value == "10570864975" and not slip.valid
    assert [w.text() for w in slip.warnings] == [
        "RPPS check digit fails: a digit may be misread (expected 4 as last digit)"
    ]
    assert read_rpps("Tél. 06 13 70 18 59") is None


def test_a_quantity_then_a_price_across_a_column_gap_is_two_numbers():
    from desktop_app.intake.parse_amounts import find_amounts

    assert [str(a.value) for a in find_amounts("1   245,00 €")] == ["245.00"]
    assert [str(a.value) for a in find_amounts("2  12,50 €   25,00 €")] == ["12.50", "25.00"]
    # One space (or a no-break space) is the thousands separator French prints.
    assert [str(a.value) for a in find_amounts("Total 1 245,00 €")] == ["1245.00"]
    assert [str(a.value) for a in find_amounts("1\u00a0471,60 €")] == ["1471.60"]


def test_words_joined_as_printed_keep_a_column_gap():
    from desktop_app.intake.layout import Word
    from desktop_app.intake.parse_amounts import find_amounts, words_text

    def row(*cells):
        return [Word(text, x=x, y=0, w=10 * len(text), h=20) for x, text in cells]

    # The quantity in its column, the price in the next: three spaces between them.
    assert words_text(row((0, "1"), (60, "245,00"), (130, "€"))) == "1   245,00 €"
    assert [str(a.value) for a in find_amounts(words_text(row((0, "1"), (60, "245,00"))))] == ["245.00"]
    # Printed close together, the groups of one number stay one number.
    assert [str(a.value) for a in find_amounts(words_text(row((0, "1"), (16, "245,00"))))] == ["1245.00"]


def test_letters_for_digits_in_a_nir_outside_corsica():
    from desktop_app.core.identifiers import nir_key
    from desktop_app.intake.parse_ids import all_nirs, nir_misreads

    body = "1850775118234"
    nir = body + nir_key(body)
    assert [r.value for r in all_nirs(nir.replace("8", "B"))] == [nir]
    wrong = nir[:-2] + f"{(int(nir[-2:]) + 1) % 97:02d}"
    assert [r.value for r in nir_misreads(wrong)] == [wrong]
    assert nir_misreads(nir) == []
