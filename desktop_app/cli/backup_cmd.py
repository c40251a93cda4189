"""``paperasse backup now|list|verify ID|restore ID``, and to a folder the user picks:
``backup to DIR``, ``now --to DIR``, ``list|verify|restore --from DIR``.

``list`` and ``verify`` only read the backups folder, and ``restore`` still works
when the current database cannot be opened: that is when it is needed most.
"""

from __future__ import annotations

from desktop_app import config
from desktop_app.cli.lazy import lazy
from desktop_app.cli.main import EXIT_PROBLEMS, with_context
from desktop_app.cli.output import emit_json, line, table, warn
from desktop_app.core.errors import UserError

backups = lazy("desktop_app.services.backups")
backup_folder = lazy("desktop_app.services.backup_folder")

_ID_HELP = "backup file name, or its number in 'backup list'"


def register(sub) -> None:
    group = sub.add_parser(
        "backup", help="backups of the records (stored originals are never copied)"
    )
    group.set_defaults(handler=None, group_parser=group)
    cmds = group.add_subparsers(dest="backup_command", metavar="ACTION")

    now = cmds.add_parser("now", help="write a backup of the records now")
    now.add_argument("--to", metavar="DIR",
                     help="back up the records and the scans to this folder instead")
    now.add_argument("--json", action="store_true")
    now.set_defaults(handler=with_context(_now))

    to = cmds.add_parser(
        "to", help="remember DIR as the backup folder and back up the records and scans there"
    )
    to.add_argument("dir", metavar="DIR")
    to.add_argument("--remind-days", type=int, metavar="N",
                    help="remind when the last backup there is N days old (default 7)")
    to.add_argument("--json", action="store_true")
    to.set_defaults(handler=with_context(_to))

    lst = cmds.add_parser("list", help="list the backups, newest first")
    lst.add_argument("--from", dest="source", metavar="DIR", help="the backups in this folder")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_list)

    verify = cmds.add_parser("verify", help="check a backup and the originals it refers to")
    verify.add_argument("id", metavar="ID", nargs="?", help=_ID_HELP + " (with --from: the newest if left out)")
    verify.add_argument("--from", dest="source", metavar="DIR", help="a backup in this folder")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=_verify)

    recover = cmds.add_parser(
        "recover", help="put back originals lost or damaged since, from those kept with the backups"
    )
    recover.add_argument("--json", action="store_true")
    recover.set_defaults(handler=with_context(_recover))

    restore = cmds.add_parser(
        "restore", help="replace the records with a backup (the current ones are backed up first)"
    )
    restore.add_argument("id", metavar="ID", nargs="?", help=_ID_HELP + " (with --from: the newest if left out)")
    restore.add_argument("--from", dest="source", metavar="DIR",
                         help="rebuild the records and every scan from a backup in this folder")
    restore.add_argument("--json", action="store_true")
    restore.set_defaults(handler=_restore)


def _counts_text(counts: dict) -> str:
    if not counts:
        return "contents unknown"
    return (
        f"{counts.get('people', 0)} people, {counts.get('documents', 0)} documents, "
        f"{counts.get('claims', 0)} claims"
    )


