"""Concurrency: one window per data folder, and the command line writing while a window is open."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONUNBUFFERED="1")

HOLDER = """
import sys, time
from desktop_app import config
from desktop_app.services.instance_lock import acquire_gui_lock
lock = acquire_gui_lock(config.prepare(sys.argv[1]))
print("locked", flush=True)
time.sleep(120)
"""

TRY = """
import sys
from desktop_app import config
from desktop_app.core.errors import UserError
from desktop_app.services.instance_lock import acquire_gui_lock
try:
    lock = acquire_gui_lock(config.prepare(sys.argv[1]))
except UserError as exc:
    print(exc)
    raise SystemExit(2)
print("acquired")
lock.release()
"""


def _holder(data: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(data)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=ENV, cwd=REPO, text=True)
    line = proc.stdout.readline()
    assert line.strip() == "locked", proc.stderr.read()
    return proc


def _try(data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", TRY, str(data)], capture_output=True, text=True,
                          env=ENV, cwd=REPO, timeout=30)


def test_second_window_is_refused_and_named_then_allowed_once_the_first_dies(tmp_path):
    from desktop_app import config
    from desktop_app.core.errors import UserError
    from desktop_app.services.instance_lock import acquire_gui_lock

    data = tmp_path / "data"
    holder = _holder(data)
    try:
        other = _try(data)
        assert other.returncode == 2, other.stderr
        message = other.stdout.strip()
        assert message == (f"Paperasse is already open on {config.resolve_root(data)} "
                           f"(process {holder.pid}); switch to that window")
        with pytest.raises(UserError, match=f"process {holder.pid}"):
            acquire_gui_lock(config.prepare(data))
        assert (data / "gui.lock").read_text().strip() == str(holder.pid)
        assert (data / "gui.lock").stat().st_mode & 0o777 == 0o600
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    # The kernel released the dead process's lock: the stale file blocks nobody.
    again = _try(data)
    assert again.returncode == 0 and again.stdout.strip() == "acquired", again.stdout + again.stderr
    with acquire_gui_lock(config.prepare(data)) as lock:
        assert lock.held
        assert (data / "gui.lock").read_text().strip() == str(os.getpid())
        # a second window in the same process is refused too
        with pytest.raises(UserError):
            acquire_gui_lock(config.prepare(data))
    assert _try(data).returncode == 0


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop_app", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=ENV, cwd=REPO, timeout=60)


def test_cli_writes_while_a_window_holds_the_database_open(tmp_path):
    """A long-lived reading connection (the window's) does not block the CLI, and sees its rows."""
    from desktop_app.services import people
    from desktop_app.services.context import open_context

    data = tmp_path / "data"
    gui = open_context(data)
    try:
        people.add_person(gui, name="Claire Martin")
        assert [p.name for p in people.list_people(gui)] == ["Claire Martin"]
        # The window sits in the middle of a read (an open read transaction).
        gui.store.db.conn.execute("BEGIN")
        gui.store.db.execute("SELECT count(*) FROM people").fetchone()
        # Both commands succeed while the read is open: a writer blocked by it would give up
        # after the busy timeout with "database is locked" and a non-zero exit.
        result = _cli(data, "person", "add", "--name", "Léo Martin")
        assert result.returncode == 0, result.stderr
        result = _cli(data, "claim", "new", "--person", "Léo Martin", "--date", "2025-07-01",
                      "--paid", "25")
        assert result.returncode == 0, result.stderr
        gui.store.db.conn.execute("COMMIT")
        # Its next query sees what the CLI wrote.
        assert [p.name for p in people.list_people(gui)] == ["Claire Martin", "Léo Martin"]
        assert len(gui.store.claims()) == 1
        assert gui.store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        gui.close()


def test_cli_waits_for_a_short_write_by_the_window(tmp_path):
    """While the window is writing, the CLI waits (busy timeout) instead of failing."""
    from desktop_app.services.context import open_context

    data = tmp_path / "data"
    gui = open_context(data)
    try:
        gui.store.db.conn.execute("BEGIN IMMEDIATE")
        gui.store.db.execute("INSERT INTO settings (key, value) VALUES ('busy', '1')")
        committed = []

        def commit() -> None:
            committed.append(time.monotonic())
            gui.store.db.conn.execute("COMMIT")

        release = threading.Timer(1.5, commit)
        release.start()
        result = _cli(data, "person", "add", "--name", "Claire Martin")
        finished = time.monotonic()
        release.join()
        # It succeeded, and only once the window's transaction had ended: it waited, not failed.
        assert result.returncode == 0, result.stderr
        assert finished >= committed[0], "the CLI did not wait for the window's transaction"
        rows = gui.store.db.execute("SELECT name FROM people").fetchall()
        assert [r[0] for r in rows] == ["Claire Martin"]
        assert gui.setting("busy") == 1
    finally:
        gui.close()


def test_database_files_stay_private_under_concurrent_use(tmp_path):
    """The -wal and -shm files SQLite creates while both are open are not world-readable."""
    from desktop_app.services.context import open_context

    data = tmp_path / "data"
    gui = open_context(data)
    try:
        assert _cli(data, "person", "add", "--name", "Claire Martin").returncode == 0
        for name in ("paperasse.db", "paperasse.db-wal", "paperasse.db-shm"):
            path = data / name
            if path.exists():
                assert path.stat().st_mode & 0o077 == 0, f"{name} is {oct(path.stat().st_mode & 0o777)}"
    finally:
        gui.close()
    sqlite3.connect(data / "paperasse.db").close()


def test_the_desktop_app_refuses_a_second_window(tmp_path):
    pytest.importorskip("PySide6")
    data = tmp_path / "data"
    holder = _holder(data)
    env = dict(ENV, QT_QPA_PLATFORM="offscreen", PAPERASSE_STARTUP_MARKER="1")
    gui = subprocess.Popen([sys.executable, "-m", "desktop_app", "--data-dir", str(data)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO, text=True)
    try:
        # Either it refuses and exits, or it paints a window and prints its start-up marker.
        first_line = gui.stdout.readline()
        code = gui.wait(timeout=5) if not first_line else None
    except subprocess.TimeoutExpired:
        code = None
    finally:
        if gui.poll() is None:
            gui.kill()
        _, err = gui.communicate()
        holder.kill()
        holder.wait()
    assert code == 2, f"a second window opened (stdout {first_line!r})"
    assert "already open" in err and f"process {holder.pid}" in err
