"""Who the letter goes to: the insured's caisse (a beneficiary's is the insured's) or the
mutuelle, with the postal address from the person's records or the address book."""

from __future__ import annotations

import re

from desktop_app.core.model import Person
from desktop_app.services import addresses
from desktop_app.services.bundle.report import Notice, Recipient
from desktop_app.services.bundle.sentences import say
from desktop_app.services.context import Context


def person_fix(person: Person, field_name: str) -> dict:
    return {"person_id": person.id, "person": person.name, "field": field_name}


def address_lines(address: str | None) -> tuple[str, ...]:
    cleaned = addresses.clean_address(address)
    return tuple(cleaned.splitlines()) if cleaned else ()


def city(lines) -> str | None:
    """The town of a French postal address: what follows the postcode on its last line."""
    for line in reversed(lines):
        m = re.match(r"^\s*\d{5}\s+(.+?)(\s+cedex(\s+\d+)?)?\s*$", line, re.IGNORECASE)
        if m:
            return m.group(1).strip()
    return None


def cpam_recipient(ctx: Context, insured: Person, warnings: list[Notice]) -> Recipient:
    unnamed = say("letter", "caisse_unnamed")
    name, code = insured.caisse_name, insured.caisse_code
    for value in (code, name):
        why = addresses.is_outdated_centre(value) if value else None
        if why:
            warnings.append(Notice(
                "bundle.outdated_centre",
                {"person": insured.name, "caisse": repr(value), "why": why},
                person_fix(insured, "caisse"),
            ))
            return Recipient(unnamed, (), None)
    if insured.caisse_address:
        lines = address_lines(insured.caisse_address)
        entry = addresses.find_caisse(ctx, name) if name else None
        title = name or (entry["name"] if entry else unnamed)
        if lines and addresses.normalise(lines[0]) == addresses.normalise(title):
            lines = lines[1:]  # the name was typed as the first line of the address
        return Recipient(title, lines, "person")
    entry = None
    for value in (code, name):
        if value and entry is None:
            entry = addresses.find_caisse(ctx, value)
    title = name or (entry["name"] if entry else None) or unnamed
    if entry and entry.get("address"):
        if entry.get("unconfirmed"):
            warnings.append(Notice("bundle.address_unconfirmed", {"caisse": entry["name"]}))
        return Recipient(name or entry["name"], address_lines(entry["address"]), "address_book")
    known = f" ({title})" if name or entry else ""
    warnings.append(Notice(
        "bundle.no_caisse_address", {"person": insured.name, "known": known},
        person_fix(insured, "caisse_address"),
    ))
    return Recipient(title, (), None)


def mutuelle_recipient(ctx: Context, holder: Person, warnings: list[Notice]) -> Recipient:
    name = holder.mutuelle_name or ""  # the mailing is refused before when none is recorded
    if holder.mutuelle_address:
        lines = address_lines(holder.mutuelle_address)
        if lines and addresses.normalise(lines[0]) == addresses.normalise(name):
            lines = lines[1:]
        return Recipient(name, lines, "person")
    entry = addresses.find_mutuelle(ctx, name)
    if entry and entry.get("address"):
        return Recipient(name, address_lines(entry["address"]), "address_book")
    warnings.append(Notice(
        "bundle.no_mutuelle_address", {"mutuelle": name, "person": holder.name},
        person_fix(holder, "mutuelle_address"),
    ))
    return Recipient(name, (), None)
