"""Every kind the intake reads, on a folder of generated papers with their ground truth.

    .venv/bin/python benchmarks/bench_kinds.py DIR

DIR holds ``NAME.ext`` + ``NAME.json`` (``{"kind": ..., "fields": {...}}``), as the synthetic
corpus generator (``tools/intake_corpus``) writes them. Fields are compared with the shared
scorer's normalisation (``../shared/corpus/score.py``), extended to the newer kinds' fields.
Prints, per kind, how often the kind was recognised and each field's accuracy, then how sure the
reader was of the values it got right and wrong (the share at 0.8 or more).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "corpus" / "score.py"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.FIELD_TYPE.update({"practitioner_name": "person", "caisse": "org", "organisation": "org",
                              "member_number": "ident", "amc_number": "digits"})
    return module


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: bench_kinds.py DIR (a folder of generated papers and their .json)", file=sys.stderr)
        return 2
    from desktop_app.intake import read_document
    from desktop_app.intake.errors import IntakeError

    score = _scorer()
    fields, kinds = defaultdict(list), defaultdict(list)
    right, wrong = [], []
    for truth_path in sorted(Path(argv[0]).glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        if "kind" not in truth:
            continue
        paper = next((p for p in truth_path.parent.glob(truth_path.stem + ".*") if p.suffix != ".json"), None)
        if paper is None:
            continue
        try:
            result = read_document(paper)
            kind, read = result.kind, result.fields
        except IntakeError:
            kind, read = "error", {}
        kinds[truth["kind"]].append(kind == truth["kind"])
        for name, expected in truth["fields"].items():
            got = read.get(name)
            value = got.value if got else None
            s = score.score_field(name, expected, value)
            fields[(truth["kind"], name)].append(s)
            if value is not None:
                (right if s == 1 else wrong).append(got.confidence)
    for kind in sorted(kinds):
        values = [v for (k, _n), scores in fields.items() if k == kind for v in scores]
        per_field = " ".join(f"{n}={sum(s) / len(s):.2f}" for (k, n), s in sorted(fields.items()) if k == kind)
        print(f"{kind:19s} kind {sum(kinds[kind]):3d}/{len(kinds[kind]):<3d} "
              f"fields {sum(values) / max(1, len(values)):.3f}  {per_field}")
    every = [v for scores in fields.values() for v in scores]
    recognised = [ok for oks in kinds.values() for ok in oks]
    print(f"overall kind {sum(recognised)}/{len(recognised)}  fields {sum(every) / max(1, len(every)):.4f}")
    for name, confs in (("right", right), ("wrong", wrong)):
        if confs:
            print(f"values read {name}: {len(confs)}, at 0.8 or more: {sum(c >= 0.8 for c in confs) / len(confs):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
