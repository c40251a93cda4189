"""The tesseract program: where it is, which languages and version it has (asked once per
program and kept in a cache folder), and the files written for it.

``OMP_THREAD_LIMIT=1``: tesseract's own threads slow it down several times on small machines,
and pages are spread over cores by the caller instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import zlib
from dataclasses import dataclass

# French only: adding ``eng`` makes tesseract drop accents.
LANG = "fra"
# Which reader: "process" (each read a tesseract process), "library" (in process through
# tesserocr whenever it imports) or, by default, the library only when it is the same tesseract
# version as the program: another version reads differently (tesserocr's wheels bundle their own
# tesseract) and the extraction rules are measured on the program's readings.
BACKEND_ENV = "PAPERASSE_OCR_BACKEND"

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
_cmd_lock = threading.Lock()


class OcrTimeout(Exception):
    pass


def _resolve(cmd: str | None) -> str | None:
    cmd = cmd or os.environ.get("PAPERASSE_TESSERACT") or "tesseract"
    return shutil.which(cmd) or (cmd if os.path.isfile(cmd) and os.access(cmd, os.X_OK) else None)


def _has_french(cmd: str) -> bool:
    info = tesseract_info(cmd)
    return info is not None and LANG in info.langs


def ocr_available(tesseract_cmd: str | None = None) -> bool:
    """True when tesseract and its French data can be run."""
    cmd = _resolve(tesseract_cmd)
    return bool(cmd) and _has_french(cmd)


# -- what a tesseract program can read, asked once per program -----------------------------------


@dataclass(frozen=True)
class TesseractInfo:
    langs: frozenset
    tessdata: str | None  # the folder its language data is read from
    version: str | None = None  # "5.3.0"


_infos: dict[str, TesseractInfo | None] = {}
_CACHE_FORMAT = 2  # what a kept answer holds; another number is asked again


def tesseract_info(cmd: str) -> TesseractInfo | None:
    """The languages ``cmd`` reads and where its data lives; None when it cannot be run.

    ``tesseract --list-langs`` costs a process (10-25 ms) that every short command paid. Its
    answer is kept in the user cache folder, keyed by the program's path, modification time and
    size (an upgrade changes them) and checked against the French data file still being there;
    anything odd about the cache (missing, unreadable, unwritable, stale) means asking again."""
    with _cmd_lock:
        if cmd in _infos:
            return _infos[cmd]
    key = _program_key(cmd)
    info = _cached_info(cmd, key) if key else None
    if info is None:
        info = _ask_langs(cmd)
        if info is not None and key:
            _store_info(cmd, key, info)
    with _cmd_lock:
        _infos[cmd] = info
    return info


def forget_tesseract_info(cmd: str) -> None:
    """After a read failed as if the language data had gone: ask the program again next time."""
    with _cmd_lock:
        _infos.pop(cmd, None)
    try:
        os.unlink(_cache_file(cmd))
    except OSError:
        pass


def _ask_langs(cmd: str) -> TesseractInfo | None:
    try:
        out = subprocess.run(
            [cmd, "--list-langs"], capture_output=True, text=True, timeout=20,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    said = out.stdout + out.stderr
    folder = re.search(r'"([^"]+)"', said)
    langs = frozenset(w for line in said.splitlines()[1:] for w in line.split())
    if out.returncode != 0 and not langs:
        return None
    return TesseractInfo(langs=langs, tessdata=folder.group(1).rstrip("/\\") if folder else None,
                         version=_ask_version(cmd))


def _ask_version(cmd: str) -> str | None:
    try:
        out = subprocess.run([cmd, "--version"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r"tesseract\s+v?(\d+\.\d+(?:\.\d+)?)", out.stdout + out.stderr)
    return found.group(1) if found else None


def cache_dir() -> str:
    """The user cache folder (``PAPERASSE_CACHE_DIR`` overrides it)."""
    forced = os.environ.get("PAPERASSE_CACHE_DIR")
    if forced:
        return forced
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return os.path.join(base, "Paperasse", "Cache")
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/Paperasse")
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "paperasse")


def _cache_file(cmd: str) -> str:
    # A name per program path (zlib's checksums: hashlib would load OpenSSL for this).
    raw = os.path.abspath(cmd).encode("utf-8", "surrogateescape")
    return os.path.join(cache_dir(), f"tesseract-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}.json")


def _program_key(cmd: str) -> list | None:
    try:
        st = os.stat(cmd)
    except OSError:
        return None
    return [os.path.abspath(cmd), st.st_mtime_ns, st.st_size]


def _cached_info(cmd: str, key: list) -> TesseractInfo | None:
    try:
        with open(_cache_file(cmd), encoding="utf-8") as fh:
            kept = json.load(fh)
        if kept.get("key") != key or kept.get("format") != _CACHE_FORMAT:
            return None
        info = TesseractInfo(langs=frozenset(kept["langs"]), tessdata=kept.get("tessdata"),
                             version=kept.get("version"))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if info.tessdata and LANG in info.langs and not os.path.isfile(
            os.path.join(info.tessdata, f"{LANG}.traineddata")):
        return None  # the French data was removed since: ask again
    return info


def _store_info(cmd: str, key: list, info: TesseractInfo) -> None:
    _write_json(_cache_file(cmd), {"format": _CACHE_FORMAT, "key": key, "langs": sorted(info.langs),
                                   "tessdata": info.tessdata, "version": info.version})


def _tempfile():
    """tempfile, imported when a page must be written for tesseract (it loads random, and a
    grey JPEG page is read from its own file)."""
    import tempfile

    return tempfile


def _write_json(path: str, data: dict) -> None:
    """Written whole or not at all; a read-only cache folder only means asking again next time."""
    tmp = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = _tempfile().mkstemp(prefix=".paperasse-", dir=os.path.dirname(path))
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
