"""Screenshots of the app on the demo household: ``make screenshots`` → docs/screenshots/*.png.

Runs the app under a real X server (Xvfb through xvfb-run when there is no DISPLAY), builds the
demo household in a temporary folder, then grabs the main window on the dashboard, a claim, a
document with its fields, and the inbox.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"


def _relaunch_under_xvfb() -> int:
    if not shutil.which("xvfb-run"):
        sys.stderr.write("screenshots: no DISPLAY and no xvfb-run; install xvfb\n")
        return 2
    env = dict(os.environ, PAPERASSE_SCREENSHOTS_CHILD="1")
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.call(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, __file__, *sys.argv[1:]],
        env=env,
    )


def _wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _wait_for(predicate, timeout_ms: int = 20_000) -> None:
    waited = 0
    while not predicate() and waited < timeout_ms:
        _wait(50)
        waited += 50


def main() -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("PAPERASSE_SCREENSHOTS_CHILD"):
        return _relaunch_under_xvfb()
    os.environ.pop("QT_QPA_PLATFORM", None)
    sys.path.insert(0, str(REPO))
    language = os.environ.get("PAPERASSE_SCREENSHOT_LANGUAGE", "en")
    from desktop_app.gui import i18n, i18n_build
    from desktop_app.gui.app import AppController, make_application
    from desktop_app.services import demo
    from desktop_app.services.context import open_context

    app = make_application([sys.argv[0]])
    app.setStyle("Fusion")
    if not (i18n.translations_dir() / "paperasse_fr.qm").exists():
        i18n_build.main([])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "Paperasse demo"
        demo.build_demo(root)
        ctx = open_context(root)
        ctx.set_setting("language", language)
        controller = AppController(ctx)
        controller.demo = True
        window = controller.show()
        window.resize(1280, 800)
        _wait_for(lambda: bool(window.household))
        _wait(300)
        shots = {}
        shots["dashboard"] = window.grab()

        stimulator = next(r for r in window.claims_model.rows() if r.category == "lpp_device")
        window.show_claim(stimulator.id)
        _wait(400)
        shots["claim"] = window.grab()
        shots["main-window"] = shots["claim"]

        inbox = window.inbox_model.rows()
        care_sheet = next(
            d["id"] for d in window.claim_controller.status["documents"] if d["kind"] == "care_sheet"
        )
        window.show_document(care_sheet)
        window.splitter.setSizes([190, 330, 760])
        _wait_for(lambda: window.document_view.page.has_image())
        editor = window.document_controller.editors.get("total_amount")
        if editor is not None:
            editor.edit.setFocus()
            window.document_controller.highlight_field("total_amount")
        _wait(400)
        shots["document"] = window.grab()

        window.sidebar.select("list", "inbox")
        _wait_for(lambda: window.documents_model.rowCount() == len(inbox))
        if inbox:
            window.documents_page.table.selectRow(0)
        _wait_for(lambda: window.document_view.page.has_image())
        _wait(300)
        shots["inbox"] = window.grab()

        for name, pixmap in shots.items():
            path = OUT / f"{name}.png"
            pixmap.save(str(path))
            print(f"{path.relative_to(REPO)}: {pixmap.width()}×{pixmap.height()}")
        window.close()
        ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
