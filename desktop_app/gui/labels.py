"""Words and numbers as the user reads them: track states, kinds, categories, money, dates."""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QLocale

from desktop_app.core import confidence, formatting

# Written out so that lupdate sees each string; looked up at display time in the current language.
STATE_TEXT = {
    "pending": lambda: QCoreApplication.translate("Labels", "Not sent yet"),
    "incomplete": lambda: QCoreApplication.translate("Labels", "Missing papers"),
    "ready": lambda: QCoreApplication.translate("Labels", "Ready to send"),
    "sent": lambda: QCoreApplication.translate("Labels", "Sent, waiting"),
    "paid": lambda: QCoreApplication.translate("Labels", "Paid"),
    "rejected": lambda: QCoreApplication.translate("Labels", "Rejected"),
    "closed": lambda: QCoreApplication.translate("Labels", "Done"),
    "direct": lambda: QCoreApplication.translate("Labels", "Paid directly"),
    "not_covered": lambda: QCoreApplication.translate("Labels", "Nothing to claim"),
}

KIND_TEXT = {
    "prescription": lambda: QCoreApplication.translate("Labels", "Prescription"),
    "care_sheet": lambda: QCoreApplication.translate("Labels", "Care sheet"),
    "invoice": lambda: QCoreApplication.translate("Labels", "Invoice"),
    "statement": lambda: QCoreApplication.translate("Labels", "Statement"),
    "receipt": lambda: QCoreApplication.translate("Labels", "Practitioner's receipt"),
    "pharmacy_receipt": lambda: QCoreApplication.translate("Labels", "Pharmacy receipt"),
    "attestation_droits": lambda: QCoreApplication.translate("Labels", "Attestation de droits"),
    "mutuelle_card": lambda: QCoreApplication.translate("Labels", "Mutuelle card"),
    "rib": lambda: QCoreApplication.translate("Labels", "RIB (bank details)"),
    "other": lambda: QCoreApplication.translate("Labels", "Other document"),
}

CATEGORY_TEXT = {
    "consultation": lambda: QCoreApplication.translate("Labels", "Doctor's visit"),
    "specialist": lambda: QCoreApplication.translate("Labels", "Specialist"),
    "midwife": lambda: QCoreApplication.translate("Labels", "Midwife"),
    "physiotherapy": lambda: QCoreApplication.translate("Labels", "Physiotherapy"),
    "nursing": lambda: QCoreApplication.translate("Labels", "Nursing care"),
    "speech_therapy": lambda: QCoreApplication.translate("Labels", "Speech therapy"),
    "paramedical": lambda: QCoreApplication.translate("Labels", "Other paramedical care"),
    "lab": lambda: QCoreApplication.translate("Labels", "Lab tests"),
    "radiology": lambda: QCoreApplication.translate("Labels", "Radiology"),
    "dental": lambda: QCoreApplication.translate("Labels", "Dental care"),
    "optics": lambda: QCoreApplication.translate("Labels", "Glasses and lenses"),
    "hearing": lambda: QCoreApplication.translate("Labels", "Hearing aids"),
    "pharmacy": lambda: QCoreApplication.translate("Labels", "Pharmacy"),
    "lpp_device": lambda: QCoreApplication.translate("Labels", "Medical device"),
    "hospital": lambda: QCoreApplication.translate("Labels", "Hospital"),
    "hospital_psychiatry": lambda: QCoreApplication.translate("Labels", "Psychiatric hospital"),
    "transport": lambda: QCoreApplication.translate("Labels", "Taxi, VSL or ambulance"),
    "transport_personal": lambda: QCoreApplication.translate("Labels", "Own car or public transport"),
    "other": lambda: QCoreApplication.translate("Labels", "Other care"),
}

