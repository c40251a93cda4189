"""Checks on a file given to read or import, and names safe to print: light enough for a
one-file command such as ``paperasse extract`` (the message catalogue loads only to refuse)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from desktop_app.core.errors import UserError
from desktop_app.services import limits

# Control characters, and the bidirectional overrides that make a terminal show text reversed.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def display_name(path: Path | str) -> str:
    """A file name safe to print on one line, whatever bytes it was made of."""
    raw = os.fsencode(str(path))
    return _CONTROL.sub("?", raw.decode("utf-8", errors="replace"))


def printable(message: str) -> str:
    """A message safe for any output: undecodable bytes as \ufffd, control characters as '?'."""
    text = message.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")
    return _CONTROL.sub("?", text)


def check_input_file(path: Path, lang: str = "en") -> None:
    """Reject what cannot be imported, with a message naming the file and the fix."""
    name = display_name(path)

    def refuse(message_id: str, **values) -> UserError:
        from desktop_app.core.rules.messages import message

        return UserError(message(message_id, lang, name=name, **values))

    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise refuse("import.broken_link") from None
        raise refuse("import.no_such_file") from None
    except OSError as exc:
        # ELOOP and friends: a link that points back to itself.
        raise refuse("import.cannot_read_path", error=exc.strerror or exc) from None
    if path.is_dir():
        raise refuse("import.is_folder")
    if not path.is_file():
        raise refuse("import.not_regular")
    if info.st_size == 0:
        raise refuse("import.empty")
    if info.st_size > limits.MAX_FILE_BYTES:
        raise refuse("import.too_large", size=info.st_size // (1 << 20),
                     limit=limits.MAX_FILE_BYTES // (1 << 20))
    if not os.access(path, os.R_OK):
        raise refuse("import.permission")
