"""``paperasse lpp list|add``: the LPP codes Paperasse knows, and codes the user was given."""

from __future__ import annotations

from desktop_app.cli.lazy import lazy
from desktop_app.cli.main import with_context
from desktop_app.cli.output import emit_json, line, table

lpp = lazy("desktop_app.services.lpp")


def register(sub) -> None:
    group = sub.add_parser("lpp", help="LPP device codes and their tariffs (the CPAM's base)")
    group.set_defaults(handler=None, group_parser=group)
    cmds = group.add_subparsers(dest="lpp_command", metavar="ACTION")

    lst = cmds.add_parser("list", help="the codes Paperasse knows, with their tariff and source")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=with_context(_list))

    add = cmds.add_parser("add", help="add a code you were given (on the invoice or the care sheet)")
    add.add_argument("code", help="7 characters, e.g. 1101720")
    add.add_argument("--tariff", required=True, help="the LPP tariff, e.g. 304,90")
    add.add_argument("--label", help="what the device is")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=with_context(_add))


def _list(args, ctx) -> int:
    codes = lpp.list_codes(ctx)
    if args.json:
        emit_json(codes)
        return 0
    table(
        [[c["code"], c["tariff"], c.get("label") or "", "you" if c["added"] else c.get("as_of", "")]
         for c in codes],
        ["code", "tariff", "label", "added by / as of"],
    )
    return 0


def _add(args, ctx) -> int:
    entry = lpp.add_code(ctx, args.code, args.tariff, args.label)
    if args.json:
        emit_json(entry)
    else:
        line(f"LPP code {entry['code']} added: tariff {entry['tariff']}; claims with this code "
             "now count it as their base")
    return 0
