"""Prescriptions (ordonnances, bizone/ALD ones included): who prescribed what, for whom, when."""

from __future__ import annotations

import re
from dataclasses import replace

from desktop_app.intake.barcodes import read_code128
from desktop_app.intake.extract_common import Context, all_dates, confident_text, norm, reread, seg_value
from desktop_app.intake.layout import Value, find_labels, value_below, value_right
from desktop_app.intake.names import clean_person, is_title, looks_like_person
from desktop_app.intake.parse_ids import read_rpps
from desktop_app.intake.result import ExtractedField

from desktop_app.core.identifiers import rpps_is_plausible

_BIRTH_BEFORE = r"(?:\bne e?|\bnee|naissance|ddn|\bne le|\bnee le|\bne e le)\s*(?:le)?\s*$"
_ALD = r"bizone|affection de longue duree|affections? longues? durees?|\bald\b|exonerante|ald 30|longue maladie"
_SECTION = re.compile(
    r"prescriptions? (?:relatives?|sans rapport)|affection|maladies? intercurrentes?|exonerante|"
    r"^ordonnance\b|^ald\b|^(?:hors|en rapport)"
)
_FOOTER = re.compile(
    r"\b(?:rpps|adeli|finess|tel|telephone|fax|conventionne|secteur|rue|avenue|boulevard|place|"
    r"chemin|cedex|signature|cachet|page|www|http|email|n am|sur rendez vous|consultations?)\b"
)
# Patient details and how-to lines are not prescribed items.
_NOT_ITEM = re.compile(
    r"^(?:age|poids|taille|ne|nee|ne e)\b|\b\d{1,3} ans\b|\bkg\b|^a renouveler|^renouvel|"
    r"^non renouvelable|^qsp\b|^ar\b|^date\b|^fait\b"
)


def extract_prescription(ctx: Context) -> None:
    prescriber_row = _prescriber(ctx)
    _rpps(ctx)
    patient_row = _patient(ctx, prescriber_row)
    birth_row = _birth_date(ctx)
    date_row = _date(ctx)
    text = norm("\n".join(p.text for p in ctx.pages))
    ald = bool(re.search(_ALD, text))
    ctx.put("ald", ald, 0.9, page=1)
    _items(ctx, [r for r in (prescriber_row, patient_row, birth_row, date_row) if r is not None])


def _prescriber(ctx: Context) -> int | None:
    page = ctx.pages[0]
    top = page.height * 0.4 if page.source == "ocr" else 1e9
    # "Dr Stéphane LEGRAND" in the letterhead.
    for r, row in enumerate(page.rows):
        if row.y0 > top:
            break
        for s, seg in enumerate(row.segments):
            toks = seg.text.split()
            for i, tok in enumerate(toks):
                if re.fullmatch(r"(?i)(?:dr|docteur|pr|professeur)\.?", tok):
                    name = clean_person(" ".join(toks[i:]))
                    if name and len(name.split()) >= 2:
                        v = seg_value(page, r, s)
                        ctx.put("prescriber_name", name, 0.9 * v.conf, v)
                        return r
    # No title: the first name-like line of the letterhead, above the patient.
    for r, row in enumerate(page.rows[:8]):
        for s, seg in enumerate(row.segments):
            if looks_like_person(seg.text) and not is_title(seg.text.split()[0]):
                v = seg_value(page, r, s)
                ctx.put("prescriber_name", clean_person(seg.text), 0.5 * v.conf, v)
                return r
    ctx.put_none("prescriber_name", 0.2)
    return None


