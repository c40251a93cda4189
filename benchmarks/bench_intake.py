"""Scan-intake benchmark: corpus accuracy, real invoices, per-page and batch timing.

Run from the repository root (``make bench-intake``). Writes its figures into
docs/benchmarks.md between ``<!-- bench:intake -->`` and ``<!-- /bench:intake -->``,
leaving the other sections alone.

``--start-cost [--runs N] [--base DIR]``: only what one ``paperasse extract PAGE --json`` costs as a
new process against bare ``tesseract PAGE - -l fra``, runs interleaved, medians of wall time and
of CPU time (user + system, children included), and each start-up step on its own; ``--base``
names an unpacked older checkout to measure beside this one (its code run by the same Python).
Writes ``<!-- bench:intake-start -->``.
"""

from __future__ import annotations

import json
import os
import re
import resource
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
START_COST = ("<!-- bench:intake-start -->", "<!-- /bench:intake-start -->")
PAGE = CORPUS / "dev_001.jpg"

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


def write_section(body: str, marks: tuple[str, str] = (START, END)) -> None:
    start, end = marks
    DOC.parent.mkdir(parents=True, exist_ok=True)
    text = DOC.read_text("utf-8") if DOC.exists() else "# Benchmarks\n"
    section = f"{start}\n{body.rstrip()}\n{end}"
    if start in text and end in text:
        text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    DOC.write_text(text, "utf-8")


# -- start cost of one command ------------------------------------------------------------------


def _timed(cmd: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, its children included) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def start_cost_commands(page: Path, base: Path | None = None) -> dict[str, tuple[list[str], dict, Path]]:
    python = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() \
        else sys.executable
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    env.pop("PYTHONPATH", None)
    # An installed app runs from compiled modules (pip and the packagers write them): so here too.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    import compileall

    for tree in (ROOT, base):
        if tree is not None:
            compileall.compile_dir(str(tree / "desktop_app"), quiet=1)
    run_cli = "import sys; from desktop_app.cli.main import main; sys.exit(main())"
    imports = ("import desktop_app.cli.main, desktop_app.cli.extract_cmd, desktop_app.services.extract, "
               "desktop_app.intake")
    cmds = {
        "bare tesseract": (["tesseract", str(page), "-", "-l", "fra"], env, ROOT),
        "extract command": ([python, "-c", run_cli, "extract", str(page), "--json"], env, ROOT),
        "extract command, reading in process (tesserocr)": (
            [python, "-c", run_cli, "extract", str(page), "--json"], {**env, "PAPERASSE_OCR_BACKEND": "library"},
            ROOT),
        "python start": ([python, "-c", "pass"], env, ROOT),
        "python start + imports of extract": ([python, "-c", imports], env, ROOT),
        "tesseract --list-langs": (["tesseract", "--list-langs"], env, ROOT),
    }
    if base is not None:
        benv = {**env, "PYTHONPATH": str(base)}
        cmds["extract command, before"] = ([python, "-c", run_cli, "extract", str(page), "--json"], benv, base)
        cmds["python start + imports of extract, before"] = (
            [python, "-c", "import desktop_app.cli.main, desktop_app.cli.documents_cmd, "
                           "desktop_app.services.documents, desktop_app.intake"], benv, base)
    return cmds


def start_cost(runs: int = 7, base: Path | None = None, page: Path = PAGE) -> dict[str, dict]:
    """Every command run ``runs`` times, interleaved (a load spike hits all of them alike)."""
    cmds = start_cost_commands(page, base)
    for cmd, env, cwd in cmds.values():  # warm the disk cache and the tesseract cache file
        subprocess.run(cmd, env=env, cwd=cwd, capture_output=True)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, (cmd, env, cwd) in cmds.items():
            times[name].append(_timed(cmd, env, cwd))
    return {name: {"wall": statistics.median(w for w, _ in got), "cpu": statistics.median(c for _, c in got),
                   "runs": len(got)} for name, got in times.items()}


# One extract command's steps, timed inside a new process (run with either checkout's code):
# what the command imports, the tesseract check, the page opened and prepared, its read, the
# kind and fields, and how many tesseract processes the page cost.
STEP_PROBE = r"""
import json, os, subprocess, sys, time
t0 = time.perf_counter()
runs = []
_popen = subprocess.Popen.__init__
def counted(self, args, *a, **k):
    runs.append(" ".join(map(str, args[1:3])))
    _popen(self, args, *a, **k)
subprocess.Popen.__init__ = counted
import desktop_app.cli.main
try:
    import desktop_app.cli.extract_cmd, desktop_app.services.extract
except ImportError:
    import desktop_app.cli.documents_cmd, desktop_app.services.documents
import desktop_app.intake
from desktop_app.intake import ocr, ocr_words, pipeline, tesseract_program
from desktop_app.intake.sources import open_pages
from desktop_app.intake.classify import classify
from desktop_app.intake.extract_common import Context
t1 = time.perf_counter()
cmd = tesseract_program._resolve(None)
tesseract_program.ocr_available(cmd)
t2 = time.perf_counter()
_, pages = open_pages(sys.argv[1])
image = pages[0].load_image()
t3 = time.perf_counter()
engine = ocr.OcrEngine(cmd)
extra = {"source_file": pages[0].file} if getattr(pages[0], "file", None) else {}
page = ocr_words.ocr_page(engine, image, 1, dpi=pages[0].dpi, **extra)
t4 = time.perf_counter()
kind, _ = classify([page])
ctx = Context(pages=[page], engine=engine)
found = pipeline.extractor_for(kind)
if found:
    found(ctx)
t5 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "tesseract check": t2 - t1, "open and prepare": t3 - t2,
                  "page read": t4 - t3, "kind and fields": t5 - t4,
                  "tesseract processes": len(runs), "runs": runs}))
"""


