"""Each command builds only its own module's options: the table saying which module that is must
name every command the modules register, and running a command must not load the others."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys


def _registered(module_name: str) -> set[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    importlib.import_module(f"desktop_app.cli.{module_name}").register(sub)
    return set(sub.choices)


def test_the_table_names_every_command_and_the_module_registering_it():
    from desktop_app.cli.main import COMMAND_MODULES

    modules = set(COMMAND_MODULES.values())
    registered = {command: module for module in modules for command in _registered(module)}
    assert registered == COMMAND_MODULES
    # Every command module of the package is in the table.
    from pathlib import Path

    import desktop_app.cli as cli

    on_disk = {p.stem for p in Path(cli.__file__).parent.glob("*_cmd.py")}
    assert on_disk == modules


def test_a_command_loads_only_its_own_module(tmp_path):
    probe = (
        "import sys; from desktop_app.cli.main import main\n"
        "try:\n    main(['extract', '--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('desktop_app.cli.')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = out.stdout.strip().splitlines()[-1]
    assert "extract_cmd" in loaded
    for other in ("claims_cmd", "people_cmd", "tracking_cmd", "backup_cmd", "archive_cmd",
                  "documents_cmd"):
        assert other not in loaded
