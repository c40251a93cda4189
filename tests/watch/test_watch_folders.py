"""Watched folders: what a scanner drops in reaches the Inbox once, whole, and problems are said once."""

from __future__ import annotations

import hashlib
import os
import shutil

import pytest

from desktop_app.core.errors import UserError
from desktop_app.services import watch_folders
from desktop_app.services.watch_folders import FolderWatch


def kinds(events):
    return [(e.kind, e.file) for e in events]


def documents(ctx):
    return ctx.store.documents(with_text=False)


def settle(watch, ctx, rounds=3):
    """Look as often as needed for unchanged files to count as complete."""
    events = []
    for _ in range(rounds):
        events += watch.check(ctx)
    return events


def test_a_file_written_slowly_is_imported_once_complete(ctx, reader, inbox_dir, png_bytes):
    data = png_bytes("care sheet")
    pieces = [data[i:i + 200] for i in range(0, len(data), 200)]
    assert len(pieces) >= 3
    watch = FolderWatch([inbox_dir])
    target = inbox_dir / "scan.png"
    for n, piece in enumerate(pieces):
        with open(target, "ab") as out:
            out.write(piece)
        # Make each piece visibly change the file even on a coarse clock.
        os.utime(target, ns=(1_000_000_000 * (n + 1),) * 2)
        assert watch.check(ctx) == []  # still growing: left for later
        assert documents(ctx) == []
    assert watch.waiting == 1
    events = settle(watch, ctx)
    assert kinds(events) == [("imported", "scan.png")]
    stored = documents(ctx)
    assert len(stored) == 1
    assert stored[0].sha256 == hashlib.sha256(data).hexdigest()  # the whole file, not a part
    assert settle(watch, ctx) == [] and len(documents(ctx)) == 1


def test_the_same_file_twice_and_a_copy_under_another_name(ctx, reader, inbox_dir, png_bytes):
    (inbox_dir / "first.png").write_bytes(png_bytes("invoice"))
    watch = FolderWatch([inbox_dir])
    [imported] = settle(watch, ctx)
    assert imported.kind == "imported"
    # Seen again (by this watch, and by another one later: the window, the command line).
    assert settle(watch, ctx) == []
    assert settle(FolderWatch([inbox_dir]), ctx) == []
    shutil.copy(inbox_dir / "first.png", inbox_dir / "copy of first.png")
    [copy] = settle(watch, ctx)
    assert (copy.kind, copy.file, copy.document_id) == ("already", "copy of first.png",
                                                         imported.document_id)
    assert copy.error is None  # done, not a failure
    assert "already imported as document" in copy.text()
    assert len(documents(ctx)) == 1
    assert settle(watch, ctx) == []


def test_two_copies_arriving_together_are_read_once(ctx, reader, inbox_dir, png_bytes):
    data = png_bytes("prescription")
    (inbox_dir / "a.png").write_bytes(data)
    (inbox_dir / "b.png").write_bytes(data)
    events = settle(FolderWatch([inbox_dir]), ctx)
    assert sorted(kinds(events)) == [("already", "b.png"), ("imported", "a.png")]
    assert len({e.document_id for e in events}) == 1 and len(documents(ctx)) == 1


def test_a_bad_file_is_reported_once_and_tried_again_when_it_changes(
        ctx, reader, inbox_dir, png_bytes):
    bad = inbox_dir / "broken.pdf"
    bad.write_bytes(b"this is no PDF")
    watch = FolderWatch([inbox_dir])
    [failed] = settle(watch, ctx)
    assert failed.kind == "failed" and "broken.pdf" in failed.error
    assert "tried again once the file changes" in failed.text()
    for _ in range(3):  # neither by this watch nor by a new one
        assert settle(watch, ctx) == [] and settle(FolderWatch([inbox_dir]), ctx) == []
    bad.unlink()
    (inbox_dir / "broken.png").write_bytes(png_bytes("now readable"))  # scanned again
    assert kinds(settle(watch, ctx)) == [("imported", "broken.png")]
    # The same name rewritten with other bytes is looked at again.
    bad.write_bytes(b"still no PDF, but other bytes")
    assert kinds(settle(watch, ctx)) == [("failed", "broken.pdf")]


