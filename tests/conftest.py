"""Shared fixtures. Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
# Per-user configuration (Qt's settings file, where the window's place is kept) goes to a
# folder of the test run's own, for this process and the apps it starts: never the user's.
import tempfile as _tempfile

os.environ["XDG_CONFIG_HOME"] = _tempfile.mkdtemp(prefix="paperasse-test-config-")

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(autouse=True)
def qt_settings(tmp_path_factory):
    """Each test starts with no remembered window place: Qt's settings in a folder of its own."""
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # pragma: no cover - the GUI extras are not installed
        yield None
        return
    folder = tmp_path_factory.mktemp("qt-settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


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
