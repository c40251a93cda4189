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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from desktop_app.intake.extract_common import (
    Context,
    amount_below,
    amount_right_of,
    norm,
    reread_amount,
    reread_labelled_date,
)
from desktop_app.intake.layout import (
    Page,
    Row,
    Value,
    Word,
    WordGroup,
    find_labels,
    value_below,
    value_near,
    value_right,
)
from desktop_app.intake.names import clean_person
from desktop_app.intake.parse_amounts import find_amounts, to_decimal_string
from desktop_app.intake.parse_dates import find_dates
from desktop_app.intake.result import ExtractedField

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

# -- table columns -------------------------------------------------------------

# First match wins: "Remb. Sécu" is the compulsory part before it is "a reimbursement".
_ROLES: list[tuple[str, str]] = [
    ("amc", r"remb\w* (?:de la |par la |par votre )?(?:mutuelle|complementaire|amc|rc|oc)|"
            r"part (?:de la )?(?:mutuelle|complementaire|amc|rc|oc)|\bmutuelle\b|complementaire|"
            r"\bamc\b|\brc\b|\boc\b|notre remboursement|nos remboursements|notre participation"),
    ("amo", r"remb\w* (?:de la |par la )?(?:secu\w*|securite sociale|ro|amo|ss|obligatoire|"
            r"assurance maladie|cpam|regime obligatoire)|part (?:secu\w*|securite sociale|ro|amo|ss|"
            r"obligatoire|regime obligatoire)|securite sociale|\bsecu\b|\bamo\b|\bro\b|\bss\b|"
            r"regime obligatoire|assurance maladie|\bcpam\b"),
    ("rest", r"reste a (?:votre )?charge|\brac\b|depassements?|non rembourse"),
    ("deduct", r"participations?(?: forfaitaires?)?|franchises?|\bpf\b|deductions?"),
    ("expense", r"depenses?(?: engagees?| reelles?)?|montant paye|montants? payes?|frais reels|frais engages|"
                r"montant des (?:soins|frais|honoraires)|honoraires|montant (?:facture|engage|depense)|"
                r"vous avez paye|prix"),
    ("paid", r"montant rembourse|rembourse\w*|remboursements?|remb|verse\w*|net paye|montant verse|"
             r"a vous verser|net a payer|paiement"),
    ("base", r"base(?: de remboursement| remboursement| ss| secu)?|\bbr\b|tarif de (?:convention|responsabilite)"),
    ("rate", r"taux|\btx\b"),
    ("date", r"dates?(?: des| de| d)?(?: soins| actes?| l acte| prestations?)?|soins du|jour"),
    ("label", r"nature(?: des soins| de la prestation| de l acte)?|actes?|prestations?|designation|"
              r"libelle|soins|details?|code(?: acte)?|objet"),
    ("patient", r"beneficiaires?|patient e?|assure e?|nom|personne soignee|malade"),
    ("ref", r"references?|ref|n de decompte|numero|n dossier|n facture|facture|n"),
]
_ROLE_RX = [(role, re.compile(rf"(?<![0-9a-z])(?:{rx})(?![0-9a-z])")) for role, rx in _ROLES]
_MONEY = {"amc", "amo", "paid", "expense", "base", "rest", "deduct"}

