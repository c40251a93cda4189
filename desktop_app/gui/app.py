"""The QApplication and the main window's start."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, __version__
from desktop_app.services.context import open_context


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    return app


def run(data_dir: str | None, argv: list[str]) -> int:
    app = make_application(argv)
    ctx = open_context(data_dir)
    from desktop_app.gui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    try:
        return app.exec()
    finally:
        ctx.close()
