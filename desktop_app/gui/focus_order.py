"""The window's Tab order, area by area, and F6 between the areas.

Qt's default order is the order widgets were created in, which put the search box after the
right-hand pane and the field editors (built per document) after everything else. The window
sets the order explicitly instead: the lists, the search, the centre, the right pane.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QTableView,
    QWidget,
)

# Widgets whose inner parts (a combo's line edit, a spin box's) are theirs to order.
_WHOLE = (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView)


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def focusables(area: QWidget) -> list[QWidget]:
    """The widgets in ``area`` that Tab stops at, in the order they sit in the area."""
    found: list[QWidget] = []

    def walk(widget: QWidget) -> None:
        for child in widget.children():
            if not isinstance(child, QWidget) or child.isWindow():
                continue
            if takes_tab(child):
                found.append(child)
                if isinstance(child, _WHOLE):
                    continue
            walk(child)

    if takes_tab(area):
        found.append(area)
    walk(area)
    return found


def chain(widgets: list[QWidget]) -> None:
    """Tab goes from each widget to the next, in this order."""
    seen: set[int] = set()
    ordered = []
    for widget in widgets:
        if id(widget) not in seen:
            seen.add(id(widget))
            ordered.append(widget)
    for first, second in zip(ordered, ordered[1:]):
        QWidget.setTabOrder(first, second)


def no_tab_in_tables(root: QWidget) -> None:
    """Tab leaves a table instead of walking its cells (the arrows still move in it)."""
    for table in root.findChildren(QTableView):
        table.setTabKeyNavigation(False)


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled() and widget.width() > 0


def area_of(widget: QWidget | None, areas: list[QWidget]) -> int | None:
    while widget is not None:
        for index, area in enumerate(areas):
            if widget is area:
                return index
        widget = widget.parentWidget()
    return None


def focus_area(areas: list[QWidget], first_stops, step: int) -> QWidget | None:
    """F6 (step 1) / Shift+F6 (step -1): focus the next area that is on screen.
    ``first_stops(area)`` lists where focus lands in an area, best first."""
    current = area_of(QApplication.focusWidget(), areas)
    start = -1 if current is None and step > 0 else (current if current is not None else 0)
    for offset in range(1, len(areas) + 1):
        area = areas[(start + step * offset) % len(areas)]
        if not shown(area):
            continue
        for widget in first_stops(area):
            if shown(widget):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return widget
    return None
