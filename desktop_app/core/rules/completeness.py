"""What a claim still lacks, from a rule file (resources/rules/completeness.json), not branches.

A rule names a level (person, claim, cpam, mutuelle), a severity (blocking, warning), a condition in
the small vocabulary below, an explanation and the action that fixes it. Levels have their own
"applies_when" condition in the file: e.g. nothing is checked for the CPAM under tiers payant.

Condition vocabulary (each condition is a one-key dict; "$name" refers to the file's "lists"):
  all / any: [conditions]          not: condition
  fact: paper | cpam_paid | is_first_mutuelle_claim | is_beneficiary | cpam_covers | lpp_unknown
  person_flag / claim_flag: attribute
  person_field_missing / claim_field_missing: attribute
  person_field_invalid / person_field_doubtful: nir | iban   (core.identifiers errors / warnings)
  person_field_in: {"field": attribute, "values": [..] | "$list"}
  person_age_below: years (at the care date)
  insured_field_missing: attribute (beneficiaries only)
  category_in / tiers_payant_in: [..] | "$list"
  has_document / missing_document: kind   (a kind the file's "stands_in_for" lets stand in counts:
                                           a practitioner's receipt where an invoice is asked for)
  document_field_missing: [kind, field]   no document of that kind has a value for the field
  document_field_false: [kind, field]     a document of that kind exists and none has the field true
  paid_above_base: true                   a dépassement: paid more than the base de remboursement

Texts: a rule's "explanation" and its action's "text" are either one string (the same in every
language) or {"en": "...", "fr": "..."}; evaluate(rules, facts, lang) picks the language, falling
back to English, then to the first language present (core/rules/messages.py).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from desktop_app.core.errors import UserError
from desktop_app.core.model import Category, Claim, Document, Payer, Person
from desktop_app.core.rules import messages
from desktop_app.core.rules.conditions import Evaluation, check_condition

LEVELS = ("person", "claim", "cpam", "mutuelle")
PAPER_PAYERS = ("cpam", "mutuelle")
SEVERITIES = ("blocking", "warning")


@dataclass
class DocumentFacts:
    kind: str
    fields: dict[str, object] = field(default_factory=dict)

    @classmethod
    def from_document(cls, doc: Document) -> DocumentFacts:
        return cls(kind=str(doc.kind), fields={name: f.value for name, f in doc.fields.items()})


@dataclass
class Facts:
    """What services know about one claim. Documents may be given as Document, DocumentFacts or
    {"kind": ..., "fields": {...}}. `paper` is False when the professional sent an electronic care
    sheet (carte Vitale): there is then nothing to post to the CPAM."""

    person: Person
    claim: Claim
    insured: Person | None = None
    documents: list = field(default_factory=list)
    cpam_paid: bool = False
    is_first_mutuelle_claim: bool = False
    paper: bool = True
    today: _dt.date | None = None
    tiers_payant: str | None = None  # as it applies (a CSS beneficiary's is "all"); None: claim's
    cpam_covers: bool = True  # False when the CPAM's rate for this care is 0
    lpp_unknown: bool = False  # a device code not on the LPP list as far as Paperasse knows

    def __post_init__(self) -> None:
        self.documents = [_document_facts(d) for d in self.documents]

    @property
    def is_beneficiary(self) -> bool:
        return self.person.is_beneficiary


@dataclass
class Missing:
    rule_id: str
    level: str
    severity: str
    explanation: str
    action: str  # e.g. "edit_person", "attach_document:care_sheet", "mark_signed"
    action_text: str
    unconfirmed: bool = False

    @property
    def blocking(self) -> bool:
        return self.severity == "blocking"

    def to_dict(self) -> dict:
        # Key names follow the claim status shape published by services/tracking.py.
        return {
            "id": self.rule_id,
            "level": self.level,
            "severity": self.severity,
            "message": self.explanation,
            "action": self.action,
            "action_label": self.action_text,
            "unconfirmed": self.unconfirmed,
        }


def paper_rules(rules: dict) -> list[dict]:
    """The "papers" table as rules: a required paper of a payer that is not attached."""
    expanded = []
    for payer, entries in rules.get("papers", {}).items():
        if payer not in PAPER_PAYERS:
            continue
        for entry in entries:
            if entry.get("required", True) is False:
                continue
            expanded.append(dict(
                entry, level=payer,
                when={"all": [entry.get("when", {"all": []}), {"missing_document": entry["kind"]}]},
            ))
    return expanded


def all_rules(rules: dict) -> list[dict]:
    """The rules in checking order: person and claim rules, then each payer's missing papers
    before its other rules (a missing paper is the first thing to fix)."""
    papers = paper_rules(rules)
    ordered = [r for r in rules["rules"] if r["level"] in ("person", "claim")]
    for payer in PAPER_PAYERS:
        ordered += [r for r in papers if r["level"] == payer]
        ordered += [r for r in rules["rules"] if r["level"] == payer]
    return ordered


def papers_needed(rules: dict, facts: Facts, payer: Payer | str) -> list[dict]:
    """The papers this payer needs for this claim (attached or not) and the optional ones that
    are attached, in the table's order: what the next action names and the mailing encloses.
    Empty when the payer's level does not apply."""
    payer = str(payer)
    lists = rules.get("lists", {})
    when = rules.get("levels", {}).get(payer, {}).get("applies_when")
    if when is not None and not Evaluation(facts, lists).holds(when):
        return []
    attached = {d.kind for d in facts.documents}
    stand_ins = _stand_ins(rules)
    return [
        entry
        for entry in rules.get("papers", {}).get(payer, [])
        if Evaluation(facts, lists, stand_ins).holds(entry.get("when", {"all": []}))
        and (entry.get("required", True) is not False or kinds_for(rules, entry["kind"]) & attached)
    ]


