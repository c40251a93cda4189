"""Stored files encrypted at rest: AES-256-GCM in chunks, so a big scan never sits whole in memory.

A sealed file is MAGIC, a random 16-byte salt, then chunks of up to CHUNK plain bytes, each
followed by its 16-byte tag. Every file has its own key (HKDF of the folder's file key and the
salt), and each chunk's nonce is its index with a last-chunk flag, so chunks cannot be
reordered, dropped or the file cut short without the tag failing (the STREAM construction).
A stored original keeps its name from the SHA-256 of its plain bytes.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

MAGIC = b"PAPERASSE-SEAL1\n"
SALT = 16
TAG = 16
CHUNK = 1 << 20


class Unreadable(Exception):
    """The file is not what this key sealed (another key, damaged, cut short)."""


def is_sealed(path: Path) -> bool:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a pipe or a device is never opened here (it could block)
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _file_key(key: bytes, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, salt=salt, info=b"paperasse sealed file").derive(key)


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def seal_stream(inp: BinaryIO, out: BinaryIO, key: bytes) -> None:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = secrets.token_bytes(SALT)
    aead = AESGCM(_file_key(key, salt))
    out.write(MAGIC + salt)
    index = 0
    chunk = inp.read(CHUNK)
    while True:
        following = inp.read(CHUNK) if len(chunk) == CHUNK else b""
        last = not following
        out.write(aead.encrypt(_nonce(index, last), chunk, None))
        if last:
            return
        chunk, index = following, index + 1


def open_chunks(inp: BinaryIO, key: bytes) -> Iterator[bytes]:
    """The plain bytes of a sealed stream, chunk by chunk; Unreadable if anything is off."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    head = inp.read(len(MAGIC) + SALT)
    if len(head) != len(MAGIC) + SALT or not head.startswith(MAGIC):
        raise Unreadable("not a sealed file")
    aead = AESGCM(_file_key(key, head[len(MAGIC):]))
    index = 0
    block = inp.read(CHUNK + TAG)
    while True:
        following = inp.read(CHUNK + TAG) if len(block) == CHUNK + TAG else b""
        last = not following
        try:
            yield aead.decrypt(_nonce(index, last), block, None)
        except InvalidTag:
            raise Unreadable("damaged, cut short, or sealed with another key") from None
        if last:
            return
        block, index = following, index + 1


def seal_file(source: Path, target: Path, key: bytes) -> None:
    """Write ``source`` sealed to ``target`` (a new file the caller renames into place)."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(source, "rb") as inp, os.fdopen(fd, "wb") as out:
        seal_stream(inp, out, key)
        out.flush()
        os.fsync(out.fileno())


def open_file(source: Path, target: Path, key: bytes) -> None:
    """Write the plain bytes of sealed ``source`` to ``target`` (0600)."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(source, "rb") as inp, os.fdopen(fd, "wb") as out:
        for chunk in open_chunks(inp, key):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


def plain_sha256(path: Path, key: bytes) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as inp:
        for chunk in open_chunks(inp, key):
            digest.update(chunk)
    return digest.hexdigest()


def plain_bytes(path: Path, key: bytes) -> bytes:
    with open(path, "rb") as inp:
        return b"".join(open_chunks(inp, key))
