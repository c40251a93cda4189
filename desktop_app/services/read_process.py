"""Household-wide reads in a process of their own.

Working out every claim's status is pure Python: seconds of it on a large household. Run on a
thread of the window's process, it holds the interpreter's lock in turn with the UI thread,
which then waits for it each time it enters Python (every cell it paints, every key it handles):
the window stalls while the lists fill, and longer while another process holds the database's
write lock. Here the same functions run in a child process with a connection of its own; the
calling thread only waits on a pipe (without the interpreter's lock) and unpickles the answer.

The child is started on the first call, from a thread that may wait for it, and stopped by
:meth:`ReadProcess.close` (the window's shutdown, a lock of an encrypted folder). The data key of
an encrypted folder goes to it through the pipe, never on its command line or in its
environment, and dies with it.

Only module-level functions taking the context first can be sent (``fn(ctx, *args, **kwargs)``);
their results must pickle. A child that dies is started again on the next call; what it was
doing is lost and the call raises :class:`ReadProcessGone`, so the caller can run it in process.
"""

from __future__ import annotations

import importlib
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

# A window's lists of a small household take a few milliseconds in process: a second
# interpreter (its start-up, and tens of MB of memory) pays off only on a large one.
WORTH_IT_FROM_CLAIMS = 1000
BACKGROUND_NICENESS = 10


class ReadProcessGone(RuntimeError):
    """The child process ended before it answered."""


class ReadProcess:
    def __init__(self, root: Path):
        self.root = Path(root)
        self._lock = threading.Lock()  # one call at a time: the child serves them in turn
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._closed = False
        # The last long list of each call, as the child numbered it: the next answer to the
        # same call comes as what changed (see _changes).
        self._answers: dict[tuple, tuple[tuple[int, int], list]] = {}

    def call(self, fn: Callable, *args: Any, **kwargs: Any) -> Any:
        """``fn(ctx, *args, **kwargs)`` in the child, with a context on this data folder."""
        with self._lock:
            if self._closed:
                raise ReadProcessGone("closed")
            conn = self._start()
            key = _call_key(fn, args, kwargs)
            base = self._answers.get(key)
            try:
                conn.send((fn.__module__, fn.__qualname__, args, kwargs,
                           base[0] if base else None))
                outcome, value = conn.recv()
                if outcome in ("rows", "changes"):  # a long list: see _Sent.answer
                    head, part, token = value
                    rows: list
                    if outcome == "rows":  # sent in parts, ``part`` rows in all
                        rows = []
                        while len(rows) < part:
                            rows += conn.recv()
                    else:  # what changed since the rows this side holds
                        # The child answers so only to the rows whose token this side sent.
                        assert base is not None
                        rows = _apply_runs(base[1], part)
                    value, outcome = _with_rows(head, rows), "ok"
                    self._answers[key] = (token, list(rows))  # the caller may reorder its own
                else:
                    self._answers.pop(key, None)  # a short answer now: nothing kept to diff
            except (EOFError, OSError, BrokenPipeError) as exc:
                self._stop()
                raise ReadProcessGone(str(exc)) from exc
        if outcome == "error":
            raise value
        return value

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def close(self) -> None:
        self._closed = True
        process = self._process
        if process is not None and self._lock.locked():
            process.kill()  # a call waits on it: it ends now, raising ReadProcessGone
        with self._lock:
            self._stop()

    def _start(self) -> Connection:
        """The connection to the child, started first if it is not running."""
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._stop()
        from desktop_app.store import vault

        # spawn, not fork: the window's process runs threads (Qt's among them), which a fork
        # would copy mid-step.
        spawn = multiprocessing.get_context("spawn")
        mine, theirs = spawn.Pipe()
        process = spawn.Process(target=_serve, args=(theirs,), name="paperasse-reads", daemon=True)
        process.start()
        theirs.close()
        mine.send((str(self.root), vault.unlocked(self.root)))
        self._process, self._conn = process, mine
        return mine

    def _stop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.send(None)
            except OSError:
                pass
            self._conn.close()
        if self._process is not None:
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
        self._process, self._conn = None, None
        self._answers.clear()  # a new child knows none of them


def _resolve(module: str, qualname: str) -> Callable:
    target: Any = importlib.import_module(module)
    for part in qualname.split("."):
        target = getattr(target, part)
    return target


def _picklable(exc: BaseException) -> BaseException:
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any failure to pickle: send its words instead
        return RuntimeError(f"{type(exc).__name__}: {exc}")


# Unpickling holds the interpreter's lock from start to end: 50,000 claim rows in one piece
# would stall the window's UI thread for a few hundred milliseconds. In parts of this many rows
# each takes a few milliseconds, and the UI thread gets its turn between them.
ROWS_PER_PART = 2000


def _call_key(fn: Callable, args: tuple, kwargs: dict) -> tuple:
    return (fn.__module__, fn.__qualname__, repr(args), repr(sorted(kwargs.items())))


