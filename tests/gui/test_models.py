"""Table models, without widgets."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from desktop_app.gui.models import claims_model as cm
from desktop_app.gui.models import documents_model as dm
from desktop_app.gui.models.row_model import ObjectRole, SortRole
from desktop_app.services.overview import ClaimRow, DocumentRow


def _row(i, person="Claire", state="pending", paid="10.00", date="2025-01-01", **kw):
    row = ClaimRow(i, 1 if person == "Claire" else 2, person, date, f"claim {i}", "consultation",
                   paid, "none", 0, cpam_state=state, mutuelle_state="pending")
    for k, v in kw.items():
        setattr(row, k, v)
    return row


def test_claims_model_shows_status_in_words(qapp):
    model = cm.ClaimsTableModel()
    model.set_rows([_row(1, state="sent", cpam_expected="7.00", mutuelle_expected="3.00")])
    assert model.rowCount() == 1 and model.columnCount() == cm.COLUMN_COUNT
    assert model.index(0, cm.CPAM).data() == "Sent, waiting"
    assert model.index(0, cm.PAID).data() == "€10.00"
    assert model.index(0, cm.EXPECTED).data() == "€10.00"
    assert model.index(0, cm.CPAM).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, cm.PERSON).data(ObjectRole).id == 1


def test_claims_model_sorts_through_the_proxy(qapp):
    model = cm.ClaimsTableModel()
    proxy = cm.ClaimsFilterModel()
    proxy.setSourceModel(model)
    model.set_rows([_row(1, paid="30.00"), _row(2, paid="5.00"), _row(3, paid="12.50")])
    proxy.sort(cm.PAID, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, cm.PAID).data(SortRole) for r in range(3)] == [5.0, 12.5, 30.0]
    proxy.sort(cm.PAID, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, cm.PAID).data() == "€30.00"
    assert model.row_for(1) == 0


def test_claims_proxy_filters_by_person_list_and_text(qapp):
    model = cm.ClaimsTableModel()
    proxy = cm.ClaimsFilterModel()
    proxy.setSourceModel(model)
    model.set_rows([
        _row(1, state="sent"),
        _row(2, person="Lucas", state="incomplete", blocking=2, detailed=True),
        _row(3, state="paid", mutuelle_state="closed"),
    ])
    proxy.set_filter(smart="waiting")
    assert proxy.rowCount() == 1
    proxy.set_filter(smart="todo")
    assert proxy.index(0, cm.PERSON).data() == "Lucas"
    proxy.set_filter(person_id=1)
    assert proxy.rowCount() == 2
    proxy.set_text("claim 3")
    assert proxy.rowCount() == 1


def test_claims_model_accepts_dropped_documents(qapp):
    model = cm.ClaimsTableModel()
    model.set_rows([_row(7)])
    dropped = []
    model.documents_dropped.connect(lambda claim, ids: dropped.append((claim, ids)))
    mime = cm.encode_document_ids([3, 4])
    assert model.canDropMimeData(mime, Qt.DropAction.LinkAction, -1, -1, model.index(0, 0))
    model.dropMimeData(mime, Qt.DropAction.LinkAction, -1, -1, model.index(0, 0))
    assert dropped == [(7, [3, 4])]


def test_documents_model_drags_ids_and_counts_fields_to_check(qapp):
    model = dm.DocumentsTableModel()
    model.set_rows([DocumentRow(5, "invoice", "facture.png", 1, "Claire", None, "2025-06-20", 1,
                                "read", unconfirmed=2, amount="304.90")])
    assert model.index(0, dm.KIND).data() == "Invoice"
    assert model.index(0, dm.TO_CONFIRM).data() == "2 fields to check"
    assert model.index(0, dm.CLAIM).data() == "In the inbox"
    mime = model.mimeData([model.index(0, 0)])
    assert cm.decode_document_ids(mime) == [5]


def test_a_filtered_list_of_many_claims_is_handed_to_the_views_a_batch_at_a_time(qapp):
    count = cm.BATCH * 3 + 5
    model = cm.ClaimsTableModel()
    proxy = cm.ClaimsFilterModel()
    proxy.setSourceModel(model)
    rows = [_row(n, person="Lucas" if n % 2 else "Claire") for n in range(1, count + 1)]
    for row in rows:
        row.person_id = 2 if row.id % 2 else 1
    model.set_rows(rows)
    assert proxy.rowCount() == cm.BATCH and len(model.rows()) == count
    proxy.set_filter(person_id=2)
    assert proxy.rowCount() == cm.BATCH and proxy.canFetchMore(QModelIndex())
    assert {proxy.index(r, cm.PERSON).data() for r in range(proxy.rowCount())} == {"Lucas"}
    # Opening a claim far down the list hands the views the rows up to it, filtered.
    last = rows[-1].id if rows[-1].person_id == 2 else rows[-2].id
    row = model.row_for(last)
    assert proxy.index(proxy.mapFromSource(model.index(row, 0)).row(), 0).data(ObjectRole).id == last
    assert proxy.rowCount() == (count + 1) // 2
    assert model.row_for(2) is None  # Claire's: hidden by the filter
    while proxy.canFetchMore(QModelIndex()):
        proxy.fetchMore(QModelIndex())
    proxy.set_filter()
    assert proxy.rowCount() == cm.BATCH and model.row_for(2) == 1


def test_a_long_file_name_can_wrap_in_a_narrow_pane(qapp):
    from PySide6.QtWidgets import QLabel

    from desktop_app.gui import labels

    name = "feuille_de_soins_stimulateur_perineal_juin.pdf"
    label = QLabel(labels.breakable(name))
    label.setWordWrap(True)
    label.setFixedWidth(label.fontMetrics().horizontalAdvance(name) // 3)
    # It fits in the width by taking more lines, and reads as the same name.
    assert label.heightForWidth(label.width()) > label.fontMetrics().height() * 2
    assert labels.breakable(name).replace("\u200b", "") == name
