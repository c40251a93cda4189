"""Running the command line inside a test, as a user would type it."""

from __future__ import annotations

import json

from desktop_app.cli.main import main

NIR = "2 85 07 75 115 234 32"  # a valid NIR (its key checks), for the household's insured


def run(capsys, *argv):
    """``paperasse ARGV…``: the exit code, what it printed and what it said on stderr."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv, expect: int = 0):
    """``paperasse ARGV… --json``, its exit code checked, its output parsed."""
    code, out, err = run(capsys, *argv, "--json")
    assert code == expect, err
    return json.loads(out)
