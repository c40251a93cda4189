"""python -m tools.intake_corpus --out DIR --split tune|calibrate|test|holdout --count N [--seed S] [--kinds a,b]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.intake_corpus.generate import KINDS, generate
from tools.intake_corpus.style import SPLIT_GROUP


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.intake_corpus", description=__doc__)
    ap.add_argument("--out", required=True, type=Path, help="folder to write documents, ground truth and manifest.jsonl")
    ap.add_argument("--split", required=True, choices=sorted(SPLIT_GROUP))
    ap.add_argument("--count", required=True, type=int, help="documents of EACH kind")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, among {','.join(KINDS)}")
    ap.add_argument("--format", choices=("png", "jpg", "pdf-scan", "pdf-text", "tiff"), help="force one file format")
    ap.add_argument("--dpi", type=int, help="force the rendering resolution")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.count <= 0:
        ap.error("--count must be positive")
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        ap.error(f"unknown kind(s): {', '.join(bad)} (choose among {', '.join(KINDS)})")

    def progress(n, total, row):
        if not args.quiet:
            print(f"[{n}/{total}] {row['file']}  {row['family']}  {row['format']}  {','.join(row['degradations'])}",
                  file=sys.stderr)

    rows = generate(args.out, args.split, args.count, args.seed, kinds, args.format, args.dpi, progress)
    print(f"wrote {len(rows)} documents to {args.out} (split {args.split}, seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
