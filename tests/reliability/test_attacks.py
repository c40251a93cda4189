"""The attack suite: each test does one thing an attacker (or bad luck) did to a data folder, and
asserts that nothing is lost, nothing foreign is run, and the user gets a message, not a crash.

Parallel processes are real processes; files are rewritten during import by a real second
writer; no assertion is about time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from desktop_app.cli.main import main

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONUNBUFFERED="1", OMP_THREAD_LIMIT="1")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


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

    from desktop_app.services import documents

    scan = image_file(tmp_path / "scan.png", "Facture 30,00")
    first = scan.read_bytes()
    real_read = documents._read

    def read_then_rewrite(ctx_, paths, progress, cancel):
        results = real_read(ctx_, paths, progress, cancel)
        image_file(scan, "Something else entirely", size=(500, 300))  # another program's write
        return results

    monkeypatch.setattr(documents, "_read", read_then_rewrite)
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
                          f"--title={title}")
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
