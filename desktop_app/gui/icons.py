"""The actions' icons: the system theme's when it has one, else a bundled qtawesome icon.

Which icon goes with which action is data (resources/icons/actions.json). Icons are decoration:
an icon that cannot be made (no theme, qtawesome's fonts not loadable) is an empty QIcon, never
an error, and every action keeps its text.
"""

from __future__ import annotations

import json
import os
from functools import cache, lru_cache

from PySide6.QtGui import QIcon

from desktop_app import config


@lru_cache(maxsize=1)
def _table() -> dict[str, dict]:
    try:
        data = json.loads((config.resources_dir() / "icons" / "actions.json").read_text(encoding="utf-8"))
        return dict(data.get("icons") or {})
    except (OSError, ValueError):
        return {}


def _bundled(name: str) -> QIcon:
    if not name:
        return QIcon()
    # qtawesome reaches Qt through qtpy: make sure it takes the binding the app runs on.
    os.environ.setdefault("QT_API", "pyside6")
    try:
        import qtawesome

        return qtawesome.icon(name)
    except Exception:  # noqa: BLE001 - a missing font or a renamed icon costs the icon, not the app
        return QIcon()


@cache
def icon(action: str) -> QIcon:
    """The icon for ``action`` (a key of actions.json); an empty icon when there is none."""
    entry = _table().get(action) or {}
    theme = entry.get("theme") or ""
    if theme and QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    return _bundled(entry.get("qtawesome") or "")


def names() -> list[str]:
    return sorted(_table())
