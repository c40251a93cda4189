"""Tesseract: one read per page, word boxes and confidences kept; tesseract run as a program,
or in process through the tesseract library (tesserocr) when that is the program's version.

French only (``fra``: adding ``eng`` makes tesseract drop accents) and
``OMP_THREAD_LIMIT=1``: tesseract's own threads slow it down several times on
small machines, and pages are spread over cores by the caller instead.
"""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
import zlib
from dataclasses import dataclass

from PIL import Image

from desktop_app.intake.layout import Page, Word, deskew_words, estimate_skew

LANG = "fra"
NOT_READ_WARNING = "text not read: install tesseract-ocr and tesseract-ocr-fra"
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


# -- reading in process (the tesseract library through tesserocr), when it imports ----------------

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


def reader_kind(cmd: str) -> str:
    """'library' when pages are read in process, 'process' when each read runs tesseract."""
    return "library" if _library_api(cmd) is not None else "process"


@dataclass(frozen=True)
class OcrEngine:
    cmd: str
    timeout_s: float = 90.0

    @property
    def in_process(self) -> bool:
        return _library_api(self.cmd) is not None

    def data(self, image: Image.Image, config: str = "", dpi: int | None = None,
             source_file: str | None = None, pending: PendingRead | None = None) -> dict:
        """Words, boxes and confidences, as tesseract's TSV read into a dict.

        In process when the tesseract library imports; else a tesseract process reads the
        image written as BMP (no encoding to do, no loss, the fastest format for leptonica to
        read), or ``source_file`` as it is when the caller knows the image is that file
        decoded unchanged (a grey JPEG page: no re-encoding at all). A file rather than the
        image on stdin: tesseract reads a piped page ~0.2 s slower. ``pending``: that read,
        started earlier with :meth:`start` on ``source_file``."""
        if pending is not None:
            return pending.result()
        api = _library_api(self.cmd)
        if api is not None:
            return _library_data(api, image, config, dpi, self.timeout_s)
        args = [*shlex.split(config)]
        if dpi:
            args += ["--dpi", str(dpi)]
        if source_file:
            return self._run(source_file, args)
        with _tempfile().NamedTemporaryFile(prefix="paperasse_", suffix=".bmp", delete=False) as fh:
            path = fh.name
        try:
            image.save(path, format="BMP", dpi=(0, 0))  # no resolution: tesseract measures it
            return self._run(path, args)
        finally:
            try:
                os.unlink(path)
            except OSError:
                pass

    def start(self, source_file: str, config: str = "", dpi: int | None = None) -> PendingRead | None:
        """A tesseract process started now on a page file, to collect with :meth:`data`; None when
        pages are read in process (they need the decoded image) or it cannot start."""
        if self.in_process:
            return None
        args = [*shlex.split(config)] + (["--dpi", str(dpi)] if dpi else [])
        try:
            return PendingRead(self, source_file, args)
        except OSError:
            return None

    def _run(self, path: str, args: list[str]) -> dict:
        try:
            done = subprocess.run([self.cmd, path, "stdout", "-l", LANG, *args, "tsv"],
                                  capture_output=True, timeout=self.timeout_s)
        except subprocess.TimeoutExpired as exc:  # the child is killed by run()
            raise OcrTimeout() from exc
        if done.returncode != 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            if any("loading language" in line for line in said):
                forget_tesseract_info(self.cmd)
            raise RuntimeError(f"tesseract exited with status {done.returncode}"
                               + (f": {said[-1][:200]}" if said else ""))
        return parse_tsv(done.stdout.decode("utf-8", "replace"))

    def osd_rotation(self, image: Image.Image) -> int:
        """Clockwise degrees that make the page upright (0 when unsure). Run directly: through
        pytesseract it would cost a ``tesseract --version`` first."""
        small = image
        if max(image.size) > 2400:
            small = image.resize((image.width // 2, image.height // 2), Image.BILINEAR)
        with _tempfile().NamedTemporaryFile(prefix="paperasse_", suffix=".bmp", delete=False) as fh:
            path = fh.name
        try:
            small.save(path, format="BMP", dpi=(0, 0))
            done = subprocess.run([self.cmd, path, "stdout", "--psm", "0", "-c",
                                   "min_characters_to_try=10"],
                                  capture_output=True, timeout=self.timeout_s)
            out = done.stdout.decode("utf-8", "replace")
        except (OSError, subprocess.SubprocessError):  # OSD fails on near-empty pages: keep as is
            return 0
        finally:
            try:
                os.unlink(path)
            except OSError:
                pass
        rot = re.search(r"Rotate:\s*(\d+)", out)
        conf = re.search(r"Orientation confidence:\s*([\d.]+)", out)
        if not rot or not conf or float(conf.group(1)) < 1.5:
            return 0
        return int(rot.group(1)) % 360

    def warm(self, config: str) -> WarmReader | None:
        """A tesseract started now for one image later: its start-up overlaps other work.
        None when pages are read in process: the language data is loaded already."""
        if self.in_process:
            return None
        try:
            return WarmReader(self.cmd, config, self.timeout_s)
        except OSError:
            return None

    def text_line(self, image: Image.Image, whitelist: str | None = None, psm: int = 7) -> list[tuple[str, float]]:
        """A small crop read as one line: (word, confidence 0..1) pairs."""
        config = f"--psm {psm}"
        if whitelist:
            config += f" -c tessedit_char_whitelist={whitelist}"
        data = self.data(image, config=config)
        out = []
        for text, conf in zip(data["text"], data["conf"]):
            if text and text.strip():
                out.append((text.strip(), max(0.0, float(conf)) / 100))
        return out


class PendingRead:
    """A page being read by a tesseract process while the caller does something else."""

    def __init__(self, engine: OcrEngine, path: str, args: list[str]) -> None:
        self.engine = engine
        self.started = time.monotonic()
        self.proc = subprocess.Popen([engine.cmd, path, "stdout", "-l", LANG, *args, "tsv"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def result(self) -> dict:
        left = self.engine.timeout_s - (time.monotonic() - self.started)
        try:
            out, err = self.proc.communicate(timeout=max(0.01, left))
        except subprocess.TimeoutExpired as exc:
            self.cancel()
            raise OcrTimeout() from exc
        if self.proc.returncode != 0:
            said = err.decode("utf-8", "replace").strip().splitlines()
            if any("loading language" in line for line in said):
                forget_tesseract_info(self.engine.cmd)
            raise RuntimeError(f"tesseract exited with status {self.proc.returncode}"
                               + (f": {said[-1][:200]}" if said else ""))
        return parse_tsv(out.decode("utf-8", "replace"))

    def cancel(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.communicate(timeout=5)
        except (subprocess.TimeoutExpired, ValueError, OSError):  # pragma: no cover
            pass


class WarmReader:
    """A tesseract process waiting for one image on stdin, its language data already loaded.

    Starting tesseract (loading ``fra``) costs ~0.1 s, more than reading a strip of boxed
    digits. Started while the page itself is being read, on a core that would otherwise
    idle, it makes the follow-up crop read nearly free. Unused, it is killed.
    """

    def __init__(self, cmd: str, config: str, timeout_s: float) -> None:
        self.config = config
        self.timeout_s = timeout_s
        self.proc = subprocess.Popen(
            [cmd, "stdin", "stdout", "-l", LANG, *config.split(), "tsv"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )

    def data(self, image: Image.Image) -> dict:
        buf = io.BytesIO()
        image.save(buf, format="BMP", dpi=(0, 0))
        try:
            out, _ = self.proc.communicate(buf.getvalue(), timeout=self.timeout_s)
        except subprocess.TimeoutExpired as exc:
            self.close()
            raise OcrTimeout() from exc
        except (BrokenPipeError, OSError) as exc:
            self.close()
            raise RuntimeError(f"tesseract stopped early ({exc})") from exc
        if self.proc.returncode != 0:
            raise RuntimeError(f"tesseract exited with status {self.proc.returncode}")
        return parse_tsv(out.decode("utf-8", "replace"))

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a killed process always ends
            pass
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                if stream:
                    stream.close()
            except OSError:
                pass


_TSV_INT = ("level", "page_num", "block_num", "par_num", "line_num", "word_num", "left", "top", "width", "height")


def parse_tsv(text: str) -> dict:
    """Tesseract's TSV output as pytesseract's ``Output.DICT``."""
    lines = text.splitlines()
    if not lines:
        return {k: [] for k in _TSV_INT + ("conf", "text")}
    head = lines[0].split("\t")
    out: dict[str, list] = {k: [] for k in head}
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) < len(head) - 1:
            continue
        cells += [""] * (len(head) - len(cells))
        for k, v in zip(head, cells):
            if k in _TSV_INT:
                out[k].append(int(v) if v.lstrip("-").isdigit() else 0)
            elif k == "conf":
                try:
                    out[k].append(float(v))
                except ValueError:
                    out[k].append(-1.0)
            else:
                out[k].append(v)
    return out


def words_from_data(data: dict, scale: float = 1.0) -> list[Word]:
    words = []
    for i, text in enumerate(data["text"]):
        if not text or not text.strip():
            continue
        conf = float(data["conf"][i])
        if conf < 0:
            continue
        x, y = data["left"][i] * scale, data["top"][i] * scale
        w, h = data["width"][i] * scale, data["height"][i] * scale
        words.append(
            Word(text.strip(), x, y, w, h, conf=conf / 100, bbox=(int(x), int(y), int(w), int(h)),
                 line_id=(data["block_num"][i], data["par_num"][i], data["line_num"][i]))
        )
    return words


def _quality(words: list[Word]) -> tuple[float, int]:
    """Mean confidence of real-looking words, and how many there are."""
    good = [w for w in words if len(w.text) >= 3 and re.search(r"[A-Za-zÀ-ÿ]{3}", w.text)]
    if not good:
        return 0.0, 0
    return sum(w.conf for w in good) / len(good), len(good)


PAGE_CONFIG = "--psm 3"


def ocr_page(engine: OcrEngine, image: Image.Image, index: int, dpi: int | None = None,
             source_file: str | None = None, pending: PendingRead | None = None) -> Page:
    """OCR a page image; if it reads badly, ask OSD whether it is turned and read it again.

    ``source_file``: the file ``image`` was decoded from unchanged, which a tesseract process
    may read as it is; ``pending``: that read, already started (:meth:`OcrEngine.start`)."""
    extra = {"source_file": source_file} if source_file else {}
    if pending is not None:
        extra["pending"] = pending
    words = words_from_data(engine.data(image, config=PAGE_CONFIG, dpi=dpi, **extra))
    mean_conf, count = _quality(words)
    if mean_conf < 0.6 or count < 8:
        rotation = engine.osd_rotation(image)
        if rotation:
            turned = image.rotate(-rotation, expand=True)
            words2 = words_from_data(engine.data(turned, config="--psm 3", dpi=dpi))
            conf2, count2 = _quality(words2)
            if conf2 * count2 > mean_conf * count:
                image, words, mean_conf = turned, words2, conf2
    skew = estimate_skew(words)
    deskew_words(words, skew, image.width / 2, image.height / 2)
    return Page(index=index, width=image.width, height=image.height, words=words, source="ocr",
                skew_deg=skew, image=image, mean_conf=mean_conf)
