"""Backups: take, list, verify, rotate, restore; a damaged copy is never restored."""

import datetime as dt
import json
import sqlite3
import stat
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from desktop_app import config
from desktop_app.services import backups, claims, documents, people
from tests.cli_helpers import run, run_json


def db_dump(database: Path) -> dict:
    conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'documents_fts%' ORDER BY name")]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    finally:
        conn.close()


def listing(folder: Path) -> dict:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
        and p.name not in ("paperasse.db", "originals.lock", "in-use.lock")
    }


def image_file(path: Path, text: str) -> Path:
    picture = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(picture).text((20, 20), text, fill="black")
    picture.save(path, "PNG")
    return path


@pytest.fixture
def scan(tmp_path) -> Path:
    return image_file(tmp_path / "scan.png", "Facture 30,00")


@pytest.fixture
def household(ctx, scan):
    claire = people.add_person(ctx, name="Claire Martin").person
    doc_id = documents.import_files(ctx, [scan], person_ref=claire.id)[0].document_id
    claim = claims.new_claim(ctx, claire.id, care_date="2025-07-04", amount_paid="30")
    claims.add_document(ctx, claim.id, doc_id)
    return ctx


def test_backup_now_list_verify(data_dir, capsys):
    d = str(data_dir)
    assert run(capsys, "--data-dir", d, "person", "add", "--name", "Claire")[0] == 0
    made = run_json(capsys, "--data-dir", d, "backup", "now")
    assert made["reason"] == "manual" and made["counts"] == {"people": 1, "documents": 0, "claims": 0}
    path = Path(made["path"])
    assert path.parent == data_dir / "backups" and path.name.startswith("paperasse-")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    sidecar = json.loads(path.with_suffix(".json").read_text())
    assert sidecar["sha256"] == made["sha256"] and sidecar["schema_version"] >= 1
    listed = run_json(capsys, "--data-dir", d, "backup", "list")
    assert listed[0]["id"] == made["id"] and listed[0]["index"] == 1
    assert {"id", "path", "created_at", "reason", "size", "counts"} <= set(listed[0])
    assert listed[0]["size"] == path.stat().st_size
    checked = run_json(capsys, "--data-dir", d, "backup", "verify", "1")
    assert checked["ok"] and checked["damaged"] == []
    code, out, err = run(capsys, "--data-dir", d, "backup", "verify", made["id"])
    assert code == 0 and "sound" in out
    # The copy stands alone: no -wal beside it, and reading it wrote nothing.
    assert not [p for p in path.parent.iterdir() if not p.name.endswith((".db", ".json"))]


def test_unknown_backup_id_is_one_line(data_dir, capsys):
    for ref in ("7", "paperasse-19990101-000000.db"):
        code, out, err = run(capsys, "--data-dir", str(data_dir), "backup", "restore", ref)
        assert code == 2 and "backup list" in err and err.count("\n") == 1


def test_auto_backup_at_most_daily(ctx):
    assert backups.auto_backup(ctx) is None  # nothing to protect yet
    people.add_person(ctx, name="Claire")
    first = backups.auto_backup(ctx)
    assert first is not None and first.reason == "auto"
    assert backups.auto_backup(ctx) is None
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    second = backups.auto_backup(ctx, today=tomorrow)
    assert second is not None and second.stamp.date() == tomorrow
    assert backups.auto_backup(ctx, today=tomorrow) is None
    assert len(backups.list_backups(ctx)) == 2


def test_rotation_keeps_7_daily_and_4_weekly(ctx):
    people.add_person(ctx, name="Claire")
    folder = ctx.paths.backups
    start = dt.date(2025, 1, 1)
    for n in range(59):  # 2025-01-01 .. 2025-02-28, one a day at 10:00
        day = start + dt.timedelta(days=n)
        backups.backup_now(ctx, reason="auto", now=dt.datetime.combine(day, dt.time(10)))
    backups.backup_now(ctx, reason="manual", now=dt.datetime(2025, 2, 27, 8, 0))  # same day, older
    safety = backups.backup_now(ctx, reason="before-restore", now=dt.datetime(2025, 2, 19, 9, 0))
    migration = folder / "before-migration-v1-20240101-120000-000000.db"
    migration.write_bytes((folder / "paperasse-20250101-100000.db").read_bytes())
    (folder / "notes.txt").write_text("mine")

    made = backups.auto_backup(ctx, today=dt.date(2025, 3, 1))  # a Saturday, ISO week 9
    assert made is not None

    kept = {p.name for p in folder.iterdir()}
    daily = [dt.date(2025, 2, 23) + dt.timedelta(days=n) for n in range(6)]  # Feb 23 .. Feb 28
    weekly = [dt.date(2025, 2, 16), dt.date(2025, 2, 9)]  # newest of ISO weeks 7 and 6
    expected = {f"paperasse-{d:%Y%m%d}-100000.db" for d in daily + weekly}
    expected |= {made.id, safety.id}
    own = {n for n in kept if n.startswith("paperasse-") and n.endswith(".db")}
    assert own == expected
    assert {n for n in kept if n.endswith(".json")} == {Path(n).with_suffix(".json").name for n in own}
    assert migration.name in kept and "notes.txt" in kept
    # Old safety copies eventually go, like any other.
    backups.rotate(ctx, today=dt.date(2025, 6, 1))
    assert not safety.path.exists() and migration.exists()


