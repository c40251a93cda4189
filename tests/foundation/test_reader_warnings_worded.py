"""A document's reader warnings are kept as ids with values and worded in the language of the
data folder: French when its "language" setting is French, English otherwise; a warning kept as
an English sentence by an older version reads as it was."""

import json

import pytest
from PIL import Image

from desktop_app.cli.main import main
from desktop_app.intake.read_warnings import warning
from desktop_app.services import documents

FRENCH = "le total 98,00\u00a0€ diffère de la somme des actes (96,00\u00a0€) : un montant est peut-être mal lu"
ENGLISH = "total 98.00 differs from the sum of the act lines (96.00): an amount may be misread"


@pytest.fixture
def read_with_a_warning(monkeypatch):
    from desktop_app import intake
    from desktop_app.intake.result import ExtractedField, ReadResult

    def read_documents(paths, **_kwargs):
        return [ReadResult(kind="care_sheet", fields={"total_amount": ExtractedField("98.00", 0.4, 1, None)},
                           pages=1, text="Feuille de soins", text_source="ocr",
                           warnings=[warning("read.total_differs", amount="98.00", sum="96.00")])
                for _ in paths]

    monkeypatch.setattr(intake, "read_documents", read_documents)


def _scan(tmp_path, name="feuille.png"):
    path = tmp_path / name
    Image.new("L", (200, 200), 255).save(path)
    return path


def test_a_french_folder_says_the_warning_in_french(ctx, tmp_path, read_with_a_warning):
    ctx.set_setting("language", "fr")
    [outcome] = documents.import_files(ctx, [_scan(tmp_path)])
    assert outcome.warnings == [FRENCH]
    assert outcome.to_dict()["notices"] == [
        {"id": "read.total_differs", "values": {"amount": "98.00", "sum": "96.00"}}]
    data = documents.document_dict(ctx, documents.get_document(ctx, outcome.document_id))
    assert data["warnings"] == [FRENCH]
    assert data["notices"] == [{"id": "read.total_differs", "values": {"amount": "98.00", "sum": "96.00"}}]
    ctx.set_setting("language", "en")  # kept as an id: the same warning reads in the new language
    data = documents.document_dict(ctx, documents.get_document(ctx, outcome.document_id))
    assert data["warnings"] == [ENGLISH]


def test_the_command_line_prints_it_in_the_folders_language(ctx, tmp_path, read_with_a_warning, capsys):
    ctx.set_setting("language", "fr")
    [outcome] = documents.import_files(ctx, [_scan(tmp_path)])
    code = main(["--data-dir", str(ctx.paths.root), "doc", "show", str(outcome.document_id)])
    assert code == 0 and FRENCH in capsys.readouterr().err
    ctx.set_setting("language", "en")
    main(["--data-dir", str(ctx.paths.root), "doc", "show", str(outcome.document_id)])
    assert ENGLISH in capsys.readouterr().err


def test_a_sentence_kept_by_an_older_version_reads_as_it_was(ctx, tmp_path, read_with_a_warning):
    [outcome] = documents.import_files(ctx, [_scan(tmp_path)])
    old = ["NIR key does not match: a digit may be misread"]
    with ctx.store.transaction():
        ctx.store.db.execute("UPDATE documents SET warnings = ? WHERE id = ?",
                             [json.dumps(old), outcome.document_id])
    ctx.set_setting("language", "fr")
    data = documents.document_dict(ctx, documents.get_document(ctx, outcome.document_id))
    assert data["warnings"] == old
    assert data["notices"] == [{"id": "read.as_read", "values": {"text": old[0]}}]
