"""Watched folders: files a scanner or a phone drops into a folder reach the Inbox by themselves.

A check looks at every watched folder once. A new file is imported (through the same import as
the window's Import) only when its size and modification time have stayed the same over
``STABLE_CHECKS`` checks in a row: a scanner still writing it is left for a later check. What was
seen is remembered in ``<data folder>/watch/seen.json`` (path, size, modification time, content
hash and outcome), so a file is never imported twice and a file that cannot be read is reported
once and tried again only once it changes. The same bytes already imported (under any name) are
"already imported as document N": done, not an error. After its import a file is left where it is
or moved into an "imported" subfolder (the ``watch_after_import`` setting). A watched folder that
disappears (an unplugged disk, a sync folder renamed) is reported once and picked up again when it
comes back.

The window runs checks on its worker when a folder changes and every few seconds as a safety net
(file-system notifications miss events on network and FUSE folders); ``paperasse watch`` runs them
in a loop. Nothing here waits or sleeps: the caller decides when to check again.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.errors import UserError
from desktop_app.core.rules.messages import message
from desktop_app.services.limits import IMPORTABLE_SUFFIXES
from desktop_app.store import originals, state_files

if TYPE_CHECKING:
    from desktop_app.services.context import Context

# Observations of a file's size and modification time that must agree before it is imported.
STABLE_CHECKS = 2
LEAVE, MOVE = "leave", "move"
AFTER_IMPORT = (LEAVE, MOVE)
# The subfolder imported files are moved into, by language; neither is ever watched itself.
IMPORTED_FOLDERS = {"en": "imported", "fr": "importé"}
# Names scanners, browsers and sync tools give a file while they are still writing it.
_PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".download", ".filepart", "~")


# The settings (kept with the app's other settings)

def folders(ctx: Context) -> list[Path]:
    """The watched folders, as the user chose them."""
    saved = ctx.setting("watch_folders") or []
    return [Path(f) for f in saved if isinstance(f, str) and f]


def after_import(ctx: Context) -> str:
    value = ctx.setting("watch_after_import")
    return value if value in AFTER_IMPORT else LEAVE


def checked_folder(ctx: Context, folder) -> Path:
    """``folder`` as an absolute path a watch may use, or a UserError naming the fix."""
    path = Path(os.path.abspath(Path(folder).expanduser()))
    if not path.is_dir():
        raise UserError(f"{path}: no such folder; check the path or create the folder first")
    real, root = Path(os.path.realpath(path)), Path(os.path.realpath(ctx.paths.root))
    if real == root or root in real.parents or real in root.parents:
        raise UserError(
            f"{path}: holds or is inside Paperasse's data folder ({root}); choose the folder your "
            "scanner or phone saves into"
        )
    return path


def save_settings(ctx: Context, chosen, after: str) -> list[Path]:
    """Store the watched folders (each checked, duplicates dropped) and what follows an import."""
    if after not in AFTER_IMPORT:
        raise UserError(f"after import: choose {' or '.join(AFTER_IMPORT)}, got {after!r}")
    current = folders(ctx)
    kept: list[Path] = []
    for folder in chosen:
        path = Path(folder)
        # A folder already watched may be missing just now (an unplugged disk): it stays.
        if not (path in current and not path.exists()):
            path = checked_folder(ctx, folder)
        if path not in kept:
            kept.append(path)
    ctx.set_setting("watch_folders", [str(p) for p in kept])
    ctx.set_setting("watch_after_import", after)
    return kept


# What a check reports

@dataclass(frozen=True)
class WatchEvent:
    """One thing a check did or found. ``kind``: "imported", "already" (the same bytes were
    imported before: done), "failed" (reported once), "moved" (imported earlier, moved now that
    imported files are moved), "folder_missing", "folder_back"."""

    kind: str
    folder: str
    file: str | None = None
    document_id: int | None = None
    moved_to: str | None = None
    error: str | None = None

    @property
    def message_id(self) -> str:
        if self.kind in ("imported", "already") and self.moved_to:
            return f"watch.{self.kind}_moved"
        if self.kind in ("imported", "already") and self.error:
            return f"watch.{self.kind}_not_moved"
        return f"watch.{self.kind}"

    def text(self, lang: str = "en") -> str:
        return message(self.message_id, lang, **self.values())

    def values(self) -> dict:
        return {
            "file": self.file or "", "folder": self.folder, "document": self.document_id,
            "moved_to": self.moved_to or "", "error": self.error or "",
        }

    def to_dict(self) -> dict:
        return {
            "event": self.kind, "folder": self.folder, "file": self.file,
            "document_id": self.document_id, "moved_to": self.moved_to, "error": self.error,
        }


# What was seen

class SeenFiles:
    """``<data folder>/watch/seen.json``: path -> {size, mtime_ns, sha256, state, document_id,
    error}. Read afresh at each check (the window and ``paperasse watch`` may both run), written
    whole and atomically when it changed."""

    def __init__(self, ctx: Context):
        self.path = ctx.paths.root / "watch" / "seen.json"
        self.entries: dict[str, dict] = {}
        self.changed = False

    def load(self) -> None:
        self.changed = False
        try:
            data = json.loads(state_files.read_state_file(self.path).decode("utf-8"))
        except (OSError, ValueError):
            data = {}  # none yet, or damaged: the import itself still refuses a second copy
        self.entries = data.get("files", {}) if isinstance(data, dict) else {}

    def knows(self, key: str, size: int, mtime_ns: int) -> bool:
        entry = self.entries.get(key)
        return bool(entry and entry.get("size") == size and entry.get("mtime_ns") == mtime_ns)

    def remember(self, key: str, **entry) -> None:
        self.entries[key] = entry
        self.changed = True

    def forget(self, key: str) -> None:
        if self.entries.pop(key, None) is not None:
            self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = json.dumps({"version": 1, "files": self.entries}, indent=0, sort_keys=True)
        state_files.write_state_file(data.encode("utf-8"), self.path)
        self.changed = False


def _key(path: Path) -> str:
    return os.fsdecode(path)


def _candidate(path: Path) -> bool:
    name = path.name
    if name.startswith(".") or name.lower().endswith(_PARTIAL_SUFFIXES):
        return False
    return path.suffix.lower() in IMPORTABLE_SUFFIXES


@dataclass
class FolderWatch:
    """What one watcher (the window, or ``paperasse watch``) keeps between checks: the size and
    time each waiting file had at the last check, and which folders were missing. Used by one
    thread at a time."""

    folders: list[Path]
    after: str = LEAVE
    _observed: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    _missing: set[str] = field(default_factory=set)

    @property
    def waiting(self) -> int:
        """Files seen but not yet stable: worth checking again soon."""
        return len(self._observed)

    def waiting_files(self) -> list[str]:
        from desktop_app.services.documents import display_name

        return [display_name(Path(key)) for key in sorted(self._observed)]

    def check(
        self, ctx: Context, lang: str = "en", should_cancel: Callable[[], bool] | None = None
    ) -> list[WatchEvent]:
        """Look at every folder once; import the files that stopped changing. Cancelling stops
        the import between pages: the files not read yet are looked at again next time."""
        from desktop_app.services import documents

        def importer(ctx, paths):
            return documents.import_files(ctx, paths, should_cancel=should_cancel)

        seen = SeenFiles(ctx)
        seen.load()
        events: list[WatchEvent] = []
        ready: list[tuple[Path, Path, os.stat_result]] = []
        present: set[str] = set()
        for folder in self.folders:
            name = _key(folder)
            try:
                children = sorted(folder.iterdir()) if folder.is_dir() else None
            except OSError:
                children = None
            if children is None:
                if name not in self._missing:
                    self._missing.add(name)
                    events.append(WatchEvent("folder_missing", name))
                continue
            if name in self._missing:
                self._missing.discard(name)
                events.append(WatchEvent("folder_back", name))
            for path in children:
                if not _candidate(path):
                    continue
                try:
                    info = path.stat()
                except OSError:
                    continue  # gone between listing and looking: nothing to do
                if not os.path.isfile(path):
                    continue
                key = _key(path)
                present.add(key)
                if seen.knows(key, info.st_size, info.st_mtime_ns):
                    self._observed.pop(key, None)
                    entry = seen.entries[key]
                    if self.after == MOVE and entry.get("state") == "done":
                        # Imported while files were left in place; now they are to be moved.
                        moved_to, error = _move(path, folder, lang)
                        if moved_to:
                            seen.forget(key)
                            events.append(WatchEvent("moved", name, path.name,
                                                     document_id=entry.get("document_id"),
                                                     moved_to=moved_to))
                    continue
                now = (info.st_size, info.st_mtime_ns)
                before = self._observed.get(key)
                count = before[2] + 1 if before and before[:2] == now else 1
                if count >= STABLE_CHECKS:
                    self._observed.pop(key, None)
                    ready.append((folder, path, info))
                else:
                    self._observed[key] = (*now, count)
        for key in list(self._observed):
            if key not in present:
                del self._observed[key]  # removed before it settled
        if ready:
            events += self._import(ctx, seen, ready, lang, importer)
        self._prune(seen, present)
        seen.save()
        return events

    def _import(self, ctx, seen: SeenFiles, ready, lang: str, importer) -> list[WatchEvent]:
        hashes: dict[str, str | None] = {}
        for _folder, path, _info in ready:
            try:
                hashes[_key(path)] = originals.sha256_of(path)
            except OSError:
                hashes[_key(path)] = None  # the import says why it cannot be read
        # The same bytes twice in one check (a copy under another name) are read once.
        first: dict[str, Path] = {}
        to_read: list[Path] = []
        for _folder, path, _info in ready:
            digest = hashes[_key(path)]
            if digest is None or digest not in first:
                if digest is not None:
                    first[digest] = path
                to_read.append(path)
        from desktop_app.services.documents import display_name

        # Outcomes name their file as display_name does; a cancelled import has none for the
        # files it did not come to.
        by_name = {o.path: o for o in importer(ctx, to_read)}
        outcomes = {_key(p): by_name[display_name(p)] for p in to_read if display_name(p) in by_name}
        events = []
        for folder, path, info in ready:
            key = _key(path)
            digest = hashes[key]
            outcome = outcomes.get(key)
            if outcome is None and path in to_read:
                self._observed[key] = (info.st_size, info.st_mtime_ns, STABLE_CHECKS - 1)
                continue  # not read (cancelled): ready again at the next look
            if outcome is None:  # a copy of a file of this same check
                outcome = outcomes.get(_key(first[digest])) if digest is not None else None
                if outcome is None:
                    continue
                already = True
            else:
                already = outcome.already
            entry = dict(size=info.st_size, mtime_ns=info.st_mtime_ns, sha256=digest)
            if not outcome.ok:
                seen.remember(key, **entry, state="failed", error=outcome.error)
                events.append(WatchEvent("failed", _key(folder), path.name, error=outcome.error))
                continue
            moved_to, move_error = None, None
            if self.after == MOVE:
                moved_to, move_error = _move(path, folder, lang)
            if moved_to is None:
                seen.remember(key, **entry, state="done", document_id=outcome.document_id)
            events.append(WatchEvent(
                "already" if already else "imported", _key(folder), path.name,
                document_id=outcome.document_id, moved_to=moved_to, error=move_error,
            ))
        return events

    def _prune(self, seen: SeenFiles, present: set[str]) -> None:
        """Forget files no longer in their folder (moved away, deleted), unless the folder
        itself is missing: what was on an unplugged disk is still known when it comes back."""
        watched = {_key(f) for f in self.folders} - self._missing
        for key in list(seen.entries):
            if key not in present and os.path.dirname(key) in watched:
                seen.forget(key)


def _move(path: Path, folder: Path, lang: str) -> tuple[str | None, str | None]:
    """Move an imported file into the folder's "imported" subfolder, never over another file.
    Returns (where it went, None) or (None, why it stayed)."""
    target_dir = folder / IMPORTED_FOLDERS.get(lang, IMPORTED_FOLDERS["en"])
    for name in IMPORTED_FOLDERS.values():  # one made earlier in the other language is kept
        if (folder / name).is_dir():
            target_dir = folder / name
            break
    try:
        target_dir.mkdir(exist_ok=True)
        target = target_dir / path.name
        n = 2
        while target.exists():
            target = target_dir / f"{path.stem} ({n}){path.suffix}"
            n += 1
        shutil.move(os.fspath(path), os.fspath(target))
    except FileNotFoundError:
        return None, None  # taken away meanwhile: nothing left to move
    except OSError as exc:
        return None, f"{exc.strerror or exc}"
    return os.path.join(target_dir.name, target.name), None
