"""A mutuelle's carte de tiers payant: the member, their member number, the organisation's AMC
number (what a pharmacy types to bill it) and the organisation's name."""

from __future__ import annotations

import re

from desktop_app.intake import candidates, vocab
from desktop_app.intake.extract_common import Context, norm, seg_value
from desktop_app.intake.extract_labelled import UNLABELLED, labelled, put_person, sure
from desktop_app.intake.names import looks_like_person
from desktop_app.intake.parse_ids import ocr_digits

_L = vocab.load("labels_mutuelle_card")
_NOT_ORGANISATION = re.compile(rf"(?<![a-z])(?:{_L['not_organisation']})")


@candidates.calibrated("mutuelle_card")
def extract_mutuelle_card(ctx: Context) -> None:
    if not put_person(ctx, "patient_name", _L["patient"], not_after=_L["patient_not_after"]):
        ctx.put_none("patient_name", 0.2)
    _identifier(ctx, "amc_number", _L["amc_number"], _amc_number)
    amc = ctx.fields["amc_number"].value
    # The AMC number is the organisation's, printed on every card it issues: never the member's.
    _identifier(ctx, "member_number", _L["member_number"],
                lambda t: None if (m := _member_number(t)) and amc and amc in m else m)
    _organisation(ctx)


def _first_token(text: str) -> str:
    return text.strip(" :.-").split()[0] if text.strip(" :.-") else ""


def _amc_number(text: str) -> str | None:
    """An AMC number: 6 to 10 digits (spaces between groups allowed)."""
    m = re.match(r"^[\s:.\-]*([0-9OoIlSB][0-9OoIlSB ]{4,12}[0-9OoIlSB])\b", text)
    if not m:
        return None
    digits = re.sub(r"\s", "", ocr_digits(m.group(1)))
    return digits if digits.isdigit() and 6 <= len(digits) <= 10 else None


def _member_number(text: str) -> str | None:
    """A member number: letters and digits, maybe printed in groups ("HS 558 120")."""
    groups: list[str] = []
    for tok in text.strip(" :.-").split()[:4]:
        tok = tok.strip(".,;")
        if not re.fullmatch(r"[A-Z0-9\-/]+", tok) or (groups and not tok[:1].isdigit()):
            break
        groups.append(tok)
    if not groups and text.split():
        groups = [text.split()[0].strip(".,;")]
    token = "".join(groups) if len(groups) > 1 and len(groups[0]) <= 4 else (groups[0] if groups else "")
    if len(token) < 4 or not re.search(r"\d", token) or not re.fullmatch(r"[A-Za-z0-9\-/]+", token):
        return None
    return token


def _identifier(ctx: Context, name: str, labels: str, parse) -> None:
    got = labelled(ctx.pages, labels, parse)
    if got:
        ctx.put(name, got[0], sure(got[1]), got[1])
    else:
        ctx.put_none(name, 0.2)


# Another field's label, printed alone in its cell: never the organisation's name.
_OTHER_LABEL = re.compile(rf"(?:{_L['member_number']}|{_L['amc_number']})$")
_ORGANISATION_WORDS = re.compile(rf"(?<![a-z])(?:{_L['organisation_words']})(?![a-z])")


def _organisation_name(text: str) -> str | None:
    text = re.split(r"\s{3,}| - | – |,", text)[0].strip(" :-")
    letters = re.sub(r"[^a-z]", "", norm(text))
    if len(letters) < 3 or _NOT_ORGANISATION.match(norm(text)) or re.search(r"\d{3}", text):
        return None
    return text


def _title_cased(text: str) -> bool:
    long = [w for w in text.split() if len(w) > 3]
    return bool(long) and sum(w[:1].isupper() for w in long) >= 0.7 * len(long)


def _organisation(ctx: Context) -> None:
    page = ctx.pages[0]
    # A header line that names a mutuelle ("Mutuelle Horizon Santé", "Harmonie Mutuelle"):
    # the word that would be a label is part of the name.
    # Its letterhead may also stand at the foot of the card.
    n_head = max(3, len(page.rows) // 3)
    ends = list(range(min(n_head, len(page.rows)))) + list(range(max(n_head, len(page.rows) - 3), len(page.rows)))
    for r in ends:
        row = page.rows[r]
        for s, seg in enumerate(row.segments):
            found = _organisation_name(seg.text)
            if r >= n_head and found and not _title_cased(found):
                continue  # the small print at the foot speaks of "votre complémentaire santé"
            if found and _ORGANISATION_WORDS.search(norm(found)) and len(found.split()) >= 2:
                v = seg_value(page, r, s)
                ctx.put("organisation", found, 0.8 * v.conf, v)
                return
    got = labelled(ctx.pages, _L["organisation"], _organisation_name, below=False,
                   not_after="n|no|numero|code|carte")
    if got:
        ctx.put("organisation", got[0], sure(got[1]), got[1])
        return
    patient = ctx.fields.get("patient_name")
    for r, row in enumerate(page.rows[:4]):
        for s, seg in enumerate(row.segments):
            found = _organisation_name(seg.text)
            # A person's name is the card holder's, not the organisation's.
            if found and not looks_like_person(found) and not _OTHER_LABEL.match(norm(found)) and not (
                    patient and patient.value and norm(str(patient.value)) in norm(found)):
                v = seg_value(page, r, s)
                ctx.put("organisation", found, UNLABELLED * v.conf, v)
                return
    ctx.put_none("organisation", 0.2)
