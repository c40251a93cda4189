"""Values found by their label, for the papers that are mostly "label : value" (receipts,
attestations, cards): the first value right of (or under) a label that passes its check.

The raw score follows one rule across those kinds: a label and a value that passes its check
score highest, a value under its label less, one found without its label least; the fitted
table (candidates.calibrated) turns the score into the confidence the user sees.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable

from desktop_app.intake.extract_common import (
    Context,
    all_dates,
    amount_below,
    amount_right_of,
    norm,
    reread_label_row,
    seg_value,
)
from desktop_app.intake.layout import Hit, Page, Value, find_labels, value_below, value_right
from desktop_app.intake.names import (
    clean_person,
    has_doctor_title,
    has_first_name,
    is_title,
    looks_like_person,
    name_plausibility,
)
from desktop_app.intake.parse_amounts import find_amounts, to_decimal_string, words_text
from desktop_app.intake.parse_dates import find_dates
from desktop_app.intake.read_warnings import warning

LABELLED = 0.9  # a label and a value that passes its check, on the label's row
LABELLED_BELOW = 0.8  # the same under the label: a table's header may stand over another value
UNLABELLED = 0.45  # a plausible value with no label saying what it is
REREAD = 0.75  # a labelled amount read only on a second, closer look at the label's line


def preceded_by(hit: Hit, pattern: str | None) -> bool:
    if not pattern:
        return False
    before = norm(" ".join(w.text for w in hit.segment.words[: hit.start]))
    if not before and hit.seg > 0:
        # OCR may cut "NÉ(E)   LE" into two cells: the cell before the label counts.
        before = norm(hit.page.rows[hit.row].segments[hit.seg - 1].text)
    return bool(re.search(rf"(?:^|\s)(?:{pattern})$", before))


# The dots or rule a form prints between a label and what was filled in ("Nom : ....... MARTIN").
_LEADER = re.compile(r"^(?:[\s.·…_:\-–]|\.{2,})+")


def labelled(pages: list[Page], pattern: str, parse: Callable[[str], object],
             not_after: str | None = None, below: bool = True, not_before: str | None = None):
    """(parsed value, Value) of the first label whose value parses, right of it then under it.

    ``not_after``: what may not precede the label ("n" before "adhérent"); ``not_before``: what
    the value may not start with ("de naissance" after "date")."""
    getters = (value_right, next_cell, value_below) if below else (value_right, next_cell)
    skip = re.compile(rf"^(?:{not_before})\b") if not_before else None
    for hit in find_labels(pages, pattern):
        if preceded_by(hit, not_after):
            continue
        for getter in getters:
            v = getter(hit)
            if v is None or (skip and skip.match(norm(v.text))):
                continue
            got = parse(_LEADER.sub("", v.text))
            if got:
                return got, v
    return None


def next_cell(hit: Hit) -> Value | None:
    """The segment after the label's own when words follow the label in its segment: a label
    the vocabulary knows only the start of ("N° organisme complémentaire   12345678") leaves
    the rest of its wording there, and its value in the next cell."""
    seg = hit.segment
    row = hit.page.rows[hit.row]
    if hit.end >= len(seg.words) or hit.seg + 1 >= len(row.segments):
        return None
    nxt = row.segments[hit.seg + 1]
    return Value(list(nxt.words), hit.page, "next") if nxt.x0 - seg.x1 < 25 * row.height else None


_NAME_END = re.compile(
    r"(?i)\s(?:la somme|le montant|pour|ne|nee|née|né|le \d|du \d|en date|montant|demeurant|"
    r"domicili\w*|a (?:la|le)|au titre)\b|\d"
)


_BOX_EDGE = re.compile(r"^[|\[\]lI!]\s+(?=[A-ZÀ-Ý])")


_HEADING_WORDS = {
    "adherent", "adherente", "assure", "assuree", "patient", "patiente", "beneficiaire",
    "beneficiaires", "titulaire", "identite", "nom", "prenom", "praticien", "naissance", "soins",
    "caisse", "mutuelle", "organisme", "carte", "attestation", "droits", "date", "signature",
}


def person(text: str) -> str | None:
    """A person's name at the start of a value ("Mme Julie GARNIER la somme de…" → Julie GARNIER),
    two words at least."""
    # A box's edge read as a letter or a bar before the name ("| Mme Julie GARNIER").
    text = _BOX_EDGE.sub("", _LEADER.sub("", text))
    # "MARTIN, Claire": the family name first, then a comma.
    m = re.match(r"^((?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]+ ?){1,3}),\s*([A-ZÀ-ÖØ-Þ][\wÀ-ÿ'’\-]+)", text)
    if m:
        text = f"{m.group(1).strip()} {m.group(2)}" + text[m.end():]
    text = _NAME_END.split(" " + text, maxsplit=1)[0].strip()
    tokens = text.split()
    # A lower-case word that is no particle ends the name: "Julie GARNIER pour une séance".
    kept: list[str] = []
    for tok in tokens:
        if kept and tok[:1].islower() and norm(tok) not in ("de", "du", "des", "d", "la", "le", "van", "von"):
            break
        kept.append(tok)
    name = clean_person(" ".join(kept))
    if not name or len(name.split()) < 2:
        return None
    # A heading read where the value should be ("NOM DE L'ADHÉRENT") is no one's name.
    if any(norm(t) in _HEADING_WORDS for t in re.split(r"[\s'’]+", name)):
        return None
    return name


def amount(text: str) -> str | None:
    found = [a for a in find_amounts(text) if a.value > 0]
    return to_decimal_string(found[-1].value) if found else None


def amount_of(v: Value) -> str | None:
    """The value's last amount, its words joined as printed (column gaps kept)."""
    found = [a for a in find_amounts(words_text(v.words)) if a.value > 0]
    return to_decimal_string(found[-1].value) if found else None


