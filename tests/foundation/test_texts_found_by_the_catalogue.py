"""A window text is looked up under the class that writes it: lupdate files ``self.tr("…")``
under the enclosing class, so ``other.tr("…")`` is filed under a context named after the variable
(``window``, ``dialog``) that the running app never asks, and the text stays English in French."""

from __future__ import annotations

import re
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "desktop_app" / "gui"


def test_every_tr_call_in_the_window_is_self_tr():
    found = []
    for path in sorted(GUI.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in re.finditer(r"\b(\w+)\.tr\(", line):
                if match.group(1) != "self":
                    found.append(f"{path.relative_to(GUI)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
