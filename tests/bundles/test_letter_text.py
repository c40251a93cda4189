"""The cover letter's text as a reader (and a text extractor) finds it: every letter of a name,
the French spaces of an amount, in the embedded font; its sentences come from the data file."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from tests.cli_helpers import NIR


@pytest.fixture
def claim(ctx, tmp_path):
    from desktop_app.services import claims, documents, people

    people.add_person(ctx, name="Łukasz Nguyễn", nir=NIR, birth_date="1985-07-04", sex="M",
                      medecin_traitant=True, caisse_name="CPAM de Paris",
                      caisse_address="75948 Paris Cedex 19", mutuelle="Mutuelle Œuvre & Cie",
                      mutuelle_address="12 rue de l'Œillet\n69002 Lyon")
    im = Image.new("RGB", (500, 300), "white")
    ImageDraw.Draw(im).text((20, 20), "feuille de soins", fill="black")
    path = tmp_path / "feuille.png"
    im.save(path)
    (outcome,) = documents.import_files(ctx, [path], "Łukasz Nguyễn", kind="care_sheet")
    documents.confirm_document(ctx, outcome.document_id,
                               {"nir": NIR, "birth_date": "1985-07-04", "signed": "yes"})
    c = claims.new_claim(ctx, "Łukasz Nguyễn", care_date="2025-07-01", category="dental",
                         amount_paid="1234.50", title="Couronne « cœur » <céramique>",
                         billing="paper")
    claims.add_document(ctx, c.id, outcome.document_id)
    return c.id


def _letter(ctx, claim, tmp_path, payer="cpam"):
    from desktop_app.services import bundle

    out = tmp_path / f"{payer}.pdf"
    report = bundle.build_bundle(ctx, claim, payer, out, override=True)
    reader = PdfReader(str(out))
    return report, reader, reader.pages[0].extract_text()


def test_every_letter_of_a_name_and_the_french_amount_survive(ctx, claim, tmp_path):
    report, reader, letter = _letter(ctx, claim, tmp_path)
    assert report.letter_pages == 1
    assert letter.count("Łukasz Nguyễn") >= 3  # sender, particulars, signature
    assert "Couronne « cœur » <céramique> (soins dentaires)" in letter
    assert "1er juillet 2025" in letter and "Assuré :" in letter
    assert "Pièces jointes" in letter and "Feuille de soins" in letter
    # A narrow no-break space groups the thousands; the euro sign keeps its place.
    assert "1\u202f234,50" in letter and "234,50 €" in letter.replace("\u00a0", " ")
    memo = reader.pages[report.memo_page - 1].extract_text()
    assert "Aide-mémoire" in memo and "« Couronne « cœur » <céramique> »" in memo.replace("\n", " ")


def test_the_letter_is_in_the_embedded_font_only(ctx, claim, tmp_path):
    import re

    _report, reader, _letter_text = _letter(ctx, claim, tmp_path)
    fonts = {key: f.get_object() for key, f in reader.pages[0]["/Resources"]["/Font"].items()}
    embedded = {key for key, f in fonts.items()
                if "/FontFile2" in f.get("/FontDescriptor", {})}
    assert {str(fonts[k]["/BaseFont"]).split("+")[-1] for k in embedded} == {
        "DejaVuSans", "DejaVuSans-Bold"}
    # reportlab names a standard font on each page; it must draw no letter.
    content = reader.pages[0].get_contents().get_data().decode("latin-1")
    for key, shown in re.findall(r"(/\S+) [\d.]+ Tf(.*?)(?=/\S+ [\d.]+ Tf|ET)", content, re.S):
        if key not in embedded:
            assert "Tj" not in shown and "TJ" not in shown, (key, shown)


def test_the_mutuelle_letter_writes_the_recipient_as_recorded(ctx, claim, tmp_path):
    _report, _reader, letter = _letter(ctx, claim, tmp_path, "mutuelle")
    assert "Mutuelle Œuvre & Cie" in letter and "12 rue de l'Œillet" in letter
    assert "Adhérent :" in letter


def test_a_new_wording_is_a_change_of_the_data_file(ctx, claim, tmp_path, monkeypatch):
    from desktop_app.services.bundle import sentences

    table = sentences._table("fr")
    changed = {**table, "letter": {**table["letter"], "salutation": "Chère caisse,"},
               "category_aside": {**table["category_aside"], "dental": "dentiste"}}
    monkeypatch.setattr(sentences, "_table", lambda lang: changed)
    _report, _reader, letter = _letter(ctx, claim, tmp_path)
    assert "Chère caisse," in letter and "Madame, Monsieur," in letter  # the closing keeps it
    assert "(dentiste)" in letter


def test_every_sentence_the_code_asks_for_is_in_the_data_file():
    import re
    from pathlib import Path

    from desktop_app.services.bundle import sentences

    folder = Path(sentences.__file__).parent
    table = sentences._table("fr")
    for name, section in (("letter.py", "letter"), ("memo.py", "memo"), ("build.py", "letter"),
                          ("recipients.py", "letter")):
        code = (folder / name).read_text(encoding="utf-8")
        asked = set(re.findall(r'_say\(\s*"([\w.]+)"', code))
        asked |= set(re.findall(rf'say\(\s*"{section}",\s*"([\w.]+)"', code))
        assert asked, name
        assert asked <= set(table[section]), (name, asked - set(table[section]))
