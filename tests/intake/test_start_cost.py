"""What a one-file read costs beyond tesseract itself: the program's languages asked once and
kept (not once per process), a grey JPEG page handed to tesseract as it is, one tesseract read
for a plain page, and ``paperasse extract`` loading none of the store, the window or the
document services."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.intake import ocr, ocr_library, read_document, tesseract_program
from tests.intake import drawn_pages

LIST_LANGS = """#!/bin/sh
if [ "$1" = "--list-langs" ]; then
  echo "$1" >> "{log}"
  echo 'List of available languages in "{tessdata}/" (2):'
  echo eng
  echo fra
  exit 0
fi
if [ "$1" = "--version" ]; then echo "$1" >> "{log}"; echo "tesseract 9.9.9"; exit 0; fi
exit 1
"""


@pytest.fixture
def fake_tesseract(tmp_path, monkeypatch):
    """A program answering --list-langs like tesseract, logging each time it is asked."""
    tessdata = tmp_path / "tessdata"
    tessdata.mkdir()
    (tessdata / "fra.traineddata").write_bytes(b"x")
    log = tmp_path / "asked.log"
    prog = tmp_path / "bin" / "tesseract"
    prog.parent.mkdir()
    prog.write_text(LIST_LANGS.format(log=log, tessdata=tessdata))
    prog.chmod(0o755)
    monkeypatch.setenv("PAPERASSE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(tesseract_program, "_infos", {})

    def asked() -> int:
        return len(log.read_text().split()) if log.exists() else 0

    return prog, tessdata, asked


def new_process(monkeypatch):
    """What a new process starts with: nothing known in memory."""
    monkeypatch.setattr(tesseract_program, "_infos", {})


def test_languages_are_asked_once_then_kept_across_processes(fake_tesseract, monkeypatch):
    prog, tessdata, asked = fake_tesseract
    assert tesseract_program.ocr_available(str(prog))
    first = asked()
    assert first >= 1
    new_process(monkeypatch)
    info = tesseract_program.tesseract_info(str(prog))
    assert asked() == first and "fra" in info.langs and info.tessdata == str(tessdata)


def test_a_changed_program_is_asked_again(fake_tesseract, monkeypatch):
    prog, _, asked = fake_tesseract
    tesseract_program.tesseract_info(str(prog))
    first = asked()
    new_process(monkeypatch)
    prog.write_text(prog.read_text() + "\n# upgraded\n")  # another size and time: an upgrade
    tesseract_program.tesseract_info(str(prog))
    assert asked() > first


def test_removed_french_data_is_noticed(fake_tesseract, monkeypatch):
    prog, tessdata, asked = fake_tesseract
    assert tesseract_program.ocr_available(str(prog))
    first = asked()
    new_process(monkeypatch)
    (tessdata / "fra.traineddata").unlink()  # the language package removed, the program kept
    tesseract_program.tesseract_info(str(prog))
    assert asked() > first  # what was kept is not trusted: the program is asked again


@pytest.mark.parametrize("cache", ["unwritable", "corrupt"])
def test_a_bad_cache_only_means_asking_again(fake_tesseract, monkeypatch, tmp_path, cache):
    prog, _, asked = fake_tesseract
    if cache == "unwritable":
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("")
        monkeypatch.setenv("PAPERASSE_CACHE_DIR", str(blocker))
    else:
        tesseract_program.tesseract_info(str(prog))
        for f in (tmp_path / "cache").iterdir():
            f.write_text("{not json")
        new_process(monkeypatch)
    before = asked()
    assert tesseract_program.ocr_available(str(prog))
    assert asked() > before


def test_a_program_that_cannot_run_is_not_available(tmp_path, monkeypatch):
    monkeypatch.setenv("PAPERASSE_CACHE_DIR", str(tmp_path / "cache"))
    broken = tmp_path / "tesseract"
    broken.write_text("#!/bin/sh\nexit 3\n")
    broken.chmod(0o755)
    assert not tesseract_program.ocr_available(str(broken))
    assert not tesseract_program.ocr_available(str(tmp_path / "missing"))


@pytest.fixture
def runs(monkeypatch):
    """Every tesseract page read, as (config, image handed over as a file or not)."""
    seen = []
    real = ocr.OcrEngine.data

    def data(self, image, config="", dpi=None, **kw):
        seen.append((config, kw.get("source_file")))
        return real(self, image, config, dpi, **kw)

    monkeypatch.setattr(ocr.OcrEngine, "data", data)
    return seen


@pytest.mark.ocr
def test_a_plain_page_costs_one_read_and_a_grey_jpeg_is_not_reencoded(tmp_path, font_path, runs,
                                                                      monkeypatch):
    monkeypatch.setenv(tesseract_program.BACKEND_ENV, "process")
    page = tmp_path / "ordonnance.jpg"
    drawn_pages.prescription(font_path).save(page, quality=92)
    r = read_document(page, workers=1)
    assert r.value("prescriber_rpps") == "10570864974"
    assert len(runs) == 1
    assert runs[0][1] == str(page)  # the file itself, no BMP written for it


@pytest.mark.ocr
def test_a_colour_or_turned_jpeg_is_prepared_first(tmp_path, font_path, runs, monkeypatch):
    monkeypatch.setenv(tesseract_program.BACKEND_ENV, "process")
    page = tmp_path / "ordonnance.jpg"
    drawn_pages.prescription(font_path).convert("RGB").save(page, quality=92)
    assert read_document(page, workers=1).value("prescriber_rpps") == "10570864974"
    assert runs[0][1] is None


def _library_or_skip(monkeypatch):
    pytest.importorskip("tesserocr")
    monkeypatch.setenv(tesseract_program.BACKEND_ENV, "library")
    if ocr.reader_kind(tesseract_program._resolve(None)) != "library":
        pytest.skip("tesserocr cannot open this tesseract's language data")


@pytest.mark.ocr
def test_the_in_process_reader_reads_what_the_program_reads(tmp_path, font_path, monkeypatch):
    _library_or_skip(monkeypatch)
    page = tmp_path / "feuille.png"
    drawn_pages.care_sheet(font_path).save(page)
    library = read_document(page, workers=1)
    monkeypatch.setenv(tesseract_program.BACKEND_ENV, "process")
    program = read_document(page, workers=1)
    for name in ("nir", "birth_date", "total_amount", "care_date"):
        assert library.value(name) == program.value(name), name


@pytest.mark.ocr
def test_the_in_process_reader_stops_at_the_time_limit(font_path, monkeypatch):
    _library_or_skip(monkeypatch)
    engine = ocr.OcrEngine(tesseract_program._resolve(None), timeout_s=0.001)
    with pytest.raises(tesseract_program.OcrTimeout):
        engine.data(drawn_pages.invoice(font_path), "--psm 3")
    # The same thread's reader still works afterwards.
    ok = ocr.OcrEngine(tesseract_program._resolve(None)).data(drawn_pages.invoice(font_path), "--psm 3")
    assert any(t.strip() for t in ok["text"])


def test_by_default_the_library_is_used_only_at_the_programs_version(monkeypatch):
    cmd = tesseract_program._resolve(None)
    if cmd is None or not tesseract_program.ocr_available(cmd):
        pytest.skip("tesseract with French data is not installed")
    monkeypatch.delenv(tesseract_program.BACKEND_ENV, raising=False)
    same = ocr_library.library_version() is not None and ocr_library.library_version() == tesseract_program.tesseract_info(cmd).version
    assert ocr.reader_kind(cmd) == ("library" if same else "process")


def test_extract_loads_neither_the_store_nor_the_window(tmp_path, font_path):
    page = tmp_path / "scan.png"
    drawn_pages.invoice(font_path).save(page)
    probe = (
        "import sys, io, contextlib\n"
        "from desktop_app.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    code = main(['extract', {str(page)!r}, '--json'])\n"
        "import json; json.loads(out.getvalue())\n"
        "print(sorted(m for m in sys.modules if m.startswith(('desktop_app', 'PySide6', 'sqlite', "
        "'stdnum', 'pytesseract'))))\n"
    )
    env = {**os.environ, "PAPERASSE_TESSERACT": str(tmp_path / "no-tesseract")}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env=env, cwd=Path(__file__).parents[2])
    loaded = json.loads(out.stdout.strip().splitlines()[-1].replace("'", '"'))
    for heavy in ("desktop_app.store", "desktop_app.services.documents", "desktop_app.gui",
                  "desktop_app.core.model", "PySide6", "sqlite3", "stdnum", "pytesseract",
                  "desktop_app.cli.documents_cmd"):
        assert not [m for m in loaded if m == heavy or m.startswith(heavy + ".")], heavy


@pytest.mark.ocr
def test_a_grey_photo_is_read_cleaned_not_from_its_file(tmp_path, font_path, runs, monkeypatch):
    from tests.intake.test_photos import photographed

    monkeypatch.setenv(tesseract_program.BACKEND_ENV, "process")
    started = []
    real_start = ocr.OcrEngine.start

    def start(self, *a, **kw):
        pending = real_start(self, *a, **kw)
        started.append(pending)
        return pending

    monkeypatch.setattr(ocr.OcrEngine, "start", start)
    photo = tmp_path / "photo.jpg"
    photographed(drawn_pages.prescription(font_path), scale=0.6).save(photo, quality=85)
    r = read_document(photo, workers=1)
    assert r.value("prescriber_rpps") == "10570864974"
    assert runs[0][1] is None  # the straightened page, not the photo's file
    # Told from a scan before any read of its file started: no core spent on a read thrown away.
    assert not [p for p in started if p is not None]


@pytest.mark.ocr
@pytest.mark.parametrize("reader", ["process", "library"])
def test_a_batch_reads_pages_side_by_side(tmp_path, font_path, monkeypatch, reader):
    """Two workers have two pages being read at once (counted, not timed)."""
    import threading

    if reader == "library":
        _library_or_skip(monkeypatch)
    else:
        monkeypatch.setenv(tesseract_program.BACKEND_ENV, "process")
    lock, now, most = threading.Lock(), [0], [0]
    real = ocr.OcrEngine.data

    def data(self, *a, **kw):
        with lock:
            now[0] += 1
            most[0] = max(most[0], now[0])
        try:
            return real(self, *a, **kw)
        finally:
            with lock:
                now[0] -= 1

    monkeypatch.setattr(ocr.OcrEngine, "data", data)
    files = []
    for i, make in enumerate((drawn_pages.invoice, drawn_pages.prescription, drawn_pages.invoice)):
        f = tmp_path / f"page{i}.png"
        make(font_path).save(f)
        files.append(f)
    from desktop_app.intake import read_documents

    results = read_documents(files, workers=2)
    assert [r.kind for r in results] == ["invoice", "prescription", "invoice"]
    assert most[0] == 2
