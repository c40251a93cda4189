"""A care sheet's act lines (the first one's date is the care date) and its total, checked
against the sum of the acts."""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

from desktop_app.intake import vocab
from desktop_app.intake.candidates import Candidate, candidate, confidence, pick, put_pick
from desktop_app.intake.care_sheet_labels import KIND, VOCAB, Sheet
from desktop_app.intake.extract_common import Context, all_dates, amount_by_labels, reread_amount
from desktop_app.intake.label_hits import distance_lines, norm_text, x_in
from desktop_app.intake.parse_amounts import find_amounts, to_decimal_string
from desktop_app.intake.read_warnings import warning


def _acts_header(sheet: Sheet):
    """The acts table's header: a 'date' label on a row that also names amounts or codes."""
    words = [norm_text(w) for w in vocab.load(VOCAB)["acts_header"]]
    for lh in sorted(sheet.of("care_date"), key=lambda h: (h.page.index, h.hit.row)):
        row_text = f" {norm_text(lh.page.rows[lh.hit.row].text)} "
        if any(f" {w} " in row_text for w in words) or sheet.role(lh.page, lh.hit.row) == "acts":
            return lh
    return None


def read_acts(ctx: Context, sheet: Sheet) -> list[tuple[str, Decimal | None]]:
    """(date, amount) of each act line, in table order; the first one is the care date."""
    header = _acts_header(sheet)
    negatives = sheet.negatives("care_date")
    births = sheet.of("birth_date")
    acts = []
    cands: list[Candidate] = []
    for spot in all_dates(ctx.pages):
        page = spot.page
        seg = page.rows[spot.row].segments[spot.seg]
        if header is not None:
            if spot.page is not header.page or spot.row <= header.hit.row:
                continue
            col = header.hit
            in_col = seg.x0 < col.segment.x1 + 2 * page.rows[col.row].height and seg.x1 > col.x0 - 3 * page.rows[col.row].height
            if not in_col:
                continue
        elif spot.seg != 0 and not find_amounts(" ".join(s.text for s in page.rows[spot.row].segments[spot.seg + 1:])):
            continue  # no table header read: an act line is a date with its amount
        x = x_in(seg, seg.text, spot.match.start)
        if any(distance_lines(n, page, spot.row, x) < 1.5 for n in negatives):
            continue
        below_header = header is not None and spot.row > header.hit.row
        if any(distance_lines(b, page, spot.row, x) < 2.5 and not (below_header and b.hit.row < header.hit.row)
               for b in births):  # a birth date
            continue
        if re.search(r"\ble\b$", spot.before):  # "le 12/05": a signature date, not an act
            continue
        row = page.rows[spot.row]
        amounts = find_amounts(" ".join(s.text for s in row.segments[spot.seg + 1 :]))
        amount = amounts[-1].value if amounts else None
        acts.append((spot, amount))
    today = _dt.date.today()
    for i, (spot, amount) in enumerate(acts):
        anchor = (header.strength if header is not None else 0.45 if spot.seg == 0 else 0.35) * (1.0 if i == 0 else 0.3)
        plaus = 1.0 if amount is not None else 0.8
        if spot.date > today:
            plaus = 0.0
        elif (today - spot.date).days > 5 * 365:  # care is claimed within two years
            plaus *= 0.3
        cands.append(candidate(spot.date.isoformat(), plaus, anchor, spot.value.conf, spot.value, rank=i))
        if i >= 3:
            break
    if put_pick(ctx, KIND, "care_date", pick(cands)) is None:
        ctx.put_none("care_date", 0.2)
    sheet.act_rows = {(s.page.index, s.row) for s, _ in acts}
    return [(s.date.isoformat(), a) for s, a in acts]


def _total_patterns() -> list[str]:
    labels = sorted(vocab.load(VOCAB)["fields"]["total_amount"], key=lambda e: -float(e.get("weight", 1)))
    strong = [re.escape(norm_text(e["label"])) for e in labels if float(e.get("weight", 1)) >= 0.9]
    weak = [re.escape(norm_text(e["label"])) for e in labels if float(e.get("weight", 1)) < 0.9]
    return ["|".join(strong)] + (["|".join(weak)] if weak else [])


def read_total(ctx: Context, acts) -> None:
    got = amount_by_labels(ctx.pages, _total_patterns())
    amounts = [a for _, a in acts if a is not None]
    acts_sum = sum(amounts, Decimal("0")) if amounts else None
    complete = acts_sum is not None and len(amounts) == len(acts)
    if got:
        amount, v, rank = got
        agrees = acts_sum is not None and Decimal(amount) == acts_sum
        if complete and not agrees:
            expected = to_decimal_string(acts_sum)
            if reread_amount(ctx, v, expected, "total"):
                c = candidate(expected, 0.9, 1.0 - 0.3 * rank, v.conf, v, sum_agrees=1.0, reread=1.0)
                ctx.put("total_amount", expected, confidence(KIND, "total_amount", c.score), v,
                        source_text=f"read again: {expected}")
                ctx.warnings.append(warning("read.total_read_again", amount=amount, expected=expected))
                return
        plaus = 1.0 if agrees else 0.45 if complete else 0.7
        c = candidate(amount, plaus, 1.0 - 0.3 * rank, v.conf, v, sum_agrees=float(agrees))
        ctx.put("total_amount", amount, confidence(KIND, "total_amount", c.score), v)
        if complete and not agrees:
            ctx.warnings.append(warning("read.total_differs", amount=amount, sum=to_decimal_string(acts_sum)))
        return
    if acts_sum is not None:
        c = candidate(to_decimal_string(acts_sum), 0.8 if complete else 0.4, 0.3, 0.8, from_lines=1.0)
        ctx.put("total_amount", to_decimal_string(acts_sum), confidence(KIND, "total_amount", c.score), page=1)
        return
    ctx.put_none("total_amount", 0.2)
