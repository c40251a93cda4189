"""``paperasse claim new|list|show|edit|add-doc|remove-doc`` (``delete|restore``: cli/trash_cmd.py)."""

from __future__ import annotations

from desktop_app.cli import trash_cmd
from desktop_app.cli.lazy import lazy
from desktop_app.cli.main import with_context
from desktop_app.cli.output import emit_json, line, table, warn
from desktop_app.core.model import CHANNELS, PAYERS, SPECIALTIES, Category, TiersPayant

claims = lazy("desktop_app.services.claims")
tracking = lazy("desktop_app.services.tracking")

_FIELDS = [
    ("--title", "title", "what it was, e.g. 'GP visit'"),
    ("--date", "care_date", "care date, YYYY-MM-DD"),
    ("--category", "category", "one of: " + ", ".join(Category.values())),
    ("--paid", "amount_paid", "amount paid, e.g. 30.00"),
    ("--base", "base", "base de remboursement (BR), if different from the amount paid"),
    ("--rate", "amo_rate", "CPAM rate in %%, if not the usual one"),
    ("--tiers-payant", "tiers_payant", "what was paid directly: " + ", ".join(TiersPayant.values())
     + " (amo: the CPAM part, amc: the mutuelle part, all: both)"),
    ("--billing", "billing", "vitale (the professional sent it electronically), paper (a care "
     "sheet you post), tiers-payant-integral (nothing advanced), or auto (from what is attached)"),
    ("--units", "units", "acts, boxes, trips or days in hospital (default 1)"),
    ("--specialty", "specialty", "for a specialist: " + ", ".join(SPECIALTIES)),
    ("--out-of-parcours", "out_of_parcours", "yes|no|auto: seen outside the coordinated care "
     "path (default: from the person's médecin traitant)"),
    ("--basket-100", "basket_100", "yes|no: a 100 %% santé basket (glasses, dental, hearing)"),
    ("--ald", "ald", "yes|no: care related to an ALD"),
    ("--lpp", "lpp_codes", "LPP codes, comma-separated"),
    ("--lpp-tariff", "lpp_tariff", "the tariff printed for the LPP code, if Paperasse does not "
     "know the code: added to your LPP list"),
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

    send = cmds.add_parser("send", help="record that the claim was sent to a payer")
    send.add_argument("id")
    send.add_argument("--payer", "--to", required=True, choices=PAYERS, dest="payer")
    send.add_argument("--date", help="when it was sent (default today)")
    send.add_argument("--channel", choices=CHANNELS, default="post")
    send.add_argument("--json", action="store_true")
    send.set_defaults(handler=with_context(_send))

    paid = cmds.add_parser("paid", help="record a payment from a payer (partial payments add up)")
    paid.add_argument("id")
    paid.add_argument("--payer", "--from", required=True, choices=PAYERS, dest="payer")
    paid.add_argument("--amount", required=True)
    paid.add_argument("--date", help="payment date (default today)")
    paid.add_argument("--json", action="store_true")
    paid.set_defaults(handler=with_context(_paid))

    reject = cmds.add_parser("reject", help="record that a payer rejected the claim")
    reject.add_argument("id")
    reject.add_argument("--payer", "--by", required=True, choices=PAYERS, dest="payer")
    reject.add_argument("--reason", required=True)
    reject.add_argument("--date")
    reject.add_argument("--json", action="store_true")
    reject.set_defaults(handler=with_context(_reject))

    close = cmds.add_parser("close", help="close a payer's track (nothing more will come)")
    close.add_argument("id")
    close.add_argument("--payer", required=True, choices=PAYERS)
    close.add_argument("--reason")
    close.add_argument("--json", action="store_true")
    close.set_defaults(handler=with_context(_close))

    undo = cmds.add_parser("undo", help="undo the last step of a payer's track")
    undo.add_argument("id")
    undo.add_argument("--payer", required=True, choices=PAYERS)
    undo.add_argument("--json", action="store_true")
    undo.set_defaults(handler=with_context(_undo))

    rm_doc = cmds.add_parser("remove-doc", help="unlink a document from a claim")
    rm_doc.add_argument("id")
    rm_doc.add_argument("document", metavar="DOC")
    rm_doc.set_defaults(handler=with_context(_remove_doc), json=False)
    trash_cmd.register_item(cmds, "claim")


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
        emit_json(claims.claim_dicts(ctx, found))
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
    status = tracking.claim_status(ctx, args.id)
    if args.json:
        emit_json(dict(data, status=status.to_json()))
        return 0
    for key, value in data.items():
        if key not in ("documents", "status") and value not in (None, "", [], False):
            line(f"{key.replace('_', ' ')}: {value}")
    for d in data["documents"]:
        line(f"  document {d['id']}: {d['kind']} {d['original_name']}")
    line(f"billing: {status.billing.replace('_', ' ')}"
         + ("" if status.billing_set else " (from what is attached and the kind of care)"))
    for payer, track in status.tracks.items():
        line(f"{payer}: {track.state}, expected {track.expected}, received {track.received}")
        line(f"  next: {track.next_action}")
    for m in status.missing:
        line(f"  missing ({m.severity}): {m.message} -> {m.action_label}")
    return 0


def _add_doc(args, ctx) -> int:
    claim = None
    for doc in args.documents:
        claim = claims.add_document(ctx, args.id, doc)
    return _print_claim(args, ctx, claim, f"linked {len(args.documents)} document(s) to")


def _track_result(args, status, verb: str) -> int:
    if args.json:
        emit_json(status.to_json())
        return 0
    track = status.tracks[args.payer]
    line(f"claim {status.claim_id}: {verb}; {args.payer} track is {track.state}"
         f" (received {track.received} of {track.expected} expected)")
    line(f"next: {track.next_action}")
    return 0


def _send(args, ctx) -> int:
    status = tracking.mark_sent(ctx, args.id, args.payer, args.date, args.channel)
    return _track_result(args, status, f"sent to the {args.payer}")


def _paid(args, ctx) -> int:
    status = tracking.record_payment(ctx, args.id, args.payer, args.amount, args.date)
    if not args.json and status.tracks[args.payer].flag:
        warn(f"the payment differs from the {status.tracks[args.payer].expected} expected")
    return _track_result(args, status, f"payment from the {args.payer} recorded")


def _reject(args, ctx) -> int:
    status = tracking.mark_rejected(ctx, args.id, args.payer, args.reason, args.date)
    return _track_result(args, status, f"rejected by the {args.payer}")


def _close(args, ctx) -> int:
    return _track_result(args, tracking.close_track(ctx, args.id, args.payer, args.reason), "closed")


def _undo(args, ctx) -> int:
    return _track_result(args, tracking.undo_last(ctx, args.id, args.payer), "last step undone")


def _remove_doc(args, ctx) -> int:
    claims.remove_document(ctx, args.id, args.document)
    line(f"unlinked document {args.document} from claim {args.id}")
    return 0
