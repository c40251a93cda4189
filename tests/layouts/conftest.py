"""Papers of made-up issuers, written to files once per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.layouts.made_up_issuers import FONT, podology_invoice, series


@pytest.fixture
def podology_series(tmp_path):
    """Five papers of one issuer the reader has never seen: (paper, file) pairs."""
    if not Path(FONT).exists():
        pytest.skip("DejaVu fonts (fonts-dejavu-core) are not installed")
    out = []
    for i, paper in enumerate(series()):
        path = tmp_path / f"podologie-{i + 1}.png"
        podology_invoice(paper).save(path)
        out.append((paper, path))
    return out
