"""Importing through the service the GUI uses: progress, cancel, OCR missing, re-read, search."""

import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from desktop_app.cli.main import main
from desktop_app.core.model import ReadState
from desktop_app.services import document_import, documents, people

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _font(size):
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default()


def invoice_image(path, number="F2025-000123", total="304,90"):
    image = Image.new("RGB", (1240, 900), "white")
    draw = ImageDraw.Draw(image)
    lines = [
        "Orthopédie Durand SARL",
        f"Facture N° {number}",
        "Date : 04/07/2025",
        "Patient : Claire MARTIN",
        "Stimulateur périnéal   LPP 1180372   304,90 €",
        f"Total TTC : {total} €",
    ]
    for i, text in enumerate(lines):
        draw.text((80, 80 + i * 90), text, fill="black", font=_font(40))
    image.save(path)
    return path


@pytest.fixture
def claire(ctx):
    return people.add_person(ctx, name="Claire Martin").person


def test_progress_is_reported_per_file(ctx, claire, tmp_path):
    files = [invoice_image(tmp_path / f"f{i}.png", number=f"F2025-00012{i}") for i in range(2)]
    seen = []
    outcomes = documents.import_files(ctx, files, person_ref=claire.name,
                                      progress=lambda done, total, msg: seen.append((done, total, msg)))
    assert all(o.ok for o in outcomes)
    assert seen[-1][:2] == (2, 2)
    assert any("page 1 of 2" in str(msg) for _, _, msg in seen)  # both read together, over the cores
    steps = [msg for _, _, msg in seen if isinstance(msg, documents.ImportStep)]
    if steps:  # with Tesseract: each file's stages, named by the file given (not its copy)
        assert {Path(s.file).name for s in steps} == {"f0.png", "f1.png"}
        for name in ("f0.png", "f1.png"):
            order = [s.stage for s in steps if Path(s.file).name == name]
            assert order == ["decoding", "preparing", "reading", "fields"]


def test_cancel_stores_nothing_half_done(ctx, claire, tmp_path, monkeypatch):
    monkeypatch.setattr(document_import.os, "cpu_count", lambda: 1)  # read two files at a time
    files = [invoice_image(tmp_path / f"f{i}.png", number=f"F2025-00099{i}") for i in range(4)]

    def cancel_once_the_first_two_are_stored():
        return len(ctx.store.documents()) >= 2

    outcomes = documents.import_files(
        ctx, files, person_ref=claire.name, should_cancel=cancel_once_the_first_two_are_stored
    )
    assert len(outcomes) == 2 and all(o.ok for o in outcomes)
    assert len(ctx.store.documents()) == 2
    stored = [p for p in ctx.paths.originals.rglob("*") if p.is_file() and p.suffix == ".png"]
    assert len(stored) == 2
    assert not any(p.is_file() for p in ctx.paths.tmp.rglob("*"))


@pytest.mark.ocr
def test_cancel_in_the_middle_of_reading_stores_nothing_of_it(ctx, claire, tmp_path):
    files = [invoice_image(tmp_path / f"g{i}.png", number=f"F2025-00077{i}") for i in range(2)]
    calls = {"n": 0}

    def cancel_after_a_page():
        calls["n"] += 1
        return calls["n"] > 2

    outcomes = documents.import_files(ctx, files, person_ref=claire.name, should_cancel=cancel_after_a_page)
    assert outcomes == []
    assert ctx.store.documents() == []
    assert not any(p.is_file() and p.suffix == ".png" for p in ctx.paths.originals.rglob("*"))


def test_the_same_file_twice_in_one_import_is_stored_once(ctx, claire, tmp_path):
    path = invoice_image(tmp_path / "a.png")
    copy = tmp_path / "b.png"
    copy.write_bytes(path.read_bytes())
    outcomes = documents.import_files(ctx, [path, copy], person_ref=claire.name)
    assert outcomes[0].ok and not outcomes[1].ok and "imported once" in outcomes[1].error
    assert len(ctx.store.documents()) == 1


def test_imported_fields_are_read_not_confirmed_then_confirmed(ctx, claire, tmp_path):
    path = invoice_image(tmp_path / "facture.png")
    [outcome] = documents.import_files(ctx, [path], person_ref=claire.name)
    doc = ctx.store.document(outcome.document_id)
    assert doc.kind == "invoice"
    assert doc.fields["total_amount"].value == "304.90"
    assert not doc.fields["total_amount"].confirmed
    doc = documents.confirm_document(ctx, doc.id, {"invoice_number": "F2025-000124"})
    assert doc.fields["invoice_number"].value == "F2025-000124"
    assert all(f.confirmed for f in doc.fields.values())
    hits = documents.search(ctx, "stimulateur perineal")
    assert [h["id"] for h in hits] == [doc.id]
    assert documents.search(ctx, "stimu")  # as you type


