"""What the backup functions return: the window reads the attributes, the command line prints
``to_json()``."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class BackupInfo:
    id: str
    path: Path
    created_at: str
    reason: str
    size: int
    counts: dict[str, int] = field(default_factory=dict)
    schema_version: int | None = None
    sha256: str | None = None
    kind: str = "backup"  # "backup" (ours) or "before-migration" (store/migrations.py)
    stamp: _dt.datetime | None = None  # local time parsed from the file name

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "path": str(self.path),
            "created_at": self.created_at,
            "reason": self.reason,
            "size": self.size,
            "counts": dict(self.counts),
            "schema_version": self.schema_version,
            "sha256": self.sha256,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Verification:
    id: str
    path: Path
    damaged: list[str] = field(default_factory=list)  # the copy itself cannot be trusted
    missing_originals: list[str] = field(default_factory=list)
    altered_originals: list[str] = field(default_factory=list)
    # Missing or altered in originals/, but kept sound with the backups: restoring puts them back.
    recoverable_originals: list[str] = field(default_factory=list)
    schema_version: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    sha256: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        """The copy is sound and can be restored (originals may still be missing)."""
        return not self.damaged

    @property
    def ok(self) -> bool:
        return not (self.damaged or self.missing_originals or self.altered_originals)

    def problems(self) -> list[str]:
        return (
            list(self.damaged)
            + [f"stored original {n} is missing" for n in self.missing_originals]
            + [f"stored original {n} does not match its checksum" for n in self.altered_originals]
        )

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "path": str(self.path),
            "ok": self.ok,
            "usable": self.usable,
            "damaged": list(self.damaged),
            "missing_originals": list(self.missing_originals),
            "altered_originals": list(self.altered_originals),
            "recoverable_originals": list(self.recoverable_originals),
            "schema_version": self.schema_version,
            "counts": dict(self.counts),
            "sha256": self.sha256,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class RestoreReport:
    """A backup restored: from ``backups/``, or from a backup folder (``folder`` set)."""

    restored: str  # the backup's id
    safety_backup: str | None  # the records as they were, kept first
    counts: dict[str, int]
    missing_originals: list[str] = field(default_factory=list)
    altered_originals: list[str] = field(default_factory=list)
    recovered_originals: list[str] = field(default_factory=list)  # put back from kept copies
    folder: str | None = None
    copied_originals: int | None = None  # from the folder

    def to_json(self) -> dict:
        data: dict[str, object] = {
            "restored": self.restored,
            "safety_backup": self.safety_backup,
            "counts": dict(self.counts),
            "missing_originals": list(self.missing_originals),
            "altered_originals": list(self.altered_originals),
            "recovered_originals": list(self.recovered_originals),
        }
        if self.folder is not None:
            data.update(folder=self.folder, copied_originals=self.copied_originals)
        return data
