"""The open data folder: paths, record store and settings, shared by every use case."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop_app import config
from desktop_app.core.errors import UserError
from desktop_app.store import Store, db, originals, run_folders

DB_ERRORS = db.Error  # either SQLite's (a plain folder) or SQLCipher's (an encrypted one)

DEFAULT_SETTINGS = {
    "follow_up_days": 30,
    "noemie_follow_up_days": 7,
    "electronic_follow_up_days": 14,
    "deadline_warn_days": 60,
    "tesseract_cmd": None,
    "language": None,
    # Folders whose new scans are imported into the Inbox (services/watch_folders.py), and
    # whether an imported file is left there ("leave") or moved into an "imported" subfolder.
    "watch_folders": (),
    "watch_after_import": "leave",
    # Backups of the records and scans to a folder the user picks (services/backup_folder/):
    # the folder, when the last one there was taken, and after how many days to remind.
    "backup_folder": None,
    "backup_folder_last": None,
    "backup_folder_remind_days": 7,
    # An encrypted folder's window locks itself after this many minutes without use (0: never).
    "lock_after_minutes": 15,
}


@dataclass
class Context:
    paths: config.DataPaths
    store: Store
    last_auto_backup: object = None  # services.backups.BackupInfo, when start-up just made one
    backup_problem: str | None = None  # why start-up's automatic backup failed, to show the user
    owns_tempdir: bool = False  # only the context that opened the folder resets tempfile.tempdir

    def setting(self, key: str):
        env = os.environ.get("PAPERASSE_TESSERACT") if key == "tesseract_cmd" else None
        return env or self.store.setting(key, DEFAULT_SETTINGS.get(key))

    def set_setting(self, key: str, value) -> None:
        if key not in DEFAULT_SETTINGS:
            raise UserError(f"unknown setting {key!r}; known: {', '.join(DEFAULT_SETTINGS)}")
        self.store.set_setting(key, value)

    def settings(self) -> dict:
        return {key: self.setting(key) for key in DEFAULT_SETTINGS}

    def resource(self, *parts: str) -> Path:
        """A resource file, the user's edited copy first (rules they changed), then the shipped one."""
        user_copy = self.paths.rules.joinpath(*parts[1:]) if parts and parts[0] == "rules" else None
        if user_copy is not None and user_copy.is_file():
            return user_copy
        return config.resources_dir().joinpath(*parts)

    def fork(self) -> Context:
        """Another connection to the same data folder, for a worker thread.

        SQLite connections must not be shared between threads that may both be in a
        transaction; each worker opens its own and closes it when done.
        """
        return Context(paths=self.paths, store=Store.open(self.paths))

    def close(self) -> None:
        self.store.close()
        if not self.owns_tempdir:
            return
        run_dir = self.paths.tmp / f"{run_folders.RUN_PREFIX}{os.getpid()}"
        for opened in run_dir.glob("view-*"):  # opened originals for the user's viewer
            with contextlib.suppress(OSError):
                opened.unlink()
        if tempfile.tempdir == str(run_dir):
            tempfile.tempdir = None
            try:
                run_dir.rmdir()  # only if empty: files of work still running stay
            except OSError:
                pass


def open_context(
    data_dir: str | os.PathLike | None = None, auto_backup: bool = True, tidy: bool = True
) -> Context:
    """Open the data folder. The desktop app passes tidy=False and auto_backup=False and runs
    :func:`finish_start` on a worker once its window is shown."""
    paths = config.prepare(data_dir)
    store = Store.open(paths)
    config.tighten(paths.database, config.FILE_MODE)
    # Page images and OCR output are health data too: they stay in the private data folder,
    # in a folder of this process's own that start-up clean-up removes once the process is gone.
    tempfile.tempdir = str(run_folders.run_temp_dir(paths.tmp))
    ctx = Context(paths=paths, store=store, owns_tempdir=True)
    if tidy:
        tidy_up(ctx, full=False)
    if auto_backup:
        run_auto_backup(ctx)
    return ctx


def tidy_up(ctx: Context, full: bool = True) -> list[Path]:
    """Remove what a crash left behind: temporary files and originals no row refers to.

    Walking every stored original costs a stat each (seconds on a big household), so a command
    does it only when a process died and left its run folder (an import may have been cut short
    between storing an original and recording it); the window does the whole walk on its
    worker after it has shown. Permissions are set when files are created, and re-checked on
    every file only in the full walk."""
    from desktop_app.services import backups

    empty_expired_trash(ctx)
    if not full and not run_folders.dead_run_folders(ctx.paths.tmp):
        removed = originals.clean_up_tmp(ctx.paths.originals, ctx.paths.tmp)
        return removed + backups.sweep_leftovers(ctx.paths)

    # Originals a backup still refers to are kept: after restoring an older backup, those
    # imported since have no row, but the before-restore copy needs them. If a backup
    # cannot be read, no original is removed at all. Backups are read only when there are
    # orphans, so an ordinary start does not open every backup.
    removed = originals.clean_up(
        ctx.paths.originals,
        ctx.paths.tmp,
        ctx.store.known_stored_names(),
        still_needed=lambda _orphans: backups.originals_referenced_by_backups(ctx.paths),
    )
    removed += backups.sweep_leftovers(ctx.paths)
    if full:
        config.tighten_tree(ctx.paths.originals)
    return removed


def empty_expired_trash(ctx: Context) -> None:
    """What has been in the Trash its 30 days goes for good (one query when nothing has)."""
    import logging

    from desktop_app.services import trash

    try:
        trash.empty_expired(ctx)
    except (*DB_ERRORS, OSError) as exc:  # busy or read-only: the next start tries again
        logging.getLogger(__name__).warning("the Trash was not emptied: %s", exc)


def run_auto_backup(ctx: Context) -> None:
    from desktop_app.services import backups

    try:
        ctx.last_auto_backup = backups.auto_backup(ctx)
    except UserError as exc:  # a failed backup never keeps the user from their records
        ctx.backup_problem = str(exc)


def finish_start(ctx: Context) -> int:
    """The slow part of start-up (tidy-up, daily backup); returns how many leftovers went."""
    removed = tidy_up(ctx)
    run_auto_backup(ctx)
    return len(removed)
