"""Reading a file without storing it: what ``paperasse extract`` prints.

Kept apart from services/documents.py, which loads the store and the domain model a
one-file read does not need (a new process pays for every module it imports)."""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app.services.input_files import check_input_file


def extract(path: str | Path, tesseract_cmd: str | None = None) -> dict:
    """The JSON contract of ``paperasse extract``: kind, fields, confidences, warnings."""
    path = Path(path)
    check_input_file(path)
    from desktop_app import intake

    result = intake.read_document(path, tesseract_cmd=tesseract_cmd or os.environ.get("PAPERASSE_TESSERACT"))
    return result.to_extract_json()
