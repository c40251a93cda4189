"""Care sheets (feuilles de soins, cerfa 12541/12542, suppliers' LPP sheets and look-alikes).

Each field is chosen among candidates gathered from the whole page (candidates.py): beside or
under one of its labels (resources/intake/labels_care_sheet.json), in the section its heading
says (a name under the practitioner's heading is not the patient's), and wherever the value
proves what it is by itself (a NIR whose key checks). Identity digits printed in boxes are
read again from a crop with the ruled lines erased. The signature is judged from ink in the
box under the insured's signature label, not from OCR.

This module reads the patient's name and puts the fields in order; the NIR and the birth date
are read by care_sheet_identity.py, the act lines and the total by care_sheet_acts.py, the
signature by care_sheet_signature.py, all on the label hits of care_sheet_labels.py.
"""

from __future__ import annotations

import re

from desktop_app.intake.candidates import Candidate, candidate, pick, put_pick
from desktop_app.intake.care_sheet_acts import read_acts, read_total
from desktop_app.intake.care_sheet_identity import BoxReader, read_birth_date, read_nir, typed_nirs
from desktop_app.intake.care_sheet_labels import KIND, Sheet
from desktop_app.intake.care_sheet_signature import read_signed
from desktop_app.intake.extract_common import Context, text_readings
from desktop_app.intake.label_hits import is_heading_text, norm_text, split_names, values_near
from desktop_app.intake.layout import Value
from desktop_app.intake.names import (
    clean_person,
    doctor_titled,
    is_title,
    name_part,
    name_plausibility,
)
from desktop_app.intake.parse_ids import all_nirs


def extract_care_sheet(ctx: Context) -> None:
    sheet = Sheet(ctx)
    _patient(ctx, sheet)
    reader = BoxReader(ctx, sheet)
    acts = read_acts(ctx, sheet)
    # The NIR carries the year and month of birth: each field's reading checks the other's.
    typed = typed_nirs(sheet)
    hint = pick(typed).best
    read_birth_date(ctx, sheet, reader, hint.value if hint is not None and hint.score >= 0.5 else None)
    read_nir(ctx, sheet, reader, typed)
    nir = ctx.fields.get("nir")
    birth = ctx.fields.get("birth_date")
    if (nir is not None and nir.value and (hint is None or hint.score < 0.5)
            and (birth is None or not birth.value) and nir.confidence >= 0.3):
        # The NIR read only from its boxes: its year and month of birth point at the birth date.
        read_birth_date(ctx, sheet, reader, nir.value)
    read_signed(ctx, sheet)
    read_total(ctx, acts)


# -- the patient's name -----------------------------------------------------------------

_ROLE_FACTOR = {"practitioner": 0.05, "acts": 0.1, "payment": 0.1, "insured": 0.8}


