"""The person editor's layout: identity, health insurance, mutuelle, bank."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.plain import PlainLabel


def _check_label() -> QLabel:
    label = PlainLabel()
    label.setWordWrap(True)
    label.setStyleSheet("font-size: 9pt;")
    return label


def _form_on(page: QWidget) -> QFormLayout:
    """A tab's form, at the top of the tab: the tabs are as tall as the tallest (the guarantees
    table), and a shorter form's rows do not spread over the extra height."""
    column = QVBoxLayout(page)
    form = QFormLayout()
    column.addLayout(form)
    column.addStretch(1)
    return form


def _with_check(field: QWidget, check: QLabel) -> QWidget:
    """A field with its check message right under it, in the same form row: the message is
    read with the field it is about, never a row (or a dialog) away."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(check)
    return box


def _address() -> QPlainTextEdit:
    """An address: a few lines, and Tab goes on to the next field."""
    edit = QPlainTextEdit()
    edit.setMaximumHeight(60)
    edit.setTabChangesFocus(True)
    return edit


def _add_rows(form: QFormLayout, *rows) -> None:
    """Each (label, field) a row of the form, the label's shortcut going to the field; a third
    item is what the row shows instead of the bare field (the field with its check under it)."""
    for label, field, *shown in rows:
        label.setBuddy(field)
        form.addRow(label, shown[0] if shown else field)


class PersonView(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumWidth(480)
        # Fields shown but not editable here (a beneficiary's caisse) look it.
        self.setStyleSheet(
            'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] '
            "{ background: palette(window); }"
        )
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)

        identity = QWidget()
        form = _form_on(identity)
        self.name = QLineEdit()
        self.birth_date = QLineEdit()
        self.birth_check = _check_label()
        self.sex = QComboBox()
        self.nir = QLineEdit()
        self.nir.setPlaceholderText("1 85 07 75 115 234 32")
        self.nir_check = _check_label()
        self.insured = QComboBox()
        self.name_label, self.birth_label, self.sex_label = PlainLabel(), PlainLabel(), PlainLabel()
        self.nir_label, self.insured_label = PlainLabel(), PlainLabel()
        self.postal_address = _address()
        self.postal_address_label = PlainLabel()
        _add_rows(
            form,
            (self.name_label, self.name),
            (self.birth_label, self.birth_date, _with_check(self.birth_date, self.birth_check)),
            (self.sex_label, self.sex),
            (self.nir_label, self.nir, _with_check(self.nir, self.nir_check)),
            (self.insured_label, self.insured),
            (self.postal_address_label, self.postal_address),
        )
        self.tabs.addTab(identity, "")

        insurance = QWidget()
        form = _form_on(insurance)
        self.caisse_name = QLineEdit()
        self.caisse_code = QLineEdit()
        self.caisse_address = _address()
        self.regime = QComboBox()
        self.medecin_traitant = QCheckBox()
        self.ald = QCheckBox()
        self.css = QCheckBox()
        self.caisse_name_label, self.caisse_code_label = PlainLabel(), PlainLabel()
        self.caisse_address_label, self.regime_label = PlainLabel(), PlainLabel()
        _add_rows(
            form,
            (self.caisse_name_label, self.caisse_name),
            (self.caisse_code_label, self.caisse_code),
            (self.caisse_address_label, self.caisse_address),
            (self.regime_label, self.regime),
        )
        for box in (self.medecin_traitant, self.ald, self.css):
            form.addRow("", box)
        # For a beneficiary: the caisse and regime shown are the insured person's, read-only.
        self.insurance_note = _check_label()
        self.insurance_note.setStyleSheet("font-size: 9pt; color: #555;")
        self.insurance_note.hide()
        form.insertRow(0, self.insurance_note)
        self.tabs.addTab(insurance, "")

        mutuelle = QWidget()
        form = _form_on(mutuelle)
        self.mutuelle = QLineEdit()
        self.member_number = QLineEdit()
        self.mutuelle_address = _address()
        self.noemie = QCheckBox()
        self.responsable = QCheckBox()
        self.deadline_days = QSpinBox()
        self.deadline_days.setRange(0, 3650)
        self.guarantees = QTableWidget(0, 2)
        self.guarantees.verticalHeader().hide()
        self.guarantees.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.guarantees_check = _check_label()
        self.mutuelle_note = _check_label()
        self.mutuelle_note.setStyleSheet("font-size: 9pt; color: #555;")
        self.mutuelle_note.hide()
        self.mutuelle_label, self.member_label, self.mutuelle_address_label = PlainLabel(), PlainLabel(), PlainLabel()
        self.deadline_label, self.guarantees_label = PlainLabel(), PlainLabel()
        _add_rows(
            form,
            (self.mutuelle_label, self.mutuelle),
            (self.member_label, self.member_number),
            (self.mutuelle_address_label, self.mutuelle_address),
        )
        form.addRow("", self.noemie)
        form.addRow("", self.responsable)
        _add_rows(form, (self.deadline_label, self.deadline_days), (self.guarantees_label, self.guarantees))
        form.addRow("", self.guarantees_check)
        form.insertRow(0, self.mutuelle_note)
        self.tabs.addTab(mutuelle, "")

        bank = QWidget()
        form = _form_on(bank)
        self.iban = QLineEdit()
        self.iban.setPlaceholderText("FR76 …")
        self.iban_check = _check_label()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.iban_label, self.notes_label = PlainLabel(), PlainLabel()
        _add_rows(
            form,
            (self.iban_label, self.iban, _with_check(self.iban, self.iban_check)),
            (self.notes_label, self.notes),
        )
        self.tabs.addTab(bank, "")

        self.error = PlainLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout.addWidget(self.buttons)
        self.retranslate()

    def tab_of(self, widget: QWidget) -> int:
        """The index of the tab holding ``widget``."""
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(widget):
                return index
        return 0

    def set_read_only(self, widgets, read_only: bool) -> None:
        for widget in widgets:
            widget.setReadOnly(read_only)
            widget.style().unpolish(widget)  # the style sheet's [readOnly] rule, applied again
            widget.style().polish(widget)

    def retranslate(self) -> None:
        self.birth_date.setPlaceholderText(self.tr("DD/MM/YYYY"))
        self.tabs.setTabText(0, self.tr("Identity"))
        self.tabs.setTabText(1, self.tr("Health insurance"))
        self.tabs.setTabText(2, self.tr("Mutuelle"))
        self.tabs.setTabText(3, self.tr("Bank and notes"))
        pairs = (
            (self.name_label, self.name, self.tr("&Name")),
            (self.birth_label, self.birth_date, self.tr("&Birth date")),
            (self.sex_label, self.sex, self.tr("&Sex")),
            (self.nir_label, self.nir, self.tr("Social security &number (NIR)")),
            (self.insured_label, self.insured, self.tr("&Covered through")),
            (self.postal_address_label, self.postal_address, self.tr("Postal a&ddress")),
            (self.caisse_name_label, self.caisse_name, self.tr("CPAM / &caisse")),
            (self.caisse_code_label, self.caisse_code, self.tr("Caisse &code")),
            (self.caisse_address_label, self.caisse_address, self.tr("Caisse &address")),
            (self.regime_label, self.regime, self.tr("&Regime")),
            (self.mutuelle_label, self.mutuelle, self.tr("&Mutuelle")),
            (self.member_label, self.member_number, self.tr("Member n&umber")),
            (self.mutuelle_address_label, self.mutuelle_address, self.tr("Mutuelle a&ddress")),
            (self.deadline_label, self.deadline_days, self.tr("Contract's claim &deadline (days)")),
            (self.guarantees_label, self.guarantees, self.tr("&Guarantees")),
            (self.iban_label, self.iban, self.tr("&IBAN for refunds")),
            (self.notes_label, self.notes, self.tr("N&otes")),
        )
        for label, field, text in pairs:
            label.setText(text)
            field.setAccessibleName(text.replace("&", ""))
        self.medecin_traitant.setText(self.tr("Has declared a médecin traitant"))
        self.ald.setText(self.tr("Has a long-term illness (ALD)"))
        self.css.setText(self.tr("Has the Complémentaire santé solidaire (CSS)"))
        self.noemie.setText(self.tr("NOEMIE link: the CPAM forwards claims to the mutuelle"))
        self.responsable.setText(self.tr("Contrat responsable (almost every contract is)"))
        self.responsable.setToolTip(self.tr(
            "A contrat responsable covers the 100 % santé baskets and the hospital's daily charge, "
            "but never what the CPAM keeps when you are outside the care path."
        ))
        self.deadline_days.setSpecialValueText(self.tr("the legal 2 years"))
        self.guarantees.setHorizontalHeaderLabels([self.tr("Kind of care"), self.tr("Guarantee")])
        self.guarantees.setToolTip(self.tr("Write guarantees as on the contract: 100% BR, forfait:150, frais-reels"))
