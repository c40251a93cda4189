"""Which SQLite a connection goes through: the standard one, or SQLCipher for an encrypted folder.

SQLCipher's binding is the same DB-API code built against SQLCipher, with exception classes of
its own; ``Error``, ``DatabaseError``… here are tuples of both, so ``except sql.Error`` catches
whichever connection raised it.
"""

from __future__ import annotations

import os
import sqlite3
import stat

try:
    from sqlcipher3 import dbapi2 as cipher
except ImportError:  # an install without SQLCipher can still open plain folders
    cipher = None

_DRIVERS = (sqlite3,) if cipher is None else (sqlite3, cipher)
Error = tuple(d.Error for d in _DRIVERS)
DatabaseError = tuple(d.DatabaseError for d in _DRIVERS)
IntegrityError = tuple(d.IntegrityError for d in _DRIVERS)
OperationalError = tuple(d.OperationalError for d in _DRIVERS)
Connection = sqlite3.Connection  # for annotations: both drivers' connections behave alike

PLAIN_HEADER = b"SQLite format 3\x00"


def is_plain_file(path) -> bool:
    """The file starts as every unencrypted SQLite database does (an empty or missing one is
    neither plain nor encrypted yet)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            return handle.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except OSError:
        return False


def key_pragma(key: bytes) -> str:
    """A raw 256-bit key: SQLCipher uses it as it is (the passphrase's KDF ran once, at unlock)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


# Set on every encrypted database, right after its key. SQLCipher authenticates and decrypts
# each page: 16 KiB pages and HMAC-SHA256 read a household's record about as fast as the plain
# file (4 KiB pages with HMAC-SHA512, the defaults, took twice as long; benchmarks/bench_crypt.py).
CIPHER_SETTINGS = {"cipher_page_size": 16384, "cipher_hmac_algorithm": "HMAC_SHA256"}


def cipher_pragmas(schema: str | None = None) -> list[str]:
    prefix = f"{schema}." if schema else ""
    return [f"PRAGMA {prefix}{name} = {value}" for name, value in CIPHER_SETTINGS.items()]


def connect(target, key: bytes | None = None, **kwargs):
    """A connection to ``target`` (a path, or a URI with ``uri=True``), through SQLCipher when a
    key is given. The key is checked at once: a wrong one raises DatabaseError here."""
    if key is None:
        return sqlite3.connect(target, **kwargs)
    if cipher is None:
        raise sqlite3.DatabaseError(
            "this install has no SQLCipher (the sqlcipher3-wheels package): reinstall Paperasse"
        )
    conn = cipher.connect(target, **kwargs)
    try:
        conn.execute(key_pragma(key))
        for pragma in cipher_pragmas():
            conn.execute(pragma)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def is_cipher_connection(conn) -> bool:
    return cipher is not None and isinstance(conn, cipher.Connection)
