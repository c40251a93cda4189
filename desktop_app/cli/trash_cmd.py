"""``paperasse trash list|empty``, and ``delete``/``restore`` of ``doc``, ``claim`` and ``person``."""

from __future__ import annotations

import sys

from desktop_app.cli.lazy import lazy
from desktop_app.cli.main import EXIT_BAD_INPUT, with_context
from desktop_app.cli.output import emit_json, line, table
from desktop_app.core.errors import UserError

trash = lazy("desktop_app.services.trash")

_WHAT = {"document": "document", "claim": "claim", "person": "person"}


def register(sub) -> None:
    group = sub.add_parser("trash", help="what was deleted: kept 30 days, restorable")
    group.set_defaults(handler=None, group_parser=group)
    cmds = group.add_subparsers(dest="trash_command", metavar="ACTION")
    lst = cmds.add_parser("list", help="what is in the Trash, the latest deleted first")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=with_context(_list))
    empty = cmds.add_parser("empty", help="remove everything in the Trash for good")
    empty.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    empty.add_argument("--json", action="store_true")
    empty.set_defaults(handler=with_context(_empty))


def register_item(cmds, kind: str) -> None:
    """``delete ID`` and ``restore ID`` for one group (doc, claim, person)."""
    ref = "name or id" if kind == "person" else f"{kind} id"
    delete = cmds.add_parser("delete", help=f"move a {kind} to the Trash (restorable 30 days)")
    delete.add_argument("id", help=ref)
    if kind == "claim":
        delete.add_argument("--with-documents", action="store_true",
                            help="its documents go to the Trash too (default: back to the Inbox)")
    delete.add_argument("--json", action="store_true")
    delete.set_defaults(handler=with_context(lambda args, ctx: _delete(args, ctx, kind)))
    restore = cmds.add_parser("restore", help=f"bring a {kind} back from the Trash")
    restore.add_argument("id", help=f"{kind} id")
    restore.add_argument("--json", action="store_true")
    restore.set_defaults(handler=with_context(lambda args, ctx: _restore(args, ctx, kind)))


def _delete(args, ctx, kind: str) -> int:
    if kind == "document":
        deleted = trash.delete_document(ctx, args.id)
    elif kind == "claim":
        deleted = trash.delete_claim(ctx, args.id, with_documents=args.with_documents)
    else:
        deleted = trash.delete_person(ctx, args.id)
    if args.json:
        emit_json(deleted.to_dict())
        return 0
    extra = []
    if deleted.kind == "person" and deleted.claims:
        extra.append(f"{deleted.claims} claim(s)")
    if deleted.kind != "document" and deleted.documents:
        extra.append(f"{deleted.documents} document(s)")
    with_them = f" with {' and '.join(extra)}" if extra else ""
    line(f"{kind} {deleted.item_id} ({deleted.label}){with_them} moved to the Trash; "
         f"restore it with: paperasse {_group(kind)} restore {deleted.item_id}")
    if deleted.unlinked:
        line(f"{deleted.unlinked} document(s) went back to the Inbox")
    return 0


def _group(kind: str) -> str:
    return "doc" if kind == "document" else kind


def _restore(args, ctx, kind: str) -> int:
    item = trash.restore_item(ctx, kind, args.id)
    if args.json:
        emit_json(item.to_dict())
    else:
        line(f"{kind} {item.item_id} ({item.label}) restored")
    return 0


def _list(args, ctx) -> int:
    items = trash.list_trash(ctx)
    if args.json:
        emit_json([i.to_dict() for i in items])
        return 0
    if not items:
        line("the Trash is empty")
        return 0
    table(
        [[i.entry_id, i.kind, i.item_id, i.label, i.deleted_at[:16].replace("T", " "),
          i.days_left, _with(i)] for i in items],
        ["entry", "what", "id", "name", "deleted", "days left", "with it"],
    )
    return 0


def _with(item) -> str:
    parts = []
    if item.kind == "person" and item.claims:
        parts.append(f"{item.claims} claim(s)")
    others = item.documents - (1 if item.kind == "document" else 0)
    if others:
        parts.append(f"{others} document(s)")
    return ", ".join(parts)


def _empty(args, ctx) -> int:
    items = trash.list_trash(ctx)
    if not args.yes and items:
        if not sys.stdin.isatty():
            raise UserError(
                f"emptying the Trash removes {len(items)} item(s) for good; add --yes to confirm"
            )
        sys.stderr.write(f"Remove the {len(items)} item(s) in the Trash for good? [y/N] ")
        sys.stderr.flush()
        answer = sys.stdin.readline().strip().lower()
        if answer not in ("y", "yes", "o", "oui"):
            line("nothing was removed")
            return EXIT_BAD_INPUT
    emptied = trash.empty(ctx)
    if args.json:
        emit_json(emptied.to_dict())
    else:
        line(f"the Trash was emptied: {emptied.entries} item(s), {emptied.documents} document(s), "
             f"{emptied.files_removed} stored file(s) removed")
    return 0
