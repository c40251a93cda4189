"""Invoices (pharmacy, medical-device supplier, any French trader): who, which number, when, how much."""

from __future__ import annotations

import re

from desktop_app.intake import candidates, vocab
from desktop_app.intake.extract_common import (
    Context,
    all_dates,
    amount_by_labels,
    confident_text,
    date_near_label,
    date_order_of,
    norm,
    reread_labelled_date,
    seg_value,
)
from desktop_app.intake.extract_labelled import UNLABELLED, named_people
from desktop_app.intake.invoice_supplier import put_supplier
from desktop_app.intake.layout import Value, find_labels, value_below, value_near, value_right
from desktop_app.intake.names import clean_person, is_title, name_plausibility
from desktop_app.intake.parse_amounts import find_amounts, to_decimal_string, words_text
from desktop_app.intake.parse_dates import find_dates
from desktop_app.intake.parse_ids import ocr_digits
from desktop_app.intake.read_warnings import warning
from desktop_app.intake.result import ExtractedField

_LABELS = vocab.load("labels_invoice")
_TOTAL_LABELS: list[str] = _LABELS["total"]
_DATE_LABELS: str = _LABELS["date"]
_OTHER_DATES = (
    r"(?:ordonnance|prescription|prescrit|naissance|ne|nee|acquittee?|payee?|reglee?|reglement|"
    r"echeance|limite|livraison|expedition|commande|prelevement|paiement|soins?|au|valable|"
    r"jusqu|avant|debut|fin|periode|due|payment|delivery|order)\b[^0-9]*$"
)
_MARKER = r"(?:n[°ºo]\.?|no\.?|num(?:[ée]ro)?\.?|number|nr\.?|#|ref\.?|r[ée]f[ée]rence)"
_NUMBER_RX = re.compile(
    rf"(?i)(?<!date de )(?<!date d')(?<!date )\b(?:(?:{_LABELS['number_words']})\s*{_MARKER}?|"
    rf"(?:{_LABELS['number_words_with_marker']})\s*{_MARKER})\s*[:.]?\s*"
    r"(?P<num>[A-Z0-9][A-Z0-9\-/_.]*[0-9][A-Z0-9\-/_]*)"
)
_NUMBER_LABEL: str = _LABELS["number_label"]
_NOT_INVOICE_NUMBER = r"^(?:tva|siret|siren|am|adeli|rpps|finess|client|dossier|commande|compte|tel|telephone|ligne|lot|de tva|intracom|rcs|ape|naf)\b"


@candidates.calibrated("invoice")
def extract_invoice(ctx: Context) -> None:
    _number(ctx)
    _date(ctx)
    _total(ctx)
    put_supplier(ctx)
    _lpp_codes(ctx)
    _patient(ctx)


def _plausible_number(token: str) -> bool:
    t = token.strip(".:,;")
    if len(t) < 3 or not re.search(r"\d", t):
        return False
    if find_dates(t) or re.fullmatch(r"\d{1,3}(?:[.,]\d{2})", t):
        return False
    return True


def _number(ctx: Context) -> None:
    for page in ctx.pages:
        for r, row in enumerate(page.rows):
            for s, seg in enumerate(row.segments):
                m = _NUMBER_RX.search(seg.text)
                if m and _plausible_number(m["num"]):
                    num = m["num"].strip(".:,;_")
                    v = seg_value(page, r, s)
                    words = [w for w in v.words if num in w.text or w.text.strip(".:") in num]
                    v = Value(words or v.words, page, "same")
                    ctx.put("invoice_number", num, 0.9 * v.conf, v)
                    return
    # "N° F2605-4654" under a "FACTURE" heading, or "Numéro de facture" with the value apart.
    for hit in find_labels(ctx.pages, _NUMBER_LABEL):
        after = norm(" ".join(w.text for w in hit.segment.words[hit.end :]))
        if re.match(_NOT_INVOICE_NUMBER, after):
            continue
        label = norm(" ".join(w.text for w in hit.words))
        near_facture = any(w in label for w in ("facture", "invoice", "piece")) or _facture_above(hit)
        if not near_facture:
            continue
        v = value_near(hit, accept=lambda t: _plausible_number(t.split()[0]) if t.split() else False)
        if v:
            num = v.words[0].text.strip(".:,;_")
            ctx.put("invoice_number", num, 0.8 * v.conf, Value(v.words[:1], v.page, v.where))
            return
    if not _number_in_labels_column(ctx):
        ctx.put_none("invoice_number", 0.3)


