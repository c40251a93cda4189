"""How many tesseract runs a page costs: one for the page, at most one more for box crops,
and the barcode scan only when the RPPS read by OCR is missing or fails its check."""

import pytest
from PIL import Image, ImageDraw, ImageFont

from desktop_app.intake import ocr as ocr_module
from desktop_app.intake import read_document
from desktop_app.intake.imaging import read_stacked, stacked_config
from desktop_app.intake.ocr import OcrEngine
from desktop_app.intake.tesseract_program import _resolve
from tests.intake import drawn_pages

pytestmark = pytest.mark.ocr


@pytest.fixture
def counted(monkeypatch):
    calls = {"data": [], "warm": [], "barcode": 0}
    data, warm = OcrEngine.data, OcrEngine.warm

    def counting_data(self, image, config="", dpi=None, **kw):
        calls["data"].append(config)
        return data(self, image, config, dpi, **kw)

    def counting_warm(self, config):
        reader = warm(self, config)
        calls["warm"].append(reader)
        return reader

    import desktop_app.intake.extract_prescription as ep

    real_scan = ep.read_code128

    def scan(image):
        calls["barcode"] += 1
        return real_scan(image)

    monkeypatch.setattr(OcrEngine, "data", counting_data)
    monkeypatch.setattr(OcrEngine, "warm", counting_warm)
    monkeypatch.setattr(ep, "read_code128", scan)
    return calls


def _digits(font_path, text, width=700):
    im = Image.new("L", (width, 80), 255)
    ImageDraw.Draw(im).text((20, 15), text, font=ImageFont.truetype(str(font_path), 40), fill=0)
    return im


@pytest.mark.parametrize("use_warm", [False, True])
def test_stacked_crops_come_back_one_by_one(font_path, use_warm):
    engine = OcrEngine(_resolve(None))
    crops = [_digits(font_path, "2 6 8 0 1 9 7"), _digits(font_path, "2 2 0 2 2 0 0 3", 500),
             _digits(font_path, "4 5 1 2")]
    warm = engine.warm(stacked_config("0123456789AB")) if use_warm else None
    try:
        texts = read_stacked(engine, crops, whitelist="0123456789AB", warm=warm)
    finally:
        if warm is not None:
            warm.close()
    assert texts == ["2680197", "22022003", "4512"]


def test_care_sheet_costs_one_extra_read_at_most(tmp_path, font_path, counted):
    f = tmp_path / "feuille.png"
    drawn_pages.care_sheet(font_path).save(f)
    r = read_document(f, workers=1)
    assert r.value("nir") == "268019721696701" and r.value("birth_date") == "2003-02-22"
    extra = [c for c in counted["data"] if "psm 3" not in c]
    warm_used = [w for w in counted["warm"] if w is not None and w.proc.returncode == 0]
    assert len(extra) + len(warm_used) <= 1
    # Every tesseract started ahead has ended, used or not.
    assert all(w.proc.poll() is not None for w in counted["warm"] if w is not None)


def test_care_sheet_without_a_spare_core_reads_crops_in_one_call(tmp_path, font_path, counted, monkeypatch):
    monkeypatch.setattr(ocr_module.os, "cpu_count", lambda: 1)
    import desktop_app.intake.pipeline as pipeline

    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 1)
    f = tmp_path / "feuille.png"
    drawn_pages.care_sheet(font_path).save(f)
    r = read_document(f)
    assert r.value("nir") == "268019721696701" and r.value("birth_date") == "2003-02-22"
    assert not counted["warm"]
    assert len([c for c in counted["data"] if "psm 3" not in c]) == 1


def test_barcode_scan_only_when_ocr_rpps_fails(tmp_path, font_path, counted):
    f = tmp_path / "ordonnance.png"
    drawn_pages.prescription(font_path).save(f)
    r = read_document(f)
    assert r.value("prescriber_rpps") == "10570864974"
    assert counted["barcode"] == 0


def test_unused_warm_reader_is_stopped(tmp_path, font_path, counted):
    f = tmp_path / "facture.png"
    drawn_pages.invoice(font_path).save(f)
    read_document(f)
    for reader in counted["warm"]:
        if reader is not None:
            assert reader.proc.poll() is not None
