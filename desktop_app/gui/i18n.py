"""Which language the interface speaks, and loading its Qt translations (.qm)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)

from desktop_app import config

LANGUAGES = ("fr", "en")  # English is the source language: it needs no file
_installed: list[QTranslator] = []

# Words of Qt's own file dialog that its French file (qtbase_fr.qm) leaves in English: our
# catalogue has them, under Qt's own context.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def translations_dir() -> Path:
    return config.resources_dir() / "translations"


def system_language() -> str:
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def choose_language(saved: str | None) -> str:
    """The saved choice, else French on a French system, else English."""
    return saved if saved in LANGUAGES else system_language()


def install(language: str) -> bool:
    """Switch the running app to ``language``; False if its translation file is missing."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    found = True
    # The desktop's own file dialogs speak the desktop's language, not the one chosen here: in
    # French, Qt's widget dialogs are used, which Qt's own translation (qtbase_fr) words.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, language == "fr")
    if language == "fr":
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        ours = QTranslator(app)
        found = ours.load(str(translations_dir() / "paperasse_fr.qm"))
        if found:
            app.installTranslator(ours)
            _installed.append(ours)
        qt_own = QTranslator(app)
        if qt_own.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        # English is the source language; its file only holds the plural forms ("%n claim(s)").
        plurals = QTranslator(app)
        if plurals.load(str(translations_dir() / "paperasse_en.qm")):
            app.installTranslator(plurals)
            _installed.append(plurals)
    return found


class TextsOfParts:
    """``tr`` for a QObject made of mixins (the main window, the panes' controllers).

    pyside6-lupdate files a text under the class it is written in, so a mixin's texts are in the
    mixin's context. PySide's ``tr`` tries the context of each class of the object in turn and
    stops at the first answer that differs from the source; for a plural (``n`` given) Qt fills
    %n in even when it found nothing, so the window's own context would answer with the English
    source. Here such an answer does not count as found."""

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        missing = text if n < 0 else text.replace("%n", str(n))
        for cls in type(self).__mro__:
            found = QCoreApplication.translate(cls.__name__, text, disambiguation, n)
            if found != missing:
                return found
        return missing
