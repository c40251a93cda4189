"""The data folder's keys: the key file on disk, and the keys of the folders unlocked in memory.

One random data key encrypts everything (the database through SQLCipher, the stored files
through store/sealed.py). It is kept on disk only wrapped (AES-256-GCM) by a key-encryption key
derived from the passphrase with argon2id, and, when the user took one, by a recovery key. The
wrap's authentication tag is the verifier: a wrong passphrase fails to unwrap before anything
is opened. Changing the passphrase re-wraps the data key and replaces the key file in one
atomic rename, so whatever stops the change, either the old or the new passphrase opens it.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

KEYFILE_NAME = "keyfile.json"
FORMAT = "paperasse-keyfile"
VERSION = 1

# argon2id, as RFC 9106's second recommended option (64 MiB, 3 passes): a fraction of a second
# on a laptop, and each guess costs an attacker the same memory.
KDF_PARAMS = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 1}

RECOVERY_BYTES = 20  # 160 bits, written as 32 base32 letters in groups of four


class WrongPassphrase(Exception):
    """Neither the passphrase nor a recovery key unwraps the data key."""


class KeyFileDamaged(Exception):
    pass


@dataclass(frozen=True)
class DataKeys:
    """What the data key opens, each derived for its own use."""

    data_key: bytes

    def _derive(self, purpose: bytes) -> bytes:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        return HKDF(hashes.SHA256(), 32, salt=None, info=b"paperasse " + purpose).derive(
            self.data_key)

    @property
    def database(self) -> bytes:
        return _cached(self, "database")

    @property
    def files(self) -> bytes:
        return _cached(self, "files")

    @property
    def key_id(self) -> str:
        """Names the data key without giving it away: an archive sealed with it says which."""
        return _cached(self, "id")[:8].hex()


_derived: dict[tuple[bytes, str], bytes] = {}


def _cached(keys: DataKeys, purpose: str) -> bytes:
    found = _derived.get((keys.data_key, purpose))
    if found is None:
        found = _derived[(keys.data_key, purpose)] = keys._derive(purpose.encode())
    return found


# Keys of the folders unlocked in this process, by folder (resolved).
_unlocked: dict[Path, DataKeys] = {}


# Keys given for something sealed elsewhere (an archive from another folder), by key id.
_extra: dict[str, DataKeys] = {}


def register_extra(keys: DataKeys) -> None:
    _extra[keys.key_id] = keys


def keys_by_id(key_id: str) -> DataKeys | None:
    for keys in list(_unlocked.values()) + list(_extra.values()):
        if keys.key_id == key_id:
            return keys
    return None


def keyfile_path(root: Path) -> Path:
    return Path(root) / KEYFILE_NAME


def is_encrypted(root: Path) -> bool:
    return keyfile_path(root).is_file()


def register(root: Path, keys: DataKeys) -> None:
    _unlocked[Path(root).resolve()] = keys


def forget(root: Path) -> None:
    _unlocked.pop(Path(root).resolve(), None)


def unlocked(root: Path) -> DataKeys | None:
    return _unlocked.get(Path(root).resolve())


def keys_for(path: Path) -> DataKeys | None:
    """The keys of the unlocked folder holding ``path`` (a database, an original, a backup)."""
    if not _unlocked and not _extra:
        return None
    path = Path(path).resolve()
    for root, keys in _unlocked.items():
        if path == root or root in path.parents:
            return keys
    # A copy kept elsewhere (a backup folder, an archive being read) carries the key file it
    # was sealed under: the keys of the unlocked folder with the same data key open it.
    for folder in list(path.parents)[:3]:
        key_id = _key_id_at(folder)
        if key_id:
            return keys_by_id(key_id)
    return None


def _key_id_at(folder: Path) -> str | None:
    try:
        doc = json.loads((folder / KEYFILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc.get("key_id") if isinstance(doc, dict) else None


def root_of(path: Path) -> Path | None:
    path = Path(path).resolve()
    for root in _unlocked:
        if root in path.parents:
            return root
    return None


# The key file

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def kek_from_passphrase(passphrase: str, salt: bytes, params: dict) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode("utf-8"), salt, time_cost=int(params["time_cost"]),
        memory_cost=int(params["memory_cost"]), parallelism=int(params["parallelism"]),
        hash_len=32, type=Type.ID,
    )


def kek_from_recovery(recovery: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, salt=None, info=b"paperasse recovery").derive(recovery)


def _wrap(kek: bytes, data_key: bytes) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    return _b64(nonce + AESGCM(kek).encrypt(nonce, data_key, b"paperasse data key"))


def _unwrap(kek: bytes, wrapped: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    blob = _unb64(wrapped)
    try:
        return AESGCM(kek).decrypt(blob[:12], blob[12:], b"paperasse data key")
    except InvalidTag:
        return None


def format_recovery(recovery: bytes) -> str:
    text = base64.b32encode(recovery).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery(text: str) -> bytes | None:
    """The recovery key's bytes if ``text`` reads as one (dashes, spaces and case aside)."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(letters) != 32:
        return None
    try:
        return base64.b32decode(letters)
    except (ValueError, base64.binascii.Error):
        return None