def test_restore_brings_back_deleted_rows(household, data_dir, capsys):
    ctx = household
    before = db_dump(ctx.paths.database)
    made = backups.backup_now(ctx)
    with ctx.store.transaction():
        ctx.store.db.execute("DELETE FROM documents")
        ctx.store.db.execute("DELETE FROM claims")
        ctx.store.db.execute("DELETE FROM people")
    assert ctx.store.counts() == {"people": 0, "documents": 0, "claims": 0}

    report = backups.restore(ctx, made.id)

    assert report.restored == made.id and report.missing_originals == []
    assert db_dump(ctx.paths.database) == before
    assert ctx.store.counts() == {"people": 1, "documents": 1, "claims": 1}
    assert ctx.store.documents()[0].claim_id == 1  # the reopened store works
    safety = backups.find_backup(ctx, report.safety_backup)
    assert safety.reason == "before-restore" and safety.counts["people"] == 0
    assert backups.verify(ctx, safety.id).ok
    # And from the command line, back to the emptied state and forth again.
    code, out, err = run(capsys, "--data-dir", str(data_dir), "backup", "restore", safety.id)
    assert code == 0, err
    assert run_json(capsys, "--data-dir", str(data_dir), "person", "list") == []


@pytest.mark.parametrize("damage", ["flip bytes", "truncate, no description"])
def test_damaged_backup_is_refused_and_nothing_changes(household, data_dir, capsys, damage):
    ctx = household
    made = backups.backup_now(ctx)
    ctx.close()
    data = bytearray(made.path.read_bytes())
    if damage == "flip bytes":
        middle = len(data) // 2
        data[middle:middle + 16] = bytes(b ^ 0xFF for b in data[middle:middle + 16])
    else:
        data = data[: len(data) // 3]
        made.path.with_suffix(".json").unlink()
    made.path.write_bytes(bytes(data))
    d = str(data_dir)
    run(capsys, "--data-dir", d, "person", "list")
    db_before, files_before = db_dump(data_dir / "paperasse.db"), listing(data_dir)

    code, out, err = run(capsys, "--data-dir", d, "backup", "verify", made.id)
    assert code == 1 and f"backup {made.id} failed verification" in out
    code, out, err = run(capsys, "--data-dir", d, "backup", "restore", "1")
    assert code == 2
    assert f"backup {made.id} failed verification: " in err and err.endswith("nothing was changed\n")
    assert err.count("\n") == 1

    assert db_dump(data_dir / "paperasse.db") == db_before
    assert listing(data_dir) == files_before


def test_verify_reports_missing_original_and_restore_says_so(household, data_dir, capsys):
    ctx = household
    made = backups.backup_now(ctx)
    stored = ctx.store.stored_path(1)
    name = str(stored.relative_to(ctx.paths.originals))
    stored.unlink()
    # Kept with the backups: recoverable, not lost.
    checked = backups.verify(ctx, made.id)
    assert checked.ok and checked.recoverable_originals == [name]
    # Lost there too: now it is missing.
    (ctx.paths.backups / "originals" / name).unlink()
    checked = backups.verify(ctx, made.id)
    assert checked.usable and not checked.ok
    assert checked.missing_originals == [str(stored.relative_to(ctx.paths.originals))]
    ctx.close()
    code, out, err = run(capsys, "--data-dir", str(data_dir), "backup", "verify", "1")
    assert code == 1 and "is missing" in err
    code, out, err = run(capsys, "--data-dir", str(data_dir), "backup", "restore", made.id)
    assert code == 1 and "re-import" in err


def test_restore_over_a_database_that_cannot_be_opened(data_dir, capsys):
    d = str(data_dir)
    run(capsys, "--data-dir", d, "person", "add", "--name", "Claire")
    made = run_json(capsys, "--data-dir", d, "backup", "now")
    broken = b"this is not a database" * 100
    (data_dir / "paperasse.db").write_bytes(broken)
    code, out, err = run(capsys, "--data-dir", d, "person", "list")
    assert code == 2 and "restore a backup" in err

    code, out, err = run(capsys, "--data-dir", d, "backup", "restore", made["id"])
    assert code == 0, err
    assert [p["name"] for p in run_json(capsys, "--data-dir", d, "person", "list")] == ["Claire"]
    kept = [b for b in backups.list_backups(config.prepare(d)) if b["reason"] == "before-restore"]
    assert len(kept) == 1 and Path(kept[0]["path"]).read_bytes() == broken


def test_originals_referenced_by_backups(household):
    ctx = household
    backups.backup_now(ctx)
    assert backups.originals_referenced_by_backups(ctx) == ctx.store.known_stored_names()


def test_restoring_an_older_backup_keeps_newer_originals(household, data_dir, tmp_path, capsys):
    ctx = household
    older = backups.backup_now(ctx)
    pdf = image_file(tmp_path / "later.png", "Facture du 5 juillet")
    newer_id = documents.import_files(ctx, [pdf])[0].document_id
    newer_original = ctx.store.stored_path(newer_id)
    report = backups.restore(ctx, older.id)
    ctx.close()

    assert run_json(capsys, "--data-dir", str(data_dir), "doc", "list")  # start-up clean-up ran
    assert newer_original.exists()
    code, out, err = run(capsys, "--data-dir", str(data_dir), "backup", "restore",
                         report.safety_backup)
    assert code == 0, err
    assert len(run_json(capsys, "--data-dir", str(data_dir), "doc", "list")) == 2


def test_start_up_makes_the_daily_backup(data_dir, capsys):
    d = str(data_dir)
    run(capsys, "--data-dir", d, "person", "add", "--name", "Claire")
    assert run_json(capsys, "--data-dir", d, "backup", "list") == []  # nothing before the add
    run(capsys, "--data-dir", d, "person", "list")
    listed = run_json(capsys, "--data-dir", d, "backup", "list")
    assert [b["reason"] for b in listed] == ["auto"]
    run(capsys, "--data-dir", d, "person", "list")
    assert len(run_json(capsys, "--data-dir", d, "backup", "list")) == 1
