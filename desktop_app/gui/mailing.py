"""Preparing a claim's mailing from the desktop app: build, check, save or print, mark sent.

``prepare_mailing(parent, ctx, claim_id, payer, on_sent=None)`` builds the bundle on a worker
thread (its own database connection, ``ctx.fork()``, closed when done), then on the main thread:

* if the claim lacks something blocking, shows the checklist with "Prepare anyway" / "Cancel";
* offers "Save as…" and "Print…" for the finished PDF (which waits in this process's private
  temporary folder inside the data folder and is removed afterwards);
* after a save or a print, asks "Mark as sent today?" and records it (then calls ``on_sent``);
* when the report says a person's detail is missing (the caisse's postal address, say), offers a
  button opening that person's form on that field; once saved, the mailing is prepared again.

It returns a :class:`MailingFlow`; its ``finished`` signal carries "saved", "printed",
"cancelled" or "failed". Every question goes through :func:`_ask` and the print dialog through
:func:`_print_dialog`, so tests (and a future custom dialog) can replace them.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from desktop_app.core.errors import UserError
from desktop_app.gui.plain import plain_box
from desktop_app.gui.workers import Workers
from desktop_app.services import bundle, output_files, tracking
from desktop_app.store import run_folders

_flows: set[MailingFlow] = set()  # running flows, kept alive until they finish




# What the "ready" dialog's fix button says, by the person-form field a notice asks to fill.
def _fix_label(field: str) -> str | None:
    labels = {
        "caisse_address": QCoreApplication.translate("Mailing", "Enter the caisse's address…"),
        "mutuelle_address": QCoreApplication.translate("Mailing", "Enter the mutuelle's address…"),
        "caisse": QCoreApplication.translate("Mailing", "Change the caisse…"),
    }
    return labels.get(field)


def notice_text(notice: bundle.Notice) -> str:
    """A report notice in the interface's language (its English text if the id is unknown)."""
    from desktop_app.gui import labels

    try:
        return bundle.notice_text(notice, labels.current_language())
    except (KeyError, IndexError, ValueError):
        return notice.text() if isinstance(notice, bundle.Notice) else notice.get("text") or ""


def _edit_person(parent: QWidget | None, ctx, person_id: int, field: str) -> bool:
    """The person's form, open on ``field``; True once saved (a seam for tests, like _ask)."""
    from PySide6.QtWidgets import QDialog

    from desktop_app.gui.controllers.person_controller import PersonController

    workers = getattr(parent.window(), "workers", None) if parent is not None else None
    editor = PersonController(ctx, parent, person_id, field, workers=workers)
    return editor.exec() == QDialog.DialogCode.Accepted


def _payer_name(payer: str) -> str:
    from desktop_app.gui import labels

    return labels.payer_the(payer)


# -- seams: dialogs ---------------------------------------------------------------------------


def _ask(parent: QWidget | None, kind: str, title: str, text: str,
         buttons: list[tuple[str, str]], details: str | None = None) -> str | None:
    """A modal question; returns the key of the button pressed, None if closed.

    ``kind`` names the question ("blocked", "ready", "mark_sent") for tests to answer.
    ``buttons`` are (key, label) pairs, the first one the default.
    """
    box = QMessageBox(parent)
    box.setObjectName(f"mailing_{kind}")
    box.setIcon(QMessageBox.Icon.Warning if kind == "blocked" else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    plain_box(box)
    pressed = {}
    for index, (key, label) in enumerate(buttons):
        role = (QMessageBox.ButtonRole.RejectRole if key in ("cancel", "no", "close")
                else QMessageBox.ButtonRole.AcceptRole if index == 0
                else QMessageBox.ButtonRole.ActionRole)
        button = box.addButton(label, role)
        pressed[key] = button
        if index == 0:
            box.setDefaultButton(button)
    box.exec()
    clicked = box.clickedButton()
    return next((k for k, b in pressed.items() if b is clicked), None)


def _print_dialog(printer, parent: QWidget | None) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Mailing", "Print the mailing"))
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def _save_name(parent: QWidget | None, suggested: str) -> str:
    name, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Mailing", "Save the mailing"), suggested, QCoreApplication.translate("Mailing", "PDF files (*.pdf)")
    )
    return name


# -- the flow ---------------------------------------------------------------------------------


