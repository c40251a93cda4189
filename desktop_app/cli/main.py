"""``paperasse``: the command line, and the GUI when no command is given."""

from __future__ import annotations

import argparse
import os
import sys

from desktop_app import __version__
from desktop_app.core.errors import UserError

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line with exit 2."""

    def error(self, message):
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see --help)\n")


# Which module registers each command. A command builds only its own module's options: the
# others cost import time that a quick command such as ``extract`` does not need.
# tests/foundation/test_command_table.py checks this table against what the modules register.
COMMAND_MODULES = {
    "person": "people_cmd",
    "import": "documents_cmd", "extract": "extract_cmd", "search": "documents_cmd",
    "doc": "documents_cmd",
    "claim": "claims_cmd",
    "trash": "trash_cmd",
    "check": "tracking_cmd", "status": "tracking_cmd", "estimate": "tracking_cmd",
    "export": "tracking_cmd", "statement": "tracking_cmd",
    "bundle": "bundle_cmd", "address": "bundle_cmd", "summary": "bundle_cmd",
    "archive": "archive_cmd",
    "backup": "backup_cmd",
    "lpp": "lpp_cmd",
    "watch": "watch_cmd",
    "calendar": "reminders_cmd",
    "layouts": "layouts_cmd",
    "passphrase": "passphrase_cmd",
}

# Commands that never open the data folder's records (or unlock it themselves).
_NO_UNLOCK = {"passphrase", "extract", "gui"}


def _command_modules(command: str | None = None):
    """The modules registering ``command``, or every command's in the order --help lists them."""
    import importlib

    names = [COMMAND_MODULES[command]] if command in COMMAND_MODULES else list(
        dict.fromkeys(COMMAND_MODULES.values()))
    return [importlib.import_module(f"desktop_app.cli.{name}") for name in names]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``command`` only what that command needs."""
    parser = _Parser(
        prog="paperasse",
        description="Paperasse keeps a household's French health-reimbursement paperwork in order. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"paperasse {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="data folder (default: $PAPERASSE_HOME or the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in _command_modules(command):
        module.register(sub)
    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument(
        "files", nargs="*", metavar="FILE",
        help="scans or PDFs to import once the window is open (what 'Open with' passes)",
    )
    gui.set_defaults(handler=None)
    return parser


def _command_at(argv: list[str]) -> int:
    """Where the command word stands: after the options given before it."""
    i = 0
    while i < len(argv) and argv[i].startswith("-") and argv[i] != "--":
        i += 2 if argv[i] == "--data-dir" else 1
    return i


def _files_mean_gui(argv: list[str]) -> list[str]:
    """``paperasse FILE...`` (the desktop entry's ``Exec=paperasse %F``) is ``paperasse gui FILE...``."""
    i = _command_at(argv)
    if i < len(argv) and argv[i] not in COMMAND_MODULES and argv[i] != "gui" and os.path.exists(argv[i]):
        return argv[:i] + ["gui"] + argv[i:]
    return argv


def _quiet_libraries() -> None:
    """Libraries' own warnings (pypdf recovering a damaged file…) stay off the terminal;
    once a data folder is open they go to its log file."""
    import logging

    logging.captureWarnings(True)
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())


def main(argv: list[str] | None = None) -> int:
    _quiet_libraries()
    argv = _files_mean_gui(list(sys.argv[1:] if argv is None else argv))
    at = _command_at(argv)
    parser = build_parser(argv[at] if at < len(argv) else None)
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    bad = _not_text(args)
    if bad:
        sys.stderr.write(
            f"paperasse: error: {bad} holds bytes that are not UTF-8 text; type it again, or "
            "set the terminal to UTF-8 (LANG=fr_FR.UTF-8)\n"
        )
        return EXIT_BAD_INPUT
    if handler is None:
        if getattr(args, "group_parser", None) is not None:
            args.group_parser.print_help()
            return EXIT_BAD_INPUT
        from desktop_app.gui.launch import launch

        return launch(args.data_dir, files=getattr(args, "files", None))
    try:
        if getattr(args, "command", None) not in _NO_UNLOCK:
            from desktop_app.cli.passphrase_cmd import unlock_for_command

            unlock_for_command(args.data_dir)
        return handler(args) or EXIT_OK
    except UserError as exc:
        from desktop_app.cli.hints import with_hint
        from desktop_app.services.input_files import printable

        message = with_hint(str(exc), getattr(exc, "hint", None))
        sys.stderr.write(f"paperasse: error: {printable(message)}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("paperasse: interrupted; nothing half-written was kept\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug, not a user mistake: short message, details on demand
        if os.environ.get("PAPERASSE_DEBUG"):
            raise
        sys.stderr.write(
            f"paperasse: internal error: {type(exc).__name__}: {exc} "
            "(set PAPERASSE_DEBUG=1 for details and report it)\n"
        )
        return 3


def _not_text(args) -> str | None:
    """The first option whose value is not valid text (undecodable bytes from the terminal).
    File paths may hold any bytes: those are left to the commands that open them."""
    paths = {"files", "file", "out", "document", "data_dir", "paths"}
    for key, value in vars(args).items():
        if key in paths:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    return f"--{key.replace('_', '-')}"
    return None


def with_context(func):
    """Open the data folder for a command handler, and close it afterwards."""

    def wrapper(args):
        from desktop_app.services.context import open_context
        from desktop_app.services.log import setup_logging

        ctx = open_context(args.data_dir)
        setup_logging(ctx.paths)
        try:
            return func(args, ctx)
        finally:
            ctx.close()

    return wrapper
