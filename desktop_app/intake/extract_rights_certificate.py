"""The CPAM's attestation de droits: whose rights, their NIR and birth date, which caisse.

The NIR is taken only when its key checks out (a wrong key is kept, unsure, with a warning);
the caisse is the name as printed ("CPAM de la Gironde"): the address book resolves it.
"""

from __future__ import annotations

import re

from desktop_app.intake import candidates, vocab
from desktop_app.intake.extract_common import Context, next_cells, norm, seg_value
from desktop_app.intake.extract_labelled import (
    LABELLED_BELOW,
    UNLABELLED,
    date_parser,
    labelled,
    labelled_person,
    named_people,
    sure,
)
from desktop_app.intake.layout import Value, find_labels, value_below, value_right
from desktop_app.intake.parse_dates import find_dates
from desktop_app.intake.parse_ids import all_nirs, find_nir, nir_agrees_with_birth, ocr_digits

_L = vocab.load("labels_rights_certificate")
_CAISSE = re.compile(rf"(?<![a-z])(?:{_L['caisse_names']})")


@candidates.calibrated("rights_certificate")
def extract_rights_certificate(ctx: Context) -> None:
    _nir(ctx)
    _birth_date(ctx)
    _patient(ctx)
    _caisse(ctx)


def _patient(ctx: Context) -> None:
    """The assuré: the person whose row holds the NIR (or the row beside it), or a birth date
    the NIR agrees with. The beneficiaries listed under the assuré were born other months,
    and their rows hold no NIR: a label the vocabulary took for the assuré's may head their
    table, and the NIR's evidence then wins."""
    got = labelled_person(ctx.pages, _L["patient"], _L["patient_not_after"])
    nir = _nir_read(ctx)
    anchored = _person_by_nir(ctx, nir) if nir else None
    if got and (anchored is None or norm(anchored[0]) == norm(got[0])):
        ctx.put("patient_name", got[0], sure(got[1]), got[1])
    elif anchored:
        ctx.put("patient_name", anchored[0], LABELLED_BELOW * anchored[1].conf, anchored[1])
    else:
        ctx.put_none("patient_name", 0.2)


def _person_by_nir(ctx: Context, nir: str) -> tuple[str, Value] | None:
    """The person nearest the NIR's row (three rows at most), or on a row whose birth date
    the NIR agrees with; None when two people are as near (the NIR does not tell them apart)."""
    ranked = []
    for page in ctx.pages:
        nir_rows = [i for i, row in enumerate(page.rows) if nir[:13] in re.sub(r"\D", "", ocr_digits(row.text))]
        for name, v, r in named_people(page):
            born = any(not d.partial and nir_agrees_with_birth(nir, d.date)
                       for d in find_dates(page.rows[r].text, order=ctx.date_order))
            gap = 0 if born else min((abs(r - n) for n in nir_rows), default=99)
            if gap <= 3:
                ranked.append((gap, name, v))
    ranked.sort(key=lambda x: x[0])
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0] and norm(ranked[1][1]) != norm(ranked[0][1])):
        return None
    return ranked[0][1], ranked[0][2]


def _birth_date(ctx: Context) -> None:
    # A label with its date beside it first: the same label heading the beneficiaries' table
    # has theirs below it.
    got = (labelled(ctx.pages, _L["birth_date"], date_parser(ctx.date_order), below=False)
           or labelled(ctx.pages, _L["birth_date"], date_parser(ctx.date_order)))
    nir = _nir_read(ctx)
    if got and (nir is None or nir_agrees_with_birth(nir, got[0])):
        ctx.put("birth_date", got[0].isoformat(), sure(got[1]), got[1])
        return
    # The NIR carries the assuré's year and month of birth: a date of the page that has them
    # is theirs (the beneficiaries' were born other months), when only one date does.
    if nir is not None:
        found = _dates_agreeing(ctx, nir)
        if len({d for d, _ in found}) == 1:
            date, v = found[0]
            ctx.put("birth_date", date.isoformat(), (LABELLED_BELOW if got else UNLABELLED) * v.conf, v)
            return
    if got:
        # Its label's date disagrees with the NIR: one of them was misread.
        ctx.put("birth_date", got[0].isoformat(), 0.5 * sure(got[1]), got[1])
    else:
        ctx.put_none("birth_date", 0.2)


def _nir_read(ctx: Context) -> str | None:
    """The NIR read on the page, when it is worth weighing other fields against."""
    f = ctx.fields.get("nir")
    return f.value if f is not None and f.value and f.confidence >= 0.3 else None


def _dates_agreeing(ctx: Context, nir: str) -> list:
    out = []
    for page in ctx.pages:
        for r, row in enumerate(page.rows):
            for s, seg in enumerate(row.segments):
                for d in find_dates(seg.text, order=ctx.date_order):
                    if not d.partial and nir_agrees_with_birth(nir, d.date):
                        out.append((d.date, seg_value(page, r, s)))
    return out


