"""One test per workflow of the desktop app, offscreen."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.services import documents, tracking
from tests.gui.waiting import settle


def _import(qtbot, window, paths):
    with qtbot.waitSignal(window.imports.finished, timeout=20_000) as blocker:
        window.import_paths(paths)
    return blocker.args[0]


def test_workers_deliver_results_and_errors_on_the_main_thread(qtbot, ctx):
    import threading

    from desktop_app.core.errors import UserError
    from desktop_app.gui.workers import Workers

    workers = Workers(ctx)
    seen = []

    def work(wctx, progress, should_cancel):
        progress(1, 2, "half")
        assert wctx is not ctx  # a connection of its own
        return wctx.store.counts()["people"]

    def boom(wctx, progress, should_cancel):
        raise UserError("bad input")

    workers.run(work, on_success=lambda r: seen.append(("ok", r, threading.current_thread())),
                on_progress=lambda d, t, m: seen.append(("progress", m, threading.current_thread())))
    workers.run(boom, on_failure=lambda e: seen.append(("failed", str(e), threading.current_thread())))
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)
    assert all(t is threading.main_thread() for *_x, t in seen)
    assert ("failed", "bad input") in [(k, v) for k, v, _t in seen]
    assert workers.shutdown()


def test_import_shows_progress_and_can_be_cancelled(qtbot, window, ctx, fake_reader, images):
    fake_reader["delay"] = 0.3
    paths = images(8)
    with qtbot.waitSignal(window.imports.finished, timeout=20_000) as blocker:
        window.import_paths(paths)
        qtbot.waitUntil(lambda: window.progress.isVisible(), timeout=2000)
        qtbot.waitUntil(lambda: window.progress.bar.value() >= 1, timeout=5000)
        qtbot.mouseClick(window.progress.cancel, Qt.MouseButton.LeftButton)
    outcomes = blocker.args[0]
    assert 1 <= len(outcomes) < 8
    assert not window.progress.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()
    assert ctx.store.counts()["documents"] == len(outcomes)


def test_imported_documents_land_in_the_inbox(qtbot, window, fake_reader, images):
    outcomes = _import(qtbot, window, images(2))
    assert all(o.ok for o in outcomes)
    qtbot.waitUntil(lambda: window.inbox_model.rowCount() == 2, timeout=5000)
    assert window.sidebar.lists["inbox"].text(0).endswith("(2)")
    window.sidebar.select("person", None)
    assert window.claims_page.inbox.isVisible()


def test_confirm_a_field_with_enter(qtbot, window, ctx, fake_reader, images):
    outcome = _import(qtbot, window, images(1))[0]
    window.show_document(outcome.document_id)
    settle(qtbot, window)
    editor = window.document_controller.editors["total_amount"]
    assert "not checked yet" in editor.status.text()
    assert "fairly sure (55 %)" in editor.status.text()  # confidence in words, not colour alone
    editor.edit.setFocus()
    editor.edit.setText("305,00")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)  # saved off the UI thread
    qtbot.waitUntil(
        lambda: documents.get_document(ctx, outcome.document_id).fields["total_amount"].confirmed,
        timeout=30_000,
    )
    qtbot.waitUntil(lambda: not window.document_controller.saving, timeout=30_000)
    field = documents.get_document(ctx, outcome.document_id).fields["total_amount"]
    assert field.confirmed and field.value == "305.00"
    assert not documents.get_document(ctx, outcome.document_id).fields["date"].confirmed
    assert "checked" in window.document_controller.editors["total_amount"].status.text()


def test_link_a_document_by_dropping_it_on_a_claim(qtbot, window, ctx, household, fake_reader, images):
    from desktop_app.gui.models.claims_model import encode_document_ids

    outcome = _import(qtbot, window, images(1))[0]
    window.sidebar.select("person", None)
    row = window.claims_model.row_for(household["claim_id"])
    index = window.claims_proxy.mapFromSource(window.claims_model.index(row, 0))
    window.claims_proxy.dropMimeData(
        encode_document_ids([outcome.document_id]), Qt.DropAction.LinkAction, -1, -1, index
    )
    assert documents.get_document(ctx, outcome.document_id).claim_id == household["claim_id"]
    qtbot.waitUntil(lambda: window.inbox_model.rowCount() == 0, timeout=5000)


def test_attach_a_document_to_a_proposed_claim(qtbot, window, ctx, household, fake_reader, images):
    outcome = _import(qtbot, window, images(1))[0]
    window.show_document(outcome.document_id)
    settle(qtbot, window)
    view = window.document_view
    assert view.proposals.count() == 1  # same date and amount as the claim
    view.attach.click()
    settle(qtbot, window)
    assert documents.get_document(ctx, outcome.document_id).claim_id == household["claim_id"]


def test_mark_sent_record_payment_and_undo(qtbot, window, ctx, household):
    claim_id = household["claim_id"]
    window.show_claim(claim_id)
    settle(qtbot, window)
    controller = window.claim_controller
    box = window.claim_view.cpam
    controller.mark_sent("cpam", date="2025-06-24", channel="post")
    settle(qtbot, window)
    assert tracking.claim_status(ctx, claim_id).tracks["cpam"].state == "sent"
    assert box.state.text() == "Sent, waiting"
    controller.record_payment("cpam", "182.94", date="2025-07-08")
    settle(qtbot, window)
    status = tracking.claim_status(ctx, claim_id).tracks["cpam"]
    assert status.received == "182.94"
    assert "182.94" in box.amounts.text()
    qtbot.waitUntil(lambda: window.claims_model.rows()[0].cpam_received == "182.94", timeout=5000)
    window.undo_action.trigger()  # Ctrl+Z undoes the payment
    settle(qtbot, window)
    assert tracking.claim_status(ctx, claim_id).tracks["cpam"].state == "sent"
    assert box.state.text() == "Sent, waiting"


def test_search_as_you_type(qtbot, window, fake_reader, images):
    _import(qtbot, window, images(3))

    def documents_found():
        tree = window.search_page.results
        return [tree.topLevelItem(i).childCount() for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(0).startswith("Documents")]

    qtbot.keyClicks(window.search, "stimul")
    qtbot.waitUntil(lambda: documents_found() == [3], timeout=30_000)
    assert window.centre.currentWidget() is window.search_page
    assert window.search_page.heading.text() == "Search results"
    window.search.clear()
    qtbot.keyClicks(window.search, "scan_01")
    qtbot.waitUntil(lambda: documents_found() == [1], timeout=30_000)


def test_switch_language_to_french_and_back(qtbot, ctx, household):
    from desktop_app.gui.app import AppController

    ctx.set_setting("language", "en")
    app_controller = AppController(ctx)
    window = app_controller.show()
    assert window.menuBar().actions()[0].text() == "&File"
    ctx.set_setting("language", "fr")
    app_controller.switch_language("fr")
    qtbot.waitUntil(lambda: app_controller.window is not window, timeout=3000)
    french = app_controller.window
    assert french.menuBar().actions()[0].text() == "&Fichier"
    assert french.sidebar.lists["todo"].text(0).startswith("À faire")
    app_controller.switch_language("en")
    qtbot.waitUntil(lambda: app_controller.window is not french, timeout=3000)
    assert app_controller.window.menuBar().actions()[0].text() == "&File"
    app_controller.window.close()


def test_person_editor_checks_identifiers_as_you_type(qtbot, window, ctx):
    from desktop_app.gui.controllers.person_controller import PersonController
    from desktop_app.services import people

    editor = PersonController(ctx, window)
    qtbot.addWidget(editor.view)
    editor.view.name.setText("Lucas Martin")
    editor.view.nir.setText("1 85 07 75 115 234 99")
    assert editor.view.nir_check.text().startswith("✗")
    editor.view.nir.setText("")
    editor.view.insured.setCurrentIndex(editor.view.insured.findData("Claire Martin"))
    editor.view.iban.setText("FR76 3000 6000 0112 3456 7890 189")
    assert editor.view.iban_check.text().startswith("✓")
    assert editor.save()
    lucas = people.find_person(ctx, "Lucas Martin")
    assert lucas.insured_id == people.find_person(ctx, "Claire Martin").id


def test_settings_are_saved(qtbot, window, ctx):
    from desktop_app.gui.controllers.settings_controller import SettingsController

    settings = SettingsController(ctx, window)
    qtbot.addWidget(settings.view)
    assert str(ctx.paths.root) in settings.view.folder.text()
    settings.view.follow_up.setValue(45)
    assert settings.view.electronic.value() == 14
    settings.view.electronic.setValue(10)
    assert settings.save()
    assert ctx.setting("follow_up_days") == 45
    assert ctx.setting("electronic_follow_up_days") == 10


def test_user_errors_are_shown_not_raised(qtbot, window, ctx, household):
    from PySide6.QtWidgets import QApplication, QMessageBox

    window.show_claim(household["claim_id"])
    settle(qtbot, window)
    window.claim_controller.link_documents([999])
    settle(qtbot, window)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and "no document 999" in boxes[0].text().lower()
    for box in boxes:
        box.close()


def test_welcome_page_when_nobody_is_in_the_household(qtbot, ctx):
    from desktop_app.gui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.centre.currentWidget() is window.welcome, timeout=10_000)
    assert window.welcome.explore.isVisible()
    window.workers.shutdown()
