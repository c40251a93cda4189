"""A page's words out of tesseract's TSV: their boxes and confidences, the page's reading
quality, and one page read (turned upright when it reads badly, deskewed)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PIL import Image

from desktop_app.intake.layout import Page, Word, deskew_words, estimate_skew

if TYPE_CHECKING:
    from desktop_app.intake.ocr import OcrEngine, PendingRead

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


def read_backwards(data: dict) -> bool:
    """Whether tesseract read the page's lines from their ends: a page fed sideways or upside
    down, whose words it may still read with confidence (so the orientation check would not be
    asked for) while a number printed in groups comes out with its groups in reverse order."""
    lines: dict[tuple, list[int]] = {}
    for i, text in enumerate(data["text"]):
        if text and text.strip() and float(data["conf"][i]) >= 0:
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            lines.setdefault(key, []).append(data["left"][i])
    forward = backward = 0
    for xs in lines.values():
        if len(xs) > 1:
            forward += xs == sorted(xs)
            backward += xs == sorted(xs, reverse=True)
    return backward >= 3 and backward > 2 * forward


PAGE_CONFIG = "--psm 3"
# Tesseract's local (Sauvola) threshold in place of its global one: the pages that read better
# with it (photos, page_cleaning.py) ask for it.
LOCAL_THRESHOLD_CONFIG = PAGE_CONFIG + " -c thresholding_method=2"


def ocr_page(engine: OcrEngine, image: Image.Image, index: int, dpi: int | None = None,
             source_file: str | None = None, pending: PendingRead | None = None,
             local_threshold: bool = False) -> Page:
    """OCR a page image; if it reads badly or backwards, ask OSD whether it is turned and read
    it again.

    ``source_file``: the file ``image`` was decoded from unchanged, which a tesseract process
    may read as it is; ``pending``: that read, already started (:meth:`OcrEngine.start`);
    ``local_threshold``: tesseract separates ink from paper by the neighbourhood of each
    pixel rather than one level for the page."""
    extra = {"source_file": source_file} if source_file else {}
    if pending is not None:
        extra["pending"] = pending
    config = LOCAL_THRESHOLD_CONFIG if local_threshold else PAGE_CONFIG
    data = engine.data(image, config=config, dpi=dpi, **extra)
    words = words_from_data(data)
    mean_conf, count = _quality(words)
    backwards = read_backwards(data)
    if backwards or mean_conf < 0.6 or count < 8:
        rotation = engine.osd_rotation(image)
        if rotation:
            turned = image.rotate(-rotation, expand=True)
            data2 = engine.data(turned, config=config, dpi=dpi)
            words2 = words_from_data(data2)
            conf2, count2 = _quality(words2)
            if (backwards and not read_backwards(data2)) or conf2 * count2 > mean_conf * count:
                image, words, mean_conf = turned, words2, conf2
    skew = estimate_skew(words)
    deskew_words(words, skew, image.width / 2, image.height / 2)
    return Page(index=index, width=image.width, height=image.height, words=words, source="ocr",
                skew_deg=skew, image=image, mean_conf=mean_conf)
