"""A pane's reads and writes, run on the window's workers (Anki's CollectionOp pattern).

The UI thread never waits on the database: while the command line writes, SQLite may make a
statement wait for its lock for seconds. A pane hands the service call to ``read`` or ``write``
and draws the result when it comes back. Reads are latest-wins per key: a claim clicked while
the previous one was still loading is the one shown. ``busy`` tells the tests (and the window's
progress cue) that something is on its way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.core.errors import UserError
from desktop_app.gui.controllers.messages import show_error


class PaneWork:
    def __init__(self, workers, widget):
        self.workers = workers
        self.widget = widget  # parent of the error boxes
        self._latest: dict[str, int] = {}
        self._running = 0

    @property
    def busy(self) -> bool:
        return self._running > 0

    def _start(self, work: Callable[[Any], Any] | None, ok, bad, call: tuple | None = None) -> None:
        self._running += 1

        def finished(result) -> None:
            self._running -= 1
            ok(result)

        def failed(exc) -> None:
            self._running -= 1
            bad(exc)

        if call is not None:
            fn, args, kwargs = call
            self.workers.run_read(fn, *args, on_success=finished, on_failure=failed,
                                  for_pane=True, **kwargs)
            return
        self.workers.run(lambda ctx, progress, should_cancel: work(ctx),
                         on_success=finished, on_failure=failed, serial=True)

    def read_call(self, key: str, fn: Callable, *args: Any, done: Callable[[Any], None],
                  error_title: str, **kwargs: Any) -> None:
        """Like :meth:`read`, for ``fn(ctx, *args, **kwargs)``, a module-level function whose
        answer pickles: on a large household it runs in the panes' read process
        (Workers.run_read), so that working out one claim's status never holds the window's
        interpreter."""
        self.read(key, None, done, error_title, call=(fn, args, kwargs))

    def read(self, key: str, work: Callable[[Any], Any] | None, done: Callable[[Any], None],
             error_title: str, on_error: Callable[[BaseException], None] | None = None,
             call: tuple | None = None) -> None:
        """Run ``work(ctx)`` off the UI thread; only the latest read of ``key`` is shown."""
        token = self._latest.get(key, 0) + 1
        self._latest[key] = token

        def ok(result) -> None:
            if self._latest.get(key) == token:
                done(result)

        def bad(exc) -> None:
            if self._latest.get(key) != token:
                return
            if on_error is not None:
                on_error(exc)
            else:
                show_error(self.widget, error_title, exc)

        self._start(work, ok, bad, call)

    def write(self, work: Callable[[Any], Any], done: Callable[[Any], None], error_title: str,
              on_user_error: Callable[[UserError], None] | None = None) -> None:
        """Run a change off the UI thread, then ``done(result)``. A user mistake (UserError)
        goes to ``on_user_error`` when given (a dialog shows it beside what was typed), else to
        an error box; anything else is an error box with what happened."""
        def bad(exc) -> None:
            if isinstance(exc, UserError) and on_user_error is not None:
                on_user_error(exc)
            else:
                show_error(self.widget, error_title, exc)

        self._start(work, done, bad)
