"""Screenshots of the app on the demo household: ``make screenshots`` → docs/screenshots/*.png.

Runs the app under a real X server (Xvfb through xvfb-run when there is no DISPLAY), builds the
demo household in a temporary folder, then grabs the main window on the dashboard, a claim, a
document with its fields, and the inbox.

For checking layouts rather than the README: ``--screen 1280x800 --scale 2 --out /tmp/shots``
runs on a screen of that size at 200 % (QT_SCALE_FACTOR) with the window filling it, and
``--extra`` adds the statement panel and the Backups dialog. ``--as-opened`` leaves the window
where and as large as it opens by itself on that screen, and adds ``screen.png``, the whole
screen. ``--forms`` adds the person form (a beneficiary's insurance tab too) and the "Mailing
ready" dialog. PAPERASSE_SCREENSHOT_LANGUAGE=fr takes them in French. The window's remembered
place is kept in the temporary folder, never in the user's settings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"


def _args(argv=None):
    parser = argparse.ArgumentParser(prog="tools/screenshots.py")
    parser.add_argument("--screen", help="screen size WxH: the window fills it (default: a 1600x1000 "
                        "screen and a 1280x800 window)")
    parser.add_argument("--scale", type=float, help="interface scale, e.g. 2 for 200 %%")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    parser.add_argument("--extra", action="store_true", help="also the statement panel and Backups")
    parser.add_argument("--as-opened", action="store_true",
                        help="the window as it places itself, and the whole screen")
    parser.add_argument("--forms", action="store_true",
                        help="also the person form and the mailing-ready dialog")
    return parser.parse_args(argv)


def _relaunch_under_xvfb(args) -> int:
    if not shutil.which("xvfb-run"):
        sys.stderr.write("screenshots: no DISPLAY and no xvfb-run; install xvfb\n")
        return 2
    env = dict(os.environ, PAPERASSE_SCREENSHOTS_CHILD="1")
    env.pop("QT_QPA_PLATFORM", None)
    screen = args.screen or "1600x1000"
    return subprocess.call(
        ["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24", sys.executable, __file__, *sys.argv[1:]],
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
    args = _args()
    if not os.environ.get("DISPLAY") and not os.environ.get("PAPERASSE_SCREENSHOTS_CHILD"):
        return _relaunch_under_xvfb(args)
    os.environ.pop("QT_QPA_PLATFORM", None)
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    out_dir = args.out
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
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        root = Path(tmp) / "Paperasse demo"
        demo.build_demo(root)
        ctx = open_context(root)
        ctx.set_setting("language", language)
        controller = AppController(ctx)
        controller.demo = True
        window = controller.show()
        if args.as_opened:
            pass
        elif args.screen:
            window.setGeometry(app.primaryScreen().availableGeometry())
        else:
            window.resize(1280, 800)
        _wait_for(lambda: bool(window.household))
        _wait(300)
        shots = {}
        shots["dashboard"] = window.grab()
        if args.as_opened:
            shots["screen"] = app.primaryScreen().grabWindow(0)

        stimulator = next(r for r in window.claims_model.rows() if r.category == "lpp_device")
        window.show_claim(stimulator.id)
        _wait(400)
        shots["claim"] = window.grab()
        shots["main-window"] = shots["claim"]

        inbox = window.inbox_model.rows()
        care_sheet = next(
            d.id for d in window.claim_controller.status.documents if d.kind == "care_sheet"
        )
        window.show_document(care_sheet)
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

        if args.extra:
            statement = next((d for d in inbox if d.kind == "statement"), None)
            if statement is not None:
                window.show_document(statement.id)
                _wait_for(lambda: window.document_view.statement.summary.text().count("…") == 0)
                _wait_for(lambda: window.document_view.page.has_image())
                _wait(300)
                shots["statement"] = window.grab()
            backups_dialog = window.safekeeping.open_backups()
            _wait_for(lambda: not backups_dialog.view.busy.isVisible())
            _wait(300)
            shots["backups"] = backups_dialog.view.grab()
            backups_dialog.view.close()
            window.show_claim(stimulator.id)
            window.claim_view.verticalScrollBar().setValue(0)
            _wait(300)
            shots["claim-top"] = window.grab()

        if args.forms:
            shots.update(_forms(window, ctx, stimulator.id))

        for name, pixmap in shots.items():
            path = out_dir / f"{name}.png"
            pixmap.save(str(path))
            print(f"{path}: {pixmap.width()}×{pixmap.height()}")
        window.close()
        ctx.close()
    return 0


def _forms(window, ctx, claim_id) -> dict:
    """The person form (identity, and a beneficiary's insurance tab) and the mailing-ready
    dialog, each grabbed once it is on screen, then closed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.gui import mailing
    from desktop_app.gui.controllers.person_controller import PersonController
    from desktop_app.services import people

    shots = {}
    everyone = people.list_people(ctx)
    insured = next(p for p in everyone if not p.insured_id)
    form = PersonController(ctx, window, insured.id)
    form.view.show()
    _wait(300)
    shots["person-form"] = form.view.grab()
    form.view.nir.setText(form.view.nir.text()[:-2] + "00")  # a wrong key: the message under it
    _wait(200)
    shots["person-form-error"] = form.view.grab()
    form.view.close()
    child = next((p for p in everyone if p.insured_id), None)
    if child is not None:
        form = PersonController(ctx, window, child.id, "caisse")
        form.view.show()
        _wait(300)
        shots["person-form-beneficiary"] = form.view.grab()
        form.view.close()
    # The mailing without its caisse's address, as a first mailing often is.
    people.edit_person(ctx, insured.id, caisse_address="", caisse_name="CPAM de l'Ain",
                       caisse_code="")
    grabbed = {}

    def grab_then_close():
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() not in ("mailing_ready", "mailing_blocked"):
            QTimer.singleShot(100, grab_then_close)
            return
        if box.objectName() == "mailing_blocked":  # prepare it anyway
            box.buttons()[-1].click()
            QTimer.singleShot(100, grab_then_close)
            return
        _wait(200)
        grabbed["mailing-ready"] = box.grab()
        box.reject()

    QTimer.singleShot(100, grab_then_close)
    flow = mailing.prepare_mailing(window, ctx, claim_id, "cpam")
    _wait_for(lambda: flow.outcome is not None, 60_000)
    shots.update(grabbed)
    return shots


if __name__ == "__main__":
    raise SystemExit(main())
