"""``make screenshots`` keeps working as the window's code changes: it drives the real window on
the demo household and reads the services' answers as the window does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="needs xvfb-run (packaging/system-deps.sh)")
def test_the_screenshots_tool_takes_every_view(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env["PAPERASSE_SCREENSHOT_LANGUAGE"] = "fr"
    run = subprocess.run(
        [sys.executable, str(REPO / "tools" / "screenshots.py"), "--screen", "1024x600",
         "--out", str(tmp_path), "--extra", "--forms"],
        env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    taken = {p.name for p in tmp_path.glob("*.png")}
    assert {"dashboard.png", "claim.png", "document.png", "inbox.png", "statement.png",
            "backups.png", "person-form.png", "mailing-ready.png"} <= taken
