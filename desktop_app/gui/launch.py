"""Starting the desktop app: display check, data folder, main window."""

from __future__ import annotations

import os
import sys


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def launch(
    data_dir: str | None = None, argv: list[str] | None = None, files: list[str] | None = None
) -> int:
    if not _has_display():
        sys.stderr.write(
            "paperasse: no display found; to run without a screen use: xvfb-run -a paperasse\n"
        )
        return 2
    from desktop_app.core.errors import UserError
    from desktop_app.gui.app import run

    try:
        return run(data_dir, argv or sys.argv[:1], files=files)
    except UserError as exc:
        sys.stderr.write(f"paperasse: error: {exc}\n")
        return 2
