"""The claim pane: payer tracks and their steps, the checklist with its fixes, linked documents."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QListWidgetItem, QMessageBox

from desktop_app.core.errors import UserError
from desktop_app.gui import help_guide, labels
from desktop_app.gui.controllers.messages import message_of, show_error
from desktop_app.gui.controllers.pane_work import PaneWork
from desktop_app.gui.lazy import claims, inbox, people, tracking
from desktop_app.gui.views.claim_view import ClaimView
from desktop_app.gui.views.track_dialogs_view import (
    ClaimFormDialog,
    PaymentDialog,
    RejectedDialog,
    SentDialog,
)
from desktop_app.services import overview
from desktop_app.services.results import ChecklistItem, ClaimStatus, TrackStatus, TrackStep

PAYERS = ("cpam", "mutuelle")


class ClaimController(QObject):
    changed = Signal(int)  # claim id whose status changed
    document_requested = Signal(int)
    person_edit_requested = Signal(int, str)  # person id, the field to fix ('' for none)
    attach_requested = Signal(int, str)  # claim id, document kind wanted
    message = Signal(str)
    help_requested = Signal(str)  # the guide's section explaining a checklist item

    shown = Signal(int)  # claim id, once its status is drawn

    def __init__(self, view: ClaimView, ctx, workers, parent=None):
        super().__init__(parent)
        self.view = view
        self.ctx = ctx
        self.work = PaneWork(workers, view)
        self.claim_id: int | None = None
        self.status: ClaimStatus | None = None
        for payer in PAYERS:
            box = view.track(payer)
            box.mark_sent.clicked.connect(lambda _=False, p=payer: self.ask_mark_sent(p))
            box.record_payment.clicked.connect(lambda _=False, p=payer: self.ask_payment(p))
            box.rejected.clicked.connect(lambda _=False, p=payer: self.ask_rejected(p))
            box.undo.clicked.connect(lambda _=False, p=payer: self.undo(p))
            box.prepare_mailing.clicked.connect(lambda _=False, p=payer: self.prepare_mailing(p))
        view.edit.clicked.connect(self.ask_edit)
        view.documents.documents_dropped.connect(self.link_documents)
        view.documents.itemActivated.connect(
            lambda item: self.document_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        view.open_document.clicked.connect(self._open_selected)
        view.unlink.clicked.connect(self.ask_unlink_selected)
        view.attach_scan.clicked.connect(
            lambda: self.claim_id and self.attach_requested.emit(self.claim_id, "")
        )
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), view.documents)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.ask_unlink_selected)

    # Showing

    def show_claim(self, claim_id: int, then=None) -> None:
        """Read the claim's status on a worker, then draw it (and call ``then()``)."""
        lang = labels.current_language()  # read here: the installed translation

        def shown(status) -> None:
            self.status, self.claim_id = status, claim_id
            self._render()
            if then is not None:
                then()
            self.shown.emit(claim_id)

        self.work.read("claim", lambda ctx: tracking.claim_status(ctx, claim_id, lang=lang),
                       shown, self.tr("Cannot open this claim"))

    def reload(self) -> None:
        if self.claim_id is not None:
            self.show_claim(self.claim_id)

    def _render(self) -> None:
        s, view = self.status, self.view
        what = s.title or labels.category_text(s.category)
        view.title.setText(what)
        subtitle = [s.person or "", labels.day(s.care_date)]
        if s.amount_paid:
            subtitle.append(self.tr("paid %1").replace("%1", labels.money(s.amount_paid)))
        view.subtitle.setText(" · ".join(x for x in subtitle if x))
        view.summary.setText(self._summary_text())
        for payer in PAYERS:
            self._render_track(payer, s.tracks[payer])
        self._render_checklist(s.missing)
        view.documents.clear()
        for doc in s.documents:
            item = QListWidgetItem(f"{labels.kind_text(doc.kind)} — {doc.original_name}")
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            view.documents.addItem(item)
        has_docs = view.documents.count() > 0
        view.open_document.setEnabled(has_docs)
        view.unlink.setEnabled(has_docs)

    def _summary_text(self) -> str:
        s = self.status
        est = s.estimate
        lines = []
        for payer, who in (("cpam", self.tr("The CPAM")), ("mutuelle", self.tr("Your mutuelle"))):
            track = s.tracks[payer]
            expected, received = track.expected, track.received
            if track.state == "direct":
                lines.append(self.tr("%1 pays the professional directly.").replace("%1", who))
            elif track.state == "not_covered":
                lines.append(self.tr("%1 does not cover this care.").replace("%1", who))
            elif expected is None:
                lines.append(self.tr("%1: no estimate yet.").replace("%1", who))
            elif received and Decimal(received) > 0:
                lines.append(
                    self.tr("%1 should refund %2; %3 received.")
                    .replace("%1", who)
                    .replace("%2", labels.money(expected))
                    .replace("%3", labels.money(received))
                )
            else:
                lines.append(
                    self.tr("%1 should refund %2.").replace("%1", who).replace("%2", labels.money(expected))
                )
        if est.patient not in (None, ""):
            lines.append(self.tr("Left for you to pay: %1.").replace("%1", labels.money(est.patient)))
        return "\n".join(lines)

    def _render_track(self, payer: str, track: TrackStatus) -> None:
        box = self.view.track(payer)
        state = track.state
        box.state.setText(labels.state_text(state))
        parts = []
        if track.expected is not None:
            parts.append(self.tr("Expected: %1").replace("%1", labels.money(track.expected)))
        if track.received not in (None, "0.00"):
            parts.append(self.tr("Received: %1").replace("%1", labels.money(track.received)))
        if track.flag == "underpaid":
            parts.append(self.tr("less than expected"))
        elif track.flag == "overpaid":
            parts.append(self.tr("more than expected"))
        box.amounts.setText(" · ".join(parts))
        box.next_action.setText(track.next_action or "")
        deadline = ""
        if track.overdue and state == "sent":
            deadline = self.tr("⚠ Follow-up due since %1").replace("%1", labels.day(track.follow_up_on))
        elif track.deadline and track.deadline_status:
            text = {
                "passed": self.tr("⚠ The deadline to claim passed on %1"),
                "soon": self.tr("⚠ Claim before %1"),
                "ok": self.tr("Claim before %1"),
            }.get(track.deadline_status, "%1")
            deadline = text.replace("%1", labels.day(track.deadline))
        elif state == "sent" and track.follow_up_on:
            deadline = self.tr("Follow up on %1 if nothing arrives").replace(
                "%1", labels.day(track.follow_up_on)
            )
        box.deadline.setText(deadline)
        box.deadline.setStyleSheet("color: #b3261e;" if deadline.startswith("⚠") else "color: #555;")
        active = [h for h in track.history if not h.undone]
        box.history.setText(
            "\n".join(self._history_line(h) for h in active[-4:]) if active else ""
        )
        direct = state in ("direct", "not_covered")
        closed = state == "closed"
        # Sent electronically by the professional: there is no mailing to prepare.
        electronic = bool(active) and all(h.automatic for h in active)
        box.mark_sent.setEnabled(not direct and not closed and state not in ("paid",))
        box.record_payment.setEnabled(not direct and not closed)
        box.rejected.setEnabled(state == "sent")
        box.undo.setEnabled(any(not h.automatic for h in active))
        box.prepare_mailing.setEnabled(
            not direct and not closed and not electronic and state not in ("paid",)
        )

    def _history_line(self, h: TrackStep) -> str:
        if h.automatic:
            text = (
                self.tr("%1: sent electronically by the professional (carte Vitale)")
                if h.channel == "online"
                else self.tr("%1: told by the CPAM (NOEMIE) after it paid the professional")
            )
            return text.replace("%1", labels.day(h.date))
        line = (self.tr("%1: %2").replace("%1", labels.day(h.date or h.at))
                .replace("%2", labels.state_text(h.state)))
        if h.amount:
            line += f" {labels.money(h.amount)}"
        if h.channel:
            line += f" ({labels.channel_text(h.channel)})"
        if h.reason and h.state == "rejected":
            line += f" — {h.reason}"
        return line

    def _render_checklist(self, missing: tuple[ChecklistItem, ...]) -> None:
        view = self.view
        view.clear_checklist()
        if not missing:
            view.add_checklist_note(self.tr("✓ Nothing is missing."))
            return
        for item in missing:
            explanation, action_text = overview.missing_text(item)
            blocking = item.severity == "blocking"
            mark = self.tr("Needed") if blocking else self.tr("Check")
            text = explanation + (f"\n→ {action_text}" if action_text else "")
            action = item.action or ""
            topic = help_guide.topic_for(item)
            button = view.add_checklist_row(
                text, mark, blocking, self._fix_label(action), self.tr("Help"),
                lambda t=topic: self.help_requested.emit(t),
            )
            if button is not None:
                button.clicked.connect(lambda _=False, a=action: self.fix(a))

    def _fix_label(self, action: str) -> str | None:
        if action.startswith(("edit_person", "edit_insured")):
            return self.tr("Edit person…")
        if action.startswith("attach_document"):
            return self.tr("Attach a scan…")
        if action == "mark_signed":
            return self.tr("Mark signed")
        if action.startswith("complete_document") and self._document_of(action) is not None:
            return self.tr("Open the document")
        if action.startswith("edit_claim") or action.startswith("confirm"):
            return self.tr("Edit claim…")
        return None

    # Fixing what is missing

    def fix(self, action: str) -> None:
        if self.claim_id is None:
            return
        if action.startswith(("edit_person", "edit_insured")):
            # "edit_person:iban": the form opens on the tab and field the checklist names.
            kind, _sep, field = action.partition(":")
            person_id = self.status.person_id or 0
            if kind == "edit_insured" and person_id:
                def insured_of(ctx):
                    try:
                        return people.find_person(ctx, person_id).insured_id or person_id
                    except UserError:
                        return person_id

                self.work.read("person", insured_of,
                               lambda pid: self.person_edit_requested.emit(pid, field),
                               self.tr("Cannot open this person"))
                return
            self.person_edit_requested.emit(person_id, field)
        elif action.startswith("attach_document"):
            kind = action.split(":", 1)[1] if ":" in action else ""
            self.attach_requested.emit(self.claim_id, kind)
        elif action == "mark_signed":
            self.mark_signed()
        elif action.startswith("complete_document") and self._document_of(action) is not None:
            # The field may be on the paper but not read on the scan: it is typed in the pane.
            self.document_requested.emit(self._document_of(action))
        else:
            self.ask_edit()

    def _document_of(self, action: str) -> int | None:
        kind = action.split(":", 1)[1] if ":" in action else ""
        for doc in self.status.documents if self.status else ():
            if doc.kind == kind:
                return doc.id
        return None

    def mark_signed(self) -> None:
        sheets = [d for d in (self.status.documents if self.status else ()) if d.kind == "care_sheet"]
        if not sheets:
            show_error(
                self.view,
                self.tr("No care sheet"),
                self.tr("Attach the care sheet first, then mark it signed."),
            )
            return
        sheet_id, claim_id = sheets[0].id, self.claim_id
        self.work.write(
            lambda ctx: inbox.confirm_field(ctx, sheet_id, "signed", "yes"),
            lambda _doc: self._changed(claim_id, self.tr("The care sheet is marked signed.")),
            self.tr("Cannot mark it signed"),
        )

    # Payer steps: ask_* opens a dialog, the plain methods do the work (and are what tests call)

    def _payer_name(self, payer: str) -> str:
        return labels.payer_the(payer)

    def ask_mark_sent(self, payer: str) -> None:
        track = self.status.tracks[payer]
        warning = ""
        if track.state == "incomplete":
            warning = self.tr("Some papers are still missing for this payer. Record it anyway if you already sent it.")
        dialog = SentDialog(self._payer_name(payer), warning, self.view)
        self._ask(dialog, lambda values: self.mark_sent(payer, **values, dialog=dialog))

    def ask_payment(self, payer: str) -> None:
        track = self.status.tracks[payer]
        suggested = None
        if track.expected is not None:
            left = Decimal(track.expected) - Decimal(track.received or "0")
            suggested = str(left) if left > 0 else None
        dialog = PaymentDialog(self._payer_name(payer), suggested, self.view)
        self._ask(dialog, lambda values: self.record_payment(payer, **values, dialog=dialog))

    def ask_rejected(self, payer: str) -> None:
        dialog = RejectedDialog(self._payer_name(payer), self.view)
        self._ask(dialog, lambda values: self.mark_rejected(payer, **values, dialog=dialog))

    def prepare_mailing(self, payer: str) -> None:
        """The mailing to ``payer`` (gui/mailing.py, imported on first use); once it is sent,
        the claim shows its new state."""
        from desktop_app.gui.mailing import prepare_mailing as prepare

        if self.claim_id is None:
            return
        claim_id = self.claim_id

        def sent(*_args) -> None:
            if self.claim_id == claim_id:
                self.reload()
            self.message.emit(self.tr("Recorded: sent to %1.").replace("%1", self._payer_name(payer)))
            self.changed.emit(claim_id)

        prepare(self.view.window(), self.ctx, claim_id, payer, on_sent=sent)

    def _ask(self, dialog, record) -> None:
        """Show a step's dialog; what it records is saved on a worker, and a mistake in it
        brings the dialog back with the message beside what was typed."""
        if dialog.exec() == QDialog.DialogCode.Accepted:
            record(dialog.values())

    def _again(self, dialog, record):
        """What a refused step does: the dialog again, with the reason."""
        def show(exc: UserError) -> None:
            if dialog is None:
                show_error(self.view, self.tr("This step cannot be recorded"), exc)
                return
            dialog.show_error(message_of(exc))
            self._ask(dialog, record)
        return show

    def _step(self, work, message: str, dialog=None, record=None) -> None:
        claim_id = self.claim_id
        self.work.write(lambda ctx: work(ctx, claim_id),
                        lambda status: self._stepped(claim_id, status, message),
                        self.tr("This step cannot be recorded"),
                        on_user_error=self._again(dialog, record))

    def _stepped(self, claim_id: int, status: ClaimStatus, message: str) -> None:
        if self.claim_id == claim_id:
            self.status = status
            self._render()
        self.message.emit(message)
        self.changed.emit(claim_id)

    def mark_sent(self, payer: str, date=None, channel: str = "post", dialog=None) -> None:
        lang = labels.current_language()
        self._step(lambda ctx, cid: tracking.mark_sent(ctx, cid, payer, date=date, channel=channel,
                                                       lang=lang),
                   self.tr("Recorded: sent to %1.").replace("%1", self._payer_name(payer)),
                   dialog, lambda values: self.mark_sent(payer, **values, dialog=dialog))

    def record_payment(self, payer: str, amount, date=None, dialog=None) -> None:
        lang = labels.current_language()
        self._step(lambda ctx, cid: tracking.record_payment(ctx, cid, payer, amount, date=date,
                                                            lang=lang),
                   self.tr("Recorded: %1 paid %2.").replace("%1", self._payer_name(payer)).replace(
                       "%2", labels.money(amount)),
                   dialog, lambda values: self.record_payment(payer, **values, dialog=dialog))

    def mark_rejected(self, payer: str, reason: str, dialog=None) -> None:
        lang = labels.current_language()
        self._step(lambda ctx, cid: tracking.mark_rejected(ctx, cid, payer, reason, lang=lang),
                   self.tr("Recorded: %1 rejected the claim.").replace("%1", self._payer_name(payer)),
                   dialog, lambda values: self.mark_rejected(payer, **values, dialog=dialog))

    def undo(self, payer: str | None = None) -> bool:
        """Undo the last step of ``payer``, or the latest step of either payer (Ctrl+Z)."""
        if self.claim_id is None:
            return False
        payer = payer or self._latest_payer()
        if payer is None:
            self.message.emit(self.tr("Nothing to undo on this claim."))
            return False
        lang, claim_id = labels.current_language(), self.claim_id
        message = self.tr("Undone: the last %1 step.").replace("%1", self._payer_name(payer))
        self.work.write(lambda ctx: tracking.undo_last(ctx, claim_id, payer, lang=lang),
                        lambda status: self._stepped(claim_id, status, message),
                        self.tr("Cannot undo"))
        return True

    def _latest_payer(self) -> str | None:
        latest = None
        for payer in PAYERS:
            track = self.status.tracks.get(payer) if self.status else None
            for h in track.history if track else ():
                if not h.undone and (latest is None or h.id > latest[0]):
                    latest = (h.id, payer)
        return latest[1] if latest else None

    def _changed(self, claim_id: int, message: str | None = None) -> None:
        """A change saved on a worker: the claim is read again, the window told."""
        if self.claim_id == claim_id:
            self.reload()
        if message:
            self.message.emit(message)
        self.changed.emit(claim_id)

    # The claim itself

    def ask_edit(self) -> None:
        if self.claim_id is None:
            return
        claim_id = self.claim_id

        def read(ctx):
            return claims.claim_dict(ctx, claims.get_claim(ctx, claim_id)), overview.people_rows(ctx)

        def edit(loaded) -> None:
            claim, people_rows = loaded
            dialog = ClaimFormDialog(self.tr("Edit the claim"), people_rows, self.view)
            dialog.load(claim)

            def save(values) -> None:
                self.work.write(lambda ctx: claims.edit_claim(ctx, claim_id, **values),
                                lambda _claim: self._changed(claim_id),
                                self.tr("Cannot change this claim"),
                                on_user_error=self._again(dialog, save))

            self._ask(dialog, save)

        self.work.read("edit", read, edit, self.tr("Cannot open this claim"))

    # Documents

    def link_documents(self, document_ids: list[int]) -> None:
        if self.claim_id is None:
            return
        claim_id, ids = self.claim_id, list(document_ids)

        def link(ctx):
            linked, refused = 0, []
            for doc_id in ids:
                try:
                    claims.add_document(ctx, claim_id, doc_id)
                    linked += 1
                except UserError as exc:
                    refused.append(exc)
            return linked, refused

        def done(outcome) -> None:
            linked, refused = outcome
            for exc in refused:
                show_error(self.view, self.tr("Cannot attach this document"), exc)
            if linked:
                self._changed(claim_id, self.tr("%n document(s) attached.", "", linked))

        self.work.write(link, done, self.tr("Cannot attach this document"))

    def _selected_document(self) -> int | None:
        item = self.view.documents.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _open_selected(self) -> None:
        doc_id = self._selected_document()
        if doc_id is not None:
            self.document_requested.emit(doc_id)

    def ask_unlink_selected(self) -> None:
        doc_id = self._selected_document()
        if doc_id is None:
            return
        answer = QMessageBox.question(
            self.view,
            self.tr("Remove from the claim?"),
            self.tr("The document goes back to the inbox; it is not deleted."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.unlink(doc_id)

    def unlink(self, document_id: int) -> None:
        claim_id = self.claim_id
        self.work.write(lambda ctx: claims.remove_document(ctx, claim_id, document_id),
                        lambda _r: self._changed(claim_id, self.tr("The document is back in the inbox.")),
                        self.tr("Cannot remove this document"))
