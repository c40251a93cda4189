"""One large file shows where it is (decoding, preparing, reading the text, finding the fields)
with a moving bar rather than a still 0 %, and Cancel stops it in the middle."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt


def test_a_long_single_file_shows_its_stages_and_can_be_cancelled(qtbot, window, ctx,
                                                                    fake_reader, images):
    fake_reader["hold"] = "reading"  # the text of this page takes as long as the test wants
    fake_reader["release"] = threading.Event()
    (path,) = images(1)
    try:
        with qtbot.waitSignal(window.imports.finished, timeout=60_000) as blocker:
            window.import_paths([path])
            qtbot.waitUntil(lambda: "reading the text" in window.progress.label.text(),
                            timeout=30_000)
            assert window.progress.isVisible()
            assert window.progress.busy  # moving, not a percentage
            assert path.name in window.progress.label.text()
            assert "(1 of 1)" in window.progress.label.text()
            qtbot.mouseClick(window.progress.cancel, Qt.MouseButton.LeftButton)
            assert "Stopping" in window.progress.label.text()
    finally:  # a failed check must not leave the import waiting: closing
        fake_reader["release"].set()  # the window would ask whether to stop it
        qtbot.waitUntil(lambda: not window.imports.running, timeout=30_000)
    assert blocker.args[0] == []
    assert not window.progress.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()
    assert ctx.store.counts()["documents"] == 0


def test_once_the_long_step_ends_the_file_is_imported(qtbot, window, ctx, fake_reader, images):
    fake_reader["hold"] = "preparing"
    fake_reader["release"] = threading.Event()
    (path,) = images(1)
    try:
        with qtbot.waitSignal(window.imports.finished, timeout=60_000) as blocker:
            window.import_paths([path])
            qtbot.waitUntil(lambda: "preparing it" in window.progress.label.text(), timeout=30_000)
            assert window.progress.busy
            fake_reader["release"].set()
    finally:  # a failed check must not leave the import waiting: closing
        fake_reader["release"].set()  # the window would ask whether to stop it
        qtbot.waitUntil(lambda: not window.imports.running, timeout=30_000)
    assert [o.ok for o in blocker.args[0]] == [True]
    assert ctx.store.counts()["documents"] == 1
    assert not window.progress.isVisible()


def test_the_stages_in_french(qtbot, window, fake_reader, images):
    from desktop_app.gui import i18n

    i18n.install("fr")
    fake_reader["hold"] = "fields"
    fake_reader["release"] = threading.Event()
    (path,) = images(1)
    try:
        with qtbot.waitSignal(window.imports.finished, timeout=60_000):
            window.import_paths([path])
            qtbot.waitUntil(lambda: "recherche des champs" in window.progress.label.text(),
                            timeout=30_000)
            fake_reader["release"].set()
    finally:  # a failed check must not leave the import waiting: closing
        fake_reader["release"].set()  # the window would ask whether to stop it
        qtbot.waitUntil(lambda: not window.imports.running, timeout=30_000)
