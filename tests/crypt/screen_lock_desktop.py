"""Run by test_screen_lock.py on a private D-Bus session bus (dbus-run-session): the window of
an encrypted folder is open, then the desktop says its screen saver is on."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(folder: str) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    from desktop_app.gui.app import AppController, make_application
    from desktop_app.services import passphrase, people
    from desktop_app.services.context import open_context
    from desktop_app.store import vault

    vault.KDF_PARAMS = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}
    app = make_application([sys.argv[0]])
    root = Path(folder)
    ctx = open_context(root)
    people.add_person(ctx, name="Claire Martin")
    ctx.close()
    passphrase.set_passphrase(root, "correct horse battery staple")
    controller = AppController(open_context(root))
    window = controller.show()
    outcome = {"watched": controller.auto_lock.screen_lock_watched}

    def wait_until(condition, timeout_ms: int = 30_000) -> bool:
        loop = QEventLoop()
        poll = QTimer()
        poll.timeout.connect(lambda: condition() and loop.quit())
        poll.start(20)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        poll.stop()
        return bool(condition())

    outcome["shown"] = wait_until(lambda: bool(window.household) and not window.workers.busy)
    # The desktop: another connection to the bus, owning the screen saver's name.
    desktop = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, "desktop")
    outcome["desktop"] = desktop.registerService("org.freedesktop.ScreenSaver")

    def screen_saver_on() -> bool:
        if not controller.locked:
            signal = QDBusMessage.createSignal("/org/freedesktop/ScreenSaver",
                                               "org.freedesktop.ScreenSaver", "ActiveChanged")
            signal.setArguments([True])
            desktop.send(signal)
        return controller.locked

    outcome["locked"] = wait_until(screen_saver_on)
    outcome["window_gone"] = controller.window is None
    outcome["keys_forgotten"] = passphrase.needs_passphrase(root)
    if controller.unlocking is not None:
        controller.unlocking.view.hide()
    controller.close()
    controller.home_ctx.close()
    print(json.dumps(outcome))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
