"""``paperasse watch --once``: what a script or a cron job sees."""

from __future__ import annotations

import json

from tests.cli_helpers import run


def test_watch_once_json_imports_what_is_there(data_dir, reader, inbox_dir, png_bytes, capsys):
    (inbox_dir / "care sheet.png").write_bytes(png_bytes("care sheet"))
    (inbox_dir / "invoice.png").write_bytes(png_bytes("invoice"))
    (inbox_dir / "same invoice.png").write_bytes(png_bytes("invoice"))
    (inbox_dir / "broken.pdf").write_bytes(b"not a pdf")
    d = ["--data-dir", str(data_dir)]
    code, out, err = run(capsys, *d, "watch", str(inbox_dir), "--once", "--json",
                         "--interval", "0.05")
    assert code == 0, err
    events = [json.loads(text) for text in out.splitlines()]  # one JSON object a line
    by_file = {e["file"]: e for e in events}
    assert set(by_file) == {"care sheet.png", "invoice.png", "same invoice.png", "broken.pdf"}
    assert by_file["care sheet.png"]["event"] == "imported"
    assert by_file["invoice.png"]["event"] == "imported"
    assert by_file["same invoice.png"]["event"] == "already"
    assert by_file["same invoice.png"]["document_id"] == by_file["invoice.png"]["document_id"]
    assert by_file["broken.pdf"]["event"] == "failed" and by_file["broken.pdf"]["error"]
    # The documents are in the Inbox, once each.
    code, out, _ = run(capsys, *d, "doc", "list", "--json")
    listed = json.loads(out)
    assert len(listed) == 2
    # A second run finds nothing new, and says nothing again about the bad file.
    code, out, err = run(capsys, *d, "watch", str(inbox_dir), "--once", "--json",
                         "--interval", "0.05")
    assert (code, out) == (0, ""), err


def test_watch_once_moves_and_prints_a_line_per_file(data_dir, reader, inbox_dir, png_bytes,
                                                     capsys):
    (inbox_dir / "scan.png").write_bytes(png_bytes("scan"))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "watch", str(inbox_dir),
                         "--once", "--move-imported", "--interval", "0.05")
    assert code == 0, err
    assert out.splitlines() == ["scan.png: imported as document 1, moved to imported/scan.png"]
    assert (inbox_dir / "imported" / "scan.png").is_file()


def test_watch_without_a_folder_says_how_to_give_one(data_dir, tmp_path, capsys):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "watch", "--once")
    assert code == 2 and "no folder to watch" in err and "Traceback" not in err
    code, out, err = run(capsys, "--data-dir", str(data_dir), "watch", str(tmp_path / "none"),
                         "--once")
    assert code == 2 and "no such folder" in err


def test_watch_without_dir_uses_the_folders_chosen_in_the_settings(
        data_dir, ctx, reader, inbox_dir, png_bytes, capsys):
    from desktop_app.services import watch_folders

    watch_folders.save_settings(ctx, [inbox_dir], "move")
    (inbox_dir / "scan.png").write_bytes(png_bytes("scan"))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "watch", "--once", "--json",
                         "--interval", "0.05")
    assert code == 0, err
    [event] = [json.loads(text) for text in out.splitlines()]
    assert event["event"] == "imported" and event["moved_to"].startswith("imported")
