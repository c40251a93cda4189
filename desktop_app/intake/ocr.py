"""Tesseract, run directly: one call per page, word boxes and confidences kept.

French only (``fra``: adding ``eng`` makes tesseract drop accents) and
``OMP_THREAD_LIMIT=1``: tesseract's own threads slow it down several times on
small machines, and pages are spread over cores by the caller instead.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass

from PIL import Image

from desktop_app.intake.layout import Page, Word, deskew_words, estimate_skew

LANG = "fra"
NOT_READ_WARNING = "text not read: install tesseract-ocr and tesseract-ocr-fra"

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
_cmd_lock = threading.Lock()


class OcrTimeout(Exception):
    pass


def _resolve(cmd: str | None) -> str | None:
    cmd = cmd or os.environ.get("PAPERASSE_TESSERACT") or "tesseract"
    return shutil.which(cmd) or (cmd if os.path.isfile(cmd) and os.access(cmd, os.X_OK) else None)


@functools.lru_cache(maxsize=8)
def _has_french(cmd: str) -> bool:
    try:
        out = subprocess.run(
            [cmd, "--list-langs"], capture_output=True, text=True, timeout=20,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except (OSError, subprocess.SubprocessError):
        return False
    langs = set((out.stdout + out.stderr).split())
    return LANG in langs


def ocr_available(tesseract_cmd: str | None = None) -> bool:
    """True when tesseract and its French data can be run."""
    cmd = _resolve(tesseract_cmd)
    return bool(cmd) and _has_french(cmd)


@dataclass(frozen=True)
class OcrEngine:
    cmd: str
    timeout_s: float = 90.0

    def _pytesseract(self):
        import pytesseract

        with _cmd_lock:
            pytesseract.pytesseract.tesseract_cmd = self.cmd
        return pytesseract

    def data(self, image: Image.Image, config: str = "", dpi: int | None = None) -> dict:
        """Words, boxes and confidences (tesseract's TSV, read from its standard output) of an
        image written as BMP: no encoding to do, no loss, the fastest format for leptonica to
        read (PGM costs it ~0.08 s more per A4 page at 300 dpi). A file rather than the image
        on stdin: tesseract reads a piped page ~0.2 s slower. Run directly, not through
        pytesseract, which runs ``tesseract --version`` first in every new process."""
        args = [*shlex.split(config)]
        if dpi:
            args += ["--dpi", str(dpi)]
        with tempfile.NamedTemporaryFile(prefix="paperasse_", suffix=".bmp", delete=False) as fh:
            path = fh.name
        try:
            image.save(path, format="BMP", dpi=(0, 0))  # no resolution: tesseract measures it
            try:
                done = subprocess.run([self.cmd, path, "stdout", "-l", LANG, *args, "tsv"],
                                      capture_output=True, timeout=self.timeout_s)
            except subprocess.TimeoutExpired as exc:  # the child is killed by run()
                raise OcrTimeout() from exc
        finally:
            try:
                os.unlink(path)
            except OSError:
                pass
        if done.returncode != 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise RuntimeError(f"tesseract exited with status {done.returncode}"
                               + (f": {said[-1][:200]}" if said else ""))
        return parse_tsv(done.stdout.decode("utf-8", "replace"))

    def osd_rotation(self, image: Image.Image) -> int:
        """Clockwise degrees that make the page upright (0 when unsure)."""
        pt = self._pytesseract()
        small = image
        if max(image.size) > 2400:
            small = image.resize((image.width // 2, image.height // 2), Image.BILINEAR)
        with tempfile.NamedTemporaryFile(prefix="paperasse_", suffix=".bmp", delete=False) as fh:
            path = fh.name
        try:
            small.save(path, format="BMP", dpi=(0, 0))
            out = pt.image_to_osd(path, config="--psm 0 -c min_characters_to_try=10",
                                  timeout=self.timeout_s)
        except Exception:  # noqa: BLE001 - OSD fails on near-empty pages: keep as is
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

    def warm(self, config: str) -> "WarmReader | None":
        """A tesseract started now for one image later: its start-up overlaps other work."""
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


def ocr_page(engine: OcrEngine, image: Image.Image, index: int, dpi: int | None = None) -> Page:
    """OCR a page image; if it reads badly, ask OSD whether it is turned and read it again."""
    words = words_from_data(engine.data(image, config="--psm 3", dpi=dpi))
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
