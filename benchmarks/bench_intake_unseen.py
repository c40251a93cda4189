"""The intake on documents it was not tuned on: a generated corpus (tools/intake_corpus), per split.

    .venv/bin/python benchmarks/bench_intake_unseen.py [--split tune,test] [--count 40]
        [--kinds care_sheet,invoice,...] [--seed 0] [--workers 2] [--app-root DIR]
        [--show-errors N] [--out FILE.jsonl] [--corpus DIR] [--write-doc]

Generates `--count` documents of each kind per split into a cache outside the repository
(``$XDG_CACHE_HOME/paperasse/intake_corpus``, reused while the generator is unchanged), reads
each with ``desktop_app.intake.read_document`` — what ``paperasse extract`` runs — in a pool of
``--workers`` processes (OMP_THREAD_LIMIT=1), and scores with the normalisation of
``../shared/corpus/score.py`` (imported from there). Prints field accuracy per kind and field,
kind accuracy, and how the intake's confidences match its errors. ``--app-root`` measures the
``desktop_app`` of another checkout. ``--write-doc`` puts the figures in docs/benchmarks.md
between ``<!-- bench:intake-unseen -->`` markers.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").is_dir() else Path("/work/shared")
SCORER = SHARED / "corpus" / "score.py"
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench:intake-unseen -->", "<!-- /bench:intake-unseen -->"
BANDS = [(0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 1.0001)]
# The fields of the kinds the shared scorer does not know, typed with its own rules.
EXTRA_TYPES = {"practitioner_name": "person", "caisse": "org", "organisation": "org", "member_number": "ident",
               "amc_number": "digits", "supplier": "org"}

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ocr_kept import in_text  # noqa: E402 - needs the paths above


def load_scorer():
    spec = importlib.util.spec_from_file_location("shared_corpus_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, kind in EXTRA_TYPES.items():
        module.FIELD_TYPE.setdefault(name, kind)
    return module


def generator_hash() -> str:
    h = hashlib.sha256()
    for p in sorted((ROOT / "tools" / "intake_corpus").glob("*")):
        if p.suffix in (".py", ".json"):
            h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "paperasse" / "intake_corpus"


def corpus(split: str, count: int, kinds: list[str], seed: int) -> tuple[Path, list[dict]]:
    """The folder of this split (generated now, or reused) and the manifest rows asked for."""
    from tools.intake_corpus import generate

    folder = cache_dir() / f"{split}-seed{seed}-{generator_hash()}"
    stamp = folder / "manifest.jsonl"
    rows = []
    if stamp.exists():
        rows = [json.loads(line) for line in stamp.read_text("utf-8").splitlines() if line.strip()]
    have = {(r["kind"], int(r["file"].rsplit("_", 1)[1].split(".")[0])) for r in rows}
    need = [k for k in kinds if any((k, i) not in have for i in range(count))]
    if need:
        print(f"generating {split}: {count} x {len(need)} kinds into {folder}", flush=True)
        new = generate(folder, split, count, seed, need)
        keep = [r for r in rows if r["kind"] not in need]
        rows = keep + new
        with open(stamp, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    wanted = [r for r in rows if r["kind"] in kinds and int(r["file"].rsplit("_", 1)[1].split(".")[0]) < count]
    return folder, sorted(wanted, key=lambda r: r["file"])


def _init_worker(app_root: str) -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    sys.path.insert(0, app_root)


def read_one(path: str) -> tuple[dict | None, str | None, float]:
    from desktop_app.intake import read_document
    from desktop_app.intake.errors import IntakeError

    t = time.perf_counter()
    try:
        result = read_document(path, workers=1)
        data = result.to_extract_json()
        data["text"] = result.text  # what the OCR kept (ocr_kept.py); not shown
        return data, None, time.perf_counter() - t
    except IntakeError as exc:
        return None, f"intake error: {exc}", time.perf_counter() - t
    except Exception as exc:  # noqa: BLE001 - a crash is a failure of that document, not of the bench
        return None, f"{type(exc).__name__}: {exc}", time.perf_counter() - t


def band_of(conf) -> str:
    if not isinstance(conf, (int, float)):
        return "none"
    for lo, hi in BANDS:
        if lo <= conf < hi:
            return f"[{lo:.1f},{min(hi, 1.0):.1f}{']' if hi > 1 else ')'}"
    return "none"


def band_names() -> list[str]:
    return [band_of(lo) for lo, _ in BANDS] + ["none"]


def score_split(scorer, split: str, folder: Path, rows: list[dict], results: dict, schema: dict) -> dict:
    field_scores = defaultdict(list)
    kind_ok = defaultdict(list)
    confusion = Counter()
    bands = defaultdict(lambda: [0, 0])  # band -> [right, wrong]
    by_kind = defaultdict(lambda: [0, 0, 0, 0])  # kind -> [values, right, at >= 0.8, right at >= 0.8]
    kept = defaultdict(lambda: [0, 0, 0, 0])  # kind -> [judged, in the text, right, right when in the text]
    by_attr = defaultdict(list)
    failures, mismatches, times = 0, [], []
    for row in rows:
        gt = json.loads((folder / (row["file"].rsplit(".", 1)[0] + ".json")).read_text("utf-8"))
        kind = gt["kind"]
        pred, err, secs = results[row["file"]]
        times.append(secs)
        if err:
            failures += 1
        pred_kind = pred.get("kind") if pred else None
        kind_ok[kind].append(1.0 if pred_kind == kind else 0.0)
        confusion[(kind, pred_kind or "FAILED")] += 1
        fields = (pred or {}).get("fields") or {}
        confs = (pred or {}).get("confidence") or {}
        per = []
        for name in schema[kind]:
            g = gt["fields"].get(name)
            p = fields.get(name)
            s = 0.0 if pred is None else scorer.score_field(name, g, p)
            field_scores[(kind, name)].append(s)
            per.append(s)
            found = in_text(scorer.FIELD_TYPE.get(name), g, (pred or {}).get("text") or "")
            if found is not None:
                k = kept[kind]
                k[0] += 1
                k[1] += found
                k[2] += s >= 0.999
                k[3] += found and s >= 0.999
            if pred is not None and not scorer.is_null(p) and p != []:
                right = s >= 0.999
                conf = confs.get(name)
                bands[band_of(conf)][0 if right else 1] += 1
                high = isinstance(conf, (int, float)) and conf >= 0.8
                k = by_kind[kind]
                k[0] += 1
                k[1] += right
                k[2] += high
                k[3] += high and right
            if s < 1.0 and pred is not None:
                mismatches.append((row["file"], kind, name, g, p, confs.get(name)))
        doc_mean = sum(per) / len(per) if per else (1.0 if pred_kind == kind else 0.0)
        for attr in ("format", "capture"):
            by_attr[(attr, row.get(attr))].append(doc_mean)
        by_attr[("arrangement", row["family"].split("/")[0].replace("+2col", ""))].append(doc_mean)
        for d in row.get("degradations") or []:
            by_attr[("degradation", re.sub(r"\d+$", "", d))].append(doc_mean)
    return {"fields": field_scores, "kinds": kind_ok, "confusion": confusion, "bands": bands, "attrs": by_attr,
            "by_kind": by_kind, "kept": kept,
            "failures": failures, "mismatches": mismatches, "times": times, "docs": len(rows)}


# The split never looked at while tuning: its figures are shown by kind and overall only, never
# field by field nor by layout, so that reading them cannot steer the tuning (docs/intake_corpus.md).
UNSEEN = "holdout"


def brief(text: str) -> str:
    out = []
    for line in text.splitlines():
        cells = line.split()
        per_field = len(cells) == 4 and cells[2].isdigit() and not line.startswith(" ") and cells[1] != "field"
        if per_field or line.startswith("  arrangement "):
            continue
        out.append(line)
    return "\n".join(out)


def report(split: str, r: dict, schema: dict) -> str:
    out = [f"split {split}: {r['docs']} documents, {r['failures']} failures, "
           f"median {statistics.median(r['times']):.2f} s per document (one core each)"]
    out.append(f"{'kind':<19} {'field':<19} {'n':>4} {'accuracy':>9}")
    all_scores = []
    for kind in schema:
        ks = []
        for name in schema[kind]:
            v = r["fields"].get((kind, name))
            if not v:
                continue
            ks += v
            out.append(f"{kind:<19} {name:<19} {len(v):>4} {sum(v) / len(v):>9.4f}")
        if ks:
            all_scores += ks
            out.append(f"{kind:<19} {'[all fields]':<19} {len(ks):>4} {sum(ks) / len(ks):>9.4f}")
    out.append("kind accuracy (predicted kinds when wrong):")
    tot = []
    for kind in schema:
        v = r["kinds"].get(kind)
        if not v:
            continue
        tot += v
        wrong = ", ".join(f"{p} {n}" for (k, p), n in sorted(r["confusion"].items()) if k == kind and p != kind)
        out.append(f"  {kind:<19} {sum(v) / len(v):.4f} ({int(sum(v))}/{len(v)}){'  -> ' + wrong if wrong else ''}")
    out.append(f"  {'overall':<19} {sum(tot) / len(tot):.4f} ({int(sum(tot))}/{len(tot)})")
    out.append("confidence of non-null predicted values:")
    out.append(f"  {'band':<11} {'right':>6} {'wrong':>6} {'share right':>12}")
    hi_right = hi_all = 0
    for band in band_names():
        right, wrong = r["bands"].get(band, [0, 0])
        if band == "none" and not right + wrong:
            continue
        share = f"{right / (right + wrong):.3f}" if right + wrong else "-"
        out.append(f"  {band:<11} {right:>6} {wrong:>6} {share:>12}")
        if band in ("[0.8,0.9)", "[0.9,1.0]"):
            hi_right += right
            hi_all += right + wrong
    out.append(f"  right among values at >= 0.8: {hi_right}/{hi_all}"
               + (f" = {hi_right / hi_all:.3f}" if hi_all else ""))
    out.append("mean per-document accuracy by attribute:")
    for key in sorted(r["attrs"], key=lambda k: (k[0], str(k[1]))):
        v = r["attrs"][key]
        out.append(f"  {key[0]:<12} {str(key[1]):<12} n={len(v):<4} {sum(v) / len(v):.4f}")
    out.append("confidence by kind (non-null predicted values):")
    out.append(f"  {'kind':<19} {'values':>6} {'right':>6} {'>=0.8':>6} {'right>=0.8':>11}")
    for kind in schema:
        c = r["by_kind"].get(kind)
        if not c or not c[0]:
            continue
        n, right, hi, hi_right = c
        share = f"{hi_right / hi:.3f}" if hi else "-"
        out.append(f"  {kind:<19} {n:>6} {right / n:>6.3f} {hi:>6} {share:>11}")
    out.append("what the page's text kept (single values with a truth; lists and ticks left out):")
    out.append(f"  {'kind':<19} {'values':>6} {'in text':>8} {'right':>6} {'right if in text':>17}")
    for kind in schema:
        c = r["kept"].get(kind)
        if not c or not c[0]:
            continue
        n, found, right, right_found = c
        share = f"{right_found / found:.3f}" if found else "-"
        out.append(f"  {kind:<19} {n:>6} {found / n:>8.3f} {right / n:>6.3f} {share:>17}")
    overall = sum(all_scores) / len(all_scores) if all_scores else 0.0
    out.append(f"overall_field_accuracy={overall:.4f} split={split} docs={r['docs']} failures={r['failures']}")
    return "\n".join(out)


def mismatches(r: dict, show_errors: int) -> str:
    out = [f"first {min(show_errors, len(r['mismatches']))} of {len(r['mismatches'])} field mismatches:"]
    for fn, kind, name, g, p, conf in r["mismatches"][:show_errors]:
        out.append(f"  {fn} {kind}.{name}: gt={g!r} pred={p!r} conf={conf}")
    return "\n".join(out)


def git_commit(root: Path, part: str = "desktop_app/intake") -> str:
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", part], capture_output=True,
                               text=True).stdout.strip()
        return head + (f" (with uncommitted changes to {part})" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def write_section(body: str) -> None:
    text = DOC.read_text("utf-8") if DOC.exists() else "# Benchmarks\n"
    section = f"{START}\n{body.rstrip()}\n{END}"
    if START in text and END in text:
        text = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    DOC.write_text(text, "utf-8")


def main(argv: list[str] | None = None) -> int:
    from tools.intake_corpus import KINDS, SCHEMA
    from tools.intake_corpus.style import SPLIT_GROUP

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="tune,test", help=f"comma-separated among {', '.join(SPLIT_GROUP)}")
    ap.add_argument("--count", type=int, default=40, help="documents of each kind per split")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--app-root", type=Path, default=ROOT, help="checkout whose desktop_app is measured")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N")
    ap.add_argument("--out", type=Path, help="write per-document predictions (JSONL) here")
    ap.add_argument("--corpus", type=Path, help="score this already generated folder (with its manifest.jsonl) instead")
    ap.add_argument("--write-doc", action="store_true", help="update docs/benchmarks.md")
    args = ap.parse_args(argv)
    splits = [s.strip() for s in args.split.split(",") if s.strip()]
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    bad = [s for s in splits if s not in SPLIT_GROUP] + [k for k in kinds if k not in KINDS]
    if bad or args.count <= 0:
        ap.error(f"unknown split/kind {', '.join(bad)}" if bad else "--count must be positive")
    if not SCORER.exists():
        ap.error(f"the shared scorer is missing: {SCORER}")
    scorer = load_scorer()
    schema = {k: SCHEMA[k] for k in kinds}
    app_root = str(args.app_root.resolve())
    sections = []
    outf = open(args.out, "w", encoding="utf-8") if args.out else None
    if args.corpus:
        manifest = args.corpus / "manifest.jsonl"
        if not manifest.exists():
            ap.error(f"{manifest} is missing: generate the folder with python -m tools.intake_corpus")
        given = [json.loads(line) for line in manifest.read_text("utf-8").splitlines() if line.strip()]
        given = [r for r in given if r["kind"] in kinds]
        splits = sorted({r["split"] for r in given})
    for split in splits:
        if args.corpus:
            folder, rows = args.corpus, [r for r in given if r["split"] == split]
        else:
            folder, rows = corpus(split, args.count, kinds, args.seed)
        paths = [str(folder / r["file"]) for r in rows]
        print(f"reading {len(paths)} {split} documents with {args.workers} processes ({app_root})", flush=True)
        t0 = time.perf_counter()
        results = {}
        with ProcessPoolExecutor(max_workers=args.workers, initializer=_init_worker, initargs=(app_root,)) as pool:
            for i, (row, res) in enumerate(zip(rows, pool.map(read_one, paths, chunksize=1)), 1):
                results[row["file"]] = res
                if outf:
                    outf.write(json.dumps({"split": split, "file": row["file"], "pred": res[0], "error": res[1],
                                           "seconds": round(res[2], 2)}, ensure_ascii=False) + "\n")
                if i % 20 == 0:
                    print(f"  {i}/{len(paths)} read, {time.perf_counter() - t0:.0f} s", flush=True)
        r = score_split(scorer, split, folder, rows, results, schema)
        text = report(split, r, schema)
        if split == UNSEEN:
            text = brief(text)
        print(text, flush=True)
        if args.show_errors and split != UNSEEN:
            print(mismatches(r, args.show_errors), flush=True)
        sections.append((split, text, time.perf_counter() - t0))
    if outf:
        outf.close()
    if args.write_doc:
        commit = git_commit(Path(app_root))
        blocks = "\n\n".join(f"#### Split `{s}` ({secs / 60:.0f} min wall time)\n\n```\n{t}\n```" for s, t, secs in sections)
        body = f"""## Intake on unseen documents (generated)

`benchmarks/bench_intake_unseen.py` (run by `make bench-intake`). Measured {time.strftime('%Y-%m-%d')} on
{os.cpu_count()} cores, commit `{commit}` of `desktop_app/intake`, {args.count} documents of each kind per split
(generator `tools/intake_corpus` at commit `{git_commit(ROOT, "tools/intake_corpus")}`, seed {args.seed}, see
docs/intake_corpus.md), read in process with
`read_document` by {args.workers} processes, tesseract `OMP_THREAD_LIMIT=1`. Scored with the normalisation of
`../shared/corpus/score.py`. No two splits share anything of their design (layouts, wordings, formats,
fonts); `holdout` is the one never looked at while tuning, so it says how the intake does on papers it has not seen:
its figures are shown by kind and overall only, never field by field or by layout.

{blocks}
"""
        write_section(body)
        print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
