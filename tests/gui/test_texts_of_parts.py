"""A window made of mixins finds each mixin's texts, plurals included, in both languages."""

from __future__ import annotations

from PySide6.QtCore import QObject


def _window():
    from desktop_app.gui.i18n import TextsOfParts
    from desktop_app.gui.window.records import WindowRecords

    class Window(TextsOfParts, WindowRecords, QObject):
        pass

    return Window()


def test_a_plural_written_in_a_mixin_is_translated(qapp):
    from desktop_app.gui import i18n

    assert _window().tr("%n document(s) attached.", "", 2) == "2 documents attached."
    assert _window().tr("%n document(s) attached.", "", 1) == "1 document attached."
    i18n.install("fr")
    try:
        assert _window().tr("%n document(s) attached.", "", 2) == "2 documents joints."
        assert _window().tr("Cannot attach this document") != "Cannot attach this document"
    finally:
        i18n.install("en")


def test_a_text_nobody_translated_comes_back_as_written(qapp):
    assert _window().tr("%n thing(s) nobody wrote", "", 3) == "3 thing(s) nobody wrote"
    assert _window().tr("Nobody wrote this") == "Nobody wrote this"
