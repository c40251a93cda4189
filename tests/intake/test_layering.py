"""Intake imports only the standard library, third-party packages and desktop_app.core."""

import ast
from pathlib import Path

INTAKE = Path(__file__).parents[2] / "desktop_app" / "intake"


def test_intake_imports_only_core_and_no_qt():
    bad = []
    for py in INTAKE.rglob("*.py"):
        for node in ast.walk(ast.parse(py.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.startswith(("PySide6", "shiboken6", "PyQt")) or (
                    name.startswith("desktop_app.")
                    and not name.startswith(("desktop_app.core", "desktop_app.intake"))
                ):
                    bad.append(f"{py.name}: {name}")
    assert bad == []
