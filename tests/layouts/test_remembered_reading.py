"""Reading at a remembered place, on pages of words (no OCR): the label found though misread,
the value taken only when it reads as the field's kind, the issuer told apart."""

from __future__ import annotations

from desktop_app.core.layout_memory import RememberedLayout
from desktop_app.intake import remembered
from desktop_app.intake.issuer import issuer_of
from desktop_app.intake.layout import Page, Word
from desktop_app.intake.result import ExtractedField

LETTERHEAD = [("CABINET DE PODOLOGIE DES GRANDS CHENES", 100, 80),
              ("14 allee des Marronniers Cahors", 100, 130)]


def page(lines, siret: str | None = "81947265500011") -> Page:
    """A page of words: each line is (text, x, y); words 14 px a character, 24 px high."""
    words = []
    rows = list(LETTERHEAD) + ([(f"SIRET {siret}", 100, 170)] if siret else []) + list(lines)
    for n, (text, x, y) in enumerate(rows):
        for token in text.split():
            words.append(Word(token, x=x, y=y, w=14 * len(token), h=24, conf=0.95,
                              bbox=(x, y, 14 * len(token), 24), line_id=(n,)))
            x += 14 * len(token) + 14
    return Page(index=1, width=1240, height=1754, words=words, source="ocr")


def first_paper(total="125,50", nir="2 85 07 75 115 234 32"):
    return page([("Personne suivie : Lucie FAURE", 100, 400),
                 ("Montant de la prestation", 700, 800), (total, 700, 840),
                 ("N° de sécurité sociale", 100, 1000), (nir, 100, 1040),
                 ("Édité le 13/02/2025", 100, 1500)])


def layout_from(pages, **fields) -> RememberedLayout:
    learnt = {name: remembered.learn(pages, name, kind, value)
              for name, (kind, value) in fields.items()}
    assert all(learnt.values()), learnt
    who = issuer_of(pages)
    return RememberedLayout(1, "invoice", "siret", who.sirets[0], who.letterhead, learnt)


def test_a_misread_label_is_found_and_the_value_under_it_read():
    memory = layout_from([first_paper()], total_amount=("amount", "125.50"))
    assert memory.fields["total_amount"].label == "montant de la prestation"
    assert memory.fields["total_amount"].relation == "below"
    later = page([("Montant de la prestatlon", 740, 760), ("1 071,60", 740, 800),
                  ("Bilan 45,00", 100, 600)])
    fields = {"total_amount": ExtractedField("45.00", 0.4)}
    kind, used = remembered.apply([later], "invoice", fields, [memory])
    assert (kind, used) == ("invoice", 1)
    assert fields["total_amount"].value == "1071.60" and fields["total_amount"].confidence > 0.8


def test_a_value_that_does_not_read_as_its_kind_is_not_taken():
    memory = layout_from([first_paper()], date=("date", "2025-02-13"),
                         nir=("nir", "285077511523432"))
    later = page([("Édité le 31/02/2025", 100, 1500), ("N° de sécurité sociale", 100, 1000),
                  ("2 85 07 75 115 234 99", 100, 1040)])  # no such day; a NIR whose key fails
    fields = {"date": ExtractedField("2025-03-01", 0.5)}
    remembered.apply([later], "invoice", fields, [memory])
    assert fields["date"].value == "2025-03-01"  # the reader's own reading stays
    assert "nir" not in fields
    good = page([("Édité le 02/04/2025", 100, 1500), ("N° de sécurité sociale", 100, 1000),
                 ("2 85 07 75 115 234 32", 100, 1040)])
    fields = {}
    remembered.apply([good], "invoice", fields, [memory])
    assert fields["date"].value == "2025-04-02"
    assert fields["nir"].value == "285077511523432"


def test_a_confirmed_field_fills_only_what_the_reader_left_empty():
    pages = [first_paper()]
    f = remembered.learn(pages, "patient_name", "name", "Lucie FAURE", corrected=False)
    who = issuer_of(pages)
    memory = RememberedLayout(1, "invoice", "siret", who.sirets[0], who.letterhead,
                              {"patient_name": f})
    later = page([("Personne suivie : Marc DELORME", 100, 400)])
    fields = {"patient_name": ExtractedField("Marc Delorme", 0.7)}
    remembered.apply([later], "invoice", fields, [memory])
    assert fields["patient_name"].value == "Marc Delorme" and fields["patient_name"].confidence == 0.7
    fields = {}
    remembered.apply([later], "invoice", fields, [memory])
    assert fields["patient_name"].value == "Marc DELORME"


def test_the_issuer_is_its_siret_else_its_letterhead():
    memory = layout_from([first_paper()], total_amount=("amount", "125.50"))
    other_siret = page([("Montant de la prestation", 700, 800), ("99,00", 700, 840)],
                       siret="53018447200013")
    assert remembered.best_layout(issuer_of([other_siret]), "invoice", [memory]) is None
    # The same issuer's paper whose SIRET was not read: a SIRET memory is not guessed from the
    # letterhead (a printed form's header is the same for every professional).
    unread = page([("Montant de la prestation", 700, 800), ("99,00", 700, 840)], siret=None)
    assert remembered.best_layout(issuer_of([unread]), "invoice", [memory]) is None
    by_letterhead = RememberedLayout(2, "invoice", "fingerprint", "x", memory.fingerprint,
                                     memory.fields)
    assert remembered.best_layout(issuer_of([unread]), "invoice", [by_letterhead]) is by_letterhead
    assert remembered.best_layout(issuer_of([unread]), "prescription", [by_letterhead]) is None
    assert remembered.best_layout(issuer_of([other_siret]), "invoice", [by_letterhead]) is None