# What invoice numbers look like when they stand alone: groups of capitals and figures joined
# by dashes or slashes ("25-627-A", "INV-2023-98979", "F2026/0042"), three figures at least.
_NUMBER_SHAPE = re.compile(r"(?=(?:[^0-9]*[0-9]){3})[A-Z0-9]{1,8}(?:[-/][A-Z0-9]{1,8}){1,3}")


def _number_in_labels_column(ctx: Context) -> bool:
    """A table's header row names the number ("Numéro de facture   Facturé le   …") and the
    value stands some rows under it, in its column: a token shaped like an invoice number
    there, unsure."""
    for hit in find_labels(ctx.pages, _NUMBER_LABEL):
        label = norm(" ".join(w.text for w in hit.words))
        if not any(w in label for w in ("facture", "invoice", "piece")):
            continue
        page, lh = hit.page, hit.page.line_height
        for r in range(hit.row + 1, min(len(page.rows), hit.row + 6)):
            for w in page.rows[r].words:
                t = w.text.strip(".:,;_|")
                if not (hit.x0 - 2 * lh <= w.x <= hit.x1 + lh) or not _NUMBER_SHAPE.fullmatch(t):
                    continue
                # Figures and separators only are a date, a phone or a code, not a number shape.
                if _plausible_number(t) and not re.fullmatch(r"[0-9/.-]+", t):
                    ctx.put("invoice_number", t, UNLABELLED * w.conf, Value([w], page, "below"))
                    return True
    return False


def _facture_above(hit) -> bool:
    page = hit.page
    for r in range(max(0, hit.row - 3), hit.row + 1):
        if re.search(r"\b(?:facture|invoice)\b", norm(page.rows[r].text)):
            return True
    return False


def _date(ctx: Context) -> None:
    order = date_order_of(ctx.pages)
    got = date_near_label(ctx.pages, _DATE_LABELS, order=order, other_date=_OTHER_DATES)
    if got:
        # A date found cells away from its label may be the next label's ("Facturé le   |
        # Échéance 12/03"): never sure.
        weight = 0.75 if got[1].where == "next" else 0.95
        # Another date by an invoice-date label ("Date de facture … / Date d'émission …"): unsure.
        others = {d.date for hit in find_labels(ctx.pages, _DATE_LABELS) if (v := value_right(hit))
                  for d in find_dates(v.text, order=order) if not d.partial} - {got[0]}
        ctx.put("date", got[0].isoformat(), weight * (0.8 if others else 1.0) * got[1].conf, got[1])
        return
    got = reread_labelled_date(ctx, _DATE_LABELS, order=order)
    if got:
        ctx.put("date", got[0].isoformat(), 0.8 * got[1].conf, got[1])
        return
    spots = all_dates(ctx.pages, order=order)
    # "Facture n° 123 du 02 juillet 2015": the date on the invoice-number line.
    for spot in spots:
        if re.search(r"\b(?:facture|invoice)\b", spot.before) and not re.search(_OTHER_DATES, spot.before):
            ctx.put("date", spot.date.isoformat(), 0.85 * spot.value.conf, spot.value)
            return
    got = date_near_label(ctx.pages, r"date|le", exclude_after=r"(?:de |d )?(?:naissance|echeance|limite|livraison|paiement|reglement|prescription|soins?|commande)", order=order,
                          exclude_before=r"due|payment|delivery|order|limite|echeance|livraison|naissance",
                          other_date=_OTHER_DATES)
    if got:
        ctx.put("date", got[0].isoformat(), 0.8 * got[1].conf, got[1])
        return
    for spot in spots:
        if not re.search(_OTHER_DATES, spot.before):
            ctx.put("date", spot.date.isoformat(), 0.5 * spot.value.conf, spot.value)
            return
    ctx.put_none("date", 0.2)


