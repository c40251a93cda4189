"""Importing files (dialog, drag and drop, clipboard) on a worker, with progress and Cancel."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from desktop_app.gui import labels
from desktop_app.gui.controllers.messages import message_of
from desktop_app.gui.lazy import documents
from desktop_app.gui.views.progress_view import ProgressView
from desktop_app.services.limits import IMPORTABLE_SUFFIXES


class ImportController(QObject):
    finished = Signal(list)  # ImportOutcome list
    message = Signal(str)  # one line for the status bar

    def __init__(self, ctx, workers, progress_view: ProgressView, parent_widget, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.workers = workers
        self.view = progress_view
        self.parent_widget = parent_widget
        self.handle = None
        self._queue: list[tuple[list[Path], object, object]] = []
        self._last_progress = (0, 0, "", False)
        # Progress arrives per page; painting it at most 10 times a second is plenty.
        self._paint = QTimer(self)
        self._paint.setSingleShot(True)
        self._paint.setInterval(100)
        self._paint.timeout.connect(self._paint_progress)
        self.view.cancel.clicked.connect(self.cancel)
        self.view.hide()

    @property
    def running(self) -> bool:
        return self.handle is not None

    def ask_and_import(self, person_id=None, claim_id=None) -> None:
        patterns = " ".join(f"*{s}" for s in sorted(IMPORTABLE_SUFFIXES))
        files, _ = QFileDialog.getOpenFileNames(
            self.parent_widget,
            self.tr("Import scans and PDFs"),
            str(Path.home()),
            self.tr("Scans and PDFs (%1);;All files (*)").replace("%1", patterns),
        )
        if files:
            self.start([Path(f) for f in files], person_id, claim_id)

    def start(self, paths: list[Path], person_id=None, claim_id=None) -> None:
        """Import in the background; a second request waits for the first to end."""
        if not paths:
            return
        if self.running:
            self._queue.append((paths, person_id, claim_id))
            return

        lang = labels.current_language()  # read here, on the UI thread

        def work(ctx, progress, should_cancel):
            return documents.import_files(
                ctx,
                paths,
                person_ref=person_id,
                claim_id=claim_id,
                progress=progress,
                should_cancel=should_cancel,
                expand_folders=True,
                lang=lang,
            )

        self.view.show_progress(0, len(paths), self.tr("Preparing the import…"))
        self.view.cancel.setEnabled(True)
        self.view.show()
        self.handle = self.workers.run(
            work, on_success=self._done, on_failure=self._failed, on_progress=self._progress
        )

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self._queue.clear()
            self.view.cancel.setEnabled(False)
            self.view.label.setText(self.tr("Stopping after the current step…"))

    def _stage_text(self, step) -> str:
        stages = {
            "decoding": self.tr("decoding the image"),
            "preparing": self.tr("preparing it"),
            "reading": self.tr("reading the text"),
            "fields": self.tr("finding the fields"),
        }
        text = stages.get(step.stage, step.stage)
        if step.pages > 1:
            text = self.tr("page %1 of %2: %3").replace("%1", str(step.page)).replace(
                "%2", str(step.pages)).replace("%3", text)
        return text

    def _progress(self, done: int, total: int, message) -> None:
        if self.handle is not None and self.handle.cancelled:
            return  # "Stopping after the current step…" stays until it has stopped
        busy = False
        if isinstance(message, documents.ImportStep):
            # The label follows the file's stages; until a first file is done there is no
            # telling how far along it is, so the bar shows movement instead of a still 0 %.
            busy = done == 0
            message = self.tr("Reading %1 (%2 of %3): %4").replace("%1", Path(message.file).name).replace(
                "%2", str(min(done + 1, total))).replace("%3", str(total)).replace(
                "%4", self._stage_text(message))
        elif message == "done":
            message = self.tr("Finishing…")
        else:
            message = self.tr("Reading %1 (%2 of %3)").replace("%1", _short(message)).replace(
                "%2", str(min(done + 1, total))
            ).replace("%3", str(total))
        self._last_progress = (done, total, message, busy)
        if not self._paint.isActive():
            self._paint.start()

    def _paint_progress(self) -> None:
        done, total, message, busy = self._last_progress
        if busy:
            self.view.show_busy(message)
        else:
            self.view.show_progress(done, total, message)

    def _done(self, outcomes) -> None:
        cancelled = self.handle is not None and self.handle.cancelled
        self.handle = None
        self._paint.stop()
        self.view.hide()
        imported = sum(1 for o in outcomes if o.ok and not o.already)
        already = sum(1 for o in outcomes if o.already)
        failed = [o for o in outcomes if not o.ok]
        parts = [self.tr("%n document(s) imported", "", imported)]
        if already:
            parts.append(self.tr("%n already there", "", already))
        if failed:
            parts.append(self.tr("%n could not be read", "", len(failed)))
        if cancelled:
            parts.append(self.tr("import cancelled"))
        text = ", ".join(parts)
        for outcome in outcomes:
            if outcome.ok and outcome.names_other is not None:
                text += "; " + names_other_text(outcome)
        self.message.emit(text + ".")
        if failed:
            from desktop_app.gui.controllers.messages import show_error

            show_error(
                self.parent_widget,
                self.tr("Some files were not imported"),
                "\n".join(o.message() for o in failed[:10]),
            )
        self.finished.emit(list(outcomes))
        self._next()

    def _failed(self, exc) -> None:
        self.handle = None
        self._paint.stop()
        self.view.hide()
        from desktop_app.gui.controllers.messages import show_error

        show_error(self.parent_widget, self.tr("The import failed"), message_of(exc))
        self.finished.emit([])
        self._next()

    def _next(self) -> None:
        if self._queue:
            self.start(*self._queue.pop(0))

    # The clipboard

    def paste(self, person_id=None) -> bool:
        """Import what the clipboard holds: copied files, or an image saved to a temporary PNG."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return False
        if mime.hasUrls():
            paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
            if paths:
                self.start(paths, person_id)
                return True
        if mime.hasImage():
            image = QGuiApplication.clipboard().image()
            if image.isNull():
                return False
            stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            target = self.ctx.paths.tmp / f"pasted-{stamp}.png"
            if not image.save(str(target), "PNG"):
                self.message.emit(self.tr("The pasted image could not be saved."))
                return False
            self.start([target], person_id)
            return True
        self.message.emit(self.tr("The clipboard holds no image or file to import."))
        return False


def names_other_text(outcome) -> str:
    """'scan.png names Paul Martin, not Claire Martin'."""
    mismatch = outcome.names_other
    return (
        QCoreApplication.translate("ImportController", "%1 names %2, not %3")
        .replace("%1", outcome.path).replace("%2", mismatch.named).replace("%3", mismatch.filed_under)
    )


def _short(message: str) -> str:
    """'/long/path/scan.png: page 1 of 2' as 'scan.png: page 1 of 2'."""
    path, sep, rest = message.partition(": ")
    return Path(path).name + sep + rest