def steps(runs: int = 5, base: Path | None = None, page: Path = PAGE) -> dict:
    """Each step's median over ``runs`` new processes, this checkout and ``base`` interleaved."""
    python = str(ROOT / ".venv" / "bin" / "python")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop(ocr_backend_env(), None)
    trees = {"now": (ROOT, {k: v for k, v in env.items() if k != "PYTHONPATH"})}
    if base is not None:
        trees["before"] = (base, {**env, "PYTHONPATH": str(base)})
    got: dict[str, list[dict]] = {name: [] for name in trees}
    for _ in range(runs):
        for name, (tree, tenv) in trees.items():
            out = subprocess.run([python, "-c", STEP_PROBE, str(page)], env=tenv, cwd=tree,
                                 capture_output=True, text=True, check=True).stdout
            got[name].append(json.loads(out.strip().splitlines()[-1]))
    return {name: {key: statistics.median(r[key] for r in rows) if key != "runs" else rows[-1][key]
                   for key in rows[0]} for name, rows in got.items()}


def ocr_backend_env() -> str:
    return "PAPERASSE_OCR_BACKEND"


def steps_rows(found: dict) -> str:
    keys = ["imports", "tesseract check", "open and prepare", "page read", "kind and fields"]
    now, before = found["now"], found.get("before")
    rows = []
    for key in keys:
        b = f"{before[key]:.3f}" if before else ""
        rows.append(f"| {key} | {b} | {now[key]:.3f} |")
    total_b = f"{sum(before[k] for k in keys):.3f}" if before else ""
    rows.append(f"| **sum of the steps** | {total_b} | {sum(now[k] for k in keys):.3f} |")
    tb = f"{before['tesseract processes']:.0f}" if before else ""
    rows.append(f"| tesseract processes started | {tb} | {now['tesseract processes']:.0f} |")
    return "\n".join(rows)


def in_process(runs: int = 5, page: Path = PAGE, batch_pages: int = 6) -> dict:
    """One page read by ``read_document`` in a warm process, each reader, against bare tesseract
    (interleaved, medians); and a batch on every core against the same pages one at a time."""
    from desktop_app.intake import read_document, read_documents, tesseract_program

    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    kinds = ["process"] + (["library"] if _library_works() else [])

    def read(kind: str, p: Path = page, workers: int = 1):
        os.environ[tesseract_program.BACKEND_ENV] = kind
        return read_document(p, workers=workers)

    for kind in kinds:
        read(kind)  # imports, language data, caches
    times: dict[str, list[float]] = {"bare tesseract": [], **{k: [] for k in kinds}}
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(["tesseract", str(page), "-", "-l", "fra"], env=env, capture_output=True, check=True)
        times["bare tesseract"].append(time.perf_counter() - t)
        for kind in kinds:
            t = time.perf_counter()
            read(kind)
            times[kind].append(time.perf_counter() - t)
    pages = sorted(p for p in CORPUS.iterdir() if p.suffix in (".jpg", ".png"))[:batch_pages]
    batch = {}
    for kind in kinds:
        os.environ[tesseract_program.BACKEND_ENV] = kind
        t = time.perf_counter()
        for p in pages:
            read_document(p, workers=1)
        one = time.perf_counter() - t
        t = time.perf_counter()
        read_documents(pages, workers=os.cpu_count())
        batch[kind] = (one, time.perf_counter() - t)
    os.environ.pop(tesseract_program.BACKEND_ENV, None)
    return {"page": {k: statistics.median(v) for k, v in times.items()}, "batch": batch,
            "pages": len(pages), "runs": runs}


def _library_works() -> bool:
    from desktop_app.intake import ocr, tesseract_program

    os.environ[tesseract_program.BACKEND_ENV] = "library"
    try:
        cmd = tesseract_program._resolve(None)
        return bool(cmd) and ocr.reader_kind(cmd) == "library"
    finally:
        os.environ.pop(tesseract_program.BACKEND_ENV, None)


