"""A statement (décompte) closes the loop: its payments, matched to claims, recorded in one step.

Proposals are worked out on a worker (they read every open claim's status), the payments are
recorded on a worker in one transaction, and the lists refresh after.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidgetItem

from desktop_app.gui import labels
from desktop_app.gui.controllers.messages import message_of, show_error
from desktop_app.gui.lazy import documents, inbox, statements
from desktop_app.gui.plain import tip
from desktop_app.gui.views.statement_view import StatementPanel
from desktop_app.services.results import StatementMatch

PAYERS = ("cpam", "mutuelle")

# What services.statements says about a line it could not match (its why_code), in the user's
# language.
_WHY = {
    "no_care_date_or_amount": lambda: QCoreApplication.translate(
        "StatementController", "no care date or amount was read"
    ),
    "no_open_claim": lambda: QCoreApplication.translate(
        "StatementController", "no claim of that person and care date is waiting for this payer"
    ),
}


def find_payments(ctx, document_id: int, lang: str | None = None) -> StatementMatch:
    """On a worker: the proposals (each with its claim's title), or why there are none."""
    doc = documents.get_document(ctx, document_id)
    field = doc.fields.get("payer")
    payer = str(field.value or "").strip().lower() if field else ""
    if payer not in PAYERS:
        return StatementMatch(doc.id, None)
    return statements.propose(ctx, document_id, lang=lang)


class StatementController(QObject):
    recorded = Signal(str)  # what was recorded, in words: the lists need a refresh
    payer_set = Signal()

    def __init__(self, view: StatementPanel, ctx, workers, parent=None):
        super().__init__(parent)
        self.view = view
        self.ctx = ctx
        self.workers = workers
        self.document_id: int | None = None
        self.found: StatementMatch | None = None
        self._generation = 0
        for payer in PAYERS:
            view.payer.addItem(labels.payer_text(payer), payer)
        view.record.clicked.connect(self.record)
        view.set_payer.clicked.connect(lambda: self.set_payer(view.payer.currentData()))

    def show_for(self, document) -> None:
        """Show the panel for a statement (hide it for any other document) and look for payments."""
        self._generation += 1
        if document is None or str(document.kind) != "statement":
            self.document_id = None
            self.view.set_shown(False)
            return
        generation = self._generation
        same = self.document_id == document.id
        self.document_id = document.id
        view = self.view
        view.set_shown(True)
        if not same:
            view.table.setRowCount(0)
            view.unmatched.clear()
            view.payer_row.hide()
            view.record.setEnabled(False)
            view.summary.setText(self.tr("Looking for the claims these payments settle…"))

        def done(found) -> None:
            if generation == self._generation:
                self._show(found)

        def failed(exc) -> None:
            if generation == self._generation:
                view.summary.setText(message_of(exc))
                view.record.setEnabled(False)

        doc_id = document.id
        lang = labels.current_language()
        self.workers.run(
            lambda ctx, **_: find_payments(ctx, doc_id, lang), on_success=done, on_failure=failed
        )

    def _show(self, found: StatementMatch) -> None:
        self.found = found
        view = self.view
        proposals, unmatched = found.proposals, found.unmatched
        payer = found.payer
        view.payer_row.setVisible(payer is None)
        if payer is None:
            view.summary.setText(
                self.tr("Who paid was not read on this statement: the CPAM or your mutuelle? "
                        "Choose it to match its payments to your claims.")
            )
        elif proposals:
            view.summary.setText(
                self.tr("%n payment(s) from %1 match your claims. Check them, then record them in one step.",
                        "", len(proposals)).replace("%1", labels.payer_in_sentence(payer))
            )
        elif unmatched:
            view.summary.setText(
                self.tr("No payment on this statement matches a claim waiting for the %1.")
                .replace("%1", labels.payer_in_sentence(payer))
            )
        else:
            view.summary.setText(self.tr("No payment line was read on this statement."))
        table = view.table
        table.setRowCount(len(proposals))
        for row, p in enumerate(proposals):
            what = p.title or labels.category_text(p.category)
            cells = [
                what,
                p.person or "",
                labels.day(p.care_date),
                labels.money(p.amount),
                labels.money(p.expected),
                ("⚠ " + self.tr("differs")) if p.differs else "✓ " + self.tr("as expected"),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.line)
                if column in (StatementPanel.AMOUNT, StatementPanel.EXPECTED):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == StatementPanel.DIFFERS and p.differs:
                    item.setForeground(QBrush(QColor("#8a5a00")))
                    item.setToolTip(self.tr("The amount paid is not what was expected for this claim."))
                if column == StatementPanel.CLAIM:
                    item.setToolTip(tip(what))
                table.setItem(row, column, item)
        table.setVisible(bool(proposals))
        lines = []
        for u in unmatched:
            why = _WHY.get(u.why_code, lambda w=u.why: w or "")()
            bits = [labels.day(u.care_date), labels.money(u.amount_paid),
                    u.patient_name or "", u.label or ""]
            lines.append(" · ".join(b for b in bits if b) + f" — {why}")
        view.unmatched.setText(
            (self.tr("Not matched:") + "\n" + "\n".join(lines)) if lines else ""
        )
        view.unmatched.setVisible(bool(lines))
        view.record.setEnabled(bool(proposals))
        view.record.setVisible(payer is not None)
        view.fit_rows()

    # Acting

    def record(self) -> None:
        if self.document_id is None or self.found is None or not self.found.proposals:
            return
        doc_id = self.document_id
        self.view.record.setEnabled(False)
        self.view.summary.setText(self.tr("Recording the payments…"))

        def done(result) -> None:
            recorded = len(result.recorded)
            self.recorded.emit(self.tr("%n payment(s) recorded from the statement.", "", recorded))

        def failed(exc) -> None:
            show_error(self.view, self.tr("The payments were not recorded"), exc)
            self.view.record.setEnabled(True)

        lang = labels.current_language()
        self.workers.run(
            lambda ctx, **_: statements.accept(ctx, doc_id, lang=lang),
            on_success=done,
            on_failure=failed,
        )

    def set_payer(self, payer: str) -> None:
        if self.document_id is None or payer not in PAYERS:
            return
        doc_id = self.document_id

        def failed(exc) -> None:
            show_error(self.view, self.tr("This value cannot be used"), exc)

        self.workers.run(
            lambda ctx, **_: inbox.confirm_field(ctx, doc_id, "payer", payer),
            on_success=lambda _doc: self.payer_set.emit(),
            on_failure=failed,
        )
