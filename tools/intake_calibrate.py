"""Fit the intake's confidence table on documents it was not tuned on, and measure it.

    python tools/intake_calibrate.py read  CORPUS_DIR --out readings.jsonl   # OCR once, raw scores
    python tools/intake_calibrate.py fit   readings.jsonl [--write]          # table -> calibration.json
    python tools/intake_calibrate.py report readings.jsonl                   # accuracy, precision at >= 0.8

CORPUS_DIR holds documents with their ground truth beside them (``NAME.json``:
``{"kind": ..., "fields": {...}}``, the schema of the shared corpus); fields are compared with
that corpus's scorer (``--scorer``, default ../shared/corpus/score.py from the repository root).
``read`` runs the extractors with raw evidence scores as confidences and keeps, per field, the
raw score, the value and whether it was right; ``fit`` turns score into confidence so that a
confidence of 0.8 or more was right at least 99 times in 100 (a block of readings earns a
precision of (right + 1) / (readings + 2): a hundred readings all right are needed for 0.99);
``fit`` refits only the kinds its readings cover, keeping the others' lines, and gives each kind
a pooled line for its fields with too few readings. ``report`` applies the current table to the
readings (the hand-weighed kinds at the lower of score and table, as the readers do) and prints
what a user would see, field by field and kind by kind.
Fit on one split, report on another.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.intake import candidates  # noqa: E402

KINDS = ("care_sheet", "prescription", "invoice", "receipt", "pharmacy_receipt", "rights_certificate", "mutuelle_card")
# The shared scorer types only the fields of its own kinds; the others are compared the same way.
EXTRA_TYPES = {"practitioner_name": "person", "caisse": "org", "organisation": "org", "member_number": "ident",
               "amc_number": "digits", "supplier": "org"}
DOC_EXTS = (".jpg", ".jpeg", ".png", ".pdf", ".tif", ".tiff")


def _scorer(path: str):
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for name, kind in EXTRA_TYPES.items():
        mod.FIELD_TYPE.setdefault(name, kind)
    return mod


def cmd_read(args) -> None:
    from desktop_app.intake import read_document

    scorer = _scorer(args.scorer)
    candidates.RAW_SCORES = True
    corpus = Path(args.corpus)
    docs = sorted(p for p in corpus.rglob("*") if p.suffix.lower() in DOC_EXTS)
    done = set()
    out = Path(args.out)
    if out.exists() and not args.again:
        done = {json.loads(line)["file"] for line in out.read_text().splitlines() if line.strip()}
    with out.open("a", encoding="utf-8") as fh:
        for i, path in enumerate(docs):
            rel = str(path.relative_to(corpus))
            truth_path = path.with_suffix(".json")
            if rel in done or not truth_path.exists():
                continue
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
            if truth.get("kind") not in KINDS:
                continue
            try:
                result = read_document(path)
            except Exception as exc:  # noqa: BLE001 - a bad file is counted, not fatal
                result = None
                print(f"{rel}: {exc}", file=sys.stderr)
            fields = {}
            for name, gt in truth["fields"].items():
                f = result.fields.get(name) if result else None
                pred = f.value if f else None
                fields[name] = {"score": f.confidence if f else 0.0, "value": pred, "truth": gt,
                                "right": scorer.score_field(name, gt, pred)}
            fh.write(json.dumps({"file": rel, "kind": truth["kind"],
                                 "read_as": result.kind if result else None, "fields": fields},
                                ensure_ascii=False) + "\n")
            fh.flush()
            print(f"[{i + 1}/{len(docs)}] {rel}", file=sys.stderr)


def _rows(path: str):
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def _samples(path: str) -> dict[str, list[tuple[float, bool]]]:
    """kind.field -> (raw score, right) of every value read (nulls left out: nothing is shown)."""
    out: dict[str, list[tuple[float, bool]]] = {}
    for row in _rows(path):
        for name, f in row["fields"].items():
            if f["value"] in (None, "", []):
                continue
            out.setdefault(f"{row['kind']}.{name}", []).append((float(f["score"]), f["right"] >= 0.999))
    return out


def _pav(samples: list[tuple[float, bool]]) -> list[dict]:
    """Pool-adjacent-violators: blocks of increasing score with increasing share right (equal
    neighbours pooled, so a run of readings all right is one block and earns its size)."""
    blocks: list[dict] = []
    for score, right in sorted(samples):
        if blocks and blocks[-1]["hi"] == score:
            # Readings of one score are one block: sorted wrong-first, they would otherwise
            # split into a wrong block and a right one that earns a confidence the score has not.
            blocks[-1]["n"] += 1
            blocks[-1]["k"] += int(right)
        else:
            blocks.append({"lo": score, "hi": score, "n": 1, "k": int(right)})
        while len(blocks) > 1 and blocks[-2]["k"] / blocks[-2]["n"] >= blocks[-1]["k"] / blocks[-1]["n"]:
            b = blocks.pop()
            a = blocks[-1]
            a.update(hi=b["hi"], n=a["n"] + b["n"], k=a["k"] + b["k"])
    return blocks


def _fit_points(samples, scale) -> list[list[float]]:
    points = [[0.0, 0.0]]
    last = 0.0
    for b in _pav(samples):
        p = (b["k"] + 1) / (b["n"] + 2)
        conf = max(last, candidates._interp(scale, p))
        last = conf
        points.append([round(b["lo"], 4), round(conf, 3)])
        if b["hi"] > b["lo"]:
            points.append([round(b["hi"], 4), round(conf, 3)])
    # Past the highest score seen, no more confidence than the last block earned.
    points.append([1.0, points[-1][1]])
    dedup = []
    for x, y in points:
        if dedup and x <= dedup[-1][0]:
            dedup[-1] = [dedup[-1][0], max(dedup[-1][1], y)]
            continue
        dedup.append([x, y])
    return dedup


def cmd_fit(args) -> None:
    path = candidates.vocab.resources_root() / "intake" / "calibration.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    scale = table["precision_to_confidence"]
    samples = _samples(args.readings)
    read_kinds = {key.split(".", 1)[0] for key in samples}
    # The kinds these readings cover are refitted; the others keep the lines they were fitted with.
    fields = {k: v for k, v in table.get("fields", {}).items() if k.split(".", 1)[0] not in read_kinds}
    kind_defaults = {k: v for k, v in table.get("kind_default", {}).items() if k not in read_kinds}
    pooled: dict[str, list] = {}
    for key, s in sorted(samples.items()):
        pooled.setdefault(key.split(".", 1)[0], []).extend(s)
        if len(s) >= args.min_samples:
            fields[key] = _fit_points(s, scale)
            print(f"{key}: {len(s)} values, {sum(r for _, r in s)} right -> {fields[key]}")
        else:
            print(f"{key}: {len(s)} values: too few, the kind's pooled line applies")
    for kind, s in sorted(pooled.items()):
        # A field with too few readings of its own gets what its kind's readings earned together.
        kind_defaults[kind] = _fit_points(s, scale)
    table["kind_default"] = dict(sorted(kind_defaults.items()))
    table["fields"] = dict(sorted(fields.items()))
    fitted_on = dict(table.get("_fitted_on_by_kind", {}))
    if "_fitted_on" in table:  # one line for every kind, from before the kinds were fitted apart
        old = table.pop("_fitted_on")
        fitted_on.update({k.split(".", 1)[0]: old for k in fields})
    for kind in read_kinds:
        fitted_on[kind] = args.name or str(args.readings)
    table["_fitted_on_by_kind"] = dict(sorted(fitted_on.items()))
    if args.write:
        path.write_text(json.dumps(table, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"written {path}")


def cmd_report(args) -> None:
    candidates._calibration.cache_clear()
    rows = list(_rows(args.readings))
    per: dict[str, list] = {}
    high = high_right = 0
    for row in rows:
        for name, f in row["fields"].items():
            key = f"{row['kind']}.{name}"
            shown = (candidates.hand_weighed_confidence if row["kind"] in candidates.HAND_WEIGHED_KINDS
                     else candidates.confidence)
            conf = shown(row["kind"], name, float(f["score"]))
            per.setdefault(key, []).append((f["right"], conf, f["value"] not in (None, "", [])))
            if f["value"] not in (None, "", []) and conf >= 0.8:
                high += 1
                high_right += f["right"] >= 0.999
    print(f"{'field':34} {'n':>4} {'accuracy':>8} {'>=0.8':>6} {'right':>6}")
    for key, vals in sorted(per.items()):
        acc = sum(r for r, _, _ in vals) / len(vals)
        hi = [(r, c) for r, c, has in vals if has and c >= 0.8]
        hi_right = sum(r >= 0.999 for r, _ in hi)
        print(f"{key:34} {len(vals):4d} {acc:8.3f} {len(hi):6d} {hi_right:6d}")
    by_kind: dict[str, list] = {}
    for key, vals in per.items():
        k = by_kind.setdefault(key.split(".", 1)[0], [0, 0, 0.0, 0])
        for r, c, has in vals:
            k[0] += has and c >= 0.8
            k[1] += has and c >= 0.8 and r >= 0.999
            k[2] += r
            k[3] += 1
    for kind, (hi, ok, acc, n) in sorted(by_kind.items()):
        print(f"{kind:34} field accuracy {acc / n:.3f}, at >= 0.8 right {ok} of {hi}")
    kinds = sum(row["read_as"] == row["kind"] for row in rows)
    print(f"documents {len(rows)}, kind right {kinds}")
    if high:
        print(f"values at confidence >= 0.8: {high}, right {high_right} ({high_right / high:.3f})")
    else:
        print("values at confidence >= 0.8: none")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("read")
    r.add_argument("corpus")
    r.add_argument("--out", required=True)
    r.add_argument("--again", action="store_true", help="read every document, even those already in --out")
    r.add_argument("--scorer", default=str(ROOT.parent / "shared" / "corpus" / "score.py"))
    f = sub.add_parser("fit")
    f.add_argument("readings")
    f.add_argument("--write", action="store_true")
    f.add_argument("--min-samples", type=int, default=30)
    f.add_argument("--name", help="what the readings were (kept in the table)")
    p = sub.add_parser("report")
    p.add_argument("readings")
    args = ap.parse_args(argv)
    {"read": cmd_read, "fit": cmd_fit, "report": cmd_report}[args.cmd](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