def make_run_start(runs: int = 3) -> dict:
    """``make run`` a second time (stamps current), until the window has painted once; what
    make itself ran before the app (only the app's command, when nothing changed)."""
    subprocess.run(["make", "-s", "-q", "system-deps", "translations"], cwd=ROOT, capture_output=True)
    dry = subprocess.run(["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    times: dict[str, list[float]] = {"make": [], "app": []}
    commands = {"make": ["make", "run"], "app": [str(ROOT / ".venv" / "bin" / "paperasse")]}
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "PAPERASSE_STARTUP_MARKER": "1", "QT_QPA_PLATFORM": "offscreen",
               "PAPERASSE_HOME": home}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled modules
        for i in range(runs + 1):  # the first round creates the data folder
            for name, cmd in commands.items():  # interleaved: make run, then the app alone
                start = time.perf_counter()
                proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                        env=env, cwd=ROOT, text=True, start_new_session=True)
                for line in proc.stdout:
                    if "window shown" in line:
                        if i:
                            times[name].append(time.perf_counter() - start)
                        break
                os.killpg(proc.pid, 15)
                proc.wait()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {"wall": statistics.median(times["make"]) if times["make"] else float("nan"),
            "app": statistics.median(times["app"]) if times["app"] else float("nan"),
            "runs": len(times["make"]), "make_ran": dry, "load": load}


def in_process_rows(got: dict) -> str:
    bare = got["page"]["bare tesseract"]
    names = {"bare tesseract": "bare `tesseract` (a new process)", "process": "`read_document`, tesseract run as a program",
             "library": "`read_document`, tesseract in process (tesserocr)"}
    rows = [f"| {names[k]} | {v:.3f} | {v / bare:.2f} |" for k, v in got["page"].items()]
    for kind, (one, many) in got["batch"].items():
        rows.append(f"| {got['pages']} pages one at a time, then as one batch ({names[kind].split(', ')[1]}) | "
                    f"{one:.2f} → {many:.2f} | speed-up {one / many:.2f}× |")
    return "\n".join(rows)


def start_cost_section(found: dict[str, dict], page: Path = PAGE, make_run: dict | None = None,
                       inproc: dict | None = None, steps_found: dict | None = None) -> str:
    bare = found["bare tesseract"]
    rows = []
    for name, f in found.items():
        ratio = f"{f['wall'] / bare['wall']:.2f}" if name.startswith(("extract", "bare")) else ""
        cpu_ratio = f"{f['cpu'] / bare['cpu']:.2f}" if name.startswith(("extract", "bare")) else ""
        rows.append(f"| {name} | {f['wall']:.3f} | {ratio} | {f['cpu']:.3f} | {cpu_ratio} |")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"""## Start cost of one command (`benchmarks/bench_intake.py --start-cost`)

`paperasse extract {page.name} --json` as a new process against bare `tesseract {page.name} - -l fra`,
{found['bare tesseract']['runs']} runs of each, interleaved, medians; wall time and CPU time (user +
system, children included); {os.cpu_count()} cores, load average {load:.1f} at the end (other work was
running on the machine); measured {time.strftime('%Y-%m-%d')}. Target: extract ≤ 1.2× bare tesseract.

| command | wall s | × tesseract | CPU s | × tesseract |
|---|---|---|---|---|
{chr(10).join(rows)}
""" + (f"""
Where the time goes, step by step inside one new process (seconds, medians of {steps_found['runs_n']}
new processes, this code and the code before interleaved; "page read" is tesseract's, and on this
grey JPEG scan "open and prepare" no longer decodes the page: only a 1/8-scale sample of it):

| step | before | now |
|---|---|---|
{steps_rows(steps_found)}
""" if steps_found else "") + (f"""
In a warm process (the window, a batch import), {inproc['runs']} runs interleaved, medians:

| reading {page.name} | seconds | × tesseract |
|---|---|---|
{in_process_rows(inproc)}
""" if inproc else "") + (f"""
`make run` a second time (nothing changed): make runs only `{' '.join(make_run['make_ran'])}` (the
system-package check and the translations are skipped by their stamp files); the window has painted
{make_run['wall']:.2f} s after `make run`, {make_run['app']:.2f} s after starting the app itself (medians of
{make_run['runs']}, interleaved, empty data folder, offscreen, load average {make_run['load']:.1f}).
""" if make_run else "")


def main() -> int:
    if "--start-cost" in sys.argv:
        runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 7
        base = Path(sys.argv[sys.argv.index("--base") + 1]) if "--base" in sys.argv else None
        found = start_cost(runs, base)
        print(json.dumps(found, indent=1))
        make_run = make_run_start()
        print(json.dumps(make_run))
        inproc = in_process()
        print(json.dumps(inproc))
        steps_found = steps(runs, base)
        steps_found["runs_n"] = runs
        print(json.dumps(steps_found))
        write_section(start_cost_section(found, make_run=make_run, inproc=inproc, steps_found=steps_found),
                      START_COST)
        print(f"wrote {DOC.relative_to(ROOT)}")
        return 0
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
