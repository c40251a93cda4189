"""``paperasse import``, ``doc list|show|confirm|reread``, ``search`` (``doc delete|restore``:
cli/trash_cmd.py; ``extract``: cli/extract_cmd.py)."""

from __future__ import annotations

import sys

from desktop_app.cli import trash_cmd
from desktop_app.cli.hints import with_hint
from desktop_app.cli.lazy import lazy
from desktop_app.cli.main import EXIT_BAD_INPUT, with_context
from desktop_app.cli.output import emit_json, line, table, warn
from desktop_app.core.errors import UserError
from desktop_app.core.model import DocumentKind

documents = lazy("desktop_app.services.documents")
person_proposals = lazy("desktop_app.services.person_proposals")


def register(sub) -> None:
    imp = sub.add_parser("import", help="store scans or PDFs and read them")
    imp.add_argument("files", nargs="+", metavar="FILE", help="files to import (PDF, JPEG, PNG, TIFF, HEIC)")
    imp.add_argument("--person", help="whose documents these are (name or id)")
    imp.add_argument("--kind", choices=DocumentKind.values(), help="document kind (default: detected)")
    imp.add_argument("--claim", type=int, help="link the documents to this claim")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=with_context(_import))

    search = sub.add_parser(
        "search", help="search people, claims and documents (names, titles, notes, kinds of care, "
        "dates, the text and fields of every document)")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=with_context(_search))

    group = sub.add_parser("doc", help="stored documents")
    group.set_defaults(handler=None, group_parser=group)
    cmds = group.add_subparsers(dest="doc_command", metavar="ACTION")
    lst = cmds.add_parser("list", help="list documents")
    lst.add_argument("--person")
    lst.add_argument("--claim", type=int)
    lst.add_argument("--inbox", action="store_true", help="only documents not linked to a claim")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=with_context(_list))

    show = cmds.add_parser("show", help="show a document and its fields")
    show.add_argument("id")
    show.add_argument("--text", action="store_true", help="include the read text")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=with_context(_show))

    confirm = cmds.add_parser(
        "confirm", help="confirm the read fields, correcting some: FIELD=VALUE …"
    )
    confirm.add_argument("id")
    confirm.add_argument("assignments", nargs="*", metavar="FIELD=VALUE")
    confirm.add_argument("--kind", choices=DocumentKind.values())
    confirm.add_argument("--person")
    confirm.add_argument("--json", action="store_true")
    confirm.set_defaults(handler=with_context(_confirm))

    reread = cmds.add_parser("reread", help="read a stored document again")
    reread.add_argument("id")
    reread.add_argument("--json", action="store_true")
    reread.set_defaults(handler=with_context(_reread))
    to_person = cmds.add_parser(
        "to-person", help="what an attestation de droits or a mutuelle card offers its person's "
        "record (NIR, caisse, member number…); --apply writes the values you choose")
    to_person.add_argument("id")
    to_person.add_argument("--apply", nargs="*", metavar="FIELD",
                           help="write these proposed fields (all of them when none is named)")
    to_person.add_argument("--json", action="store_true")
    to_person.set_defaults(handler=with_context(_to_person))
    trash_cmd.register_item(cmds, "document")


def _progress(done: int, total: int, message: str) -> None:
    if sys.stderr.isatty() and message != "done":
        sys.stderr.write(f"\r[{done + 1}/{total}] {str(message)[:70]:<70}")
        sys.stderr.flush()


def _import(args, ctx) -> int:
    outcomes = documents.import_files(
        ctx,
        args.files,
        person_ref=args.person,
        kind=args.kind,
        claim_id=args.claim,
        progress=_progress,
    )
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 80 + "\r")
    if args.json:
        emit_json([o.to_dict() for o in outcomes])
    else:
        for o in outcomes:
            if o.error:
                sys.stderr.write(f"paperasse: error: {o.message()}\n")
            else:
                line(with_hint(o.message(), o.hint))
            for w in o.warnings:
                warn(f"{o.path}: {w}")
    return EXIT_BAD_INPUT if any(o.error for o in outcomes) else 0


