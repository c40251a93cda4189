"""The Trash in the window: Delete in the lists and panes, the confirmation, Undo in the status
bar, the Trash page with Restore and Empty."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop_app.services import trash
from tests.gui.waiting import settle
from tests.trash.conftest import stored_document

WAIT = 30_000


@pytest.fixture
def papers(ctx, household):
    claire = ctx.store.person_by_name("Claire Martin")
    inbox_doc = stored_document(ctx, b"%PDF-1 loose scan", "scan inbox.pdf", claire.id)
    twin_doc = stored_document(ctx, b"%PDF-1 claim paper", "facture.pdf", claire.id,
                               household["claim_id"])
    return dict(household, inbox=inbox_doc, attached=twin_doc, person_id=claire.id)


@pytest.fixture
def win(qtbot, ctx, papers):
    from desktop_app.gui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: bool(w.household), timeout=WAIT)
    yield w
    w.workers.shutdown()


def inbox_ids(w):
    model = w.documents_model
    return {model.document_at(r).id for r in range(model.rowCount())}


def open_inbox(qtbot, w):
    w.sidebar.select("list", "inbox")
    qtbot.waitUntil(lambda: w.documents_model.rowCount() > 0, timeout=WAIT)


def confirm(qtbot, w, button_name: str):
    """Click one button of the confirmation the window opened."""
    qtbot.waitUntil(lambda: _box(w) is not None, timeout=WAIT)
    box = _box(w)
    text = box.text() + " " + box.informativeText()
    qtbot.mouseClick(box.findChild(QPushButton, button_name), Qt.MouseButton.LeftButton)
    return text


def _box(w):
    for box in w.findChildren(QMessageBox):
        if box.isVisible() and box.objectName() in ("confirm_delete", "confirm_empty"):
            return box
    return None


def select_document(qtbot, w, document_id):
    table, proxy = w.documents_page.table, w.documents_proxy
    for r in range(proxy.rowCount()):
        index = proxy.index(r, 0)
        if w.documents_model.document_at(proxy.mapToSource(index).row()).id == document_id:
            table.setFocus()
            table.setCurrentIndex(index)
            return
    raise AssertionError(f"document {document_id} is not listed")


def test_delete_in_the_inbox_then_restore_from_the_trash_page(qtbot, win, ctx, papers):
    w = win
    open_inbox(qtbot, w)
    assert papers["inbox"] in inbox_ids(w)
    select_document(qtbot, w, papers["inbox"])
    qtbot.keyClick(w.documents_page.table, Qt.Key.Key_Delete)
    said = confirm(qtbot, w, "delete_confirmed")
    assert "scan inbox.pdf" in said and "30 days" in said
    qtbot.waitUntil(lambda: papers["inbox"] not in inbox_ids(w), timeout=WAIT)
    assert w.deleted_notice.isVisible()
    assert "scan inbox.pdf" in w.deleted_notice.text.text()

    w.sidebar.select("trash")
    assert w.centre.currentWidget() is w.trash_page
    page = w.trash_page
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    assert page.table.item(0, 1).text() == "scan inbox.pdf"
    assert "30 days left" in page.table.item(0, 3).text()
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.mouseClick(page.restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.empty_label.isVisibleTo(page), timeout=WAIT)
    open_inbox(qtbot, w)
    qtbot.waitUntil(lambda: papers["inbox"] in inbox_ids(w), timeout=WAIT)


def test_undo_in_the_status_bar_brings_the_document_back(qtbot, win, ctx, papers):
    w = win
    open_inbox(qtbot, w)
    select_document(qtbot, w, papers["inbox"])
    w.delete_action.trigger()
    confirm(qtbot, w, "delete_confirmed")
    qtbot.waitUntil(lambda: w.deleted_notice.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: papers["inbox"] not in inbox_ids(w), timeout=WAIT)
    qtbot.mouseClick(w.deleted_notice.undo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: papers["inbox"] in inbox_ids(w), timeout=WAIT)
    assert not w.deleted_notice.isVisible()
    assert trash.list_trash(ctx) == []


def test_cancel_deletes_nothing(qtbot, win, ctx, papers):
    w = win
    open_inbox(qtbot, w)
    select_document(qtbot, w, papers["inbox"])
    qtbot.keyClick(w.documents_page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _box(w) is not None, timeout=WAIT)
    box = _box(w)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert trash.list_trash(ctx) == []
    assert papers["inbox"] in inbox_ids(w)


def test_a_claim_deleted_from_its_pane_leaves_its_documents_in_the_inbox(qtbot, win, ctx, papers):
    w = win
    w.show_claim(papers["claim_id"])
    settle(qtbot, w)
    qtbot.waitUntil(lambda: w.claim_view.isVisible(), timeout=WAIT)
    qtbot.mouseClick(w.claim_view.delete, Qt.MouseButton.LeftButton)
    said = confirm(qtbot, w, "delete_keep_documents")
    assert "go back to the Inbox" in said and "30 days" in said
    qtbot.waitUntil(lambda: w.claims_model.row_for(papers["claim_id"]) is None, timeout=WAIT)
    assert {d.id for d in ctx.store.documents(unlinked=True)} == {papers["inbox"], papers["attached"]}
    qtbot.mouseClick(w.deleted_notice.undo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.claims_model.row_for(papers["claim_id"]) is not None, timeout=WAIT)
    assert [d.id for d in ctx.store.documents(claim_id=papers["claim_id"])] == [papers["attached"]]


def test_a_person_deleted_from_their_page_goes_with_their_claims(qtbot, win, ctx, papers):
    w = win
    w.sidebar.select("person", papers["person_id"])
    assert w.claims_page.delete_person.isVisible()
    qtbot.mouseClick(w.claims_page.delete_person, Qt.MouseButton.LeftButton)
    said = confirm(qtbot, w, "delete_confirmed")
    assert "Claire Martin" in said and "1 claim" in said and "2 documents" in said
    qtbot.waitUntil(lambda: papers["person_id"] not in w.sidebar.people, timeout=WAIT)
    assert ctx.store.claims() == []
    assert w.centre.currentWidget() is w.welcome  # nobody left in the household
    w.sidebar.select("trash")  # still reachable: the last person can come back
    page = w.trash_page
    assert w.centre.currentWidget() is page
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    assert "Person" in page.table.item(0, 0).text() and "1 claim" in page.table.item(0, 0).text()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter restores the selected entry
    qtbot.waitUntil(lambda: papers["person_id"] in w.sidebar.people, timeout=WAIT)
    assert [c.id for c in ctx.store.claims()] == [papers["claim_id"]]


def test_emptying_the_trash_removes_the_unused_original(qtbot, win, ctx, papers):
    w = win
    path = ctx.store.stored_path(papers["inbox"])
    trash.delete_document(ctx, papers["inbox"])
    w.sidebar.select("trash")
    page = w.trash_page
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    qtbot.mouseClick(page.empty, Qt.MouseButton.LeftButton)
    said = confirm(qtbot, w, "empty_confirmed")
    assert "for good" in said
    qtbot.waitUntil(lambda: page.empty_label.isVisibleTo(page), timeout=WAIT)
    assert not path.exists()
    assert ctx.store.stored_path(papers["attached"]).is_file()


def test_a_claim_deleted_from_the_list_with_its_documents_leaves_no_error(qtbot, win, ctx, papers):
    w = win
    w.show_claim(papers["claim_id"])
    settle(qtbot, w)
    qtbot.waitUntil(lambda: w.claim_view.isVisible(), timeout=WAIT)
    table = w.claims_page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    confirm(qtbot, w, "delete_with_documents")
    qtbot.waitUntil(lambda: w.claims_model.row_for(papers["claim_id"]) is None, timeout=WAIT)
    qtbot.waitUntil(lambda: w.detail.currentWidget() is w.detail_hint, timeout=WAIT)
    assert not [b for b in w.findChildren(QMessageBox) if b.isVisible()]
    [item] = trash.list_trash(ctx)
    assert (item.kind, item.claims, item.documents) == ("claim", 1, 1)
    assert [d.id for d in ctx.store.documents()] == [papers["inbox"]]


def test_delete_on_a_person_in_the_side_bar_asks_about_them(qtbot, win, ctx, papers):
    w = win
    w.sidebar.select("person", papers["person_id"])
    w.sidebar.setFocus()
    qtbot.keyClick(w.sidebar, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _box(w) is not None, timeout=WAIT)
    box = _box(w)
    assert "Claire Martin" in box.text() and "30 days" in box.informativeText()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert trash.list_trash(ctx) == [] and ctx.store.person(papers["person_id"])


def test_the_trash_page_in_french(qtbot, win, ctx, papers):
    from desktop_app.gui import i18n

    trash.delete_document(ctx, papers["inbox"])
    i18n.install("fr")
    page = type(win.trash_page)()
    qtbot.addWidget(page)
    page.set_items(trash.list_trash(ctx))
    assert page.heading.text() == "Corbeille"
    assert page.table.item(0, 0).text() == "Document"
    assert page.table.item(0, 3).text() == "encore 30 jours"
    assert page.restore.text() == "&Restaurer"
