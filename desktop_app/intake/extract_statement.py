"""Reimbursement statements (décomptes, relevés) from the CPAM or a mutuelle: who paid what, for which care.

Statements are tables. The header row is found from what its cells say ("Date des
soins", "Nature", "Montant remboursé", "Remb. Sécu", "Remb. mutuelle"…), each cell
given a role; every later row is cut into cells at wide gaps and each cell goes to
the header column it overlaps most. A line is a care date in the date column and
an amount in the column holding what *this* payer paid (the mutuelle's own column
on a mutuelle décompte, the reimbursed column on a CPAM relevé). Without a header
the old rule applies: a dated row's last amount.

The statement's date is taken only from a label that means it (date du relevé,
paiement du, versé le, "Lyon, le …"), never from a birth date or a care line.

The table is read by statement_table.py, its lines and total by statement_lines.py; this
module says who paid, when, and under which reference.
"""

from __future__ import annotations

import re

from desktop_app.intake.extract_common import Context, norm, reread_labelled_date
from desktop_app.intake.layout import Value, find_labels, value_below, value_near, value_right
from desktop_app.intake.parse_dates import find_dates
from desktop_app.intake.result import ExtractedField
from desktop_app.intake.statement_lines import _lines, _total
from desktop_app.intake.statement_table import Header, Line, _headers

# -- who paid ----------------------------------------------------------------

_CPAM = (
    r"assurance maladie|caisse primaire(?: d assurance maladie)?|\bcpam\b|\bameli\b|\bmsa\b|"
    r"mutualite sociale agricole|\bcgss\b|caisse generale de securite sociale|regime general|"
    r"caisse (?:d assurance maladie|nationale)"
)
_CPAM_TITLE = r"releve de (?:vos )?(?:prestations|remboursements)|releve des prestations|releve mensuel"
_MUTUELLE = (
    r"\bmutuelles?\b|mutualite(?! sociale agricole)|complementaire sante|organisme complementaire|"
    r"assurance complementaire|remboursements? complementaires?|part complementaire|\bamc\b|"
    r"prevoyance|assurances? sante|decompte (?:de )?(?:remboursement )?(?:complementaire|mutuelle)"
)
# A CPAM relevé speaks *about* the mutuelle ("votre organisme complémentaire n'a pas reçu…"):
# such phrases say nothing about who issued the paper.
_ABOUT_OTHER = re.compile(
    r"(?:votre|a votre|a la|vers votre|de votre) (?:organisme |assurance |couverture )?"
    r"(?:complementaire|mutuelle)(?: sante)?|transmis\w* (?:a|vers) \w+ \w+|"
    r"(?:numero|n) (?:de )?securite sociale"
)


_STATEMENT_DATE_LABELS = [
    r"date du releve|date du decompte|date de paiement|date du paiement|date du virement|"
    r"date d emission|date d edition|date de traitement",
    r"releve du|decompte du|releve des prestations du|releve de (?:vos )?(?:prestations|remboursements) du",
    r"paiement du|paiement effectue le|paye le|payes? le|verse le|verses le|vire le|virement du|"
    r"virement effectue le|regle le",
    r"edite le|emis le|etabli le|imprime le",
]
_PERIOD_LABELS = re.compile(r"releve|decompte|periode")
_BIRTH_BEFORE = re.compile(r"(?:\bne e?|\bnee|naissance|ddn)\s*(?:le)?\s*$")

_REFERENCE_LABELS = r"n de decompte|numero de decompte|decompte n|n decompte|reference du decompte|reference|ref"


def extract_statement(ctx: Context) -> None:
    headers = _headers(ctx.pages)
    payer = _payer(ctx, headers)
    _statement_date(ctx, headers)
    _reference(ctx, headers)
    lines, table_total = _lines(ctx, headers, payer)
    ctx.fields["lines"] = ExtractedField(
        [ln.as_dict() for ln in lines],
        round(min((ln.conf for ln in lines), default=0.3), 3),
        _page_of(ctx, lines[0]) if lines else None,
    )
    _total(ctx, headers, lines, table_total)


def _page_of(ctx: Context, line: Line) -> int:
    ids = {id(w) for w in line.words}
    for page in ctx.pages:
        if any(id(w) in ids for w in page.words):
            return page.index
    return ctx.pages[0].index


# -- payer -------------------------------------------------------------------------


