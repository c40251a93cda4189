"""PyInstaller runtime hook: where the frozen app finds tesseract (and zbar on macOS).

Runs before the app's own code. In order:

1. ``PAPERASSE_TESSERACT`` already set: left alone (the user's choice wins).
2. A ``tesseract/`` folder bundled with the app (binary + ``tessdata/``): used, through
   ``PAPERASSE_TESSERACT`` and ``TESSDATA_PREFIX``.
3. Otherwise the system's tesseract on ``PATH``; the usual install folders that a desktop
   launcher's ``PATH`` often lacks (UB Mannheim on Windows, Homebrew/MacPorts on macOS) are
   appended to ``PATH`` when they exist.

On Linux the bootloader points ``LD_LIBRARY_PATH`` at the bundle; a system program started from
the app (tesseract, xdg-open) must not load the bundle's copies of its libraries, so the
original value is put back for child processes (this process has already loaded its own).
"""

import os
import sys
from pathlib import Path


def _prepend_path(*folders: str, append: bool = False) -> None:
    current = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p]
    new = [f for f in folders if f and os.path.isdir(f) and f not in current]
    if new:
        os.environ["PATH"] = os.pathsep.join(current + new if append else new + current)


def _restore_library_path() -> None:
    if not sys.platform.startswith("linux"):
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        os.environ["LD_LIBRARY_PATH"] = original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)


def _bundled_tesseract(base: Path) -> Path | None:
    folder = base / "tesseract"
    for name in ("tesseract.exe", "tesseract") if sys.platform == "win32" else ("tesseract",):
        candidate = folder / name
        if candidate.is_file() and (sys.platform == "win32" or os.access(candidate, os.X_OK)):
            return candidate
    return None


def _setup() -> None:
    base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
    _restore_library_path()
    bundled = _bundled_tesseract(base)
    if not os.environ.get("PAPERASSE_TESSERACT") and bundled is not None:
        os.environ["PAPERASSE_TESSERACT"] = str(bundled)
        tessdata = bundled.parent / "tessdata"
        if tessdata.is_dir():
            os.environ["TESSDATA_PREFIX"] = str(tessdata)
    if sys.platform == "win32":
        candidates = []
        for var in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
            if os.environ.get(var):
                candidates.append(os.path.join(os.environ[var], "Tesseract-OCR"))
        if os.environ.get("LOCALAPPDATA"):
            candidates.append(os.path.join(os.environ["LOCALAPPDATA"], "Programs", "Tesseract-OCR"))
        _prepend_path(*candidates, append=True)
    elif sys.platform == "darwin":
        _prepend_path("/opt/homebrew/bin", "/usr/local/bin", "/opt/local/bin", append=True)
        # pyzbar finds libzbar with ctypes.util.find_library, which reads this variable:
        # the bundle first (if libzbar was bundled), then Homebrew and MacPorts.
        fallback = [str(base), "/opt/homebrew/lib", "/usr/local/lib", "/opt/local/lib"]
        current = os.environ.get("DYLD_FALLBACK_LIBRARY_PATH", "")
        os.environ["DYLD_FALLBACK_LIBRARY_PATH"] = os.pathsep.join(
            [p for p in fallback if os.path.isdir(p)] + ([current] if current else [])
        )


_setup()
