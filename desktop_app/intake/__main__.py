"""``python -m desktop_app.intake FILE [--json]``: read one document and print what was found."""

from __future__ import annotations

import argparse
import json
import sys

from desktop_app.intake import IntakeError, read_document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop_app.intake", description=__doc__)
    parser.add_argument("file")
    parser.add_argument("--json", action="store_true", help="print the extraction as one JSON object")
    parser.add_argument("--tesseract", default=None, help="path to the tesseract program")
    args = parser.parse_args(argv)
    try:
        result = read_document(args.file, tesseract_cmd=args.tesseract)
    except IntakeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    data = result.to_extract_json()
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(f"kind: {data['kind']}  pages: {data['pages']}  text: {result.text_source}")
        for name, value in data["fields"].items():
            print(f"  {name}: {value!r}  ({data['confidence'][name]:.2f})")
        for w in data["warnings"]:
            print(f"  warning: {w}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
