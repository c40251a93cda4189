"""Reading in process through the tesseract library (tesserocr), when it imports and is the
program's version."""

from __future__ import annotations

import json
import os
import re
import shlex
import threading
import time

from PIL import Image

from desktop_app.intake.ocr_words import parse_tsv
from desktop_app.intake.tesseract_program import (
    BACKEND_ENV,
    LANG,
    OcrTimeout,
    _program_key,
    _write_json,
    cache_dir,
    tesseract_info,
)

_TSV_HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
_local = threading.local()
_no_library: set[str] = set()  # tessdata folders the library failed to open


def _library_api(cmd: str):
    """This thread's tesseract library instance with French loaded, or None to run processes.

    The library reads a page without starting a program and loading the language data each
    time (about 0.05-0.1 s a read, twice on a care sheet); one instance per thread, as the
    library asks, so a batch still reads a page per core."""
    choice = os.environ.get(BACKEND_ENV, "").lower()
    if choice in ("process", "subprocess"):
        return None
    info = tesseract_info(cmd)
    if info is None or not info.tessdata or info.tessdata in _no_library:
        return None
    if choice != "library" and (info.version is None or library_version() != info.version):
        return None
    apis = getattr(_local, "apis", None)
    if apis is None:
        apis = _local.apis = {}
    api = apis.get(info.tessdata)
    if api is None:
        try:
            import tesserocr

            api = tesserocr.PyTessBaseAPI(path=info.tessdata + os.sep, lang=LANG, init=True)
        except Exception:  # noqa: BLE001 - not installed, or cannot read this data: processes
            _no_library.add(info.tessdata)
            return None
        apis[info.tessdata] = api
    return api


_library_versions: dict[str, str | None] = {}  # "" -> the version found in this process


def library_version() -> str | None:
    """The tesseract version tesserocr is built on, None when it is not installed. Kept in the
    cache folder too (keyed by the module file), so a process that will not use the library
    does not import it to find out."""
    if "" in _library_versions:  # looked for in this process already
        return _library_versions[""]
    import importlib.util

    try:
        spec = importlib.util.find_spec("tesserocr")
    except (ImportError, ValueError):
        spec = None
    origin = getattr(spec, "origin", None) if spec is not None else None
    if not origin:
        _library_versions[""] = None
        return None
    key = _program_key(origin)
    path = os.path.join(cache_dir(), "tesserocr.json")
    version = None
    try:
        with open(path, encoding="utf-8") as fh:
            kept = json.load(fh)
        if kept.get("key") == key:
            version = kept.get("version")
    except (OSError, ValueError, AttributeError):
        pass
    if version is None:
        try:
            import tesserocr

            found = re.search(r"(\d+\.\d+(?:\.\d+)?)", tesserocr.tesseract_version())
            version = found.group(1) if found else None
        except Exception:  # noqa: BLE001 - a broken build is as good as none
            version = None
        if version and key:
            _write_json(path, {"key": key, "version": version})
    _library_versions[""] = version
    return version


def _parse_config(config: str) -> tuple[int, dict[str, str]]:
    psm, variables = 3, {}
    args = shlex.split(config)
    i = 0
    while i < len(args):
        if args[i] == "--psm" and i + 1 < len(args):
            psm = int(args[i + 1])
            i += 2
        elif args[i] == "-c" and i + 1 < len(args) and "=" in args[i + 1]:
            name, value = args[i + 1].split("=", 1)
            variables[name] = value
            i += 2
        else:
            i += 1
    return psm, variables


def _library_data(api, image: Image.Image, config: str, dpi: int | None, timeout_s: float) -> dict:
    psm, variables = _parse_config(config)
    before = {name: api.GetVariableAsString(name) for name in variables}
    grey = image if image.mode == "L" else image.convert("L")
    try:
        api.SetPageSegMode(psm)
        for name, value in variables.items():
            api.SetVariable(name, value)
        # Raw grey bytes: no encoding at all between the decoded page and the reader.
        api.SetImageBytes(grey.tobytes(), grey.width, grey.height, 1, grey.width)
        if dpi:
            api.SetSourceResolution(int(dpi))
        started = time.monotonic()
        if not api.Recognize(timeout=max(1, int(timeout_s * 1000))):
            if time.monotonic() - started >= timeout_s * 0.9:
                raise OcrTimeout()
            raise RuntimeError("tesseract could not read the image")
        tsv = api.GetTSVText(0)
    finally:
        for name, value in before.items():
            api.SetVariable(name, value or "")
        api.Clear()
    return parse_tsv(_TSV_HEAD + tsv)
