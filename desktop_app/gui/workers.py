"""Running work off the UI thread and getting its outcome back on it.

A function runs on a QThreadPool; its result, exception and progress come back to
callbacks on the main thread through signals of a QObject that lives there (the
Picard ``run_task`` / Anki ``QueryOp`` pattern). Workers never touch widgets.
A function that needs the database gets its own connection (``ctx.fork()``),
closed when it ends: SQLite connections are never shared between threads.
"""

from __future__ import annotations

import itertools
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop_app.core.errors import Cancelled
from desktop_app.services.read_process import ReadProcess, ReadProcessGone


@dataclass
class TaskHandle:
    """What the caller keeps of a running task: a way to ask it to stop."""

    id: int
    _cancel: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


@dataclass
class _Callbacks:
    success: Callable[[Any], None] | None
    failure: Callable[[BaseException], None] | None
    progress: Callable[[int, int, str], None] | None
    handle: TaskHandle


class _Task(QRunnable):
    def __init__(self, fn, handle: TaskHandle, relay: Workers, ctx):
        super().__init__()
        self._fn = fn
        self._handle = handle
        self._relay = relay
        self._ctx = ctx

    def run(self) -> None:
        task_id = self._handle.id
        relay = self._relay

        def progress(done: int, total: int, message: str = "") -> None:
            # A message is a str, or a service's typed step (documents.ImportStep): passed as is.
            relay._progressed.emit(task_id, int(done), int(total), message)

        local = None
        try:
            if self._handle.cancelled:
                raise Cancelled()
            kwargs = {"progress": progress, "should_cancel": lambda: self._handle.cancelled}
            if self._ctx is not None:
                local = self._ctx.fork()
                result = self._fn(local, **kwargs)
            else:
                result = self._fn(**kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the main thread
            exc.__traceback_text__ = traceback.format_exc()
            _tell(relay._failed, task_id, exc)
        else:
            _tell(relay._succeeded, task_id, result)
        finally:
            if local is not None:
                local.close()


def _tell(signal, task_id: int, value) -> None:
    try:
        signal.emit(task_id, value)
    except RuntimeError:
        pass  # the window that asked was deleted meanwhile: nobody is left to tell


class Workers(QObject):
    """Owns the thread pools; create it on the main thread, call shutdown() before quitting.

    ``run(fn)`` calls ``fn(ctx, progress=…, should_cancel=…)`` with a forked context
    (or ``fn(progress=…, should_cancel=…)`` with ``uses_db=False``). ``serial=True`` runs it on
    a lane of one thread of its own: the panes' reads and writes happen in the order the user
    asked for them, and never wait behind an import or the dashboard's sums.
    """

    _succeeded = Signal(int, object)
    _failed = Signal(int, object)
    _progressed = Signal(int, int, int, object)
    busy_changed = Signal(bool)

    def __init__(self, ctx=None, parent: QObject | None = None, max_threads: int = 2):
        super().__init__(parent)
        self.ctx = ctx
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self.serial_pool = QThreadPool(self)
        self.serial_pool.setMaxThreadCount(1)
        self.reader: ReadProcess | None = None
        # The panes' reads (one claim's status) in a second process: never queued behind a
        # household pass, and never computing on the window's own interpreter.
        self.pane_reader: ReadProcess | None = None
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        self._succeeded.connect(self._on_succeeded)
        self._failed.connect(self._on_failed)
        self._progressed.connect(self._on_progressed)

    def run(
        self,
        fn: Callable,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        uses_db: bool = True,
        serial: bool = False,
    ) -> TaskHandle:
        handle = TaskHandle(next(self._ids))
        self._pending[handle.id] = _Callbacks(on_success, on_failure, on_progress, handle)
        was_idle = len(self._pending) == 1
        pool = self.serial_pool if serial else self.pool
        pool.start(_Task(fn, handle, self, self.ctx if uses_db else None))
        if was_idle:
            self.busy_changed.emit(True)
        return handle

    def run_read(
        self,
        fn: Callable,
        *args: Any,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        for_pane: bool = False,
        **kwargs: Any,
    ) -> TaskHandle:
        """A household-wide read, ``fn(ctx, *args, **kwargs)`` (a module-level function whose
        answer pickles): in the read process once :meth:`use_read_process` started one (the
        worker thread then only waits on its pipe, and the UI thread keeps the interpreter to
        itself), else on a worker thread like :meth:`run`. ``for_pane``: a pane's read, on the
        panes' lane (after the pane's earlier writes) and in the panes' own process."""

        def read(ctx, should_cancel=lambda: False, **_):
            reader = self.pane_reader if for_pane else self.reader
            if reader is not None:
                try:
                    return reader.call(fn, *args, **kwargs)
                except ReadProcessGone:
                    if should_cancel():  # closed by a shutdown: nobody waits for the answer
                        raise Cancelled() from None
                    # It died: the answer is still wanted.
            return fn(ctx, *args, **kwargs)

        return self.run(read, on_success=on_success, on_failure=on_failure, serial=for_pane)

    def use_read_process(self, on: bool = True) -> None:
        """Start (or stop) sending household-wide reads to a process of their own."""
        if on and self.reader is None and self.ctx is not None:
            self.reader = ReadProcess(self.ctx.paths.root)
            self.pane_reader = ReadProcess(self.ctx.paths.root)  # started on its first read
        elif not on and self.reader is not None:
            readers = (self.reader, self.pane_reader)
            self.reader = self.pane_reader = None
            for reader in readers:
                if reader is not None:
                    reader.close()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def cancel_all(self) -> None:
        for callbacks in self._pending.values():
            callbacks.handle.cancel()

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        self.cancel_all()
        self.use_read_process(False)  # a read waiting on it ends now
        done = self.pool.waitForDone(timeout_ms)
        done = self.serial_pool.waitForDone(timeout_ms) and done
        self._pending.clear()
        return done

    def _finish(self, task_id: int) -> _Callbacks | None:
        callbacks = self._pending.pop(task_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        return callbacks

    @Slot(int, object)
    def _on_succeeded(self, task_id: int, result) -> None:
        # A cancelled task that still returned (an import stopped half-way) reports what it did.
        callbacks = self._finish(task_id)
        if callbacks and callbacks.success:
            callbacks.success(result)

    @Slot(int, object)
    def _on_failed(self, task_id: int, exc) -> None:
        callbacks = self._finish(task_id)
        if callbacks is None:
            return
        if callbacks.failure:
            callbacks.failure(exc)
        elif not isinstance(exc, Cancelled):
            import sys

            sys.stderr.write(getattr(exc, "__traceback_text__", repr(exc)))

    @Slot(int, int, int, str)
    def _on_progressed(self, task_id: int, done: int, total: int, message) -> None:
        callbacks = self._pending.get(task_id)
        if callbacks and callbacks.progress:
            callbacks.progress(done, total, message)
