"""Where Paperasse keeps its data: resolved once, at start-up.

Order of precedence: ``--data-dir DIR``, then ``PAPERASSE_HOME``, then the
platform's user data folder for "Paperasse". The folder is private to the user
(0700) and so is everything in it (0600).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from desktop_app import APP_NAME
from desktop_app.core import resource_files

ENV_HOME = "PAPERASSE_HOME"
DIR_MODE = 0o700
FILE_MODE = 0o600


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "paperasse.db"

    @property
    def originals(self) -> Path:
        return self.root / "originals"

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def rules(self) -> Path:
        """User-edited copies of the rule files, taking precedence over the shipped ones."""
        return self.root / "rules"

    @property
    def lock(self) -> Path:
        return self.root / "gui.lock"


def default_root() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_root(data_dir: str | os.PathLike | None = None) -> Path:
    if data_dir:
        return Path(data_dir).expanduser().resolve()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    return default_root()


def prepare(data_dir: str | os.PathLike | None = None) -> DataPaths:
    """Create the data folder (private to the user) and its sub-folders."""
    paths = DataPaths(resolve_root(data_dir))
    root = paths.root
    if root.is_dir():
        # The folder exists: its own mode is the user's choice, never changed here (files and
        # sub-folders inside are private anyway). One that others may write into is refused:
        # even a sticky one like /tmp lets them put a file where Paperasse would create one.
        info = root.stat()
        mode = stat.S_IMODE(info.st_mode)
        uid = getattr(os, "getuid", lambda: None)()
        if os.name == "posix" and (mode & stat.S_IWOTH or (mode & stat.S_IWGRP and info.st_uid != uid)):
            from desktop_app.core.errors import UserError

            raise UserError(
                f"{root}: other users can write into this folder (mode {mode:o}); choose a "
                f"folder of your own for Paperasse's data, e.g. {root / 'Paperasse'}"
            )
    else:
        root.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        tighten(root, DIR_MODE)
    for folder in (paths.originals, paths.tmp, paths.backups):
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        tighten(folder, DIR_MODE)
    return paths


def tighten(path: Path, mode: int) -> None:
    """Re-apply private permissions if something loosened them."""
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current != mode:
            path.chmod(mode)
    except OSError:
        pass


def tighten_tree(root: Path) -> None:
    """Every folder under root 0700, every file 0600."""
    for path in root.rglob("*"):
        if not path.is_symlink():
            tighten(path, DIR_MODE if path.is_dir() else FILE_MODE)


def resources_dir() -> Path:
    """The shipped resources: beside the package in a checkout, bundled in a frozen app."""
    return resource_files.resources_dir()
