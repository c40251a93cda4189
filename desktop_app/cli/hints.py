"""How the command line fixes what the services report: the commands to type, worded here.

Services name no command (the window shows the same messages and offers buttons instead); a
UserError carries ``hint = (id, values)`` and a mailing's notices carry a ``fix``, and the
command line adds the matching sentence below.
"""

from __future__ import annotations

HINTS: dict[str, str] = {
    "claim.list": "list them with 'paperasse claim list'",
    "doc.list": "list them with 'paperasse doc list'",
    "layouts.list": "list them with 'paperasse layouts list'",
    "doc.reread": "read it with 'paperasse doc reread {document_id}'",
    "doc.confirm_payer": "set it with: paperasse doc confirm {document_id} payer=cpam (or payer=mutuelle)",
    "doc.confirm_statement": "if it is one: paperasse doc confirm {document_id} --kind statement",
    "doc.confirm_kind": "set its kind with 'paperasse doc confirm {document_id} --kind …'",
    "backup.list": "list them with 'paperasse backup list'",
    "backup.restore": "on the command line, 'paperasse backup list' then 'paperasse backup restore ID'",
    "person.add": "add one with: paperasse person add --name {name!r}",
    "person.edit": "use 'paperasse person edit {name!r}'",
    "person.edit_mutuelle": "add it with: paperasse person edit {name!r} --mutuelle NAME --member-number N",
    "bundle.force": "use --force to prepare it anyway",
    "output.force": "add --force to replace it",
    "claim.send": "paperasse claim send {claim_id} --to {payer}",
}

# A person-form field a mailing notice asks to fill, as the option of 'paperasse person edit'.
PERSON_OPTIONS = {
    "caisse": '--caisse "CPAM de …" --caisse-code ""',
    "caisse_address": '--caisse-address "…"',
    "mutuelle": "--mutuelle NAME --member-number N",
    "mutuelle_address": '--mutuelle-address "…"',
}


def hint_text(hint) -> str:
    """The sentence for a ``(id, values)`` hint; '' for none or an unknown id."""
    if not hint:
        return ""
    key, values = hint
    template = HINTS.get(key)
    return template.format(**(values or {})) if template else ""


def with_hint(message: str, hint) -> str:
    text = hint_text(hint)
    return f"{message}; {text}" if text else message


def fix_text(fix: dict | None) -> str:
    """A mailing notice's fix (a person's field to fill, a document to confirm) as a command."""
    if not fix:
        return ""
    if fix.get("person") and fix.get("field") in PERSON_OPTIONS:
        return f"paperasse person edit {fix['person']!r} {PERSON_OPTIONS[fix['field']]}"
    if fix.get("document_id") and fix.get("field") == "payer":
        return f"paperasse doc confirm {fix['document_id']} payer=cpam"
    return ""
