"""Printing results: JSON for scripts, short lines for people."""

from __future__ import annotations

import json
import re
import sys

# What a terminal would act on rather than show: C0/C1 controls (ANSI and OSC escapes start with
# them) and the bidirectional overrides. Names and titles come from users and scanned papers.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` safe to print: each unsafe character shown as '?', undecodable bytes as \ufffd."""
    text = text.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")
    return _UNSAFE.sub("?", text)


def emit_json(data) -> None:
    # Indented for a person at a terminal; compact for a script or a file, which Python's fast
    # (C) encoder writes several times quicker: a household's status is megabytes of JSON.
    if sys.stdout.isatty():
        text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    else:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    # json escapes C0 controls itself; the others stay valid JSON written as \uXXXX escapes.
    text = _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    sys.stdout.write(clean(text) + "\n")


def emit_json_chunks(chunks) -> None:
    """JSON a service wrote as plain ASCII text (every other character escaped), piece by piece:
    nothing in it a terminal would act on, and nothing to build or clean again."""
    write = sys.stdout.write
    for chunk in chunks:
        if not chunk.isascii():
            chunk = clean(chunk)
        write(chunk)
    write("\n")


def line(text: str = "") -> None:
    sys.stdout.write(clean(text) + "\n")


def warn(text: str) -> None:
    sys.stdout.flush()  # keep the warning after the line it is about
    sys.stderr.write(f"warning: {clean(text)}\n")


def table(rows: list[list], headers: list[str]) -> None:
    if not rows:
        return
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    line("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    for r in cells:
        line("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
