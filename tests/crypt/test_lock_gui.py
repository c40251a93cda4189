"""The window on an encrypted folder: unlocking, locking when idle, setting a passphrase."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.crypt.conftest import PASSPHRASE

WAIT = 20_000


@pytest.fixture(autouse=True)
def english(qapp):
    from desktop_app.gui import i18n, i18n_build

    if not (i18n.translations_dir() / "paperasse_fr.qm").exists():
        i18n_build.main([])
    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture
def protected(filled):
    from desktop_app.services import passphrase

    passphrase.set_passphrase(filled, PASSPHRASE)
    passphrase.lock(filled)
    return filled


@pytest.fixture
def key_workers():
    from desktop_app.gui.workers import Workers

    workers = Workers(None)
    yield workers
    workers.shutdown()


def _type_and_enter(qtbot, field, text):
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_unlock_dialog_refuses_a_wrong_passphrase_then_opens(qtbot, protected, key_workers):
    from desktop_app.gui.controllers.passphrase_controller import UnlockFlow
    from desktop_app.services import passphrase

    flow = UnlockFlow(protected, key_workers)
    qtbot.addWidget(flow.view)
    flow.view.show()
    _type_and_enter(qtbot, flow.view.passphrase, "not the passphrase")
    qtbot.waitUntil(lambda: flow.view.error.isVisible(), timeout=WAIT)
    assert "Wrong passphrase" in flow.view.error.text()
    assert flow.view.isVisible() and passphrase.needs_passphrase(protected)
    _type_and_enter(qtbot, flow.view.passphrase, PASSPHRASE)
    qtbot.waitUntil(lambda: flow.result is not None, timeout=WAIT)
    assert not flow.view.isVisible()
    assert not passphrase.needs_passphrase(protected)


def test_the_french_unlock_dialog_speaks_french(qtbot, protected, key_workers):
    from desktop_app.gui import i18n
    from desktop_app.gui.controllers.passphrase_controller import UnlockFlow

    i18n.install("fr")
    flow = UnlockFlow(protected, key_workers)
    qtbot.addWidget(flow.view)
    flow.view.show()
    assert flow.view.windowTitle() == "Paperasse est verrouillé"
    _type_and_enter(qtbot, flow.view.passphrase, "pas la bonne phrase")
    qtbot.waitUntil(lambda: flow.view.error.isVisible(), timeout=WAIT)
    assert flow.view.error.text().startswith("Phrase secrète incorrecte")


def test_the_window_locks_when_idle_and_opens_again_with_the_passphrase(
        qtbot, protected, key_workers):
    from desktop_app.gui.app import AppController
    from desktop_app.services import passphrase
    from desktop_app.services.context import open_context

    passphrase.unlock(protected, PASSPHRASE)
    ctx = open_context(protected)
    controller = AppController(ctx)
    window = controller.show()
    qtbot.waitUntil(lambda: bool(window.household), timeout=WAIT)
    assert window.lock_action.isVisible() is False or window.protected
    assert controller.auto_lock.minutes == 15  # the default idle time
    try:
        qtbot.waitUntil(lambda: not window.workers.busy, timeout=WAIT)
        controller.auto_lock.timer.timeout.emit()  # the idle time has run out
        assert controller.window is None  # the data is hidden
        assert not ctx.store._open  # its connections are closed
        assert passphrase.needs_passphrase(protected)  # the keys are forgotten
        view = controller.unlocking.view
        assert view.isVisible()
        _type_and_enter(qtbot, view.passphrase, "not the passphrase")
        qtbot.waitUntil(lambda: view.error.isVisible(), timeout=WAIT)
        assert controller.window is None
        _type_and_enter(qtbot, view.passphrase, PASSPHRASE)
        qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT)
        qtbot.waitUntil(lambda: bool(controller.window.household), timeout=WAIT)
        names = [p.name for p in controller.window.people]
        assert "Claire Martin" in names
    finally:
        if controller.window is not None:
            controller.window.workers.shutdown()
            controller.window.close()
        controller.close()
        controller.home_ctx.close()


def test_lock_now_from_the_file_menu(qtbot, protected):
    from desktop_app.gui.app import AppController
    from desktop_app.services import passphrase
    from desktop_app.services.context import open_context

    passphrase.unlock(protected, PASSPHRASE)
    controller = AppController(open_context(protected))
    window = controller.show()
    qtbot.waitUntil(lambda: bool(window.household), timeout=WAIT)
    try:
        assert window.lock_action.isVisible()
        qtbot.waitUntil(lambda: not window.workers.busy, timeout=WAIT)
        window.lock_action.trigger()
        assert controller.window is None and controller.locked
        controller.unlocking.view.hide()
    finally:
        controller.close()
        controller.home_ctx.close()


def test_setting_a_passphrase_asks_twice_and_for_the_warning_to_be_read(
        qtbot, filled, key_workers):
    from desktop_app.gui.controllers.passphrase_controller import NewPassphraseFlow
    from desktop_app.services import passphrase

    flow = NewPassphraseFlow(filled, key_workers, change=False)
    view = flow.view
    qtbot.addWidget(view)
    view.show()
    assert "the data is gone" in view.warning.text()
    qtbot.keyClicks(view.new, PASSPHRASE)
    qtbot.keyClicks(view.again, PASSPHRASE + "x")
    qtbot.mouseClick(view.ok, Qt.MouseButton.LeftButton)
    assert "differ" in view.error.text()
    view.again.clear()
    qtbot.keyClicks(view.again, PASSPHRASE)
    qtbot.mouseClick(view.ok, Qt.MouseButton.LeftButton)
    assert "Tick the box" in view.error.text()
    assert not passphrase.is_protected(filled)
    qtbot.mouseClick(view.understood, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.result is not None, timeout=WAIT)
    assert passphrase.is_protected(filled)
    assert flow.result.recovery_key


def test_the_welcome_page_offers_a_passphrase_and_settings_offer_change_and_remove(
        qtbot, data_dir):
    from desktop_app.gui.app import AppController
    from desktop_app.gui.controllers.settings_controller import SettingsController
    from desktop_app.services import passphrase
    from desktop_app.services.context import open_context

    controller = AppController(open_context(data_dir))
    window = controller.show()
    try:
        qtbot.waitUntil(lambda: window.centre.currentWidget() is window.welcome, timeout=WAIT)
        assert window.welcome.protect.isVisible()
        settings = SettingsController(window.ctx, window)
        assert settings.view.set_passphrase.isVisibleTo(settings.view)
        assert not settings.view.remove_passphrase.isVisibleTo(settings.view)
        qtbot.waitUntil(lambda: not window.workers.busy, timeout=WAIT)
    finally:
        window.workers.shutdown()
        window.close()
        controller.close()
        controller.home_ctx.close()
    passphrase.set_passphrase(data_dir, PASSPHRASE)
    ctx = open_context(data_dir)
    try:
        settings = SettingsController(ctx, None)
        qtbot.addWidget(settings.view)
        assert settings.view.change_passphrase.isVisibleTo(settings.view)
        assert settings.view.remove_passphrase.isVisibleTo(settings.view)
        assert settings.view.lock_after.value() == 15
    finally:
        ctx.close()


def test_protecting_from_the_welcome_page_converts_and_shows_the_recovery_key_once(
        qtbot, data_dir, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.gui.app import AppController
    from desktop_app.gui.controllers import passphrase_controller
    from desktop_app.services import passphrase
    from desktop_app.services.context import open_context

    shown = []
    monkeypatch.setattr(passphrase_controller, "show_recovery_key",
                        lambda parent, key, folder: shown.append(key))
    controller = AppController(open_context(data_dir))
    window = controller.show()
    try:
        qtbot.waitUntil(lambda: window.welcome.protect.isVisible(), timeout=WAIT)
        qtbot.waitUntil(lambda: not window.workers.busy, timeout=WAIT)

        def fill() -> None:
            view = QApplication.activeModalWidget()
            if view is None or not hasattr(view, "understood"):
                QTimer.singleShot(50, fill)
                return
            try:
                qtbot.keyClicks(view.new, PASSPHRASE)
                qtbot.keyClicks(view.again, PASSPHRASE)
                qtbot.mouseClick(view.understood, Qt.MouseButton.LeftButton)
                qtbot.mouseClick(view.ok, Qt.MouseButton.LeftButton)
            except Exception:
                view.reject()  # its own loop would wait forever; the test fails on the state
                raise

        QTimer.singleShot(0, fill)
        qtbot.mouseClick(window.welcome.protect, Qt.MouseButton.LeftButton)  # runs the dialog
        assert passphrase.is_protected(data_dir)
        assert len(shown) == 1 and len(shown[0]) == 39  # eight groups of four, dashed
        assert controller.window is not None and controller.window is not window
        assert controller.window.protected and controller.auto_lock.minutes == 15
    finally:
        if controller.window is not None:
            controller.window.workers.shutdown()
            controller.window.close()
        controller.close()
        controller.home_ctx.close()
