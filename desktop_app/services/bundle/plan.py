"""What goes in the envelope: the claim's papers this payer needs, in the order it expects them,
each with its label on the letter, and those left out with the reason."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.core import formatting, rules
from desktop_app.core.model import Document, DocumentKind, Payer
from desktop_app.core.rules import messages
from desktop_app.core.rules.money import ZERO
from desktop_app.services import tracking
from desktop_app.services.bundle.report import NotEnclosed, Notice
from desktop_app.services.context import Context

# The order a payer expects the papers in.
KIND_ORDER = (
    DocumentKind.CARE_SHEET,
    DocumentKind.PRESCRIPTION,
    DocumentKind.INVOICE,
    DocumentKind.STATEMENT,
    DocumentKind.ATTESTATION_DROITS,
    DocumentKind.RIB,
)


@dataclass
class Enclosure:
    doc: Document
    label: str  # French, for the letter


@dataclass
class Plan:
    enclosures: list[Enclosure] = field(default_factory=list)
    skipped: list[NotEnclosed] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    first_claim: bool = False
    cpam_covers: bool = True
    noemie: bool = False


def _sort_key(doc):
    kind = str(doc.kind)
    order = [str(k) for k in KIND_ORDER]
    return (order.index(kind) if kind in order else len(order), doc.id or 0)


def field_value(doc, name):
    f = doc.fields.get(name)
    return f.value if f else None


def plan(ctx: Context, claim, payer: str, today) -> Plan:
    house = tracking._Household(ctx, today)
    docs = sorted(ctx.store.documents(claim_id=claim.id), key=_sort_key)
    tctx = house.track_context(claim, house.estimate(claim), docs)
    cpam_covers = tctx.expected_for(Payer.CPAM) != ZERO
    plan = Plan(first_claim=tctx.first_mutuelle_claim, cpam_covers=cpam_covers,
                 noemie=tctx.noemie)
    events = [r.event for r in tracking._events(ctx, claim.id)]
    facts = house.facts(claim, docs, events, tctx)
    # Which papers go to this payer, with their label on the letter: the one table
    # (completeness.json "papers") the checklist and the next action read too.
    wanted: dict[DocumentKind, str] = {}
    for entry in rules.papers_needed(house.rules, facts, payer):
        label = messages.localized(entry["letter"], "fr")
        # A practitioner's receipt goes where an invoice is asked for, under the invoice's label.
        for kind in sorted(rules.kinds_for(house.rules, entry["kind"])):
            own = rules.stand_in_letter(house.rules, kind) if kind != entry["kind"] else None
            wanted.setdefault(DocumentKind(kind), messages.localized(own, "fr") if own else label)
    if payer == "cpam":
        why_not = {
            DocumentKind.STATEMENT: "a statement comes from a payer; it is not sent to the CPAM",
            DocumentKind.ATTESTATION_DROITS: "the CPAM issues the attestation de droits itself",
            DocumentKind.RIB: "the CPAM already holds the RIB (send a new one apart if it changed)",
        }
    else:
        why_not = {
            DocumentKind.CARE_SHEET: "the care sheet goes to the CPAM",
            DocumentKind.PRESCRIPTION: "the original prescription goes to the CPAM",
        }
    not_cpam = _not_cpam_statements(docs, plan) if DocumentKind.STATEMENT in wanted else set()
    for doc in docs:
        kind = DocumentKind(str(doc.kind))
        if kind in wanted and doc.id not in not_cpam:
            plan.enclosures.append(Enclosure(doc, wanted[kind]))
            continue
        if doc.id in not_cpam:
            why = "it is not the CPAM's statement (its payer is 'mutuelle')"
        elif kind in why_not:
            why = why_not[kind]
        elif kind is DocumentKind.OTHER:
            why = "its kind is 'other': to enclose it, give it its kind in the document's fields"
        else:
            why = f"{formatting.payer(payer, 'en')} does not need it for this claim"
        plan.skipped.append(NotEnclosed(doc.id, str(kind), doc.original_name, why))
    return plan


def _not_cpam_statements(docs, plan: Plan) -> set[int]:
    """Statements not to send the mutuelle: its own. A payer read but not confirmed counts only
    when another statement is known to be the CPAM's; otherwise the user is asked to check."""
    statements = [d for d in docs if str(d.kind) == "statement"]
    payer_of = {d.id: str(field_value(d, "payer") or "").strip().lower() for d in statements}
    confirmed = {
        d.id: bool(d.fields.get("payer") and d.fields["payer"].confirmed) for d in statements
    }
    has_cpam = any(p == "cpam" for p in payer_of.values())
    excluded = set()
    for d in statements:
        if payer_of[d.id] == "cpam":
            continue
        if has_cpam or (payer_of[d.id] == "mutuelle" and confirmed[d.id]):
            excluded.add(d.id)
        else:
            plan.warnings.append(Notice(
                "bundle.statement_payer_unconfirmed",
                {"document_id": d.id, "name": d.original_name},
                {"document_id": d.id, "field": "payer"},
            ))
    return excluded
