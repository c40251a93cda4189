"""``paperasse backup now|list|verify ID|restore ID``.

``list`` and ``verify`` only read the backups folder, and ``restore`` still works
when the current database cannot be opened: that is when it is needed most.
"""

from __future__ import annotations

from desktop_app import config
from desktop_app.cli.main import EXIT_PROBLEMS, with_context
from desktop_app.cli.output import emit_json, line, table, warn
from desktop_app.core.errors import UserError
from desktop_app.cli.lazy import lazy

backups = lazy("desktop_app.services.backups")

_ID_HELP = "backup file name, or its number in 'backup list'"


def register(sub) -> None:
    group = sub.add_parser(
        "backup", help="backups of the records (stored originals are never copied)"
    )
    group.set_defaults(handler=None, group_parser=group)
    cmds = group.add_subparsers(dest="backup_command", metavar="ACTION")

    now = cmds.add_parser("now", help="write a backup of the records now")
    now.add_argument("--json", action="store_true")
    now.set_defaults(handler=with_context(_now))

    lst = cmds.add_parser("list", help="list the backups, newest first")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_list)

    verify = cmds.add_parser("verify", help="check a backup and the originals it refers to")
    verify.add_argument("id", metavar="ID", help=_ID_HELP)
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
    restore.add_argument("id", metavar="ID", help=_ID_HELP)
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


def _now(args, ctx) -> int:
    info = backups.backup_now(ctx, reason="manual")
    if args.json:
        emit_json(info.to_dict())
    else:
        line(f"backup written: {info.id} ({_counts_text(info.counts)})")
    return 0


def _list(args) -> int:
    paths = config.prepare(args.data_dir)
    listed = backups.list_backups(paths)
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


def _verify(args) -> int:
    paths = config.prepare(args.data_dir)
    result = backups.verify(paths, args.id)
    if args.json:
        emit_json(result.to_dict())
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


def _restore(args) -> int:
    paths = config.prepare(args.data_dir)
    try:
        from desktop_app.services.context import open_context

        ctx = open_context(args.data_dir)
    except UserError as exc:
        # The current database cannot be opened: restore over it, keeping a byte copy.
        warn(f"the current records cannot be opened ({exc}); they are copied aside as they are")
        ctx = None
    try:
        report = backups.restore(ctx if ctx is not None else paths, args.id)
    finally:
        if ctx is not None:
            ctx.close()
    missing = report["missing_originals"] + report["altered_originals"]
    if args.json:
        emit_json(report)
    else:
        line(f"restored backup {report['restored']} ({_counts_text(report['counts'])})")
        if report["safety_backup"]:
            line(f"the records as they were are kept in backup {report['safety_backup']}")
        for name in report["missing_originals"]:
            warn(f"stored original {name} is missing: re-import that file")
        for name in report["altered_originals"]:
            warn(f"stored original {name} does not match its checksum: re-import that file")
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
