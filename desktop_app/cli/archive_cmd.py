"""``paperasse archive export FILE.zip`` and ``paperasse archive import FILE.zip``."""

from __future__ import annotations

from desktop_app.cli.lazy import lazy
from desktop_app.cli.main import with_context
from desktop_app.cli.output import emit_json, line, warn

archive = lazy("desktop_app.services.archive")


def register(sub) -> None:
    group = sub.add_parser(
        "archive", help="the whole household in one ZIP file: records and stored originals"
    )
    group.set_defaults(handler=None, group_parser=group)
    cmds = group.add_subparsers(dest="archive_command", metavar="ACTION")

    export = cmds.add_parser("export", help="write every record and original to a ZIP file")
    export.add_argument("file", metavar="FILE.zip")
    export.add_argument("--force", action="store_true", help="replace FILE.zip if it exists")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=with_context(_export))

    imp = cmds.add_parser(
        "import",
        help="restore an archive into an empty data folder, or merge it without duplicates",
    )
    imp.add_argument("file", metavar="FILE.zip")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=with_context(_import))


def _export(args, ctx) -> int:
    report = archive.export_archive(ctx, args.file, overwrite=args.force)
    if args.json:
        emit_json(report.to_json())
    else:
        c = report.counts
        line(
            f"archive written: {report.path} ({c.get('people', 0)} people, "
            f"{c.get('documents', 0)} documents, {c.get('claims', 0)} claims, "
            f"{report.files} originals)"
        )
    return 0


def _import(args, ctx) -> int:
    from desktop_app.services import archive_crypt

    try:
        report = archive.import_archive(ctx, args.file)
    except archive_crypt.ArchiveLocked as locked:
        from desktop_app.cli.passphrase_cmd import current_passphrase

        archive_crypt.unlock(locked.path, current_passphrase(locked.path))
        report = archive.import_archive(ctx, args.file)
    if args.json:
        emit_json(report.to_json())
        return 0
    added = {t: n for t, n in report.added.items() if n}
    skipped = {t: n for t, n in report.skipped.items() if n}
    verb = "restored" if report.mode == "restore" else "merged"
    line(f"{verb} {report.archive}: " + (
        ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in added.items()) or "nothing new"
    ) + " added")
    if skipped:
        line("already here, skipped: " + ", ".join(
            f"{n} {t.replace('_', ' ')}" for t, n in skipped.items()
        ))
    if report.safety_backup:
        line(f"the records as they were are kept in backup {report.safety_backup}")
    for note in report.notes:
        warn(note)
    return 0
