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

Old backups rotate as the local ones do (services/backups.py); originals no remaining manifest
lists are removed afterwards.

Restoring (``restore_from``) checks the chosen copy and the hash of every original it refers to
before anything in the data folder changes, copies the originals in (each one checked, written
atomically), then replaces the database as a local restore does (a safety copy first).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.errors import FolderInUse, NotFound, UserError
from desktop_app.services import backups
from desktop_app.store import folder_lock, originals

ORIGINALS = "originals"
CHECKED = "checked.json"
SETTING = "backup_folder"
LAST_SETTING = "backup_folder_last"
REMIND_SETTING = "backup_folder_remind_days"
CHUNK = 1 << 20


@dataclass(frozen=True)
class FolderBackup:
    """What one run to the folder did."""

    folder: str
    id: str
    created_at: str
    counts: dict
    originals: int  # how many the new backup needs
    copied: int  # how many were copied this time (the others were there already)
    recopied: list[str] = field(default_factory=list)  # found damaged there, copied again
    missing: list[str] = field(default_factory=list)  # not sound in the data folder: not copied
    removed: int = 0  # files gone with the rotation

    def to_dict(self) -> dict:
        return {
            "folder": self.folder, "id": self.id, "created_at": self.created_at,
            "counts": dict(self.counts), "originals": self.originals, "copied": self.copied,
            "recopied": list(self.recopied), "missing": list(self.missing),
            "removed": self.removed,
        }


@dataclass(frozen=True)
class FolderCheck:
    """A backup in the folder checked: the copy of the records and each original it needs."""

    folder: str
    id: str
    created_at: str
    counts: dict
    damaged: list[str] = field(default_factory=list)
    missing_originals: list[str] = field(default_factory=list)
    altered_originals: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.damaged or self.missing_originals or self.altered_originals)

    def to_dict(self) -> dict:
        return {
            "folder": self.folder, "id": self.id, "created_at": self.created_at,
            "counts": dict(self.counts), "ok": self.ok, "usable": not self.damaged,
            "damaged": list(self.damaged), "missing_originals": list(self.missing_originals),
            "altered_originals": list(self.altered_originals),
        }


# The folder itself


def _folder_error(folder: Path, exc: OSError | None = None) -> UserError:
    """One line naming the folder and the fix, for each way it can be out of reach."""
    code = exc.errno if exc is not None else errno.ENOENT
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        return UserError(
            f"the backup folder {folder} is full; free some space there or choose another "
            "folder (the previous backups there are whole)"
        )
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(
            f"the backup folder {folder} cannot be written (permission denied or read-only); "
            "choose a folder you can write to"
        )
    if code == errno.ENOENT or code == errno.ENOTDIR:
        return UserError(
            f"the backup folder {folder} is not there (is the drive plugged in?); plug it in "
            "or choose another folder"
        )
    return UserError(
        f"cannot use the backup folder {folder} ({exc.strerror or exc}); check the drive and "
        "try again"
    )


def _reachable(folder: Path) -> Path:
    if not folder.is_dir():
        raise _folder_error(folder)
    return folder


def _writable(folder: Path) -> None:
    probe = folder / f".paperasse-{os.getpid()}-probe.part"
    try:
        with open(probe, "wb") as handle:
            handle.write(b"0")
    except OSError as exc:
        raise _folder_error(folder, exc) from None
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()


def _outside_data(ctx, folder: Path) -> None:
    """A backup inside the data folder would go with it when the disk fails."""
    with contextlib.suppress(OSError):
        if folder.resolve().is_relative_to(ctx.paths.root.resolve()):
            raise UserError(
                f"{folder} is inside the data folder {ctx.paths.root}; choose a folder on another "
                "disk (an external drive, a synced folder)"
            )


def chosen_folder(ctx) -> Path | None:
    value = ctx.setting(SETTING)
    return Path(value) if value else None


def choose(ctx, folder) -> Path:
    """Remember ``folder`` as where backups go (it must exist and be writable)."""
    path = Path(folder).expanduser().absolute()
    _reachable(path)
    _outside_data(ctx, path)
    _writable(path)
    ctx.set_setting(SETTING, str(path))
    return path


# Backing up


def back_up(ctx, folder=None, now: _dt.datetime | None = None, remember: bool = False) -> FolderBackup:
    """Copy the records and the originals not there yet into ``folder`` (the chosen one if
    None), then rotate. ``remember`` makes ``folder`` the chosen one first."""
    if folder is None:
        target = chosen_folder(ctx)
        if target is None:
            raise UserError("no backup folder chosen yet; choose one first")
    elif remember:
        target = choose(ctx, folder)
    else:
        target = Path(folder).expanduser().absolute()
    _reachable(target)
    _outside_data(ctx, target)
    _writable(target)
    try:
        result = _back_up(ctx, target, now)
    except OSError as exc:
        raise _folder_error(target, exc) from None
    chosen = chosen_folder(ctx)
    if chosen is not None and _same(chosen, target):
        ctx.set_setting(LAST_SETTING, {"folder": str(target), "at": result.created_at})
    return result


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return str(a) == str(b)


