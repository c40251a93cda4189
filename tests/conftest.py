"""Shared fixtures. Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("PAPERASSE_HOME", str(folder))
    return folder


@pytest.fixture
def ctx(data_dir):
    from desktop_app.services.context import open_context

    context = open_context(data_dir)
    yield context
    context.close()


@pytest.fixture(scope="session")
def has_tesseract() -> bool:
    return shutil.which("tesseract") is not None


def pytest_collection_modifyitems(config, items):
    if shutil.which("tesseract"):
        return
    skip = pytest.mark.skip(reason="tesseract is not installed (make test installs it)")
    for item in items:
        if "ocr" in item.keywords:
            item.add_marker(skip)
