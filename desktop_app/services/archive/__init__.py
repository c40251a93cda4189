"""Whole-household archives: one ZIP with every record and every stored original.

Layout of an archive (format "paperasse-archive", version ``ARCHIVE_VERSION``)::

    manifest.json              {"format", "schema_version", "app_version", "db_schema_version",
                                "created_at", "counts": {table: rows}, "tables": [...],
                                "files": {stored_name: sha256}}
    records/<table>.json       every row of the table, every column, ids included
    originals/<stored_name>    every stored original, byte for byte

Import checks the whole archive before writing anything (CRCs, manifest, JSON,
references between rows, the SHA-256 of every original against the manifest
and its document row, member names). Into an empty data folder it restores
exactly (same ids); into one that has records it merges without duplicates.

The rows are read and written through store/dump.py, which sees every column,
including ones added by later versions. The modules: ``format`` (the layout,
the reports), ``export``, ``reading`` (the checks), ``merge`` (what an import
will do), ``importing``.
"""

from desktop_app.core.errors import UserError
from desktop_app.services.archive.export import export_archive
from desktop_app.services.archive.format import (
    ARCHIVE_VERSION,
    FORMAT,
    Archive,
    ArchiveCheck,
    ExportReport,
    ImportReport,
)
from desktop_app.services.archive.importing import check_archive, import_archive

__all__ = [
    "ARCHIVE_VERSION", "FORMAT", "Archive", "ArchiveCheck", "ExportReport", "ImportReport",
    "UserError", "check_archive", "export_archive", "import_archive",
]
