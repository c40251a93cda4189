"""The window: a correction typed in the document pane is listed in Settings › Remembered layouts,
and its Forget button forgets it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import documents, layout_memory
from tests.gui.waiting import settle

pytestmark = pytest.mark.ocr
WAIT = 30_000


@pytest.fixture
def window(qtbot, ctx):
    from desktop_app.gui import i18n, i18n_build
    from desktop_app.gui.main_window import MainWindow

    if not (i18n.translations_dir() / "paperasse_en.qm").exists():
        i18n_build.main([])
    i18n.install("en")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.workers.shutdown()


def test_a_correction_in_the_pane_is_listed_and_forgotten(qtbot, window, ctx, podology_series):
    paper, path = podology_series[0]
    [outcome] = documents.import_files(ctx, [path])
    window.show_document(outcome.document_id)
    settle(qtbot, window)
    editor = window.document_controller.editors["total_amount"]
    editor.edit.setFocus()
    editor.edit.selectAll()
    qtbot.keyClicks(editor.edit, paper.total.replace(".", ","))
    with qtbot.waitSignal(window.document_controller.message, timeout=WAIT) as said:
        qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    assert said.args[0].startswith("Remembered where Total amount stands on this issuer's papers")
    assert layout_memory.list_layouts(ctx)

    from desktop_app.gui.controllers.settings_controller import SettingsController

    settings = SettingsController(ctx, window)
    qtbot.addWidget(settings.view)
    settings.view.show()
    assert settings.view.layouts.isEnabled()
    qtbot.mouseClick(settings.view.layouts, Qt.MouseButton.LeftButton)
    dialog = settings.layouts
    qtbot.waitUntil(lambda: dialog.view.table.rowCount() == 1, timeout=WAIT)
    table = dialog.view.table
    assert table.item(0, 0).text() == "CABINET DE PODOLOGIE DES GRANDS CHÊNES"
    assert table.item(0, 1).text() == "SIRET 81947265500011"
    assert "Total" in table.item(0, 3).text()
    assert dialog.view.forget.isEnabled()

    qtbot.mouseClick(dialog.view.forget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.view.empty_label.isVisible(), timeout=WAIT)
    assert table.rowCount() == 0 and not dialog.view.forget.isEnabled()
    assert layout_memory.list_layouts(ctx) == []
    dialog.view.close()


def test_forget_all_asks_then_forgets(qtbot, window, ctx, podology_series):
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

    from desktop_app.gui.controllers.layouts_controller import LayoutsController

    paper, path = podology_series[0]
    [outcome] = documents.import_files(ctx, [path])
    documents.confirm_document(ctx, outcome.document_id, {"date": paper.issued.isoformat()},
                               confirm_others=False)
    dialog = LayoutsController(window.workers, window)
    qtbot.addWidget(dialog.view)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.view.table.rowCount() == 1, timeout=WAIT)
    qtbot.mouseClick(dialog.view.forget_all, Qt.MouseButton.LeftButton)
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.objectName() == "confirm_forget_layouts"]
    assert boxes and boxes[0].isVisible()
    assert layout_memory.list_layouts(ctx)  # nothing forgotten before the answer
    go = boxes[0].findChild(QPushButton, "forget_all_confirmed")
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.view.empty_label.isVisible(), timeout=WAIT)
    assert layout_memory.list_layouts(ctx) == []
    dialog.view.close()
