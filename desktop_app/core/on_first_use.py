"""A module imported the first time one of its names is used, not when its user is imported."""

from __future__ import annotations

import importlib
from types import ModuleType


class OnFirstUse:
    """Stands for the module ``name``: the first attribute read imports it."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str):
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)
