"""Deleting goes to the Trash: what goes with what, what comes back, what emptying removes."""

from __future__ import annotations

import datetime as _dt

import pytest

from desktop_app.core.errors import NotFound, UserError
from desktop_app.services import archive, claims, documents, inbox, overview, people, trash
from desktop_app.services.context import open_context
from tests.trash.conftest import stored_document


def doc_ids(ctx, **kw):
    return {d.id for d in documents.list_documents(ctx, **kw)}


def inbox_ids(ctx):
    return {r.id for r in overview.document_rows(ctx, unlinked=True)}


def test_a_deleted_document_leaves_every_list_and_comes_back(home):
    ctx, d4 = home["ctx"], home["d4"]
    assert d4 in inbox_ids(ctx)
    deleted = trash.delete_document(ctx, d4)
    assert (deleted.kind, deleted.item_id, deleted.label) == ("document", d4, "scan inbox.pdf")
    assert d4 not in doc_ids(ctx) and d4 not in inbox_ids(ctx)
    assert documents.search(ctx, "kinésithérapie") and all(
        h["id"] != d4 for h in documents.search(ctx, "kinésithérapie"))
    with pytest.raises(NotFound):
        documents.get_document(ctx, d4)
    [item] = trash.list_trash(ctx)
    assert (item.kind, item.item_id, item.days_left, item.documents) == ("document", d4, 30, 1)
    trash.restore_item(ctx, "document", d4)
    assert d4 in inbox_ids(ctx) and trash.list_trash(ctx) == []


def test_a_document_deleted_from_its_claim_comes_back_in_it(home):
    ctx = home["ctx"]
    trash.delete_document(ctx, home["d1"])
    assert doc_ids(ctx, claim_id=home["c1"]) == {home["d2"]}
    trash.restore_item(ctx, "document", home["d1"])
    assert doc_ids(ctx, claim_id=home["c1"]) == {home["d1"], home["d2"]}


def test_a_deleted_claim_leaves_its_documents_in_the_inbox_and_takes_them_back(home):
    ctx, c1 = home["ctx"], home["c1"]
    deleted = trash.delete_claim(ctx, c1)
    assert (deleted.claims, deleted.documents, deleted.unlinked) == (1, 0, 2)
    assert c1 not in {c.id for c in claims.list_claims(ctx)}
    assert {home["d1"], home["d2"]} <= inbox_ids(ctx)
    assert all(p.claim_id != c1 for p in inbox.propose_claims(ctx, home["d4"]))
    trash.restore_item(ctx, "claim", c1)
    assert doc_ids(ctx, claim_id=c1) == {home["d1"], home["d2"]}
    assert inbox_ids(ctx) == {home["d4"]}


def test_a_document_filed_elsewhere_meanwhile_stays_where_it_was_put(home):
    ctx, c1 = home["ctx"], home["c1"]
    trash.delete_claim(ctx, c1)
    other = claims.new_claim(ctx, home["claire"].id, title="Autre", care_date="2026-10-02",
                             category="consultation", amount_paid="20")
    claims.add_document(ctx, other.id, home["d2"])
    trash.restore_item(ctx, "claim", c1)
    assert doc_ids(ctx, claim_id=c1) == {home["d1"]}
    assert doc_ids(ctx, claim_id=other.id) == {home["d2"]}


def test_a_claim_deleted_with_its_documents_brings_them_back_together(home):
    ctx, c1 = home["ctx"], home["c1"]
    deleted = trash.delete_claim(ctx, c1, with_documents=True)
    assert (deleted.documents, deleted.unlinked) == (2, 0)
    assert not {home["d1"], home["d2"]} & doc_ids(ctx)
    [item] = trash.list_trash(ctx)
    assert (item.claims, item.documents) == (1, 2)
    trash.restore(ctx, item.entry_id)
    assert doc_ids(ctx, claim_id=c1) == {home["d1"], home["d2"]}


def test_a_deleted_person_takes_their_claims_and_documents_in_one_entry(home):
    ctx, leo = home["ctx"], home["leo"]
    assert trash.what_goes_with(ctx, "person", leo.id) == trash.GoesWith(1, 1, ())
    deleted = trash.delete_person(ctx, leo.id)
    assert (deleted.claims, deleted.documents) == (1, 1)
    assert [p.name for p in people.list_people(ctx)] == ["Claire Martin"]
    assert home["c2"] not in {c.id for c in claims.list_claims(ctx)}
    assert home["d3"] not in doc_ids(ctx)
    assert [r.name for r in overview.people_rows(ctx)] == ["Claire Martin"]
    with pytest.raises(UserError, match="in the Trash"):
        people.add_person(ctx, name="léo martin")
    [item] = trash.list_trash(ctx)
    assert (item.people, item.claims, item.documents) == (1, 1, 1)
    trash.restore_item(ctx, "person", leo.id)
    assert people.find_person(ctx, "Léo Martin").insured_id == home["claire"].id
    assert doc_ids(ctx, claim_id=home["c2"]) == {home["d3"]}


def test_the_insured_person_of_someone_in_the_household_is_not_deleted(home):
    ctx = home["ctx"]
    with pytest.raises(UserError, match="insured person of Léo Martin"):
        trash.delete_person(ctx, "Claire Martin")
    assert trash.list_trash(ctx) == []


def test_what_belongs_to_something_in_the_trash_waits_for_it(home):
    ctx = home["ctx"]
    trash.delete_document(ctx, home["d3"])
    trash.delete_person(ctx, home["leo"].id)
    with pytest.raises(UserError, match="restore that first"):
        trash.restore_item(ctx, "document", home["d3"])
    trash.restore_item(ctx, "person", home["leo"].id)
    trash.restore_item(ctx, "document", home["d3"])
    assert doc_ids(ctx, claim_id=home["c2"]) == {home["d3"]}


