"""A passphrase for the data folder: setting, changing, removing it, and unlocking the folder.

The folder is converted in place (store/folder_crypt.py) after a backup, holding it alone; the
keys live in store/vault.py. A forgotten passphrase cannot be worked around: without it (or the
recovery key) the data cannot be read by anyone, this program included.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desktop_app import config
from desktop_app.core.errors import UserError
from desktop_app.store import atomic_files, folder_crypt, folder_lock, originals, vault

MIN_LENGTH = 8

# Said when a passphrase is set, by every face (the window words it from its catalogue).
WARNING = (
    "If the passphrase is forgotten, the data is gone: nobody, not even Paperasse, can read it "
    "again. Keep the recovery key somewhere safe, away from this computer."
)


class WrongPassphrase(UserError):
    pass


class TooShort(UserError):
    pass


class FolderBusy(UserError):
    """Another process has the folder open: it cannot be converted now."""


@dataclass
class Outcome:
    action: str  # "set", "changed", "removed", "unlocked"
    root: str
    converted_files: int = 0
    backup: str | None = None
    recovery_key: str | None = None  # shown once, when set

    def to_dict(self) -> dict:
        data = {"action": self.action, "data_dir": self.root,
                "converted_files": self.converted_files, "backup": self.backup}
        if self.recovery_key is not None:
            data["recovery_key"] = self.recovery_key
            data["warning"] = WARNING
        return data


def root_of(data_dir) -> Path:
    return config.resolve_root(data_dir)


def is_protected(data_dir) -> bool:
    return vault.is_encrypted(root_of(data_dir))


def needs_passphrase(data_dir) -> bool:
    root = root_of(data_dir)
    return vault.is_encrypted(root) and vault.unlocked(root) is None


def check_new(passphrase: str) -> None:
    if len(passphrase) < MIN_LENGTH:
        raise TooShort(
            f"the passphrase is too short ({len(passphrase)} characters): use at least "
            f"{MIN_LENGTH}, a few words are easiest to remember",
        )


def _read_keyfile(root: Path) -> dict:
    try:
        return vault.read_keyfile(root)
    except vault.KeyFileDamaged as exc:
        raise UserError(f"{exc}: restore it from a copy of the data folder") from None


def _unwrap(root: Path, secret: str) -> vault.DataKeys:
    doc = _read_keyfile(root)
    try:
        return vault.unwrap(doc, secret)
    except vault.WrongPassphrase:
        raise WrongPassphrase(
            f"wrong passphrase for {root}: nothing was opened or changed",
        ) from None


def unlock(data_dir, secret: str, progress=None) -> Outcome:
    """Check the passphrase (or recovery key) and keep the keys for this process. A conversion
    cut short is finished first, if no other process has the folder open."""
    root = root_of(data_dir)
    if not vault.is_encrypted(root):
        return Outcome("unlocked", str(root))
    keys = _unwrap(root, secret)
    vault.register(root, keys)
    vault.sweep_parts(root)
    converted = _finish_conversion(root, keys, progress)
    return Outcome("unlocked", str(root), converted_files=converted)


def lock(data_dir) -> None:
    """Forget the keys (the caller has closed every connection to the folder)."""
    vault.forget(root_of(data_dir))


def _finish_conversion(root: Path, keys: vault.DataKeys, progress=None) -> int:
    doc = _read_keyfile(root)
    way = doc.get("converting")
    if way not in ("encrypt", "decrypt"):
        return 0
    try:
        with folder_lock.exclusive(root):
            return _convert(root, keys, doc, encrypt=way == "encrypt", progress=progress)
    except folder_lock.FolderBusy:
        return 0  # the process holding it carries on; every file reads either way meanwhile


def _convert(root: Path, keys, doc: dict, encrypt: bool, progress=None) -> int:
    with originals.writing(root / "originals"):
        done = folder_crypt.convert(root, keys, encrypt, progress)
    if encrypt:
        doc = dict(doc, converting=None)
        vault.write_keyfile(root, doc)
    else:
        vault.remove_keyfile(root)
        vault.forget(root)
    return done


def _backup_first(data_dir, reason: str) -> str | None:
    """A copy of the records before the folder is rewritten (in its own backups folder)."""
    from desktop_app.services import backups
    from desktop_app.services.context import open_context

    paths = config.prepare(data_dir)
    if not paths.database.exists():
        return None
    ctx = open_context(data_dir, auto_backup=False, tidy=False)
    try:
        return str(backups.backup_now(ctx, reason=reason).path)
    finally:
        ctx.close()


def _busy(exc: folder_lock.FolderBusy) -> UserError:
    return FolderBusy(
        f"{exc.root} is open in another Paperasse (process {exc.pid or '?'}); close it and try "
        "again: nothing was changed",
    )


def set_passphrase(data_dir, passphrase: str, with_recovery: bool = True,
                   progress=None) -> Outcome:
    """Protect a plain folder: backup, key file, then every file encrypted in place."""
    check_new(passphrase)
    root = root_of(data_dir)
    if vault.is_encrypted(root):
        raise UserError(
            f"{root} already has a passphrase; change it or remove it instead",
        )
    config.prepare(data_dir)
    try:
        with folder_lock.exclusive(root):
            backup = _backup_first(data_dir, "before-passphrase")
            doc, keys, recovery = vault.new_keyfile(passphrase, with_recovery=with_recovery)
            doc["converting"] = "encrypt"
            vault.write_keyfile(root, doc)
            vault.register(root, keys)
            done = _convert(root, keys, doc, encrypt=True, progress=progress)
    except folder_lock.FolderBusy as exc:
        raise _busy(exc) from None
    return Outcome("set", str(root), converted_files=done, backup=backup, recovery_key=recovery)


def change_passphrase(data_dir, old: str, new: str, progress=None) -> Outcome:
    """A new passphrase: the data key is wrapped again and the key file replaced in one
    rename; no data file is rewritten, so a crash leaves the old or the new one working."""
    check_new(new)
    root = root_of(data_dir)
    if not vault.is_encrypted(root):
        raise UserError(f"{root} has no passphrase yet; set one instead")
    keys = _unwrap(root, old)
    vault.register(root, keys)
    _finish_conversion(root, keys, progress)
    doc = _read_keyfile(root)
    vault.write_keyfile(root, vault.rewrapped(doc, keys, new))
    return Outcome("changed", str(root))


def remove_passphrase(data_dir, old: str, progress=None) -> Outcome:
    """Back to a plain folder: backup, then every file decrypted in place, then the key file
    goes."""
    root = root_of(data_dir)
    if not vault.is_encrypted(root):
        raise UserError(f"{root} has no passphrase")
    keys = _unwrap(root, old)
    vault.register(root, keys)
    try:
        with folder_lock.exclusive(root):
            backup = _backup_first(data_dir, "before-passphrase-removal")
            doc = dict(_read_keyfile(root), converting="decrypt")
            vault.write_keyfile(root, doc)
            done = _convert(root, keys, doc, encrypt=False, progress=progress)
    except folder_lock.FolderBusy as exc:
        raise _busy(exc) from None
    return Outcome("removed", str(root), converted_files=done, backup=backup)


def status(data_dir) -> dict:
    root = root_of(data_dir)
    protected = vault.is_encrypted(root)
    data = {"data_dir": str(root), "protected": protected}
    if protected:
        doc = _read_keyfile(root)
        data.update(
            unlocked=vault.unlocked(root) is not None,
            recovery_key=bool(doc["wrapped"].get("recovery")),
            kdf={k: doc["kdf"][k] for k in ("name", "time_cost", "memory_cost", "parallelism")},
            converting=doc.get("converting"),
        )
    return data


def read_secret_file(path) -> str:
    """A passphrase kept in a file (its first line, the line ending left off)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read the passphrase from {path} ({exc}); check the file") from None
    line = text.splitlines()[0] if text else ""
    if not line:
        raise UserError(f"{path} is empty: write the passphrase on its first line")
    return line


ENV_FILE = "PAPERASSE_PASSPHRASE_FILE"


def passphrase_from_env() -> str | None:
    path = os.environ.get(ENV_FILE)
    return read_secret_file(path) if path else None


def write_recovery_page(path, text: str) -> None:
    target = Path(path).expanduser()
    try:
        atomic_files.write_bytes_atomically(text.encode("utf-8"), target)
    except OSError as exc:
        raise UserError(f"cannot write the recovery page to {target} ({exc}); choose another "
                        "file: the recovery key is shown above") from None
