"""Household members: add, edit, look up, with identifier checks."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from desktop_app.core import identifiers
from desktop_app.core.errors import NotFound, UserError
from desktop_app.core.model import Person, Regime, to_plain
from desktop_app.core.rules.guarantee import parse_guarantee
from desktop_app.services.context import Context
from desktop_app.services.parsing import parse_date, parse_yes_no

# Options a user may set on a person, and how each is read from text.
EDITABLE = (
    "name",
    "nir",
    "birth_date",
    "sex",
    "postal_address",
    "beneficiary_of",
    "caisse_name",
    "caisse_address",
    "caisse_code",
    "regime",
    "medecin_traitant",
    "ald",
    "css",
    "maternity_start",
    "maternity_end",
    "mutuelle",
    "mutuelle_member_number",
    "mutuelle_address",
    "noemie",
    "contrat_responsable",
    "guarantees",
    "mutuelle_deadline_days",
    "iban",
    "notes",
)


@dataclass
class PersonResult:
    person: Person
    warnings: list[str] = field(default_factory=list)

    def to_dict(self, ctx: Context | None = None) -> dict:
        data = person_dict(self.person, ctx)
        data["warnings"] = self.warnings
        return data


def person_dict(person: Person, ctx: Context | None = None) -> dict:
    data = to_plain(person)
    if ctx and person.insured_id:
        insured = ctx.store.person(person.insured_id)
        data["beneficiary_of"] = insured.name if insured else None
    return data


def find_person(ctx: Context, ref: str | int) -> Person:
    """A person by id or by name (case-insensitive)."""
    person = None
    text = str(ref).strip()
    if text.isdigit():
        person = ctx.store.person(int(text))
    if person is None:
        person = ctx.store.person_by_name(text)
    if person is None:
        known = ", ".join(p.name for p in ctx.store.people()) or "nobody yet"
        raise NotFound(
            f"no person named {text!r} in this household (known: {known})",
            hint=("person.add", {"name": text}),
        )
    return person


def add_person(ctx: Context, **values) -> PersonResult:
    name = (values.get("name") or "").strip()
    if not name:
        raise UserError("a person needs a name: --name \"Claire Martin\"")
    if ctx.store.person_by_name(name):
        raise UserError(
            f"{name!r} is already in the household: change their details in their own form",
            hint=("person.edit", {"name": name}),
            message=("person.already_added", {"name": name}),
        )
    from desktop_app.services.trash import refuse_name_in_trash

    refuse_name_in_trash(ctx, name)
    person = Person(name=name)
    warnings = _apply(ctx, person, values)
    person.id = ctx.store.add_person(person)
    return PersonResult(person, warnings)


def edit_person(ctx: Context, ref: str | int, **values) -> PersonResult:
    person = find_person(ctx, ref)
    new_name = (values.get("name") or "").strip()
    if new_name and new_name.lower() != person.name.lower():
        if ctx.store.person_by_name(new_name):
            raise UserError.of("person.already_in_household", name=new_name)
        from desktop_app.services.trash import refuse_name_in_trash

        refuse_name_in_trash(ctx, new_name)
    updated = dataclasses.replace(person, mutuelle_guarantees=dict(person.mutuelle_guarantees))
    warnings = _apply(ctx, updated, values)
    ctx.store.update_person(updated)
    return PersonResult(updated, warnings)


def list_people(ctx: Context) -> list[Person]:
    return ctx.store.people()


def check_person(person: Person) -> list[str]:
    """Problems with a person's identifiers, as one-line warnings (for display)."""
    return [text for _severity, text in person_problems(person)]


def person_problems(person: Person) -> list[tuple[str, str]]:
    """(severity, text) of each problem with a person's identifiers: an error blocks, a warning
    (a temporary NIA, a birth date the NIR does not match) only asks for a second look."""
    problems = []
    if person.nir:
        check = identifiers.check_nir(person.nir, person.birth_date, person.sex)
        problems += [("blocking", e) for e in check.errors]
        problems += [("warning", w) for w in check.warnings]
    if person.iban:
        problems += [("blocking", e) for e in identifiers.check_iban(person.iban).errors]
    return problems


