"""Making a corpus: for each kind and index, one document, its ground truth and its manifest row."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from tools.intake_corpus import degrade, kinds_billing, kinds_cards, kinds_medical, output
from tools.intake_corpus.style import SPLIT_GROUP, Ctx

BUILDERS = {
    "care_sheet": kinds_medical.care_sheet,
    "prescription": kinds_medical.prescription,
    "invoice": kinds_billing.invoice,
    "receipt": kinds_billing.receipt,
    "pharmacy_receipt": kinds_billing.pharmacy_receipt,
    "rights_certificate": kinds_cards.rights_certificate,
    "mutuelle_card": kinds_cards.mutuelle_card,
    "other": kinds_cards.other,
}
KINDS = list(BUILDERS)
# The fields of each kind, in ground-truth order (the three first kinds as in the shared scorer).
SCHEMA = {
    "prescription": ["date", "prescriber_name", "prescriber_rpps", "patient_name", "patient_birth_date", "ald", "items"],
    "care_sheet": ["patient_name", "nir", "birth_date", "signed", "care_date", "total_amount"],
    "invoice": ["supplier", "invoice_number", "date", "total_amount", "lpp_codes", "patient_name"],
    "receipt": ["practitioner_name", "date", "total_amount", "patient_name"],
    "pharmacy_receipt": ["supplier", "date", "total_amount"],
    "rights_certificate": ["patient_name", "nir", "birth_date", "caisse"],
    "mutuelle_card": ["patient_name", "member_number", "amc_number", "organisation"],
    "other": [],
}
# Papers people usually get as PDF files rather than on paper.
DIGITAL = {"invoice", "receipt", "pharmacy_receipt", "rights_certificate", "other"}
# How likely filled-in values are handwritten, per kind.
HAND = {"care_sheet": 0.45, "prescription": 0.3, "receipt": 0.3}


@dataclass
class Document:
    kind: str
    pages: list
    truth: dict
    ctx: Ctx


def doc_rng(seed: int, split: str, kind: str, index: int) -> random.Random:
    # Seeded by a string: the same document whatever the count or the other kinds asked for.
    return random.Random(f"paperasse-intake-corpus/{seed}/{split}/{kind}/{index}")


def make(seed: int, split: str, kind: str, index: int, dpi: int | None = None) -> tuple[Document, random.Random]:
    rng = doc_rng(seed, split, kind, index)
    group = SPLIT_GROUP[split]
    dpi = dpi or rng.choice((150, 200, 200, 200, 250, 300, 300))
    ctx = Ctx(rng, group, dpi, HAND.get(kind, 0.0))
    pages, truth = BUILDERS[kind](ctx)
    return Document(kind, pages, truth, ctx), rng


def write(doc: Document, rng: random.Random, folder: Path, stem: str, fmt: str | None = None) -> dict:
    """Render and save one document with its ground truth; return its manifest row."""
    if fmt is None:
        r = rng.random()
        if doc.kind in DIGITAL and r < 0.15 and output.text_pdf_available():
            fmt = "pdf-text"
        elif r < 0.45:
            fmt = "jpg"
        elif r < 0.72:
            fmt = "png"
        elif r < 0.93:
            fmt = "pdf-scan"
        else:
            fmt = "tiff"
    if fmt == "pdf-text" and not output.text_pdf_available():
        fmt = "pdf-scan"
    capture = "digital" if fmt == "pdf-text" else (
        "photo" if fmt == "jpg" and rng.random() < (0.6 if doc.kind == "mutuelle_card" else 0.3) else "scan")
    ext = {"jpg": "jpg", "png": "png", "pdf-scan": "pdf", "pdf-text": "pdf", "tiff": "tif"}[fmt]
    path = folder / f"{stem}.{ext}"
    degradations: list[str] = []
    if fmt == "pdf-text":
        output.save_text_pdf(doc.pages, path)
    else:
        images = []
        for page in (doc.pages if fmt in ("pdf-scan", "tiff") else doc.pages[:1]):
            image, done = page.image, []
            if capture == "scan" and image.width < page.px(120) and rng.random() < 0.6:
                image = degrade.on_flatbed(image, page.px(210), page.px(297), rng)  # a ticket on an A4 scanner
                done.append("flatbed")
            image, more = (degrade.photo if capture == "photo" else degrade.scan)(image, rng)
            images.append(image)
            if len(images) == 1:  # the first page's, as the manifest reports
                degradations = done + more
        quality = rng.randint(35, 90)
        if fmt == "jpg":
            degradations = degradations + [f"jpeg{quality}"]
            degrade_dpi = doc.ctx.dpi if capture == "scan" else 96
            output.save_image(images[0], path, "jpg", degrade_dpi, quality)
        elif fmt == "png":
            output.save_image(images[0], path, "png", doc.ctx.dpi)
        elif fmt == "tiff":
            bilevel = rng.random() < 0.5
            degradations = degradations + (["bilevel"] if bilevel else [])
            output.save_tiff(images, path, doc.ctx.dpi, bilevel)
        else:
            output.save_scan_pdf(images, path, doc.ctx.dpi, quality)
    truth = {"kind": doc.kind, "fields": doc.truth}
    (folder / f"{stem}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", "utf-8")
    ctx = doc.ctx
    return {"file": path.name, "kind": doc.kind, "split": None, "group": ctx.group, "variant": ctx.family(),
            "family": ctx.family(), "wording": dict(sorted(ctx.words.items())),
            "formats": {k: v for k, v in ctx.choices.items() if k.endswith("_format")},
            "font": ctx.font.body.name, "hand_font": ctx.font.hand.name if ctx.font.hand else None,
            "degradations": degradations or ["clean"], "format": fmt, "capture": capture,
            "pages": len(doc.pages) if fmt in ("pdf-scan", "pdf-text", "tiff") else 1,
            "dpi": doc.ctx.dpi if capture != "photo" else None}


def generate(out: Path, split: str, count: int, seed: int = 0, kinds: list[str] | None = None,
             fmt: str | None = None, dpi: int | None = None, progress=None) -> list[dict]:
    """`count` documents of each kind into `out`, with manifest.jsonl. Returns the manifest rows."""
    if split not in SPLIT_GROUP:
        raise ValueError(f"unknown split {split!r}: choose among {', '.join(SPLIT_GROUP)}")
    kinds = kinds or KINDS
    unknown = [k for k in kinds if k not in BUILDERS]
    if unknown:
        raise ValueError(f"unknown kind(s) {', '.join(unknown)}: choose among {', '.join(KINDS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    total = count * len(kinds)
    for index in range(count):
        for kind in kinds:
            doc, rng = make(seed, split, kind, index, dpi)
            row = write(doc, rng, out, f"{split}_{kind}_{index:04d}", fmt)
            row["split"] = split
            rows.append(row)
            if progress:
                progress(len(rows), total, row)
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows
