"""The household's records: people, documents with their fields, and claims."""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field
from enum import Enum


class StrEnum(str, Enum):
    # Hash like the plain string, so a member finds dict entries keyed by its value.
    __hash__ = str.__hash__

    def __str__(self) -> str:
        return self.value

    @classmethod
    def values(cls) -> list[str]:
        return [m.value for m in cls]


class DocumentKind(StrEnum):
    PRESCRIPTION = "prescription"
    CARE_SHEET = "care_sheet"
    INVOICE = "invoice"
    STATEMENT = "statement"
    ATTESTATION_DROITS = "attestation_droits"
    RIB = "rib"
    RECEIPT = "receipt"  # a practitioner's note d'honoraires, reçu or quittance
    PHARMACY_RECEIPT = "pharmacy_receipt"
    MUTUELLE_CARD = "mutuelle_card"  # carte de tiers payant
    OTHER = "other"


# The reader (desktop_app/intake) names some kinds its own way; the household keeps them under
# the kind it already had.
KIND_READ_AS = {"rights_certificate": DocumentKind.ATTESTATION_DROITS}


def kind_of_reading(kind: str) -> str:
    """The household's kind for a kind the reader gave."""
    return str(KIND_READ_AS.get(kind, kind))


class Regime(StrEnum):
    GENERAL = "general"
    ALSACE_MOSELLE = "alsace_moselle"
    OTHER = "other"


class Category(StrEnum):
    """Kinds of care, by the professional who gave it: each has its rate, deductions and
    prescription needs in resources/rules/tariffs.json and completeness.json."""

    CONSULTATION = "consultation"  # a GP (or any doctor) in the coordinated care path
    SPECIALIST = "specialist"
    MIDWIFE = "midwife"  # sage-femme: SF acts, perineal re-education
    PHYSIOTHERAPY = "physiotherapy"  # masseur-kinésithérapeute: AMK acts
    NURSING = "nursing"  # infirmier: AMI acts
    SPEECH_THERAPY = "speech_therapy"  # orthophoniste: AMO acts
    PARAMEDICAL = "paramedical"  # other auxiliaires médicaux (orthoptist, podiatrist…)
    LAB = "lab"  # biologie médicale
    RADIOLOGY = "radiology"  # imagerie
    DENTAL = "dental"
    OPTICS = "optics"
    HEARING = "hearing"
    PHARMACY = "pharmacy"
    LPP_DEVICE = "lpp_device"
    HOSPITAL = "hospital"
    HOSPITAL_PSYCHIATRY = "hospital_psychiatry"
    TRANSPORT = "transport"  # taxi, VSL, ambulance
    TRANSPORT_PERSONAL = "transport_personal"  # the patient's own car or public transport
    OTHER = "other"


# A kind of care that is a kind of a broader one: a mutuelle guarantee written for the broader
# one ("paramedical=100% BR", as contracts word it) covers it too.
BROADER_CATEGORY = {
    Category.PHYSIOTHERAPY: Category.PARAMEDICAL,
    Category.NURSING: Category.PARAMEDICAL,
    Category.SPEECH_THERAPY: Category.PARAMEDICAL,
    Category.HOSPITAL_PSYCHIATRY: Category.HOSPITAL,
    Category.TRANSPORT_PERSONAL: Category.TRANSPORT,
}


class TiersPayant(StrEnum):
    """What a payer paid the professional directly (the patient did not advance it)."""

    NONE = "none"
    AMO = "amo"  # the CPAM part
    ALL = "all"  # both parts: tiers payant intégral
    AMC = "amc"  # the mutuelle part only


class Specialty(StrEnum):
    """A specialist's field, where it changes the rules: which are in direct access (no
    out-of-parcours penalty) is data (tariffs.json "direct_access")."""

    GYNAECOLOGY = "gynaecology"
    OPHTHALMOLOGY = "ophthalmology"
    STOMATOLOGY = "stomatology"
    PSYCHIATRY = "psychiatry"
    OTHER = "other"


SPECIALTIES = tuple(Specialty.values())


class Billing(StrEnum):
    """How the care reached the CPAM. A claim's billing left unset is decided from what is
    attached and the category (core/rules/billing.py)."""

    VITALE = "vitale"  # the professional sent an electronic care sheet (carte Vitale)
    PAPER = "paper"  # a paper care sheet the patient posts


class Payer(StrEnum):
    CPAM = "cpam"
    MUTUELLE = "mutuelle"


