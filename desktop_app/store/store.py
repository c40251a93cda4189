"""The record store: people, documents and their fields, claims and their payer tracks."""

from __future__ import annotations

import contextlib
from pathlib import Path

from desktop_app.store import folder_lock, sql
from desktop_app.store.claims import ClaimRecords
from desktop_app.store.db import connect, record_clean_close
from desktop_app.store.documents import AlreadyStored, DocumentRecords
from desktop_app.store.layout_memory import LayoutMemoryRecords
from desktop_app.store.people import PeopleRecords
from desktop_app.store.search import SearchRecords
from desktop_app.store.settings import SettingsRecords
from desktop_app.store.trash import TrashRecords

__all__ = ["AlreadyStored", "Store", "is_disk_full"]  # AlreadyStored: its callers' old import


class Store(PeopleRecords, DocumentRecords, ClaimRecords, SettingsRecords, TrashRecords,
            SearchRecords, LayoutMemoryRecords):
    """The open record: one connection, and the queries of each entity mixed in from its
    module (store/people.py, documents.py, claims.py, settings.py, search.py, trash.py,
    layout_memory.py), each standing on store/records.py."""

    def __init__(self, database: Path, originals_dir: Path, tmp_dir: Path, backups_dir: Path):
        self.database_path = database
        self.originals_dir = originals_dir
        self.tmp_dir = tmp_dir
        self.backups_dir = backups_dir
        self._root = database.parent
        # Opened by a running Paperasse already: it checked the file when it opened it.
        checked = folder_lock.in_use(self._root)
        folder_lock.acquire(self._root)  # a restore waits for (or refuses) every open record
        try:
            self.db = connect(database, backups_dir, trusted=checked)
        except BaseException:
            folder_lock.release(self._root)
            raise
        self._open = True
        self._status_cache = None

    @property
    def status_cache(self):
        """The worked-out statuses kept between runs (store/status_cache.py)."""
        if self._status_cache is None:
            from desktop_app.store.status_cache import StatusCache

            self._status_cache = StatusCache(self._root / "cache" / "status.db")
        return self._status_cache

    @classmethod
    def open(cls, paths) -> Store:
        return cls(paths.database, paths.originals, paths.tmp, paths.backups)

    def close(self) -> None:
        if self._status_cache is not None:
            self._status_cache.close()
        self.db.close()
        if self._open:
            self._open = False
            folder_lock.release(self._root)
            if not folder_lock.in_use(self._root):  # the last one out: the file is at rest
                record_clean_close(self.database_path)

    def data_version(self) -> int:
        """SQLite's counter of commits made by other connections: one cheap read, no file scan
        (the window polls it to notice what the command line changed)."""
        return self.db.conn.execute("PRAGMA data_version").fetchone()[0]

    @contextlib.contextmanager
    def snapshot(self):
        """Reads that all see the record as it was at the first of them (a WAL read
        transaction): an answer built from several queries is never half before and half after
        another process's write."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")


def is_disk_full(exc: BaseException) -> bool:
    """Whether a failed write failed because the disk (or its quota) is full."""
    if isinstance(exc, OSError):
        import errno

        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    return isinstance(exc, sql.Error) and "full" in str(exc).lower()