def test_without_tesseract_images_are_stored_not_read_then_reread(ctx, claire, tmp_path, capsys):
    ctx.set_setting("tesseract_cmd", str(tmp_path / "no-tesseract"))
    path = invoice_image(tmp_path / "facture.png")
    [outcome] = documents.import_files(ctx, [path], person_ref=claire.name)
    assert outcome.ok and outcome.read_state == ReadState.NOT_READ
    assert "install tesseract-ocr" in outcome.message()
    ctx.set_setting("tesseract_cmd", None)
    code = main(["--data-dir", str(ctx.paths.root), "doc", "reread", str(outcome.document_id), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    from desktop_app import intake

    if intake.ocr_available():
        assert out["read_state"] == "read" and out["kind"] == "invoice"


def test_confirm_rejects_bad_values(ctx, claire, tmp_path, capsys):
    ctx.set_setting("tesseract_cmd", str(tmp_path / "no-tesseract"))
    [outcome] = documents.import_files(ctx, [invoice_image(tmp_path / "x.png")], person_ref=claire.name)
    code = main(["--data-dir", str(ctx.paths.root), "doc", "confirm", str(outcome.document_id), "date=31/02/2025"])
    assert code == 2 and "not a date" in capsys.readouterr().err
    code = main(["--data-dir", str(ctx.paths.root), "doc", "confirm", str(outcome.document_id), "nir=123"])
    assert code == 2 and "NIR" in capsys.readouterr().err



def test_a_document_naming_someone_else_is_flagged(ctx, tmp_path, monkeypatch):
    from desktop_app import intake
    from desktop_app.intake.result import ExtractedField, ReadResult

    def read_documents(paths, **_kwargs):
        return [ReadResult(kind="invoice", fields={"patient_name": ExtractedField("MARTIN Claire", 0.9, 1, None)},
                           pages=1, text="Facture", text_source="ocr") for _ in paths]

    monkeypatch.setattr(intake, "read_documents", read_documents)
    people.add_person(ctx, name="Paul Durand")
    people.add_person(ctx, name="Claire Martin")
    [outcome] = documents.import_files(ctx, [invoice_image(tmp_path / "f.png")], person_ref="Paul Durand")
    assert outcome.ok and any("names MARTIN Claire, not Paul Durand" in w for w in outcome.warnings)
    [outcome] = documents.import_files(ctx, [invoice_image(tmp_path / "g.png", number="F9")], person_ref="Claire Martin")
    assert not any("check whose document" in w for w in outcome.warnings)


def test_the_terminal_progress_line_shows_a_files_reading_step(monkeypatch, capsys):
    import sys

    from desktop_app.cli import documents_cmd

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    documents_cmd._progress(0, 1, documents.ImportStep("/tmp/scan.jpg", "reading", 1, 1))
    assert "[1/1] /tmp/scan.jpg: reading the text" in capsys.readouterr().err


def test_refusals_in_french_name_the_file_and_the_fix(ctx, tmp_path):
    empty = tmp_path / "vide.png"
    empty.write_bytes(b"")
    archive = tmp_path / "scans.pdf"
    archive.write_bytes(b"PK\x03\x04" + b"\0" * 200)
    huge = tmp_path / "geant.png"
    Image.new("L", (12000, 11000), 255).save(huge)
    outcomes = documents.import_files(ctx, [empty, archive, huge], lang="fr")
    errors = [o.error for o in outcomes]
    assert errors[0].endswith("vide.png : le fichier est vide (0 octet) ; numérisez-le ou exportez-le à nouveau")
    assert errors[1].endswith("scans.pdf est une archive ZIP, pas un PDF : extrayez-en d'abord le contenu")
    assert "geant.png a trop de pixels (12000x11000 pixels), au-delà de la limite de" in errors[2]
    assert errors[2].endswith("Mpx : numérisez-le à nouveau à 300 dpi")
    english = documents.import_files(ctx, [empty, archive], lang="en")
    assert english[0].error.endswith("vide.png: the file is empty (0 bytes); scan or export it again")
    assert english[1].error.endswith("scans.pdf is a ZIP archive, not a PDF: extract it first")


def test_the_language_setting_words_the_refusals(ctx, tmp_path):
    empty = tmp_path / "vide.png"
    empty.write_bytes(b"")
    ctx.set_setting("language", "fr")
    [outcome] = documents.import_files(ctx, [empty])
    assert "le fichier est vide" in outcome.error


def test_paul_martin_is_not_claire_martin(ctx, tmp_path, monkeypatch):
    from desktop_app import intake
    from desktop_app.intake.result import ExtractedField, ReadResult

    def read_documents(paths, **_kwargs):
        return [ReadResult(kind="invoice", fields={"patient_name": ExtractedField("Paul MARTIN", 0.9, 1, None)},
                           pages=1, text="Facture", text_source="ocr") for _ in paths]

    monkeypatch.setattr(intake, "read_documents", read_documents)
    people.add_person(ctx, name="Claire Martin")
    people.add_person(ctx, name="Paul Martin")
    [outcome] = documents.import_files(ctx, [invoice_image(tmp_path / "f.png")], person_ref="Claire Martin")
    assert "the document names Paul MARTIN, not Claire Martin" in outcome.warnings[-1]
    paul = people.find_person(ctx, "Paul Martin")
    assert outcome.to_dict()["names_other"] == {
        "named": "Paul MARTIN", "filed_under": "Claire Martin",
        "filed_under_id": people.find_person(ctx, "Claire Martin").id,
        "match_id": paul.id, "match_name": "Paul Martin"}
    doc = documents.get_document(ctx, outcome.document_id)
    assert documents.document_name_mismatch(ctx, doc).match_id == paul.id


def test_a_file_imported_into_a_claim_is_the_claim_persons(ctx, tmp_path, monkeypatch, capsys):
    from desktop_app import intake
    from desktop_app.intake.result import ReadResult
    from desktop_app.services import claims

    monkeypatch.setattr(intake, "read_documents", lambda paths, **_k: [
        ReadResult(kind="invoice", fields={}, pages=1, text="Facture", text_source="ocr") for _ in paths])
    people.add_person(ctx, name="Claire Martin")
    claim = claims.new_claim(ctx, "Claire Martin", care_date="2025-06-20", category="pharmacy",
                             amount_paid="12.00")
    [outcome] = documents.import_files(ctx, [invoice_image(tmp_path / "f.png")], claim_id=claim.id)
    doc = documents.get_document(ctx, outcome.document_id)
    assert doc.claim_id == claim.id and doc.person_id == people.find_person(ctx, "Claire Martin").id
