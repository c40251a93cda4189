"""``paperasse extract FILE [--json]``: read a file and print its fields, without storing it.

A module of its own: a one-file read started as a new process pays for every module it
imports, and needs neither the data folder nor the other document commands."""

from __future__ import annotations

from desktop_app.cli.output import emit_json, line


def register(sub) -> None:
    ext = sub.add_parser("extract", help="read a file and print its fields, without storing it")
    ext.add_argument("file")
    ext.add_argument("--json", action="store_true")
    ext.set_defaults(handler=_extract)


def _extract(args) -> int:
    from desktop_app.services.extract import extract

    data = extract(args.file)
    if args.json:
        emit_json(data)
    else:
        line(f"kind: {data['kind']}  pages: {data['pages']}")
        for name, value in data["fields"].items():
            conf = data.get("confidence", {}).get(name)
            line(f"  {name}: {value}" + (f"  ({conf:.2f})" if isinstance(conf, (int, float)) else ""))
    return 0
