"""The attack suite: each test does one thing an attacker (or bad luck) did to a data folder, and
asserts that nothing is lost, nothing foreign is run, and the user gets a message, not a crash.

Parallel processes are real processes; files are rewritten during import by a real second
writer; no assertion is about time.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from tests.cli_helpers import run

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONUNBUFFERED="1", OMP_THREAD_LIMIT="1")


def cli(data: Path, *argv, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data), *map(str, argv)],
        capture_output=True, text=True, env=ENV, cwd=REPO, timeout=timeout,
    )


def image_file(path: Path, text: str, size=(400, 200)) -> Path:
    picture = Image.new("RGB", size, "white")
    ImageDraw.Draw(picture).text((20, 20), text, fill="black")
    picture.save(path, "PNG")
    return path


# 1. A restore while a window has the folder open -------------------------------------------

WINDOW = """
import sys
from desktop_app.services.context import open_context
from desktop_app.services import people
ctx = open_context(sys.argv[1], auto_backup=False)
print("open", flush=True)
sys.stdin.readline()
people.add_person(ctx, name="Written After The Restore Attempt")
ctx.close()
print("closed", flush=True)
"""


def test_restore_is_refused_while_another_process_has_the_folder_open(tmp_path):
    data = tmp_path / "data"
    assert cli(data, "person", "add", "--name", "Claire Martin").returncode == 0
    made = cli(data, "backup", "now", "--json")
    assert made.returncode == 0, made.stderr
    window = subprocess.Popen([sys.executable, "-c", WINDOW, str(data)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, cwd=REPO,
                              text=True)
    try:
        assert window.stdout.readline().strip() == "open", window.stderr.read()
        refused = cli(data, "backup", "restore", "1")
        assert refused.returncode == 2, refused.stdout + refused.stderr
        assert "open on" in refused.stderr and "nothing was changed" in refused.stderr
        assert "Traceback" not in refused.stderr
        window.stdin.write("go\n")
        window.stdin.flush()
        assert window.stdout.readline().strip() == "closed", window.stderr.read()
    finally:
        window.stdin.close()
        window.wait(timeout=60)
    listed = cli(data, "person", "list", "--json")
    names = {p["name"] for p in json.loads(listed.stdout)}
    assert names == {"Claire Martin", "Written After The Restore Attempt"}
    # Once the window is closed the restore goes through, and says what it kept aside.
    restored = cli(data, "backup", "restore", "1")
    assert restored.returncode == 0, restored.stderr
    names = {p["name"] for p in json.loads(cli(data, "person", "list", "--json").stdout)}
    assert names == {"Claire Martin"}


# 2. The same file imported by several processes at once ------------------------------------

def stored_files(data: Path) -> list[Path]:
    return [p for p in (data / "originals").glob("??/*") if p.is_file()]


def test_the_same_file_imported_by_four_processes_at_once_is_stored_once_and_kept(tmp_path):
    import hashlib

    env = dict(ENV, PAPERASSE_TESSERACT=str(tmp_path / "no-tesseract"))  # storing, not reading
    for round_ in range(4):
        data = tmp_path / f"data{round_}"
        assert cli(data, "person", "list").returncode == 0
        scan = image_file(tmp_path / f"scan{round_}.png", f"Facture {round_}")
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "desktop_app", "--data-dir", str(data), "import",
                 str(scan), "--json"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO, text=True)
            for _ in range(4)
        ]
        results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
        for code, out, err in results:
            assert code == 0, err
            [outcome] = json.loads(out)
            assert outcome["document_id"] == 1, outcome
        [stored] = stored_files(data)
        assert hashlib.sha256(stored.read_bytes()).hexdigest() == hashlib.sha256(
            scan.read_bytes()).hexdigest()
        shown = cli(data, "doc", "list", "--json")
        assert len(json.loads(shown.stdout)) == 1
        assert cli(data, "archive", "export", tmp_path / f"a{round_}.zip").returncode == 0


# 3. A file rewritten while it is being imported --------------------------------------------

def test_a_file_rewritten_during_import_is_stored_as_it_was_read(ctx, tmp_path, monkeypatch):
    import hashlib

    from desktop_app.services import document_import, documents

    scan = image_file(tmp_path / "scan.png", "Facture 30,00")
    first = scan.read_bytes()
    real_read = document_import._read

    def read_then_rewrite(ctx_, paths, progress, cancel, *rest):
        results = real_read(ctx_, paths, progress, cancel, *rest)
        image_file(scan, "Something else entirely", size=(500, 300))  # another program's write
        return results

    monkeypatch.setattr(document_import, "_read", read_then_rewrite)
    ctx.set_setting("tesseract_cmd", str(tmp_path / "no-tesseract"))
    [outcome] = documents.import_files(ctx, [scan])
    assert outcome.ok
    doc = ctx.store.document(outcome.document_id)
    stored = ctx.store.stored_path(doc.id).read_bytes()
    assert stored == first
    assert hashlib.sha256(stored).hexdigest() == doc.sha256
    assert doc.size == len(first)
    assert not list(Path(ctx.paths.tmp).rglob("import-*/*"))  # the private copy is gone


# 6. A scan whose suffix is not plain ASCII -------------------------------------------------

def test_a_non_ascii_suffix_is_not_stored_and_does_not_block_the_archive(tmp_path):
    data = tmp_path / "data"
    scan = image_file(tmp_path / "facture.pdfé", "Facture 30,00")
    env_cli = dict(ENV, PAPERASSE_TESSERACT=str(tmp_path / "no-tesseract"))
    done = subprocess.run([sys.executable, "-m", "desktop_app", "--data-dir", str(data), "import",
                           str(scan), "--json"], capture_output=True, text=True, env=env_cli,
                          cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    [stored] = stored_files(data)
    assert stored.name.isascii()
    exported = cli(data, "archive", "export", tmp_path / "all.zip")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(cli(data, "doc", "list", "--json").stdout)[0]["original_name"] == "facture.pdfé"


# 4. Exports that would overwrite anything --------------------------------------------------

def _household_with_a_claim(capsys, data: Path, title="Kiné") -> None:
    assert run(capsys, "--data-dir", data, "person", "add", "--name", "Claire Martin")[0] == 0
    code, _out, err = run(capsys, "--data-dir", data, "claim", "new", "--person", "Claire Martin",
                          "--date", "2025-05-02", "--category", "consultation", "--paid", "30",
                          "--billing", "paper", f"--title={title}")
    assert code == 0, err


@pytest.mark.parametrize("command", [
    ["export", "claims"], ["export", "payments"], ["bundle", "1", "--to", "cpam", "--out"],
    ["summary", "--person", "Claire Martin", "--year", "2025", "--out"], ["archive", "export"],
])
def test_exports_never_overwrite_the_database_a_device_a_folder_or_an_unasked_file(
        capsys, tmp_path, command):
    data = tmp_path / "data"
    _household_with_a_claim(capsys, data)
    database = data / "paperasse.db"
    before = database.read_bytes()
    link = tmp_path / "innocent.csv"
    link.symlink_to(database)
    for target, says in ((database, "data folder"), (link, "data folder"),
                         (data / "originals" / "x.pdf", "data folder"),
                         (Path("/dev/null"), "not an ordinary file"), (tmp_path, "is a folder")):
        code, _out, err = run(capsys, "--data-dir", data, *command, target)
        assert code == 2, (target, err)
        assert says in err and "internal error" not in err, (target, err)
    assert database.read_bytes()[:100] == before[:100]
    assert run(capsys, "--data-dir", data, "person", "list")[0] == 0  # the folder still works
    existing = tmp_path / "mine.out"
    existing.write_text("the user's own file")
    code, _out, err = run(capsys, "--data-dir", data, *command, existing)
    assert code == 2 and "already exists" in err and "--force" in err
    assert existing.read_text() == "the user's own file"
    code, _out, err = run(capsys, "--data-dir", data, *command, existing, "--force")
    assert code == 0, err
    assert existing.read_bytes() != b"the user's own file"
    assert existing.stat().st_mode & 0o077 == 0


# 10. Formulas in CSV cells -----------------------------------------------------------------

@pytest.mark.parametrize("title", [
    '=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)",
    "＝1+1", "\t=1+1", "\r=1+1",
])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(capsys, tmp_path, title):
    import csv

    data = tmp_path / "data"
    _household_with_a_claim(capsys, data, title=title)
    out = tmp_path / "claims.csv"
    assert run(capsys, "--data-dir", data, "export", "claims", out)[0] == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    cell = rows[0]["title"]
    assert cell.startswith("'") and cell[1:].strip() == title.strip()  # shown as text, never run
    assert rows[0]["amount_paid"] == "30.00"  # amounts stay numbers


# 5, 8, 13, 14. Forged archives -------------------------------------------------------------

def _real_archive(capsys, tmp_path) -> Path:
    data = tmp_path / "source"
    _household_with_a_claim(capsys, data)
    scan = image_file(tmp_path / "facture.png", "Facture 30,00")
    os.environ["PAPERASSE_TESSERACT"] = str(tmp_path / "no-tesseract")
    try:
        assert run(capsys, "--data-dir", data, "import", scan, "--person", "Claire Martin")[0] == 0
    finally:
        del os.environ["PAPERASSE_TESSERACT"]
    assert run(capsys, "--data-dir", data, "claim", "send", "1", "--to", "cpam")[0] == 0
    out = tmp_path / "real.zip"
    code, _out, err = run(capsys, "--data-dir", data, "archive", "export", out)
    assert code == 0, err
    return out


def _forge(source: Path, target: Path, change=None, members=None, compress=True) -> Path:
    """A copy of ``source`` with ``change(records, manifest)`` applied, counts kept consistent."""
    import zipfile

    with zipfile.ZipFile(source) as zf:
        contents = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    manifest = json.loads(contents["manifest.json"])
    records = {name[len("records/"):-len(".json")]: json.loads(raw)
               for name, raw in contents.items() if name.startswith("records/")}
    if change:
        change(records, manifest)
    if not isinstance(manifest.get("counts"), list):
        manifest["counts"] = {t: len(rows) for t, rows in records.items()
                              if isinstance(rows, list)}
    contents["manifest.json"] = json.dumps(manifest).encode()
    for table, rows in records.items():
        text = json.dumps(rows).replace('"__DEEP__"', "[" * 100000 + "]" * 100000)
        contents[f"records/{table}.json"] = text.encode()
    contents.update(members or {})
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(target, "w", method) as zf:
        for name, raw in contents.items():
            zf.writestr(name, raw)
    return target


def _set(table, column, value, row=0):
    def change(records, _manifest):
        records[table][row][column] = value
    return change


FORGERIES = {
    "a regime that does not exist": _set("people", "regime", "pirate"),
    "a birth date that is not a date": _set("people", "birth_date", "yesterday"),
    "invalid JSON in lpp_codes": _set("claims", "lpp_codes", "[1, 2"),
    "a category that does not exist": _set("claims", "category", "spa"),
    "warnings that are not JSON": _set("documents", "warnings", "not json"),
    "an id past 64 bits": _set("people", "id", 2 ** 70),
    "an id that is a list": _set("people", "id", [1]),
    "a name that is a number": _set("people", "name", 12),
    "an amount that is a list": _set("claims", "amount_paid", ["30.00"]),
    "a nested object as a value": _set("claims", "title", {"a": {"b": 1}}),
    "bad base64": _set("claims", "title", {"$base64": "%%%"}),
    "a payer that does not exist": _set("track_events", "payer", "bank"),
    "a negative page count": _set("documents", "pages", -3),
    "counts as a list": lambda records, manifest: manifest.update(counts=[1, 2]),
    "records that are not rows": lambda records, manifest: records.update(claims=[[1, 2]]),
    "deep nesting": _set("claims", "notes", "__DEEP__"),
}


@pytest.mark.parametrize("what", sorted(FORGERIES))
def test_a_forged_archive_is_refused_with_a_message_and_changes_nothing(
        capsys, tmp_path, what):
    real = _real_archive(capsys, tmp_path)
    forged = _forge(real, tmp_path / "forged.zip", FORGERIES[what])
    data = tmp_path / "target"
    _household_with_a_claim(capsys, data, title="Mine")
    before = sorted(p.relative_to(data) for p in data.rglob("*") if "backups" not in p.parts)
    code, _out, err = run(capsys, "--data-dir", data, "archive", "import", forged)
    assert code == 2, (what, err)
    assert "nothing was changed" in err and "internal error" not in err, err
    after = sorted(p.relative_to(data) for p in data.rglob("*") if "backups" not in p.parts)
    assert [p for p in after if p not in before and not p.name.startswith("log")] == []
    assert not list((data / "backups").glob("*.db")) or all(
        "before-import" not in p.read_text() for p in (data / "backups").glob("*.json"))
    for command in (["claim", "list"], ["status"], ["check"]):
        assert run(capsys, "--data-dir", data, *command)[0] in (0, 1)  # the folder still works


def test_an_archive_cannot_choose_the_ocr_program(capsys, tmp_path):
    real = _real_archive(capsys, tmp_path)

    def settings(records, _manifest):
        records["settings"] = [
            {"key": "tesseract_cmd", "value": json.dumps(str(tmp_path / "evil.sh"))},
            {"key": "follow_up_days", "value": "45"},
        ]

    forged = _forge(real, tmp_path / "forged.zip", settings)
    data = tmp_path / "target"
    code, out, err = run(capsys, "--data-dir", data, "archive", "import", forged, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert any("tesseract_cmd" in note for note in report["notes"])
    from desktop_app.services.context import open_context

    ctx = open_context(data, auto_backup=False)
    try:
        assert ctx.store.setting("tesseract_cmd") is None
        assert ctx.store.setting("follow_up_days") == 45
    finally:
        ctx.close()


def test_archive_bombs_are_refused_before_they_are_unpacked(capsys, tmp_path):
    import zipfile

    real = _real_archive(capsys, tmp_path)
    data = tmp_path / "target"
    # Records that unpack to far more than any household (whitespace compresses 1000:1).
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(real) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            raw = src.read(info.filename)
            if info.filename == "records/claims.json":
                with zf.open(info.filename, "w", force_zip64=True) as out:
                    out.write(raw[:-1])
                    for _ in range(300):
                        out.write(b" " * (1 << 20))
                    out.write(raw[-1:])
            else:
                zf.writestr(info, raw)
    assert bomb.stat().st_size < 5 << 20
    code, _out, err = run(capsys, "--data-dir", data, "archive", "import", bomb)
    assert code == 2 and "over the" in err and "nothing was changed" in err, err
    # An original past the import limit, however small the archive.
    big = tmp_path / "big.zip"
    with zipfile.ZipFile(real) as src, zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            raw = src.read(info.filename)
            if info.filename.startswith("originals/"):
                with zf.open(info.filename, "w", force_zip64=True) as out:
                    for _ in range(210):
                        out.write(b"\0" * (1 << 20))
            else:
                zf.writestr(info, raw)
    code, _out, err = run(capsys, "--data-dir", data, "archive", "import", big)
    assert code == 2 and "over the 200 MB limit" in err, err
    assert not [p for p in (data / "originals").rglob("*") if p.is_file() and p.suffix != ".lock"]


def test_a_password_protected_or_special_file_is_refused_with_what_is_accepted(capsys, tmp_path):
    encrypted = tmp_path / "locked.zip"
    raw = bytearray(_forge(_real_archive(capsys, tmp_path), encrypted).read_bytes())
    # Set the "encrypted" flag of every entry, as a password-protected zip has.
    import zipfile

    with zipfile.ZipFile(encrypted) as zf:
        offsets = [i.header_offset for i in zf.infolist()]
    for off in offsets:
        raw[off + 6] |= 0x1
    start = raw.rfind(b"PK\x01\x02")
    while start != -1:
        raw[start + 8] |= 0x1
        start = raw.rfind(b"PK\x01\x02", 0, start)
    encrypted.write_bytes(bytes(raw))
    data = tmp_path / "target"
    code, _out, err = run(capsys, "--data-dir", data, "archive", "import", encrypted)
    assert code == 2 and "internal error" not in err, err
    fifo = tmp_path / "pipe.zip"
    os.mkfifo(fifo)
    for special, says in ((fifo, "not an ordinary file"), (tmp_path, "is a folder"),
                          (Path("/dev/zero"), "not an ordinary file")):
        code, _out, err = run(capsys, "--data-dir", data, "archive", "import", special)
        assert code == 2 and says in err, (special, err)


# 7. A database that fails its integrity check ----------------------------------------------

def _damage(database: Path) -> None:
    """Scribble over the pages after the schema, as a failing disk does; the header survives."""
    import random

    raw = bytearray(database.read_bytes())
    page = int.from_bytes(raw[16:18], "big") or 65536
    rng = random.Random(3)
    for number in range(2, len(raw) // page):
        start = number * page
        raw[start:start + page] = bytes(rng.randrange(256) for _ in range(page))
    database.write_bytes(bytes(raw))


def _household(capsys, data: Path, claims=30) -> None:
    _household_with_a_claim(capsys, data)
    for i in range(claims):
        assert run(capsys, "--data-dir", data, "claim", "new", "--person", "Claire Martin",
                   "--date", "2025-05-02", "--category", "pharmacy", "--paid", "12",
                   f"--title=Pharmacie {i} " + "x" * 300)[0] == 0


def test_a_damaged_database_is_not_opened_nor_backed_up_and_says_how_to_restore(capsys, tmp_path):
    data = tmp_path / "data"
    _household(capsys, data)
    assert run(capsys, "--data-dir", data, "backup", "now")[0] == 0
    _damage(data / "paperasse.db")
    for command in (["person", "list"], ["backup", "now"], ["status"]):
        code, _out, err = run(capsys, "--data-dir", data, *command)
        assert code == 2, (command, err)
        assert "is damaged" in err and "backup restore" in err and "internal error" not in err
    backups_before = sorted((data / "backups").glob("*.db"))
    code, _out, err = run(capsys, "--data-dir", data, "backup", "restore", "1")
    assert code == 0, err
    code, out, _err = run(capsys, "--data-dir", data, "claim", "list", "--json")
    assert code == 0 and len(json.loads(out)) == 31
    # The damaged file was kept aside (a byte copy), not thrown away.
    assert len(sorted((data / "backups").glob("*.db"))) == len(backups_before) + 1


def test_the_window_offers_the_newest_sound_backup_when_the_records_are_damaged(
        qtbot, capsys, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop_app import config
    from desktop_app.core.errors import UserError
    from desktop_app.gui.app import offer_restore
    from desktop_app.services.context import open_context

    data = tmp_path / "data"
    _household(capsys, data)
    assert run(capsys, "--data-dir", data, "backup", "now")[0] == 0
    _damage(data / "paperasse.db")
    with pytest.raises(UserError) as problem:
        open_context(data)
    seen = {}

    def click_restore():
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        seen["text"] = box.text() + " " + box.informativeText()
        [button] = [b for b in box.buttons() if "Restore" in b.text() or "Restaurer" in b.text()]
        qtbot.mouseClick(button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click_restore)
    assert offer_restore(config.prepare(data), problem.value)
    assert "damaged" in seen["text"]
    ctx = open_context(data, auto_backup=False)
    try:
        assert len(ctx.store.claims()) == 31
    finally:
        ctx.close()


# 9. --data-dir on a folder of the user's ---------------------------------------------------

def test_an_existing_folder_keeps_its_mode_and_a_shared_one_is_refused(capsys, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    mine.chmod(0o755)
    for _ in range(2):
        assert run(capsys, "--data-dir", mine, "person", "list")[0] == 0
        assert (mine.stat().st_mode & 0o777) == 0o755
    assert (mine / "originals").stat().st_mode & 0o077 == 0
    assert (mine / "paperasse.db").stat().st_mode & 0o077 == 0
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    code, _out, err = run(capsys, "--data-dir", shared, "person", "list")
    assert code == 2 and "other users can write" in err
    assert (shared.stat().st_mode & 0o7777) == 0o1777 and not list(shared.iterdir())


# 15. The same sending recorded by many processes at once -----------------------------------

def test_parallel_sends_record_one_event_and_one_undo_takes_it_back(capsys, tmp_path):
    data = tmp_path / "data"
    _household_with_a_claim(capsys, data)
    procs = [
        subprocess.Popen([sys.executable, "-m", "desktop_app", "--data-dir", str(data), "claim",
                          "send", "1", "--to", "cpam", "--date", "2025-05-10"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, cwd=REPO,
                         text=True)
        for _ in range(8)
    ]
    for p in procs:
        _out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    code, out, err = run(capsys, "--data-dir", data, "status", "--json")
    [claim] = json.loads(out)["claims"]
    sent = [e for e in claim["tracks"]["cpam"]["history"] if e["state"] == "sent" and not e["undone"]]
    assert len(sent) == 1
    assert run(capsys, "--data-dir", data, "claim", "undo", "1", "--payer", "cpam")[0] == 0
    code, out, err = run(capsys, "--data-dir", data, "status", "--json")
    [claim] = json.loads(out)["claims"]
    assert claim["tracks"]["cpam"]["state"] not in ("sent", "paid")


# 16. Smaller things ------------------------------------------------------------------------

def test_a_killed_backup_leaves_nothing_behind_and_never_a_copy_without_its_sidecar(
        capsys, tmp_path):
    import signal

    data = tmp_path / "data"
    _household(capsys, data, claims=200)
    slow = """
