"""A prescription's items: the lines between its header block and its footer or signature
date, bullets dropped, detail lines (indented under an item) left out; and whether it says
it may be renewed."""

from __future__ import annotations

import re
from dataclasses import replace

from desktop_app.intake.candidates import candidate, confidence
from desktop_app.intake.extract_common import Context, is_address, norm
from desktop_app.intake.label_hits import find_label_hits, is_heading_text, labels_of
from desktop_app.intake.layout import Value
from desktop_app.intake.prescription_labels import KIND, VOCAB, patterns
from desktop_app.intake.result import ExtractedField


def _strip_bullet(words: list) -> tuple[list, bool]:
    """Drop a leading bullet however OCR read it ("•", "+", "-_", "°", "e")."""
    bullet = False
    while words and not re.search(r"[0-9A-Za-zÀ-ÿ]", words[0].text):
        words, bullet = words[1:], True
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


def read_items(ctx: Context, header_rows: list[int], end: int | None = None) -> None:
    page = ctx.pages[0]
    rx = patterns()
    start = max(header_rows) + 1 if header_rows else 0
    if end is not None and end <= start:
        end = None
    label_rows = {lh.hit.row for lh in find_label_hits([page], labels_of(VOCAB))
                  if lh.hit.start == 0 and lh.label.field in ("patient_name", "prescriber_name", "patient_birth_date")}
    candidates = []
    for r in range(start, len(page.rows) if end is None else end):
        row = page.rows[r]
        words_of_row = _item_part(page, r, rx)
        if words_of_row is None:
            # A footer line at the foot of the page ends the items; one beside them is the
            # letterhead's column running down past the first items (two-column pages).
            if candidates and r > start + 1 and page.height and row.y0 > 0.65 * page.height:
                break
            continue
        text = " ".join(w.text for w in words_of_row).strip()
        n = norm(text)
        # The letterhead's or the patient's address is no item, wherever the header ended.
        if (r in label_rows or _is_section(n) or rx["not_items"].search(n) or is_address(text)
                or is_heading_text(text)):
            continue
        conf = sum(w.conf for w in words_of_row) / len(words_of_row)
        if conf < 0.55 or not re.search(r"[A-Za-zÀ-ÿ]{3,}", text):
            continue
        words, bullet = _strip_bullet(list(words_of_row))
        if words:
            candidates.append((r, words, bullet, words_of_row[0].x))
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
    ocr = sum(w.conf for w in used) / len(used) if used else 0.3
    c = candidate(items, 0.9 if bulleted else 0.7, 0.6, ocr)
    ctx.fields["items"] = ExtractedField(items, confidence(KIND, "items", c.score), page.index,
                                         Value(used, page, "same").bbox, "\n".join(items))
    all_text = norm("\n".join(p.text for p in ctx.pages))
    if rx["not_renewable"].search(all_text):
        ctx.renewable = False
    elif rx["renewable"].search(all_text) or re.search(r"\bar\b \d", all_text):
        ctx.renewable = True


def _item_part(page, r: int, rx: dict) -> list | None:
    """The words of a row that may be an item: the row less the cells of a letterhead's
    column beside the items ("Id. RPPS 101…   - Séances d'orthophonie"); None when nothing
    is left."""
    segments = list(page.rows[r].segments)
    while segments:
        n = norm(segments[0].text)
        if rx["footer"].search(n) or rx["letterhead"].search(n) or is_address(segments[0].text):
            segments = segments[1:]
        else:
            break
    if segments and rx["footer"].search(norm(" ".join(seg.text for seg in segments))):
        return None
    return [w for seg in segments for w in seg.words] or None


def _is_section(n: str) -> bool:
    """A section heading of the bizone form ("Prescriptions relatives au traitement de l'ALD")."""
    m = patterns()["item_sections"].search(n)
    if not m:
        return False
    # The heading is the line itself, not an item that mentions the ALD further on.
    return m.start() < 3 or len(n) - (m.end() - m.start()) < 25
