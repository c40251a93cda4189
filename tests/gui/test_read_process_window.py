"""A large household's lists are read in a process of their own: the window shows the same
claims, statuses and dashboard, follows the user's steps, and leaves no process behind."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from tests.gui.waiting import settle


def test_the_lists_read_by_the_other_process_follow_the_users_steps(qtbot, ctx, household,
                                                                   monkeypatch):
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.views import track_dialogs_view
    from desktop_app.services import claims

    claims.new_claim(ctx, "Claire Martin", title="Kinésithérapie", care_date="2025-05-02",
                     category="paramedical", amount_paid="48.00", billing="paper")
    monkeypatch.setattr(MainWindow, "read_process_from", 0)  # a household of any size
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: bool(win.household), timeout=30_000)
    reader = win.workers.reader
    assert reader is not None and reader.running
    titles = sorted(r.title for r in win.claims_model.rows())
    assert titles == ["Kinésithérapie", "Stimulateur périnéal"]
    assert win.dashboard.deadlines.count() >= 1

    claim_id = household["claim_id"]
    win.show_claim(claim_id)
    settle(qtbot, win)
    # The claim's status was worked out in the panes' own process, and drawn.
    panes = win.workers.pane_reader
    assert panes is not None and panes.running
    qtbot.waitUntil(lambda: win.claim_controller.claim_id == claim_id, timeout=15_000)
    assert win.claim_view.title.text() == "Stimulateur périnéal"

    def sent(dialog):
        dialog.date.setDate(QDate(2025, 6, 24))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(track_dialogs_view.SentDialog, "exec", sent)
    qtbot.mouseClick(win.claim_view.cpam.mark_sent, Qt.MouseButton.LeftButton)
    settle(qtbot, win)
    row = win.claims_model.claim_at(win.claims_model.row_for(claim_id))
    qtbot.waitUntil(lambda: win.claims_model.claim_at(
        win.claims_model.row_for(claim_id)).cpam_state == "sent", timeout=15_000)
    assert row.title == "Stimulateur périnéal"

    # Once the lists were in, what is alive is out of the cycle collector's walks; a closed
    # window puts it back, so what it made can be collected.
    import gc

    assert gc.get_freeze_count() > 0
    process, pane_process = reader._process, panes._process
    win.close()
    win.workers.shutdown()
    assert not process.is_alive() and not pane_process.is_alive()
    assert gc.get_freeze_count() == 0