def test_a_file_in_the_trash_is_not_imported_again_as_new(home, tmp_path):
    ctx = home["ctx"]
    trash.delete_document(ctx, home["d4"])
    again = tmp_path / "again.pdf"
    again.write_bytes(b"%PDF-1 loose scan")
    [outcome] = documents.import_files(ctx, [again])
    assert not outcome.ok and "in the Trash (document" in outcome.error


def test_emptying_removes_the_rows_and_the_originals_no_one_uses(home):
    ctx = home["ctx"]
    path = ctx.store.stored_path(home["d4"])
    assert path.is_file()
    trash.delete_document(ctx, home["d4"])
    assert path.is_file()  # kept while it is in the Trash
    emptied = trash.empty(ctx)
    assert (emptied.entries, emptied.documents, emptied.files_removed) == (1, 1, 1)
    assert not path.exists()
    assert ctx.store.db.execute("SELECT count(*) FROM documents WHERE id = ?",
                                [home["d4"]]).fetchone()[0] == 0
    assert trash.list_trash(ctx) == []


def test_emptying_keeps_an_original_another_document_still_uses(home):
    ctx = home["ctx"]
    path = ctx.store.stored_path(home["d4"])
    name = path.relative_to(ctx.paths.originals).as_posix()
    # Another row naming the same stored file (as a merge of an older archive can leave).
    twin = stored_document(ctx, b"%PDF-1 other bytes", "twin.pdf")
    ctx.store.update_document(twin, {"stored_name": name})
    trash.delete_document(ctx, home["d4"])
    emptied = trash.empty(ctx)
    assert (emptied.documents, emptied.files_removed) == (1, 0)
    assert path.is_file()
    assert documents.get_document(ctx, twin)


def test_emptying_a_person_removes_every_row_that_went_with_them(home):
    ctx = home["ctx"]
    before = ctx.store.counts()
    trash.delete_person(ctx, home["leo"].id)
    trash.empty(ctx)
    db = ctx.store.db
    assert db.execute("SELECT count(*) FROM people").fetchone()[0] == before["people"] - 1
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == before["claims"] - 1
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == before["documents"] - 1
    assert db.execute("SELECT count(*) FROM track_events WHERE claim_id = ?",
                      [home["c2"]]).fetchone()[0] == 0
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    people.add_person(ctx, name="Léo Martin")  # the name is free again


def test_what_has_been_in_the_trash_thirty_days_goes_at_start_up(home, data_dir):
    ctx = home["ctx"]
    old = trash.delete_document(ctx, home["d4"])
    recent = trash.delete_document(ctx, home["d1"])
    long_ago = (_dt.datetime.now().astimezone() - _dt.timedelta(days=31)).isoformat()
    with ctx.store.transaction():
        ctx.store.db.execute("UPDATE trash SET deleted_at = ? WHERE id = ?",
                             [long_ago, old.entry_id])
    assert [i.days_left for i in trash.list_trash(ctx)] == [30, 0]
    path = ctx.store.stored_path(home["d4"])
    again = open_context(data_dir, auto_backup=False)
    try:
        assert [i.entry_id for i in trash.list_trash(again)] == [recent.entry_id]
    finally:
        again.close()
    assert not path.exists()


def test_an_archive_keeps_the_trash_as_it_was(home, tmp_path):
    ctx = home["ctx"]
    trash.delete_claim(ctx, home["c1"])
    trash.delete_document(ctx, home["d3"])
    out = tmp_path / "all.zip"
    archive.export_archive(ctx, out)
    fresh = open_context(tmp_path / "fresh", auto_backup=False)
    try:
        archive.import_archive(fresh, out)
        assert [(i.kind, i.item_id) for i in trash.list_trash(fresh)] == [
            (i.kind, i.item_id) for i in trash.list_trash(ctx)]
        assert doc_ids(fresh) == doc_ids(ctx)
        trash.restore_item(fresh, "claim", home["c1"])
        assert doc_ids(fresh, claim_id=home["c1"]) == {home["d1"], home["d2"]}
    finally:
        fresh.close()


def test_merging_an_archive_leaves_out_what_was_in_its_trash(home, tmp_path):
    ctx = home["ctx"]
    trash.delete_person(ctx, home["leo"].id)
    out = tmp_path / "all.zip"
    archive.export_archive(ctx, out)
    other = open_context(tmp_path / "other", auto_backup=False)
    try:
        people.add_person(other, name="Someone Else")
        result = archive.import_archive(other, out)
        assert any("Trash" in n for n in result.notes)
        assert {p.name for p in people.list_people(other)} == {"Someone Else", "Claire Martin"}
        assert trash.list_trash(other) == []
        assert other.store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        other.close()


def test_exports_leave_out_a_deleted_claim_until_it_is_restored(home):
    from desktop_app.services import exports

    ctx = home["ctx"]
    assert "Pédiatre" in exports.claims_csv(ctx)
    trash.delete_claim(ctx, home["c2"])
    assert "Pédiatre" not in exports.claims_csv(ctx)
    assert "Kiné" in exports.claims_csv(ctx)
    trash.restore_item(ctx, "claim", home["c2"])
    assert "Pédiatre" in exports.claims_csv(ctx)


def test_refusals_are_worded_in_the_language_asked(home):
    ctx = home["ctx"]
    with pytest.raises(UserError, match="est l’assuré\\(e\\) de Léo Martin"):
        trash.delete_person(ctx, "Claire Martin", lang="fr")
    trash.delete_document(ctx, home["d3"])
    trash.delete_person(ctx, home["leo"].id)
    with pytest.raises(UserError, match="restaurez d’abord « Léo Martin »"):
        trash.restore_item(ctx, "document", home["d3"], lang="fr")