class MailingFlow(QObject):
    finished = Signal(str)

    def __init__(self, parent: QWidget | None, ctx, claim_id: int, payer: str,
                 on_sent: Callable[[], None] | None = None):
        super().__init__(parent)
        self.parent_widget = parent
        self.ctx = ctx
        self.claim_id = int(claim_id)
        self.payer = payer
        self.on_sent = on_sent
        self.report: bundle.BundleReport | None = None
        self.outcome: str | None = None
        window = parent.window() if parent is not None else None
        shared = getattr(window, "workers", None)
        self._own_workers = not isinstance(shared, Workers)
        self.workers = Workers(ctx, parent=self) if self._own_workers else shared
        folder = run_folders.run_temp_dir(ctx.paths.tmp)
        fd, name = tempfile.mkstemp(prefix="mailing-", suffix=".pdf", dir=folder)
        os.close(fd)
        self.pdf_path = Path(name)

    # building, off the UI thread

    def start(self, override: bool = False) -> None:
        self.override = override  # prepared again after a fix: the user's "anyway" still holds
        claim_id, payer, out = self.claim_id, self.payer, str(self.pdf_path)

        def work(wctx, progress, should_cancel):  # runs on a worker, with its own connection
            return bundle.build_bundle(wctx, claim_id, payer, out, override=override, replace=True)

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.workers.run(work, on_success=self._built, on_failure=self._failed)

    def _built(self, report: bundle.BundleReport) -> None:
        QApplication.restoreOverrideCursor()
        self.report = report
        self._offer()

    def _failed(self, exc: BaseException) -> None:
        QApplication.restoreOverrideCursor()
        if isinstance(exc, bundle.BundleBlocked):
            items = "\n".join(
                f"{i}. {m.message}\n    → {m.action_label or m.action}"
                for i, m in enumerate(exc.items, 1)
            )
            answer = _ask(
                self.parent_widget, "blocked", QCoreApplication.translate("Mailing", "Claim not complete"),
                QCoreApplication.translate("Mailing", "This claim is not ready to send to %1:").replace("%1", _payer_name(self.payer))
                + "\n\n" + items,
                [("cancel", QCoreApplication.translate("Mailing", "Cancel")), ("anyway", QCoreApplication.translate("Mailing", "Prepare anyway"))],
                QCoreApplication.translate("Mailing", "Fix these first, or prepare the mailing anyway."),
            )
            if answer == "anyway":
                self.start(override=True)
            else:
                self._finish("cancelled")
            return
        from desktop_app.gui.controllers.messages import show_error

        show_error(self.parent_widget, QCoreApplication.translate("Mailing", "Cannot prepare the mailing"), exc)
        self._finish("failed")

    # what to do with it

    def _offer(self) -> None:
        report = self.report
        text = QCoreApplication.translate("Mailing", "The mailing to %1 is ready: %2 pages (letter, %3 document(s), and a memo to "
                  "keep on the last page).")
        text = (text.replace("%1", _payer_name(self.payer)).replace("%2", str(report.pages))
                .replace("%3", str(len(report.enclosed))))
        notices = report.notices
        details = "\n".join(f"• {notice_text(n)}" for n in notices) or None
        buttons = [("save", QCoreApplication.translate("Mailing", "Save as…")),
                   ("print", QCoreApplication.translate("Mailing", "Print…"))]
        fixes = {}
        for notice in notices:
            fix = notice.fix or {}
            label = _fix_label(fix.get("field", "")) if fix.get("person_id") else None
            if label and f"fix:{fix['field']}" not in fixes:
                fixes[f"fix:{fix['field']}"] = fix
                buttons.append((f"fix:{fix['field']}", label))
        buttons.append(("close", QCoreApplication.translate("Mailing", "Close")))
        while True:
            answer = _ask(
                self.parent_widget, "ready", QCoreApplication.translate("Mailing", "Mailing ready"), text,
                buttons, details,
            )
            if answer in fixes:
                fix = fixes[answer]
                if _edit_person(self.parent_widget, self.ctx, fix["person_id"], fix["field"]):
                    self._records_changed()
                    self.start(self.override)  # prepared again, with what was just recorded
                    return
                continue
            if answer == "save" and self.save():
                self._after_output("saved")
                return
            if answer == "print" and self.print_pdf():
                self._after_output("printed")
                return
            if answer not in ("save", "print"):
                self._finish("cancelled")
                return

    def _records_changed(self) -> None:
        window = self.parent_widget.window() if self.parent_widget is not None else None
        refresh = getattr(window, "schedule_refresh", None)
        if callable(refresh):
            refresh()

    def suggested_name(self) -> str:
        base = Path.home() / "Documents"
        folder = base if base.is_dir() else Path.home()
        return str(folder / f"envoi-{self.payer}-demande-{self.claim_id}.pdf")

    def save(self) -> bool:
        name = _save_name(self.parent_widget, self.suggested_name())
        if not name:
            return False
        target = Path(name)
        if not target.suffix:
            target = target.with_suffix(".pdf")
        try:
            # The save dialog asked before replacing a file: that is the user's say-so.
            output_files.write_output(self.pdf_path.read_bytes(), target, self.ctx.paths.root,
                                      replace=True, example="envoi.pdf")
        except UserError as exc:
            from desktop_app.gui.controllers.messages import show_error

            show_error(self.parent_widget, QCoreApplication.translate("Mailing", "Cannot save the mailing"), exc)
            return False
        self.saved_to = target
        return True

    def print_pdf(self) -> bool:
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"Paperasse - {self.payer} - {self.claim_id}")
        if not _print_dialog(printer, self.parent_widget):
            return False
        render_pdf(self.pdf_path, printer)
        return True

    def _after_output(self, outcome: str) -> None:
        answer = _ask(
            self.parent_widget, "mark_sent", QCoreApplication.translate("Mailing", "Mark as sent?"),
            QCoreApplication.translate("Mailing", "Mark as sent today?") + "\n"
            + QCoreApplication.translate("Mailing", "Record that the claim was posted to %1 today.").replace(
                "%1", _payer_name(self.payer)),
            [("yes", QCoreApplication.translate("Mailing", "Mark as sent")), ("no", QCoreApplication.translate("Mailing", "Not yet"))],
        )
        if answer == "yes":
            try:
                tracking.mark_sent(self.ctx, self.claim_id, self.payer)
            except UserError as exc:
                from desktop_app.gui.controllers.messages import show_error

                show_error(self.parent_widget, QCoreApplication.translate("Mailing", "Cannot mark it sent"), exc)
            else:
                if self.on_sent:
                    self.on_sent()
        self._finish(outcome)

    def _finish(self, outcome: str) -> None:
        self.outcome = outcome
        with contextlib.suppress(OSError):
            self.pdf_path.unlink()
        if self._own_workers:
            self.workers.shutdown()
        _flows.discard(self)
        self.finished.emit(outcome)


