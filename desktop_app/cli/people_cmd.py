"""``paperasse person add|list|show|edit`` (``delete|restore``: cli/trash_cmd.py)."""

from __future__ import annotations

from desktop_app.cli import trash_cmd
from desktop_app.cli.lazy import lazy
from desktop_app.cli.main import with_context
from desktop_app.cli.output import emit_json, line, table, warn

people = lazy("desktop_app.services.people")

_OPTIONS = [
    ("--nir", "nir", "social security number (15 characters, spaces allowed)"),
    ("--birth-date", "birth_date", "YYYY-MM-DD"),
    ("--sex", "sex", "F or M"),
    ("--address", "postal_address", "postal address, lines separated by commas"),
    ("--beneficiary-of", "beneficiary_of", "name of the insured person this person depends on"),
    ("--caisse", "caisse_name", "caisse name, e.g. 'CPAM de Paris'"),
    ("--caisse-address", "caisse_address", "caisse postal address"),
    ("--caisse-code", "caisse_code", "caisse or centre code"),
    ("--regime", "regime", "general, alsace-moselle or other"),
    ("--medecin-traitant", "medecin_traitant", "yes|no: a médecin traitant is declared"),
    ("--ald", "ald", "yes|no: affection de longue durée"),
    ("--css", "css", "yes|no: complémentaire santé solidaire"),
    ("--maternity-start", "maternity_start", "YYYY-MM-DD"),
    ("--maternity-end", "maternity_end", "YYYY-MM-DD"),
    ("--mutuelle", "mutuelle", "mutuelle name"),
    ("--member-number", "mutuelle_member_number", "mutuelle member number"),
    ("--mutuelle-address", "mutuelle_address", "mutuelle postal address"),
    ("--noemie", "noemie", "yes|no: mutuelle linked by télétransmission (NOEMIE)"),
    ("--responsable", "contrat_responsable", "yes|no: the mutuelle contract is a contrat "
     "responsable (almost all are; the default)"),
    ("--guarantees", "guarantees", "e.g. 'consultation=100%% BR,lpp_device=200%% BR'"),
    ("--mutuelle-deadline-days", "mutuelle_deadline_days", "claim deadline of the mutuelle"),
    ("--iban", "iban", "bank account for reimbursements"),
    ("--notes", "notes", "free notes"),
]


def register(sub) -> None:
    group = sub.add_parser("person", help="household members")
    group.set_defaults(handler=None, group_parser=group)
    cmds = group.add_subparsers(dest="person_command", metavar="ACTION")

    add = cmds.add_parser("add", help="add a person")
    add.add_argument("--name", required=True, help='full name, e.g. "Claire Martin"')
    _add_options(add)
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=with_context(_add))

    lst = cmds.add_parser("list", help="list the household")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=with_context(_list))

    show = cmds.add_parser("show", help="show one person")
    show.add_argument("person", help="name or id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=with_context(_show))

    edit = cmds.add_parser("edit", help="change a person's details")
    edit.add_argument("person", help="name or id")
    edit.add_argument("--name", help="new name")
    _add_options(edit)
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(handler=with_context(_edit))
    trash_cmd.register_item(cmds, "person")


def _add_options(parser) -> None:
    for flag, dest, help_text in _OPTIONS:
        parser.add_argument(flag, dest=dest, help=help_text)


def _values(args) -> dict:
    values = {dest: getattr(args, dest) for _, dest, _ in _OPTIONS}
    if getattr(args, "name", None) is not None:
        values["name"] = args.name
    return {k: v for k, v in values.items() if v is not None}


def _report(args, ctx, result, verb: str) -> int:
    if args.json:
        emit_json(result.to_dict(ctx))
    else:
        line(f"{verb} {result.person.name} (person {result.person.id})")
        for w in result.warnings:
            warn(w)
    return 0


def _add(args, ctx) -> int:
    return _report(args, ctx, people.add_person(ctx, **_values(args)), "added")


def _edit(args, ctx) -> int:
    return _report(args, ctx, people.edit_person(ctx, args.person, **_values(args)), "updated")


def _list(args, ctx) -> int:
    household = people.list_people(ctx)
    if args.json:
        emit_json([people.person_dict(p, ctx) for p in household])
        return 0
    if not household:
        line('nobody yet: add a person with  paperasse person add --name "Claire Martin"')
        return 0
    names = {p.id: p.name for p in household}
    table(
        [
            [p.id, p.name, p.birth_date, _masked(p.nir), names.get(p.insured_id, ""), p.mutuelle_name]
            for p in household
        ],
        ["id", "name", "born", "NIR", "beneficiary of", "mutuelle"],
    )
    return 0


def _show(args, ctx) -> int:
    person = people.find_person(ctx, args.person)
    data = people.person_dict(person, ctx)
    data["problems"] = people.check_person(person)
    if args.json:
        emit_json(data)
        return 0
    for key, value in data.items():
        if value not in (None, "", {}, [], False):
            line(f"{key.replace('_', ' ')}: {value}")
    return 0


def _masked(nir: str | None) -> str:
    return f"{nir[:1]} {nir[1:3]} … {nir[-2:]}" if nir else ""
