"""What an archive is made of: its layout, limits, rows as JSON, and the reports of its uses."""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.errors import UserError

FORMAT = "paperasse-archive"
ARCHIVE_VERSION = 1
CHUNK = 1 << 20
# A household's records are tens of MB; more is an archive bomb, not a household.
MAX_RECORDS_MEMBER = 256 << 20
MAX_RECORDS_TOTAL = 512 << 20

# Known tables, parents first; ``key`` is how a row is identified.
TABLES = ("people", "claims", "documents", "document_fields", "track_events", "settings")
REQUIRED_COLUMNS = {
    "people": ("id", "name"),
    "claims": ("id", "person_id"),
    "documents": ("id", "sha256", "stored_name"),
    "document_fields": ("id", "document_id", "name"),
    "track_events": ("id", "claim_id"),
    "settings": ("key", "value"),
}
# Files whose content is already compressed: stored as they are.
STORED_SUFFIXES = {".jpg", ".jpeg", ".pdf", ".png", ".heic", ".heif", ".webp", ".gif", ".zip"}
STORED_NAME = re.compile(r"^([0-9a-f]{2})/([0-9a-f]{64})(\.[a-z0-9]{1,7})?$")
TABLE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def nothing_changed(path, message: str) -> UserError:
    return UserError(f"{path}: {message}; nothing was changed")


# Rows as JSON (a BLOB, should a later version add one, survives as base64)


def json_default(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$base64": base64.b64encode(bytes(value)).decode("ascii")}
    raise TypeError(f"cannot store {type(value).__name__} in an archive")


def json_value(value):
    """One cell: a plain value, or bytes written as {"$base64": …}; anything else is refused."""
    if isinstance(value, dict) and set(value) == {"$base64"} and isinstance(value["$base64"], str):
        try:
            return base64.b64decode(value["$base64"], validate=True)
        except (ValueError, binascii.Error):
            raise ValueError("a value is not valid base64") from None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ValueError(f"a value is a {type(value).__name__}, not a plain value")


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, default=json_default)


@dataclass
class Archive:
    """An archive read and checked whole (reading.read_archive)."""

    path: Path
    manifest: dict
    records: dict[str, list[dict]]
    files: dict[str, str]  # stored_name -> sha256, only those a document refers to
    notes: list[str] = field(default_factory=list)  # what was left out of it, and why


# Reports: the window reads their attributes, the command line prints ``to_json()``.


@dataclass(frozen=True)
class ExportReport:
    """An archive written."""

    path: str
    counts: dict[str, int]
    files: int  # originals in it
    size: int  # bytes

    def to_json(self) -> dict:
        return {"path": self.path, "counts": dict(self.counts), "files": self.files,
                "size": self.size}


@dataclass(frozen=True)
class ArchiveCheck:
    """An archive checked whole, before importing it: what it holds."""

    path: str
    created_at: str | None
    app_version: str | None
    db_schema_version: int | None
    counts: dict[str, int]
    files: int

    def to_json(self) -> dict:
        return {"path": self.path, "created_at": self.created_at,
                "app_version": self.app_version, "db_schema_version": self.db_schema_version,
                "counts": dict(self.counts), "files": self.files}


@dataclass(frozen=True)
class ImportReport:
    """An archive imported: restored into an empty data folder, or merged into one."""

    archive: str
    mode: str  # "restore" or "merge"
    added: dict[str, int]
    skipped: dict[str, int]
    originals_written: int
    safety_backup: str | None  # the backup taken first (a merge that adds anything)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"archive": self.archive, "mode": self.mode, "added": dict(self.added),
                "skipped": dict(self.skipped), "originals_written": self.originals_written,
                "safety_backup": self.safety_backup, "notes": list(self.notes)}
