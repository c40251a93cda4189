"""``paperasse claim new|list|show|edit|add-doc|remove-doc``."""

from __future__ import annotations

from desktop_app.cli.main import with_context
from desktop_app.cli.output import emit_json, line, table
from desktop_app.core.model import Category, TiersPayant
from desktop_app.services import claims

_FIELDS = [
    ("--title", "title", "what it was, e.g. 'GP visit'"),
    ("--date", "care_date", "care date, YYYY-MM-DD"),
    ("--category", "category", "one of: " + ", ".join(Category.values())),
    ("--paid", "amount_paid", "amount paid, e.g. 30.00"),
    ("--base", "base", "base de remboursement (BR), if different from the amount paid"),
    ("--rate", "amo_rate", "CPAM rate in %, if not the usual one"),
    ("--tiers-payant", "tiers_payant", "one of: " + ", ".join(TiersPayant.values())),
    ("--ald", "ald", "yes|no: care related to an ALD"),
    ("--lpp", "lpp_codes", "LPP codes, comma-separated"),
    ("--notes", "notes", "free notes"),
]


def register(sub) -> None:
    group = sub.add_parser("claim", help="claims: one care event or purchase")
    group.set_defaults(handler=None, group_parser=group)
    cmds = group.add_subparsers(dest="claim_command", metavar="ACTION")

    new = cmds.add_parser("new", help="start a claim")
    new.add_argument("--person", required=True, help="name or id")
    _add_fields(new)
    new.add_argument("--doc", type=int, action="append", default=[], help="link this document (repeatable)")
    new.add_argument("--json", action="store_true")
    new.set_defaults(handler=with_context(_new))

    edit = cmds.add_parser("edit", help="change a claim")
    edit.add_argument("id")
    _add_fields(edit)
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(handler=with_context(_edit))

    lst = cmds.add_parser("list", help="list claims")
    lst.add_argument("--person")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=with_context(_list))

    show = cmds.add_parser("show", help="show a claim")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=with_context(_show))

    add_doc = cmds.add_parser("add-doc", help="link documents to a claim")
    add_doc.add_argument("id")
    add_doc.add_argument("documents", nargs="+", metavar="DOC")
    add_doc.add_argument("--json", action="store_true")
    add_doc.set_defaults(handler=with_context(_add_doc))

    rm_doc = cmds.add_parser("remove-doc", help="unlink a document from a claim")
    rm_doc.add_argument("id")
    rm_doc.add_argument("document", metavar="DOC")
    rm_doc.set_defaults(handler=with_context(_remove_doc), json=False)


def _add_fields(parser) -> None:
    for flag, dest, help_text in _FIELDS:
        parser.add_argument(flag, dest=dest, help=help_text)


def _values(args) -> dict:
    return {dest: getattr(args, dest) for _, dest, _ in _FIELDS if getattr(args, dest) is not None}


def _print_claim(args, ctx, claim, verb: str | None = None) -> int:
    if args.json:
        emit_json(claims.claim_dict(ctx, claim))
    elif verb:
        line(f"{verb} claim {claim.id}")
    return 0


def _new(args, ctx) -> int:
    claim = claims.new_claim(ctx, args.person, **_values(args))
    for doc_id in args.doc:
        claims.add_document(ctx, claim.id, doc_id)
    return _print_claim(args, ctx, claim, "created")


def _edit(args, ctx) -> int:
    return _print_claim(args, ctx, claims.edit_claim(ctx, args.id, **_values(args)), "updated")


def _list(args, ctx) -> int:
    found = claims.list_claims(ctx, args.person)
    if args.json:
        emit_json([claims.claim_dict(ctx, c) for c in found])
        return 0
    if not found:
        line("no claims yet: start one with  paperasse claim new --person NAME --date YYYY-MM-DD")
        return 0
    names = {p.id: p.name for p in ctx.store.people()}
    table(
        [[c.id, names.get(c.person_id), c.care_date, c.category, c.amount_paid, c.title] for c in found],
        ["id", "person", "care date", "category", "paid", "title"],
    )
    return 0


def _show(args, ctx) -> int:
    data = claims.claim_dict(ctx, claims.get_claim(ctx, args.id))
    if args.json:
        emit_json(data)
        return 0
    for key, value in data.items():
        if key != "documents" and value not in (None, "", [], False):
            line(f"{key.replace('_', ' ')}: {value}")
    for d in data["documents"]:
        line(f"  document {d['id']}: {d['kind']} {d['original_name']}")
    return 0


def _add_doc(args, ctx) -> int:
    claim = None
    for doc in args.documents:
        claim = claims.add_document(ctx, args.id, doc)
    return _print_claim(args, ctx, claim, f"linked {len(args.documents)} document(s) to")


def _remove_doc(args, ctx) -> int:
    claims.remove_document(ctx, args.id, args.document)
    line(f"unlinked document {args.document} from claim {args.id}")
    return 0