_FIRST_OF_MONTH = re.compile(r"(?<![0-9A-Za-z])[lI|]er(?= [a-zA-Zéû]{3})")


def date_parser(order: str = "DMY") -> Callable[[str], _dt.date | None]:
    def parse(text: str) -> _dt.date | None:
        # "1er juillet" that OCR read "ler juillet".
        text = _FIRST_OF_MONTH.sub("1er", text)
        found = [d for d in find_dates(text, order=order) if not d.partial]
        return found[0].date if found else None
    return parse


def put_labelled_amount(ctx: Context, name: str, patterns: list[str], not_after: str | None = None) -> bool:
    """The first label group (in priority order) with an amount right of or under it."""
    for rank, pattern in enumerate(patterns):
        hits = [h for h in find_labels(ctx.pages, pattern) if not preceded_by(h, not_after)]
        # The last one on the page is the summary line, not a column header.
        for getter in (amount_right_of, amount_below):
            for hit in reversed(hits):
                got = getter(hit, positive=True)
                if got:
                    ctx.put(name, got[0], sure(got[1]) - 0.05 * rank * got[1].conf, got[1])
                    return True
    # A label with nothing beside it: its row read again, once (the column may have been dropped).
    for rank, pattern in enumerate(patterns):
        hits = [h for h in find_labels(ctx.pages, pattern) if not preceded_by(h, not_after)]
        for hit in reversed(hits):
            found = reread_label_row(ctx, hit)
            if found:
                row = hit.page.rows[hit.row]
                v = Value(list(row.words), hit.page, "right")
                ctx.put(name, found, (REREAD - 0.05 * rank) * v.conf, v,
                        source_text=f"read again: {found}")
                ctx.warnings.append(warning("read.line_read_again", field=name,
                                            label=" ".join(w.text for w in hit.words), found=str(found)))
                return True
        if hits:
            break  # the best label group's rows were tried; lesser labels are not worth more reads
    return False


def put_largest_amount(ctx: Context, name: str) -> bool:
    """No label: the largest amount printed with its currency, as a weak guess."""
    best = None
    for page in ctx.pages:
        for r, row in enumerate(page.rows):
            for s, seg in enumerate(row.segments):
                for a in find_amounts(words_text(seg.words)):
                    if a.has_currency and a.value > 0 and (best is None or a.value > best[0]):
                        best = (a.value, seg_value(page, r, s))
    if best is None:
        return False
    ctx.put(name, to_decimal_string(best[0]), UNLABELLED * best[1].conf, best[1])
    return True


_OTHER_DATE_AFTER = r"(?:de |d )?(?:naissance|naiss|echeance|validite|peremption|fin|debut|ouverture)"


