"""Backups to a folder the user picks (an external drive, a synced folder): records and scans.

A hard link in ``backups/originals/`` does not survive the disk failing, so this copies both
the records and every original to another folder, laid out as::

    DIR/paperasse-YYYYMMDD-HHMMSS.db     the records (SQLite backup API, as backups.backup_now)
    DIR/paperasse-YYYYMMDD-HHMMSS.json   its sidecar, with the manifest of the originals it needs
    DIR/originals/ab/<sha256>.pdf        the originals, under their content-addressed names
    DIR/originals/checked.json           size and mtime of each original when it was last checked

Originals never change, so a run copies only those not there yet: one already there is trusted
while its size and modification time are those recorded when it was written and checked (a
file rewritten since is hashed again, and copied again if it no longer matches its name;
``verify`` hashes them all and forgets those that do not match, so the next run copies them
again). Every copy is checked (size and SHA-256) before it is renamed into place, so a USB
stick pulled half-way never leaves a half file under a real name. The originals are copied
before the records, so a run cut short leaves the previous backup whole.

Old backups rotate as the local ones do (services/backups); originals no remaining manifest
lists are removed afterwards.

Restoring (``restore_from``) checks the chosen copy and the hash of every original it refers to
before anything in the data folder changes, copies the originals in (each one checked, written
atomically), then replaces the database as a local restore does (a safety copy first).

The modules: ``folder`` (choosing and reaching it, the reminder, the results), ``copies`` (the
originals there), ``backing_up``, ``checking``, ``restoring``.
"""

from desktop_app.services.backup_folder.backing_up import back_up
from desktop_app.services.backup_folder.checking import find, list_backups, verify
from desktop_app.services.backup_folder.copies import CHECKED, ORIGINALS, prune, sweep
from desktop_app.services.backup_folder.folder import (
    LAST_SETTING,
    REMIND_SETTING,
    SETTING,
    FolderBackup,
    FolderCheck,
    FolderReminder,
    FolderStatus,
    choose,
    chosen_folder,
    reminder,
    status,
)
from desktop_app.services.backup_folder.restoring import needs_passphrase, restore_from, unlock

__all__ = [
    "CHECKED", "LAST_SETTING", "ORIGINALS", "REMIND_SETTING", "SETTING", "FolderBackup",
    "FolderCheck", "FolderReminder", "FolderStatus", "back_up", "choose", "chosen_folder", "find", "list_backups",
    "needs_passphrase", "prune", "reminder", "restore_from", "status", "sweep", "unlock",
    "verify",
]
