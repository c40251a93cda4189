"""User data shown as text, never as markup.

Qt guesses whether a label's or a tooltip's text is rich text (``Qt.AutoText``); a name, a claim
title or a file name holding ``<img src=…>`` or a table would then be rendered, loading files or
eating memory. Every label is made with :class:`PlainLabel` (text shown as it is, line breaks
kept), and every tooltip that may carry user data goes through :func:`tip`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


class PlainLabel(QLabel):
    def __init__(self, text: str | None = None, parent=None, **kwargs):
        if parent is None and text is not None and not isinstance(text, str):
            text, parent = None, text  # PlainLabel(parent)
        super().__init__(parent, **kwargs)
        self.setTextFormat(Qt.TextFormat.PlainText)  # before any text, so none is parsed
        if text:
            self.setText(text)


def tip(text: str | None) -> str:
    """A tooltip showing ``text`` literally: escaped inside a paragraph Qt takes as rich text."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def plain_box(box):
    """A message box whose texts (the message, the details, any label it holds) are plain:
    an error names the user's files and people."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    return box
