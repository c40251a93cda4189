"""A carte Vitale visit entered in the window: nothing to post, the CPAM track waits on its own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.gui.views.track_dialogs_view import ClaimFormDialog
from desktop_app.services import claims


def _fill_new_claim(qtbot, monkeypatch, billing_steps: int, more=None):
    """The form opens, the user types into it and presses OK (the dialog is shown, not run in a
    nested event loop, so the test drives its real widgets directly)."""

    def exec_(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClicks(dialog.what, "Dr Martin")  # QTest types ASCII only
        qtbot.keyClicks(dialog.paid, "30,00")
        for _ in range(billing_steps):
            qtbot.keyClick(dialog.billing, Qt.Key.Key_Down)
        if more:
            more(dialog)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(ClaimFormDialog, "exec", exec_)


def test_a_carte_vitale_visit_needs_no_mailing(qtbot, monkeypatch, window, ctx, household):
    _fill_new_claim(qtbot, monkeypatch, 1)  # "Carte Vitale: the professional sent it"
    window.ask_new_claim()
    [claim] = [c for c in claims.list_claims(ctx) if c.title == "Dr Martin"]
    assert str(claim.billing) == "vitale" and claim.amount_paid == "30.00"
    box = window.claim_view.cpam
    qtbot.waitUntil(lambda: box.state.text() == "Sent, waiting", timeout=5000)
    assert "carte Vitale" in box.history.text()
    assert "Nothing to send" in box.next_action.text()
    assert not box.prepare_mailing.isEnabled()
    assert not box.undo.isEnabled()


def test_choosing_paper_asks_for_the_care_sheet(qtbot, monkeypatch, window, ctx, household):
    _fill_new_claim(qtbot, monkeypatch, 2)  # "Paper care sheet that I post"
    window.ask_new_claim()
    [claim] = [c for c in claims.list_claims(ctx) if c.title == "Dr Martin"]
    assert str(claim.billing) == "paper"
    box = window.claim_view.cpam
    qtbot.waitUntil(lambda: box.state.text() == "Missing papers", timeout=5000)
    assert box.prepare_mailing.isEnabled()


def test_a_device_code_and_its_tariff_typed_in_the_form(qtbot, monkeypatch, window, ctx, household):
    """A device whose LPP code Paperasse does not know: the user types the code and the tariff
    the supplier printed; the CPAM's refund is counted on it, and the code is remembered."""
    from desktop_app.services import lpp, tracking

    def device(dialog):
        dialog.category.setCurrentIndex(dialog.category.findData("lpp_device"))
        qtbot.keyClicks(dialog.lpp, "1180372")
        qtbot.keyClicks(dialog.lpp_tariff, "304,90")
        dialog.paid.clear()
        qtbot.keyClicks(dialog.paid, "304,90")

    _fill_new_claim(qtbot, monkeypatch, 0, device)
    window.ask_new_claim()
    [claim] = [c for c in claims.list_claims(ctx) if c.title == "Dr Martin"]
    assert claim.lpp_codes == ["1180372"]
    assert tracking.claim_status(ctx, claim.id).tracks["cpam"].expected == "182.94"
    assert lpp.table(ctx)["1180372"]["tariff"] == "304.90"
