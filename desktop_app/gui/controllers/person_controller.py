"""The person editor: identifiers checked as they are typed, saved through services.people."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.core import identifiers
from desktop_app.core.errors import UserError
from desktop_app.core.model import Regime
from desktop_app.gui import labels
from desktop_app.gui.controllers.pane_work import PaneWork
from desktop_app.gui.lazy import people
from desktop_app.gui.views.person_view import PersonView
from desktop_app.services.parsing import parse_date

OK_STYLE = "font-size: 9pt; color: #1e6b2c;"
BAD_STYLE = "font-size: 9pt; color: #b3261e;"
WARN_STYLE = "font-size: 9pt; color: #8a5a00;"


class PersonController(QObject):
    """Opens the editor for a new person (person_id None) or an existing one."""

    # The form's fields by the name a claim's checklist gives (completeness.json's action ids,
    # "edit_person:iban"): "Edit person…" opens the form on the tab and field to fix.
    FIELDS = {
        "name": "name", "birth_date": "birth_date", "sex": "sex", "nir": "nir",
        "insured": "insured", "postal_address": "postal_address",
        "caisse": "caisse_name", "caisse_name": "caisse_name", "caisse_code": "caisse_code",
        "caisse_address": "caisse_address", "regime": "regime",
        "medecin_traitant": "medecin_traitant", "ald": "ald", "css": "css",
        "mutuelle": "mutuelle", "member_number": "member_number",
        "mutuelle_address": "mutuelle_address", "noemie": "noemie", "guarantees": "guarantees",
        "iban": "iban", "notes": "notes",
    }

    def __init__(self, ctx, parent_widget, person_id: int | None = None, field: str | None = None,
                 workers=None):
        super().__init__(parent_widget)
        self.ctx = ctx
        # The form's few reads happen here (WAL: a reader never waits for a writer); saving is a
        # write, which may wait for the command line's lock, so it goes to the window's workers.
        self.work = PaneWork(workers, parent_widget) if workers is not None else None
        self.saving = False
        self.person_id = person_id
        self.saved_id: int | None = None
        self.focus_field = field
        self.view = PersonView(parent_widget)
        view = self.view
        self._own_insurance: dict | None = None  # this person's caisse fields, while hidden
        self._sex_chosen = False  # the user picked the sex: the NIR no longer fills it in
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
        self._others = {}
        for person in people.list_people(ctx):
            if person.id != person_id:
                self._others[person.name] = person
                view.insured.addItem(
                    self.tr("Beneficiary of %1").replace("%1", person.name), person.name
                )
        view.nir.textChanged.connect(self._nir_edited)
        view.nir.editingFinished.connect(self._format_nir)
        view.birth_date.textChanged.connect(self.check_nir)
        view.birth_date.textChanged.connect(self.check_birth_date)
        view.sex.currentIndexChanged.connect(self.check_nir)
        view.sex.activated.connect(self._sex_picked)
        for line in (view.name, view.birth_date, view.nir, view.iban, view.caisse_name,
                     view.caisse_code, view.mutuelle, view.member_number):
            line.textChanged.connect(self._hide_error)
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
        # Connected once the person is loaded: what they had stays theirs, shown or not.
        view.insured.currentIndexChanged.connect(self._insured_changed)
        self._insured_changed()
        self.check_nir()
        self.check_iban()
        self.focus(field)

    def focus(self, field: str | None) -> None:
        """Show the tab holding ``field`` (a name from FIELDS) and put the cursor in it."""
        widget = getattr(self.view, self.FIELDS.get(field or "", "name"))
        self.view.tabs.setCurrentIndex(self.view.tab_of(widget))
        widget.setFocus()

    def exec(self) -> int:
        self.focus(self.focus_field)
        return self.view.exec()

    def _hide_error(self, *_args) -> None:
        self.view.error.hide()

    def _load(self, p) -> None:
        v = self.view
        v.name.setText(p.name)
        v.birth_date.setText(p.birth_date.strftime("%d/%m/%Y") if p.birth_date else "")
        v.sex.setCurrentIndex(max(0, v.sex.findData(p.sex or "")))
        # A sex recorded apart from the NIR stays as recorded.
        self._sex_chosen = bool(p.sex) and p.sex != identifiers.sex_of_nir(p.nir)
        v.nir.setText(identifiers.format_nir(p.nir))
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

    # The insured person's insurance, shown to a beneficiary

    def _insured_changed(self, *_args) -> None:
        """A beneficiary's caisse and regime are the insured person's: shown read-only, with
        where they come from; their mutuelle is the insured's unless they have their own."""
        v = self.view
        insured = self._others.get(v.insured.currentData() or "")
        fields = (v.caisse_name, v.caisse_code, v.caisse_address)
        if insured is None:
            if self._own_insurance is not None:
                for line, text in zip(fields, self._own_insurance["texts"]):
                    line.setPlainText(text) if line is v.caisse_address else line.setText(text)
                v.regime.setCurrentIndex(self._own_insurance["regime"])
                self._own_insurance = None
            v.set_read_only(fields, False)
            v.regime.setEnabled(True)
            v.insurance_note.hide()
            v.mutuelle_note.hide()
            v.mutuelle.setPlaceholderText("")
            return
        if self._own_insurance is None:
            self._own_insurance = {
                "texts": [v.caisse_name.text(), v.caisse_code.text(),
                          v.caisse_address.toPlainText()],
                "regime": v.regime.currentIndex(),
            }
        v.caisse_name.setText(insured.caisse_name or "")
        v.caisse_code.setText(insured.caisse_code or "")
        v.caisse_address.setPlainText(insured.caisse_address or "")
        v.regime.setCurrentIndex(max(0, v.regime.findData(str(insured.regime))))
        v.set_read_only(fields, True)
        v.regime.setEnabled(False)
        v.insurance_note.setText(self.tr(
            "The caisse and the regime are those of %1, the insured person (read-only here): "
            "change them in %1's form."
        ).replace("%1", insured.name))
        v.insurance_note.show()
        if insured.mutuelle_name:
            v.mutuelle.setPlaceholderText(insured.mutuelle_name)
            v.mutuelle_note.setText(self.tr(
                "Left empty, %1's mutuelle is used: %2. Fill it in only if this person has a "
                "contract of their own."
            ).replace("%1", insured.name).replace("%2", insured.mutuelle_name))
        else:
            v.mutuelle.setPlaceholderText("")
            v.mutuelle_note.setText(self.tr(
                "Left empty, %1's mutuelle is used (none is recorded for %1 yet)."
            ).replace("%1", insured.name))
        v.mutuelle_note.show()

    # Live checks

    def _sex_picked(self, *_args) -> None:
        self._sex_chosen = True

    def _nir_edited(self, *_args) -> None:
        """The NIR's first digit gives the sex (1 a man, 2 a woman) unless the user chose it."""
        v = self.view
        sex = identifiers.sex_of_nir(v.nir.text())
        if sex and not self._sex_chosen and v.sex.currentData() != sex:
            v.sex.setCurrentIndex(max(0, v.sex.findData(sex)))
        self.check_nir()

    def _format_nir(self) -> None:
        """A valid NIR is shown grouped as on the carte Vitale once the user leaves the field."""
        v = self.view
        text = v.nir.text()
        if text.strip() and identifiers.check_nir(text).ok:
            grouped = identifiers.format_nir(text)
            if grouped != text:
                v.nir.setText(grouped)

    def check_birth_date(self, *_args) -> bool:
        v = self.view
        text = v.birth_date.text().strip()
        if not text:
            v.birth_check.setText("")
            v.birth_check.hide()
            return True
        try:
            parse_date(text, "birth date")
        except UserError:
            v.birth_check.setStyleSheet(BAD_STYLE)
            v.birth_check.setText("✗ " + self.tr("Not a date: type it as DD/MM/YYYY, e.g. 04/07/1985"))
            v.birth_check.show()
            return False
        v.birth_check.setText("")
        v.birth_check.hide()
        return True

    def _birth_date(self):
        try:
            return parse_date(self.view.birth_date.text(), "birth date")
        except UserError:
            return None

    def check_nir(self, *_args) -> bool:
        v = self.view
        text = v.nir.text().strip()
        v.nir_check.setVisible(bool(text))
        if not text:
            v.nir_check.setText("")
            return True
        check = identifiers.check_nir(text, self._birth_date(), v.sex.currentData() or None)
        if check.errors:
            v.nir_check.setStyleSheet(BAD_STYLE)
            v.nir_check.setText("✗ " + "; ".join(check.texts("error", labels.current_language())))
            return False
        if check.warnings:
            v.nir_check.setStyleSheet(WARN_STYLE)
            v.nir_check.setText("⚠ " + "; ".join(check.texts("warning", labels.current_language())))
        else:
            v.nir_check.setStyleSheet(OK_STYLE)
            v.nir_check.setText("✓ " + self.tr("valid number"))
        return True

    def check_iban(self, *_args) -> bool:
        v = self.view
        text = v.iban.text().strip()
        v.iban_check.setVisible(bool(text))
        if not text:
            v.iban_check.setText("")
            return True
        check = identifiers.check_iban(text)
        if check.errors:
            v.iban_check.setStyleSheet(BAD_STYLE)
            v.iban_check.setText("✗ " + "; ".join(check.texts("error", labels.current_language())))
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
        beneficiary = bool(v.insured.currentData())
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
        if beneficiary:
            # Shown from the insured person, read-only: this person's own record is left as it is.
            for key in ("caisse_name", "caisse_code", "caisse_address", "regime"):
                values.pop(key)
        if guarantees:
            values["guarantees"] = guarantees
        if v.deadline_days.value():
            values["mutuelle_deadline_days"] = v.deadline_days.value()
        if self.person_id is None:
            values = {k: x for k, x in values.items() if x not in ("", None)}
        return values

    def save(self) -> bool:
        # A field found wrong is shown with its message under it, the cursor in it.
        for ok, field in ((self.check_birth_date(), "birth_date"), (self.check_nir(), "nir"),
                          (self.check_iban(), "iban"), (self.check_guarantees(), "guarantees")):
            if not ok:
                self.focus(field)
                return False
        if self.saving:
            return False
        values, person_id = self.values(), self.person_id

        def write(ctx):
            if person_id is None:
                return people.add_person(ctx, **values)
            return people.edit_person(ctx, person_id, **values)

        if self.work is None:
            try:
                result = write(self.ctx)
            except UserError as exc:
                self._refused(exc)
                return False
            self._saved(result)
            return True
        self._set_saving(True)
        self.work.write(write, self._saved, self.tr("The person could not be saved"),
                        on_user_error=self._refused)
        return True

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.view.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not saving)

    def _saved(self, result) -> None:
        self._set_saving(False)
        self.saved_id = result.person.id
        self.view.accept()

    def _refused(self, exc: UserError) -> None:
        self._set_saving(False)
        self.view.error.setText(exc.text(labels.current_language()))
        self.view.error.show()
