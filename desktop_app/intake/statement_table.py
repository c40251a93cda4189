"""A statement's table: its header rows found from what their cells say, each cell given a
role (the date of care, what the mutuelle or the CPAM paid, the base…), later rows cut into
cells at wide gaps and put in the header column they overlap most."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from desktop_app.intake.extract_common import norm
from desktop_app.intake.layout import Page, Row, Value, Word, WordGroup
from desktop_app.intake.names import clean_person
from desktop_app.intake.parse_amounts import find_amounts, to_decimal_string
from desktop_app.intake.parse_dates import find_dates

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