def kinds_for(rules: dict, kind: str) -> set[str]:
    """The kind and the kinds that stand in for it (completeness.json "stands_in_for")."""
    return {kind, *_stand_ins(rules).get(kind, ())}


def stand_in_letter(rules: dict, kind: str) -> object | None:
    """How the cover letter names a paper that stands in for another ({"en": …, "fr": …})."""
    for spec in rules.get("stands_in_for", {}).values():
        if isinstance(spec, dict) and kind in spec.get("letters", {}):
            return spec["letters"][kind]
    return None


def _stand_ins(rules: dict) -> dict[str, tuple[str, ...]]:
    return {
        kind: tuple(spec.get("value", ()) if isinstance(spec, dict) else spec)
        for kind, spec in rules.get("stands_in_for", {}).items()
        if not kind.startswith("_") and kind != "about"
    }


def evaluate(rules: dict, facts: Facts, lang: str = "en") -> list[Missing]:
    """Every rule whose level applies and whose condition holds, in checking order (all_rules),
    with its texts in ``lang`` ("en" or "fr")."""
    lists = rules.get("lists", {})
    stand_ins = _stand_ins(rules)
    applies = rules.get("levels", {})
    found = []
    level_ok: dict[str, bool] = {}
    for rule in _cached_rules(rules):
        level = rule["level"]
        if level not in level_ok:
            when = applies.get(level, {}).get("applies_when")
            level_ok[level] = when is None or Evaluation(facts, lists, stand_ins).holds(when)
        if not level_ok[level]:
            continue
        evaluation = Evaluation(facts, lists, stand_ins)
        if evaluation.holds(rule["when"]):
            found.append(_missing(rule, facts, evaluation.details, lang))
    return found


_EXPANDED: dict[int, tuple[dict, list[dict]]] = {}


def _cached_rules(rules: dict) -> list[dict]:
    # A household check evaluates the same loaded file for every claim: expand it once.
    hit = _EXPANDED.get(id(rules))
    if hit is None or hit[0] is not rules:
        hit = (rules, all_rules(rules))
        _EXPANDED.clear()
        _EXPANDED[id(rules)] = hit
    return hit[1]


def blocking_for(missing: list[Missing], payer: Payer | str) -> list[Missing]:
    """The blocking items that stop a claim being sent to this payer."""
    levels = {"person", "claim", str(payer)}
    return [m for m in missing if m.blocking and m.level in levels]


def is_ready(missing: list[Missing], payer: Payer | str) -> bool:
    return not blocking_for(missing, payer)


def needs_prescription(rules: dict, category: Category | str) -> bool:
    listed = rules.get("lists", {}).get("prescription_categories", {}).get("value", [])
    return str(category) in listed


