"""Printing results: JSON for scripts, short lines for people."""

from __future__ import annotations

import json
import sys


def emit_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def line(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def warn(text: str) -> None:
    sys.stdout.flush()  # keep the warning after the line it is about
    sys.stderr.write(f"warning: {text}\n")


def table(rows: list[list], headers: list[str]) -> None:
    if not rows:
        return
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    line("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    for r in cells:
        line("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
