"""Only the GUI may load Qt: the rest must run on a machine without a display."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "package",
    ["desktop_app.core", "desktop_app.store", "desktop_app.intake", "desktop_app.services",
     "desktop_app.cli.main"],
)
def test_package_loads_no_qt(package):
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module({package!r})\n"
        "if hasattr(pkg, '__path__'):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if not m.name.endswith('__main__'):\n"
        "            importlib.import_module(m.name)\n"
        "qt = sorted(n for n in sys.modules if n.startswith('PySide6'))\n"
        "print(','.join(qt))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{package} loaded {out.stdout.strip()}"


def _imports_of(path):
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


@pytest.mark.parametrize(
    "layer,allowed",
    [
        ("core", {"desktop_app.core"}),
        ("store", {"desktop_app.core", "desktop_app.store"}),
        ("intake", {"desktop_app.core", "desktop_app.intake"}),
    ],
)
def test_layer_imports_only_what_it_may(layer, allowed):
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "desktop_app" / layer
    bad = []
    for path in root.rglob("*.py"):
        for name in _imports_of(path):
            if name.startswith("desktop_app") and not any(
                name == a or name.startswith(a + ".") for a in allowed
            ):
                bad.append(f"{path.name}: {name}")
    assert not bad, bad