def validate_rules(rules: dict) -> None:
    """UserError listing every problem of a rule file, so a bad edit is caught when it is loaded."""
    problems = []
    lists = rules.get("lists", {})
    seen = set()
    for level, spec in rules.get("levels", {}).items():
        if level not in LEVELS:
            problems.append(f"levels: unknown level {level!r}")
        if "applies_when" in spec:
            found = check_condition(spec["applies_when"], lists)
            problems.extend(f"levels.{level}: {p}" for p in found)
    for kind, spec in rules.get("stands_in_for", {}).items():
        if kind.startswith("_") or kind == "about":
            continue
        if not isinstance(spec, dict) or not isinstance(spec.get("value"), list) or "sources" not in spec:
            problems.append(f"stands_in_for.{kind}: needs a list 'value' and its 'sources'")
    for payer, entries in rules.get("papers", {}).items():
        if payer == "about":
            continue
        if payer not in PAPER_PAYERS:
            problems.append(f"papers: unknown payer {payer!r}")
            continue
        for entry in entries:
            where = f"papers.{payer} {entry.get('id', '?')!r}"
            if not {"id", "kind", "letter"} <= set(entry):
                problems.append(f"{where}: needs an id, a kind and a letter label")
            if "when" in entry:
                problems.extend(f"{where}: {p}" for p in check_condition(entry["when"], lists))
            if entry.get("required", True) is not False:
                for key in ("severity", "explanation", "action"):
                    if key not in entry:
                        problems.append(f"{where}: no {key!r}")
    for index, rule in enumerate(paper_rules(rules) + list(rules.get("rules", []))):
        where = f"rule {rule.get('id', index)!r}"
        for key in ("id", "level", "severity", "when", "explanation", "action"):
            if key not in rule:
                problems.append(f"{where}: no {key!r}")
        if rule.get("id") in seen:
            problems.append(f"{where}: id used twice")
        seen.add(rule.get("id"))
        if rule.get("level") not in LEVELS:
            problems.append(f"{where}: level must be one of {', '.join(LEVELS)}")
        if rule.get("severity") not in SEVERITIES:
            problems.append(f"{where}: severity must be blocking or warning")
        if "explanation" in rule:
            problems.extend(f"{where}: explanation {p}" for p in _check_text(rule["explanation"]))
        action = rule.get("action", {})
        if not isinstance(action, dict) or not {"id", "text"} <= set(action):
            problems.append(f"{where}: action needs an id and a text")
        else:
            problems.extend(f"{where}: action text {p}" for p in _check_text(action["text"]))
        if "when" in rule:
            problems.extend(f"{where}: {p}" for p in check_condition(rule["when"], lists))
    if problems:
        raise UserError("completeness rules are not valid: " + "; ".join(problems))


def _check_text(text: object) -> list[str]:
    """A text is a non-empty string, or {"en": "...", "fr": "..."} (language code -> string)."""
    if isinstance(text, str):
        return [] if text.strip() else ["is empty"]
    if not isinstance(text, dict):
        return ['must be a string or {"en": "...", "fr": "..."}']
    if not text:
        return ["has no language"]
    problems = [
        f"for {lang!r} must be a non-empty string"
        for lang, value in text.items()
        if not isinstance(value, str) or not value.strip()
    ]
    problems.extend(
        f"has an unknown language {lang!r} (use {', '.join(messages.LANGUAGES)})"
        for lang in text
        if lang not in messages.LANGUAGES
    )
    return problems


def _missing(rule: dict, facts: Facts, details: list[str], lang: str = "en") -> Missing:
    lang = messages.language(lang)
    names = _SafeNames(
        person=facts.person.name,
        insured=facts.insured.name if facts.insured else messages.message("insured.unknown", lang),
        category=messages.name_of("category", facts.claim.category, lang),
        detail="; ".join(details),
    )
    return Missing(
        rule_id=rule["id"],
        level=rule["level"],
        severity=rule["severity"],
        explanation=messages.localized(rule["explanation"], lang).format_map(names),
        action=rule["action"]["id"],
        action_text=messages.localized(rule["action"]["text"], lang).format_map(names),
        unconfirmed=bool(rule.get("unconfirmed", False)),
    )


class _SafeNames(dict):
    # A typo in a rule's placeholder shows as-is instead of breaking the whole check.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _document_facts(doc: object) -> DocumentFacts:
    if isinstance(doc, DocumentFacts):
        return doc
    if isinstance(doc, Document):
        return DocumentFacts.from_document(doc)
    if isinstance(doc, dict):
        return DocumentFacts(kind=str(doc["kind"]), fields=dict(doc.get("fields", {})))
    if isinstance(doc, str):
        return DocumentFacts(kind=doc)
    raise TypeError(f"not a document: {doc!r}")
