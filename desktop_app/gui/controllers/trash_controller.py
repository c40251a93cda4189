"""Deleting to the Trash from the window, Undo in the status bar, and the Trash page.

Every delete, restore and emptying runs on a worker (services/trash.py); the window reloads its
lists once it is done. The confirmation says what goes with the thing deleted and that it can be
restored for 30 days; it is opened without blocking, and its buttons carry the choice.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from desktop_app.gui import labels
from desktop_app.gui.controllers.messages import show_error
from desktop_app.gui.lazy import trash
from desktop_app.gui.plain import plain_box

NOTICE_MS = 30_000  # how long Undo stays in the status bar


class TrashController(QObject):
    changed = Signal()  # something went to the Trash or came back: the lists reload
    message = Signal(str)

    def __init__(self, window, page, notice):
        super().__init__(window)
        self.window = window
        self.page = page
        self.notice = notice
        self.workers = window.workers
        self._last = None  # the Deleted the notice offers to undo
        self._notice_timer = QTimer(self, singleShot=True, interval=NOTICE_MS)
        self._notice_timer.timeout.connect(self.notice.hide)
        notice.undo.clicked.connect(self.undo)
        page.restore.clicked.connect(self.restore_selected)
        page.empty.clicked.connect(self.ask_empty)
        page.table.itemActivated.connect(lambda _item: self.restore_selected())

    # Deleting

    def ask_delete(self, kind: str, item_id: int, label: str) -> None:
        """Find out what goes with it (off the UI thread), then ask."""
        self.workers.run(
            lambda ctx, **_: trash.what_goes_with(ctx, kind, item_id),
            on_success=lambda goes: self._confirm(kind, item_id, label, goes),
            on_failure=lambda exc: show_error(self.window, self.tr("Cannot delete"), exc),
        )

    def _confirm(self, kind: str, item_id: int, label: str, goes: trash.GoesWith) -> None:
        if goes.beneficiaries:
            show_error(self.window, self.tr("Cannot delete this person"), self.tr(
                "%1 is the insured person of %2: delete them first, or give them another "
                "insured person.").replace("%1", label).replace("%2", ", ".join(goes.beneficiaries)))
            return
        box = QMessageBox(self.window)
        box.setObjectName("confirm_delete")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Move to the Trash?"))
        box.setText(self._question(kind, label, goes))
        restorable = self.tr("You can restore it from the Trash for 30 days.")
        box.setInformativeText(restorable)
        choices = {}
        if kind == "claim" and goes.documents:
            keep = box.addButton(self.tr("Delete the claim, keep its documents"),
                                 QMessageBox.ButtonRole.AcceptRole)
            keep.setObjectName("delete_keep_documents")
            both = box.addButton(self.tr("Delete it with its documents"),
                                 QMessageBox.ButtonRole.DestructiveRole)
            both.setObjectName("delete_with_documents")
            choices = {keep: False, both: True}
            box.setDefaultButton(keep)
        else:
            go = box.addButton(self.tr("Move to the Trash"), QMessageBox.ButtonRole.AcceptRole)
            go.setObjectName("delete_confirmed")
            choices = {go: False}
            box.setDefaultButton(go)
        box.addButton(QMessageBox.StandardButton.Cancel)

        def clicked(button) -> None:
            if button in choices:
                self._delete(kind, item_id, choices[button])

        box.buttonClicked.connect(clicked)
        plain_box(box).open()
        self._box = box  # kept for the tests and for the duration of the question

    def _question(self, kind: str, label: str, goes: trash.GoesWith) -> str:
        if kind == "person":
            text = self.tr("Delete %1?").replace("%1", label)
            if goes.claims or goes.documents:
                text += " " + self.tr("Their %1 and %2 go to the Trash with them, and come back "
                                      "together.").replace(
                    "%1", self.tr("%n claim(s)", "", goes.claims)).replace(
                    "%2", self.tr("%n document(s)", "", goes.documents))
            return text
        if kind == "claim":
            text = self.tr("Delete the claim “%1”?").replace("%1", label)
            if goes.documents:
                text += " " + self.tr(
                    "Its %1 go back to the Inbox, unless you delete them with it; restoring "
                    "the claim attaches them again.").replace(
                    "%1", self.tr("%n document(s)", "", goes.documents))
            return text
        return self.tr("Delete the document “%1”?").replace("%1", label)

    def _delete(self, kind: str, item_id: int, with_documents: bool) -> None:
        lang = labels.current_language()

        def work(ctx, **_):
            if kind == "document":
                return trash.delete_document(ctx, item_id)
            if kind == "claim":
                return trash.delete_claim(ctx, item_id, with_documents=with_documents)
            return trash.delete_person(ctx, item_id, lang=lang)

        self.workers.run(work, on_success=self._deleted,
                         on_failure=lambda exc: show_error(self.window, self.tr("Cannot delete"), exc))

    def _deleted(self, deleted) -> None:
        self._last = deleted
        names = {"document": self.tr("Document deleted: %1"), "claim": self.tr("Claim deleted: %1"),
                 "person": self.tr("Person deleted: %1")}
        self.notice.text.setText(names[deleted.kind].replace("%1", deleted.label))
        self.notice.show()
        self._notice_timer.start()
        self.changed.emit()
        self.load()

    def undo(self) -> None:
        deleted = self._last
        if deleted is None:
            return
        self._last = None
        self.notice.hide()
        self.restore(deleted.entry_id)

    # The Trash page

    def load(self) -> None:
        self.workers.run(lambda ctx, **_: trash.list_trash(ctx), on_success=self.page.set_items)

    def restore_selected(self) -> None:
        item = self.page.selected_entry()
        if item is not None:
            self.restore(item.entry_id)

    def restore(self, entry_id: int) -> None:
        lang = labels.current_language()

        def restored(item) -> None:
            self.message.emit(self.tr("Restored: %1").replace("%1", item.label))
            self.changed.emit()
            self.load()

        self.workers.run(
            lambda ctx, **_: trash.restore(ctx, entry_id, lang=lang),
            on_success=restored,
            on_failure=lambda exc: show_error(self.window, self.tr("Cannot restore"), exc),
        )

    def ask_empty(self) -> None:
        count = len(self.page.items)
        if not count:
            return
        box = QMessageBox(self.window)
        box.setObjectName("confirm_empty")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Empty the Trash?"))
        box.setText(self.tr("Remove the %n item(s) in the Trash for good?", "", count))
        box.setInformativeText(self.tr("They cannot be restored afterwards."))
        go = box.addButton(self.tr("Empty the Trash"), QMessageBox.ButtonRole.DestructiveRole)
        go.setObjectName("empty_confirmed")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: button is go and self._empty())
        plain_box(box).open()
        self._box = box

    def _empty(self) -> None:
        def emptied(result) -> None:
            self._last = None
            self.notice.hide()
            self.message.emit(self.tr("The Trash was emptied."))
            self.load()

        self.workers.run(
            lambda ctx, **_: trash.empty(ctx),
            on_success=emptied,
            on_failure=lambda exc: show_error(self.window, self.tr("Cannot empty the Trash"), exc),
        )
