"""What corrections teach is kept with the household, can be forgotten, and stays with its issuer."""

from __future__ import annotations

import datetime as _dt
import json

import pytest

from desktop_app.cli.main import main
from desktop_app.services import archive, documents, layout_memory
from tests.layouts.made_up_issuers import pharmacy_receipt, podology_invoice, series


def teach(ctx, path, paper) -> int:
    """Import a paper and correct its date and total as the document pane does."""
    [outcome] = documents.import_files(ctx, [path])
    for name, typed in (("date", paper.issued.strftime("%d/%m/%Y")),
                        ("total_amount", paper.total.replace(".", ","))):
        documents.confirm_document(ctx, outcome.document_id, {name: typed}, confirm_others=False)
    return outcome.document_id


def read_values(ctx, path) -> dict:
    [outcome] = documents.import_files(ctx, [path])
    doc = ctx.store.document(outcome.document_id)
    return {n: (doc.fields[n].value if n in doc.fields else None) for n in ("date", "total_amount")}


def right(paper) -> dict:
    return {"date": paper.issued.isoformat(), "total_amount": paper.total}


@pytest.mark.ocr
def test_the_memory_survives_an_archive_export_and_import(ctx, podology_series, tmp_path):
    from desktop_app.services.context import open_context

    (first, first_file), (second, second_file) = podology_series[:2]
    teach(ctx, first_file, first)
    before = [i.to_dict() for i in layout_memory.list_layouts(ctx)]
    assert len(before) == 1
    archive.export_archive(ctx, tmp_path / "everything.zip")

    other = open_context(tmp_path / "new-computer")
    try:
        result = archive.import_archive(other, tmp_path / "everything.zip")
        assert result.mode == "restore"
        assert [i.to_dict() for i in layout_memory.list_layouts(other)] == before
        # What was taught works on the new computer: the next paper comes in right.
        assert read_values(other, second_file) == right(second)
    finally:
        other.close()

    # Merged into a household that has its own records, the layout comes along once.
    third = open_context(tmp_path / "another")
    try:
        from desktop_app.services import people

        people.add_person(third, name="Zoé Arnaud")
        archive.import_archive(third, tmp_path / "everything.zip")
        archive.import_archive(third, tmp_path / "everything.zip")
        [merged] = layout_memory.list_layouts(third)
        assert merged.issuer_key == before[0]["issuer_key"]
        assert merged.fields == before[0]["fields"]
    finally:
        third.close()


@pytest.mark.ocr
def test_forgetting_a_layout_reads_its_issuer_as_any_other(ctx, podology_series, capsys):
    (first, first_file), (second, second_file), (third, third_file) = podology_series[:3]
    teach(ctx, first_file, first)
    assert read_values(ctx, second_file) == right(second)

    assert main(["layouts", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["issuer_type"] == "siret" and listed["uses"] == 1
    assert listed["labels"]["total_amount"] == "montant de la prestation"

    assert main(["layouts", "forget", str(listed["id"]), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["forgotten"] == 1
    assert layout_memory.list_layouts(ctx) == []
    assert read_values(ctx, third_file) != right(third)  # the reader alone again

    assert main(["layouts", "forget", str(listed["id"])]) == 2  # no longer there
    assert "no remembered layout" in capsys.readouterr().err


@pytest.mark.ocr
def test_forget_all(ctx, podology_series, capsys):
    (first, first_file) = podology_series[0]
    teach(ctx, first_file, first)
    assert main(["layouts", "forget", "--all", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"forgotten": 1}
    assert main(["layouts", "list"]) == 0
    assert "no layout remembered yet" in capsys.readouterr().out
    assert main(["layouts", "forget"]) == 2


@pytest.mark.ocr
def test_a_paper_without_issuer_number_teaches_only_papers_with_its_letterhead(ctx, tmp_path):
    first, second = series(2)
    unnumbered = tmp_path / "sans-siret-1.png"
    podology_invoice(first, siret=None).save(unnumbered)
    teach(ctx, unnumbered, first)
    [taught] = layout_memory.list_layouts(ctx)
    assert taught.issuer_type == "fingerprint"

    # Another issuer's paper, no number either, printing the same label over another figure:
    # its total stays what its own "Net à payer" says.
    receipt = tmp_path / "optique.png"
    pharmacy_receipt(_dt.date(2025, 5, 6), "189.00", "Paul Roussel").save(receipt)
    assert read_values(ctx, receipt) == {"date": "2025-05-06", "total_amount": "189.00"}
    assert layout_memory.list_layouts(ctx)[0].uses == 0

    # The same issuer's next paper is known by its letterhead.
    again = tmp_path / "sans-siret-2.png"
    podology_invoice(second, siret=None).save(again)
    assert read_values(ctx, again) == right(second)


@pytest.mark.ocr
def test_a_siret_known_to_the_memory_is_not_taken_for_another(ctx, podology_series, tmp_path):
    from tests.layouts.made_up_issuers import OTHER_SIRET

    (first, first_file), (second, _) = podology_series[:2]
    teach(ctx, first_file, first)
    elsewhere = tmp_path / "autre-cabinet.png"
    podology_invoice(second, siret=OTHER_SIRET, name="CABINET PODOLOGIQUE DU CAUSSE",
                     street="3 place du Marché - 46100 Figeac").save(elsewhere)
    assert read_values(ctx, elsewhere) != right(second)
    assert layout_memory.list_layouts(ctx)[0].uses == 0


@pytest.mark.ocr
def test_undoing_a_correction_undoes_what_it_taught(ctx, podology_series):
    (first, first_file), (second, second_file) = podology_series[:2]
    [outcome] = documents.import_files(ctx, [first_file])
    doc = ctx.store.document(outcome.document_id)
    before = {"date": doc.fields.get("date")}
    documents.confirm_document(ctx, doc.id, {"date": first.issued.strftime("%d/%m/%Y")},
                               confirm_others=False)
    documents.confirm_document(ctx, doc.id, {"total_amount": first.total.replace(".", ",")},
                               confirm_others=False)
    assert layout_memory.list_layouts(ctx)[0].fields == ["date", "total_amount"]
    # The window's "Undo the last field change" on the date: the same call.
    documents.restore_fields(ctx, doc.id, before)
    [left] = layout_memory.list_layouts(ctx)
    assert left.fields == ["total_amount"]
    values = read_values(ctx, second_file)
    assert values["total_amount"] == second.total and values["date"] != second.issued.isoformat()


def test_an_archive_restored_where_layouts_were_taught_keeps_both(ctx, tmp_path):
    """Every record gone (the Trash emptied) but a layout taught meanwhile: the archive is
    restored beside it, nothing refused."""
    from desktop_app.services.context import open_context

    elsewhere = open_context(tmp_path / "elsewhere")
    try:
        elsewhere.store.save_layout_memory({
            "kind": "invoice", "issuer_type": "siret", "issuer_key": "53018447200013",
            "issuer_name": "Centre de soins", "fingerprint": "[]", "fields": "{}"})
        archive.export_archive(elsewhere, tmp_path / "elsewhere.zip")
    finally:
        elsewhere.close()
    ctx.store.save_layout_memory({
        "kind": "invoice", "issuer_type": "siret", "issuer_key": "81947265500011",
        "issuer_name": "Cabinet", "fingerprint": "[]", "fields": "{}"})
    result = archive.import_archive(ctx, tmp_path / "elsewhere.zip")
    assert result.mode == "restore"
    assert sorted(i.issuer_key for i in layout_memory.list_layouts(ctx)) == [
        "53018447200013", "81947265500011"]
