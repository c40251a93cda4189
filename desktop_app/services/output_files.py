"""Every file Paperasse writes where the user asked (exports, mailings, summaries, archives).

One gate for all of them: a folder, a device or a pipe is refused; an existing file is replaced
only when the user said so (``--force`` on the command line, the save dialog's confirmation in
the window); nothing inside the data folder is ever written this way (the live database, the
originals, the backups), except the app's own scratch folder; the file appears whole or not at
all (temporary file beside it, fsync, rename) and is private (0600): it holds health data.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from desktop_app.core.errors import UserError
from desktop_app.store import atomic_files
from desktop_app.store.store import is_disk_full


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def checked_target(out, data_root: Path, replace: bool = False, example: str = "export") -> Path:
    """``out`` as a path safe to write, or a UserError saying what is wrong and what to do."""
    target = Path(out).expanduser()
    if not target.name or target.name in (".", ".."):
        raise UserError(f"{out}: give a file name, e.g. {Path(out) / example}")
    parent = target.parent
    existing = parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent  # missing folders are created when the file is written
    if not existing.is_dir():
        raise UserError(f"{existing}: is a file, not a folder; choose another place")
    real = Path(os.path.realpath(target))  # a link is judged by where it leads
    root = Path(os.path.realpath(data_root))
    scratch = root / "tmp"
    if _inside(real, root) and not _inside(real, scratch):
        raise UserError(
            f"{target}: is inside Paperasse's data folder ({root}), which only Paperasse writes; "
            "choose a file elsewhere, e.g. in your Documents folder"
        )
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise UserError(f"{target}: cannot be used ({exc.strerror or exc}); choose another file") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{target}: is a folder; give a file name, e.g. {target / example}")
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"{target}: is not an ordinary file (a device or a pipe); choose a file name")
    if not replace:
        raise UserError(f"{target}: already exists; choose another name",
                        hint=("output.force", {}))
    return target


@contextlib.contextmanager
def output_file(
    out, data_root: Path, replace: bool = False, example: str = "export"
) -> Iterator[Path]:
    """Yield a temporary path to fill; on success it becomes the checked target (atomically)."""
    target = checked_target(out, data_root, replace, example)
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:40]}.", suffix=".part")
    except OSError as exc:
        raise UserError(f"{target.parent}: cannot write here ({exc.strerror or exc}); "
                        "choose another folder") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o600)
        atomic_files.fsync_file(tmp)
        checked_target(target, data_root, replace, example)  # still safe: nothing came in between
        os.replace(tmp, target)
        atomic_files.fsync_dir(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if is_disk_full(exc):
            raise UserError(f"{target}: the disk is full; free some space and try again "
                            "(nothing was written)") from None
        raise UserError(f"{target}: cannot be written ({exc.strerror or exc}); "
                        "choose another folder (nothing was written)") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_output(
    data: bytes, out, data_root: Path, replace: bool = False, example: str = "export"
) -> Path:
    """Write ``data`` to ``out`` through :func:`output_file`; returns the path written."""
    with output_file(out, data_root, replace, example) as tmp:
        tmp.write_bytes(data)
    return checked_target(out, data_root, True, example)
