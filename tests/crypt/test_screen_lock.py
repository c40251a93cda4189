"""The window of an encrypted folder locks when the desktop's screen locks (D-Bus)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.mark.skipif(shutil.which("dbus-run-session") is None,
                    reason="no dbus-run-session (package dbus-daemon, in packaging/system-deps.sh)")
def test_the_window_locks_when_the_screen_saver_comes_on(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(QT_QPA_PLATFORM="offscreen", PAPERASSE_HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), PYTHONPATH=str(HERE.parents[1]))
    done = subprocess.run(
        ["dbus-run-session", "--", sys.executable, str(HERE / "screen_lock_desktop.py"),
         str(tmp_path / "data")],
        capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome == {"watched": True, "shown": True, "desktop": True, "locked": True,
                       "window_gone": True, "keys_forgotten": True}
