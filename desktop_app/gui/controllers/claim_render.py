"""The claim pane drawn: its summary, each payer's track with its steps, and the checklist."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem

from desktop_app.gui import help_guide, labels
from desktop_app.services import overview
from desktop_app.services.results import ChecklistItem, TrackStatus, TrackStep

PAYERS = ("cpam", "mutuelle")


class ClaimRendering:
    """What the pane shows of a claim's status (a mixin of ClaimController)."""

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
