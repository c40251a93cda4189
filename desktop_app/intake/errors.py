"""The one error scan intake raises: a file it cannot read, with the fix."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.errors import UserError


class IntakeError(UserError):
    """A file that cannot be read; the message names the file and what to do."""

    def __init__(self, path: str | Path | None, problem: str, fix: str | None = None):
        name = Path(path).name if path is not None else "the file"
        message = f"{name} {problem}"
        if fix:
            message += f": {fix}"
        # One line, whatever the underlying library put in its own message.
        super().__init__(" ".join(message.split()))
        self.path = str(path) if path is not None else None
