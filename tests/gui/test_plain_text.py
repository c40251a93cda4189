"""12. Markup in user data is shown as text: a name, a claim title or a file name holding
``<img src=/dev/zero>`` must neither load anything nor change how the window looks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.gui.waiting import settle

HOSTILE = '<img src="/dev/zero" width=9999 height=9999><b>Gras</b>'


def test_markup_in_names_titles_and_file_names_is_shown_as_plain_text(qtbot, ctx, tmp_path):
    from PIL import Image

    from desktop_app.gui.main_window import MainWindow
    from desktop_app.services import claims, documents, people

    people.add_person(ctx, name=f"Claire {HOSTILE}")
    claim = claims.new_claim(ctx, f"Claire {HOSTILE}", title=f"Kiné {HOSTILE}",
                             care_date="2025-06-20", category="paramedical", amount_paid="50")
    scan = tmp_path / "<img src=dev>.png"
    Image.new("RGB", (200, 100), "white").save(scan)
    ctx.set_setting("tesseract_cmd", str(tmp_path / "no-tesseract"))
    [outcome] = documents.import_files(ctx, [scan], person_ref=f"Claire {HOSTILE}",
                                       claim_id=claim.id)
    assert outcome.ok
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: bool(win.household), timeout=10_000)
    win.show_claim(claim.id)
    settle(qtbot, win)
    qtbot.wait(50)
    shown = [label for label in win.findChildren(QLabel) if "<img" in label.text()]
    assert shown, "the title and the name are on screen, markup and all"
    for label in shown:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName() or label.text()
    assert any(f"Kiné {HOSTILE}" in label.text() for label in shown)
    win.workers.shutdown()


def test_an_error_naming_a_hostile_file_is_shown_as_plain_text(qtbot):
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.core.errors import UserError
    from desktop_app.gui.controllers.messages import show_error

    box = show_error(None, "Import", UserError(f"{HOSTILE}.png: is not a PDF or an image"))
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE in box.text()
    assert all(label.textFormat() == Qt.TextFormat.PlainText
               for label in box.findChildren(QLabel) if "<img" in label.text())
    assert isinstance(box, QMessageBox)
    box.close()