def _payer(ctx: Context, headers: list[Header]) -> str:
    first = ctx.pages[0]
    header_rows = {(h.page.index, r) for h in headers for r in h.rows}
    if first.source == "ocr" and first.height:
        top = [r for r in first.rows if r.y1 < first.height * 0.25]
    else:
        top = first.rows[:12]
    head = _about_other(norm("\n".join(r.text for r in top)))
    body = _about_other(norm("\n".join(
        row.text for p in ctx.pages for i, row in enumerate(p.rows) if (p.index, i) not in header_rows
    )))
    cpam = 3 * len(re.findall(_CPAM, head)) + len(re.findall(_CPAM, body))
    cpam += 2 * len(re.findall(_CPAM_TITLE, head)) + len(re.findall(_CPAM_TITLE, body))
    mut = 3 * len(re.findall(_MUTUELLE, head)) + len(re.findall(_MUTUELLE, body))
    for h in headers:
        roles = h.roles()
        if "amc" in roles:
            mut += 4  # only a mutuelle prints its own column beside the Sécu's
        elif "amo" not in roles and "paid" in roles:
            cpam += 1
    if cpam == mut == 0:
        ctx.put("payer", "mutuelle", 0.3, page=1)
        return "mutuelle"
    payer = "cpam" if cpam > mut else "mutuelle"
    margin = abs(cpam - mut) / max(cpam, mut)
    ctx.put("payer", payer, 0.5 + 0.45 * margin, page=1)
    return payer


def _about_other(text: str) -> str:
    return _ABOUT_OTHER.sub(" ", text)


# -- statement date --------------------------------------------------------------


def _statement_date(ctx: Context, headers: list[Header]) -> None:
    header_rows = {(h.page.index, r) for h in headers for r in h.rows}
    for rank, pattern in enumerate(_STATEMENT_DATE_LABELS):
        for hit in find_labels(ctx.pages, pattern):
            if (hit.page.index, hit.row) in header_rows or _birth_label(hit):
                continue
            for getter in (value_right, value_below):
                v = getter(hit)
                if v is None:
                    continue
                dms = [d for d in find_dates(v.text) if not d.partial]
                if not dms:
                    continue
                before = norm(v.text[: dms[0].start])
                if _BIRTH_BEFORE.search(before):
                    continue
                # "Relevé du 01/06/2025 au 30/06/2025": the period ends on the statement's day.
                label = norm(" ".join(w.text for w in hit.words))
                dm = dms[0]
                if len(dms) > 1 and _PERIOD_LABELS.search(label) and re.search(
                        r"\bau\s*$", norm(v.text[dms[0].end : dms[1].start]) + " "):
                    dm = dms[1]
                ctx.put("statement_date", dm.date.isoformat(), (0.9 - 0.05 * rank) * v.conf, v)
                return
    for pattern in _STATEMENT_DATE_LABELS:
        got = reread_labelled_date(ctx, pattern, skip_rows=header_rows)
        if got:
            ctx.put("statement_date", got[0].isoformat(), 0.7 * got[1].conf, got[1])
            return
    # "Lyon, le 8 juillet 2025" in the letterhead.
    for page in ctx.pages[:1]:
        for row in page.rows[: max(15, len(page.rows) // 3)]:
            for seg in row.segments:
                for dm in find_dates(seg.text):
                    if dm.partial:
                        continue
                    if re.search(r"[A-Za-zÀ-ÿ]{3,}\s*,\s*le\s*$", seg.text[: dm.start]):
                        v = Value(list(seg.words), page, "same")
                        ctx.put("statement_date", dm.date.isoformat(), 0.7 * v.conf, v)
                        return
    ctx.put_none("statement_date", 0.2)


def _birth_label(hit) -> bool:
    before = norm(" ".join(w.text for w in hit.segment.words[: hit.end]))
    return bool(_BIRTH_BEFORE.search(before))


def _reference(ctx: Context, headers: list[Header]) -> None:
    header_rows = {(h.page.index, r) for h in headers for r in h.rows}
    for hit in find_labels(ctx.pages, _REFERENCE_LABELS):
        if (hit.page.index, hit.row) in header_rows:
            continue
        v = value_near(hit, accept=lambda t: bool(re.search(r"\d{3}", t)) and not find_dates(t))
        if v:
            ctx.put("reference", v.words[0].text.strip(":."), 0.7 * v.conf, v)
            return


