"""Backups, archives, statements, changes made from the command line, mailings: offscreen."""

from __future__ import annotations

import sys
import types

from desktop_app.services import backups, claims, people, tracking
from tests.gui.waiting import settle


def _import(qtbot, window, paths):
    with qtbot.waitSignal(window.imports.finished, timeout=20_000) as blocker:
        window.import_paths(paths)
    return blocker.args[0]


def test_back_up_now_then_restore_brings_back_a_deleted_claim(qtbot, ctx, household):
    from desktop_app.gui.app import AppController

    claim_id = household["claim_id"]
    controller = AppController(ctx)
    window = controller.show()
    qtbot.waitUntil(lambda: window.claims_model.rowCount() == 1, timeout=10_000)

    dialog = window.safekeeping.open_backups()
    qtbot.waitUntil(lambda: not dialog.view.busy.isVisible(), timeout=5000)
    assert dialog.view.table.rowCount() == 0
    assert dialog.view.last.text() == "No backup yet."
    with qtbot.waitSignal(dialog.backed_up, timeout=5000):
        dialog.view.back_up.click()
    qtbot.waitUntil(lambda: dialog.view.table.rowCount() == 1, timeout=5000)
    assert "Made by you" in dialog.view.last.text() and "1 claim" in dialog.view.last.text()

    # The claim goes (another connection deletes it); the window notices on its own.
    window._watch_timer.setInterval(50)
    other = ctx.fork()
    other.store.db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
    other.store.close()
    qtbot.waitUntil(lambda: window.claims_model.rowCount() == 0, timeout=5000)

    box, _restore = dialog.restore_question(dialog.selected_id())
    assert "safety copy" in box.informativeText()
    box.deleteLater()
    dialog.restore(dialog.selected_id())
    qtbot.waitUntil(lambda: controller.window is not window, timeout=10_000)
    restored = controller.window
    qtbot.waitUntil(lambda: restored.claims_model.rowCount() == 1, timeout=10_000)
    assert restored.claims_model.rows()[0].id == claim_id
    assert "safety copy" in restored.statusBar().currentMessage()
    reasons = [b["reason"] for b in backups.list_backups(ctx)]
    assert reasons == ["before-restore", "manual"]
    assert ctx.store.claim(claim_id) is not None  # the window's own connection sees it too
    restored.close()


def test_a_failed_start_up_backup_is_shown_without_blocking(qtbot, ctx, household):
    from desktop_app.gui.main_window import MainWindow

    ctx.backup_problem = "cannot write a backup in /x: disk full"
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.banner.isVisible() and "disk full" in window.banner.text.text()
    dialog = window.safekeeping.open_backups()
    assert dialog.view.problem.isVisible()
    window.banner.dismiss.click()
    assert not window.banner.isVisible()
    dialog.view.close()
    window.workers.shutdown()


def test_export_then_import_an_archive(qtbot, window, ctx, tmp_path):
    from desktop_app.services import archive
    from desktop_app.services.context import open_context

    out = tmp_path / "household.zip"
    window.safekeeping.export_to(str(out))
    qtbot.waitUntil(lambda: "Archive written" in window.statusBar().currentMessage(), timeout=10_000)
    assert archive.check_archive(out).counts["claims"] == 1

    # Another household's archive: what is new comes in, the rest is skipped.
    other = open_context(tmp_path / "other", auto_backup=False, tidy=False)
    people.add_person(other, name="Paul Durand", birth_date="1980-01-02", sex="M")
    claims.new_claim(other, "Paul Durand", title="Dentiste", care_date="2025-05-05", category="dental",
                     amount_paid="60.00")
    people.add_person(other, name="Claire Martin", nir="2 85 07 75 115 234 32", birth_date="1985-07-04",
                      sex="F")
    theirs = tmp_path / "theirs.zip"
    archive.export_archive(other, theirs)
    other.close()

    seen = []
    window.safekeeping.check_then_import(str(theirs), confirm=lambda summary: seen.append(summary) or True)
    qtbot.waitUntil(lambda: window.claims_model.rowCount() == 2, timeout=10_000)
    assert seen[0].counts["claims"] == 1
    message = window.statusBar().currentMessage()
    assert "Added: 1 person, 1 claim, 0 documents" in message
    assert "skipped: 1 person" in message
    assert {p.name for p in window.people} == {"Claire Martin", "Paul Durand"}


