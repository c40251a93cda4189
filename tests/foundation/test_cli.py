"""The command line end to end in a temporary data folder, bad input included."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from desktop_app.cli.main import main

NIR = "2 85 07 75 115 234 32"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def scan(tmp_path) -> Path:
    image = Image.new("RGB", (600, 300), "white")
    ImageDraw.Draw(image).text((40, 40), "Ordonnance du 4 juillet 2025", fill="black")
    path = tmp_path / "scan.jpg"
    image.save(path, "JPEG")
    return path


@pytest.fixture
def claire(data_dir, capsys):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "person", "add", "--name", "Claire Martin",
                         "--nir", NIR, "--birth-date", "1985-07-04")
    assert code == 0, err
    return "Claire Martin"


def stored_files(data_dir: Path) -> list[Path]:
    return [p for p in (data_dir / "originals").rglob("*") if p.is_file() and p.name != "originals.lock"]


def test_version():
    out = subprocess.run([sys.executable, "-m", "desktop_app", "--version"], capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stdout.startswith("paperasse ")


def test_issue_walkthrough(data_dir, capsys, claire, scan):
    d = str(data_dir)
    people = run_json(capsys, "--data-dir", d, "person", "list")
    assert people[0]["nir"] == "285077511523432"
    code, out, err = run(capsys, "--data-dir", d, "import", str(scan), "--person", claire)
    assert code == 0, err
    assert "imported as document 1" in out
    docs = run_json(capsys, "--data-dir", d, "doc", "list")
    assert len(docs) == 1
    assert docs[0]["original_name"] == "scan.jpg" and docs[0]["person"] == "Claire Martin"
    code, out, err = run(capsys, "--data-dir", d, "import", str(scan), "--person", claire)
    assert code == 0
    assert "already imported as document 1" in out
    assert len(stored_files(data_dir)) == 1


def test_beneficiary_and_edit(data_dir, capsys, claire):
    d = str(data_dir)
    child = run_json(capsys, "--data-dir", d, "person", "add", "--name", "Léo Martin",
                     "--beneficiary-of", claire, "--birth-date", "2019-03-02")
    assert child["beneficiary_of"] == "Claire Martin"
    edited = run_json(capsys, "--data-dir", d, "person", "edit", "Léo Martin", "--mutuelle", "MGEN",
                      "--noemie", "yes", "--iban", "FR14 2004 1010 0505 0001 3M02 606")
    assert edited["noemie"] is True and edited["iban"] == "FR1420041010050500013M02606"


def test_nir_inconsistent_with_birth_date_is_a_warning(data_dir, capsys):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "person", "add", "--name", "Paul",
                         "--nir", NIR, "--birth-date", "1990-01-01")
    assert code == 0
    assert "birth year" in err


@pytest.mark.parametrize(
    "argv,message",
    [
        (["person", "add", "--name", "Bad", "--nir", "2 85 07 75 115 234 33"], "key"),
        (["person", "add", "--name", "Bad", "--birth-date", "04/13/1985"], "not a date"),
        (["person", "add", "--name", "Bad", "--iban", "FR00 1234"], "IBAN"),
        (["person", "add", "--name", "Bad", "--beneficiary-of", "Nobody"], "no person named"),
    ],
)
def test_bad_person_input_writes_nothing(data_dir, capsys, argv, message):
    code, out, err = run(capsys, "--data-dir", str(data_dir), *argv)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert err.count("\n") == 1
    assert run_json(capsys, "--data-dir", str(data_dir), "person", "list") == []


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    folder = tmp_path / "folder"
    folder.mkdir()
    text = tmp_path / "notes.jpg"
    text.write_text("this is not an image\n")
    weird = Path(os.fsdecode(bytes(tmp_path) + b"/scan-\xff\xfe.jpg"))
    weird.write_text("still not an image")
    loop = tmp_path / "loop.jpg"
    loop.symlink_to(loop)
    return {
        "missing": (tmp_path / "nope.jpg", "no such file"),
        "folder": (folder, "folder"),
        "empty": (empty, "empty"),
        "text named .jpg": (text, "notes.jpg"),
        "non-UTF-8 name": (weird, "scan-"),
        "symlink loop": (loop, "loop.jpg"),
    }


def test_bad_files_are_refused_one_line_each(data_dir, capsys, claire, tmp_path):
    for label, (path, message) in _bad_files(tmp_path).items():
        code, out, err = run(capsys, "--data-dir", str(data_dir), "import", str(path), "--person", claire)
        assert code == 2, label
        assert message in err, (label, err)
        assert "Traceback" not in err, label
    assert run_json(capsys, "--data-dir", str(data_dir), "doc", "list") == []
    assert stored_files(data_dir) == []


def test_unreadable_file(data_dir, capsys, claire, scan, monkeypatch):
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m, **k: False if Path(p) == scan else real_access(p, m, **k))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", str(scan), "--person", claire)
    assert code == 2 and "permission denied" in err
    assert stored_files(data_dir) == []


def test_unknown_person(data_dir, capsys, scan):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", str(scan), "--person", "Nobody")
    assert code == 2 and "no person named 'Nobody'" in err
    assert stored_files(data_dir) == []


def test_claims_and_links(data_dir, capsys, claire, scan):
    d = str(data_dir)
    run(capsys, "--data-dir", d, "import", str(scan), "--person", claire)
    claim = run_json(capsys, "--data-dir", d, "claim", "new", "--person", claire, "--date", "2025-07-04",
                     "--category", "lpp_device", "--paid", "304,90", "--lpp", "1234567")
    assert claim["amount_paid"] == "304.90"
    linked = run_json(capsys, "--data-dir", d, "claim", "add-doc", str(claim["id"]), "1")
    assert [x["id"] for x in linked["documents"]] == [1]
    listed = run_json(capsys, "--data-dir", d, "claim", "list")
    assert listed[0]["person"] == "Claire Martin"
    code, out, err = run(capsys, "--data-dir", d, "claim", "new", "--person", claire, "--category", "spa")
    assert code == 2 and "category must be one of" in err


def test_data_dir_from_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PAPERASSE_HOME", str(tmp_path / "home"))
    assert run(capsys, "person", "add", "--name", "Anne")[0] == 0
    assert (tmp_path / "home" / "paperasse.db").exists()


def test_no_display_says_how_to_run(monkeypatch, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run([sys.executable, "-m", "desktop_app", "--data-dir", str(tmp_path)],
                         capture_output=True, text=True, env=env)
    assert out.returncode == 2
    assert "xvfb-run" in out.stderr and out.stderr.count("\n") == 1


def test_postal_address_and_guarantees_can_be_set_and_removed(data_dir, capsys, claire):
    d = str(data_dir)
    edited = run_json(capsys, "--data-dir", d, "person", "edit", claire, "--address", "8 place Bellecour, 69002 Lyon",
                      "--guarantees", "consultation=100% BR,lpp_device=200% BR")
    assert edited["postal_address"] == "8 place Bellecour\n69002 Lyon"
    assert edited["mutuelle_guarantees"] == {"consultation": "100% BR", "lpp_device": "200% BR"}
    edited = run_json(capsys, "--data-dir", d, "person", "edit", claire, "--guarantees", "lpp_device=")
    assert edited["mutuelle_guarantees"] == {"consultation": "100% BR"}
    code, out, err = run(capsys, "--data-dir", d, "person", "edit", claire, "--guarantees", "dental=lots")
    assert code == 2 and "not understood" in err


def test_every_command_and_subcommand_has_a_help_that_prints(capsys):
    """--help on every command, as a user tries it: none may crash (a stray % in a help text
    makes argparse raise)."""
    import argparse

    from desktop_app.cli.main import build_parser

    def walk(parser, path):
        yield path
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield from walk(sub, path + [name])

    paths = list(walk(build_parser(), []))
    assert len(paths) > 20
    for path in paths:
        with pytest.raises(SystemExit) as done:
            main(path + ["--help"])
        assert done.value.code == 0, path
        assert "usage:" in capsys.readouterr().out, path


def test_every_payer_flag_is_payer_with_the_old_names_kept(data_dir, capsys):
    d = ["--data-dir", str(data_dir)]
    assert main([*d, "person", "add", "--name", "Claire Martin"]) == 0
    assert main([*d, "claim", "new", "--person", "Claire Martin", "--date", "2025-05-02",
                 "--category", "consultation", "--paid", "30"]) == 0
    assert main([*d, "claim", "send", "1", "--payer", "cpam", "--date", "2025-05-03"]) == 0
    assert main([*d, "claim", "paid", "1", "--payer", "cpam", "--amount", "5"]) == 0
    assert main([*d, "claim", "undo", "1", "--payer", "cpam"]) == 0
    assert main([*d, "claim", "paid", "1", "--from", "cpam", "--amount", "5"]) == 0  # as before
    capsys.readouterr()
