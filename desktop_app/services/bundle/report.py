"""What ``build_bundle`` returns beside the PDF, and what it raises when the claim is not ready.

``BundleReport.to_json()`` is the shape ``paperasse bundle --json`` prints (README)::

    {"path", "claim_id", "payer", "pages", "letter_pages", "memo_page",
     "recipient": {"name", "address": [lines], "source": "person"|"address_book"|None},
     "enclosed": [{"document_id", "kind", "label", "original_name", "pages", "first_page"}],
     "not_enclosed": [{"document_id", "kind", "original_name", "why"}],
     "warnings": [str], "notices": [{"id", "values", "fix", "text"}],
     "incomplete": [missing item…], "next": {"action": "mark_sent", "claim_id", "payer"}}

``warnings`` are the notices in English; each notice is a message id of core/rules/messages.py
with its values, for a face to word in its own language, and, when the user can fix it in their
records, ``fix``: ``{"person_id", "person", "field"}`` (a field of the person form) or
``{"document_id", "field"}``. No text here names a command: the command line words its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.core import formatting
from desktop_app.core.errors import UserError
from desktop_app.core.rules import messages
from desktop_app.services.results import ChecklistItem


@dataclass(frozen=True)
class Notice:
    """One thing the report says beside the PDF: a message id, its values, and what fixes it."""

    id: str
    values: dict = field(default_factory=dict)
    fix: dict | None = None

    def text(self, lang: str = "en") -> str:
        return notice_text(self, lang)

    def to_dict(self) -> dict:
        return {"id": self.id, "values": dict(self.values), "fix": self.fix, "text": self.text()}


def notice_text(notice: Notice | dict, lang: str = "en") -> str:
    """A report notice in ``lang``. Its values are language-free (a payer id, an ISO date, a
    track state); the words for them are the language's."""
    if isinstance(notice, Notice):
        notice_id, values = notice.id, dict(notice.values)
    else:
        notice_id, values = notice["id"], dict(notice.get("values") or {})
    if "payer" in values:
        values["who"] = formatting.payer(values["payer"], messages.language(lang))
        values["Who"] = messages.capitalize(values["who"])
    if "sent_on" in values:
        values["when"] = (messages.message("bundle.on_date", lang,
                                           date=messages.day(values["sent_on"], lang))
                          if values["sent_on"] else "")
    if "channel" in values:
        values["via"] = (messages.message("bundle.via_noemie", lang)
                         if values["channel"] == "noemie" else "")
    if "state" in values:
        values["state"] = messages.name_of("state", values["state"], lang)
    return messages.message(notice_id, lang, **values)


class BundleBlocked(UserError):
    """The claim lacks something the payer needs; ``items`` lists it."""

    def __init__(self, message: str, items: tuple[ChecklistItem, ...]):
        super().__init__(message, hint=("bundle.force", {}))
        self.items = items


@dataclass(frozen=True)
class Recipient:
    """Who the letter is addressed to, and where its address came from."""

    name: str
    lines: tuple[str, ...]
    source: str | None  # "person" | "address_book" | None (the user writes it in)

    def to_json(self) -> dict:
        return {"name": self.name, "address": list(self.lines), "source": self.source}


@dataclass(frozen=True)
class Enclosed:
    """A stored original put in the bundle, from page ``first_page`` on."""

    document_id: int
    kind: str
    label: str  # as the letter lists it (French)
    original_name: str
    pages: int
    first_page: int

    def to_json(self) -> dict:
        return {"document_id": self.document_id, "kind": self.kind, "label": self.label,
                "original_name": self.original_name, "pages": self.pages,
                "first_page": self.first_page}


@dataclass(frozen=True)
class NotEnclosed:
    """A paper of the claim left out, and why (English, for the report)."""

    document_id: int
    kind: str
    original_name: str
    why: str

    def to_json(self) -> dict:
        return {"document_id": self.document_id, "kind": self.kind,
                "original_name": self.original_name, "why": self.why}


@dataclass(frozen=True)
class BundleReport:
    path: str
    claim_id: int
    payer: str
    pages: int
    letter_pages: int
    memo_page: int
    recipient: Recipient
    enclosed: tuple[Enclosed, ...]
    not_enclosed: tuple[NotEnclosed, ...]
    notices: tuple[Notice, ...]
    incomplete: tuple[ChecklistItem, ...]  # the blocking missing items prepared anyway

    @property
    def warnings(self) -> list[str]:
        """The notices in English."""
        return [n.text() for n in self.notices]

    @property
    def next(self) -> dict:
        """What to do once it is posted: mark the claim sent to the payer."""
        return {"action": "mark_sent", "claim_id": self.claim_id, "payer": self.payer}

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "claim_id": self.claim_id,
            "payer": self.payer,
            "pages": self.pages,
            "letter_pages": self.letter_pages,
            "memo_page": self.memo_page,
            "recipient": self.recipient.to_json(),
            "enclosed": [e.to_json() for e in self.enclosed],
            "not_enclosed": [s.to_json() for s in self.not_enclosed],
            "warnings": self.warnings,
            "notices": [n.to_dict() for n in self.notices],
            "incomplete": [m.to_json() for m in self.incomplete],
            "next": self.next,
        }
