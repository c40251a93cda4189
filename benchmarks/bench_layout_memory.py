"""What one correction teaches: ``make bench-layout-memory``.

For each made-up issuer (tests/layouts/made_up_issuers.py: layouts the reader was never tuned
on), a series of papers whose patient, dates, number and amounts differ, each scanned a little
differently (shifted, turned by a fraction of a degree, at another resolution, with noise). The
first paper is imported and its date, total and patient corrected through the service the
document pane uses; the next ones are imported. Reported: the fields right on the papers after
the first, by the reader alone and after the correction; what keeping each page's words costs in
the database; how long a correction (learning included) and reading by a remembered layout take.
With ``--corpus DIR`` (the shared corpus, ``../shared/corpus/dev`` by default when it is there),
also what a diligent user's corrections on half of it (every field set to its ground truth) do
to the other half, read again with what they taught: the harm check (papers of other issuers
must not change). Figures go to docs/benchmarks.md between <!-- bench:layout-memory --> markers.

    python benchmarks/bench_layout_memory.py [--papers 8] [--corpus DIR] [--no-report] [--verbose]
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


def corpus_check(corpus: Path) -> dict:
    """Teach from the even papers' corrections, read the odd ones again: fields right before and
    after, and how often a remembered layout was used on them."""
    import json

    from desktop_app.services import documents, layout_memory
    from desktop_app.services.context import open_context

    papers = sorted(p for p in corpus.iterdir() if p.suffix.lower() in (".jpg", ".png", ".pdf")
                    and p.with_suffix(".json").exists())
    truth = {p: json.loads(p.with_suffix(".json").read_text(encoding="utf-8")) for p in papers}
    teach, scored = papers[0::2], papers[1::2]

    def same(a, b) -> bool:
        return (str(a).strip().casefold() if a is not None else None) == (
            str(b).strip().casefold() if b is not None else None)

    def right(doc, paper) -> tuple[int, int]:
        wanted = {n: v for n, v in truth[paper]["fields"].items() if not isinstance(v, (list, bool))}
        got = sum(same(doc.fields[n].value if n in doc.fields else None, v)
                  for n, v in wanted.items())
        return got, len(wanted)

    with tempfile.TemporaryDirectory(prefix="bench-layout-corpus-") as tmp:
        ctx = open_context(Path(tmp) / "data")
        try:
            outcomes = documents.import_files(ctx, scored)
            before = [right(ctx.store.document(o.document_id), p) for o, p in zip(outcomes, scored)]
            for o, p in zip(documents.import_files(ctx, teach), teach):
                doc = ctx.store.document(o.document_id)
                corrections = {n: v for n, v in truth[p]["fields"].items()
                               if v is not None and not isinstance(v, (list, bool))
                               and not same(doc.fields[n].value if n in doc.fields else None, v)}
                documents.confirm_document(ctx, doc.id, corrections)
            taught = len(layout_memory.list_layouts(ctx))
            after = [right(documents.reread_document(ctx, o.document_id), p)
                     for o, p in zip(outcomes, scored)]
            uses = sum(i.uses for i in layout_memory.list_layouts(ctx))
        finally:
            ctx.close()
    return {"taught_from": len(teach), "scored": len(scored), "layouts": taught, "uses": uses,
            "before": sum(r for r, _ in before), "after": sum(r for r, _ in after),
            "fields": sum(t for _, t in before)}


def write_report(results: dict, corpus: dict | None = None) -> None:
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
        "issuer, scanned alike: the reader alone sure of none of their 12 fields (it may suggest "
        "some, under 0.8), after one correction 12 of 12 right and sure.\n" + (
            f"\nThe shared corpus (`../shared/corpus/dev`), half of it corrected to its ground "
            f"truth ({corpus['taught_from']} papers, {corpus['layouts']} layouts remembered), the "
            f"other half ({corpus['scored']} papers) read again with what that taught: "
            f"{corpus['before']}/{corpus['fields']} fields right before, "
            f"{corpus['after']}/{corpus['fields']} after; a remembered layout used "
            f"{corpus['uses']} time(s). The corpus's invoices and prescriptions each print "
            "their own SIRET or RPPS, so none is taken for another's issuer; its care sheets, "
            "whose RPPS is not read from the page's words, share the form's printed heading and "
            "so one remembered layout, which only fills what the reader left empty unless a "
            "field was corrected.\n" if corpus else "")
        + "<!-- /bench:layout-memory -->"
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
    default_corpus = REPO.parent / "shared" / "corpus" / "dev"
    parser.add_argument("--corpus", type=Path,
                        default=default_corpus if default_corpus.is_dir() else None)
    args = parser.parse_args(argv)
    results = run(args.papers, args.verbose)
    for name, r in results.items():
        print(f"{name}: reader alone {r['alone']}/{r['fields']}, after one correction "
              f"{r['after']}/{r['fields']}; {r['bytes'] / 1024:.1f} KB of page words per page; "
              f"a correction {r['correct_s'] * 1000:.0f} ms; apply {r['apply_ms']:.0f} ms")
    corpus = corpus_check(args.corpus) if args.corpus else None
    if corpus:
        print(f"corpus: {corpus['before']}/{corpus['fields']} right before, {corpus['after']} "
              f"after; {corpus['layouts']} layouts taught, used {corpus['uses']} time(s)")
    if not args.no_report:
        write_report(results, corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
