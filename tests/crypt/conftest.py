"""A household whose papers carry a NIR and an IBAN, in a folder about to be encrypted."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

NIR = "2 85 07 75 115 234 32"
IBAN = "FR1420041010050500013M02606"
PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "a different long passphrase"

# What must appear in no byte of an encrypted folder.
SECRETS = {
    "NIR": NIR.replace(" ", "").encode(),
    "NIR (spaced)": NIR.encode(),
    "IBAN": IBAN.encode(),
    "IBAN (UTF-16)": IBAN.encode("utf-16-le"),
    "PNG header": b"\x89PNG\r\n\x1a\n",
    "JPEG header": b"\xff\xd8\xff\xe0\x00\x10JFIF",  # three bytes alone turn up in ciphertext
    "PDF header": b"%PDF-",
    "SQLite header": b"SQLite format 3\x00",
    "patient name": b"Claire Martin",
}


@pytest.fixture(autouse=True)
def light_kdf(monkeypatch):
    """argon2id with little memory in this process: the tests check behaviour, not its cost
    (the subprocess tests run the shipped parameters)."""
    from desktop_app.store import vault

    monkeypatch.setattr(vault, "KDF_PARAMS", {"time_cost": 1, "memory_cost": 1024,
                                             "parallelism": 1})
    yield
    vault._unlocked.clear()
    vault._extra.clear()


@pytest.fixture
def reader(monkeypatch):
    """Reads any file as a care sheet naming the patient's NIR and IBAN; records what it read
    (where the page was, and whether it was plain)."""
    from desktop_app import intake
    from desktop_app.intake.result import ExtractedField, ReadResult

    seen: list[dict] = []

    def read_document(path, progress=None, should_cancel=None, stage=None, **_kwargs):
        path = Path(path)
        seen.append({"path": path, "head": path.read_bytes()[:8]})
        if progress:
            progress(1, 1)
        return ReadResult(
            kind="care_sheet",
            fields={"nir": ExtractedField(NIR.replace(" ", ""), 0.9, page=1),
                    "total_amount": ExtractedField("30.50", 0.9, page=1)},
            pages=1,
            text=f"Feuille de soins Claire Martin NIR {NIR} IBAN {IBAN}",
            text_source="ocr",
        )

    def read_documents(paths, progress=None, should_cancel=None, **kwargs):
        out = [read_document(p, stage=kwargs.get("stage")) for p in paths]
        if progress:
            progress(len(out), len(out))
        return out

    monkeypatch.setattr(intake, "read_document", read_document)
    monkeypatch.setattr(intake, "read_documents", read_documents)
    return seen


def scans(folder: Path) -> list[Path]:
    """A PNG, a JPEG and a PDF, each holding the IBAN in its bytes as a scan's metadata might."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    folder.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (120, 80), "white")
    png, jpeg, pdf = folder / "feuille.png", folder / "ordonnance.jpg", folder / "facture.pdf"
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", f"{IBAN} {NIR}")
    image.save(png, pnginfo=info)
    image.save(jpeg, quality=90, comment=f"{IBAN}".encode())
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pageCompression=0)
    page.drawString(72, 720, f"Claire Martin NIR {NIR} IBAN {IBAN}")
    page.save()
    pdf.write_bytes(buffer.getvalue())
    return [png, jpeg, pdf]


@pytest.fixture
def filled(data_dir, reader, tmp_path):
    """A data folder with the person and three imported papers; closed again."""
    from desktop_app.services import documents, people
    from desktop_app.services.context import open_context

    ctx = open_context(data_dir)
    try:
        people.add_person(ctx, name="Claire Martin", nir=NIR, birth_date="1985-07-04", sex="F",
                          iban=IBAN)
        outcomes = documents.import_files(ctx, scans(tmp_path / "scans"), "Claire Martin")
        assert all(o.error is None for o in outcomes), [o.error for o in outcomes]
    finally:
        ctx.close()
    return data_dir


def leaks(folder: Path) -> list[str]:
    """Every (file, secret) where the secret is found in the file's bytes."""
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.endswith(".lock"):
            continue
        data = path.read_bytes()
        for label, needle in SECRETS.items():
            if needle in data:
                found.append(f"{path.relative_to(folder)}: {label}")
    return found