def test_a_folder_that_disappears_is_reported_and_picked_up_again(
        ctx, reader, inbox_dir, png_bytes):
    (inbox_dir / "one.png").write_bytes(png_bytes("one"))
    watch = FolderWatch([inbox_dir])
    assert kinds(settle(watch, ctx)) == [("imported", "one.png")]
    moved_away = inbox_dir.with_name("Scans (unplugged)")
    inbox_dir.rename(moved_away)
    events = settle(watch, ctx)
    assert [e.kind for e in events] == ["folder_missing"]  # once, not at every look
    assert events[0].folder == str(inbox_dir)
    assert "watching resumes when it is back" in events[0].text()
    moved_away.rename(inbox_dir)
    (inbox_dir / "two.png").write_bytes(png_bytes("two"))
    events = settle(watch, ctx)
    assert kinds(events) == [("folder_back", None), ("imported", "two.png")]
    assert len(documents(ctx)) == 2  # one.png, back with its folder, is not imported again


def test_imported_files_move_into_a_subfolder(ctx, reader, inbox_dir, png_bytes):
    (inbox_dir / "scan.png").write_bytes(png_bytes("first"))
    watch = FolderWatch([inbox_dir], after=watch_folders.MOVE)
    [event] = settle(watch, ctx)
    assert event.kind == "imported" and event.moved_to == os.path.join("imported", "scan.png")
    assert not (inbox_dir / "scan.png").exists()
    assert (inbox_dir / "imported" / "scan.png").read_bytes() == png_bytes("first")
    # The scanner reuses the name: the new file goes beside the first, which stays as it was.
    (inbox_dir / "scan.png").write_bytes(png_bytes("second"))
    [event] = settle(watch, ctx)
    assert event.moved_to == os.path.join("imported", "scan (2).png")
    assert (inbox_dir / "imported" / "scan.png").read_bytes() == png_bytes("first")
    assert len(documents(ctx)) == 2
    assert settle(watch, ctx) == []  # the subfolder itself is not watched


def test_files_left_in_place_move_once_moving_is_chosen(ctx, reader, inbox_dir, png_bytes):
    (inbox_dir / "kept.png").write_bytes(png_bytes("kept"))
    assert kinds(settle(FolderWatch([inbox_dir]), ctx)) == [("imported", "kept.png")]
    events = FolderWatch([inbox_dir], after=watch_folders.MOVE).check(ctx, "fr")
    assert kinds(events) == [("moved", "kept.png")]
    assert (inbox_dir / "importé" / "kept.png").is_file()
    assert len(documents(ctx)) == 1


def test_files_still_being_named_or_not_scans_are_left_alone(ctx, reader, inbox_dir,
                                                             png_bytes):
    (inbox_dir / "scan.png.part").write_bytes(png_bytes("partial"))
    (inbox_dir / ".hidden.png").write_bytes(png_bytes("hidden"))
    (inbox_dir / "notes.txt").write_text("not a scan")
    assert settle(FolderWatch([inbox_dir]), ctx) == []
    assert documents(ctx) == []


def test_the_settings_keep_folders_and_refuse_the_data_folder(ctx, inbox_dir, tmp_path):
    assert watch_folders.folders(ctx) == [] and watch_folders.after_import(ctx) == "leave"
    watch_folders.save_settings(ctx, [inbox_dir, inbox_dir], "move")
    assert watch_folders.folders(ctx) == [inbox_dir]
    assert watch_folders.after_import(ctx) == "move"
    with pytest.raises(UserError, match="data folder"):
        watch_folders.save_settings(ctx, [ctx.paths.root / "originals"], "leave")
    with pytest.raises(UserError, match="no such folder"):
        watch_folders.save_settings(ctx, [tmp_path / "nowhere"], "leave")
    # A watched folder missing just now (an unplugged disk) stays chosen.
    inbox_dir.rename(tmp_path / "elsewhere")
    assert watch_folders.save_settings(ctx, [inbox_dir], "leave") == [inbox_dir]


def test_a_cancelled_check_leaves_its_files_for_the_next(ctx, reader, inbox_dir, png_bytes):
    (inbox_dir / "scan.png").write_bytes(png_bytes("scan"))
    watch = FolderWatch([inbox_dir])
    assert watch.check(ctx) == []
    assert watch.check(ctx, should_cancel=lambda: True) == []  # the window is closing
    assert documents(ctx) == []
    assert kinds(watch.check(ctx)) == [("imported", "scan.png")]
