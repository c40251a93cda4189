"""The claim pane's payer steps: sent, paid, rejected, undone, and the mailing, each saved off the UI thread."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QDialog

from desktop_app.core.errors import UserError
from desktop_app.gui import labels
from desktop_app.gui.controllers.claim_render import PAYERS
from desktop_app.gui.controllers.messages import message_of, show_error
from desktop_app.gui.lazy import tracking
from desktop_app.gui.views.track_dialogs_view import PaymentDialog, RejectedDialog, SentDialog
from desktop_app.services.results import ClaimStatus


class ClaimSteps:
    """A payer step asked for in a dialog and recorded on the pane's lane (a mixin of ClaimController)."""

    # ask_* opens a dialog, the plain methods do the work (and are what tests call)

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
