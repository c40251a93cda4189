"""An encrypted data folder: nothing readable without the passphrase, everything with it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop_app.core.errors import UserError
from tests.crypt.conftest import IBAN, NEW_PASSPHRASE, PASSPHRASE, leaks


def _open(data_dir):
    from desktop_app.services.context import open_context

    return open_context(data_dir)


def _lock(data_dir):
    from desktop_app.services import passphrase

    passphrase.lock(data_dir)


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock")}


def test_the_plain_folder_holds_the_secrets_the_check_looks_for(filled):
    # The check below means something: before encryption every secret is there to find.
    found = " ".join(leaks(filled))
    for label in ("NIR", "IBAN", "PNG header", "JPEG header", "PDF header", "SQLite header"):
        assert label in found


def test_no_byte_of_the_encrypted_folder_shows_a_nir_an_iban_or_a_scan(filled):
    from desktop_app.services import backups, documents, passphrase

    outcome = passphrase.set_passphrase(filled, PASSPHRASE)
    assert outcome.recovery_key and outcome.backup
    ctx = _open(filled)
    try:
        backups.backup_now(ctx)  # a backup taken while encrypted is encrypted too
        from desktop_app.services import reminders

        calendar = reminders.refresh_subscribed(ctx)  # no calendar kept for outside apps
        assert not calendar.path.exists()
        docs = documents.list_documents(ctx)
        assert len(docs) == 3
        assert documents.search(ctx, "Feuille")  # full-text search (FTS5) through SQLCipher
        assert ctx.store.person_by_name("Claire Martin").iban.replace(" ", "") == IBAN
        ctx.store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        ctx.close()
    assert leaks(filled) == []


def test_a_locked_folder_does_not_open(filled):
    from desktop_app.services import passphrase

    passphrase.set_passphrase(filled, PASSPHRASE)
    _lock(filled)
    with pytest.raises(UserError, match="protected by a passphrase"):
        _open(filled)


def test_a_wrong_passphrase_is_one_line_and_changes_nothing(filled):
    from desktop_app.services import passphrase

    passphrase.set_passphrase(filled, PASSPHRASE)
    _lock(filled)
    before = _snapshot(filled)
    with pytest.raises(passphrase.WrongPassphrase) as raised:
        passphrase.unlock(filled, "not the passphrase")
    assert "wrong passphrase" in str(raised.value) and "\n" not in str(raised.value)
    with pytest.raises(passphrase.WrongPassphrase):
        passphrase.change_passphrase(filled, "not the passphrase", NEW_PASSPHRASE)
    with pytest.raises(passphrase.WrongPassphrase):
        passphrase.remove_passphrase(filled, "not the passphrase")
    assert _snapshot(filled) == before


def test_the_recovery_key_opens_the_folder(filled):
    from desktop_app.services import documents, passphrase

    recovery = passphrase.set_passphrase(filled, PASSPHRASE).recovery_key
    _lock(filled)
    passphrase.unlock(filled, recovery.lower().replace("-", " "))
    ctx = _open(filled)
    try:
        assert len(documents.list_documents(ctx)) == 3
    finally:
        ctx.close()


def test_changing_the_passphrase_keeps_everything_and_the_recovery_key(filled):
    from desktop_app.services import documents, passphrase

    recovery = passphrase.set_passphrase(filled, PASSPHRASE).recovery_key
    _lock(filled)
    passphrase.change_passphrase(filled, PASSPHRASE, NEW_PASSPHRASE)
    _lock(filled)
    with pytest.raises(passphrase.WrongPassphrase):
        passphrase.unlock(filled, PASSPHRASE)
    passphrase.unlock(filled, NEW_PASSPHRASE)
    ctx = _open(filled)
    try:
        assert len(documents.list_documents(ctx)) == 3
    finally:
        ctx.close()
    _lock(filled)
    passphrase.unlock(filled, recovery)


def test_removing_the_passphrase_gives_the_plain_folder_back(filled):
    from desktop_app.services import documents, passphrase
    from desktop_app.store import originals

    passphrase.set_passphrase(filled, PASSPHRASE)
    _lock(filled)
    outcome = passphrase.remove_passphrase(filled, PASSPHRASE)
    assert outcome.backup
    assert not (filled / "keyfile.json").exists()
    assert "SQLite header" in " ".join(leaks(filled))
    ctx = _open(filled)
    try:
        docs = documents.list_documents(ctx)
        assert len(docs) == 3
        for doc in docs:
            path = ctx.store.stored_path(doc.id)
            assert hashlib.sha256(path.read_bytes()).hexdigest() == doc.sha256
            assert originals.sha256_of(path) == doc.sha256
    finally:
        ctx.close()


def test_stored_originals_keep_the_plain_files_sha256_as_name(filled):
    from desktop_app.services import documents, passphrase
    from desktop_app.store import originals

    passphrase.set_passphrase(filled, PASSPHRASE)
    ctx = _open(filled)
    try:
        for doc in documents.list_documents(ctx):
            path = ctx.store.stored_path(doc.id)
            assert doc.sha256 in path.name
            assert hashlib.sha256(path.read_bytes()).hexdigest() != doc.sha256
            assert originals.sha256_of(path) == doc.sha256
            with originals.plain(path) as readable:
                assert hashlib.sha256(readable.read_bytes()).hexdigest() == doc.sha256
                assert filled / "tmp" in readable.parents
            assert not readable.exists()
    finally:
        ctx.close()


def test_importing_into_an_encrypted_folder_stores_it_encrypted(filled, reader, tmp_path):
    from PIL import Image

    from desktop_app.services import documents, passphrase

    passphrase.set_passphrase(filled, PASSPHRASE)
    scan = tmp_path / "new.png"
    Image.new("RGB", (50, 50), "white").save(scan)
    ctx = _open(filled)
    try:
        [outcome] = documents.import_files(ctx, [scan], "Claire Martin")
        assert outcome.error is None
        stored = ctx.store.stored_path(outcome.document_id)
        assert b"\x89PNG" not in stored.read_bytes()
    finally:
        ctx.close()
    # What was read, was read inside the data folder, and is gone.
    assert filled / "tmp" in reader[-1]["path"].parents
    assert reader[-1]["head"].startswith(b"\x89PNG")
    assert not reader[-1]["path"].exists()


def test_reading_a_stored_original_again_opens_it_only_in_the_private_tmp(filled, reader):
    from desktop_app.services import documents, passphrase

    passphrase.set_passphrase(filled, PASSPHRASE)
    ctx = _open(filled)
    try:
        doc = documents.list_documents(ctx)[0]
        documents.reread_document(ctx, doc.id)
    finally:
        ctx.close()
    read = reader[-1]
    assert filled / "tmp" in read["path"].parents
    assert read["head"].startswith((b"\x89PNG", b"\xff\xd8\xff", b"%PDF-"))
    assert not read["path"].exists()


def test_an_archive_of_an_encrypted_folder_is_encrypted_and_imports_elsewhere(
        filled, tmp_path, monkeypatch):
    from desktop_app.services import archive, archive_crypt, documents, passphrase

    passphrase.set_passphrase(filled, PASSPHRASE)
    out = tmp_path / "out" / "famille.zip"
    out.parent.mkdir()
    ctx = _open(filled)
    try:
        archive.export_archive(ctx, out)
        shas = sorted(d.sha256 for d in documents.list_documents(ctx))
    finally:
        ctx.close()
    assert leaks(out.parent) == []
    assert b"PK\x03\x04" not in out.read_bytes()
    _lock(filled)
    other = tmp_path / "other"
    monkeypatch.setenv("PAPERASSE_HOME", str(other))
    ctx = _open(other)
    try:
        with pytest.raises(archive_crypt.ArchiveLocked):
            archive.import_archive(ctx, out)
        with pytest.raises(UserError, match="wrong passphrase"):
            archive_crypt.unlock(out, "not the passphrase")
        archive_crypt.unlock(out, PASSPHRASE)
        report = archive.import_archive(ctx, out)
        assert report.mode == "restore"
        assert sorted(d.sha256 for d in documents.list_documents(ctx)) == shas
        for doc in documents.list_documents(ctx):
            path = ctx.store.stored_path(doc.id)
            assert hashlib.sha256(path.read_bytes()).hexdigest() == doc.sha256  # a plain folder
    finally:
        ctx.close()
    assert not list((other / "tmp").rglob("archive-*"))


def test_backups_of_an_encrypted_folder_are_encrypted_and_restore(filled, tmp_path):
    from desktop_app.services import backup_folder, backups, documents, passphrase, people

    passphrase.set_passphrase(filled, PASSPHRASE)
    external = tmp_path / "drive"
    external.mkdir()
    ctx = _open(filled)
    try:
        info = backups.backup_now(ctx)
        backup_folder.back_up(ctx, external)
        people.add_person(ctx, name="Paul Martin")
    finally:
        ctx.close()
    assert leaks(external) == []
    assert (external / "keyfile.json").is_file()
    ctx = _open(filled)
    try:
        assert backups.verify(ctx.paths, info.id).ok
        check = backup_folder.verify(external)
        assert not check.damaged and not check.missing_originals and not check.altered_originals
        backups.restore(ctx, info.id)
    finally:
        ctx.close()
    ctx = _open(filled)
    try:
        assert ctx.store.person_by_name("Paul Martin") is None
        assert len(documents.list_documents(ctx)) == 3
        report = backup_folder.restore_from(ctx, external)
        assert not report.missing_originals and not report.altered_originals
    finally:
        ctx.close()
    assert leaks(filled) == []


def test_a_short_passphrase_is_refused_before_anything_changes(filled):
    from desktop_app.services import passphrase

    with pytest.raises(UserError, match="too short"):
        passphrase.set_passphrase(filled, "short")
    assert not (filled / "keyfile.json").exists()


def test_the_fts_index_and_wal_work_under_sqlcipher(filled):
    from desktop_app.services import documents, passphrase

    passphrase.set_passphrase(filled, PASSPHRASE)
    ctx = _open(filled)
    try:
        mode = ctx.store.db.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        assert documents.search(ctx, "Feuille")
    finally:
        ctx.close()


def test_an_encrypted_backup_folder_restores_on_a_new_computer_with_its_passphrase(
        filled, tmp_path, monkeypatch):
    from desktop_app.services import backup_folder, documents, passphrase

    passphrase.set_passphrase(filled, PASSPHRASE)
    external = tmp_path / "drive"
    external.mkdir()
    ctx = _open(filled)
    try:
        backup_folder.back_up(ctx, external)
    finally:
        ctx.close()
    _lock(filled)
    new = tmp_path / "new-computer"
    monkeypatch.setenv("PAPERASSE_HOME", str(new))
    assert backup_folder.needs_passphrase(external)
    with pytest.raises(UserError, match="wrong passphrase"):
        backup_folder.unlock(external, "not the passphrase")
    backup_folder.unlock(external, PASSPHRASE)
    ctx = _open(new)
    try:
        report = backup_folder.restore_from(ctx, external)
        assert not report.missing_originals and not report.altered_originals
        assert len(documents.list_documents(ctx)) == 3
    finally:
        ctx.close()
    assert passphrase.is_protected(new)  # the backup's key file came with it
    _lock(new)
    passphrase.unlock(new, PASSPHRASE)
    ctx = _open(new)
    try:
        for doc in documents.list_documents(ctx):
            from desktop_app.store import originals

            assert originals.sha256_of(ctx.store.stored_path(doc.id)) == doc.sha256
    finally:
        ctx.close()
    # The safety copy of the new folder's records as they were (empty, before the key came)
    # is a plain database holding nothing.
    assert [leak for leak in leaks(new) if not leak.endswith("SQLite header")] == []


def test_what_the_watch_and_the_notices_remember_is_sealed_and_read_back(filled, reader, tmp_path):
    from PIL import Image

    from desktop_app.services import passphrase
    from desktop_app.services.watch_folders import FolderWatch
    from desktop_app.store import sealed

    passphrase.set_passphrase(filled, PASSPHRASE)
    scans = tmp_path / "Scans"
    scans.mkdir()
    Image.new("RGB", (40, 30), (250, 250, 250)).save(scans / "ordonnance Claire Martin.png")
    ctx = _open(filled)
    try:
        watch = FolderWatch([scans])
        events = []
        for _ in range(3):  # looked at until the file stops changing
            events += watch.check(ctx)
        assert [e.kind for e in events] == ["imported"]
        seen = filled / "watch" / "seen.json"
        assert sealed.is_sealed(seen)
        assert b"Claire" not in seen.read_bytes() and b"ordonnance" not in seen.read_bytes()
        # Read back with the key: the same file is not imported a second time.
        assert [e for _ in range(3) for e in FolderWatch([scans]).check(ctx)] == []
    finally:
        ctx.close()
    # Without a passphrase again, the file is plain and still says what was seen.
    passphrase.remove_passphrase(filled, PASSPHRASE)
    assert not sealed.is_sealed(filled / "watch" / "seen.json")
    assert "ordonnance Claire Martin.png" in (filled / "watch" / "seen.json").read_text("utf-8")