def new_keyfile(passphrase: str, with_recovery: bool = True,
                data_key: bytes | None = None) -> tuple[dict, DataKeys, str | None]:
    """A fresh key file (not yet written), its keys, and the recovery key to show once."""
    data_key = data_key or secrets.token_bytes(32)
    salt = secrets.token_bytes(16)
    params = dict(KDF_PARAMS)
    doc = {
        "format": FORMAT, "version": VERSION,
        "kdf": {"name": "argon2id", **params, "salt": _b64(salt)},
        "wrapped": {"passphrase": _wrap(kek_from_passphrase(passphrase, salt, params), data_key)},
        "converting": None,
    }
    recovery_text = None
    if with_recovery:
        recovery = secrets.token_bytes(RECOVERY_BYTES)
        doc["wrapped"]["recovery"] = _wrap(kek_from_recovery(recovery), data_key)
        recovery_text = format_recovery(recovery)
    keys = DataKeys(data_key)
    doc["key_id"] = keys.key_id
    return doc, keys, recovery_text


def rewrapped(doc: dict, keys: DataKeys, passphrase: str) -> dict:
    """The key file with the data key wrapped by a new passphrase (recovery key kept)."""
    salt = secrets.token_bytes(16)
    params = dict(KDF_PARAMS)
    new = json.loads(json.dumps(doc))
    new["kdf"] = {"name": "argon2id", **params, "salt": _b64(salt)}
    new["wrapped"]["passphrase"] = _wrap(kek_from_passphrase(passphrase, salt, params),
                                         keys.data_key)
    return new


def read_keyfile(root: Path) -> dict:
    path = keyfile_path(root)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT or not isinstance(doc.get("wrapped"), dict):
            raise ValueError("not a Paperasse key file")
        if int(doc.get("version", 0)) > VERSION:
            raise ValueError("written by a newer Paperasse")
        _unb64(doc["kdf"]["salt"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeyFileDamaged(f"{path} cannot be read ({exc})") from None
    return doc


def unwrap(doc: dict, secret: str) -> DataKeys:
    """The data keys from a passphrase or a recovery key; WrongPassphrase if neither fits."""
    recovery = parse_recovery(secret)
    if recovery is not None and doc["wrapped"].get("recovery"):
        data_key = _unwrap(kek_from_recovery(recovery), doc["wrapped"]["recovery"])
        if data_key is not None:
            return DataKeys(data_key)
    kdf = doc["kdf"]
    if kdf.get("name") != "argon2id":
        raise KeyFileDamaged(f"unknown key derivation {kdf.get('name')!r}")
    kek = kek_from_passphrase(secret, _unb64(kdf["salt"]), kdf)
    data_key = _unwrap(kek, doc["wrapped"]["passphrase"])
    if data_key is None:
        raise WrongPassphrase()
    return DataKeys(data_key)


def write_keyfile(root: Path, doc: dict) -> None:
    """Replace the key file atomically: a crash leaves the old one or the new one, whole."""
    from desktop_app.store.atomic_files import fsync_dir

    path = keyfile_path(root)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    data = (json.dumps(doc, indent=1, sort_keys=True) + "\n").encode("utf-8")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _step("keyfile-written")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)
    _step("keyfile-replaced")


def sweep_parts(root: Path) -> None:
    """Key files a killed change left half-written (never the key file itself)."""
    for part in Path(root).glob(f".{KEYFILE_NAME}.*.part"):
        pid = part.name.split(".")[-2]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                part.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_keyfile(root: Path) -> None:
    from desktop_app.store.atomic_files import fsync_dir

    with contextlib.suppress(FileNotFoundError):
        keyfile_path(root).unlink()
    fsync_dir(Path(root))


def _step(name: str) -> None:
    """Where the crash tests stop a change (tools/torture.py, tests/crypt): PAPERASSE_CRASH_AT
    names a step, and the process kills itself there as a power cut would."""
    if os.environ.get("PAPERASSE_CRASH_AT") == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


step = _step