def _rpps(ctx: Context) -> None:
    labelled = None
    for hit in find_labels(ctx.pages, r"rpps|n rpps|numero rpps|identifiant rpps"):
        for v in (value_right(hit), value_below(hit)):
            if v is None:
                continue
            reading = read_rpps(v.text)
            if reading:
                labelled = (reading, v)
                break
        if labelled:
            break
    if labelled and labelled[0].valid:
        _put_rpps(ctx, *labelled)
        return
    # RPPS numbers start with 10; any Luhn-valid one on the page is the prescriber's.
    if labelled is None:
        for page in ctx.pages:
            for r, row in enumerate(page.rows):
                for s, seg in enumerate(row.segments):
                    reading = read_rpps(seg.text)
                    if reading and reading.valid and reading.value.startswith("10"):
                        _put_rpps(ctx, reading, seg_value(page, r, s))
                        return
    # OCR found none, or one failing its check digit: the barcode (a slower scan) settles it.
    for page in ctx.pages:
        if page.image is None:
            continue
        for code in read_code128(page.image):
            digits = re.sub(r"\D", "", code.data)
            if len(digits) == 11 and rpps_is_plausible(digits):
                ctx.put("prescriber_rpps", digits, 0.99, page=page.index, bbox=code.bbox,
                        source_text=f"barcode {code.data}")
                if labelled:
                    ctx.warnings.append(
                        f"RPPS read as {labelled[0].value} fails its check digit; the barcode gives {digits}")
                return
    if labelled:
        reading, v = labelled

        def passing(text: str):
            again = read_rpps(text)
            return again if again is not None and again.valid else None

        again = reread(ctx, v, passing, whitelist="0123456789", what="rpps")
        if again is not None:
            ctx.put("prescriber_rpps", again.value, 0.75 * v.conf, v, source_text=f"read again: {again.value}")
            ctx.warnings.append(f"RPPS first read as {reading.value} fails its check digit; "
                                f"read again closer: {again.value}")
            return
        _put_rpps(ctx, reading, v)
        return
    ctx.put_none("prescriber_rpps", 0.5)


def _put_rpps(ctx: Context, reading, v: Value) -> None:
    conf = v.conf * (0.95 if reading.valid else 0.3)
    ctx.put("prescriber_rpps", reading.value, conf, v)
    ctx.warnings.extend(reading.warnings)


_PATIENT_LABELS = r"patient e?|nom du patient|nom prenom|nom et prenom|beneficiaire"


def _patient(ctx: Context, prescriber_row: int | None) -> int | None:
    for hit in find_labels(ctx.pages, _PATIENT_LABELS):
        if hit.start != 0:
            continue
        for getter in (value_right, value_below):
            v = getter(hit)
            name = clean_person(confident_text(v)) if v else None
            if name and len(name.split()) >= 2 and all(t[:1].isupper() for t in name.split()):
                ctx.put("patient_name", name, 0.9 * v.conf, v)
                return hit.row
    page = ctx.pages[0]
    for r, row in enumerate(page.rows):
        if prescriber_row is not None and r <= prescriber_row:
            continue
        for s, seg in enumerate(row.segments):
            toks = seg.text.split()
            if toks and is_title(toks[0]) and not re.match(r"(?i)(?:dr|docteur|pr)\b", toks[0]):
                name = clean_person(seg.text)
                if name and len(name.split()) >= 2:
                    v = seg_value(page, r, s)
                    ctx.put("patient_name", name, 0.85 * v.conf, v)
                    return r
    # Untitled: the first name-like line under the letterhead.
    for r, row in enumerate(page.rows):
        if prescriber_row is None or r <= prescriber_row + 1:
            continue
        for s, seg in enumerate(row.segments):
            if looks_like_person(seg.text) and not _FOOTER.search(norm(seg.text)):
                v = seg_value(page, r, s)
                ctx.put("patient_name", clean_person(seg.text), 0.5 * v.conf, v)
                return r
    ctx.put_none("patient_name", 0.2)
    return None


def _birth_date(ctx: Context) -> int | None:
    for spot in all_dates(ctx.pages):
        if re.search(_BIRTH_BEFORE, spot.before):
            ctx.put("patient_birth_date", spot.date.isoformat(), 0.9 * spot.value.conf, spot.value)
            return spot.row
    for hit in find_labels(ctx.pages, r"date de naissance|ne e? le|nee le|ddn"):
        v = value_below(hit)
        if v:
            from desktop_app.intake.parse_dates import find_dates

            dms = [d for d in find_dates(v.text) if not d.partial]
            if dms:
                ctx.put("patient_birth_date", dms[0].date.isoformat(), 0.8 * v.conf, v)
                return hit.row
    # An age alone ("59 ans") gives no birth date.
    ctx.put_none("patient_birth_date", 0.6)
    return None


