"""Build the interface translations: ``python -m desktop_app.gui.i18n_build [--update]``.

``--update`` first refreshes resources/translations/*.ts from the GUI sources (pyside6-lupdate);
then every .ts is compiled to the .qm the app loads (pyside6-lrelease). The .qm files are not
kept in git, so ``make translations`` runs this.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

GUI = Path(__file__).resolve().parent


def _tool(name: str) -> str:
    """A Qt tool from this Python's PySide6: next to the interpreter, then in the package."""
    candidates = [Path(sys.executable).parent / f"pyside6-{name}"]
    try:
        import PySide6

        package = Path(PySide6.__file__).parent
        candidates += [package / name, package / "Qt" / "libexec" / name, package / f"{name}.exe"]
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    raise SystemExit(f"i18n_build: pyside6-{name} not found; install PySide6 in this environment")


def sources() -> list[Path]:
    return sorted(p for p in GUI.rglob("*.py") if p.name not in ("i18n_build.py", "resources_rc.py"))


def update(ts_files: list[Path]) -> None:
    files = [str(p) for p in sources()]
    for ts in ts_files:
        # English is the source language: its file only carries the plural forms. No line
        # numbers in the catalogue: they changed with every edit and made merges collide.
        only_plurals = ["-pluralonly"] if ts.stem.endswith("_en") else []
        subprocess.run(
            [_tool("lupdate"), "-no-obsolete", "-locations", "none", *only_plurals, *files,
             "-ts", str(ts)],
            check=True,
        )
        if only_plurals:
            fill_english_plurals(ts)


def fill_english_plurals(ts: Path) -> int:
    """'%n claim(s)' → 'one: %n claim', 'many: %n claims', for entries nobody has written yet."""
    import re
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts)
    filled = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        source = message.find("source").text or ""
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        ET.SubElement(translation, "numerusform").text = re.sub(r"\((e?s)\)", "", source)
        ET.SubElement(translation, "numerusform").text = re.sub(r"\((e?s)\)", r"\1", source)
        filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def release(ts_files: list[Path]) -> None:
    for ts in ts_files:
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str] | None = None) -> int:
    from desktop_app.gui.i18n import translations_dir

    parser = argparse.ArgumentParser(prog="python -m desktop_app.gui.i18n_build")
    parser.add_argument("--update", action="store_true", help="refresh the .ts files from the sources")
    args = parser.parse_args(argv)
    folder = translations_dir()
    ts_files = sorted(folder.glob("paperasse_*.ts"))
    if args.update:
        ts_files = ts_files or [folder / "paperasse_fr.ts", folder / "paperasse_en.ts"]
        update(ts_files)
    release(ts_files)
    print(f"built {len(ts_files)} translation(s) in {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
