"""Archives: export, restore into an empty folder, merge without duplicates, refuse damage."""

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from desktop_app.services import archive
from desktop_app.services.archive import importing
from desktop_app.services.context import open_context
from tests.cli_helpers import NIR, run, run_json


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a real text layer, written by hand."""
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    stream = ("BT /F1 12 Tf 50 750 Td 14 TL " + " ".join(f"({t}) '" for t in escaped) + " ET").encode(
        "latin-1"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def image(path: Path, text: str) -> Path:
    picture = Image.new("RGB", (500, 250), "white")
    ImageDraw.Draw(picture).text((30, 30), text, fill="black")
    picture.save(path, "JPEG")
    return path


def db_dump(data_dir: Path) -> dict:
    conn = sqlite3.connect(f"{(data_dir / 'paperasse.db').as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE '%fts%' ORDER BY name")]
        from desktop_app.store.migrations import DERIVED_TABLES

        # Derived tables (the claims' random revisions) are rebuilt, not restored.
        dump = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in tables if t not in DERIVED_TABLES}
        dump["search"] = conn.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'facture' ORDER BY rowid"
        ).fetchall()
        for table in ("claims_fts", "people_fts"):  # the other indexes, rebuilt as well
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [table]).fetchone():
                dump[table] = conn.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid").fetchall()
        return dump
    finally:
        conn.close()


def file_hashes(data_dir: Path) -> dict[str, str]:
    root = data_dir / "originals"
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*") if p.is_file() and p.name != "originals.lock"
    }


def folder_listing(data_dir: Path) -> dict[str, str]:
    return {
        str(p.relative_to(data_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and not p.name.startswith("paperasse.db")
    }


def views(capsys, data_dir: Path) -> dict:
    d = str(data_dir)
    docs = run_json(capsys, "--data-dir", d, "doc", "list")
    for doc in docs:
        doc["stored_path"] = str(Path(doc["stored_path"]).relative_to(data_dir))
    return {
        "documents": docs,
        "claims": run_json(capsys, "--data-dir", d, "claim", "list"),
        "people": run_json(capsys, "--data-dir", d, "person", "list"),
    }


@pytest.fixture
def household(tmp_path, capsys) -> Path:
    """Claire and her son Léo, a scan and a text PDF with confirmed fields, two claims,
    payer history and a setting."""
    home = tmp_path / "home"
    d = str(home)
    assert run(capsys, "--data-dir", d, "person", "add", "--name", "Claire Martin", "--nir", NIR,
               "--birth-date", "1985-07-04", "--mutuelle", "MGEN")[0] == 0
    assert run(capsys, "--data-dir", d, "person", "add", "--name", "Léo Martin",
               "--beneficiary-of", "Claire Martin", "--birth-date", "2019-03-02")[0] == 0
    scan = image(tmp_path / "ordonnance.jpg", "Ordonnance du 4 juillet 2025")
    pdf = tmp_path / "facture-kine.pdf"
    pdf.write_bytes(text_pdf(["FACTURE", "Kinesitherapeute Paul Durand", "Date : 04/07/2025",
                              "Total : 45,00 EUR"]))
    assert run(capsys, "--data-dir", d, "import", str(scan), "--person", "Claire Martin")[0] == 0
    assert run(capsys, "--data-dir", d, "import", str(pdf), "--person", "Léo Martin")[0] == 0
    assert run(capsys, "--data-dir", d, "doc", "confirm", "1", "date=2025-07-04")[0] == 0
    assert run(capsys, "--data-dir", d, "doc", "confirm", "2", "total_amount=45.00")[0] == 0
    assert run(capsys, "--data-dir", d, "claim", "new", "--person", "Claire Martin", "--date",
               "2025-07-04", "--category", "consultation", "--paid", "30", "--doc", "1")[0] == 0
    assert run(capsys, "--data-dir", d, "claim", "new", "--person", "Léo Martin", "--date",
               "2025-07-04", "--category", "paramedical", "--paid", "45", "--title", "kiné",
               "--doc", "2")[0] == 0
    ctx = open_context(home)
    try:
        ctx.store.add_event({"claim_id": 1, "payer": "cpam", "state": "sent", "date": "2025-07-05",
                             "channel": "post", "at": "2025-07-05T10:00:00+02:00"})
        ctx.store.add_event({"claim_id": 1, "payer": "cpam", "state": "paid", "amount": "20.00",
                             "source_document_id": 1, "at": "2025-07-20T10:00:00+02:00"})
        undone = ctx.store.add_event({"claim_id": 2, "payer": "mutuelle", "state": "sent",
                                      "at": "2025-07-06T10:00:00+02:00"})
        ctx.store.mark_event_undone(undone)
        ctx.set_setting("follow_up_days", 45)
    finally:
        ctx.close()
    return home


@pytest.fixture
def exported(household, tmp_path, capsys) -> Path:
    out = tmp_path / "out" / "famille.zip"
    out.parent.mkdir()
    code, text, err = run(capsys, "--data-dir", str(household), "archive", "export", str(out))
    assert code == 0, err
    assert "2 people, 2 documents, 2 claims, 2 originals" in text
    return out


def test_archive_layout(exported, household):
    with zipfile.ZipFile(exported) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        docs = json.loads(zf.read("records/documents.json"))
        infos = {i.filename: i for i in zf.infolist()}
    assert manifest["format"] == "paperasse-archive" and manifest["schema_version"] == 1
    assert manifest["counts"]["track_events"] == 3 and manifest["counts"]["settings"] == 1
    assert {"app_version", "db_schema_version", "created_at"} <= set(manifest)
    assert manifest["files"] == file_hashes(household)
    for table in ("people", "documents", "document_fields", "claims", "track_events", "settings"):
        assert f"records/{table}.json" in names
    assert {"text", "warnings", "fields_text", "id"} <= set(docs[0])
    for name in manifest["files"]:
        assert infos[f"originals/{name}"].compress_type == zipfile.ZIP_STORED  # JPEG and PDF
    assert exported.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in exported.parent.iterdir()] == ["famille.zip"]  # no temporary left


def test_export_refuses_to_overwrite(exported, household, capsys):
    before = exported.read_bytes()
    code, out, err = run(capsys, "--data-dir", str(household), "archive", "export", str(exported))
    assert code == 2 and "already exists" in err and exported.read_bytes() == before


def test_restore_into_empty_folder_then_again(exported, household, tmp_path, capsys):
    target = tmp_path / "new"
    code, out, err = run(capsys, "--data-dir", str(target), "archive", "import", str(exported))
    assert code == 0, err
    assert out.startswith("restored")
    assert views(capsys, target) == views(capsys, household)
    assert db_dump(target) == db_dump(household)
    assert file_hashes(target) == file_hashes(household)
    assert run_json(capsys, "--data-dir", str(target), "search", "facture")  # search index rebuilt

    dump = db_dump(target)
    report = run_json(capsys, "--data-dir", str(target), "archive", "import", str(exported))
    assert report["mode"] == "merge" and not any(report["added"].values())
    assert report["skipped"]["documents"] == 2 and report["safety_backup"] is None
    assert db_dump(target) == dump
    assert file_hashes(target) == file_hashes(household)


def test_merge_into_a_household_with_records(exported, household, tmp_path, capsys):
    target = tmp_path / "other"
    d = str(target)
    run(capsys, "--data-dir", d, "person", "add", "--name", "Paul Dupont")
    run(capsys, "--data-dir", d, "person", "add", "--name", "claire martin")  # same person
    run(capsys, "--data-dir", d, "claim", "new", "--person", "Paul Dupont", "--date", "2025-01-10",
        "--paid", "25")
    run(capsys, "--data-dir", d, "import", str(tmp_path / "ordonnance.jpg"))  # same content
    before = views(capsys, target)

    report = run_json(capsys, "--data-dir", d, "archive", "import", str(exported))

    assert report["mode"] == "merge" and report["safety_backup"]
    pdf_fields = len(views(capsys, household)["documents"][1]["fields"])
    assert report["added"] == {"people": 1, "claims": 2, "documents": 1,
                               "document_fields": pdf_fields, "track_events": 3, "settings": 1}
    assert report["skipped"]["people"] == 1 and report["skipped"]["documents"] == 1
    after = views(capsys, target)
    names = [p["name"] for p in after["people"]]
    assert sorted(names) == ["Léo Martin", "Paul Dupont", "claire martin"]
    leo = next(p for p in after["people"] if p["name"] == "Léo Martin")
    assert leo["beneficiary_of"] == "claire martin"
    assert after["documents"][0] == before["documents"][0]  # the existing copy is untouched
    pdf = next(doc for doc in after["documents"] if doc["original_name"] == "facture-kine.pdf")
    assert pdf["person"] == "Léo Martin" and pdf["fields"]["total_amount"]["confirmed"]
    kine = next(c for c in after["claims"] if c["title"] == "kiné")
    assert pdf["claim_id"] == kine["id"] and [x["id"] for x in kine["documents"]] == [pdf["id"]]
    assert len({c["id"] for c in after["claims"]}) == 3
    ctx = open_context(target)
    try:
        events = ctx.store.events()
        ordonnance_id = ctx.store.document_id_by_sha(before["documents"][0]["sha256"])
    finally:
        ctx.close()
    assert len(events) == 3
    assert [e.source_document_id for e in events if e.event.state == "paid"] == [ordonnance_id]
    assert file_hashes(target) == file_hashes(household)

    dump = db_dump(target)
    again = run_json(capsys, "--data-dir", d, "archive", "import", str(exported))
    assert not any(again["added"].values())
    assert db_dump(target) == dump


def test_merge_refuses_a_person_with_another_nir(exported, tmp_path, capsys):
    target = tmp_path / "other"
    d = str(target)
    run(capsys, "--data-dir", d, "person", "add", "--name", "Claire Martin", "--nir",
        "1 84 12 76 451 089 46")
    run(capsys, "--data-dir", d, "person", "list")  # start-up work (a daily backup) done
    dump, files = db_dump(target), folder_listing(target)
    code, out, err = run(capsys, "--data-dir", d, "archive", "import", str(exported))
    assert code == 2 and "another NIR" in err and err.endswith("nothing was changed\n")
    assert db_dump(target) == dump and folder_listing(target) == files


def _rewrite(source: Path, target: Path, change) -> Path:
    """Copy an archive member by member, letting ``change(name, data)`` alter or drop some."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            result = change(info.filename, zin.read(info))
            for name, data in ([] if result is None else result):
                zout.writestr(name, data)
    return target


