"""The intake's vocabularies: label wordings, kind cues, headings and stop words.

They are data (resources/intake/*.json), in French with the variants real forms print, so that a
new wording is a change to a file, not to code. Each file is a JSON object; a key starting with
"_" (``_source``, ``_as_of``, ``_note``) documents the file and is never read as a vocabulary.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path


def resources_root() -> Path:
    """resources/ beside the package in a checkout, inside it in a frozen app (as config does:
    intake may not import config)."""
    here = Path(__file__).resolve().parents[1]
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"


class VocabularyError(ValueError):
    """A vocabulary file is missing or not valid JSON: named with its path."""


@cache
def load(name: str) -> dict:
    """resources/intake/<name>.json without its documentation keys."""
    path = resources_root() / "intake" / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise VocabularyError(f"{path}: the intake vocabulary is missing; reinstall Paperasse") from exc
    except json.JSONDecodeError as exc:
        raise VocabularyError(f"{path}: not valid JSON at line {exc.lineno}: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise VocabularyError(f"{path}: expected a JSON object")
    return {k: v for k, v in data.items() if not k.startswith("_")}
