"""Scan-intake benchmark: corpus accuracy, real invoices, per-page and batch timing.

Run from the repository root (``make bench-intake``). Writes its figures into
docs/benchmarks.md between ``<!-- bench:intake -->`` and ``<!-- /bench:intake -->``,
leaving the other sections alone.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "dev"
REAL = SHARED / "realdata" / "invoices_fr"
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench:intake -->", "<!-- /bench:intake -->"

sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def extract_command() -> str:
    paperasse = ROOT / ".venv" / "bin" / "paperasse"
    if paperasse.exists():
        return f"{shlex.quote(str(paperasse))} extract {{file}} --json"
    python = ROOT / ".venv" / "bin" / "python"
    python = python if python.exists() else Path(sys.executable)
    return f"{shlex.quote(str(python))} -m desktop_app.intake {{file}} --json"


def run_scorer(cmd: str) -> tuple[str, str]:
    out = subprocess.run(
        [sys.executable, str(SHARED / "corpus" / "score.py"), "--corpus", str(CORPUS), "--cmd", cmd],
        capture_output=True, text=True, cwd=ROOT,
    ).stdout
    lines = out.strip().splitlines()
    last = lines[-1] if lines else "scorer produced no output"
    table = []
    for line in lines:
        if re.match(r"^(prescription|care_sheet|invoice)\s+\[all fields\]", line) or "overall " in line[:12]:
            table.append(line.strip())
        if re.match(r"^\s+(prescription|care_sheet|invoice|overall)\s+\d", line):
            table.append("kind " + line.strip())
    return last, "\n".join(table)


def _iso(yyyymmdd: str) -> str:
    return f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:]}"


def real_invoices() -> list[dict]:
    cases = []
    for name in ("free_fiber", "NetpresseInvoice"):
        t = json.loads((REAL / f"{name}.json").read_text("utf-8"))[0]
        cases.append((REAL / f"{name}.pdf", t["date"], f"{t['amount']:.2f}", t["invoice_number"]))
    summary = json.loads((REAL / "facturx_fnfe" / "facturx_ground_truth_summary.json").read_text("utf-8"))
    for pdf, t in summary.items():
        cases.append((REAL / "facturx_fnfe" / pdf, _iso(t["issue_date"]), t["grand_total"], t["invoice_number"]))
    return cases


def rasterise(pdf: Path, folder: Path, dpi: int = 300) -> Path:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    images = [doc[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(doc))]
    doc.close()
    out = folder / f"{pdf.stem}.tiff"
    images[0].save(out, save_all=True, append_images=images[1:], dpi=(dpi, dpi), compression="tiff_deflate")
    return out


def score_real() -> tuple[list[str], dict]:
    from desktop_app.intake import read_document

    rows, totals = [], {"text": [0, 0], "ocr": [0, 0]}
    with tempfile.TemporaryDirectory() as tmp:
        for pdf, date, total, number in real_invoices():
            for mode in ("text", "ocr"):
                path = pdf if mode == "text" else rasterise(pdf, Path(tmp))
                r = read_document(path)
                got = (r.value("date"), r.value("total_amount"), r.value("invoice_number"))
                ok = [got[0] == date, got[1] == total, got[2] == number]
                all_ok = all(ok)
                totals[mode][0] += all_ok
                totals[mode][1] += 1
                marks = " ".join(f"{n}={'ok' if k else repr(g)}" for n, k, g in zip(("date", "total", "number"), ok, got))
                rows.append(f"| {pdf.name} | {'text layer' if mode == 'text' else 'OCR 300 dpi'} | {marks} |")
    return rows, totals


def median_time(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def timing() -> dict:
    from desktop_app.intake import read_document, read_documents

    page = CORPUS / "dev_001.jpg"
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    bare = median_time(lambda: subprocess.run(["tesseract", str(page), "-", "-l", "fra"], env=env,
                                              capture_output=True, check=True))
    read_document(page, workers=1)  # warm caches (imports, tesseract data)
    inproc = median_time(lambda: read_document(page, workers=1))
    cmd = shlex.split(extract_command().replace("{file}", shlex.quote(str(page))))
    cli = median_time(lambda: subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT))
    pages = sorted(p for p in CORPUS.iterdir() if p.suffix in (".jpg", ".png"))[:20]
    t = time.perf_counter()
    for p in pages:
        read_document(p, workers=1)
    sequential = time.perf_counter() - t
    t = time.perf_counter()
    read_documents(pages, workers=os.cpu_count())
    batch = time.perf_counter() - t
    return {"page": page.name, "bare": bare, "inproc": inproc, "cli": cli, "n": len(pages),
            "sequential": sequential, "batch": batch, "cores": os.cpu_count()}


def write_section(body: str) -> None:
    DOC.parent.mkdir(parents=True, exist_ok=True)
    text = DOC.read_text("utf-8") if DOC.exists() else "# Benchmarks\n"
    section = f"{START}\n{body.rstrip()}\n{END}"
    if START in text and END in text:
        text = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    DOC.write_text(text, "utf-8")


def main() -> int:
    cmd = extract_command()
    print(f"scoring the corpus with: {cmd}", flush=True)
    last, table = run_scorer(cmd)
    print(last, flush=True)
    rows, totals = score_real()
    print(f"real invoices: text {totals['text'][0]}/{totals['text'][1]}, OCR {totals['ocr'][0]}/{totals['ocr'][1]}", flush=True)
    t = timing()
    print(json.dumps(t), flush=True)
    body = f"""## Scan intake (`benchmarks/bench_intake.py`)

Measured {time.strftime('%Y-%m-%d')} on {t['cores']} cores, tesseract `-l fra`, `OMP_THREAD_LIMIT=1`.

### Corpus (`../shared/corpus/dev`, command `{cmd.replace(str(ROOT) + '/', '')}`)

```
{table}
{last}
```

### Real invoices (date, total, number all right)

Text layer: {totals['text'][0]}/{totals['text'][1]}; rasterised at 300 dpi and OCR'd: {totals['ocr'][0]}/{totals['ocr'][1]}.

| file | read from | result |
|---|---|---|
{chr(10).join(rows)}

### Timing

| measure | seconds | ratio |
|---|---|---|
| bare `tesseract {t['page']} - -l fra` | {t['bare']:.2f} | 1.00 |
| `read_document` in process (extraction included) | {t['inproc']:.2f} | {t['inproc'] / t['bare']:.2f} |
| extract command (new process each time) | {t['cli']:.2f} | {t['cli'] / t['bare']:.2f} |
| {t['n']} pages one at a time | {t['sequential']:.2f} | |
| {t['n']} pages as one batch (`read_documents`) | {t['batch']:.2f} | speed-up {t['sequential'] / t['batch']:.2f}x |
"""
    write_section(body)
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
