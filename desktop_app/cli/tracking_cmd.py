"""``paperasse check``, ``status``, ``estimate``, ``export``, ``statement``."""

from __future__ import annotations

from desktop_app.cli.lazy import lazy
from desktop_app.cli.main import EXIT_PROBLEMS, with_context
from desktop_app.cli.output import emit_json, emit_json_chunks, line, table, warn
from desktop_app.core.model import SPECIALTIES, Category

exports = lazy("desktop_app.services.exports")
statements = lazy("desktop_app.services.statements")
tracking = lazy("desktop_app.services.tracking")
messages = lazy("desktop_app.core.rules.messages")


def register(sub) -> None:
    chk = sub.add_parser("check", help="list every missing item and overdue action (exit 1 if any)")
    chk.add_argument("--json", action="store_true")
    chk.add_argument("--quiet", action="store_true",
                     help="print nothing; exit 1 when something is due, 0 otherwise (for cron)")
    chk.set_defaults(handler=with_context(_check))

    st = sub.add_parser("status", help="both payer tracks of every claim, and what is owed")
    st.add_argument("--person")
    st.add_argument("--year", type=int)
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=with_context(_status))

    est = sub.add_parser("estimate", help="what the CPAM and the mutuelle should pay")
    est.add_argument("--category", required=True, choices=Category.values())
    est.add_argument("--paid", required=True)
    est.add_argument("--base")
    est.add_argument("--rate")
    est.add_argument("--units", type=int, default=1)
    for flag in ("ald", "maternity", "css", "minor", "no-medecin-traitant"):
        est.add_argument(f"--{flag}", action="store_true")
    est.add_argument("--regime", choices=["general", "alsace-moselle", "other"], default="general")
    est.add_argument("--specialty", choices=SPECIALTIES, help="a specialist's field (direct access)")
    est.add_argument("--age", type=int, help="the patient's age at the care date")
    est.add_argument("--basket-100", action="store_true", help="a 100 %% santé basket")
    est.add_argument("--not-responsable", action="store_true",
                     help="the mutuelle contract is not a contrat responsable")
    est.add_argument("--guarantee", help='"100%% BR", "200%% BR", "forfait:150" or "frais-reels"')
    est.add_argument("--json", action="store_true")
    est.set_defaults(handler=_estimate)

    exp = sub.add_parser("export", help="CSV of claims or payments")
    exp.add_argument("what", choices=["claims", "payments"])
    exp.add_argument("out", metavar="FILE.csv")
    exp.add_argument("--person")
    exp.add_argument("--year", type=int)
    exp.add_argument("--force", action="store_true", help="replace FILE.csv if it exists")
    exp.set_defaults(handler=with_context(_export))

    stm = sub.add_parser("statement", help="payments listed on a CPAM or mutuelle statement")
    cmds = stm.add_subparsers(dest="statement_command", metavar="ACTION")
    stm.set_defaults(handler=None, group_parser=stm)
    match = cmds.add_parser("match", help="propose the statement's payments against claims")
    match.add_argument("document")
    match.add_argument("--json", action="store_true")
    match.set_defaults(handler=with_context(_match))
    acc = cmds.add_parser("accept", help="record the proposed payments")
    acc.add_argument("document")
    acc.add_argument("--line", type=int, action="append", help="only this line (repeatable)")
    acc.add_argument("--json", action="store_true")
    acc.set_defaults(handler=with_context(_accept))


def _check(args, ctx) -> int:
    problems = tracking.check(ctx)
    if not args.quiet:
        _backup_reminder(ctx)
    if args.quiet:
        _refresh_calendar(ctx)
        return EXIT_PROBLEMS if problems else 0
    # The words around the texts are in the texts' own language: the "language" setting.
    lang = tracking.language(ctx)
    if args.json:
        emit_json_chunks(problems.json_chunks())
    elif not problems:
        line(messages.message("cli.nothing_due", lang))
    else:
        for p in problems:
            where = messages.message("cli.claim", lang, id=p.claim_id) if p.claim_id else p.person
            severity = messages.name_of("severity", p.severity, lang)
            line(f"[{severity}] {where} ({p.person}): {p.message}")
            if p.action:
                line(f"    -> {p.action}")
    return EXIT_PROBLEMS if problems else 0