def _size_text(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return str(size)


def _need_id(args) -> None:
    if args.id is None and args.source is None:
        raise UserError("which backup? give its file name or its number", hint=("backup.list", {}))


def _folder_report(args, result) -> int:
    if args.json:
        emit_json(result.to_json())
        return EXIT_PROBLEMS if result.missing else 0
    line(f"backup written to {result.folder}: {result.id} ({_counts_text(result.counts)})")
    line(f"{result.originals} scan(s) kept there, {result.copied} copied this time")
    for name in result.recopied:
        warn(f"the copy of {name} there was damaged: copied again")
    for name in result.missing:
        warn(f"stored original {name} is missing or damaged in the data folder: not copied")
    return EXIT_PROBLEMS if result.missing else 0


def _to(args, ctx) -> int:
    if args.remind_days is not None:
        if args.remind_days < 1:
            raise UserError(f"--remind-days must be at least 1, got {args.remind_days}")
        ctx.set_setting(backup_folder.REMIND_SETTING, args.remind_days)
    return _folder_report(args, backup_folder.back_up(ctx, args.dir, remember=True))


def _now(args, ctx) -> int:
    if args.to:
        return _folder_report(args, backup_folder.back_up(ctx, args.to))
    info = backups.backup_now(ctx, reason="manual")
    if args.json:
        emit_json(info.to_json())
    else:
        line(f"backup written: {info.id} ({_counts_text(info.counts)})")
    return 0


def _list(args) -> int:
    _unlock_source(args)
    if args.source:
        listed = backup_folder.list_backups(args.source)
    else:
        listed = backups.list_backups(config.prepare(args.data_dir))
    if args.json:
        emit_json(listed)
        return 0
    if not listed:
        line("no backups yet: write one with  paperasse backup now")
        return 0
    table(
        [
            [b["index"], b["id"], b["created_at"], b["reason"], _size_text(b["size"]),
             _counts_text(b["counts"])]
            for b in listed
        ],
        ["#", "id", "created", "reason", "size", "contents"],
    )
    return 0


def _unlock_source(args) -> None:
    """A backup folder of an encrypted data folder: its passphrase, as for the data folder."""
    if getattr(args, "source", None) and backup_folder.needs_passphrase(args.source):
        from desktop_app.cli.passphrase_cmd import current_passphrase

        backup_folder.unlock(args.source, current_passphrase(args.source))


def _verify(args) -> int:
    _need_id(args)
    _unlock_source(args)
    if args.source:
        return _verify_folder(args)
    paths = config.prepare(args.data_dir)
    result = backups.verify(paths, args.id)
    if args.json:
        emit_json(result.to_json())
    elif result.damaged:
        line(f"backup {result.id} failed verification: {'; '.join(result.damaged)}")
    else:
        line(f"backup {result.id}: sound ({_counts_text(result.counts)})")
        for problem in result.problems():
            warn(f"backup {result.id}: {problem}")
        for note in result.notes:
            warn(f"backup {result.id}: {note}")
        for name in result.recoverable_originals:
            warn(f"original {name} is missing or damaged but kept with the backups: "
                 "'paperasse backup recover' puts it back")
    return 0 if result.ok else EXIT_PROBLEMS


def _verify_folder(args) -> int:
    result = backup_folder.verify(args.source, args.id)
    if args.json:
        emit_json(result.to_json())
    elif result.damaged:
        line(f"backup {result.id} in {result.folder} failed verification: {'; '.join(result.damaged)}")
    else:
        line(f"backup {result.id} in {result.folder}: sound ({_counts_text(result.counts)})")
        for name in result.missing_originals:
            warn(f"the copy of stored original {name} is missing there")
        for name in result.altered_originals:
            warn(f"the copy of stored original {name} there is damaged: the next backup copies it again")
    return 0 if result.ok else EXIT_PROBLEMS


def _restore(args) -> int:
    _need_id(args)
    _unlock_source(args)
    paths = config.prepare(args.data_dir)
    try:
        from desktop_app.services.context import open_context

        ctx = open_context(args.data_dir)
    except UserError as exc:
        # The current database cannot be opened: restore over it, keeping a byte copy.
        warn(f"the current records cannot be opened ({exc}); they are copied aside as they are")
        ctx = None
    try:
        target = ctx if ctx is not None else paths
        if args.source:
            report = backup_folder.restore_from(target, args.source, args.id)
        else:
            report = backups.restore(target, args.id)
    finally:
        if ctx is not None:
            ctx.close()
    missing = report.missing_originals + report.altered_originals
    if args.json:
        emit_json(report.to_json())
    else:
        line(f"restored backup {report.restored} ({_counts_text(report.counts)})")
        if report.folder is not None:
            line(f"{report.copied_originals} scan(s) copied from {report.folder}")
        if report.safety_backup:
            line(f"the records as they were are kept in backup {report.safety_backup}")
        where = " in the backup folder" if report.folder is not None else ""
        for name in report.missing_originals:
            warn(f"stored original {name} is missing{where}: re-import that file")
        for name in report.altered_originals:
            warn(f"stored original {name}{where} does not match its checksum: re-import that file")
    return EXIT_PROBLEMS if missing else 0


def _recover(args, ctx) -> int:
    result = backups.recover_originals(ctx)
    if args.json:
        emit_json(result)
    else:
        line(f"{len(result['recovered'])} original(s) put back")
        for name in result["lost"]:
            warn(f"{name}: lost, and not kept with any backup; import the paper again")
    return EXIT_PROBLEMS if result["lost"] else 0
