"""``paperasse passphrase set|change|remove|status``, and asking for the passphrase of an
encrypted folder before any other command."""

from __future__ import annotations

import getpass
import sys

from desktop_app.cli.lazy import lazy
from desktop_app.cli.output import emit_json, line, warn
from desktop_app.core.errors import UserError

passphrase = lazy("desktop_app.services.passphrase")

RECOVERY_PAGE = """Paperasse: recovery key for the data folder
{root}

    {key}

This key opens the data folder if the passphrase is forgotten. Keep this page somewhere safe,
away from the computer. Without the passphrase or this key, the data cannot be read by anyone.
"""


def register(sub) -> None:
    group = sub.add_parser("passphrase", help="protect the data folder with a passphrase")
    group.set_defaults(handler=None, group_parser=group)
    cmds = group.add_subparsers(dest="passphrase_command", metavar="ACTION")
    for name, text in (
        ("set", "encrypt the data folder with a new passphrase (a backup is taken first)"),
        ("change", "replace the passphrase (the data stays as it is)"),
        ("remove", "decrypt the data folder and drop the passphrase (a backup is taken first)"),
        ("status", "whether the data folder is protected"),
    ):
        cmd = cmds.add_parser(name, help=text)
        if name in ("set", "change"):
            cmd.add_argument("--passphrase-file", metavar="F",
                             help="read the new passphrase from the first line of F "
                                  "(default: ask on the terminal)")
        if name == "set":
            cmd.add_argument("--no-recovery-key", action="store_true",
                             help="no recovery key: the passphrase alone opens the folder")
            cmd.add_argument("--recovery-page", metavar="FILE",
                             help="also write the recovery key as a page to print to FILE")
        cmd.add_argument("--json", action="store_true")
        cmd.set_defaults(handler=globals()[f"_{name}"])


def _ask(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise UserError(
            "the passphrase must be typed at a terminal, or given in a file named by "
            "PAPERASSE_PASSPHRASE_FILE (or --passphrase-file for a new one)"
        )
    return getpass.getpass(prompt)


def current_passphrase(root) -> str:
    """The passphrase of an encrypted folder: PAPERASSE_PASSPHRASE_FILE, else the terminal."""
    return passphrase.passphrase_from_env() or _ask(f"Passphrase for {root}: ")


def _new_passphrase(args) -> str:
    if getattr(args, "passphrase_file", None):
        return passphrase.read_secret_file(args.passphrase_file)
    first = _ask("New passphrase: ")
    passphrase.check_new(first)
    if _ask("The same again: ") != first:
        raise UserError("the two passphrases differ: nothing was changed; type it again")
    return first


def unlock_for_command(data_dir) -> None:
    """Called before a command that opens the data folder."""
    if passphrase.needs_passphrase(data_dir):
        root = passphrase.root_of(data_dir)
        passphrase.unlock(data_dir, current_passphrase(root))


def _progress(args):
    if args.json or not sys.stderr.isatty():
        return None

    def show(done, total):
        sys.stderr.write(f"\rconverting: {done}/{total} file(s)")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _set(args) -> int:
    if passphrase.is_protected(args.data_dir):
        raise UserError(f"{passphrase.root_of(args.data_dir)} already has a passphrase; "
                        "change it or remove it instead")
    if not args.json:
        warn(passphrase.WARNING)
    new = _new_passphrase(args)
    outcome = passphrase.set_passphrase(args.data_dir, new,
                                        with_recovery=not args.no_recovery_key,
                                        progress=_progress(args))
    if outcome.recovery_key and args.recovery_page:
        _write_page(args.recovery_page,
                    RECOVERY_PAGE.format(root=outcome.root, key=outcome.recovery_key))
    if args.json:
        emit_json(outcome.to_dict())
        return 0
    line(f"the data folder {outcome.root} is now encrypted ({outcome.converted_files} file(s))")
    if outcome.backup:
        line(f"backup taken first: {outcome.backup}")
    if outcome.recovery_key:
        line("recovery key (shown once; it opens the folder if the passphrase is forgotten):")
        line(f"    {outcome.recovery_key}")
    return 0


def _write_page(path, text: str) -> None:
    passphrase.write_recovery_page(path, text)


def _change(args) -> int:
    root = passphrase.root_of(args.data_dir)
    old = current_passphrase(root)
    if not passphrase.is_protected(args.data_dir):
        raise UserError(f"{root} has no passphrase yet; set one instead")
    passphrase.unlock(args.data_dir, old)
    new = _new_passphrase(args)
    outcome = passphrase.change_passphrase(args.data_dir, old, new)
    if args.json:
        emit_json(outcome.to_dict())
    else:
        line(f"the passphrase of {outcome.root} was changed")
    return 0


def _remove(args) -> int:
    root = passphrase.root_of(args.data_dir)
    if not passphrase.is_protected(args.data_dir):
        raise UserError(f"{root} has no passphrase")
    old = current_passphrase(root)
    outcome = passphrase.remove_passphrase(args.data_dir, old, progress=_progress(args))
    if args.json:
        emit_json(outcome.to_dict())
        return 0
    line(f"the data folder {outcome.root} is no longer encrypted "
         f"({outcome.converted_files} file(s))")
    if outcome.backup:
        line(f"backup taken first: {outcome.backup}")
    return 0


def _status(args) -> int:
    data = passphrase.status(args.data_dir)
    if args.json:
        emit_json(data)
    else:
        line(f"{data['data_dir']}: " + ("protected by a passphrase" if data["protected"]
                                         else "no passphrase"))
    return 0
