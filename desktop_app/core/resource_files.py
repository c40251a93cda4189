"""Where the shipped data files are: ``resources/`` beside the package in a checkout, bundled
beside it in a frozen app (packaging/paperasse.spec copies the whole tree).

Core reads one of them itself, the messages table (core/rules/messages.py), because the rules
word their sentences wherever they are asked, with no service at hand to pass the table in;
every other rule file is read by a service and handed to core as a plain dict.
``desktop_app.config.resources_dir`` is this function, for the rooms above core.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parents[1]  # desktop_app/


def resources_dir() -> Path:
    """The shipped resources: beside the package in a checkout, bundled in a frozen app."""
    for candidate in (_PACKAGE.parent / "resources", _PACKAGE / "resources"):
        if candidate.is_dir():
            return candidate
    return _PACKAGE.parent / "resources"


def read_json(*parts: str) -> Any:
    """A JSON file of the resources, by its path inside ``resources/``."""
    with open(resources_dir().joinpath(*parts), encoding="utf-8") as fh:
        return json.load(fh)
