"""Shared fixtures for scan-intake tests: the shared folder, tesseract, generated pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SHARED = Path(__file__).parents[2].parent / "shared"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def pytest_configure(config):
    config.addinivalue_line("markers", "ocr: runs the real tesseract (skipped when it is absent)")


def pytest_collection_modifyitems(config, items):
    from desktop_app.intake import ocr_available

    if ocr_available():
        return
    skip = pytest.mark.skip(reason="tesseract with French data (tesseract-ocr-fra) is not installed")
    for item in items:
        if "ocr" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"the shared folder {SHARED} is absent (it sits beside the repository in CI)")
    return SHARED


@pytest.fixture
def font_path() -> Path:
    if not FONT.exists():
        pytest.skip("DejaVu fonts (fonts-dejavu-core) are not installed")
    return FONT


def has_tesseract() -> bool:
    return shutil.which("tesseract") is not None