def _back_up(ctx, folder: Path, now) -> FolderBackup:
    sweep(folder)
    _copy_keyfile(ctx, folder)
    root = folder / ORIGINALS
    checked = _read_checked(root)
    manifest: dict[str, dict] = {}
    copied = 0
    recopied: list[str] = []
    missing: list[str] = []
    try:
        for name, sha in sorted(set(ctx.store.stored_originals())):
            source = ctx.paths.originals / name
            target = root / name
            try:
                size = source.stat().st_size
            except OSError:
                missing.append(name)
                continue
            if _trusted(target, checked.get(name), size):
                manifest[name] = {"sha256": sha, "size": size}
                continue
            was_there = target.exists()
            if was_there and _hash_of(target) == sha and target.stat().st_size == size:
                checked[name] = _stat_key(target)
                manifest[name] = {"sha256": sha, "size": size}
                continue
            if not _copy_checked(source, target, sha, size):
                missing.append(name)  # damaged in the data folder: a bad copy is never made
                continue
            copied += 1
            if was_there:
                recopied.append(name)
            checked[name] = _stat_key(target)
            manifest[name] = {"sha256": sha, "size": size}
    finally:
        _write_checked(root, checked)  # what was checked stays known, even if cut short
    path = backups.write_copy(
        ctx, folder, "folder", now, extra={"originals": manifest, "missing_originals": missing}
    )
    removed = backups.rotate_folder(folder, (now or backups._local_now()).date())
    if any(p.suffix == ".db" for p in removed):
        removed += prune(folder)
    info = backups._info(path)
    return FolderBackup(
        folder=str(folder), id=info.id, created_at=info.created_at, counts=dict(info.counts),
        originals=len(manifest), copied=copied, recopied=recopied, missing=missing,
        removed=len(removed),
    )


def _copy_keyfile(ctx, folder: Path) -> None:
    """An encrypted folder's backups are encrypted too (its originals copied as they are, the
    records under the same key): its key file goes with them, so the passphrase or the recovery
    key opens them again, here or on another computer."""
    source = ctx.paths.root / "keyfile.json"
    if not source.is_file():
        return
    data = source.read_bytes()
    target = folder / "keyfile.json"
    if not target.is_file() or target.read_bytes() != data:
        originals.write_bytes_atomically(data, target, suffix=backups.pid_suffix())


