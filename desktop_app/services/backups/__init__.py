"""Backups of the record store: take, list, verify, restore, rotate.

A backup is a consistent copy of ``paperasse.db`` made with SQLite's backup API
(store/backup_files.py), written to a temporary name in ``backups/``, fsynced,
then renamed to ``paperasse-YYYYMMDD-HHMMSS.db`` (mode 0600), beside a JSON
sidecar of the same stem: ``{"created_at", "reason", "schema_version", "counts",
"sha256", "size"}``. The copy is switched to a rollback journal so it is one
self-contained file.

Stored originals are immutable and content-addressed: they are never copied
into backups; ``verify`` checks that every original a backup refers to is still
in ``originals/`` with the right SHA-256.

Rotation (``auto_backup``) only ever removes this package's own
``paperasse-*.db`` files: it keeps the newest backup of each of the 7 most
recent days that have one and of each of the 4 most recent ISO weeks that have
one; safety copies ("before-restore", "before-import") are kept at least
``PROTECT_DAYS`` days; ``before-migration-*`` copies (store/migrations.py) are
never touched.

Functions accept a ``Context`` or, for a data folder whose database cannot be
opened (that is when a restore is needed most), its ``DataPaths``.

The modules: ``results`` (what the functions return), ``listing`` (names,
sidecars, the list), ``taking``, ``rotation``, ``checking``, ``restoring``.
"""

from desktop_app.services.backups.checking import (
    check_copy,
    originals_referenced_by_backups,
    verify,
)
from desktop_app.services.backups.listing import (
    PREFIX,
    find_backup,
    in_folder,
    list_backups,
    pid_suffix,
)
from desktop_app.services.backups.restoring import restore
from desktop_app.services.backups.results import BackupInfo, RestoreReport, Verification
from desktop_app.services.backups.rotation import (
    KEEP_DAILY,
    KEEP_WEEKLY,
    PROTECT_DAYS,
    PROTECTED_REASONS,
    discard,
    rotate,
    rotate_folder,
    sweep_leftovers,
)
from desktop_app.services.backups.taking import (
    auto_backup,
    backup_now,
    recover_originals,
    write_copy,
)
from desktop_app.store.backup_files import COUNTED

__all__ = [
    "COUNTED", "KEEP_DAILY", "KEEP_WEEKLY", "PREFIX", "PROTECTED_REASONS", "PROTECT_DAYS",
    "BackupInfo", "RestoreReport", "Verification", "auto_backup", "backup_now", "check_copy",
    "discard", "find_backup", "in_folder", "list_backups", "originals_referenced_by_backups",
    "pid_suffix", "recover_originals", "restore", "rotate", "rotate_folder", "sweep_leftovers",
    "verify", "write_copy",
]