FIELD_TEXT = {
    "patient_name": lambda: QCoreApplication.translate("Labels", "Patient"),
    "nir": lambda: QCoreApplication.translate("Labels", "Social security number"),
    "insured_nir": lambda: QCoreApplication.translate("Labels", "Insured person's number"),
    "birth_date": lambda: QCoreApplication.translate("Labels", "Birth date"),
    "patient_birth_date": lambda: QCoreApplication.translate("Labels", "Patient's birth date"),
    "date": lambda: QCoreApplication.translate("Labels", "Date"),
    "care_date": lambda: QCoreApplication.translate("Labels", "Care date"),
    "statement_date": lambda: QCoreApplication.translate("Labels", "Statement date"),
    "total_amount": lambda: QCoreApplication.translate("Labels", "Total amount"),
    "total_paid": lambda: QCoreApplication.translate("Labels", "Amount paid"),
    "prescriber_name": lambda: QCoreApplication.translate("Labels", "Prescriber"),
    "prescriber_rpps": lambda: QCoreApplication.translate("Labels", "Prescriber's RPPS number"),
    "supplier": lambda: QCoreApplication.translate("Labels", "Supplier"),
    "invoice_number": lambda: QCoreApplication.translate("Labels", "Invoice number"),
    "payer": lambda: QCoreApplication.translate("Labels", "Paid by"),
    "lines": lambda: QCoreApplication.translate("Labels", "Lines"),
    "reference": lambda: QCoreApplication.translate("Labels", "Reference"),
    "practitioner": lambda: QCoreApplication.translate("Labels", "Practitioner"),
    "practitioner_name": lambda: QCoreApplication.translate("Labels", "Practitioner"),
    "caisse": lambda: QCoreApplication.translate("Labels", "Caisse (CPAM)"),
    "member_number": lambda: QCoreApplication.translate("Labels", "Member number"),
    "amc_number": lambda: QCoreApplication.translate("Labels", "Mutuelle's AMC number"),
    "organisation": lambda: QCoreApplication.translate("Labels", "Mutuelle"),
    "provider": lambda: QCoreApplication.translate("Labels", "Provider"),
    "rpps": lambda: QCoreApplication.translate("Labels", "RPPS number"),
    "adeli": lambda: QCoreApplication.translate("Labels", "ADELI number"),
    "siret": lambda: QCoreApplication.translate("Labels", "SIRET number"),
    "lpp_code": lambda: QCoreApplication.translate("Labels", "LPP code"),
    "lpp_codes": lambda: QCoreApplication.translate("Labels", "LPP codes"),
    "items": lambda: QCoreApplication.translate("Labels", "Items"),
    "signed": lambda: QCoreApplication.translate("Labels", "Signed"),
    "ald": lambda: QCoreApplication.translate("Labels", "Long-term illness (ALD)"),
    "renewable": lambda: QCoreApplication.translate("Labels", "Renewable"),
}

CHANNEL_TEXT = {
    "post": lambda: QCoreApplication.translate("Labels", "By post"),
    "online": lambda: QCoreApplication.translate("Labels", "Online"),
    "noemie": lambda: QCoreApplication.translate("Labels", "Forwarded by the CPAM (NOEMIE)"),
}


def _lookup(table: dict, key) -> str:
    maker = table.get(str(key) if key is not None else "")
    return maker() if maker else str(key or "")


def state_text(state: str | None) -> str:
    return _lookup(STATE_TEXT, state or "pending")


def kind_text(kind: str | None) -> str:
    return _lookup(KIND_TEXT, kind or "other")


def category_text(category: str | None) -> str:
    return _lookup(CATEGORY_TEXT, category or "other")


def field_text(name: str) -> str:
    maker = FIELD_TEXT.get(name)
    return maker() if maker else name.replace("_", " ").capitalize()


def payer_text(payer: str) -> str:
    """'CPAM' / 'Mutuelle': the payer in a list or a column (core/formatting.py)."""
    return formatting.payer(payer, current_language(), "title")


def payer_in_sentence(payer: str) -> str:
    """'CPAM' / 'mutuelle': the name as it reads inside a sentence."""
    return formatting.payer(payer, current_language(), "name")


def payer_the(payer: str, capital: bool = False) -> str:
    """'the CPAM' / 'la CPAM', 'the mutuelle' / 'la mutuelle': the payer with its article, as
    titles and sentences name it ('Paiement de la CPAM', 'Envoyé à la mutuelle')."""
    text = formatting.payer(payer, current_language(), "the")
    return text[:1].upper() + text[1:] if capital else text


def parse_money(text) -> str:
    """What the user typed ('182,94', '182.94', '1 234,50 €') as '182.94' for the services;
    left as typed when it is no amount, so the service names the mistake."""
    from desktop_app.core.errors import UserError
    from desktop_app.services.parsing import parse_amount

    try:
        value = parse_amount(text)
    except UserError:
        return str(text).strip()
    return "" if value is None else str(value)


def money_typed(value) -> str:
    """An amount put in a box for the user to edit: '182,94' in French, '182.94' in English."""
    return formatting.typed(value, current_language())


def channel_text(channel: str | None) -> str:
    return _lookup(CHANNEL_TEXT, channel) if channel else ""


def current_language() -> str:
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def money(value, empty: str = "") -> str:
    """'€182.94' in English, '182,94 €' in French (core/formatting.py); an amount as the user
    typed it ('182,94') is read first."""
    if value in (None, ""):
        return empty
    try:
        Decimal(str(value))
    except InvalidOperation:
        typed = parse_money(value)
        try:
            Decimal(typed)
        except InvalidOperation:
            return str(value)
        value = typed
    return formatting.money(value, current_language(), empty)


