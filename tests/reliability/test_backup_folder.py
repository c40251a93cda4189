"""Backups to a folder the user picks: records and scans, incremental, checked, restorable on a
new machine; an unplugged folder is one clear line."""

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pytest

from desktop_app.core.errors import UserError
from desktop_app.services import backup_folder, claims, documents, people
from desktop_app.services.backup_folder import copies as folder_copies
from tests.cli_helpers import run, run_json
from tests.reliability.test_backups import image_file


def hashes(folder: Path) -> dict[str, str]:
    return {
        f"{p.parent.name}/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.glob("??/*")) if not p.name.startswith(".")
    }


@pytest.fixture
def household(ctx, tmp_path):
    claire = people.add_person(ctx, name="Claire Martin").person
    scans = [image_file(tmp_path / f"scan{i}.png", f"Facture {i}0,00") for i in range(3)]
    ids = [r.document_id for r in documents.import_files(ctx, scans, person_ref=claire.id)]
    claim = claims.new_claim(ctx, claire.id, care_date="2025-07-04", amount_paid="30")
    claims.add_document(ctx, claim.id, ids[0])
    return ctx


@pytest.fixture
def drive(tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def copies(monkeypatch) -> list[str]:
    """Every original copied to the folder (or into a data folder), by name."""
    made: list[str] = []
    real = folder_copies.copy_checked

    def counted(source, target, sha, size):
        made.append(f"{target.parent.name}/{target.name}")
        return real(source, target, sha, size)

    monkeypatch.setattr(folder_copies, "copy_checked", counted)
    return made


def test_second_run_copies_no_original_again(household, drive, copies, tmp_path):
    first = backup_folder.back_up(household, drive, remember=True)
    assert first.originals == 3 and first.copied == 3 and len(copies) == 3
    assert hashes(drive / "originals") == hashes(household.paths.originals)
    stamps = {p: p.stat().st_mtime_ns for p in (drive / "originals").glob("??/*")}

    copies.clear()
    again = backup_folder.back_up(household)
    assert again.copied == 0 and copies == []
    assert {p: p.stat().st_mtime_ns for p in (drive / "originals").glob("??/*")} == stamps

    # A new scan: only that one goes.
    documents.import_files(household, [image_file(tmp_path / "new.png", "Ordonnance")])
    third = backup_folder.back_up(household)
    assert third.originals == 4 and third.copied == 1 and len(copies) == 1
    # Each backup lists the originals it needs.
    sidecar = json.loads((drive / third.id).with_suffix(".json").read_text())
    assert set(sidecar["originals"]) == set(hashes(household.paths.originals))
    # No temporary file is left beside the copies.
    assert not [p for p in drive.rglob("*") if p.name.endswith(".part")]


def test_damaged_copy_is_found_by_verify_and_copied_again(household, drive, copies):
    backup_folder.back_up(household, drive, remember=True)
    victim = sorted((drive / "originals").glob("??/*.png"))[0]
    name = f"{victim.parent.name}/{victim.name}"
    size = victim.stat().st_size
    stamp = victim.stat().st_mtime_ns
    data = bytearray(victim.read_bytes())
    data[size // 2] ^= 0xFF  # same size, same time: only the hash can tell
    victim.write_bytes(bytes(data))
    import os

    os.utime(victim, ns=(stamp, stamp))
    checked = backup_folder.verify(drive)
    assert not checked.ok and checked.altered_originals == [name]

    copies.clear()
    result = backup_folder.back_up(household)
    assert copies == [name] and result.recopied == [name]
    assert backup_folder.verify(drive).ok
    assert hashes(drive / "originals") == hashes(household.paths.originals)


def test_restore_on_a_new_machine_gives_the_same_household(household, data_dir, drive, tmp_path,
                                                           capsys):
    backup_folder.back_up(household, drive, remember=True)
    household.close()
    old = str(data_dir)
    new = tmp_path / "new-machine"
    before = {what: run_json(capsys, "--data-dir", old, what, "list") for what in ("doc", "claim")}

    report = run_json(capsys, "--data-dir", str(new), "backup", "restore", "--from", str(drive))
    assert report["copied_originals"] == 3 and report["missing_originals"] == []
    after = {what: run_json(capsys, "--data-dir", str(new), what, "list") for what in ("doc", "claim")}
    # The same household; only where each scan is stored names the new data folder.
    for doc in after["doc"]:
        assert Path(doc.pop("stored_path")).is_relative_to(new / "originals")
    for doc in before["doc"]:
        doc.pop("stored_path")
    assert after == before
    assert hashes(new / "originals") == hashes(data_dir / "originals")


def test_missing_original_in_the_folder_is_named_and_nothing_half_written(household, data_dir,
                                                                           drive, tmp_path, capsys):
    backup_folder.back_up(household, drive, remember=True)
    gone = sorted((drive / "originals").glob("??/*.png"))[0]
    name = f"{gone.parent.name}/{gone.name}"
    gone.unlink()
    new = tmp_path / "new-machine"
    code, out, err = run(capsys, "--data-dir", str(new), "backup", "restore", "--from", str(drive))
    assert code == 1 and name in err and "Traceback" not in err
    assert len(hashes(new / "originals")) == 2
    assert not [p for p in new.rglob("*") if p.name.endswith(".part")]


def test_damaged_records_copy_changes_nothing(household, drive, tmp_path, capsys):
    made = backup_folder.back_up(household, drive, remember=True)
    copy = drive / made.id
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0xFF
    copy.write_bytes(bytes(data))
    new = tmp_path / "new-machine"
    code, out, err = run(capsys, "--data-dir", str(new), "backup", "restore", "--from", str(drive))
    assert code == 2 and "nothing was changed" in err and err.count("\n") == 1
    assert hashes(new / "originals") == {}


def test_unplugged_folder_is_one_clear_line(household, drive, tmp_path, capsys):
    backup_folder.back_up(household, drive, remember=True)
    household.close()
    drive.rename(tmp_path / "unplugged")
    d = str(household.paths.root)
    for argv in (("backup", "now", "--to", str(drive)), ("backup", "list", "--from", str(drive)),
                 ("backup", "restore", "--from", str(drive))):
        code, out, err = run(capsys, "--data-dir", d, *argv)
        assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
        assert str(drive) in err and "plug" in err


def test_old_backups_there_rotate_and_keep_their_originals(household, drive):
    backup_folder.back_up(household, drive, remember=True)
    start = dt.datetime(2026, 1, 1, 10, 0).astimezone()
    for n in range(40):
        backup_folder.back_up(household, now=start + dt.timedelta(days=n))
    listed = backup_folder.list_backups(drive)
    assert len(listed) <= 7 + 4 + 1
    assert all(b["originals"] == 3 for b in listed)
    assert len(hashes(drive / "originals")) == 3


def test_originals_no_backup_needs_are_pruned(household, drive):
    start = dt.datetime(2026, 1, 1, 10, 0).astimezone()
    backup_folder.back_up(household, drive, remember=True, now=start)
    # A file no manifest lists (a deleted document's scan) goes once the backups rotate.
    stray = drive / "originals" / "ff" / ("f" * 64 + ".png")
    stray.parent.mkdir()
    stray.write_bytes(b"stray")
    for n in range(1, 60):
        backup_folder.back_up(household, now=start + dt.timedelta(days=n))
    assert not stray.exists()


def test_reminder_after_the_days_set(ctx, drive, capsys):
    people.add_person(ctx, name="Claire Martin")  # nothing missing: 'check' has only this to say
    assert backup_folder.reminder(ctx) is None  # no folder chosen: nothing to say
    backup_folder.choose(ctx, drive)
    assert backup_folder.reminder(ctx).id == "backup.folder_never"
    made = backup_folder.back_up(ctx, now=dt.datetime(2026, 3, 1, 9, 0).astimezone())
    assert made.created_at.startswith("2026-03-01")
    assert backup_folder.reminder(ctx, today=dt.date(2026, 3, 7)) is None
    due = backup_folder.reminder(ctx, today=dt.date(2026, 3, 8))
    assert due == backup_folder.FolderReminder("backup.folder_overdue", str(drive), 7, "2026-03-01")
    ctx.set_setting("backup_folder_remind_days", 30)
    assert backup_folder.reminder(ctx, today=dt.date(2026, 3, 8)) is None
    ctx.set_setting("backup_folder_remind_days", 7)
    # 'check' says so as a warning: not a claim problem, so neither the exit code nor the JSON.
    ctx.set_setting("backup_folder_last", {"folder": str(drive), "at": "2020-01-01T09:00:00"})
    code, out, err = run(capsys, "--data-dir", str(ctx.paths.root), "check")
    assert code == 0 and "warning:" in err and str(drive) in err and "back up again" in err
    code, out, err = run(capsys, "--data-dir", str(ctx.paths.root), "check", "--json")
    assert json.loads(out) == [] and str(drive) in err


def test_backup_to_remembers_the_folder_and_the_reminder_days(ctx, drive, capsys):
    people.add_person(ctx, name="Claire Martin")
    d = str(ctx.paths.root)
    made = run_json(capsys, "--data-dir", d, "backup", "to", str(drive), "--remind-days", "3")
    assert made["folder"] == str(drive) and made["counts"]["people"] == 1
    assert ctx.setting("backup_folder") == str(drive)
    assert ctx.setting("backup_folder_remind_days") == 3
    listed = run_json(capsys, "--data-dir", d, "backup", "list", "--from", str(drive))
    assert [b["id"] for b in listed] == [made["id"]]
    assert run_json(capsys, "--data-dir", d, "backup", "verify", "--from", str(drive))["ok"]


def test_choosing_a_missing_folder_is_refused(household, tmp_path):
    with pytest.raises(UserError, match="plug it in"):
        backup_folder.choose(household, tmp_path / "nowhere")
    assert household.setting("backup_folder") is None
    with pytest.raises(UserError, match="inside the data folder"):
        backup_folder.back_up(household, household.paths.backups)


# The child stops just before each file it wrote is made durable and renamed into place (every
# original's copy, the list of checked copies, the records' copy, its sidecar): a kill there
# leaves a whole temporary file, as a USB stick pulled at that moment would.
CHILD = """
import sys, time
from desktop_app.services import backup_folder
from desktop_app.services.context import open_context
from desktop_app.store import atomic_files

real_fsync = atomic_files.fsync_file

def fsync(path):
    print("fsync", path, flush=True)
    time.sleep(0.2)  # room for the kill to land here
    return real_fsync(path)

ctx = open_context(sys.argv[1], auto_backup=False)
atomic_files.fsync_file = fsync
backup_folder.back_up(ctx)
print("done", flush=True)
"""


@pytest.mark.parametrize("kill_at", [1, 3, 5, 6])
def test_killed_folder_backup_leaves_the_previous_one_restorable(household, drive, tmp_path,
                                                                 capsys, kill_at):
    import signal
    import subprocess
    import sys

    previous = backup_folder.back_up(household, drive, remember=True)
    for i in range(3):
        documents.import_files(household, [image_file(tmp_path / f"more{i}.png", f"Reçu {i}")])
    root = str(household.paths.root)
    household.close()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    child = subprocess.Popen([sys.executable, "-c", CHILD, root], stdout=subprocess.PIPE,
                             text=True, env=env)
    seen = 0
    for line in child.stdout:
        seen += line.startswith("fsync")
        if seen == kill_at:
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=120)
    assert child.returncode == -signal.SIGKILL

    # The previous backup is still the newest there, whole, and restores on a new machine.
    assert backup_folder.find(drive).id == previous.id
    assert backup_folder.verify(drive).ok
    new = tmp_path / "new-machine"
    report = run_json(capsys, "--data-dir", str(new), "backup", "restore", "--from", str(drive))
    assert report["restored"] == previous.id and report["missing_originals"] == []
    assert len(run_json(capsys, "--data-dir", str(new), "doc", "list")) == 3
    # The next run finishes the job and leaves no temporary file behind.
    again = run_json(capsys, "--data-dir", root, "backup", "now", "--to", str(drive))
    assert again["originals"] == 6 and backup_folder.verify(drive).ok
    assert not [p for p in drive.rglob("*") if p.name.endswith(".part")]


def test_backups_in_the_same_second_keep_the_newest(household, drive):
    """The second backup of a second rotates the first away; the third must not reuse its name
    (it would sort as the older one and be rotated out itself)."""
    moment = dt.datetime(2026, 3, 1, 9, 0, 0).astimezone()
    made = [backup_folder.back_up(household, drive, remember=True, now=moment) for _ in range(3)]
    listed = backup_folder.list_backups(drive)
    assert [b["id"] for b in listed] == [made[-1].id]