def _total(ctx: Context) -> None:
    got = amount_by_labels(ctx.pages, _TOTAL_LABELS, exclude_before=_LABELS["total_not_after"])
    if got:
        amount, v, rank = got
        if amount.startswith("-"):
            # A credit note prints its total negative; the amount itself is what it refunds.
            amount = amount[1:]
            ctx.warnings.append(warning("read.credit_note"))
        ctx.put("total_amount", amount, (0.95 - 0.1 * rank) * v.conf, v)
        return
    # No label: the largest amount with a currency sign is the best guess.
    best = None
    for page in ctx.pages:
        for r, row in enumerate(page.rows):
            for s, seg in enumerate(row.segments):
                for a in find_amounts(words_text(seg.words)):
                    if a.has_currency and (best is None or a.value > best[0]):
                        best = (a.value, seg_value(page, r, s))
    if best:
        ctx.put("total_amount", to_decimal_string(best[0]), 0.4 * best[1].conf, best[1])
    else:
        ctx.put_none("total_amount", 0.2)


def _lpp_codes(ctx: Context) -> None:
    codes, words = [], []
    for page in ctx.pages:
        header_cols = [(h.x0, h.x1) for h in find_labels([page], r"code lpp|lpp|code")]
        for row in page.rows:
            has_amount = bool(find_amounts(row.text))
            for seg_i, seg in enumerate(row.segments):
                for w in seg.words:
                    t = ocr_digits(w.text.strip(".,;:()"))
                    if not re.fullmatch(r"\d{7}", t):
                        continue
                    in_column = any(x0 - 3 * w.h <= w.x <= x1 + 3 * w.h for x0, x1 in header_cols)
                    # Under the code column it is a code, amount or not (OCR may lose the price).
                    if in_column or (has_amount and seg_i <= 1):
                        if t not in codes:
                            codes.append(t)
                            words.append(w)
    if codes:
        conf = sum(w.conf for w in words) / len(words)
        ctx.put("lpp_codes", codes, conf, Value(words, ctx.pages[0], "same"))
    else:
        ctx.fields["lpp_codes"] = ExtractedField([], 0.5)


_PATIENT_LABELS: str = _LABELS["patient"]


def _patient(ctx: Context) -> None:
    for hit in find_labels(ctx.pages, _PATIENT_LABELS):
        if hit.start != 0:
            continue
        for getter in (value_right, value_below):
            v = getter(hit)
            if v is None:
                continue
            name = clean_person(confident_text(v))
            # A label followed by prose ("Pour tout renseignement") has no name after it.
            if name and len(name.split()) >= 2 and name_plausibility(name) >= 0.4:
                ctx.put("patient_name", name, 0.9 * v.conf, v)
                return
    # A titled name ("Mme Julie GARNIER") that is not the prescriber.
    for page in ctx.pages[:1]:
        for r, row in enumerate(page.rows):
            for s, seg in enumerate(row.segments):
                words = seg.text.split()
                if words and is_title(words[0]) and not re.match(r"(?i)d(?:r|octeur)", words[0]):
                    before = norm(" ".join(x.text for x in row.segments[s - 1].words)) if s else ""
                    if "prescri" in before:
                        continue
                    name = clean_person(seg.text)
                    if name:
                        ctx.put("patient_name", name, 0.6 * seg_value(page, r, s).conf, seg_value(page, r, s))
                        return
    # Printed with neither a label the vocabulary knows nor a title ("MULLER, Noémie" in the
    # addressee's cell): a person's name that is not the prescriber's, unsure.
    supplier = ctx.fields.get("supplier")
    for name, v, _ in named_people(ctx.pages[0], (supplier.value if supplier else None,), doctors=False):
        ctx.put("patient_name", name, UNLABELLED * v.conf, v)
        return
    ctx.put_none("patient_name", 0.2)
