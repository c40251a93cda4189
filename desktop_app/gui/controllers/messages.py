"""Telling the user what went wrong: one clear sentence, never a traceback."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.core.errors import UserError
from desktop_app.gui.plain import plain_box


def message_of(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        from desktop_app.gui.labels import current_language

        return exc.text(current_language())
    detail = getattr(exc, "__traceback_text__", None)
    sys.stderr.write(detail or f"{type(exc).__name__}: {exc}\n")
    return QCoreApplication.translate("Messages", "Something went wrong: %1").replace(
        "%1", f"{type(exc).__name__}: {exc}"
    )


def show_error(parent: QWidget | None, title: str, exc: BaseException | str) -> QMessageBox:
    """A warning box that does not block: the event loop (and any import) keeps running."""
    text = exc if isinstance(exc, str) else message_of(exc)
    box = plain_box(QMessageBox(QMessageBox.Icon.Warning, title, "", QMessageBox.StandardButton.Ok,
                                parent))
    box.setText(_sentence(text))  # plain text: the message names the user's files and people
    box.setObjectName("error_box")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text
