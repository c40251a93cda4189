"""The one file-lock helper the folder lock, the window lock and the originals' lock share."""

import subprocess
import sys

import pytest

from desktop_app.store.file_lock import Locked, lock, unlock

HOLD = """
import sys, time
from desktop_app.store.file_lock import lock
handle = open(sys.argv[1], "a+")
lock(handle, shared=sys.argv[2] == "shared")
print("held", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def held(tmp_path):
    """Another process holding the lock file, shared or alone, until the test ends."""
    path = tmp_path / "x.lock"
    procs = []

    def hold(mode: str):
        proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), mode],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "held"
        procs.append(proc)
        return path

    yield hold
    for proc in procs:
        proc.stdin.close()
        proc.wait()


def test_an_exclusive_lock_is_refused_while_another_process_holds_it(held):
    path = held("exclusive")
    with open(path, "a+") as handle:
        with pytest.raises(Locked):
            lock(handle, wait=False)
        with pytest.raises(Locked):
            lock(handle, shared=True, wait=False)


def test_shared_locks_are_shared_and_keep_an_exclusive_one_out(held):
    path = held("shared")
    with open(path, "a+") as handle:
        lock(handle, shared=True, wait=False)
        unlock(handle)
        with pytest.raises(Locked):
            lock(handle, wait=False)


def test_the_lock_goes_with_the_process(tmp_path):
    path = tmp_path / "x.lock"
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), "exclusive"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    proc.kill()
    proc.wait()
    with open(path, "a+") as handle:
        lock(handle, wait=False)
        unlock(handle)
