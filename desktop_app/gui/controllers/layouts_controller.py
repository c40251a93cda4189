"""The Remembered layouts dialog: what the user's corrections taught, and forgetting it.

Reached from the Settings dialog. The list is read and each forgetting is written on a worker
(services/layout_memory.py), on the panes' lane so they happen in the order asked; the dialog
shows the list again once it is done.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem

from desktop_app.gui import labels
from desktop_app.gui.lazy import layout_memory
from desktop_app.gui.plain import plain_box, tip
from desktop_app.gui.views.layouts_view import LAYOUT_ROLE, LayoutsView


class LayoutsController(QObject):
    loaded = Signal()  # the list on screen is the stored one

    def __init__(self, workers, parent_widget):
        super().__init__(parent_widget)
        self.workers = workers
        self.items: list = []
        view = self.view = LayoutsView(parent_widget)
        view.buttons.rejected.connect(view.reject)
        view.forget.clicked.connect(self.forget_selected)
        view.forget_all.clicked.connect(self.ask_forget_all)
        view.table.itemSelectionChanged.connect(self._sync_buttons)
        self._show([])
        self.reload()

    def open(self) -> None:
        self.view.open()

    def exec(self) -> int:
        return self.view.exec()

    def reload(self) -> None:
        self.workers.run(lambda ctx, **_: layout_memory.list_layouts(ctx),
                         on_success=self._show, on_failure=self._failed, serial=True)

    def _known_by(self, item) -> str:
        if item.issuer_type == "siret":
            return self.tr("SIRET %1").replace("%1", item.issuer_key)
        if item.issuer_type == "rpps":
            return self.tr("RPPS %1").replace("%1", item.issuer_key)
        return self.tr("letterhead")

    def _show(self, items) -> None:
        self.items = list(items)
        table = self.view.table
        table.setRowCount(len(self.items))
        for r, item in enumerate(self.items):
            fields = ", ".join(labels.field_text(n) for n in item.fields)
            cells = [item.issuer_name or self._known_by(item), self._known_by(item),
                     labels.kind_text(item.kind), fields,
                     self.tr("%n time(s)", "", item.uses)]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(LAYOUT_ROLE, item.id)
                cell.setToolTip(tip(text))
                table.setItem(r, c, cell)
        table.setVisible(bool(self.items))
        self.view.empty_label.setVisible(not self.items)
        self.view.forget_all.setEnabled(bool(self.items))
        if self.items:
            table.selectRow(0)
        self._sync_buttons()
        self.loaded.emit()

    def _sync_buttons(self) -> None:
        self.view.forget.setEnabled(self._selected() is not None)

    def _selected(self):
        rows = self.view.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.items):
            return None
        return self.items[rows[0].row()]

    def forget_selected(self) -> None:
        item = self._selected()
        if item is None:
            return
        self._forget(lambda ctx, **_: layout_memory.forget(ctx, item.id))

    def ask_forget_all(self) -> None:
        box = plain_box(QMessageBox(self.view))
        box.setObjectName("confirm_forget_layouts")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Forget every layout?"))
        box.setText(self.tr("Paperasse will read every issuer's papers as if it had never seen "
                            "them; your documents and their fields stay as they are."))
        go = box.addButton(self.tr("Forget all"), QMessageBox.ButtonRole.DestructiveRole)
        go.setObjectName("forget_all_confirmed")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: button is go and self._forget(
            lambda ctx, **_: layout_memory.forget_all(ctx)))
        box.open()

    def _forget(self, work) -> None:
        self.view.forget.setEnabled(False)
        self.view.forget_all.setEnabled(False)
        self.workers.run(work, on_success=lambda _result: self.reload(), on_failure=self._failed,
                         serial=True)

    def _failed(self, exc) -> None:
        self.view.error.setText(str(exc))
        self.view.error.show()
        self._sync_buttons()
