"""Errors that reach the user as one clear line, never as a traceback."""


class UserError(Exception):
    """Bad input from the user: the message names the problem and, where it can, the fix.

    The message is what every face shows, so it names no command. ``hint`` is how the command
    line would fix it: an id of desktop_app/cli/hints.py's table and its values, worded (and
    added after the message) by the command line only; the window offers its own buttons.
    """

    def __init__(self, *args, hint: tuple[str, dict] | None = None,
                 message: tuple[str, dict] | None = None):
        super().__init__(*args)
        self.hint = hint
        # (message id, values) of core/rules/messages.py: the window words it in its language;
        # the English text above stays what the command line prints.
        self.message = message

    @classmethod
    def of(cls, message_id: str, **values) -> "UserError":
        """A user error worded from the message table (English as its text)."""
        from desktop_app.core.rules.messages import message

        return cls(message(message_id, "en", **values), message=(message_id, values))

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` when it has an id, else as raised."""
        if self.message is None:
            return str(self)
        from desktop_app.core.rules.messages import message

        # A value may itself be a list of (message id, values): worded, joined by "; ".
        values = {key: "; ".join(message(mid, lang, **vals) for mid, vals in value)
                  if isinstance(value, list) else value
                  for key, value in self.message[1].items()}
        return message(self.message[0], lang, **values)


class NotFound(UserError):
    """A person, document or claim the user named does not exist."""


class StoreTooNew(UserError):
    """The database cannot be used as it is (written by a newer Paperasse, or damaged: see
    StoreDamaged); it is left untouched."""


class Cancelled(Exception):
    """Long work stopped at the user's request; nothing was stored."""


class FolderInUse(UserError):
    """Another window or command has the data folder open, so it cannot be replaced now."""

    def __init__(self, root, pid: int | None = None):
        who = f" (the window, process {pid})" if pid else ""
        super().__init__(
            f"Paperasse is open on {root} in another window or command{who}; close it and "
            "try again, or restore from that window (nothing was changed)"
        )
        self.root = root
        self.pid = pid


class StoreDamaged(StoreTooNew):
    """The database fails SQLite's integrity check: it is left as it is, for a restore."""
