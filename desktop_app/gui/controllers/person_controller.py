"""The person editor: identifiers checked as they are typed, saved through services.people."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop_app.core import identifiers
from desktop_app.core.errors import UserError
from desktop_app.core.model import Regime
from desktop_app.gui import labels
from desktop_app.gui.views.person_view import PersonView
from desktop_app.gui.lazy import people
from desktop_app.services.parsing import parse_date

OK_STYLE = "font-size: 9pt; color: #1e6b2c;"
BAD_STYLE = "font-size: 9pt; color: #b3261e;"
WARN_STYLE = "font-size: 9pt; color: #8a5a00;"


class PersonController(QObject):
    """Opens the editor for a new person (person_id None) or an existing one."""

    def __init__(self, ctx, parent_widget, person_id: int | None = None):
        super().__init__(parent_widget)
        self.ctx = ctx
        self.person_id = person_id
        self.saved_id: int | None = None
        self.view = PersonView(parent_widget)
        view = self.view
        view.sex.addItem(self.tr("Not given"), "")
        view.sex.addItem(self.tr("Woman"), "F")
        view.sex.addItem(self.tr("Man"), "M")
        names = {
            "general": self.tr("General regime"),
            "alsace_moselle": self.tr("Alsace-Moselle"),
            "other": self.tr("Other regime"),
        }
        for value in Regime.values():
            view.regime.addItem(names.get(value, value), value)
        view.insured.addItem(self.tr("Insured in their own name"), "")
        for person in people.list_people(ctx):
            if person.id != person_id:
                view.insured.addItem(
                    self.tr("Beneficiary of %1").replace("%1", person.name), person.name
                )
        view.nir.textChanged.connect(self.check_nir)
        view.birth_date.textChanged.connect(self.check_nir)
        view.sex.currentIndexChanged.connect(self.check_nir)
        view.iban.textChanged.connect(self.check_iban)
        view.guarantees.itemChanged.connect(self.check_guarantees)
        view.buttons.accepted.connect(self.save)
        view.buttons.rejected.connect(view.reject)
        self._fill_guarantees({})
        if person_id is not None:
            self._load(people.find_person(ctx, person_id))
            view.setWindowTitle(self.tr("Edit a person"))
        else:
            view.setWindowTitle(self.tr("Add a person"))
        self.check_nir()
        self.check_iban()

    def exec(self) -> int:
        self.view.name.setFocus()
        return self.view.exec()

    def _load(self, p) -> None:
        v = self.view
        v.name.setText(p.name)
        v.birth_date.setText(p.birth_date.strftime("%d/%m/%Y") if p.birth_date else "")
        v.sex.setCurrentIndex(max(0, v.sex.findData(p.sex or "")))
        v.nir.setText(p.nir or "")
        if p.insured_id:
            insured = people.find_person(self.ctx, p.insured_id)
            v.insured.setCurrentIndex(max(0, v.insured.findData(insured.name)))
        v.caisse_name.setText(p.caisse_name or "")
        v.caisse_code.setText(p.caisse_code or "")
        v.caisse_address.setPlainText(p.caisse_address or "")
        v.postal_address.setPlainText(p.postal_address or "")
        v.regime.setCurrentIndex(max(0, v.regime.findData(str(p.regime))))
        v.medecin_traitant.setChecked(p.medecin_traitant)
        v.ald.setChecked(p.ald)
        v.css.setChecked(p.css)
        v.mutuelle.setText(p.mutuelle_name or "")
        v.member_number.setText(p.mutuelle_member_number or "")
        v.mutuelle_address.setPlainText(p.mutuelle_address or "")
        v.noemie.setChecked(p.noemie)
        v.responsable.setChecked(p.contrat_responsable)
        v.deadline_days.setValue(p.mutuelle_deadline_days or 0)
        v.iban.setText(p.iban or "")
        v.notes.setPlainText(p.notes or "")
        self._fill_guarantees(p.mutuelle_guarantees)

    def _fill_guarantees(self, guarantees: dict) -> None:
        table = self.view.guarantees
        table.blockSignals(True)
        table.setRowCount(len(labels.CATEGORY_TEXT))
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QTableWidgetItem

        for row, key in enumerate(labels.CATEGORY_TEXT):
            name = QTableWidgetItem(labels.category_text(key))
            name.setData(Qt.ItemDataRole.UserRole, key)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(row, 0, name)
            table.setItem(row, 1, QTableWidgetItem(guarantees.get(key, "")))
        table.blockSignals(False)

    # Live checks

    def _birth_date(self):
        try:
            return parse_date(self.view.birth_date.text(), "birth date")
        except UserError:
            return None

    def check_nir(self, *_args) -> bool:
        v = self.view
        text = v.nir.text().strip()
        if not text:
            v.nir_check.setText("")
            return True
        check = identifiers.check_nir(text, self._birth_date(), v.sex.currentData() or None)
        if check.errors:
            v.nir_check.setStyleSheet(BAD_STYLE)
            v.nir_check.setText("✗ " + "; ".join(check.errors))
            return False
        if check.warnings:
            v.nir_check.setStyleSheet(WARN_STYLE)
            v.nir_check.setText("⚠ " + "; ".join(check.warnings))
        else:
            v.nir_check.setStyleSheet(OK_STYLE)
            v.nir_check.setText("✓ " + self.tr("valid number"))
        return True

    def check_iban(self, *_args) -> bool:
        v = self.view
        text = v.iban.text().strip()
        if not text:
            v.iban_check.setText("")
            return True
        check = identifiers.check_iban(text)
        if check.errors:
            v.iban_check.setStyleSheet(BAD_STYLE)
            v.iban_check.setText("✗ " + "; ".join(check.errors))
            return False
        v.iban_check.setStyleSheet(OK_STYLE)
        v.iban_check.setText("✓ " + self.tr("valid IBAN"))
        return True

    def check_guarantees(self, *_args) -> bool:
        from desktop_app.core.rules.guarantee import parse_guarantee

        problems = []
        for row in range(self.view.guarantees.rowCount()):
            item = self.view.guarantees.item(row, 1)
            try:
                parse_guarantee(item.text() if item else "")
            except UserError as exc:
                problems.append(f"{self.view.guarantees.item(row, 0).text()}: {exc}")
        self.view.guarantees_check.setStyleSheet(BAD_STYLE if problems else OK_STYLE)
        self.view.guarantees_check.setText("\n".join(problems))
        return not problems

    # Saving

    def values(self) -> dict:
        v = self.view
        from PySide6.QtCore import Qt

        guarantees = {}
        for row in range(v.guarantees.rowCount()):
            key = v.guarantees.item(row, 0).data(Qt.ItemDataRole.UserRole)
            item = v.guarantees.item(row, 1)
            # An emptied cell removes that guarantee.
            guarantees[key] = item.text().strip() if item else ""
        values = {
            "name": v.name.text(),
            "birth_date": v.birth_date.text(),
            "sex": v.sex.currentData(),
            "nir": v.nir.text(),
            "beneficiary_of": v.insured.currentData(),
            "caisse_name": v.caisse_name.text(),
            "caisse_code": v.caisse_code.text(),
            "caisse_address": v.caisse_address.toPlainText(),
            "postal_address": v.postal_address.toPlainText(),
            "regime": v.regime.currentData(),
            "medecin_traitant": v.medecin_traitant.isChecked(),
            "ald": v.ald.isChecked(),
            "css": v.css.isChecked(),
            "mutuelle": v.mutuelle.text(),
            "mutuelle_member_number": v.member_number.text(),
            "mutuelle_address": v.mutuelle_address.toPlainText(),
            "noemie": v.noemie.isChecked(),
            "contrat_responsable": v.responsable.isChecked(),
            "iban": v.iban.text(),
            "notes": v.notes.toPlainText(),
        }
        if guarantees:
            values["guarantees"] = guarantees
        if v.deadline_days.value():
            values["mutuelle_deadline_days"] = v.deadline_days.value()
        if self.person_id is None:
            values = {k: x for k, x in values.items() if x not in ("", None)}
        return values

    def save(self) -> bool:
        if not self.check_guarantees():
            self.view.tabs.setCurrentIndex(2)
            return False
        try:
            if self.person_id is None:
                result = people.add_person(self.ctx, **self.values())
            else:
                result = people.edit_person(self.ctx, self.person_id, **self.values())
        except UserError as exc:
            self.view.error.setText(str(exc))
            self.view.error.show()
            return False
        self.saved_id = result.person.id
        self.view.accept()
        return True
