"""A document's fields as typed: one check for the window and the command line."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli.main import main
from desktop_app.services import documents, field_checks


@pytest.mark.parametrize(
    ("name", "typed", "stored"),
    [
        ("birth_date", "04/07/1985", "1985-07-04"),
        ("birth_date", "1985-07-04", "1985-07-04"),
        ("total_amount", "30,50", "30.50"),
        ("total_amount", "1 234,50 €", "1234.50"),
        ("nir", "2 85 07 75 115 234 32", "285077511523432"),
        ("insured_nir", "2 85 07 75 115 234 32", "285077511523432"),
        ("signed", "oui", True),
        ("lpp_codes", "1180372; 1191014", ["1180372", "1191014"]),
        ("prescriber_rpps", "10000000009", "10000000009"),
    ],
)
def test_accepted_values_are_stored_typed(name, typed, stored):
    check = field_checks.check_field(name, typed)
    assert check.ok and check.value == stored and check.warning is None


@pytest.mark.parametrize(
    ("name", "typed", "english", "french"),
    [
        ("birth_date", "31/02/2025", "“31/02/2025” is not a date: write it DD/MM/YYYY",
         "« 31/02/2025 » n'est pas une date : écrivez-la JJ/MM/AAAA"),
        ("total_amount", "trente", "is not an amount", "n'est pas un montant"),
        ("nir", "2 85 07 75 115 234 99", "key is 99 but its first 13 characters give 32",
         "La clé du NIR est 99 mais ses 13 premiers caractères donnent 32"),
        ("nir", "2 85 07 75 115 234", "needs its 2-digit key at the end: 32", "clé de 2 chiffres"),
        ("insured_nir", "12345", "this one has 5", "celui-ci en a 5"),
        ("prescriber_rpps", "123", "11 digits; this one has 3", "11 chiffres ; celui-ci en a 3"),
        ("signed", "peut-être", "type yes or no", "tapez oui ou non"),
    ],
)
def test_refused_values_say_why_in_both_languages(name, typed, english, french):
    check = field_checks.check_field(name, typed)
    assert not check.ok
    assert english in check.error_text("en")
    assert french in check.error_text("fr")


def test_an_rpps_whose_check_digit_fails_is_kept_with_a_warning():
    check = field_checks.check_field("prescriber_rpps", "10000000008")
    assert check.ok and check.value == "10000000008"
    assert "expected 9 last" in check.warning_text("en")


def test_every_field_the_checklist_asks_of_a_kind_is_offered(ctx):
    from desktop_app.services.tracking import completeness_rules

    for kind, names in completeness_rules(ctx)["document_fields"].items():
        assert set(names) <= set(field_checks.kind_fields(ctx, kind)), kind
    assert field_checks.kind_fields(ctx, "care_sheet")[:3] == ("patient_name", "birth_date", "nir")
    assert field_checks.kind_fields(ctx, "other") == ()


def _care_sheet(ctx, monkeypatch, tmp_path):
    from desktop_app import intake
    from desktop_app.intake.result import ExtractedField, ReadResult

    def read(paths, **_kwargs):
        return [ReadResult(kind="care_sheet", pages=1, text="feuille", text_source="ocr",
                           fields={"nir": ExtractedField("285077511523432", 0.6, page=1)})
                for _ in paths]

    monkeypatch.setattr(intake, "read_documents", read)
    path = tmp_path / "sheet.png"
    from PIL import Image

    Image.new("L", (40, 40), 255).save(path)
    return documents.import_files(ctx, [path])[0].document_id


def test_one_field_typed_alone_leaves_the_others_to_check(ctx, monkeypatch, tmp_path):
    doc_id = _care_sheet(ctx, monkeypatch, tmp_path)
    doc = documents.confirm_document(ctx, doc_id, {"birth_date": "04/07/1985"}, confirm_others=False)
    assert doc.fields["birth_date"].value == "1985-07-04" and doc.fields["birth_date"].confirmed
    assert not doc.fields["nir"].confirmed
    doc = documents.restore_fields(ctx, doc_id, {"birth_date": None})
    assert "birth_date" not in doc.fields and not doc.fields["nir"].confirmed


def test_the_command_line_refuses_what_the_window_refuses(ctx, monkeypatch, tmp_path, capsys):
    doc_id = _care_sheet(ctx, monkeypatch, tmp_path)
    root = str(ctx.paths.root)
    code = main(["--data-dir", root, "doc", "confirm", str(doc_id), "birth_date=31/02/2025"])
    err = capsys.readouterr().err
    assert code == 2 and "birth_date: “31/02/2025” is not a date: write it DD/MM/YYYY" in err
    assert "birth_date" not in documents.get_document(ctx, doc_id).fields
    code = main(["--data-dir", root, "doc", "confirm", str(doc_id), "birth_date=04/07/1985", "--json"])
    shown = json.loads(capsys.readouterr().out)
    assert code == 0 and shown["fields"]["birth_date"]["value"] == "1985-07-04"