_PAPER_YEARS = 20


def put_date(ctx: Context, name: str, labels: str, not_after: str | None = None,
             other_dates: str | None = None) -> None:
    """A labelled date, else the first date whose label is not another date's (birth, validity)."""
    got = labelled(ctx.pages, labels, date_parser(ctx.date_order), not_after=not_after,
                   not_before=_OTHER_DATE_AFTER)
    # A paper kept for a reimbursement is not decades old: a date that is was someone's birth.
    oldest = _dt.date.today() - _dt.timedelta(days=365 * _PAPER_YEARS)
    if got and got[0] >= oldest:
        ctx.put(name, got[0].isoformat(), sure(got[1]), got[1])
        return
    for spot in all_dates(ctx.pages, order=ctx.date_order):
        if other_dates and re.search(rf"(?:{other_dates})\b[^0-9]*$", spot.before):
            continue
        if spot.date < oldest:
            continue
        ctx.put(name, spot.date.isoformat(), UNLABELLED * spot.value.conf, spot.value)
        return
    ctx.put_none(name, 0.2)


def sure(v: Value) -> float:
    """How sure a labelled value is: beside its label, or under it (or past words the label's
    known wording did not cover)."""
    return (LABELLED_BELOW if v.where in ("below", "next") else LABELLED) * v.conf


def labelled_person(pages: list[Page], labels: str | list[str], not_after: str | None = None):
    """(name, Value) of the person after the first label group (in priority order) that has one."""
    for pattern in [labels] if isinstance(labels, str) else labels:
        got = labelled(pages, pattern, person, not_after=not_after)
        if got:
            return got
    return None


def put_person(ctx: Context, name: str, labels: str | list[str], not_after: str | None = None) -> bool:
    """The person after the first label group (in priority order) that has one."""
    got = labelled_person(ctx.pages, labels, not_after)
    if got:
        ctx.put(name, got[0], sure(got[1]), got[1])
    return got is not None


def titled_names(page: Page, doctor: bool | None = None):
    """(name, Value) of each "Mme Julie GARNIER" / "Dr Paul ROY" on the page, top first;
    ``doctor`` True keeps only Dr/Docteur, False leaves them out."""
    for r, row in enumerate(page.rows):
        for s, seg in enumerate(row.segments):
            words = seg.text.split()
            for i, word in enumerate(words):
                if not is_title(word):
                    continue
                is_doctor = bool(re.match(r"(?i)d(?:r|octeur|octoresse)\b", word))
                if doctor is not None and is_doctor != doctor:
                    continue
                found = person(" ".join(words[i:]))
                if found:
                    yield found, seg_value(page, r, s)
                break


def named_people(page: Page, not_these: tuple[str | None, ...] = (), doctors: bool = True):
    """(name, Value, row) of each segment that reads as a person's name with no title or label
    the vocabulary knows ("PÂRIS, Rémi", "Titulaire de la carte RODRIGUES, Geneviève"), top
    first: a first name from the name list, the shape papers print names in, and nobody in
    ``not_these``; ``doctors`` False leaves out a name with a doctor's title by it. The
    evidence when a paper prints its people without a label the vocabulary knows."""
    skip = {norm(n) for n in not_these if n}
    for r, row in enumerate(page.rows):
        for s, seg in enumerate(row.segments):
            if not doctors and has_doctor_title(seg.text):
                continue
            for text in _name_tails(seg.text):
                found = person(text)
                if not found or norm(found) in skip or not has_first_name(found):
                    continue
                # "MARTIN Claire" by its capitals, "Claire Martin" by how much it looks a name.
                if looks_like_person(text) or name_plausibility(found) >= 0.75:
                    yield found, seg_value(page, r, s), r
                    break


def _name_tails(text: str) -> list[str]:
    """The segment, what follows its last colon, and what starts at its first family name in
    capitals: a label in words the vocabulary does not know ahead of a name."""
    out = [text]
    if ":" in text:
        out.append(text.rsplit(":", 1)[1].strip())
    m = re.search(r"(?<!\S)[A-ZÀ-Þ][A-ZÀ-Þ'’\-]+(?=,|\s+[A-ZÀ-Þ])", text)
    if m and m.start() > 0:
        out.append(text[m.start():])
    return out