import sys, os, signal
from desktop_app.services import backups
from desktop_app.services.backups import listing
from desktop_app.services.context import open_context
ctx = open_context(sys.argv[1], auto_backup=False)
real = listing.write_sidecar
def die(meta, target):
    if target.name.startswith("paperasse-"):
        print("copying", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)  # killed once the copy is made, before it is named
    real(meta, target)
listing.write_sidecar = die
backups.backup_now(ctx)
"""
    proc = subprocess.run([sys.executable, "-c", slow, str(data)], capture_output=True, text=True,
                          env=ENV, cwd=REPO, timeout=120)
    assert proc.returncode == -signal.SIGKILL and "copying" in proc.stdout, proc.stderr
    assert list((data / "backups").glob(".paperasse-*.part"))  # the killed copy, for now
    # Never a copy listed without its sidecar.
    assert all(p.with_suffix(".json").exists() for p in (data / "backups").glob("paperasse-*.db"))
    assert run(capsys, "--data-dir", data, "person", "list")[0] == 0  # the next start sweeps
    assert not list((data / "backups").glob(".paperasse-*.part"))
    assert all(p.with_suffix(".json").exists() for p in (data / "backups").glob("paperasse-*.db"))


def test_terminal_output_never_carries_escapes_or_direction_overrides(capsys, tmp_path):
    data = tmp_path / "data"
    name = "Claire \x1b]0;owned\x07\x1b[31mRed \u202etxet"
    assert run(capsys, "--data-dir", data, "person", "add", "--name", name)[0] == 0
    code, out, err = run(capsys, "--data-dir", data, "person", "list")
    assert code == 0
    for bad in ("\x1b", "\x07", "\u202e"):
        assert bad not in out + err
    code, out, _err = run(capsys, "--data-dir", data, "person", "list", "--json")
    assert "\x1b" not in out and "\u202e" not in out
    assert json.loads(out)[0]["name"] == name  # the JSON still carries the exact name, escaped


def test_an_option_that_is_not_text_gets_a_message(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(tmp_path / "d"), "person", "add",
         "--name", os.fsdecode(b"Cl\xe9mence")], capture_output=True, text=True, env=ENV, cwd=REPO)
    assert done.returncode == 2 and "--name" in done.stderr and "UTF-8" in done.stderr


@pytest.mark.parametrize("secret", [
    "NIR285077511523432", "2/85/07/75/115/234/32", "2_85_07_75_115_234_32",
    "iban fr7630006000011234567890189", "IBANFR7630006000011234567890189",
    "\uff12\uff18\uff15\uff10\uff17\uff17\uff15\uff11\uff11\uff15\uff12\uff13\uff14\uff13\uff12",
])
def test_log_masking_catches_the_forms_that_slipped_through(secret):
    from desktop_app.services.log import mask

    masked = mask(secret)
    for digits in ("285077511523432", "1234567890", "3000600001"):
        assert digits not in masked.replace("/", "").replace("_", "")


def test_the_yearly_summary_metadata_names_nobody(capsys, tmp_path):
    from pypdf import PdfReader

    data = tmp_path / "data"
    _household_with_a_claim(capsys, data)
    out = tmp_path / "2025.pdf"
    code, _out, err = run(capsys, "--data-dir", data, "summary", "--person", "Claire Martin",
                          "--year", "2025", "--out", out)
    assert code == 0, err
    meta = PdfReader(out).metadata or {}
    assert not any("Claire" in str(v) or "Martin" in str(v) for v in meta.values())


def test_the_mailing_carries_no_action_link_or_script_from_an_imported_pdf(capsys, tmp_path):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        TextStringObject,
    )

    hostile = tmp_path / "ordonnance.pdf"
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    js = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                           NameObject("/JS"): TextStringObject("app.alert('x')")})
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): js})
    link = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(100),
                                          FloatObject(100)]),
        NameObject("/A"): DictionaryObject({NameObject("/S"): NameObject("/Launch"),
                                            NameObject("/F"): TextStringObject("/bin/sh")}),
    })
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
    with open(hostile, "wb") as handle:
        writer.write(handle)
    data = tmp_path / "data"
    _household_with_a_claim(capsys, data)
    os.environ["PAPERASSE_TESSERACT"] = str(tmp_path / "no-tesseract")
    try:
        assert run(capsys, "--data-dir", data, "import", hostile, "--person", "Claire Martin",
                   "--kind", "prescription")[0] == 0
    finally:
        del os.environ["PAPERASSE_TESSERACT"]
    assert run(capsys, "--data-dir", data, "claim", "add-doc", "1", "1")[0] == 0
    out = tmp_path / "envoi.pdf"
    code, _out, err = run(capsys, "--data-dir", data, "bundle", "1", "--to", "cpam", "--out", out,
                          "--force")
    assert code == 0, err
    raw = out.read_bytes()
    # Each marker as a whole PDF name (a delimiter or a space after it): the embedded font's
    # subset is named /AAAAAA+DejaVuSans, which is no /AA key.
    for marker in (b"/JavaScript", b"/Launch", b"/AA", b"/URI"):
        assert not re.search(re.escape(marker) + rb"(?=[\s()<>\[\]{}/%])", raw), marker
    assert b"/bin/sh" not in raw
    for page in PdfReader(out).pages:
        assert "/AA" not in page and all(
            "/A" not in a.get_object() for a in (page.get("/Annots") or ()))
    assert len(PdfReader(out).pages) >= 3


# Backups keep the originals too ------------------------------------------------------------

def test_a_lost_or_damaged_original_comes_back_from_the_backups(capsys, tmp_path):
    import hashlib

    data = tmp_path / "data"
    _household_with_a_claim(capsys, data)
    scan = image_file(tmp_path / "facture.png", "Facture 30,00")
    first = scan.read_bytes()
    os.environ["PAPERASSE_TESSERACT"] = str(tmp_path / "no-tesseract")
    try:
        assert run(capsys, "--data-dir", data, "import", scan, "--person", "Claire Martin")[0] == 0
    finally:
        del os.environ["PAPERASSE_TESSERACT"]
    assert run(capsys, "--data-dir", data, "backup", "now")[0] == 0
    [stored] = stored_files(data)
    kept = data / "backups" / "originals" / stored.parent.name / stored.name
    assert kept.read_bytes() == first
    stored.unlink()  # lost (a slip in a file manager, a disk error)
    code, out, err = run(capsys, "--data-dir", data, "backup", "verify", "1", "--json")
    assert json.loads(out)["recoverable_originals"] == [f"{stored.parent.name}/{stored.name}"]
    code, out, err = run(capsys, "--data-dir", data, "backup", "recover", "--json")
    assert code == 0 and len(json.loads(out)["recovered"]) == 1
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == hashlib.sha256(first).hexdigest()
    # Damaged in place: the kept copy is separate bytes only if it is not a hard link, so damage
    # by replacing the file (as an editor saving over it does).
    tmp = stored.with_suffix(".new")
    tmp.write_bytes(b"scribbled over")
    os.replace(tmp, stored)
    assert run(capsys, "--data-dir", data, "backup", "recover")[0] == 0
    assert stored.read_bytes() == first
    # And a restore brings back what the restored records need.
    stored.unlink()
    code, _out, err = run(capsys, "--data-dir", data, "backup", "restore", "1", "--json")
    assert code == 0, err
    assert stored.read_bytes() == first
    assert run(capsys, "--data-dir", data, "archive", "export", tmp_path / "all.zip")[0] == 0


# 14. A full disk during import -------------------------------------------------------------

FULL_DISK = r"""
set -e
mount -t tmpfs -o size=4m tmpfs "$1"
py="$2"; data="$1/data"; scan="$3"
"$py" -m desktop_app --data-dir "$data" person add --name "Claire Martin" >/dev/null
"$py" -m desktop_app --data-dir "$data" person list >/dev/null
# Leave about 100 KB free: less than the scan needs.
free=$(df -k --output=avail "$1" | tail -1)
dd if=/dev/zero of="$1/filler" bs=1k count=$((free - 100)) 2>/dev/null || true
set +e
"$py" -m desktop_app --data-dir "$data" import "$scan" --person "Claire Martin"
echo "exit=$?"
rm -f "$1/filler"
"$py" -m desktop_app --data-dir "$data" person list
echo "after=$?"
ls -A "$data/tmp" | grep -v '^run-' || true
find "$data/originals" -type f ! -name '*.lock' | wc -l | sed 's/^/originals=/'
"""


def test_a_full_disk_during_import_gives_a_message_and_leaves_nothing_half_written(tmp_path):
    import shutil

    if not shutil.which("unshare"):
        pytest.skip("unshare (util-linux) is needed to mount a small private disk")
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this machine does not allow a private mount namespace")
    from PIL import Image

    scan = tmp_path / "big.png"  # noise: a PNG that does not compress, too big for what is left
    Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3)).save(scan)
    assert scan.stat().st_size > 1_000_000
    disk = tmp_path / "disk"
    disk.mkdir()
    env = dict(ENV, PAPERASSE_TESSERACT=str(tmp_path / "no-tesseract"))
    done = subprocess.run(["unshare", "-rm", "sh", "-c", FULL_DISK, "sh", str(disk), sys.executable,
                           str(scan)], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=300)
    out = done.stdout + done.stderr
    assert "exit=2" in out, out
    assert "full" in out and "internal error" not in out and "Traceback" not in out, out
    assert "after=0" in out and "Claire Martin" in out, out
    assert "originals=0" in out, out


@pytest.mark.parametrize("version", [1, 2, 3])
def test_a_damaged_old_database_gives_a_message_not_a_traceback(capsys, tmp_path, version):
    import shutil

    from desktop_app.core.errors import StoreDamaged
    from desktop_app.services.context import open_context

    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    shutil.copyfile(REPO / "tests" / "data" / f"schema_v{version}.db", data / "paperasse.db")
    _damage(data / "paperasse.db")
    with pytest.raises(StoreDamaged):
        open_context(data)  # what the window opens, before it offers the newest sound backup
    code, _out, err = run(capsys, "--data-dir", data, "claim", "list")
    assert code == 2 and "is damaged" in err and "Traceback" not in err


def test_a_failed_archive_import_leaves_no_empty_folder_and_no_needless_backup(
        capsys, tmp_path, monkeypatch):
    import sqlite3

    from desktop_app.services.archive import importing

    real = _real_archive(capsys, tmp_path)
    data = tmp_path / "target"
    _household_with_a_claim(capsys, data, title="Mine")
    folders_before = sorted(p.name for p in (data / "originals").iterdir())
    sidecars_before = sorted((data / "backups").glob("*.json"))

    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(importing, "_insert", full)
    code, _out, err = run(capsys, "--data-dir", data, "archive", "import", real)
    assert code == 2 and "nothing was changed" in err, err
    assert sorted(p.name for p in (data / "originals").iterdir()) == folders_before
    assert sorted((data / "backups").glob("*.json")) == sidecars_before
