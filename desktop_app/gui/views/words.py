"""A widget's words in one call: what it shows, what a screen reader says of it, its tooltip."""

from __future__ import annotations


def words(widget, text: str, accessible: str = "", tip: str = "") -> None:
    """``text`` shown on the button or label; ``accessible``, when the text alone would not say
    what it does, read by a screen reader instead; ``tip`` its tooltip (no user data in it: see
    plain.tip)."""
    widget.setText(text)
    if accessible:
        widget.setAccessibleName(accessible)
    if tip:
        widget.setToolTip(tip)
