"""Values an attestation de droits or a mutuelle card offers a person's record: proposed, and
written only when the user confirms them (resources/rules/person_from_documents.json)."""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from desktop_app.core import identifiers
from desktop_app.core.errors import UserError
from desktop_app.services.context import Context

# A person option and the record's attribute it fills, where the two names differ.
_ATTRIBUTE = {"mutuelle": "mutuelle_name"}


@dataclass
class ProposedValue:
    field: str  # the document's field
    option: str  # the person option it fills
    value: str
    current: str | None

    def to_dict(self) -> dict:
        return {"field": self.field, "option": self.option, "value": self.value, "current": self.current}


@dataclass
class Proposal:
    document_id: int
    person_id: int
    person: str
    values: list[ProposedValue] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"document_id": self.document_id, "person_id": self.person_id, "person": self.person,
                "values": [v.to_dict() for v in self.values]}


@lru_cache(maxsize=4)
def _read_mapping(path: str, _mtime: float) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise UserError(f"{path}: cannot be read ({exc}); reinstall Paperasse or fix the file") from None
    return data.get("kinds", {})


def _mapping(ctx: Context) -> dict:
    path = ctx.resource("rules", "person_from_documents.json")
    return _read_mapping(str(path), path.stat().st_mtime if path.exists() else 0.0)


def _same(option: str, a: str, b: str | None) -> bool:
    if b is None:
        return False
    if option == "nir":
        return re.sub(r"\s", "", a).upper() == re.sub(r"\s", "", b).upper()
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def proposal_for(ctx: Context, document_id: int) -> Proposal | None:
    """What the document offers its person's record, or None (no person, nothing new, or a paper
    naming someone else)."""
    from desktop_app.services import documents

    doc = documents.get_document(ctx, document_id)
    wanted = _mapping(ctx).get(str(doc.kind))
    if not wanted or not doc.person_id or documents.document_name_mismatch(ctx, doc) is not None:
        return None
    person = ctx.store.person(doc.person_id)
    if person is None or doc.id is None or person.id is None:
        return None
    proposal = Proposal(doc.id, person.id, person.name)
    for name, option in wanted.items():
        f = doc.fields.get(name)
        if f is None or f.value in (None, ""):
            continue
        value = str(f.value)
        if option == "nir" and not identifiers.check_nir(value).ok:
            continue
        current = getattr(person, _ATTRIBUTE.get(option, option), None)
        if isinstance(current, _dt.date):
            current = current.isoformat()
        current = str(current) if current not in (None, "") else None
        if not _same(option, value, current):
            proposal.values.append(ProposedValue(name, option, value, current))
    return proposal if proposal.values else None


def apply_proposal(ctx: Context, document_id: int, fields: list[str] | None = None):
    """Write the proposed values the user chose (the document's field names; all when None) to
    the person's record, through the same checks as the person form."""
    from desktop_app.services import people

    proposal = proposal_for(ctx, document_id)
    if proposal is None:
        raise UserError(f"document {document_id} has nothing to add to its person's record")
    chosen = [v for v in proposal.values if fields is None or v.field in fields]
    unknown = set(fields or ()) - {v.field for v in proposal.values}
    if unknown:
        raise UserError(f"document {document_id} proposes no {', '.join(sorted(unknown))}; "
                        f"it proposes {', '.join(v.field for v in proposal.values)}")
    return people.edit_person(ctx, proposal.person_id, **{v.option: v.value for v in chosen})
