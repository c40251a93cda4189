"""The record store: round trips, migrations, refusal of newer databases, file safety."""

import datetime as dt
import sqlite3
import stat

import pytest

from desktop_app import config
from desktop_app.core.errors import StoreTooNew
from desktop_app.core.model import Claim, DocumentField, FieldSource, Person
from desktop_app.store import Store, atomic_files, migrations, originals


def test_new_data_folder_is_private(data_dir, ctx):
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(ctx.paths.database.stat().st_mode) == 0o600


def test_migration_from_an_empty_database(tmp_path):
    paths = config.prepare(tmp_path / "d")
    store = Store.open(paths)
    version = store.db.execute("PRAGMA user_version").fetchone()[0]
    assert version == migrations.SCHEMA_VERSION
    assert {"people", "documents", "document_fields", "claims", "track_events"} <= set(
        store.db.table_names()
    )
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    store.close()


def test_newer_database_is_refused_untouched(tmp_path):
    paths = config.prepare(tmp_path / "d")
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    before = paths.database.read_bytes()
    with pytest.raises(StoreTooNew, match="newer Paperasse"):
        Store.open(paths)
    assert paths.database.read_bytes() == before


def test_older_database_is_copied_aside_before_migrating(tmp_path, monkeypatch):
    paths = config.prepare(tmp_path / "d")
    Store.open(paths).close()
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + ["CREATE TABLE extra (x);"])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", migrations.SCHEMA_VERSION + 1)
    store = Store.open(paths)
    assert "extra" in store.db.table_names()
    current = migrations.SCHEMA_VERSION - 1
    copies = list(paths.backups.glob(f"before-migration-v{current}-*.db"))
    assert len(copies) == 1
    old = sqlite3.connect(copies[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == current
    store.close()


def test_failed_migration_changes_nothing(tmp_path, monkeypatch):
    paths = config.prepare(tmp_path / "d")
    Store.open(paths).close()
    monkeypatch.setattr(
        migrations, "MIGRATIONS", migrations.MIGRATIONS + ["CREATE TABLE half (x); BROKEN SQL;"]
    )
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", migrations.SCHEMA_VERSION + 1)
    with pytest.raises(StoreTooNew):
        Store.open(paths)
    conn = sqlite3.connect(paths.database)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION - 1
    assert "half" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def test_person_round_trip(ctx):
    person = Person(
        name="Claire Martin",
        nir="285077511523432",
        birth_date=dt.date(1985, 7, 4),
        sex="F",
        noemie=True,
        mutuelle_name="Harmonie",
        mutuelle_guarantees={"lpp_device": "100% BR"},
    )
    person.id = ctx.store.add_person(person)
    assert ctx.store.person(person.id) == person
    assert ctx.store.person_by_name("claire martin") == person


def test_document_and_fields_round_trip_and_search(ctx):
    pid = ctx.store.add_person(Person(name="Léa"))
    with ctx.store.transaction():
        doc_id = ctx.store.insert_document(
            {
                "person_id": pid,
                "kind": "invoice",
                "sha256": "ab" * 32,
                "original_name": "facture.pdf",
                "stored_name": "ab/" + "ab" * 32 + ".pdf",
                "size": 10,
                "read_state": "read",
                "text": "Stimulateur périnéal, kinésithérapie",
            },
            [DocumentField(name="total_amount", value="304.90", source=FieldSource.OCR, confidence=0.9)],
        )
    doc = ctx.store.document(doc_id)
    assert doc.fields["total_amount"].value == "304.90"
    assert not doc.fields["total_amount"].confirmed
    # accent-insensitive, prefix search
    assert [h["id"] for h in ctx.store.search('"perineal"')] == [doc_id]
    assert [h["id"] for h in ctx.store.search('"kine"*')] == [doc_id]
    assert [h["id"] for h in ctx.store.search('"304"')] == [doc_id]


def test_claim_round_trip(ctx):
    pid = ctx.store.add_person(Person(name="Léa"))
    claim = Claim(person_id=pid, care_date=dt.date(2025, 2, 7), amount_paid="30.00", lpp_codes=["1234567"])
    claim.id = ctx.store.add_claim(claim)
    assert ctx.store.claim(claim.id).lpp_codes == ["1234567"]
    assert ctx.store.claim(claim.id).care_date == dt.date(2025, 2, 7)


def test_transaction_is_all_or_nothing(ctx):
    with pytest.raises(RuntimeError):
        with ctx.store.transaction():
            ctx.store.db["people"].insert(
                {"name": "X", "created_at": "t", "updated_at": "t"}
            )
            raise RuntimeError("boom")
    assert ctx.store.people() == []


def test_atomic_write_and_orphan_clean_up(ctx, tmp_path):
    source = tmp_path / "scan.jpg"
    source.write_bytes(b"\xff\xd8 not really a jpeg")
    sha = originals.sha256_of(source)
    target = ctx.paths.originals / originals.stored_name(sha, ".jpg")
    assert atomic_files.write_atomically(source, target, ctx.paths.tmp)
    assert target.read_bytes() == source.read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not atomic_files.write_atomically(source, target, ctx.paths.tmp)
    (ctx.paths.tmp / "x.part").write_bytes(b"half")
    from desktop_app.services.context import tidy_up

    removed = tidy_up(ctx)
    assert target in removed  # no row refers to it
    assert not any(p.is_file() for p in ctx.paths.tmp.rglob("*"))
