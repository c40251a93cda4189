"""``paperasse doc|claim|person delete|restore`` and ``paperasse trash list|empty``."""

from __future__ import annotations

import io

from tests.claims.test_claims_cli import run, run_json


def test_delete_list_restore_from_the_command_line(home, data_dir, capsys):
    ctx = home["ctx"]
    d = ["--data-dir", str(data_dir)]
    deleted = run_json(capsys, *d, "claim", "delete", str(home["c1"]))
    assert (deleted["kind"], deleted["item_id"], deleted["unlinked"]) == ("claim", home["c1"], 2)
    inbox = run_json(capsys, *d, "doc", "list", "--inbox")
    assert {x["id"] for x in inbox} == {home["d1"], home["d2"], home["d4"]}
    code, out, _ = run(capsys, *d, "doc", "delete", str(home["d4"]))
    assert code == 0 and "moved to the Trash" in out and "scan inbox.pdf" in out
    listed = run_json(capsys, *d, "trash", "list")
    assert [(x["kind"], x["item_id"], x["days_left"]) for x in listed] == [
        ("document", home["d4"], 30), ("claim", home["c1"], 30)]
    code, out, _ = run(capsys, *d, "trash", "list")
    assert "days left" in out and "Kiné" in out
    assert run_json(capsys, *d, "claim", "restore", str(home["c1"]))["item_id"] == home["c1"]
    shown = run_json(capsys, *d, "claim", "show", str(home["c1"]))
    assert shown["person"] == "Claire Martin"
    assert {x["id"] for x in run_json(capsys, *d, "doc", "list", "--claim", str(home["c1"]))} == {
        home["d1"], home["d2"]}
    code, _, err = run(capsys, *d, "doc", "restore", str(home["d1"]))
    assert code == 2 and "not in the Trash" in err
    assert ctx  # the fixture's own connection stays open alongside


def test_a_person_goes_with_their_claims_and_is_restored_by_id(home, data_dir, capsys):
    d = ["--data-dir", str(data_dir)]
    code, _, err = run(capsys, *d, "person", "delete", "Claire Martin")
    assert code == 2 and "insured person of Léo Martin" in err
    gone = run_json(capsys, *d, "person", "delete", "Léo Martin")
    assert (gone["claims"], gone["documents"]) == (1, 1)
    assert [p["name"] for p in run_json(capsys, *d, "person", "list")] == ["Claire Martin"]
    status = run_json(capsys, *d, "status")
    assert {c["claim_id"] for c in status["claims"]} == {home["c1"]}
    run_json(capsys, *d, "person", "restore", str(home["leo"].id))
    status = run_json(capsys, *d, "status")
    assert {c["claim_id"] for c in status["claims"]} == {home["c1"], home["c2"]}


def test_emptying_asks_on_a_terminal_and_refuses_without_yes_otherwise(home, data_dir, capsys,
                                                                      monkeypatch):
    d = ["--data-dir", str(data_dir)]
    path = home["ctx"].store.stored_path(home["d4"])
    run_json(capsys, *d, "doc", "delete", str(home["d4"]))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, *d, "trash", "empty")
    assert code == 2 and "--yes" in err
    assert path.is_file()

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    code, out, err = run(capsys, *d, "trash", "empty")
    assert code == 2 and "for good?" in err and "nothing was removed" in out
    assert path.is_file()
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    code, out, _ = run(capsys, *d, "trash", "empty")
    assert code == 0 and "1 stored file(s) removed" in out
    assert not path.exists()
    assert run_json(capsys, *d, "trash", "list") == []
    assert run_json(capsys, *d, "trash", "empty", "--yes") == {
        "entries": 0, "documents": 0, "files_removed": 0}
