"""Whether a paper filed under one person names another: the name read on it against the
household's names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.core.model import Document
from desktop_app.core.rules.messages import message
from desktop_app.services.parsing import name_tokens

if TYPE_CHECKING:
    from desktop_app.services.context import Context


@dataclass(frozen=True)
class NameMismatch:
    """A paper filed under one person that names another."""

    named: str  # the patient's name as read on the paper
    filed_under: str  # the person it is filed under
    filed_under_id: int
    match_id: int | None = None  # the household member it names, when there is one
    match_name: str | None = None

    def message(self, lang: str = "en") -> str:
        return message("document.names_other", lang, named=self.named, person=self.filed_under)

    def to_dict(self) -> dict:
        return {"named": self.named, "filed_under": self.filed_under,
                "filed_under_id": self.filed_under_id, "match_id": self.match_id,
                "match_name": self.match_name}


def _same_person(read: str, name: str) -> bool:
    """'MARTIN Claire', 'Mme Claire Martin' or 'C. Martin' are Claire Martin; 'Paul Martin'
    is not, though both are Martins: one name's words must all be in the other."""
    a, b = name_tokens(read), name_tokens(name)
    return bool(a and b) and (a <= b or b <= a)


# Under this confidence a name read on a paper is a suggestion (resources/intake/calibration.json):
# it is offered in the document pane, but the window does not say the paper names someone else.
NAME_SURE_ENOUGH = 0.5


def name_mismatch(ctx: Context, read_name: str | None, person) -> NameMismatch | None:
    """Whether a paper naming ``read_name`` is filed under someone else than ``person``; the
    household member it names, if any, is where it may be moved."""
    if person is None or not read_name or not name_tokens(read_name):
        return None
    if _same_person(read_name, person.name):
        return None
    match = next((p for p in ctx.store.people()
                  if p.id != person.id and _same_person(read_name, p.name)), None)
    return NameMismatch(
        named=str(read_name), filed_under=person.name, filed_under_id=person.id,
        match_id=match.id if match else None, match_name=match.name if match else None,
    )


def document_name_mismatch(ctx: Context, doc: Document) -> NameMismatch | None:
    """The same check on a stored document: the pane shows it until the paper is moved."""
    patient = doc.fields.get("patient_name")
    if not doc.person_id or patient is None or not patient.value:
        return None
    if not patient.confirmed and (patient.confidence or 0) < NAME_SURE_ENOUGH:
        return None  # a guessed name is no ground to say the paper is someone else's
    return name_mismatch(ctx, str(patient.value), ctx.store.person(doc.person_id))
