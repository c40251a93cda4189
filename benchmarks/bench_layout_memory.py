"""What one correction teaches: ``make bench-layout-memory``.

For each made-up issuer (tests/layouts/made_up_issuers.py: layouts the reader was never tuned
on), a series of papers whose patient, dates, number and amounts differ, each scanned a little
differently (shifted, turned by a fraction of a degree, at another resolution, with noise). The
first paper is imported and its date, total and patient corrected through the service the
document pane uses; the next ones are imported. Reported: the fields right on the papers after
the first, by the reader alone and after the correction; what keeping each page's words costs in
the database; how long a correction (learning included) and reading by a remembered layout take.
Figures go to docs/benchmarks.md between <!-- bench:layout-memory --> markers.

    python benchmarks/bench_layout_memory.py [--papers 8] [--no-report] [--verbose]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from PIL import Image, ImageFilter  # noqa: E402

from tests.layouts import made_up_issuers as issuers  # noqa: E402

FIELDS = ("date", "total_amount", "patient_name")
LAYOUTS = {"podology invoice": issuers.podology_invoice, "nursing fee note": issuers.nursing_fee_note}


def scanned(image: Image.Image, rng: random.Random) -> Image.Image:
    """The page as another pass through the scanner: shifted, turned, resized, a little noisy."""
    angle = rng.uniform(-0.6, 0.6)
    page = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255, expand=False)
    canvas = Image.new("L", (page.width + 80, page.height + 80), 255)
    canvas.paste(page, (rng.randint(0, 80), rng.randint(0, 80)))
    scale = rng.uniform(0.9, 1.35)
    canvas = canvas.resize((round(canvas.width * scale), round(canvas.height * scale)),
                           Image.LANCZOS)
    noise = Image.effect_noise(canvas.size, 18).convert("L")
    return Image.blend(canvas, noise, 0.08).filter(ImageFilter.GaussianBlur(0.5))


def expected(paper) -> dict:
    return {"date": paper.issued.isoformat(), "total_amount": paper.total,
            "patient_name": paper.patient}


def right(values: dict, paper) -> int:
    want = expected(paper)
    return sum(values.get(n) == want[n] for n in FIELDS)


def run(count: int, verbose: bool = False) -> dict:
    from desktop_app import intake
    from desktop_app.services import documents, layout_memory
    from desktop_app.services.context import open_context

    results = {}
    rng = random.Random(7)
    for name, draw in LAYOUTS.items():
        with tempfile.TemporaryDirectory(prefix="bench-layout-") as tmp:
            folder = Path(tmp)
            papers = issuers.series(count)
            files = []
            for i, paper in enumerate(papers):
                path = folder / f"paper-{i + 1}.png"
                scanned(draw(paper), rng).save(path)
                files.append(path)
            alone = intake.read_documents(files[1:])
            alone_right = sum(right({n: r.value(n) for n in FIELDS}, p)
                              for r, p in zip(alone, papers[1:]))
            ctx = open_context(folder / "data")
            try:
                [first] = documents.import_files(ctx, [files[0]])
                started = time.perf_counter()
                for field, typed in (("date", papers[0].issued.strftime("%d/%m/%Y")),
                                     ("total_amount", papers[0].total.replace(".", ",")),
                                     ("patient_name", papers[0].patient)):
                    documents.confirm_document(ctx, first.document_id, {field: typed},
                                               confirm_others=False)
                correcting = (time.perf_counter() - started) / 3
                outcomes = documents.import_files(ctx, files[1:])
                after = 0
                for outcome, paper in zip(outcomes, papers[1:]):
                    doc = ctx.store.document(outcome.document_id)
                    values = {n: doc.fields[n].value if n in doc.fields else None for n in FIELDS}
                    after += right(values, paper)
                    for n in FIELDS:
                        if verbose and values[n] != expected(paper)[n]:
                            print(f"  {name}, {outcome.path}: {n} read {values[n]!r}, "
                                  f"printed {expected(paper)[n]!r}")
                sizes = [len(ctx.store.document_pages(o.document_id) or b"") for o in outcomes]
                layouts = layout_memory.remembered_layouts(ctx)
                applying = _apply_time(outcomes, ctx, layouts)
            finally:
                ctx.close()
            results[name] = {
                "papers": count - 1, "fields": 3 * (count - 1), "alone": alone_right,
                "after": after, "bytes": statistics.median(sizes), "correct_s": correcting,
                "apply_ms": applying * 1000,
            }
    return results


def _apply_time(outcomes, ctx, layouts) -> float:
    """The time remembered.apply adds to reading one page (median over the papers)."""
    import json
    import zlib

    from desktop_app.intake import remembered
    from desktop_app.intake.page_words import page_from_plain

    times = []
    for outcome in outcomes:
        pages = [page_from_plain(p) for p in json.loads(zlib.decompress(
            ctx.store.document_pages(outcome.document_id)))]
        started = time.perf_counter()
        remembered.apply(pages, "invoice", {}, layouts)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def write_report(results: dict) -> None:
    path = REPO / "docs" / "benchmarks.md"
    rows = [
        f"| {name} | {r['papers']} | {r['alone']}/{r['fields']} | {r['after']}/{r['fields']} "
        f"| {r['bytes'] / 1024:.1f} KB | {r['correct_s'] * 1000:.0f} ms | {r['apply_ms']:.0f} ms |"
        for name, r in results.items()
    ]
    body = (
        "<!-- bench:layout-memory -->\n"
        "## What one correction teaches (`make bench-layout-memory`)\n\n"
        "Made-up issuers whose layouts the reader was never tuned on "
        "(tests/layouts/made_up_issuers.py), each paper of a series with its own patient, dates, "
        "number and amounts, and scanned differently (shifted, turned up to 0.6°, resized 0.9–1.35×, "
        "noise). The first paper's date, total and patient are corrected through the document "
        "pane's service; the fields counted are those three on the papers after it. "
        f"{os.cpu_count()} CPUs, tesseract `-l fra`; measured {time.strftime('%Y-%m-%d')}.\n\n"
        "| issuer's layout | papers after the first | right, reader alone | right, after one "
        "correction | page words kept (per page, compressed) | one field corrected (learning "
        "included) | reading by the remembered layout (per page) |\n"
        "|---|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
        "A field still wrong after the correction is one OCR misread at its place (a digit "
        "read as another: `--verbose` lists them). The test "
        "tests/layouts/test_learning_from_corrections.py asserts the same on five papers of one "
        "issuer, scanned alike: the reader alone 0 of 12 fields right, after one correction 12 "
        "of 12.\n<!-- /bench:layout-memory -->"
    )
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    start, end = text.find("<!-- bench:layout-memory -->"), text.find("<!-- /bench:layout-memory -->")
    if start >= 0 and end > start:
        text = text[:start] + body + text[end + len("<!-- /bench:layout-memory -->"):]
    else:
        text = text.rstrip() + "\n\n" + body + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=8)
    parser.add_argument("--no-report", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="say each field read wrong")
    args = parser.parse_args(argv)
    results = run(args.papers, args.verbose)
    for name, r in results.items():
        print(f"{name}: reader alone {r['alone']}/{r['fields']}, after one correction "
              f"{r['after']}/{r['fields']}; {r['bytes'] / 1024:.1f} KB of page words per page; "
              f"a correction {r['correct_s'] * 1000:.0f} ms; apply {r['apply_ms']:.0f} ms")
    if not args.no_report:
        write_report(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