PAYERS = tuple(Payer.values())
CHANNELS = ("post", "online", "noemie")  # how a claim reached a payer


class FieldSource(StrEnum):
    OCR = "ocr"
    TEXT = "text"  # read from a PDF's text layer
    USER = "user"


class ReadState(StrEnum):
    """Whether the text of a stored original has been read."""

    PENDING = "pending"
    READ = "read"
    NOT_READ = "not_read"  # no OCR engine available: re-read later
    FAILED = "failed"


@dataclass
class Person:
    name: str
    id: int | None = None
    nir: str | None = None
    birth_date: _dt.date | None = None
    sex: str | None = None  # "F" / "M"
    postal_address: str | None = None  # lines separated by newlines; the sender on letters
    insured_id: int | None = None  # set when this person is a beneficiary of another
    caisse_name: str | None = None
    caisse_address: str | None = None
    caisse_code: str | None = None
    regime: Regime = Regime.GENERAL
    medecin_traitant: bool = False
    ald: bool = False
    css: bool = False
    maternity_start: _dt.date | None = None
    maternity_end: _dt.date | None = None
    mutuelle_name: str | None = None
    mutuelle_member_number: str | None = None
    mutuelle_address: str | None = None
    noemie: bool = False
    mutuelle_guarantees: dict[str, str] = field(default_factory=dict)
    mutuelle_deadline_days: int | None = None
    # A contrat responsable (almost every contract) never refunds the out-of-parcours increase
    # and covers the 100 % santé baskets and the forfait journalier in full.
    contrat_responsable: bool = True
    iban: str | None = None
    notes: str | None = None

    @property
    def is_beneficiary(self) -> bool:
        return self.insured_id is not None

    def is_minor_on(self, day: _dt.date) -> bool:
        if not self.birth_date:
            return False
        b = self.birth_date
        age = day.year - b.year - ((day.month, day.day) < (b.month, b.day))
        return age < 18

    def in_maternity_on(self, day: _dt.date) -> bool:
        return bool(
            self.maternity_start
            and self.maternity_end
            and self.maternity_start <= day <= self.maternity_end
        )


@dataclass
class DocumentField:
    name: str
    value: object
    source: FieldSource = FieldSource.OCR
    confidence: float | None = None
    confirmed: bool = False
    page: int | None = None
    bbox: list[int] | None = None  # x, y, width, height in page pixels
    source_text: str | None = None


@dataclass
class Document:
    kind: DocumentKind
    sha256: str
    original_name: str
    id: int | None = None
    person_id: int | None = None
    claim_id: int | None = None
    mime: str | None = None
    size: int = 0
    pages: int | None = None
    read_state: ReadState = ReadState.PENDING
    text: str | None = None
    imported_at: str | None = None
    fields: dict[str, DocumentField] = field(default_factory=dict)


@dataclass
class Claim:
    person_id: int
    id: int | None = None
    title: str | None = None
    care_date: _dt.date | None = None
    category: Category = Category.OTHER
    amount_paid: str | None = None  # decimal string
    base: str | None = None  # base de remboursement, decimal string
    amo_rate: str | None = None  # percentage, decimal string
    tiers_payant: TiersPayant = TiersPayant.NONE
    ald: bool = False
    lpp_codes: list[str] = field(default_factory=list)
    notes: str | None = None
    created_at: str | None = None
    billing: Billing | None = None  # None: decided from the documents and the category
    units: int = 1  # acts, boxes, trips or days in hospital: what deductions count
    specialty: str | None = None  # for a specialist: direct-access ones carry no penalty
    out_of_parcours: bool | None = None  # None: from the person's médecin traitant
    basket_100: bool = False  # a 100 % santé basket (glasses, dental, hearing aids)


def to_plain(obj) -> dict:
    """A dataclass as JSON-ready data: dates as ISO strings, enums as values."""

    def conv(v):
        if isinstance(v, Enum):
            return v.value
        if isinstance(v, (_dt.date, _dt.datetime)):
            return v.isoformat()
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [conv(x) for x in v]
        return v

    return {k: conv(v) for k, v in asdict(obj).items()}


def stored_id(record: Person | Document | Claim) -> int:
    """The row id of a person, document or claim read from the store (one not stored yet has
    none: asking for it is a mistake in the code, not the user's)."""
    if record.id is None:
        raise ValueError(f"this {type(record).__name__.lower()} is not stored yet")
    return record.id
