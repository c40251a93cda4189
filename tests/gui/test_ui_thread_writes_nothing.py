"""The window never writes to the database on its UI thread.

A write may wait seconds for the lock while the command line writes; on the UI thread that is a
frozen window. Every statement the window's own connection runs on the UI thread is recorded
while a user goes through a claim's steps, files a document and edits a person and the
settings: none may write, and showing a claim or a document reads nothing there.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from tests.gui.test_workflows import _import
from tests.gui.waiting import settle

# sqlite-utils wraps every query in a SAVEPOINT, reads too: writes are known by their verb.
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN IMMEDIATE", "CREATE", "DROP", "ALTER")


class UiThreadStatements:
    def __init__(self, ctx):
        self.seen: list[str] = []
        ctx.store.db.conn.set_trace_callback(self._trace)

    def _trace(self, statement: str) -> None:
        if threading.current_thread() is threading.main_thread():
            self.seen.append(" ".join(statement.split()))

    def take(self) -> list[str]:
        seen, self.seen = self.seen, []
        return [s for s in seen if s != "PRAGMA data_version"]  # the cheap outside-change probe


def _writes(statements):
    return [s for s in statements if s.upper().startswith(WRITES)]


def test_a_users_session_writes_nothing_on_the_ui_thread(qtbot, window, ctx, household, fake_reader,
                                                        images, monkeypatch):
    from desktop_app.gui.views import track_dialogs_view
    from desktop_app.services import documents, tracking

    ui = UiThreadStatements(ctx)
    claim_id = household["claim_id"]
    window.show_claim(claim_id)
    settle(qtbot, window)
    assert ui.take() == []  # the claim's status is read on a worker

    def sent(dialog):
        dialog.date.setDate(QDate(2025, 6, 24))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(track_dialogs_view.SentDialog, "exec", sent)
    box = window.claim_view.cpam
    qtbot.mouseClick(box.mark_sent, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert box.state.text() == "Sent, waiting"

    def paid(dialog):
        dialog.amount.setText("182.94")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(track_dialogs_view.PaymentDialog, "exec", paid)
    qtbot.mouseClick(box.record_payment, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert tracking.claim_status(ctx, claim_id).tracks["cpam"].received == "182.94"
    qtbot.mouseClick(box.undo, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert box.state.text() == "Sent, waiting"
    assert _writes(ui.take()) == []

    [outcome] = _import(qtbot, window, images(1))
    window.show_document(outcome.document_id)
    settle(qtbot, window)
    ui.take()
    qtbot.mouseClick(window.document_view.attach, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert documents.get_document(ctx, outcome.document_id).claim_id == claim_id
    assert _writes(ui.take()) == []


def test_the_person_form_and_the_settings_save_off_the_ui_thread(qtbot, window, ctx, monkeypatch):
    from desktop_app.gui.controllers.person_controller import PersonController
    from desktop_app.gui.controllers.settings_controller import SettingsController
    from desktop_app.services import people

    ui = UiThreadStatements(ctx)
    editor = PersonController(ctx, window, workers=window.workers)
    qtbot.addWidget(editor.view)
    editor.view.show()
    qtbot.keyClicks(editor.view.name, "Lucas Martin")
    save = editor.view.buttons.button(editor.view.buttons.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.saved_id is not None, timeout=10_000)
    assert people.find_person(ctx, "Lucas Martin").id == editor.saved_id
    assert not editor.view.isVisible()  # the form closed once saved

    settings = SettingsController(ctx, window, workers=window.workers)
    qtbot.addWidget(settings.view)
    settings.view.show()
    settings.view.follow_up.setValue(45)
    qtbot.mouseClick(settings.view.buttons.button(settings.view.buttons.StandardButton.Save)
                     or settings.view.buttons.button(settings.view.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.setting("follow_up_days") == 45, timeout=10_000)
    assert _writes(ui.take()) == [], ui.seen


def test_a_refused_person_keeps_the_form_open_with_the_reason(qtbot, window, ctx, household):
    from desktop_app.gui.controllers.person_controller import PersonController

    editor = PersonController(ctx, window, workers=window.workers)
    qtbot.addWidget(editor.view)
    editor.view.show()
    qtbot.keyClicks(editor.view.name, "Claire Martin")  # already in the household
    save = editor.view.buttons.button(editor.view.buttons.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.view.error.isVisible(), timeout=10_000)
    assert editor.view.isVisible() and save.isEnabled()
    assert "Claire Martin" in editor.view.error.text()
