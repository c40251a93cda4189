import datetime as dt
import json

import pytest

from desktop_app.intake.parse_dates import find_dates, parse_date, parse_date_digits

TODAY = dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Date : 02.10.2025", "2025-10-02"),
        ("Fait à Limoges le 7 juin 2025", "2025-06-07"),
        ("le 1er juillet 2025", "2025-07-01"),
        ("4 juillet 2025", "2025-07-04"),
        ("Paris, le 1ER AOÛT 2025", "2025-08-01"),
        ("Date de facture : 28/12/2025", "2025-12-28"),
        ("du 02 Juillet 2015", "2015-07-02"),
        ("12 sept. 2025", "2025-09-12"),
        ("2025-10-02", "2025-10-02"),
        ("O2/1O/2O25", "2025-10-02"),  # OCR reads 0 as O
        ("l2/03/2026", "2026-03-12"),  # and 1 as l
        ("04 / 04 / 2026", "2026-04-04"),
        ("le 3/4/25", "2025-04-03"),
        ("Facture n° 2022089083 Date : 28/11/2022", "2022-11-28"),
    ],
)
def test_french_dates_with_ocr_noise(text, expected):
    assert parse_date(text, today=TODAY).isoformat() == expected


@pytest.mark.parametrize(
    "text",
    ["06 13 70 18 59", "RPPS : 10570864974", "31/02/2025", "45,90 €", "version 1.2.3", "AMK 8"],
)
def test_not_dates(text):
    assert parse_date(text, today=TODAY) is None


def test_birth_date_and_document_date_both_found_in_order():
    found = find_dates("née le 05/11/2002   Fait le 7 juin 2025", today=TODAY)
    assert [d.date.isoformat() for d in found] == ["2002-11-05", "2025-06-07"]


def test_boxed_digits():
    assert parse_date_digits("22 02 2003", today=TODAY) == dt.date(2003, 2, 22)
    assert parse_date_digits("2202", today=TODAY) is None


def _dateparser_cases(shared):
    data = json.loads((shared / "realdata/dates/dateparser_fr_cases.json").read_text("utf-8"))
    return data


# "Jeu 15:12" is a weekday and an hour relative to "now": not something printed on paperwork.
_RELATIVE = {"Jeu 15:12"}


def test_dateparser_french_vectors(shared):
    data = _dateparser_cases(shared)
    cases = data["parse_cases"] + data["other_parse_cases"]
    base = dt.date(2012, 11, 13)  # the RELATIVE_BASE the upstream tests use
    checked = 0
    for case in cases:
        if case["input"] in _RELATIVE:
            continue
        expected = case["expected"][:10]
        got = parse_date(case["input"], reference=base)
        assert got is not None and got.isoformat() == expected, case
        checked += 1
    assert checked >= 15


def test_dateparser_search_vectors(shared):
    data = _dateparser_cases(shared)
    for case in data["search_dates_cases"]:
        got = [d.date.isoformat() for d in find_dates(case["input"]) if not d.partial]
        assert got == [m[1][:10] for m in case["expected_matches"]], case


def test_paperless_vectors(shared):
    data = json.loads((shared / "realdata/dates/paperless_ngx_date_cases.json").read_text("utf-8"))
    for case in data["parse_date_cases"]:
        got = parse_date(case["input"])
        assert (got.isoformat() if got else None) == case["expected"], case
    for case in data["parse_string_with_date_order_cases"]:
        if case["date_order"] != "DMY" and case["input"][:4].isdigit() is False:
            continue  # month-first numeric dates are not French
        got = parse_date(case["input"])
        if "expected_year" in case:
            assert got is not None and got.year == case["expected_year"], case
        else:
            assert got is None, case
    multi = data["multiple_dates_case"]
    got = [d.date.isoformat() for d in find_dates(multi["input"])]
    assert got == multi["expected_all"]
