"""Household-wide answers at scale: ``make bench-household``.

For generated households (benchmarks/household.py: four people, claims over ten years, payer
histories, one document with a real stored original per claim) of 2,000, 8,000 and 50,000 claims,
each command runs as a user runs it, a new process (``paperasse --data-dir D …``), median of 3:
``status --json`` (the first time, when every status is worked out; again; after one payment),
``check --json``, ``export claims``, ``claim list --json``, ``person list``, ``statement match`` on
a 20-line statement, and, in-process, the dashboard: its money figures
(``overview.household_totals``), then its lists (``overview.claim_list(detailed=True)``). The ratio
between sizes says how the cost grows: linear is 4× from 2,000 to 8,000 and 6.25× from 8,000 to
50,000. Figures go to docs/benchmarks.md between <!-- bench:household --> markers.

    python benchmarks/bench_household.py [--sizes 2000,8000,50000] [--runs 3] [--no-report]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import household  # noqa: E402

COMMANDS = {
    "status --json": ["status", "--json"],
    "status --json after one payment": ["status", "--json"],
    "check --json": ["check", "--json"],
    "export claims": ["export", "claims", "{out}", "--force"],
    "claim list --json": ["claim", "list", "--json"],
    "person list": ["person", "list"],
    "statement match (20 lines)": ["statement", "match", "{statement}", "--json"],
}
TARGETS = {"status --json": 1.0, "check --json": 1.0, "person list": 0.5,
           "status --json after one payment": 1.0, "dashboard first figures (in-process)": 0.5}


def timed(root: Path, args: list[str], out: Path, statement: int = 0) -> float:
    argv = [sys.executable, "-m", "desktop_app", "--data-dir", str(root),
            *[a.replace("{out}", str(out)).replace("{statement}", str(statement)) for a in args]]
    start = time.perf_counter()
    # As installed: Python keeps the compiled modules (an environment that forbids writing them
    # would make every run compile the whole program first).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO,
                          env=dict(env, OMP_THREAD_LIMIT="1"))
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr.decode()[-300:]}")
    return elapsed


def dashboard(root: Path, first: bool) -> float:
    """The dashboard's work as the window does it on a worker: its money figures first, then
    every claim's status for its lists."""
    from desktop_app.services import overview
    from desktop_app.services.context import open_context

    ctx = open_context(root, auto_backup=False, tidy=False)
    try:
        start = time.perf_counter()
        if first:
            overview.household_totals(ctx)
        else:
            overview.claim_list(ctx, detailed=True)
        return time.perf_counter() - start
    finally:
        ctx.close()


