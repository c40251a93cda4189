"""Errors that reach the user as one clear line, never as a traceback."""


class UserError(Exception):
    """Bad input from the user: the message names the problem and, where it can, the fix.

    The message is what every face shows, so it names no command. ``hint`` is how the command
    line would fix it: an id of desktop_app/cli/hints.py's table and its values, worded (and
    added after the message) by the command line only; the window offers its own buttons.
    """

    def __init__(self, *args, hint: tuple[str, dict] | None = None):
        super().__init__(*args)
        self.hint = hint


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