def _labelled_nir(ctx: Context):
    first = None
    for hit in find_labels(ctx.pages, _L["nir"]):
        # The value beside the label first, then the rest of its row (a NIR printed with its
        # key apart, "2850775115234   32", spans two cells), then under it.
        for v in (value_right(hit), next_cells(hit, cells=None, where="right"), value_below(hit)):
            if v is None:
                continue
            reading = find_nir(v.text)
            if reading and reading.valid:
                return reading, v
            if reading and first is None:
                first = (reading, v)
    return first


def _nir(ctx: Context) -> None:
    got = _labelled_nir(ctx)
    typed = _typed_nirs(ctx)
    if got:
        reading, v = got
        if reading.valid:
            ctx.put("nir", reading.value, sure(v) * _doubt(ctx, reading.value, typed), v)
            return
        # What stood under the label was the number without its key (printed apart, past a
        # dash or in the next cell): the row's NIR whose key checks and whose body it is.
        same = [(n, tv) for n, tv in typed if n[:13] == reading.value[:13]]
        if same:
            ctx.put("nir", same[0][0], sure(v) * _doubt(ctx, same[0][0], typed), same[0][1])
            return
        ctx.put("nir", reading.value, 0.4 * v.conf, v)
        ctx.warnings.extend(reading.warnings)
        return
    # No label: a NIR whose key checks out is still worth proposing, unsure.
    if typed:
        ctx.put("nir", typed[0][0], UNLABELLED * typed[0][1].conf, typed[0][1])
        return
    ctx.put_none("nir", 0.2)


# What a value's evidence is worth when the page holds another value of its kind the reader
# did not choose: never sure (raw 0.9 × 0.85 stays under 0.8), however clear its label.
DISAGREEMENT = 0.85


def _doubt(ctx: Context, nir: str, typed: list[tuple[str, Value]]) -> float:
    """Another NIR whose key checks stands on the page (a beneficiary's, a second assuré's):
    the chosen one is sure only if a date of the page agrees with its year and month of birth."""
    others = {n for n, _ in typed} - {nir}
    return DISAGREEMENT if others and not _dates_agreeing(ctx, nir) else 1.0


def _typed_nirs(ctx: Context) -> list[tuple[str, Value]]:
    """Every NIR of the pages whose key checks, however its groups are set apart, top first."""
    out = []
    for page in ctx.pages:
        for row in page.rows:
            for reading in all_nirs(row.text):
                out.append((reading.value, Value(list(row.words), page, "same")))
    return out


def _caisse_name(text: str) -> str | None:
    """The caisse's name in a line, as printed, without what follows it on the line."""
    folded = norm(text)
    m = _CAISSE.search(folded)
    if not m:
        return None
    words = text.split()
    # Map the folded match back onto the printed words: as many words as it spans.
    before = folded[: m.start()].split()
    start = len(before)
    count = len(m.group().split())
    if before and not folded[m.start() - 1].isspace():
        # A text layer may glue two cells ("21 mars 1965CPAM du Rhône"): the name starts
        # inside that word, where its folded part before the match ends.
        start -= 1
        glued = words[start][len(before[-1]):] if start < len(words) else ""
        name = " ".join([glued] + words[start + 1 : start + count]).strip(" ,;:-[]|")
    else:
        name = " ".join(words[start : start + count]).strip(" ,;:-[]|")
    return name or None


# The words every caisse's name has: what tells two caisses apart is the rest (their place).
_CAISSE_WORDS = frozenset(_L["caisse_common_words"])


def _caisse_key(name: str) -> frozenset:
    return frozenset(w for w in re.findall(r"[a-z]+", norm(name)) if w not in _CAISSE_WORDS)


def _caisse(ctx: Context) -> None:
    got = labelled(ctx.pages, _L["caisse"], _caisse_name)
    if got:
        # Two caisses named on the page (the letterhead's and another): say so, not sure.
        names = {_caisse_key(n) for p in ctx.pages for row in p.rows for seg in row.segments
                 if (n := _caisse_name(seg.text))}
        chosen = _caisse_key(got[0])
        others = [n for n in names if n and chosen and not (n <= chosen or chosen <= n)]
        ctx.put("caisse", got[0], sure(got[1]) * (DISAGREEMENT if others else 1.0), got[1])
        return
    for page in ctx.pages:
        for r, row in enumerate(page.rows):
            for s, seg in enumerate(row.segments):
                name = _caisse_name(seg.text)
                if name:
                    v = seg_value(page, r, s)
                    # The caisse's own name heading its paper: no label, but the wording is the caisse's.
                    ctx.put("caisse", name, 0.75 * v.conf, v)
                    return
    ctx.put_none("caisse", 0.2)