def day(value, empty: str = "") -> str:
    """A date the way people write it: 04/07/2025 in French, 4 Jul 2025 in English."""
    return formatting.day(value or None, current_language(), "short", empty)


# The intake's confidence is calibrated (resources/intake/calibration.json): at 0.8 or more a value
# was right at least 99 times in 100 on papers the reader was not tuned on; under 0.5 it is a
# suggestion. The window says "sure" only where that promise holds, whatever the value was read
# from (OCR or a PDF's text layer: the text is exact, which field it belongs to is not).
SURE, SUGGESTION = confidence.SURE, confidence.SUGGESTION


def confidence_text(confidence: float | None, source: str) -> str:
    if source == "user":
        return QCoreApplication.translate("Labels", "typed by you")
    pdf = source == "text"
    if confidence is None:
        return (QCoreApplication.translate("Labels", "read from the PDF") if pdf
                else QCoreApplication.translate("Labels", "read by OCR"))
    percent = str(round(confidence * 100))
    if confidence >= SURE:
        text = (QCoreApplication.translate("Labels", "read from the PDF, sure (%1 %)") if pdf
                else QCoreApplication.translate("Labels", "read by OCR, sure (%1 %)"))
    elif confidence >= SUGGESTION:
        text = (QCoreApplication.translate("Labels", "read from the PDF, fairly sure (%1 %)") if pdf
                else QCoreApplication.translate("Labels", "read by OCR, fairly sure (%1 %)"))
    else:
        text = (QCoreApplication.translate("Labels", "a guess from the PDF (%1 %): check it") if pdf
                else QCoreApplication.translate("Labels", "a guess by OCR (%1 %): check it"))
    return text.replace("%1", percent)


def confidence_level(confidence: float | None, source: str) -> str:
    """'high', 'medium' or 'low': picks the colour that goes with the words above."""
    if source == "user":
        return "high"
    if confidence is None or confidence < SUGGESTION:
        return "low"
    return "high" if confidence >= SURE else "medium"


BACKUP_REASON_TEXT = {
    "manual": lambda: QCoreApplication.translate("Labels", "Made by you"),
    "auto": lambda: QCoreApplication.translate("Labels", "Daily copy"),
    "before-restore": lambda: QCoreApplication.translate("Labels", "Safety copy before a restore"),
    "before-import": lambda: QCoreApplication.translate("Labels", "Safety copy before an import"),
    "before-migration": lambda: QCoreApplication.translate("Labels", "Before an update of Paperasse"),
    "unknown": lambda: QCoreApplication.translate("Labels", "Unknown"),
}


def backup_reason_text(reason: str | None) -> str:
    return _lookup(BACKUP_REASON_TEXT, reason or "unknown")


def moment(value, empty: str = "") -> str:
    """A date and a time of day: '4 Jul 2025, 14:05' / '04/07/2025 à 14:05'."""
    if not value:
        return empty
    try:
        stamp = value if isinstance(value, _dt.datetime) else _dt.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return (
        QCoreApplication.translate("Labels", "%1, %2")
        .replace("%1", day(stamp.date()))
        .replace("%2", stamp.strftime("%H:%M"))
    )


def size_text(size: int | None) -> str:
    """Bytes as people read them: '840 KB', '12.5 MB' ('12,5 Mo' in French)."""
    size = int(size or 0)
    french = current_language() == "fr"
    units = ("o", "Ko", "Mo", "Go") if french else ("B", "KB", "MB", "GB")
    value, unit = float(size), 0
    while value >= 1000 and unit < len(units) - 1:
        value /= 1000
        unit += 1
    text = f"{value:.0f}" if unit == 0 or value >= 100 else f"{value:.1f}"
    return (text.replace(".", ",") if french else text) + "\u00a0" + units[unit]


def counts_text(counts: dict) -> str:
    """'2 people, 3 claims, 5 documents' from {"people": 2, "claims": 3, "documents": 5}."""
    people = int(counts.get("people") or 0)
    claims = int(counts.get("claims") or 0)
    documents = int(counts.get("documents") or 0)
    return ", ".join((
        QCoreApplication.translate("Labels", "%n person(s)", "", people),
        QCoreApplication.translate("Labels", "%n claim(s)", "", claims),
        QCoreApplication.translate("Labels", "%n document(s)", "", documents),
    ))


def breakable(name: str) -> str:
    """A file name a word-wrapped label may break after its ``_``, ``-`` and ``.``: without a
    space, "feuille_de_soins_juin.pdf" would run past the edge of a narrow pane."""
    return re.sub(r"([_.\-])(?=.)", "\\1\u200b", name)
