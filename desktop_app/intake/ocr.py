"""Tesseract: one read per page, word boxes and confidences kept; tesseract run as a program,
or in process through the tesseract library (tesserocr) when that is the program's version.

This module is the engine the readers call (a page, a crop, a line, the page's orientation)
and the processes it starts; the program's languages and cache are in tesseract_program.py,
the in-process reader in ocr_library.py, and the words of a read page in ocr_words.py.
"""

from __future__ import annotations

import io
import os
import re
import shlex
import subprocess
import time
from dataclasses import dataclass

from PIL import Image

from desktop_app.intake.ocr_library import _library_api, _library_data
from desktop_app.intake.ocr_words import parse_tsv
from desktop_app.intake.read_warnings import ReadWarning
from desktop_app.intake.source_limits import OCR_MAX_SIDE
from desktop_app.intake.tesseract_program import LANG, OcrTimeout, _tempfile, forget_tesseract_info

# What a page read without tesseract says (resources/intake/warnings.json).
NOT_READ_WARNING = ReadWarning("read.not_read")


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
        pytesseract it would cost a ``tesseract --version`` first. On the page as it is read:
        halved to 1240 px wide, an A4 page's small print often leaves OSD unsure of a turn it
        sees at full size (0.3-0.7 s, and only for a page that read badly)."""
        small = image
        if max(image.size) > OCR_MAX_SIDE:
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