class _Sent:
    """The long lists this child sent, by call, so that the next answer to the same call
    can be sent as what changed. A window refreshes its lists after every write, its own or
    another process's; most change a handful of rows out of tens of thousands, and unpickling
    those few instead of every row spares the window's UI thread (the unpickling holds the
    interpreter's lock)."""

    def __init__(self) -> None:
        self.lists: dict[tuple, tuple[tuple[int, int], list, dict]] = {}
        self.count = 0

    def token(self) -> tuple[int, int]:
        import os

        self.count += 1
        return (os.getpid(), self.count)  # a restarted child's numbers never match its parent's

    def answer(self, conn, key: tuple, base: tuple[int, int] | None, result) -> None:
        # A list, or an answer holding one as its ``rows``.
        rows = result if isinstance(result, list) else getattr(result, "rows", None)
        if not isinstance(rows, list) or len(rows) <= ROWS_PER_PART:
            self.lists.pop(key, None)
            conn.send(("ok", result))
            return
        import copy

        head = None
        if rows is not result:
            head = copy.copy(result)
            head.rows = []
        token = self.token()
        kept = self.lists.get(key)
        runs = _changes(kept[1], kept[2], rows) if kept is not None and kept[0] == base else None
        self.lists[key] = (token, rows, _positions(rows))
        if runs is not None:
            conn.send(("changes", (head, runs, token)))
            return
        conn.send(("rows", (head, len(rows), token)))
        for start in range(0, len(rows), ROWS_PER_PART):
            conn.send(rows[start:start + ROWS_PER_PART])


def _positions(rows: list) -> dict:
    """Each row's place by its id (rows without one are never found again: sent anew)."""
    return {getattr(row, "id", None): i for i, row in enumerate(rows)} if rows else {}


def _changes(old: list, where: dict, new: list) -> list | None:
    """``new`` as runs over ``old``: ``(start, stop)`` keeps ``old[start:stop]``, a list is rows
    sent anew. None when too many rows changed for this to be worth it (then the list goes
    whole, in parts)."""
    runs: list = []
    fresh: list = []
    changed = 0
    start = stop = -1
    for row in new:
        i = where.get(getattr(row, "id", None))
        if i is not None and old[i] == row:
            if i == stop:
                stop += 1
                continue
            if fresh:
                runs.append(fresh)
                fresh = []
            elif stop != -1:
                runs.append((start, stop))
            start, stop = i, i + 1
            continue
        changed += 1
        if changed > ROWS_PER_PART:
            return None
        if stop != -1 and not fresh:
            runs.append((start, stop))
            start = stop = -1
        fresh.append(row)
    if fresh:
        runs.append(fresh)
    elif stop != -1:
        runs.append((start, stop))
    return runs


def _with_rows(head, rows: list):
    """The answer with its rows put back (``head`` is None when the answer was the list)."""
    if head is None:
        return rows
    head.rows = rows
    return head


def _apply_runs(old: list, runs: list) -> list:
    rows: list = []
    for run in runs:
        rows += old[run[0]:run[1]] if isinstance(run, tuple) else run
    return rows


def _die_with_parent() -> None:
    """End this process when the window's process is gone, even killed: otherwise a long
    household pass would run on, for nobody, until it tried to answer. Its parent is looked at
    once a second from a thread of its own (a dead parent's children are handed to another)."""
    import os
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _serve(conn) -> None:
    """The child: open the folder, then answer calls until told to stop or the pipe closes."""
    import os
    import tempfile

    from desktop_app import config
    from desktop_app.services.context import Context
    from desktop_app.store import Store, run_folders, vault

    _die_with_parent()
    # Background work: on a busy machine the window's own threads (painting among them) go
    # first. Not every system has nice(); there the child runs at the window's priority.
    if hasattr(os, "nice"):
        try:
            os.nice(BACKGROUND_NICENESS)
        except OSError:
            pass
    root, keys = conn.recv()
    paths = config.DataPaths(Path(root))
    if keys is not None:
        vault.register(paths.root, keys)
    tempfile.tempdir = str(run_folders.run_temp_dir(paths.tmp))
    ctx = Context(paths=paths, store=Store.open(paths), owns_tempdir=True)
    sent = _Sent()
    try:
        while True:
            try:
                request = conn.recv()
            except (EOFError, OSError):
                break
            if request is None:
                break
            module, qualname, args, kwargs, base = request
            try:
                fn = _resolve(module, qualname)
                result = fn(ctx, *args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the caller
                conn.send(("error", _picklable(exc)))
            else:
                try:
                    sent.answer(conn, _call_key(fn, args, kwargs), base, result)
                except Exception as exc:  # noqa: BLE001 - an answer that does not pickle
                    conn.send(("error", RuntimeError(f"{qualname} answered what cannot be sent "
                                                     f"back: {exc}")))
    finally:
        ctx.close()
        vault.forget(paths.root)
        conn.close()
        os._exit(0)  # nothing of the parent's to flush or clean up here