def _list(args, ctx) -> int:
    docs = documents.list_documents(ctx, args.person, args.claim, args.inbox)
    if args.json:
        emit_json([documents.document_dict(ctx, d) for d in docs])
        return 0
    if not docs:
        line("no documents yet: import one with  paperasse import FILE --person NAME")
        return 0
    names = {p.id: p.name for p in ctx.store.people()}
    table(
        [
            [d.id, d.kind, names.get(d.person_id, ""), d.claim_id or "", d.read_state, d.original_name,
             sum(1 for f in d.fields.values() if not f.confirmed) or ""]
            for d in docs
        ],
        ["id", "kind", "person", "claim", "read", "file", "to confirm"],
    )
    return 0


def _show(args, ctx) -> int:
    doc = documents.get_document(ctx, args.id)
    data = documents.document_dict(ctx, doc, with_text=args.text)
    if args.json:
        emit_json(data)
        return 0
    line(f"document {doc.id}: {doc.kind}, {doc.original_name}, {doc.pages or '?'} page(s), {doc.read_state}")
    if data.get("person"):
        line(f"person: {data['person']}")
    if doc.claim_id:
        line(f"claim: {doc.claim_id}")
    for name, f in doc.fields.items():
        state = "confirmed" if f.confirmed else (
            f"read, not confirmed ({f.confidence:.2f})" if f.confidence is not None else "read, not confirmed"
        )
        line(f"  {name}: {f.value}  [{state}]")
    for w in data["warnings"]:
        warn(w)
    if args.text and doc.text:
        line("")
        line(doc.text)
    return 0


def _confirm(args, ctx) -> int:
    corrections = {}
    for item in args.assignments:
        if "=" not in item:
            raise UserError(f"{item!r} must read FIELD=VALUE, e.g. total_amount=304.90")
        name, value = item.split("=", 1)
        corrections[name.strip()] = value
    doc = documents.confirm_document(ctx, args.id, corrections, args.kind, args.person)
    if args.json:
        emit_json(documents.document_dict(ctx, doc))
    else:
        line(f"document {doc.id}: {len(doc.fields)} field(s) confirmed")
    return 0


def _reread(args, ctx) -> int:
    doc = documents.reread_document(ctx, args.id)
    if args.json:
        emit_json(documents.document_dict(ctx, doc))
    else:
        line(f"document {doc.id}: read again ({doc.read_state}, {doc.kind}, {len(doc.fields)} field(s))")
    return 0


def _search(args, ctx) -> int:
    from desktop_app.services import search, tracking

    found = search.search(ctx, " ".join(args.query), lang=tracking.language(ctx), limit=args.limit)
    if args.json:
        emit_json(found.to_json())
        return 0
    if not found.total:
        line("nothing found")
    for group in found.groups:
        noun = {"people": "person", "claims": "claim", "documents": "document"}[group.name]
        for h in group.hits:
            if group.name == "documents":
                line(f"document {h.id} ({h.kind}, {h.title}): {h.detail}")
            else:
                line(f"{noun} {h.id}: {h.title}" + (f" ({h.detail})" if h.detail else ""))
        if group.count > len(group.hits):
            line(f"… {group.count - len(group.hits)} more {group.name} (--limit to see more)")
    return 0


def _to_person(args, ctx) -> int:
    doc_id = documents.get_document(ctx, args.id).id
    proposal = person_proposals.proposal_for(ctx, doc_id)
    if args.apply is None:
        if args.json:
            emit_json(proposal.to_dict() if proposal else {"document_id": doc_id, "values": []})
        elif proposal is None:
            line(f"document {doc_id} has nothing to add to its person's record")
        else:
            line(f"document {doc_id} offers {proposal.person}'s record:")
            for v in proposal.values:
                now = f" (now {v.current})" if v.current else ""
                line(f"  {v.field} → {v.option}: {v.value}{now}")
            line(f"write them with  paperasse doc to-person {doc_id} --apply [FIELD ...]")
        return 0
    result = person_proposals.apply_proposal(ctx, doc_id, args.apply or None)
    if args.json:
        emit_json({"document_id": doc_id, "person_id": result.person.id,
                   "applied": [v.field for v in proposal.values if not args.apply or v.field in args.apply],
                   "warnings": list(result.warnings)})
    else:
        line(f"{result.person.name}'s record updated from document {doc_id}")
        for w in result.warnings:
            warn(w)
    return 0
