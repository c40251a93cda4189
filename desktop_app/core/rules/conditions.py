"""The condition vocabulary of the completeness rule file (core/rules/completeness.py lists it):
each condition a one-key dict, asked of one claim's facts by :class:`Evaluation`, and checked
when the file is loaded by :func:`check_condition`."""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop_app.core import identifiers
from desktop_app.core.model import Person
from desktop_app.core.rules.money import to_decimal

if TYPE_CHECKING:  # the facts are completeness.py's, which asks its conditions here
    from desktop_app.core.rules.completeness import DocumentFacts, Facts

FACTS = (
    "paper", "cpam_paid", "is_first_mutuelle_claim", "is_beneficiary", "cpam_covers", "lpp_unknown"
)
_FALSE_WORDS = {"", "0", "false", "no", "non", "none"}


class Evaluation:
    """One condition of the rule file asked of one claim's facts; ``details`` gathers why an
    identifier failed, for the explanation's {detail}."""

    def __init__(self, facts: Facts, lists: dict, stand_ins: dict | None = None) -> None:
        self.facts = facts
        self.lists = lists
        self.stand_ins = stand_ins or {}
        self.details: list[str] = []  # why a validator failed, for the explanation's {detail}

    def holds(self, condition: dict) -> bool:
        (name, arg), = condition.items()
        return CONDITIONS[name](self, arg)

    def values(self, arg: Any) -> list:
        if isinstance(arg, str) and arg.startswith("$"):
            return list(self.lists[arg[1:]]["value"])
        return list(arg)

    def day(self) -> _dt.date:
        return self.facts.claim.care_date or self.facts.today or _dt.date.today()

    def documents(self, kind: str) -> list[DocumentFacts]:
        kinds = {kind, *self.stand_ins.get(kind, ())}
        return [d for d in self.facts.documents if d.kind in kinds]


def _empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, (str, list, tuple, dict, set)):
        return not (value.strip() if isinstance(value, str) else value)
    return False


def _truthy(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in _FALSE_WORDS
    return bool(value)


def _invalid(ev: Evaluation, name: str, want: str) -> bool:
    person = ev.facts.person
    raw = getattr(person, name, None)
    if _empty(raw):
        return False
    check = _VALIDATORS[name](person, str(raw))
    messages = check.errors if want == "errors" else check.warnings
    ev.details.extend(messages)
    return bool(messages)


def _digits(value: object) -> str:
    text = str(value).strip().lower()
    digits = re.sub(r"\D", "", text)
    return digits or text


def _age_below(ev: Evaluation, years: int) -> bool:
    born = ev.facts.person.birth_date
    if born is None:
        return False
    day = ev.day()
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day)) < years


def _insured_missing(ev: Evaluation, name: str) -> bool:
    if not ev.facts.is_beneficiary:
        return False
    insured = ev.facts.insured
    return insured is None or _empty(getattr(insured, name, None))


def _paid_above_base(ev: Evaluation, wanted: bool) -> bool:
    claim = ev.facts.claim
    if _empty(claim.amount_paid) or _empty(claim.base):
        return not wanted
    above = to_decimal(claim.amount_paid, "amount paid") > to_decimal(claim.base, "base")
    return above == bool(wanted)


# The same person's identifiers are checked for each of their claims: remembered, not redone.
_check_nir = functools.lru_cache(maxsize=256)(identifiers.check_nir)
_check_iban = functools.lru_cache(maxsize=256)(identifiers.check_iban)

_VALIDATORS: dict[str, Callable[[Person, str], identifiers.Check]] = {
    "nir": lambda p, raw: _check_nir(raw, p.birth_date, p.sex),
    "iban": lambda p, raw: _check_iban(raw),
}

# Arguments come from the rule file's JSON: any JSON value.
CONDITIONS: dict[str, Callable[[Evaluation, Any], bool]] = {
    "all": lambda ev, arg: all(ev.holds(c) for c in arg),
    "any": lambda ev, arg: any(ev.holds(c) for c in arg),
    "not": lambda ev, arg: not ev.holds(arg),
    "fact": lambda ev, arg: bool(getattr(ev.facts, arg)),
    "person_flag": lambda ev, arg: _truthy(getattr(ev.facts.person, arg, None)),
    "claim_flag": lambda ev, arg: _truthy(getattr(ev.facts.claim, arg, None)),
    "person_field_missing": lambda ev, arg: _empty(getattr(ev.facts.person, arg, None)),
    "claim_field_missing": lambda ev, arg: _empty(getattr(ev.facts.claim, arg, None)),
    "person_field_invalid": lambda ev, arg: _invalid(ev, arg, "errors"),
    "person_field_doubtful": lambda ev, arg: _invalid(ev, arg, "warnings"),
    "person_field_in": lambda ev, arg: (
        not _empty(getattr(ev.facts.person, arg["field"], None))
        and _digits(getattr(ev.facts.person, arg["field"]))
        in {_digits(v) for v in ev.values(arg["values"])}
    ),
    "person_age_below": _age_below,
    "insured_field_missing": _insured_missing,
    "category_in": lambda ev, arg: str(ev.facts.claim.category) in ev.values(arg),
    "tiers_payant_in": lambda ev, arg: str(ev.facts.tiers_payant or ev.facts.claim.tiers_payant)
    in ev.values(arg),
    "has_document": lambda ev, arg: bool(ev.documents(arg)),
    "missing_document": lambda ev, arg: not ev.documents(arg),
    "document_field_missing": lambda ev, arg: all(
        _empty(d.fields.get(arg[1])) for d in ev.documents(arg[0])
    ),
    "document_field_false": lambda ev, arg: bool(ev.documents(arg[0]))
    and not any(_truthy(d.fields.get(arg[1])) for d in ev.documents(arg[0])),
    "paid_above_base": _paid_above_base,
}

_ARGUMENT_CHECKS: dict[str, Callable[[object], bool]] = {
    "fact": lambda arg: arg in FACTS,
    "person_field_invalid": lambda arg: arg in _VALIDATORS,
    "person_field_doubtful": lambda arg: arg in _VALIDATORS,
    "person_field_in": lambda arg: isinstance(arg, dict) and {"field", "values"} <= set(arg),
    "person_age_below": lambda arg: isinstance(arg, int),
    "document_field_missing": lambda arg: isinstance(arg, list) and len(arg) == 2,
    "document_field_false": lambda arg: isinstance(arg, list) and len(arg) == 2,
}


def check_condition(condition: object, lists: dict) -> list[str]:
    if not isinstance(condition, dict) or len(condition) != 1:
        return [f"a condition must be a one-key object, got {condition!r}"]
    (name, arg), = condition.items()
    if name not in CONDITIONS:
        return [f"unknown condition {name!r}"]
    if name in ("all", "any"):
        return [p for c in arg for p in check_condition(c, lists)]
    if name == "not":
        return check_condition(arg, lists)
    problems = []
    if name in _ARGUMENT_CHECKS and not _ARGUMENT_CHECKS[name](arg):
        problems.append(f"bad argument for {name}: {arg!r}")
    refs = [arg] if isinstance(arg, str) else list(arg.values()) if isinstance(arg, dict) else []
    problems.extend(
        f"unknown list {r!r}"
        for r in refs
        if isinstance(r, str) and r.startswith("$") and r[1:] not in lists
    )
    return problems