def test_statement_payments_recorded_in_one_step(qtbot, window, ctx, household, fake_reader, images):
    claim_id = household["claim_id"]
    fake_reader.update(kind="statement", fields={
        "statement_date": "2025-07-08",
        "lines": [
            {"care_date": "2025-06-20", "amount_paid": "182.94", "patient_name": "MARTIN Claire",
             "label": "Stimulateur"},
            {"care_date": "2025-01-02", "amount_paid": "7.50", "patient_name": "MARTIN Claire",
             "label": "Consultation"},
        ],
    })
    outcome = _import(qtbot, window, images(1))[0]
    window.sidebar.select("list", "inbox")
    qtbot.waitUntil(lambda: window.documents_model.rowCount() == 1, timeout=5000)
    window.documents_page.table.selectRow(0)  # selected in the inbox: the document pane shows it
    panel = window.document_view.statement
    assert window.document_controller.document.id == outcome.document_id
    qtbot.waitUntil(lambda: panel.payer_row.isVisible(), timeout=5000)
    assert "was not read" in panel.summary.text()

    panel.payer.setCurrentIndex(panel.payer.findData("cpam"))
    panel.set_payer.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=5000)
    assert not panel.payer_row.isVisible()
    assert panel.table.item(0, panel.CLAIM).text() == "Stimulateur périnéal"
    assert panel.table.item(0, panel.AMOUNT).text() == "€182.94"
    assert "2 Jan 2025" in panel.unmatched.text()

    panel.record.click()
    qtbot.waitUntil(lambda: "1 payment recorded" in window.statusBar().currentMessage(), timeout=5000)
    track = tracking.claim_status(ctx, claim_id).tracks["cpam"]
    assert track.received == "182.94"
    qtbot.waitUntil(lambda: window.claims_model.rows()[0].cpam_received == "182.94", timeout=5000)
    window.show_claim(claim_id)
    settle(qtbot, window)
    assert window.claim_view.cpam.state.text() in ("Paid", "Done")


def test_the_window_follows_what_the_command_line_writes(qtbot, window, ctx, data_dir):
    from desktop_app.cli.main import main

    window._watch_timer.setInterval(100)
    code = main([
        "--data-dir", str(data_dir), "claim", "new", "--person", "Claire Martin", "--title", "Pharmacie",
        "--date", "2025-07-01", "--category", "pharmacy", "--paid", "12.50",
    ])
    assert code == 0
    qtbot.waitUntil(lambda: window.claims_model.rowCount() == 2, timeout=5000)
    assert "Pharmacie" in {r.title for r in window.claims_model.rows()}


def test_prepare_mailing_button_calls_the_mailing(qtbot, window, ctx, household, monkeypatch):
    calls = []

    def prepare_mailing(parent, ctx_, claim_id, payer, on_sent=None):
        calls.append((parent, claim_id, payer))
        tracking.mark_sent(ctx_, claim_id, payer, date="2025-06-24")
        on_sent()

    fake = types.ModuleType("desktop_app.gui.mailing")
    fake.prepare_mailing = prepare_mailing
    monkeypatch.setitem(sys.modules, "desktop_app.gui.mailing", fake)
    claim_id = household["claim_id"]
    window.show_claim(claim_id)
    settle(qtbot, window)
    box = window.claim_view.mutuelle
    assert box.prepare_mailing.isEnabled()
    box.prepare_mailing.click()
    settle(qtbot, window)
    assert calls == [(window, claim_id, "mutuelle")]
    assert box.state.text() == "Sent, waiting"
    assert "sent to the mutuelle" in window.statusBar().currentMessage()
