"""kill -9 during a passphrase change, set or removal: the old or the new passphrase works."""

from __future__ import annotations

import pytest

from tools import torture_passphrase as tp


@pytest.fixture
def folder(tmp_path):
    folder = tp.Folder(tmp_path)
    folder.setup(tp.make_scans(tmp_path / "scans"))
    return folder


def _killed(folder, *args, passphrase=None, crash_at):
    code, _, _ = folder.run(*args, passphrase=passphrase, crash_at=crash_at)
    assert code == -9, "the child was meant to die at " + crash_at


@pytest.mark.slow
def test_a_change_killed_at_each_step_leaves_exactly_one_passphrase_working(folder):
    old = "the first passphrase"
    code, _, err = folder.run("passphrase", "set", "--passphrase-file", str(folder.secret(old)))
    assert code == 0, err
    expected = {"keyfile-written": old, "keyfile-replaced": None}
    for number, step in enumerate(expected, start=1):
        new = f"the passphrase number {number}"
        _killed(folder, "passphrase", "change", "--passphrase-file", str(folder.secret(new)),
                passphrase=old, crash_at=step)
        works = [p for p in (old, new) if folder.documents(p) is not None]
        assert works == [expected[step] or new]
        assert folder.sound(works[0]) is None
        assert not list(folder.data.glob(".keyfile.json.*"))  # a half-written one is swept
        old = works[0]


@pytest.mark.slow
def test_setting_and_removing_killed_mid_conversion_finish_at_the_next_unlock(folder):
    secret = "the passphrase to set"
    _killed(folder, "passphrase", "set", "--passphrase-file", str(folder.secret(secret)),
            crash_at="converted-2")
    assert folder.documents(None) is None  # the key file is there: the passphrase is asked
    assert folder.sound(secret) is None  # and opening finished the conversion
    code, out, _ = folder.run("passphrase", "status", "--json")
    assert '"converting":null' in out.replace(" ", "")
    _killed(folder, "passphrase", "remove", passphrase=secret, crash_at="converted-3")
    assert folder.sound(secret) is None
    code, out, _ = folder.run("passphrase", "status", "--json")
    assert '"protected":false' in out.replace(" ", "")
    assert folder.sound(None) is None


def test_a_wrong_passphrase_on_the_command_line_is_one_line(folder):
    secret = "the right passphrase"
    code, _, err = folder.run("passphrase", "set", "--passphrase-file", str(folder.secret(secret)),
                              "--json")
    assert code == 0, err
    before = sorted((p.name, p.stat().st_mtime_ns) for p in folder.data.rglob("*") if p.is_file())
    code, out, err = folder.run("doc", "list", passphrase="not the right one")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "wrong passphrase" in err
    after = sorted((p.name, p.stat().st_mtime_ns) for p in folder.data.rglob("*") if p.is_file())
    assert after == before
    code, out, err = folder.run("doc", "list", "--json")  # no terminal, no file: told how
    assert code == 2 and "PAPERASSE_PASSPHRASE_FILE" in err