def _flip_in_original_keep_crc(exported: Path, tmp: Path) -> Path:
    def change(name, data):
        if name.startswith("originals/") and name.endswith(".pdf"):
            data = data.replace(b"45,00", b"95,00")
        return [(name, data)]
    return _rewrite(exported, tmp / "altered.zip", change)


def _flip_byte_raw(exported: Path, tmp: Path) -> Path:
    data = bytearray(exported.read_bytes())
    with zipfile.ZipFile(exported) as zf:
        info = next(i for i in zf.infolist() if i.filename.endswith(".jpg"))
    offset = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.file_size // 2
    data[offset] ^= 0xFF
    path = tmp / "flipped.zip"
    path.write_bytes(bytes(data))
    return path


def _manifest(exported: Path, tmp: Path, **changes) -> Path:
    def change(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest.update(changes)
            data = json.dumps(manifest).encode()
        return [(name, data)]
    return _rewrite(exported, tmp / "manifest.zip", change)


def _evil(exported: Path, tmp: Path) -> Path:
    return _rewrite(exported, tmp / "evil.zip",
                    lambda name, data: [(name, data)] + ([("../evil", b"boo")] if name == "manifest.json" else []))


def _dangling(exported: Path, tmp: Path) -> Path:
    def change(name, data):
        if name == "records/documents.json":
            rows = json.loads(data)
            rows[0]["person_id"] = 99
            data = json.dumps(rows).encode()
        return [(name, data)]
    return _rewrite(exported, tmp / "dangling.zip", change)


def _missing_original(exported: Path, tmp: Path) -> Path:
    return _rewrite(exported, tmp / "missing.zip",
                    lambda name, data: None if name.endswith(".jpg") else [(name, data)])


DAMAGES = {
    "truncated zip": (lambda e, t: (t / "cut.zip").write_bytes(e.read_bytes()[: e.stat().st_size // 2])
                      and t / "cut.zip", "not a readable ZIP archive"),
    "flipped byte in an original": (_flip_byte_raw, "CRC"),
    "altered original, CRC recomputed": (_flip_in_original_keep_crc, "does not match its checksum"),
    "unknown format": (lambda e, t: _manifest(e, t, format="tarball"), "not a Paperasse archive"),
    "newer archive version": (lambda e, t: _manifest(e, t, schema_version=99), "newer Paperasse"),
    "member named ../evil": (_evil, "'../evil'"),
    "dangling reference": (_dangling, "refers to people 99"),
    "original missing": (_missing_original, "is missing"),
    "not a zip at all": (lambda e, t: (t / "notes.zip").write_text("hello") and t / "notes.zip",
                         "not a readable ZIP archive"),
}


@pytest.mark.parametrize("empty_target", [True, False], ids=["empty folder", "with records"])
@pytest.mark.parametrize("damage", list(DAMAGES))
def test_damaged_archive_is_refused_and_nothing_changes(exported, tmp_path, capsys, damage,
                                                        empty_target):
    make, message = DAMAGES[damage]
    bad = make(exported, tmp_path)
    target = tmp_path / "target"
    d = str(target)
    if not empty_target:
        run(capsys, "--data-dir", d, "person", "add", "--name", "Paul Dupont")
    run(capsys, "--data-dir", d, "person", "list")  # start-up work (a daily backup) done
    dump, files = db_dump(target), folder_listing(target)

    code, out, err = run(capsys, "--data-dir", d, "archive", "import", str(bad))

    assert code == 2, (damage, out, err)
    assert message in err and err.endswith("nothing was changed\n"), err
    assert err.count("\n") == 1 and str(bad) in err
    assert db_dump(target) == dump
    assert folder_listing(target) == files
    assert not (tmp_path / "evil").exists() and not (target / "evil").exists()


def test_failed_transaction_removes_the_originals_it_wrote(exported, ctx, monkeypatch):
    def boom(store, plan):
        store.db.execute(
            "INSERT INTO people (name, created_at, updated_at) VALUES ('x', 'now', 'now')")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(importing, "_insert", boom)
    with pytest.raises(archive.UserError, match="nothing was changed"):
        archive.import_archive(ctx, exported)
    assert ctx.store.counts() == {"people": 0, "documents": 0, "claims": 0}
    assert file_hashes(ctx.paths.root) == {}
    assert not ctx.store.db.conn.in_transaction


def test_columns_from_other_versions(exported, tmp_path, capsys):
    """A later version's extra column is left out (and said so); an older archive's missing
    column takes its default."""
    def change(name, data):
        if name == "records/people.json":
            rows = json.loads(data)
            for row in rows:
                row["favourite_colour"] = "blue"
            data = json.dumps(rows).encode()
        if name == "records/claims.json":
            rows = json.loads(data)
            for row in rows:
                row.pop("tiers_payant", None)
            data = json.dumps(rows).encode()
        return [(name, data)]

    other = _rewrite(exported, tmp_path / "other-version.zip", change)
    target = tmp_path / "target"
    report = run_json(capsys, "--data-dir", str(target), "archive", "import", str(other))
    assert report["added"]["people"] == 2
    assert any("favourite_colour" in note for note in report["notes"])
    ctx = open_context(target)
    try:
        assert [r["tiers_payant"] for r in ctx.store.db.query("SELECT tiers_payant FROM claims")] == [
            "none", "none"]
    finally:
        ctx.close()