_TOTAL_ROW = re.compile(r"^(?:total|totaux|montant total|sous total|cumul)\b")
_DEDUCTION = re.compile(r"participation|franchise|\bpf\b|forfait|deduction|retenue")
# Text before a date that makes it a labelled date (statement, birth, payment), not a care line.
_LABELLED_DATE = re.compile(
    r"(?:\ble|\bdu|\bau|\bne e?|\bnee|naissance|paiement|paye|verse|vire|virement|releve|decompte|edite|"
    r"emis|etabli|date|periode|ddn|imprime)\s*$"
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

_PAID_TOTAL_LABELS = (
    r"total rembourse|total verse|total paye|montant total rembourse|montant total verse|"
    r"total des remboursements|total de (?:vos|nos) remboursements|net paye|net verse|montant vire|"
    r"montant verse|somme viree|somme versee|total (?:de la |part )?(?:mutuelle|complementaire)|"
    r"total remb\w* (?:mutuelle|complementaire)|nous vous avons verse|vous avez ete rembourse\w*"
)
_REFERENCE_LABELS = r"n de decompte|numero de decompte|decompte n|n decompte|reference du decompte|reference|ref"


@dataclass
class Cell(WordGroup):
    page: Page

    @property
    def value(self) -> Value:
        return Value(self.words, self.page, "same")


@dataclass
class Column:
    text: str
    x0: float
    x1: float
    role: str | None


@dataclass
class Header:
    page: Page
    rows: set[int]
    columns: list[Column]

    def column_of(self, cell: Cell) -> int | None:
        best, best_score = None, None
        for i, col in enumerate(self.columns):
            overlap = min(cell.x1, col.x1) - max(cell.x0, col.x0)
            score = overlap if overlap > 0 else -(max(col.x0 - cell.x1, cell.x0 - col.x1))
            if best_score is None or score > best_score:
                best, best_score = i, score
        if best is None:
            return None
        # A cell far from every header cell belongs to none of them.
        width = max(col.x1 - col.x0 for col in self.columns)
        return best if best_score > -width else None

    def roles(self) -> list[str | None]:
        return [c.role for c in self.columns]

    def index(self, *roles: str) -> int | None:
        """The rightmost column with the first of ``roles`` present."""
        for role in roles:
            found = [i for i, c in enumerate(self.columns) if c.role == role]
            if found:
                return found[-1]
        return None


@dataclass
class Line:
    care_date: str | None
    amount: Decimal | None
    label: str = ""
    patient: str | None = None
    reference: str | None = None
    conf: float = 0.6
    words: list[Word] = field(default_factory=list)

    def as_dict(self) -> dict:
        out: dict = {"care_date": self.care_date,
                     "amount_paid": to_decimal_string(self.amount) if self.amount is not None else None}
        if self.patient:
            out["patient_name"] = self.patient
        if self.reference:
            out["reference"] = self.reference
        if self.label:
            out["label"] = self.label
        return out


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


# -- table header and cells ----------------------------------------------------------


def _cells(row: Row) -> list[Cell]:
    """The row's words in cells: a new cell at each gap wider than three quarters of a line."""
    words = sorted(row.words, key=lambda w: w.x)
    if not words:
        return []
    h = median(w.h for w in words)
    page_of = None
    cells = [[words[0]]]
    for prev, w in zip(words, words[1:]):
        if w.x - prev.x1 > 0.75 * h:
            cells.append([w])
        else:
            cells[-1].append(w)
    return [Cell(ws, page_of) for ws in cells]


def _role(text: str) -> str | None:
    n = norm(text)
    if not n or re.search(r"\d{2}", n):
        return None
    for role, rx in _ROLE_RX:
        if rx.search(n):
            return role
    return None


def _has_data(row: Row) -> bool:
    text = row.text
    return bool([d for d in find_dates(text) if not d.partial] or find_amounts(text))


def _headers(pages: list[Page]) -> list[Header]:
    headers = []
    for page in pages:
        taken: set[int] = set()
        for r, row in enumerate(page.rows):
            if r in taken:
                continue
            cells = _cells(row)
            if len(cells) < 3 or _has_data(row):
                continue
            columns = [Column(c.text, c.x0, c.x1, _role(c.text)) for c in cells]
            rows = {r}
            # Headers wrapped over two or three lines ("Part" over "RO"): the lines just below,
            # short and holding no figures, join the columns they overlap.
            band = _header_band(page, r)
            if len(band) > 1:
                merged = [Column(c.text, c.x0, c.x1, c.role) for c in columns]
                for k in band[1:]:
                    for c in _cells(page.rows[k]):
                        hit = _overlapping(merged, c)
                        if hit is None:
                            merged.append(Column(c.text, c.x0, c.x1, None))
                            hit = merged[-1]
                        else:
                            hit.text += " " + c.text
                            hit.x0, hit.x1 = min(hit.x0, c.x0), max(hit.x1, c.x1)
                        hit.role = _role(hit.text)
                merged.sort(key=lambda c: c.x0)
                if _is_header([c.role for c in merged]) >= _is_header([c.role for c in columns]):
                    columns, rows = merged, set(band)
            if not _is_header([c.role for c in columns]):
                continue
            taken |= rows
            headers.append(Header(page, rows, columns))
    return headers


def _header_band(page: Page, r: int) -> list[int]:
    band = [r]
    for k in range(r + 1, min(len(page.rows), r + 3)):
        prev, below = page.rows[band[-1]], page.rows[k]
        if (below.y0 - prev.y1 >= 1.0 * prev.height or _has_data(below) or _patient_heading(below)
                or any(len(c.words) > 3 for c in _cells(below))):
            break
        band.append(k)
    return band


def _is_header(roles: list[str | None]) -> int:
    """How many distinct column roles, when they make a table of payments (else 0)."""
    known = {x for x in roles if x}
    if len(known) < 3 or not (known & _MONEY) or not (known & {"date", "label"}):
        return 0
    return len(known)


def _overlapping(columns: list[Column], cell: Cell) -> Column | None:
    best, best_overlap = None, 0.0
    for col in columns:
        overlap = min(cell.x1, col.x1) - max(cell.x0, col.x0)
        if overlap > best_overlap:
            best, best_overlap = col, overlap
    return best


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


# -- lines -------------------------------------------------------------------------


def _paid_column(header: Header, payer: str) -> int | None:
    if payer == "mutuelle":
        return header.index("amc", "paid")
    if "amc" in header.roles():
        # A table with both parts on a CPAM paper: the compulsory one is the CPAM's.
        return header.index("amo", "paid")
    return header.index("amo", "paid", "amc")


def _lines(ctx: Context, headers: list[Header], payer: str) -> tuple[list[Line], tuple[str, Value] | None]:
    if not headers:
        return _lines_without_header(ctx), None
    by_page: dict[int, list[Header]] = {}
    for h in headers:
        by_page.setdefault(h.page.index, []).append(h)
    lines: list[Line] = []
    table_total = None
    current: Header | None = None
    for page in ctx.pages:
        patient_heading = None
        page_headers = by_page.get(page.index, [])
        if not page_headers and current is not None and current.page.source != page.source:
            current = None
        open_table = current is not None  # a table going on from the previous page
        for r, row in enumerate(page.rows):
            starting = [h for h in page_headers if min(h.rows) == r]
            if starting:
                current, open_table = starting[0], True
                continue
            if current is not None and current.page is page and r in current.rows:
                continue
            heading = _patient_heading(row)
            if heading:
                patient_heading = heading
                continue
            if not open_table or current is None:
                continue
            cells = _cells(row)
            for c in cells:
                c.page = page
            if not cells:
                continue
            first = norm(cells[0].text)
            paid_col = _paid_column(current, payer)
            by_col: dict[int, list[Cell]] = {}
            for c in cells:
                i = current.column_of(c)
                if i is not None:
                    by_col.setdefault(i, []).append(c)
            amount, amount_cell = _amount_in(by_col.get(paid_col, [])) if paid_col is not None else (None, None)
            if _TOTAL_ROW.search(first):
                if amount is not None and table_total is None:
                    table_total = (to_decimal_string(amount), amount_cell.value)
                open_table = False
                continue
            date, date_cell = _care_date(current, by_col, cells)
            label = _text_of(current, by_col, "label")
            patient = _patient_of(current, by_col) or patient_heading
            reference = _text_of(current, by_col, "ref") or None
            if date is None:
                if not lines or lines[-1].care_date is None:
                    continue
                prev = lines[-1]
                if amount is not None and _DEDUCTION.search(norm(row.text)):
                    prev.amount = (prev.amount or Decimal("0")) - abs(amount)
                    prev.words.extend(amount_cell.words)
                elif amount is not None and label:
                    # An act listed under the previous one's date and beneficiary.
                    lines.append(Line(prev.care_date, amount, label, patient or prev.patient,
                                      reference or prev.reference, 0.5, list(amount_cell.words)))
                elif amount is None and label and not any(_amount_in([c])[0] is not None for c in cells):
                    if len(label) < 60 and not _looks_like_footer(row.text):
                        prev.label = (prev.label + " " + label).strip()
                else:
                    open_table = _looks_like_table_row(cells)
                continue
            if amount is None:
                continue
            conf = min(date_cell.value.conf, amount_cell.value.conf)
            lines.append(Line(date, amount, label, patient, reference, round(0.85 * conf, 3),
                              list(date_cell.words) + list(amount_cell.words)))
    return lines, table_total


def _amount_in(cells: list[Cell]) -> tuple[Decimal | None, Cell | None]:
    for c in reversed(cells):
        found = find_amounts(c.text)
        if found:
            return found[-1].value, c
    return None, None


def _care_date(header: Header, by_col: dict[int, list[Cell]], cells: list[Cell]):
    date_col = header.index("date")
    candidates = by_col.get(date_col, []) if date_col is not None else cells
    for c in candidates:
        for dm in find_dates(c.text):
            if dm.partial:
                continue
            if _LABELLED_DATE.search(norm(c.text[: dm.start])):
                continue
            return dm.date.isoformat(), c
    return None, None


def _text_of(header: Header, by_col: dict[int, list[Cell]], role: str) -> str:
    parts = []
    for i, col in enumerate(header.columns):
        if col.role == role:
            parts.extend(c.text for c in by_col.get(i, []))
    return " ".join(parts).strip(" :-")


def _patient_of(header: Header, by_col: dict[int, list[Cell]]) -> str | None:
    text = _text_of(header, by_col, "patient")
    if not text:
        return None
    name = clean_person(text)
    if name:
        return name
    tok = text.split()
    if len(tok) == 1 and re.fullmatch(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'\-]+", tok[0]):
        return tok[0]
    return None


_HEADING = re.compile(r"^(?:beneficiaire|patient e?|assure e?|soins de|pour|personne soignee)\b")


def _patient_heading(row: Row) -> str | None:
    """'Bénéficiaire : MARTIN Claire, née le 04/07/1985' above a table or a group of lines."""
    text = row.text
    n = norm(text)
    if not _HEADING.search(n) or find_amounts(text):
        return None
    rest = re.sub(r"^\s*(?i:b[ée]n[ée]ficiaire|patient\w*|assur[ée]e?|soins de|pour|personne soign[ée]e)\s*[:.\-]?\s*",
                  "", text)
    return clean_person(rest)


def _looks_like_table_row(cells: list[Cell]) -> bool:
    return len(cells) >= 3


def _looks_like_footer(text: str) -> bool:
    return bool(re.search(r"\b(?:page|www|http|rue|cedex|tel|iban|bic)\b", norm(text)))


def _lines_without_header(ctx: Context) -> list[Line]:
    """No table header read: each dated row's last amount, when the date is not a labelled one."""
    lines = []
    for page in ctx.pages:
        patient_heading = None
        for row in page.rows:
            heading = _patient_heading(row)
            if heading:
                patient_heading = heading
                continue
            prefix = ""
            for s, seg in enumerate(row.segments):
                dms = [d for d in find_dates(seg.text) if not d.partial]
                if dms:
                    before = norm(prefix + " " + seg.text[: dms[0].start])
                    after = seg.text[dms[0].end :] + " " + " ".join(x.text for x in row.segments[s + 1 :])
                    amounts = find_amounts(after)
                    if amounts and not _LABELLED_DATE.search(before) and not _TOTAL_ROW.search(before):
                        label = re.sub(r"[-−]?\d[\d .,]*\s*(?:€|eur\w*|%)?", " ", after)
                        label = " ".join(label.split()).strip(" :-")
                        words = [w for x in row.segments[s:] for w in x.words]
                        conf = sum(w.conf for w in words) / len(words)
                        lines.append(Line(dms[0].date.isoformat(), amounts[-1].value, label,
                                          patient_heading, None, round(0.5 * conf, 3), words))
                    break
                prefix += " " + seg.text
    return lines


# -- total -----------------------------------------------------------------------------


def _total(ctx: Context, headers: list[Header], lines: list[Line], table_total) -> None:
    header_rows = {(h.page.index, r) for h in headers for r in h.rows}
    found = None
    hits = [h for h in find_labels(ctx.pages, _PAID_TOTAL_LABELS) if (h.page.index, h.row) not in header_rows]
    for getter in (amount_right_of, amount_below):
        for hit in reversed(hits):
            got = getter(hit)
            if got:
                found = (got[0], got[1], 0.9)
                break
        if found:
            break
    if found is None and table_total is not None:
        found = (table_total[0], table_total[1], 0.85)
    if found is None and not headers:
        hits = [h for h in find_labels(ctx.pages, r"total|montant total") if h.start == 0]
        for hit in reversed(hits):
            got = amount_right_of(hit)
            if got:
                found = (got[0], got[1], 0.7)
                break
    amounts = [ln.amount for ln in lines if ln.amount is not None]
    lines_sum = sum(amounts, Decimal("0")) if amounts else None
    if found is None:
        if lines_sum is not None:
            ctx.put("total_paid", to_decimal_string(lines_sum), 0.5, page=1)
        else:
            ctx.put_none("total_paid", 0.2)
        return
    amount, v, base = found
    agrees = lines_sum is not None and Decimal(amount) == lines_sum
    if lines_sum is not None and not agrees:
        expected = to_decimal_string(lines_sum)
        if reread_amount(ctx, v, expected, "total"):
            ctx.put("total_paid", expected, 0.85 * v.conf, v, source_text=f"read again: {expected}")
            ctx.warnings.append(f"total paid first read as {amount} differed from the sum of the lines; "
                                f"read again closer: {expected}")
            return
    ctx.put("total_paid", amount, (0.98 if agrees else base) * v.conf, v)
    if lines_sum is not None and not agrees:
        ctx.warnings.append(
            f"total paid {amount} differs from the sum of the statement lines "
            f"({to_decimal_string(lines_sum)}): an amount may be misread"
        )
