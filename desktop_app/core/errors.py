"""Errors that reach the user as one clear line, never as a traceback."""


class UserError(Exception):
    """Bad input from the user: the message names the problem and, where it can, the fix."""


class NotFound(UserError):
    """A person, document or claim the user named does not exist."""


class StoreTooNew(UserError):
    """The database was written by a newer Paperasse; it is left untouched."""


class Cancelled(Exception):
    """Long work stopped at the user's request; nothing was stored."""
