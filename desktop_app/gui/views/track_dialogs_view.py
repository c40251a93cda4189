"""Small dialogs for a payer's step: sent, paid, rejected; and the claim form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from desktop_app.gui import labels
from desktop_app.gui.plain import PlainLabel

if TYPE_CHECKING:
    from desktop_app.services.overview import PersonRow


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class _Dialog(QDialog):
    def __init__(self, title: str, intro: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        if intro:
            text = PlainLabel(intro)
            text.setWordWrap(True)
            self.layout_.addWidget(text)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = PlainLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class SentDialog(_Dialog):
    def __init__(self, payer_name: str, warning: str = "", parent=None):
        super().__init__(self.tr("Sent to %1").replace("%1", payer_name), warning, parent)
        self.date = _date_edit()
        self.date.setAccessibleName(self.tr("Date sent"))
        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("How it was sent"))
        for channel in ("post", "online"):
            self.channel.addItem(labels.channel_text(channel), channel)
        self.form.addRow(self.tr("&Sent on"), self.date)
        self.form.addRow(self.tr("&How"), self.channel)
        self.finish_layout()

    def values(self) -> dict:
        return {"date": self.date.date().toString("yyyy-MM-dd"), "channel": self.channel.currentData()}


class PaymentDialog(_Dialog):
    def __init__(self, payer_name: str, suggested: str | None, parent=None):
        super().__init__(self.tr("Payment from %1").replace("%1", payer_name), "", parent)
        self.amount = QLineEdit(labels.money_typed(suggested))
        self.amount.setAccessibleName(self.tr("Amount received"))
        self.amount.setPlaceholderText("0,00")
        self.date = _date_edit()
        self.date.setAccessibleName(self.tr("Date of the payment"))
        self.form.addRow(self.tr("&Amount received (€)"), self.amount)
        self.form.addRow(self.tr("&Paid on"), self.date)
        self.finish_layout()

    def values(self) -> dict:
        return {"amount": labels.parse_money(self.amount.text()), "date": self.date.date().toString("yyyy-MM-dd")}


class RejectedDialog(_Dialog):
    def __init__(self, payer_name: str, parent=None):
        super().__init__(self.tr("%1 rejected the claim").replace("%1", payer_name[:1].upper() + payer_name[1:]), "", parent)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason given"))
        self.reason.setPlaceholderText(self.tr("e.g. prescription missing"))
        self.form.addRow(self.tr("&Reason given"), self.reason)
        self.finish_layout()

    def values(self) -> dict:
        return {"reason": self.reason.text().strip()}


class ClaimFormDialog(_Dialog):
    """A new claim or changes to one."""

    def __init__(self, title: str, people: list[PersonRow], parent=None):
        super().__init__(title, "", parent)
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Person"))
        for person in people:
            self.person.addItem(person.name, person.id)
        self.what = QLineEdit()
        self.what.setAccessibleName(self.tr("What it was"))
        self.what.setPlaceholderText(self.tr("e.g. Physiotherapy, Dr Martin"))
        self.care_date = _date_edit()
        self.care_date.setAccessibleName(self.tr("Care date"))
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Kind of care"))
        for key in labels.CATEGORY_TEXT:
            self.category.addItem(labels.category_text(key), key)
        self.paid = QLineEdit()
        self.paid.setAccessibleName(self.tr("Amount paid"))
        self.paid.setPlaceholderText("0,00")
        self.base = QLineEdit()
        self.base.setAccessibleName(self.tr("Base de remboursement"))
        self.base.setPlaceholderText(self.tr("if different from the amount paid"))
        self.tiers = QComboBox()
        self.tiers.setAccessibleName(self.tr("Tiers payant"))
        self.tiers.addItem(self.tr("No: I paid everything"), "none")
        self.tiers.addItem(self.tr("CPAM part paid directly"), "amo")
        self.tiers.addItem(self.tr("Everything paid directly"), "all")
        self.tiers.addItem(self.tr("Mutuelle part paid directly"), "amc")
        self.billing = QComboBox()
        self.billing.setAccessibleName(self.tr("How it was billed"))
        self.billing.addItem(self.tr("Decide from the papers attached"), "auto")
        self.billing.addItem(self.tr("Carte Vitale: the professional sent it"), "vitale")
        self.billing.addItem(self.tr("Paper care sheet that I post"), "paper")
        self.billing.addItem(self.tr("Tiers payant intégral: I paid nothing"), "tiers-payant-integral")
        self.billing.setToolTip(self.tr(
            "With the carte Vitale the professional sends the care sheet electronically and the "
            "CPAM refunds on its own: there is nothing to post."
        ))
        self.billing.currentIndexChanged.connect(self._billing_changed)
        self.units = QSpinBox()
        self.units.setRange(1, 1000)
        self.units.setAccessibleName(self.tr("Acts, boxes, trips or days"))
        self.units.setToolTip(self.tr(
            "How many acts, medicine boxes or trips, or days in hospital: the deductions count them."
        ))
        self.specialty = QComboBox()
        self.specialty.setAccessibleName(self.tr("Specialty"))
        self.specialty.addItem(self.tr("Not said"), "")
        for key, text in (
            ("gynaecology", self.tr("Gynaecology")),
            ("ophthalmology", self.tr("Ophthalmology")),
            ("stomatology", self.tr("Stomatology")),
            ("psychiatry", self.tr("Psychiatry")),
            ("other", self.tr("Another specialty")),
        ):
            self.specialty.addItem(text, key)
        self.parcours = QComboBox()
        self.parcours.setAccessibleName(self.tr("Care path"))
        self.parcours.addItem(self.tr("As the person's médecin traitant says"), "auto")
        self.parcours.addItem(self.tr("Within the care path (referred or médecin traitant)"), "no")
        self.parcours.addItem(self.tr("Outside the care path"), "yes")
        self.lpp = QLineEdit()
        self.lpp.setAccessibleName(self.tr("LPP code"))
        self.lpp.setPlaceholderText(self.tr("for a device: the 7-character code on the invoice"))
        self.lpp_tariff = QLineEdit()
        self.lpp_tariff.setAccessibleName(self.tr("LPP tariff"))
        self.lpp_tariff.setPlaceholderText(self.tr("only if Paperasse does not know the code"))
        self.lpp_tariff.setToolTip(self.tr(
            "The tariff the supplier printed beside the LPP code: Paperasse remembers it for "
            "this code, and the CPAM's refund is counted on it."
        ))
        self.basket = QCheckBox(self.tr("A 100 % santé basket (glasses, dental, hearing aids)"))
        self.ald = QCheckBox(self.tr("Related to a long-term illness (ALD)"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setMaximumHeight(70)
        self.notes.setTabChangesFocus(True)
        self.form.addRow(self.tr("&Person"), self.person)
        self.form.addRow(self.tr("&What"), self.what)
        self.form.addRow(self.tr("Care &date"), self.care_date)
        self.form.addRow(self.tr("&Kind of care"), self.category)
        self.form.addRow(self.tr("Amount &paid (€)"), self.paid)
        self.form.addRow(self.tr("&Base (€)"), self.base)
        self.form.addRow(self.tr("&Billed"), self.billing)
        self.form.addRow(self.tr("&Tiers payant"), self.tiers)
        self.form.addRow(self.tr("&Units"), self.units)
        self.form.addRow(self.tr("&Specialty"), self.specialty)
        self.form.addRow(self.tr("Care pat&h"), self.parcours)
        self.form.addRow(self.tr("&LPP code"), self.lpp)
        self.form.addRow(self.tr("LPP ta&riff (€)"), self.lpp_tariff)
        self.form.addRow("", self.basket)
        self.form.addRow("", self.ald)
        self.form.addRow(self.tr("&Notes"), self.notes)
        self.finish_layout()
        self.setMinimumWidth(420)

    def load(self, claim: dict) -> None:
        index = self.person.findData(claim.get("person_id"))
        if index >= 0:
            self.person.setCurrentIndex(index)
        self.person.setEnabled(False)
        self.what.setText(claim.get("title") or "")
        if claim.get("care_date"):
            self.care_date.setDate(QDate.fromString(claim["care_date"], "yyyy-MM-dd"))
        self.category.setCurrentIndex(max(0, self.category.findData(claim.get("category"))))
        self.paid.setText(labels.money_typed(claim.get("amount_paid")))
        self.base.setText(labels.money_typed(claim.get("base")))
        self.tiers.setCurrentIndex(max(0, self.tiers.findData(claim.get("tiers_payant"))))
        billing = claim.get("billing") or "auto"
        if billing == "vitale" and claim.get("tiers_payant") == "all":
            billing = "tiers-payant-integral"
        self.billing.setCurrentIndex(max(0, self.billing.findData(billing)))
        self.units.setValue(int(claim.get("units") or 1))
        self.specialty.setCurrentIndex(max(0, self.specialty.findData(claim.get("specialty") or "")))
        parcours = claim.get("out_of_parcours")
        self.parcours.setCurrentIndex(
            0 if parcours is None else self.parcours.findData("yes" if parcours else "no")
        )
        self.basket.setChecked(bool(claim.get("basket_100")))
        self.lpp.setText(", ".join(claim.get("lpp_codes") or []))
        self.ald.setChecked(bool(claim.get("ald")))
        self.notes.setPlainText(claim.get("notes") or "")

    def values(self) -> dict:
        return {
            "title": self.what.text(),
            "care_date": self.care_date.date().toString("yyyy-MM-dd"),
            "category": self.category.currentData(),
            "amount_paid": labels.parse_money(self.paid.text()),
            "base": labels.parse_money(self.base.text()),
            "tiers_payant": None if self._integral() else self.tiers.currentData(),
            "billing": self.billing.currentData(),
            "units": self.units.value(),
            "specialty": self.specialty.currentData(),
            "out_of_parcours": self.parcours.currentData(),
            "basket_100": "yes" if self.basket.isChecked() else "no",
            "lpp_codes": self.lpp.text(),
            "lpp_tariff": labels.parse_money(self.lpp_tariff.text()) or None,
            "ald": "yes" if self.ald.isChecked() else "no",
            "notes": self.notes.toPlainText(),
        }

    def _integral(self) -> bool:
        return self.billing.currentData() == "tiers-payant-integral"

    def _billing_changed(self) -> None:
        # Tiers payant intégral says what was paid directly: the tiers payant choice follows it.
        if self._integral():
            self.tiers.setCurrentIndex(self.tiers.findData("all"))
        self.tiers.setEnabled(not self._integral())

    def person_id(self):
        return self.person.currentData()