def _date(ctx: Context) -> int | None:
    spots = [s for s in all_dates(ctx.pages) if not re.search(_BIRTH_BEFORE, s.before)]
    for spot in spots:
        if re.search(r"\b(?:date|le|fait|du)\s*$", spot.before) or re.search(r"\bdate\b", spot.before):
            ctx.put("date", spot.date.isoformat(), 0.9 * spot.value.conf, spot.value)
            return spot.row
    if spots:
        ctx.put("date", spots[0].date.isoformat(), 0.6 * spots[0].value.conf, spots[0].value)
        return spots[0].row
    ctx.put_none("date", 0.2)
    return None


def _strip_bullet(words: list) -> tuple[list, bool]:
    """Drop a leading bullet however OCR read it ("•", "+", "-_", "°", "e")."""
    bullet = False
    if words:
        glued = re.match(r"^[^0-9A-Za-zÀ-ÿ]+(?=[0-9A-Za-zÀ-ÿ])", words[0].text)
        if glued:
            first = words[0]
            words = [replace(first, text=first.text[glued.end():])] + words[1:]
            bullet = True
    while words:
        t = words[0].text
        if not re.search(r"[0-9A-Za-zÀ-ÿ]", t):
            words, bullet = words[1:], True
        elif len(words) > 1 and re.fullmatch(r"[eo«»]", t) and words[1].text[:1].isupper():
            words, bullet = words[1:], True
        elif re.fullmatch(r"\d{1,2}[.)]", t):
            words, bullet = words[1:], True
        else:
            break
    return words, bullet


def _items(ctx: Context, header_rows: list[int]) -> None:
    page = ctx.pages[0]
    start = max(header_rows) + 1 if header_rows else 0
    candidates = []
    for r in range(start, len(page.rows)):
        row = page.rows[r]
        text = row.text.strip()
        n = norm(text)
        if _FOOTER.search(n):
            if r > start + 1 and candidates:
                break
            continue
        if _SECTION.search(n) or _NOT_ITEM.search(n):
            continue
        conf = sum(w.conf for w in row.words) / len(row.words)
        if conf < 0.55 or not re.search(r"[A-Za-zÀ-ÿ]{3,}", text):
            continue
        words, bullet = _strip_bullet(list(row.words))
        if words:
            candidates.append((r, words, bullet, row.words[0].x))
    if not candidates:
        ctx.fields["items"] = ExtractedField([], 0.3)
        return
    lh = page.line_height
    bulleted = [c for c in candidates if c[2]]
    if bulleted:
        # Items carry bullets; a line whose bullet OCR lost starts where item text starts.
        text_x = sorted(ws[0].x for _, ws, _, _ in bulleted)[len(bulleted) // 2]
        keep = [c for c in candidates if c[2] or abs(c[1][0].x - text_x) < 0.4 * lh]
    else:
        # No bullets: items start at the left margin, details are indented under them.
        item_x = min(ws[0].x for _, ws, _, _ in candidates)
        keep = [c for c in candidates if c[1][0].x <= item_x + 0.8 * lh]
    items, used = [], []
    for _, words, _, _ in keep:
        text = " ".join(w.text for w in words).strip()
        text = re.sub(r"\s+([,.;:])", r"\1", text)
        items.append(text)
        used.extend(words)
    conf = sum(w.conf for w in used) / len(used) if used else 0.3
    ctx.fields["items"] = ExtractedField(items, round(conf, 3), page.index, Value(used, page, "same").bbox,
                                         "\n".join(items))
    all_text = norm("\n".join(p.text for p in ctx.pages))
    if re.search(r"non renouvelable", all_text):
        ctx.renewable = False
    elif re.search(r"renouvel\w*|\bqsp\b|\bar\b \d", all_text):
        ctx.renewable = True
