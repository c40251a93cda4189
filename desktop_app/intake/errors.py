"""The one error scan intake raises: a file it cannot read, with the fix."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.errors import UserError


class IntakeError(UserError):
    """A file that cannot be read; the message names the file and what to do.

    ``problem`` and ``fix`` are message ids (core/rules/messages.py) filled with ``values``: the
    exception's own text is English, ``text(lang)`` words it in the user's language."""

    def __init__(self, path: str | Path | None, problem: str, fix: str | None = None,
                 **values: object):
        self.path = str(path) if path is not None else None
        self.problem, self.fix, self.values = problem, fix, values
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        # The message catalogue (and the rules package it sits in) loads only when a file is
        # refused: a command reading a good scan does not pay for it.
        from desktop_app.core.rules.messages import message

        name = Path(self.path).name if self.path is not None else message("intake.the_file", lang)
        values = {key: (message(value[1:], lang) if isinstance(value, str) and value[:1] == "@"
                        else value) for key, value in self.values.items()}
        words = message(self.problem, lang, name=name, **values)
        if self.fix:
            words = message("intake.with_fix", lang, problem=words, fix=message(self.fix, lang))
        # One line, whatever the underlying library put in its own message.
        return " ".join(words.split())