def _backup_reminder(ctx) -> None:
    """An old backup to the chosen folder is said on stderr, as a warning: it is not a problem
    of the claims, so it changes neither the exit code nor the JSON."""
    from desktop_app.core.rules.messages import day, message
    from desktop_app.services import backup_folder

    due = backup_folder.reminder(ctx)
    if due is None:
        return
    lang = tracking.language(ctx)
    warn(message(due.id, lang, folder=due.folder, days=due.days,
                 last=day(due.last, lang) if due.last else ""))


def _refresh_calendar(ctx) -> None:
    """The cron job's ``check --quiet`` keeps the subscribed calendar up to date while the window
    stays closed (the plain ``check`` stays as quick as it was). Failing to write it never fails
    the check."""
    import logging

    from desktop_app.core.errors import UserError
    from desktop_app.services import reminders

    try:
        reminders.refresh_subscribed(ctx)
    except (OSError, UserError) as exc:
        logging.getLogger(__name__).warning("subscribed calendar not written: %s", exc)


def _status(args, ctx) -> int:
    data = tracking.household_status(ctx, args.person, args.year)
    if args.json:
        emit_json_chunks(data.json_chunks())
        return 0
    lang = tracking.language(ctx)  # as ``check`` speaks: the "language" setting
    word = messages.message

    def amount(value) -> str:
        return messages.money(value, lang) if value not in (None, "") else "-"

    def track(t) -> str:
        state = messages.name_of("status.state", t.state, lang)
        return f"{state} {amount(t.received)}/{amount(t.expected)}"

    table(
        [
            [s.claim_id, s.person, messages.day(s.care_date, lang),
             messages.name_of("category", s.category, lang), amount(s.amount_paid),
             track(s.tracks["cpam"]), track(s.tracks["mutuelle"])]
            for s in data.claims
        ],
        [word(f"status.head.{key}", lang)
         for key in ("id", "person", "care_date", "category", "paid", "cpam", "mutuelle")],
    )
    owed = data.totals.owed
    line(word("status.owed", lang, cpam=amount(owed.cpam), mutuelle=amount(owed.mutuelle)))
    return 0


def _estimate(args) -> int:
    flags = {
        "ald": args.ald, "maternity": args.maternity, "css": args.css, "minor": args.minor,
        "no_medecin_traitant": args.no_medecin_traitant,
        "regime": args.regime.replace("-", "_"), "guarantee": args.guarantee, "units": args.units,
        "specialty": args.specialty, "age": args.age, "basket_100": args.basket_100,
        "contrat_responsable": not args.not_responsable,
    }
    result = tracking.estimate_amounts(None, args.category, args.paid, args.base, args.rate, **flags)
    if args.json:
        emit_json(result.to_json())
    else:
        line(f"CPAM {result.amo}  mutuelle {result.amc}  left to pay {result.patient}"
             f"  (deductions {result.deductions})")
        for note in result.notes:
            line(f"  {note}")
    return 0


def _export(args, ctx) -> int:
    path = exports.write_csv(ctx, args.out, args.what, args.person, args.year,
                             replace=args.force)
    line(f"wrote {path}")
    return 0


def _match(args, ctx) -> int:
    found = statements.propose(ctx, args.document)
    if args.json:
        emit_json(found.to_json())
        return 0
    for p in found.proposals:
        note = f" (expected {p.expected})" if p.differs else ""
        line(f"line {p.line}: {p.amount} from {p.payer} -> claim {p.claim_id} "
             f"({p.person}, {p.care_date}){note}")
    for u in found.unmatched:
        line(f"line {u.line}: no match ({u.why})")
    return 0


def _accept(args, ctx) -> int:
    done = statements.accept(ctx, args.document, args.line)
    if args.json:
        emit_json(done.to_json())
    else:
        line(f"recorded {len(done.recorded)} payment(s); {len(done.unmatched)} line(s) matched nothing")
    return 0
