"""A statement's lines (a care date with what this payer paid, and whom it was for), read
under the table's header or, without one, as dated rows ending in an amount; and its total
paid, checked against the lines' sum."""

from __future__ import annotations

import re
from decimal import Decimal

from desktop_app.intake.extract_common import (
    Context,
    amount_below,
    amount_right_of,
    norm,
    reread_amount,
)
from desktop_app.intake.layout import Value, find_labels
from desktop_app.intake.names import clean_person
from desktop_app.intake.parse_amounts import find_amounts, to_decimal_string
from desktop_app.intake.parse_dates import find_dates
from desktop_app.intake.read_warnings import warning
from desktop_app.intake.statement_table import Cell, Header, Line, _cells, _patient_heading

_TOTAL_ROW = re.compile(r"^(?:total|totaux|montant total|sous total|cumul)\b")
_DEDUCTION = re.compile(r"participation|franchise|\bpf\b|forfait|deduction|retenue")
# Text before a date that makes it a labelled date (statement, birth, payment), not a care line.
_LABELLED_DATE = re.compile(
    r"(?:\ble|\bdu|\bau|\bne e?|\bnee|naissance|paiement|paye|verse|vire|virement|releve|decompte|edite|"
    r"emis|etabli|date|periode|ddn|imprime)\s*$"
)


_PAID_TOTAL_LABELS = (
    r"total rembourse|total verse|total paye|montant total rembourse|montant total verse|"
    r"total des remboursements|total de (?:vos|nos) remboursements|net paye|net verse|montant vire|"
    r"montant verse|somme viree|somme versee|total (?:de la |part )?(?:mutuelle|complementaire)|"
    r"total remb\w* (?:mutuelle|complementaire)|nous vous avons verse|vous avez ete rembourse\w*"
)


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
            ctx.warnings.append(warning("read.paid_total_read_again", amount=amount, expected=expected))
            return
    ctx.put("total_paid", amount, (0.98 if agrees else base) * v.conf, v)
    if lines_sum is not None and not agrees:
        ctx.warnings.append(warning("read.paid_total_differs", amount=amount, sum=to_decimal_string(lines_sum)))