def add_statement(root: Path) -> int:
    """A CPAM statement of 20 lines taken from the household's claims, as the intake stores one."""
    from desktop_app.services.context import open_context
    from desktop_app.store.db import now

    ctx = open_context(root, auto_backup=False, tidy=False)
    try:
        picked = ctx.store.claims()[::max(1, len(ctx.store.claims()) // 20)][:20]
        names = {p.id: p.name for p in ctx.store.people()}
        lines = [{"care_date": c.care_date.isoformat(), "amount_paid": c.amount_paid,
                  "patient_name": names[c.person_id].upper(), "label": c.title,
                  "refund": "5.00"} for c in picked]
        stamp = now()
        with ctx.store.transaction():
            db = ctx.store.db
            doc = db["documents"].insert({
                "kind": "statement", "sha256": "bench-statement", "original_name": "releve.pdf",
                "stored_name": "bench-statement.pdf", "size": 1, "pages": 1,
                "read_state": "read", "warnings": "[]", "imported_at": stamp}).last_pk
            for name, value in (("payer", "cpam"), ("statement_date", "2026-11-30"),
                                ("lines", lines)):
                db["document_fields"].insert({
                    "document_id": doc, "name": name, "value": json.dumps(value),
                    "source": "ocr", "confidence": 0.9, "confirmed": 1, "updated_at": stamp})
        return doc
    finally:
        ctx.close()


def pay_one(root: Path) -> None:
    """One payment recorded, as a user does between two looks at the household."""
    from desktop_app.services import tracking
    from desktop_app.services.context import open_context

    ctx = open_context(root, auto_backup=False, tidy=False)
    try:
        from desktop_app.core.errors import UserError

        every = ctx.store.claims()
        for claim in every[len(every) // 2:]:  # the first whose CPAM track takes a payment
            try:
                tracking.record_payment(ctx, claim.id, "cpam", "1.00", "2026-11-30")
                return
            except UserError:
                continue
    finally:
        ctx.close()


def measure(size: int, runs: int, work: Path) -> dict[str, float]:
    root = work / f"h{size}" / "data"
    built = time.perf_counter()
    household.build(root, size)
    statement = add_statement(root)
    print(f"{size:,} claims built in {time.perf_counter() - built:.0f} s", flush=True)
    timed(root, ["person", "list"], work / "x.csv")  # the day's first start: backup, integrity check
    figures = {}
    # The first answer after the statuses were last worked out (a new version, edited rules):
    # every claim's status is worked out and kept.
    figures["status --json, every status worked out"] = timed(root, ["status", "--json"],
                                                              work / "x.csv")
    print(f"  first status: {figures['status --json, every status worked out']:.2f} s", flush=True)
    for name, args in COMMANDS.items():
        samples = []
        for _ in range(runs):
            if name.endswith("after one payment"):
                pay_one(root)
            samples.append(timed(root, args, work / "claims.csv", statement))
        figures[name] = statistics.median(samples)
        print(f"  {name}: {figures[name]:.2f} s", flush=True)
    for first, name in ((True, "dashboard first figures (in-process)"),
                        (False, "dashboard lists (in-process)")):
        figures[name] = statistics.median(dashboard(root, first) for _ in range(runs))
        print(f"  {name}: {figures[name]:.2f} s", flush=True)
    return figures


def write_report(sizes: list[int], results: dict[int, dict[str, float]]) -> None:
    path = REPO / "docs" / "benchmarks.md"
    names = list(results[sizes[0]])
    head = "| answer | " + " | ".join(f"{s:,} claims" for s in sizes)
    ratios = [f"{b:,}/{a:,}" for a, b in zip(sizes, sizes[1:])]
    head += "".join(f" | growth {r}" for r in ratios) + " | target at the largest |\n"
    head += "|---" * (2 + len(sizes) - 1 + len(ratios)) + "|---|\n"
    rows = []
    for name in names:
        cells = [f"{results[s][name]:.2f} s" for s in sizes]
        growth = [f"{results[b][name] / results[a][name]:.1f}×" for a, b in zip(sizes, sizes[1:])]
        target = TARGETS.get(name)
        mark = "" if target is None else (
            f"≤ {target} s {'✓' if results[sizes[-1]][name] <= target else '✗ missed'}")
        rows.append(f"| {name} | " + " | ".join(cells + growth) + f" | {mark} |")
    body = (
        "<!-- bench:household -->\n"
        "## Household-wide answers (`make bench-household`)\n\n"
        f"Generated households (benchmarks/household.py), each command a new process as a user "
        f"runs it, median of the runs; {os.cpu_count()} CPUs; measured {time.strftime('%Y-%m-%d')}. "
        "Linear growth is the ratio of the sizes (4× from 2,000 to 8,000, 6.25× from 8,000 to "
        "50,000). Each claim's status is kept between runs (services/household.py): the first "
        "row is the run that works every status out (after an upgrade or an edited rule file), "
        "the others reuse what still holds.\n\n" + head + "\n".join(rows) + "\n<!-- /bench:household -->"
    )
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    start, end = text.find("<!-- bench:household -->"), text.find("<!-- /bench:household -->")
    if start != -1 and end != -1:
        text = text[:start] + body + text[end + len("<!-- /bench:household -->"):]
    else:
        text = text.rstrip("\n") + "\n\n" + body + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="bench_household")
    parser.add_argument("--sizes", default="2000,8000,50000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-report", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            results[size] = measure(size, args.runs, Path(tmp))
    if not args.no_report:
        write_report(sizes, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