def _stat_key(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def _trusted(target: Path, key, size: int) -> bool:
    """Already there, checked when written, and untouched since."""
    if not key:
        return False
    try:
        return _stat_key(target) == list(key) and key[0] == size
    except OSError:
        return False


def _hash_of(path: Path) -> str | None:
    try:
        return originals.sha256_of(path)
    except OSError:
        return None


def _copy_checked(source: Path, target: Path, sha: str, size: int) -> bool:
    """Copy ``source`` to ``target`` through a temporary file beside it, renamed into place only
    when its size and SHA-256 are right. False when the source itself does not match ``sha``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with originals.atomic_file(target, target.parent, suffix=backups.pid_suffix()) as tmp:
            # Copied byte for byte (an encrypted folder's originals stay encrypted), then read
            # back from the drive and checked against the name: the plain bytes' SHA-256.
            with open(source, "rb") as inp, open(tmp, "wb") as out:
                while chunk := inp.read(CHUNK):
                    out.write(chunk)
            if tmp.stat().st_size != size or originals.sha256_of(tmp) != sha:
                if originals.sha256_of(source) != sha:
                    raise _SourceDamaged
                raise OSError(errno.EIO, f"the copy of {target.name} does not match its original")
    except _SourceDamaged:
        return False
    return True


class _SourceDamaged(Exception):
    pass


def _read_checked(root: Path) -> dict:
    try:
        data = json.loads((root / CHECKED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_checked(root: Path, checked: dict) -> None:
    if not root.is_dir():
        return
    with contextlib.suppress(OSError):
        originals.write_bytes_atomically(
            json.dumps(checked, sort_keys=True).encode("utf-8"), root / CHECKED,
            suffix=backups.pid_suffix(),
        )


def sweep(folder: Path) -> list[Path]:
    """What a run that died left: temporary files whose name ends with the id of a process that
    is gone (the records' copy, its sidecar, each original's copy), and orphan sidecars."""
    removed = backups.sweep_leftovers(_FolderPaths(folder))
    root = folder / ORIGINALS
    leftovers = [*folder.glob(".paperasse-*.part")]
    if root.is_dir():
        leftovers += [*root.glob(".paperasse-*.part"), *root.glob("??/.paperasse-*.part")]
    for leftover in leftovers:
        pid = leftover.name.removesuffix(".part").rsplit("-", 1)[-1]
        if not pid.isdigit() or len(pid) >= 10 or originals.process_alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed.append(leftover)
    return removed


class _FolderPaths:
    """Just what services/backups.py's folder helpers read: where the copies are."""

    def __init__(self, folder: Path):
        self.backups = folder


def _manifest(info: backups.BackupInfo) -> dict | None:
    try:
        meta = json.loads(backups._sidecar(info.path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    manifest = meta.get("originals") if isinstance(meta, dict) else None
    return manifest if isinstance(manifest, dict) else None


def prune(folder: Path) -> list[Path]:
    """Remove the originals no remaining backup's manifest lists (none if one cannot be read)."""
    needed: set[str] = set()
    for info in backups.in_folder(folder):
        manifest = _manifest(info)
        if manifest is None:
            return []
        needed.update(manifest)
    root = folder / ORIGINALS
    removed: list[Path] = []
    checked = _read_checked(root)
    for path in root.glob("??/*"):
        name = f"{path.parent.name}/{path.name}"
        if path.name.startswith(".") or name in needed:
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
            checked.pop(name, None)
    for sub in root.glob("??"):
        with contextlib.suppress(OSError):
            sub.rmdir()  # only the empty ones
    if removed:
        _write_checked(root, checked)
    return removed


# Looking at the folder


def list_backups(folder) -> list[dict]:
    """The backups in ``folder``, newest first, as backups.list_backups gives them, plus how
    many originals each needs."""
    path = _reachable(Path(folder).expanduser().absolute())
    listed = []
    for index, info in enumerate(backups.in_folder(path), start=1):
        manifest = _manifest(info)
        listed.append(dict(info.to_dict(), index=index,
                           originals=len(manifest) if manifest is not None else None))
    return listed


def find(folder, ref=None) -> backups.BackupInfo:
    """A backup in ``folder`` by name or number (1 = newest); the newest when ``ref`` is None."""
    path = _reachable(Path(folder).expanduser().absolute())
    listed = backups.in_folder(path)
    if not listed:
        raise NotFound(f"no Paperasse backup in {path}; choose the folder the backups went to")
    if ref is None:
        return listed[0]
    text = str(ref).strip()
    if text.isdigit():
        index = int(text)
        if 1 <= index <= len(listed):
            return listed[index - 1]
        raise NotFound(f"no backup number {index} in {path}: there are {len(listed)}")
    for info in listed:
        if info.id in (text, f"{text}.db"):
            return info
    raise NotFound(f"no backup named {text!r} in {path}")


def verify(folder, ref=None) -> FolderCheck:
    """Check a backup in the folder: the records copy, and the SHA-256 of every original it
    needs. Originals found damaged are forgotten as checked, so the next run copies them again."""
    return _verify(folder, ref)[0]


def _verify(folder, ref):
    path = Path(folder).expanduser().absolute()
    info = find(path, ref)
    check, stored = backups.check_copy(info)
    missing, altered = [], []
    root = path / ORIGINALS
    checked = _read_checked(root)
    for sha, name in stored:
        copy = root / name
        if not copy.is_file():
            missing.append(name)
        elif _hash_of(copy) != sha:
            altered.append(name)
            checked.pop(name, None)
    if altered:
        _write_checked(root, checked)
    result = FolderCheck(
        folder=str(path), id=info.id, created_at=info.created_at, counts=dict(check.counts),
        damaged=list(check.damaged), missing_originals=missing, altered_originals=altered,
    )
    return result, check, stored


# The reminder


def reminder(ctx, today: _dt.date | None = None) -> dict | None:
    """When a folder is chosen and its last backup is older than the setting's days (or there
    is none yet): {"id", "folder", "days", "last"}; None otherwise."""
    folder = chosen_folder(ctx)
    if folder is None:
        return None
    try:
        limit = int(ctx.setting(REMIND_SETTING))
    except (TypeError, ValueError):
        limit = 7
    if limit <= 0:
        return None
    today = today or _dt.date.today()
    last = ctx.setting(LAST_SETTING) or {}
    at = None
    if isinstance(last, dict) and last.get("folder") and _same(Path(last["folder"]), folder):
        with contextlib.suppress(TypeError, ValueError):
            at = _dt.datetime.fromisoformat(str(last.get("at"))).date()
    if at is None:
        return {"id": "backup.folder_never", "folder": str(folder), "days": None, "last": None}
    days = (today - at).days
    if days < limit:
        return None
    return {"id": "backup.folder_overdue", "folder": str(folder), "days": days,
            "last": at.isoformat()}


def status(ctx, today: _dt.date | None = None) -> dict:
    """What the window shows: {"folder" (None when none is chosen), "last" (when the last backup
    there was taken, or None), "reminder" (as :func:`reminder`)}. Reads only the settings."""
    folder = chosen_folder(ctx)
    last = ctx.setting(LAST_SETTING) or {}
    at = None
    if folder is not None and isinstance(last, dict) and last.get("folder"):
        if _same(Path(last["folder"]), folder):
            at = last.get("at")
    return {"folder": str(folder) if folder else None, "last": at,
            "reminder": reminder(ctx, today)}


# Restoring


def unlock(folder, secret: str) -> None:
    """Keep, for this process, the keys of an encrypted backup folder (on a new computer, the
    data folder it is restored into has none yet)."""
    from desktop_app.store import vault

    root = Path(folder).expanduser()
    try:
        doc = vault.read_keyfile(root)
        vault.register_extra(vault.unwrap(doc, secret))
    except vault.KeyFileDamaged as exc:
        raise UserError(f"{exc}; nothing was changed") from None
    except vault.WrongPassphrase:
        raise UserError(f"wrong passphrase for {root}: nothing was opened or changed") from None


def needs_passphrase(folder) -> bool:
    """An encrypted backup folder whose key is not unlocked in this process."""
    from desktop_app.store import vault

    root = Path(folder).expanduser()
    if not vault.is_encrypted(root):
        return False
    try:
        key_id = vault.read_keyfile(root).get("key_id")
    except vault.KeyFileDamaged:
        return False
    return vault.keys_by_id(str(key_id)) is None


def _adopt_keyfile(paths, folder: Path) -> None:
    """Restoring an encrypted backup into a folder without a passphrase: the backup's key file
    comes with it (the records and scans copied in are encrypted under it). Into a folder
    protected under another data key, it is refused before anything changes."""
    from desktop_app.store import vault

    if not vault.is_encrypted(folder):
        return
    theirs = vault.read_keyfile(folder)
    if vault.is_encrypted(paths.root):
        if vault.read_keyfile(paths.root).get("key_id") != theirs.get("key_id"):
            raise UserError(
                f"the backup in {folder} is encrypted under another passphrase than "
                f"{paths.root}: remove this folder's passphrase first; nothing was changed")
        return
    keys = vault.keys_by_id(str(theirs.get("key_id")))
    vault.write_keyfile(paths.root, dict(theirs, converting=None))
    if keys is not None:
        vault.register(paths.root, keys)


def restore_from(target, folder, ref=None) -> dict:
    """Rebuild the records and every original from a backup in ``folder``.

    ``target`` is a Context or the DataPaths (as backups.restore). Everything is checked first
    (the copy, and the hash of each original it needs); nothing changes if the copy is damaged.
    Originals missing or damaged in the folder are named in the report and not copied. Returns
    backups.restore's report plus {"folder", "copied_originals"}.
    """
    paths = backups._paths(target)
    ctx = target if hasattr(target, "store") else None
    check, local, stored = _verify(folder, ref)
    if check.damaged:
        raise UserError(
            f"backup {check.id} in {check.folder} failed verification: {check.damaged[0]}; "
            "nothing was changed"
        )
    bad = set(check.missing_originals) | set(check.altered_originals)
    root = Path(check.folder) / ORIGINALS
    paths.tmp.mkdir(mode=0o700, parents=True, exist_ok=True)
    copied = 0
    _adopt_keyfile(paths, Path(check.folder))
    try:
        with folder_lock.exclusive(paths.root), originals.writing(paths.originals):
            for sha, name in stored:
                live = paths.originals / name
                if name in bad or (live.is_file() and _hash_of(live) == sha):
                    continue
                size = (root / name).stat().st_size
                if live.exists():
                    live.unlink()  # damaged here: the sound copy takes its place
                originals.private_dir(live.parent)
                if not _copy_checked(root / name, live, sha, size):
                    bad.add(name)  # changed since it was checked
                    continue
                copied += 1
            report = backups._replace_database(paths, ctx, local)
    except folder_lock.FolderBusy as busy:
        raise FolderInUse(busy.root, busy.pid) from None
    except OSError as exc:
        raise UserError(
            f"cannot copy the backup into {paths.root} ({exc.strerror or exc}); check the free "
            "disk space; the records were not replaced"
        ) from None
    lost = set(report.get("recovered_originals") or ())
    report.update(
        folder=check.folder,
        copied_originals=copied,
        missing_originals=sorted(n for n in bad if n in check.missing_originals and n not in lost),
        altered_originals=sorted(n for n in bad if n not in check.missing_originals and n not in lost),
    )
    return report
