"""What a file may be (its size, pages and pixels) and what a page of it is to the readers:
its text layer or an image loaded on demand."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from desktop_app.intake.errors import IntakeError


@dataclass(frozen=True)
class Limits:
    """Bounds that keep one bad file from exhausting memory or time."""

    max_bytes: int = 200 * 1024 * 1024
    max_pages: int = 300
    max_pixels: int = 120_000_000  # per page: a 600-dpi A3 scan is ~70 Mpx
    ocr_timeout_s: float = 90.0
    render_dpi: int = 300


DEFAULT_LIMITS = Limits()

# The longest side, in pixels, a page image is read at. Tesseract reads printed text best at about
# 300 dpi (an A4 page is then 2480×3508); a phone photo or a 600-900 dpi scan holds 4 to 9 times
# the pixels, which only cost time (and hurt its layout analysis). Larger page images are reduced
# to this before reading; the stored original is never touched. Field boxes are given back in the
# original's pixels (SourcePage.scale).
OCR_MAX_SIDE = 3600

# What a page loader reports as it goes, for a progress display: "decoding", then "preparing".
StageReport = Callable[[str], None]


@dataclass
class SourcePage:
    """One page of a document, loaded on demand so a long PDF never sits whole in memory."""

    index: int  # 1-based
    text: str | None = None  # text layer, when the PDF has one for this page
    loader: Callable[..., Image.Image] | None = None
    dpi: int | None = None  # of the image as read (after any reduction)
    staged: bool = False  # the loader takes a StageReport and says "preparing" itself
    scale: float = 1.0  # original pixels per pixel read: > 1 when the page was reduced
    # The file the page image is an unchanged decode of (a grey JPEG page read at its own
    # size), known before it is loaded: a tesseract process reads it as it is, rather than a
    # re-encoded copy. Cleared by the loader when the page had to be changed (a photo).
    file: str | None = None
    # Read with tesseract's local threshold (a photo: page_cleaning.py), set by the loader.
    local_threshold: bool = False

    def load_image(self, on_stage: StageReport | None = None) -> Image.Image:
        assert self.loader is not None
        if self.staged:
            return self.loader(on_stage or (lambda _stage: None))
        return self.loader()


def check_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> int:
    """Reject what is not a readable regular file of reasonable size; return its size."""
    if not path.exists():
        raise IntakeError(path, "intake.not_found", "intake.fix.check_path")
    if path.is_dir():
        raise IntakeError(path, "intake.folder", "intake.fix.inside_folder")
    if not os.access(path, os.R_OK):
        raise IntakeError(path, "intake.permission", "intake.fix.read_access")
    size = path.stat().st_size
    if size == 0:
        raise IntakeError(path, "intake.empty", "intake.fix.scan_again")
    if size > limits.max_bytes:
        raise IntakeError(path, "intake.too_large", "intake.fix.smaller",
                          size=f"{size / 1e6:.0f}", limit=f"{limits.max_bytes / 1e6:.0f}")
    return size
