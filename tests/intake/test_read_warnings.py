"""The reader's warnings are message ids with values, worded in English and French from
resources/intake/warnings.json; a warning kept as an English sentence still reads."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from desktop_app.intake import read_warnings, vocab
from desktop_app.intake.extract_common import Context
from desktop_app.intake.extract_statement import extract_statement
from desktop_app.intake.layout import text_layer_page
from desktop_app.intake.parse_ids import nir_from_chars, read_rpps
from desktop_app.intake.read_warnings import ReadWarning, warning

INTAKE = Path(read_warnings.__file__).parent


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_warning_has_both_languages_with_the_same_values():
    messages = vocab.load("warnings")["messages"]
    for message_id, texts in messages.items():
        assert texts.get("en") and texts.get("fr"), message_id
        assert _names(texts["en"]) == _names(texts["fr"]), message_id


def test_every_warning_the_readers_raise_is_in_the_file():
    messages = vocab.load("warnings")["messages"]
    raised = set()
    for module in INTAKE.glob("*.py"):
        raised |= set(re.findall(r"""warning\(\s*["']([\w.]+)["']""", module.read_text(encoding="utf-8")))
        raised |= set(re.findall(r"""ReadWarning\(\s*["']([\w.]+)["']""", module.read_text(encoding="utf-8")))
    assert raised, "no warning found in the readers"
    assert raised <= set(messages), raised - set(messages)


def test_an_unknown_id_is_refused_where_it_is_raised():
    with pytest.raises(KeyError):
        warning("read.no_such_warning")


def test_a_sum_that_differs_reads_in_english_as_before_and_in_french_with_its_amounts():
    w = warning("read.total_differs", amount="98.00", sum="96.00")
    assert w.text() == ("total 98.00 differs from the sum of the act lines (96.00): "
                        "an amount may be misread")
    assert w.text("fr") == ("le total 98,00\u00a0€ diffère de la somme des actes (96,00\u00a0€) : "
                            "un montant est peut-être mal lu")


def test_a_field_is_named_in_french_and_a_date_written_the_french_way():
    close = warning("read.two_readings", field="patient_name", first="MARTIN Claire", second="MARTIN Clara")
    assert close.text().startswith("patient_name: two readings are close (MARTIN Claire or MARTIN Clara)")
    assert close.text("fr") == "patient : deux lectures sont proches (MARTIN Claire ou MARTIN Clara) ; vérifiez-le"
    reread = warning("read.date_read_again", label="Date :", read="O4/O7/2O25", date="2025-07-04")
    assert reread.text() == ("the date after 'Date :' was read as 'O4/O7/2O25', not a date; "
                             "read again closer: 2025-07-04")
    assert reread.text("fr").endswith("relue de plus près : 04/07/2025")


def test_an_id_reading_says_its_doubt_as_an_id():
    slip = read_rpps("RPPS : 10570864975")
    assert slip.warnings == [warning("read.rpps_check_digit", expected_digit="4")]
    assert slip.warnings[0].text("fr").endswith("(dernier chiffre attendu : 4)")
    nir = nir_from_chars("203021139136603")
    assert nir.warnings[0].id in ("read.nir_key_fails", "read.nir_key_fails_one_fix")
    assert nir.warnings[0].text("fr").startswith("la clé du NIR ne correspond pas")


def test_a_statement_whose_total_differs_warns_in_both_languages():
    ctx = Context(pages=[text_layer_page(1, (
        "l'Assurance Maladie\n"
        "Date des soins    Nature          Montant payé    Montant remboursé\n"
        "04/06/2025        Consultation    30,00 €         19,00 €\n"
        "05/06/2025        Pharmacie       12,00 €         7,80 €\n"
        "Total remboursé : 28,80 €\n"))])
    extract_statement(ctx)
    [w] = [w for w in ctx.warnings if w.id == "read.paid_total_differs"]
    assert w.values == {"amount": "28.80", "sum": "26.80"}
    assert "differs from the sum of the statement lines (26.80)" in w.text("en")
    assert "diffère de la somme des lignes du relevé (26,80\u00a0€)" in w.text("fr")


def test_kept_warnings_read_back_whatever_version_wrote_them():
    w = warning("read.credit_note")
    assert ReadWarning.from_json(w.to_json()) == w
    old = ReadWarning.from_json("NIR key does not match: a digit may be misread")
    assert old.text("fr") == old.text("en") == "NIR key does not match: a digit may be misread"
    newer = ReadWarning.from_json({"id": "read.from_a_later_version", "values": {"text": "as it was said"}})
    assert newer.text("fr") == "as it was said"
    assert read_warnings.texts([w.to_json(), "an old sentence"], "fr") == [
        "avoir : le total vous est dû, il n'est pas à payer", "an old sentence"]


def test_a_kept_warning_whose_values_do_not_fit_still_reads():
    damaged = ReadWarning.from_json({"id": "read.total_differs", "values": {"amount": {"a": 1}}})
    assert damaged.text("fr").startswith("read.total_differs")
    assert ReadWarning.from_json({"id": "read.credit_note", "values": "not values"}).text() == (
        "credit note (avoir): the total is owed back to you, not to pay")
