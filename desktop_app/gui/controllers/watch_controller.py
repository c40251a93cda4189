"""Watched folders in the window: new scans reach the Inbox while it is open.

A folder's change notice (QFileSystemWatcher) asks for a check soon; a check also runs every few
seconds whatever happens, because notices are missed on network and FUSE folders. Checks run on
the worker, one at a time (services/watch_folders.py does the work); a file still being written
is looked at again a second later.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from desktop_app.gui import labels
from desktop_app.gui.lazy import watch_folders

RESCAN_MS = 5000  # the safety net: notices can be missed
SETTLE_MS = 1000  # a file seen growing, or a notice: look again this soon


class WatchController(QObject):
    arrived = Signal()  # documents came into the Inbox
    message = Signal(str)  # one line for the status bar
    checked = Signal(list)  # every check's events (services.watch_folders.WatchEvent)

    def __init__(self, ctx, workers, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.workers = workers
        self.watch = None
        self._running = False
        self._again = False
        self._stopped = False
        self.notices = QFileSystemWatcher(self)
        self.notices.directoryChanged.connect(lambda _path: self._soon())
        self._rescan = QTimer(self, interval=RESCAN_MS)
        self._rescan.timeout.connect(self.check)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.check)
        self.reload()

    @property
    def folders(self) -> list:
        return list(self.watch.folders) if self.watch else []

    def reload(self) -> None:
        """Read the watched folders and the leave/move choice again (the settings changed)."""
        folders = watch_folders.folders(self.ctx)
        self.watch = watch_folders.FolderWatch(folders, watch_folders.after_import(self.ctx))
        watched = self.notices.directories()
        if watched:
            self.notices.removePaths(watched)
        self._follow()
        if folders and not self._stopped:
            self._rescan.start()
            self._soon()
        else:
            self._rescan.stop()
            self._settle.stop()

    def stop(self) -> None:
        """Nothing more is checked (the window closes, or a restore replaces the records)."""
        self._stopped = True
        self._rescan.stop()
        self._settle.stop()

    def resume(self) -> None:
        self._stopped = False
        self.reload()

    def _follow(self) -> None:
        """Ask for notices on each folder that is there (one that went and came back is added
        again: the notices stop when a folder goes)."""
        watched = set(self.notices.directories())
        for folder in self.folders:
            path = os.fspath(folder)
            if path not in watched and os.path.isdir(path):
                self.notices.addPath(path)

    def _soon(self) -> None:
        if not self._stopped and not self._settle.isActive():
            self._settle.start()

    def check(self) -> None:
        if self._stopped or not self.folders:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._again = False
        watch, lang = self.watch, labels.current_language()
        self.workers.run(lambda ctx, should_cancel, **_: watch.check(ctx, lang, should_cancel),
                         on_success=self._done, on_failure=self._failed)

    def _done(self, events) -> None:
        self._running = False
        self._follow()
        if events:
            self.message.emit(self.describe(events))
            if any(e.kind in ("imported", "already", "moved") for e in events):
                self.arrived.emit()
        self.checked.emit(list(events))
        if self.watch is not None and (self.watch.waiting or self._again):
            self._soon()

    def _failed(self, exc) -> None:
        from desktop_app.gui.controllers.messages import message_of

        self._running = False
        self.message.emit(self.tr("Watched folders could not be checked: %1").replace(
            "%1", message_of(exc)))

    def describe(self, events) -> str:
        """One status-bar line for what a check did."""
        imported = [e for e in events if e.kind == "imported"]
        parts = []
        if len(imported) == 1:
            parts.append(self.tr("%1 arrived in the Inbox.").replace("%1", imported[0].file))
        elif imported:
            parts.append(self.tr("%n document(s) arrived in the Inbox from watched folders.", "",
                                 len(imported)))
        for e in events:
            if e.kind == "already":
                parts.append(self.tr("%1 was already imported (document %2).")
                             .replace("%1", e.file).replace("%2", str(e.document_id)))
            elif e.kind == "failed":
                parts.append(self.tr("Not imported from a watched folder: %1").replace(
                    "%1", e.error or e.file))
            elif e.kind == "folder_missing":
                parts.append(self.tr("The watched folder %1 is gone; it is watched again once "
                                     "it is back.").replace("%1", e.folder))
            elif e.kind == "folder_back":
                parts.append(self.tr("The watched folder %1 is back.").replace("%1", e.folder))
            if e.kind in ("imported", "already") and e.error:
                parts.append(self.tr("%1 could not be moved: %2").replace("%1", e.file)
                             .replace("%2", e.error))
        return " ".join(parts)
