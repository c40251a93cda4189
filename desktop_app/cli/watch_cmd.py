"""``paperasse watch``: import what a scanner or a phone drops into folders, without the window."""

from __future__ import annotations

import sys
import time

from desktop_app.cli.lazy import lazy
from desktop_app.cli.main import with_context
from desktop_app.cli.output import clean, emit_json, line

watch_folders = lazy("desktop_app.services.watch_folders")
tracking = lazy("desktop_app.services.tracking")

# How long ``--once`` waits for files still being written before leaving them for next time
# (in checks: with the default interval, a minute).
ONCE_MAX_CHECKS = 120


def register(sub) -> None:
    w = sub.add_parser(
        "watch",
        help="import new scans dropped into folders (until Ctrl-C; one line per file)",
        description="Watch folders and import each new scan or PDF into the Inbox once it has "
        "stopped growing. Without DIR, the folders chosen in the settings (and their choice of "
        "leaving or moving imported files). The same file is never imported twice; a file that "
        "cannot be read is reported once and tried again when it changes.",
    )
    w.add_argument("folders", nargs="*", metavar="DIR", help="folders to watch")
    w.add_argument("--move-imported", action="store_true",
                   help="move each imported file into an 'imported' subfolder")
    w.add_argument("--once", action="store_true",
                   help="import what is there now (waiting for files still being written), then exit")
    w.add_argument("--interval", type=float, default=None, metavar="SECONDS",
                   help="seconds between two looks at the folders (default 2; 0.5 with --once)")
    w.add_argument("--json", action="store_true", help="one JSON object a line")
    w.set_defaults(handler=with_context(_watch))


def _watch(args, ctx) -> int:
    from desktop_app.core.errors import UserError

    if args.folders:
        folders = [watch_folders.checked_folder(ctx, f) for f in args.folders]
        after = watch_folders.MOVE if args.move_imported else watch_folders.LEAVE
    else:
        folders = watch_folders.folders(ctx)
        after = watch_folders.MOVE if args.move_imported else watch_folders.after_import(ctx)
        if not folders:
            raise UserError("no folder to watch: give one (paperasse watch ~/Scans), or choose "
                            "watched folders in the window's Settings")
    interval = args.interval if args.interval is not None else (0.5 if args.once else 2.0)
    if interval <= 0:
        raise UserError(f"--interval must be a positive number of seconds, got {interval}")
    lang = tracking.language(ctx)
    watch = watch_folders.FolderWatch(folders, after)
    checks = 0
    try:
        while True:
            for event in watch.check(ctx, lang):
                _print(event.to_dict() if args.json else event.text(lang), args.json)
            checks += 1
            if args.once and (not watch.waiting or checks >= ONCE_MAX_CHECKS):
                break
            time.sleep(interval)
    except KeyboardInterrupt:
        return 0  # Ctrl-C is how a watch ends: each file was imported whole or not at all
    if args.once:
        for name in watch.waiting_files():
            event = {"event": "still_writing", "file": name}
            text = watch_folders.message("watch.still_writing", lang, file=name)
            _print(event if args.json else text, args.json)
    return 0


def _print(item, as_json: bool) -> None:
    if as_json and sys.stdout.isatty():
        _one_line_json(item)  # one line even at a terminal, where emit_json indents
    elif as_json:
        emit_json(item)
    else:
        line(clean(item))
    sys.stdout.flush()  # each file as it happens, even into a pipe


def _one_line_json(item) -> None:
    import json

    sys.stdout.write(clean(json.dumps(item, ensure_ascii=False)) + "\n")