def _patient(ctx: Context, sheet: Sheet) -> None:
    cands: list[Candidate] = []
    labels = sorted(sheet.of("patient_name") + sheet.of("surname"), key=lambda h: (h.page.index, h.hit.row))
    for rank, lh in enumerate(labels):
        role = sheet.role(lh.page, lh.hit.row)
        at_start = 1.0 if lh.hit.start == 0 else 0.7
        # The person receiving the care is named first on every model of the sheet.
        first = 1.0 if rank == 0 else 0.9
        for near in values_near(lh):
            for text in text_readings(near.value):
                name = clean_person(text)
                if not name:
                    continue
                plaus = name_plausibility(name, raw=near.value.text) * _ROLE_FACTOR.get(role, 1.0)
                if doctor_titled(text):  # "Dr Valérie GARCIA": the practitioner
                    plaus *= 0.1
                cands.append(candidate(name, plaus, lh.strength * near.position * at_start * first,
                                       near.value.conf, near.value, label=lh.quality))
    # Surname and first name in two fields.
    for name, lh, near, ev in split_names(sheet.hits, name_part):
        role = sheet.role(lh.page, lh.hit.row)
        plaus = name_plausibility(name) * _ROLE_FACTOR.get(role, 1.0)
        cands.append(candidate(name, plaus, ev, near.value.conf, near.value, split=1.0))
    # A titled name ("Mme Claire MOREAU") in the patient's section, even without a label.
    for page in ctx.pages:
        for r, row in enumerate(page.rows):
            if sheet.role(page, r) not in ("patient", "insured"):
                continue
            for seg in row.segments:
                toks = seg.text.split()
                if toks and is_title(toks[0]) and not re.match(r"(?i)(?:dr|docteur|pr)\b", toks[0]):
                    name = clean_person(seg.text)
                    if name:
                        v = Value(list(seg.words), page, "same")
                        cands.append(candidate(name, name_plausibility(name), 0.45, v.conf, v, title=1.0))
    # No label read: a name standing alone in the patient's section.
    if not cands:
        for page in ctx.pages:
            for r, row in enumerate(page.rows):
                if sheet.role(page, r) != "patient":
                    continue
                for seg in row.segments:
                    name = clean_person(seg.text)
                    if not name or len(name.split()) < 2 or doctor_titled(seg.text):
                        continue
                    plaus = name_plausibility(name, raw=seg.text)
                    if plaus >= 0.8:
                        v = Value(list(seg.words), page, "same")
                        cands.append(candidate(name, plaus, 0.3, v.conf, v, in_section=1.0))
    if not any(c.score >= 0.5 for c in cands):
        cands.extend(_free_names(ctx, sheet))
    p = pick(cands, same=_same_name)
    if put_pick(ctx, KIND, "patient_name", p) is None:
        ctx.put_none("patient_name", 0.2)


_NOT_PATIENT_CUES = re.compile(r"\b(?:dr|docteur|pr|praticien|medecin|prescri\w*|signature|cachet|tampon|"
                               r"etablissement|cabinet|centre|rpps|adeli|finess|siret)\b")


def _free_names(ctx: Context, sheet: Sheet) -> list[Candidate]:
    """No label read that names the patient: a person's name printed on its own or after a
    label the vocabulary lacks ("Xxxx : MARTIN Claire"), nearer the identity lines (the NIR,
    the birth date) the better; never one the practitioner's words stand by."""
    near_rows = {(lh.page.index, lh.hit.row) for lh in sheet.of("nir") + sheet.of("birth_date")}
    for page in ctx.pages:
        for r in range(len(page.rows)):
            if all_nirs(page.rows[r].text):
                near_rows.add((page.index, r))
    cands: list[Candidate] = []
    for page in ctx.pages:
        for r, row in enumerate(page.rows):
            role = sheet.role(page, r)
            if role in ("practitioner", "acts", "payment") or (page.index, r) in sheet.act_rows:
                continue
            for seg in row.segments:
                toks = seg.text.split()
                for i, tok in enumerate(toks[:4]):
                    if not tok[:1].isupper():
                        continue
                    lead = norm_text(" ".join(toks[:i]))
                    if _NOT_PATIENT_CUES.search(lead) or doctor_titled(" ".join(toks[i:])):
                        break
                    name = clean_person(" ".join(toks[i:]))
                    if not name or not 2 <= len(name.split()) <= 4:
                        continue
                    plaus = name_plausibility(name)
                    if plaus < 0.8:
                        continue
                    rows_away = min((abs(r - nr) for pi, nr in near_rows if pi == page.index), default=99)
                    anchor = 0.35 if rows_away <= 3 else 0.15
                    words = [w for w in seg.words if w.text in name.split() or any(p in w.text for p in name.split())]
                    v = Value(words or list(seg.words), page, "same")
                    cands.append(candidate(name, plaus * _ROLE_FACTOR.get(role, 1.0), anchor, v.conf, v,
                                           free=1.0, rows_from_identity=min(rows_away, 99)))
                    break
    return cands


def _same_name(a: str, b: str) -> bool:
    return sorted(norm_text(a).split()) == sorted(norm_text(b).split())


__all__ = ["extract_care_sheet", "is_heading_text"]