def render_pdf(path: Path, printer) -> int:
    """Paint every page of a PDF onto a printer (or any QPagedPaintDevice), on white, each page
    scaled to fit the printable area. Returns the number of pages painted."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(path))
    if document.status() != QPdfDocument.Status.Ready:
        raise UserError(f"{path}: the PDF cannot be opened for printing")
    count = document.pageCount()
    first, last = 0, count - 1
    if printer.fromPage() > 0:  # the user chose a page range
        first = max(printer.fromPage() - 1, 0)
        last = min(printer.toPage() - 1, count - 1) if printer.toPage() > 0 else last
    dpi = min(printer.resolution(), 300)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError("the printer cannot be started; check it is connected and try again")
    painted = 0
    try:
        for index in range(first, last + 1):
            if painted:
                printer.newPage()
            area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            area.moveTo(0, 0)
            points = document.pagePointSize(index)
            size = QSize(max(int(points.width() * dpi / 72), 1),
                         max(int(points.height() * dpi / 72), 1))
            image = document.render(index, size)
            scale = min(area.width() / size.width(), area.height() / size.height())
            target = QRectF(QPointF(0, 0), QPointF(size.width() * scale, size.height() * scale))
            target.moveCenter(area.center())
            painter.fillRect(target, QColor("white"))
            painter.drawImage(target, image)
            painted += 1
    finally:
        painter.end()
        document.close()
    return painted


def prepare_mailing(parent: QWidget | None, ctx, claim_id, payer: str,
                    on_sent: Callable[[], None] | None = None) -> MailingFlow:
    """Build the claim's mailing to ``payer`` off the UI thread and walk the user through it."""
    flow = MailingFlow(parent, ctx, claim_id, payer, on_sent)
    _flows.add(flow)
    flow.start()
    return flow
