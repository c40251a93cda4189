"""Entry point of the frozen app (PyInstaller): the same as ``paperasse`` / ``python -m desktop_app``."""

import multiprocessing
import sys

from desktop_app.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
