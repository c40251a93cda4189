"""``paperasse layouts list|forget``: what the user's corrections taught about issuers' layouts."""

from __future__ import annotations

from desktop_app.cli.lazy import lazy
from desktop_app.cli.main import EXIT_BAD_INPUT, with_context
from desktop_app.cli.output import emit_json, line, table

layout_memory = lazy("desktop_app.services.layout_memory")

_ISSUER = {"siret": "SIRET", "rpps": "RPPS", "fingerprint": "letterhead"}


def register(sub) -> None:
    group = sub.add_parser(
        "layouts", help="where corrected fields stand on each issuer's papers (remembered)")
    group.set_defaults(handler=None, group_parser=group)
    cmds = group.add_subparsers(dest="layouts_command", metavar="ACTION")
    lst = cmds.add_parser("list", help="the remembered layouts, the latest taught first")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=with_context(_list))
    forget = cmds.add_parser(
        "forget", help="forget a remembered layout (its issuer's papers are read as any other)")
    forget.add_argument("id", nargs="?", help="the layout's id (see 'layouts list')")
    forget.add_argument("--all", action="store_true", help="forget every remembered layout")
    forget.add_argument("--json", action="store_true")
    forget.set_defaults(handler=with_context(_forget))


def _issuer(info) -> str:
    kind = _ISSUER.get(info.issuer_type, info.issuer_type)
    return f"{kind} {info.issuer_key}"


def _list(args, ctx) -> int:
    items = layout_memory.list_layouts(ctx)
    if args.json:
        emit_json([i.to_dict() for i in items])
        return 0
    if not items:
        line("no layout remembered yet: correcting a field of a document teaches its issuer's")
        return 0
    table(
        [[i.id, i.issuer_name or "", _issuer(i), i.kind, ", ".join(i.fields), i.uses,
          i.updated_at[:16].replace("T", " ")] for i in items],
        ["id", "issuer", "known by", "kind", "fields", "used", "taught"],
    )
    return 0


def _forget(args, ctx) -> int:
    if args.all == (args.id is not None):
        import sys

        sys.stderr.write("paperasse layouts forget: give a layout's id, or --all (see --help)\n")
        return EXIT_BAD_INPUT
    if args.all:
        count = layout_memory.forget_all(ctx)
        if args.json:
            emit_json({"forgotten": count})
        else:
            line(f"{count} remembered layout(s) forgotten")
        return 0
    info = layout_memory.forget(ctx, args.id)
    if args.json:
        emit_json({"forgotten": 1, "layout": info.to_dict()})
    else:
        line(f"layout {info.id} ({info.issuer_name or _issuer(info)}) forgotten")
    return 0
