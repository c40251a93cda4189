"""``paperasse bundle``, ``paperasse address list|add``, ``paperasse summary``."""

from __future__ import annotations

from desktop_app.cli.hints import fix_text, hint_text
from desktop_app.cli.lazy import lazy
from desktop_app.cli.main import with_context
from desktop_app.cli.output import emit_json, line, table, warn
from desktop_app.core.model import PAYERS

tracking = lazy("desktop_app.services.tracking")


def register(sub) -> None:
    bun = sub.add_parser(
        "bundle",
        help="one PDF to print and post: a cover letter and the claim's papers",
        description="Prepare the mailing of a claim: a cover letter in French addressed to the "
        "CPAM or the mutuelle, the stored originals it needs, and a memo to keep. Refused while "
        "something blocking is missing, unless --force.",
    )
    bun.add_argument("claim", metavar="CLAIM")
    bun.add_argument("--payer", "--to", required=True, choices=PAYERS, dest="payer")
    bun.add_argument("--out", required=True, metavar="FILE.pdf")
    bun.add_argument("--force", action="store_true",
                     help="prepare it even though the claim is incomplete, and replace "
                     "FILE.pdf if it exists")
    bun.add_argument("--json", action="store_true")
    bun.set_defaults(handler=with_context(_bundle))

    addr = sub.add_parser("address", help="the address book of caisses (and mutuelles)")
    addr.set_defaults(handler=None, group_parser=addr)
    cmds = addr.add_subparsers(dest="address_command", metavar="ACTION")
    lst = cmds.add_parser("list", help="caisses known to Paperasse and your own")
    lst.add_argument("query", nargs="?", metavar="QUERY",
                     help="a name, a département number or a code, e.g. Gironde or 33")
    lst.add_argument("--mutuelles", action="store_true", help="list mutuelles instead")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=with_context(_address_list))
    add = cmds.add_parser("add", help="save a caisse's postal address (or a mutuelle's)")
    add.add_argument("--name", required=True)
    add.add_argument("--address", required=True,
                     help='postal lines, separated by commas or newlines: "33085 Bordeaux Cedex"')
    add.add_argument("--code", help="caisse code or département number")
    add.add_argument("--mutuelle", action="store_true", help="it is a mutuelle's address")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=with_context(_address_add))

    summ = sub.add_parser("summary", help="a PDF of one person's claims and refunds for a year")
    summ.add_argument("--person", required=True, help="name or id")
    summ.add_argument("--year", required=True, type=int)
    summ.add_argument("--out", required=True, metavar="FILE.pdf")
    summ.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    summ.add_argument("--lang", choices=["fr", "en"], default="fr")
    summ.add_argument("--json", action="store_true")
    summ.set_defaults(handler=with_context(_summary))


def _bundle(args, ctx) -> int:
    from desktop_app.services import bundle

    report = bundle.build_bundle(ctx, args.claim, args.payer, args.out, override=args.force,
                                 replace=args.force)
    if args.json:
        emit_json(report.to_json())
        return 0
    for notice in report.notices:
        fix = fix_text(notice.fix)
        warn(f"{notice.text()}; {fix}" if fix else notice.text())
    line(f"wrote {report.path} ({report.pages} pages: letter, "
         f"{len(report.enclosed)} document(s), and a memo to keep on the last page)")
    line("Once posted: " + hint_text(("claim.send", report.next)))
    return 0


def _entry_line(entry: dict) -> list:
    address = (entry.get("address") or "").replace("\n", ", ")
    if entry.get("outdated"):
        address = "OUTDATED: " + (entry.get("explanation") or "")
    elif not address:
        address = f"(unknown: {entry.get('note') or 'see the attestation de droits'})"
    return [entry.get("code") or entry.get("departement") or "", entry["name"], address,
            entry.get("source", "")]


def _address_list(args, ctx) -> int:
    from desktop_app.services import addresses

    found = (addresses.list_mutuelles(ctx, args.query) if args.mutuelles
             else addresses.list_caisses(ctx, args.query))
    if args.json:
        emit_json(found)
        return 0
    if not found:
        line(f"nothing matches {args.query!r}; "
             "add it with: paperasse address add --name … --address …")
        return 0
    table([_entry_line(e) for e in found], ["code", "name", "address", "from"])
    return 0


def _address_add(args, ctx) -> int:
    from desktop_app.services import addresses

    if args.mutuelle:
        entry = addresses.add_mutuelle(ctx, args.name, args.address)
    else:
        entry = addresses.add_caisse(ctx, args.name, args.address, args.code)
    if args.json:
        emit_json(entry)
    else:
        line(f"saved {entry['name']}: {entry['address'].replace(chr(10), ', ')}")
    return 0


def _summary(args, ctx) -> int:
    from desktop_app.services import yearly_summary

    report = yearly_summary.write_summary(ctx, args.person, args.year, args.out, lang=args.lang,
                                          replace=args.force)
    if args.json:
        emit_json(report.to_json())
    else:
        line(f"wrote {report.path} ({report.claims} claim(s), {report.pages} page(s))")
    return 0
