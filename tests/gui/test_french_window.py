"""The window in French: import refusals, Qt's own dialogs, amounts, payers with their article,
and no English text left on the main views."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QWidget,
)

from desktop_app.services import documents, people
from desktop_app.services.overview import PersonRow
from tests.gui.waiting import settle


@pytest.fixture
def french(qapp, ctx, household):
    from desktop_app.gui import i18n

    ctx.set_setting("language", "fr")
    i18n.install("fr")
    yield
    i18n.install("en")


@pytest.fixture
def fwin(qtbot, ctx, french):
    from desktop_app.gui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitUntil(lambda: bool(win.household), timeout=30_000)
    yield win
    win.workers.shutdown()


def _import(qtbot, win, paths, **kwargs):
    with qtbot.waitSignal(win.imports.finished, timeout=30_000) as blocker:
        win.import_paths(paths, **kwargs)
    return blocker.args[0]


def _boxes():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _close_boxes():
    for box in _boxes():
        box.close()


def test_import_refusals_are_in_french_with_the_file_and_the_fix(qtbot, fwin, tmp_path):
    empty = tmp_path / "vide.pdf"
    empty.write_bytes(b"")
    notes = tmp_path / "notes.png"
    notes.write_text("pas une image du tout\n" * 20)
    _import(qtbot, fwin, [empty, notes])
    qtbot.waitUntil(lambda: bool(_boxes()), timeout=30_000)
    text = _boxes()[0].text()
    assert "vide.pdf : le fichier est vide (0 octet) ; numérisez-le ou exportez-le" in text
    assert "notes.png n'est ni un PDF ni une image" in text
    assert "exportez-le ou numérisez-le dans l'un de ces formats" in text
    assert "empty" not in text and "not a PDF" not in text
    _close_boxes()


def test_qt_own_dialogs_speak_french(qtbot, french):
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(None, "Importer")
    qtbot.addWidget(dialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog) or QApplication.testAttribute(
        Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = {w.text().replace("&", "") for w in dialog.findChildren(QLabel)}
    assert "Look in:" not in texts and "Files of type:" not in texts
    assert any(t.startswith("Regarder dans") for t in texts), texts
    dialog.close()
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    words = {b.text().replace("&", "") for b in box.buttons()}
    assert words == {"Oui", "Annuler"}


def test_a_paper_naming_someone_else_is_said_and_can_be_moved(qtbot, fwin, ctx, fake_reader, images):
    people.add_person(ctx, name="Paul Martin")
    paul = people.find_person(ctx, "Paul Martin")
    claire = people.find_person(ctx, "Claire Martin")
    fwin.refresh()
    fwin.sidebar.select("person", claire.id)
    fake_reader["fields"] = {"patient_name": "Paul Martin", "total_amount": "25.00"}
    [outcome] = _import(qtbot, fwin, images(1))
    assert "scan_00.png est au nom de Paul Martin, pas de Claire Martin" in (
        fwin.statusBar().currentMessage())
    notice = fwin.names_other_notice
    assert notice.isVisible() and notice.move.text() == "Déplacer vers Paul Martin"
    fwin.show_document(outcome.document_id)
    settle(qtbot, fwin)
    pane = fwin.document_view
    assert pane.names_other.isVisible()
    assert "au nom de Paul Martin, pas de Claire Martin" in pane.names_other.text()
    assert pane.move_to_named.text() == "Déplacer vers Paul Martin"
    qtbot.mouseClick(pane.move_to_named, Qt.MouseButton.LeftButton)
    settle(qtbot, fwin)
    assert documents.get_document(ctx, outcome.document_id).person_id == paul.id
    assert pane.person.currentText() == "Paul Martin"
    assert not pane.names_other.isVisible() and not pane.move_to_named.isVisible()


def test_the_readers_doubts_are_said_in_french_on_the_document_pane(qtbot, fwin, fake_reader, images):
    from desktop_app.intake.read_warnings import warning

    fake_reader["kind"] = "care_sheet"
    fake_reader["fields"] = {"total_amount": ("98.00", 0.4)}
    fake_reader["warnings"] = [warning("read.total_differs", amount="98.00", sum="96.00"),
                               warning("read.two_readings", field="patient_name",
                                       first="MARTIN Claire", second="MARTIN Clara")]
    [outcome] = _import(qtbot, fwin, images(1))
    fwin.show_document(outcome.document_id)
    settle(qtbot, fwin)
    pane = fwin.document_view
    assert pane.reader_warnings.isVisible()
    assert pane.reader_warnings.text().split("\n") == [
        "⚠ le total 98,00\u00a0€ diffère de la somme des actes (96,00\u00a0€) : "
        "un montant est peut-être mal lu",
        "⚠ patient : deux lectures sont proches (MARTIN Claire ou MARTIN Clara) ; vérifiez-le",
    ]


def test_the_status_bar_move_files_the_paper_under_the_person_it_names(
        qtbot, fwin, ctx, fake_reader, images):
    people.add_person(ctx, name="Paul Martin")
    paul = people.find_person(ctx, "Paul Martin")
    fwin.refresh()
    fwin.sidebar.select("person", people.find_person(ctx, "Claire Martin").id)
    fake_reader["fields"] = {"patient_name": "MARTIN Paul"}
    [outcome] = _import(qtbot, fwin, images(1))
    qtbot.mouseClick(fwin.names_other_notice.move, Qt.MouseButton.LeftButton)
    assert documents.get_document(ctx, outcome.document_id).person_id == paul.id
    assert not fwin.names_other_notice.isVisible()
    assert fwin.statusBar().currentMessage() == "Déplacé vers Paul Martin."


def test_a_scan_attached_through_a_claim_belongs_to_its_person(
        qtbot, fwin, ctx, household, fake_reader, images, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    [path] = images(1)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(path)], ""))
    fwin.sidebar.select("person", None)  # nobody selected: the claim says whose it is
    fwin.show_claim(household["claim_id"])
    settle(qtbot, fwin)
    with qtbot.waitSignal(fwin.imports.finished, timeout=30_000) as blocker:
        qtbot.mouseClick(fwin.claim_view.attach_scan, Qt.MouseButton.LeftButton)
    [outcome] = blocker.args[0]
    doc = documents.get_document(ctx, outcome.document_id)
    assert doc.claim_id == household["claim_id"]
    assert doc.person_id == people.find_person(ctx, "Claire Martin").id
    fwin.show_document(outcome.document_id)
    settle(qtbot, fwin)
    assert fwin.document_view.person.currentText() == "Claire Martin"


def test_payment_dialog_in_french_takes_a_decimal_comma(qtbot, fwin, ctx, household, monkeypatch):
    from desktop_app.gui.views import track_dialogs_view
    from desktop_app.services import tracking

    claim_id = household["claim_id"]
    fwin.show_claim(claim_id)
    settle(qtbot, fwin)
    controller = fwin.claim_controller
    controller.mark_sent("cpam", date="2025-06-24", channel="post")
    settle(qtbot, fwin)
    assert any("24/06/2025 : Envoyé, en attente" in t for t in _visible_texts(fwin.claim_view))
    seen = {}

    def fill(dialog):
        seen["title"] = dialog.windowTitle()
        seen["suggested"] = dialog.amount.text()
        dialog.amount.clear()
        qtbot.keyClicks(dialog.amount, "182,94")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(track_dialogs_view.PaymentDialog, "exec", fill)
    controller.ask_payment("cpam")
    settle(qtbot, fwin)
    assert seen["title"] == "Paiement de la CPAM"
    assert "," in seen["suggested"] and "." not in seen["suggested"]
    assert tracking.claim_status(ctx, claim_id).tracks["cpam"].received == "182.94"
    assert "182,94\u00a0€" in fwin.claim_view.cpam.amounts.text()
    assert "182,94\u00a0€" in fwin.statusBar().currentMessage()
    assert "la CPAM a versé" in fwin.statusBar().currentMessage()

    def sent(dialog):
        seen["sent"] = dialog.windowTitle()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(track_dialogs_view.SentDialog, "exec", sent)
    controller.ask_mark_sent("mutuelle")
    assert seen["sent"] == "Envoyé à la mutuelle"


# --- no English left on the French window ---------------------------------------------------------

def _plain(text: str) -> str:
    """A text as compared: no shortcut marks, no closing colon."""
    return text.replace("&", "").rstrip(" :\u00a0").strip()


def _english_sources() -> set[str]:
    """Every English text of the catalogue and of the message tables that French words otherwise."""
    from desktop_app.core.rules.messages import MESSAGES
    from desktop_app.gui import i18n

    english = set()
    root = ET.parse(i18n.translations_dir() / "paperasse_fr.ts").getroot()
    for msg in root.iter("message"):
        source, translation = msg.findtext("source") or "", msg.find("translation")
        french = "".join(translation.itertext()) if translation is not None else ""
        if msg.get("numerus") == "yes" or "%" in source:
            continue  # filled in at display time: the words shown are not the source
        if french and _plain(french) != _plain(source) and len(source) > 3:
            english.add(_plain(source))
    for texts in MESSAGES.values():
        if texts.get("fr") and texts["fr"] != texts["en"] and "{" not in texts["en"] and len(texts["en"]) > 3:
            english.add(texts["en"])
    return english


def _visible_texts(widget: QWidget) -> list[str]:
    texts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QTableView) and child.model() is not None:
            model = child.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(model.columnCount())]
    return [_plain(t) for t in texts if t]


def _english_in(widget: QWidget, english: set[str]) -> list[str]:
    return sorted({t for t in _visible_texts(widget) if t in english})


def test_no_english_on_the_main_views_of_the_french_window(qtbot, fwin, ctx, household, fake_reader, images):
    from desktop_app.gui.controllers.person_controller import PersonController
    from desktop_app.gui.controllers.settings_controller import SettingsController
    from desktop_app.gui.views.track_dialogs_view import (
        ClaimFormDialog,
        PaymentDialog,
        RejectedDialog,
        SentDialog,
    )

    english = _english_sources()
    assert "Missing papers" in english and "the file" in english  # the walk knows what to look for
    found = {}
    found["dashboard"] = _english_in(fwin, english)
    fwin.sidebar.select("person", None)
    found["claims"] = _english_in(fwin.claims_page, english)
    assert "Date des soins" in _visible_texts(fwin.claims_page)  # the walk reads what is shown
    fwin.show_claim(household["claim_id"])
    settle(qtbot, fwin)
    found["claim pane"] = _english_in(fwin.claim_view, english)
    [outcome] = _import(qtbot, fwin, images(1))
    fwin.show_document(outcome.document_id)
    settle(qtbot, fwin)
    found["document pane"] = _english_in(fwin.document_view, english)
    fwin.centre.setCurrentWidget(fwin.documents_page)
    found["documents"] = _english_in(fwin.documents_page, english)
    settings = SettingsController(ctx, fwin)
    qtbot.addWidget(settings.view)
    found["settings"] = _english_in(settings.view, english)
    with qtbot.waitSignal(settings.layouts_opened, timeout=30_000):
        qtbot.mouseClick(settings.view.layouts, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: settings.layouts.view.empty_label.isVisible(), timeout=30_000)
    found["remembered layouts"] = _english_in(settings.layouts.view, english)
    assert settings.layouts.view.windowTitle() == "Mises en page retenues"
    settings.layouts.view.close()
    person = PersonController(ctx, fwin, workers=fwin.workers)
    qtbot.addWidget(person.view)
    found["person form"] = _english_in(person.view, english)
    # What the form says of a wrong NIR, a wrong date and a name already taken: French too.
    person.view.show()
    qtbot.keyClicks(person.view.name, "Claire Martin")
    qtbot.keyClicks(person.view.nir, "2 85 07 75 115 234 00")
    qtbot.keyClicks(person.view.birth_date, "32/13/1985")
    assert "La clé du NIR est 00" in person.view.nir_check.text()
    assert "JJ/MM/AAAA" in person.view.birth_check.text()
    found["person form checks"] = _english_in(person.view, english)
    person.view.nir.clear()
    person.view.birth_date.clear()
    qtbot.mouseClick(person.view.buttons.button(person.view.buttons.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: person.view.error.isVisible(), timeout=10_000)
    assert "déjà dans le foyer" in person.view.error.text()
    found["person form refusal"] = _english_in(person.view, english)
    for dialog in (SentDialog("la CPAM"), PaymentDialog("la CPAM", "12.50"), RejectedDialog("la CPAM"),
                   ClaimFormDialog("Nouveau dossier", [PersonRow(1, "Claire Martin", None)])):
        qtbot.addWidget(dialog)
        found[type(dialog).__name__] = _english_in(dialog, english)
    assert {view: texts for view, texts in found.items() if texts} == {}


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_french_headers_and_the_filter_box_are_whole(qtbot, fwin, size):
    fwin.resize(*size)
    fwin.sidebar.select("person", None)
    fwin.show_claim(fwin.claims_model.rows()[0].id)
    settle(qtbot, fwin)
    qtbot.waitUntil(lambda: fwin.claims_page.table.isVisible(), timeout=30_000)
    QApplication.processEvents()
    for table in (fwin.claims_page.table, fwin.claims_page.inbox_table):
        header, model = table.horizontalHeader(), table.model()
        metrics = header.fontMetrics()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        for column in shown:
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title
        assert sum(header.sectionSize(c) for c in shown) <= table.viewport().width() + 1
    claims = fwin.claims_page.table
    assert "Date des soins" in [str(claims.model().headerData(c, Qt.Orientation.Horizontal))
                                for c in range(claims.model().columnCount())]
    from desktop_app.gui import labels
    from desktop_app.gui.models import claims_model as cm

    longest = max(claims.fontMetrics().horizontalAdvance(labels.state_text(s)) for s in labels.STATE_TEXT)
    for column in (cm.CPAM, cm.MUTUELLE):  # the payers' states: whole beside the claim pane
        assert claims.horizontalHeader().sectionSize(column) >= longest
    box = fwin.claims_page.filter
    assert box.placeholderText() == "Filtrer les dossiers…"
    assert box.width() >= box.fontMetrics().horizontalAdvance(box.placeholderText())


def test_amounts_in_the_french_document_pane_and_claim_form(qtbot, fwin, ctx, household, fake_reader, images):
    from desktop_app.gui.views.track_dialogs_view import ClaimFormDialog
    from desktop_app.services import claims

    [outcome] = _import(qtbot, fwin, images(1))
    fwin.show_document(outcome.document_id)
    settle(qtbot, fwin)
    editor = fwin.document_controller.editors["total_amount"]
    assert editor.edit.text() == "304,90"
    editor.edit.setFocus()
    editor.edit.selectAll()
    qtbot.keyClicks(editor.edit, "305,50")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    # The pane saves off the UI thread: wait for it, as a user waits for the field to settle.
    qtbot.waitUntil(
        lambda: documents.get_document(ctx, outcome.document_id).fields["total_amount"].value == "305.50",
        timeout=30_000,
    )
    qtbot.waitUntil(lambda: not fwin.document_controller.saving, timeout=30_000)
    assert fwin.document_controller.editors["total_amount"].edit.text() == "305,50"
    form = ClaimFormDialog("Modifier le dossier", [PersonRow(1, "Claire Martin", None)])
    qtbot.addWidget(form)
    form.load(claims.claim_dict(ctx, claims.get_claim(ctx, household["claim_id"])))
    assert form.paid.text() == "304,90"
    form.paid.clear()
    qtbot.keyClicks(form.paid, "1 234,50")
    assert form.values()["amount_paid"] == "1234.50"
    form.paid.clear()
    qtbot.keyClicks(form.paid, "182.94")
    assert form.values()["amount_paid"] == "182.94"