def _apply(ctx: Context, person: Person, values: dict) -> list[str]:
    """Copy the given values onto ``person``; raise UserError on a bad one."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise UserError(f"unknown person option(s): {', '.join(sorted(unknown))}")
    warnings: list[str] = []
    v = {k: x for k, x in values.items() if x is not None}
    if "name" in v and v["name"].strip():
        person.name = v["name"].strip()
    if "birth_date" in v:
        person.birth_date = parse_date(v["birth_date"], "birth date")
    if "sex" in v:
        sex = str(v["sex"]).strip().upper()[:1]
        if sex and sex not in ("F", "M"):
            raise UserError(f"sex must be F or M, got {v['sex']!r}")
        person.sex = sex or None
    if "nir" in v:
        raw = str(v["nir"]).strip()
        if raw:
            check = identifiers.check_nir(raw, person.birth_date, person.sex)
            if not check.ok:
                raise UserError(f"invalid NIR {raw!r}: {'; '.join(check.errors)}",
                                message=("person.invalid_identifier",
                                         {"why": [(m, v) for _s, m, v in check.problems
                                                  if _s == "error"], "raw": raw}))
            person.nir = check.value
            warnings += check.warnings
        else:
            person.nir = None
    elif person.nir and ("birth_date" in v or "sex" in v):
        warnings += identifiers.check_nir(person.nir, person.birth_date, person.sex).warnings
    if "beneficiary_of" in v:
        ref = str(v["beneficiary_of"]).strip()
        if ref:
            insured = find_person(ctx, ref)
            if person.id is not None and insured.id == person.id:
                raise UserError.of("person.own_insured")
            person.insured_id = insured.id
        else:
            person.insured_id = None
    if "regime" in v:
        regime = str(v["regime"]).strip().lower().replace("-", "_")
        if regime not in Regime.values():
            raise UserError(
                f"regime must be one of {', '.join(Regime.values())}, got {v['regime']!r}"
            )
        person.regime = Regime(regime)
    for flag in ("medecin_traitant", "ald", "css", "noemie", "contrat_responsable"):
        if flag in v:
            setattr(person, flag, parse_yes_no(v[flag], flag.replace("_", " ")))
    for date_field in ("maternity_start", "maternity_end"):
        if date_field in v:
            setattr(person, date_field, parse_date(v[date_field], date_field.replace("_", " ")))
    for text_field in (
        "caisse_name",
        "caisse_address",
        "caisse_code",
        "mutuelle_member_number",
        "mutuelle_address",
        "notes",
    ):
        if text_field in v:
            setattr(person, text_field, str(v[text_field]).strip() or None)
    if "postal_address" in v:
        lines = [part.strip() for part in str(v["postal_address"]).replace(",", "\n").splitlines()]
        person.postal_address = "\n".join(line for line in lines if line) or None
    if "mutuelle" in v:
        person.mutuelle_name = str(v["mutuelle"]).strip() or None
    if "guarantees" in v:
        for category, guarantee in _parse_guarantees(v["guarantees"]).items():
            if guarantee:
                person.mutuelle_guarantees[category] = guarantee
            else:  # "category=" removes that guarantee
                person.mutuelle_guarantees.pop(category, None)
    if "mutuelle_deadline_days" in v and str(v["mutuelle_deadline_days"]).strip() == "":
        person.mutuelle_deadline_days = None  # back to the legal two years
    elif "mutuelle_deadline_days" in v:
        try:
            days = int(v["mutuelle_deadline_days"])
        except (TypeError, ValueError):
            raise UserError.of("person.deadline_days") from None
        if days <= 0:
            raise UserError.of("person.deadline_days")
        person.mutuelle_deadline_days = days
    if "iban" in v:
        raw = str(v["iban"]).strip()
        if raw:
            check = identifiers.check_iban(raw)
            if not check.ok:
                raise UserError(f"invalid IBAN {raw!r}: {'; '.join(check.errors)}",
                                message=("person.invalid_identifier",
                                         {"why": [(m, v) for _s, m, v in check.problems
                                                  if _s == "error"], "raw": raw}))
            person.iban = check.value
        else:
            person.iban = None
    return warnings


def _parse_guarantees(value) -> dict[str, str]:
    """``"consultation=100% BR,lpp_device=200% BR"`` or a dict."""
    if isinstance(value, dict):
        pairs = [(str(k), str(x or "")) for k, x in value.items()]
    else:
        pairs = []
        for part in str(value).split(","):
            if not part.strip():
                continue
            if "=" not in part:
                raise UserError(
                    f"guarantee {part.strip()!r} must read CATEGORY=GUARANTEE, "
                    "e.g. consultation=100% BR"
                )
            key, _sep, guarantee = part.partition("=")
            pairs.append((key, guarantee))
    result = {}
    for key, guarantee in pairs:
        guarantee = guarantee.strip()
        if guarantee and parse_guarantee(guarantee) is None:
            raise UserError(
                f"guarantee {guarantee!r} not understood: use '100% BR', '200% BR', "
                "'forfait:150' or 'frais-reels'"
            )
        result[key.strip()] = guarantee
    return result
