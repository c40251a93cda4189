"""A short run of the crash-safety harness: children killed with SIGKILL mid-write, nothing lost.

``make torture`` runs 200 trials; CI runs this smaller count. See ``tools/torture.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_killed_children_lose_nothing_that_reported_success():
    trials = os.environ.get("PAPERASSE_TORTURE_TRIALS", "15")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("PAPERASSE_HOME", None)
    proc = subprocess.run(
        [sys.executable, str(REPO / "tools" / "torture.py"), "--trials", trials, "--seed", "20251122"],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=240,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    summary = proc.stdout.strip().splitlines()[-1]
    found = re.match(r"torture: (\d+) trials, (\d+) killed mid-run, (\d+) actions reported success.*"
                     r" (\d+) violations", summary)
    assert found, summary
    total, killed, reported, violations = map(int, found.groups())
    assert total == int(trials) and violations == 0
    assert killed >= 3, f"too few kills landed: {summary}"
    assert reported >= 3, f"too few actions completed: {summary}"
