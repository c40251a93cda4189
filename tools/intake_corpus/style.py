"""What varies between documents, and which split may use which variant.

Four groups: A for the tune split, B for calibrate, C for test, D for holdout. Every dimension
listed in DISJOINT has no value shared between groups, so a split really is unseen on them by
what was tuned on another (holdout stays unseen once test has been looked at while tuning):
label wordings (wording.json), field arrangement, letterhead position, table style, date,
amount, NIR and name formats, and font faces. Degradations and file formats are drawn from the
same distribution in every split: they describe the capture, not the document.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from tools.intake_corpus import fonts

HERE = Path(__file__).resolve().parent
SPLIT_GROUP = {"tune": "A", "calibrate": "B", "test": "C", "holdout": "D"}

ARRANGEMENTS = {"A": ["beside", "above"], "B": ["boxed", "columns"], "C": ["grid", "dotted", "header_row"],
                "D": ["caption_below", "rule_split", "leaders"]}
LETTERHEADS = {"A": ["left", "center"], "B": ["right", "footer"], "C": ["band", "boxed"],
               "D": ["rule_flag", "monogram"]}
TABLES = {"A": ["ruled", "plain"], "B": ["grid", "zebra"], "C": ["header_band", "dotted"],
          "D": ["column_rules", "double_rule", "underlined_heads"]}
DATE_FORMATS = {"A": ["dmy_slash", "long"], "B": ["dmy_dot_short", "dmy_dash", "dmy_slash_short"],
                "C": ["iso", "weekday_long", "abbr_upper"], "D": ["dmy_spaced", "dmy_dot_unpadded", "abbr_lower"]}
AMOUNT_FORMATS = {"A": ["comma_euro", "comma_bare"], "B": ["dot_eur", "eur_prefix"],
                  "C": ["euro_prefix", "comma_euros"], "D": ["comma_euro_glued", "comma_eur_suffix", "dot_thousands_euro"]}
NAME_FORMATS = {"A": ["first_LAST", "LAST_first"], "B": ["title_LAST_first", "title_first_LAST"],
                "C": ["civility_first_Last", "LAST_comma_first"], "D": ["LAST_FIRST", "civility_LAST_first", "first_Last"]}
DOCTOR_FORMATS = {"A": ["dr_first_LAST", "docteur_first_LAST"], "B": ["dr_LAST_first", "docteur_LAST_first"],
                  "C": ["drdot_first_Last", "DOCTEUR_FIRST_LAST"], "D": ["docteur_first_Last", "DR_LAST_FIRST"]}
NIR_FORMATS = {"A": ["spaced"], "B": ["boxes"], "C": ["solid_key", "dotted"], "D": ["dashed", "key_in_words"]}
DISJOINT = {"arrangement": ARRANGEMENTS, "letterhead": LETTERHEADS, "table": TABLES, "date_format": DATE_FORMATS,
            "amount_format": AMOUNT_FORMATS, "name_format": NAME_FORMATS, "doctor_format": DOCTOR_FORMATS,
            "nir_format": NIR_FORMATS}

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
MONTHS_ABBR = ["JANV.", "FÉVR.", "MARS", "AVR.", "MAI", "JUIN", "JUIL.", "AOÛT", "SEPT.", "OCT.", "NOV.", "DÉC."]
MONTHS_SHORT = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def wording() -> dict:
    return {k: v for k, v in json.loads((HERE / "wording.json").read_text("utf-8")).items() if not k.startswith("_")}


def data() -> dict:
    return json.loads((HERE / "data.json").read_text("utf-8"))


_WORDING = wording()
DATA = data()


def format_date(d: date, fmt: str) -> str:
    if fmt == "dmy_slash":
        return d.strftime("%d/%m/%Y")
    if fmt == "long":
        return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]} {d.year}"
    if fmt == "dmy_dot_short":
        return d.strftime("%d.%m.%y")
    if fmt == "dmy_dot":
        return d.strftime("%d.%m.%Y")
    if fmt == "dmy_dash":
        return d.strftime("%d-%m-%Y")
    if fmt == "dmy_slash_short":
        return d.strftime("%d/%m/%y")
    if fmt == "iso":
        return d.isoformat()
    if fmt == "weekday_long":
        return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    if fmt == "abbr_upper":
        return f"{d.day:02d} {MONTHS_ABBR[d.month - 1]} {d.year}"
    if fmt == "dmy_spaced":
        return f"{d.day:02d} / {d.month:02d} / {d.year}"
    if fmt == "dmy_dot_unpadded":
        return f"{d.day}.{d.month}.{d.year}"
    if fmt == "abbr_lower":
        return f"{d.day} {MONTHS_SHORT[d.month - 1]} {d.year}"
    raise ValueError(fmt)


def _group3(digits: str, sep: str) -> str:
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return sep.join(out)


def format_amount(v: Decimal, fmt: str) -> str:
    units, cents = f"{v:.2f}".split(".")
    if fmt == "comma_euro":
        return f"{_group3(units, ' ')},{cents} €"
    if fmt == "comma_bare":
        return f"{_group3(units, ' ')},{cents}"
    if fmt == "dot_eur":
        return f"{units}.{cents} EUR"
    if fmt == "eur_prefix":
        return f"EUR {units},{cents}"
    if fmt == "euro_prefix":
        return f"€ {_group3(units, '.')},{cents}"
    if fmt == "comma_euros":
        return f"{_group3(units, '.')},{cents} euros"
    if fmt == "comma_euro_glued":
        return f"{units},{cents}€"
    if fmt == "comma_eur_suffix":
        return f"{_group3(units, ' ')},{cents} EUR"
    if fmt == "dot_thousands_euro":
        return f"{_group3(units, '.')},{cents} €"
    raise ValueError(fmt)


@dataclass
class Person:
    first: str
    last: str
    sex: int  # 1 man, 2 woman
    birth: date

    @property
    def truth(self) -> str:
        return f"{self.first} {self.last.upper()}"


def format_name(p: Person, fmt: str) -> str:
    civ_short = "M." if p.sex == 1 else "Mme"
    civ_long = "Monsieur" if p.sex == 1 else "Madame"
    if fmt == "first_LAST":
        return f"{p.first} {p.last.upper()}"
    if fmt == "LAST_first":
        return f"{p.last.upper()} {p.first}"
    if fmt == "title_LAST_first":
        return f"{civ_short} {p.last.upper()} {p.first}"
    if fmt == "title_first_LAST":
        return f"{civ_short} {p.first} {p.last.upper()}"
    if fmt == "civility_first_Last":
        return f"{civ_long} {p.first} {p.last}"
    if fmt == "LAST_comma_first":
        return f"{p.last.upper()}, {p.first}"
    if fmt == "LAST_FIRST":  # as printed from the carte Vitale: all capitals, surname first
        return f"{p.last.upper()} {p.first.upper()}"
    if fmt == "civility_LAST_first":
        return f"{civ_long} {p.last.upper()} {p.first}"
    if fmt == "first_Last":
        return f"{p.first} {p.last}"
    raise ValueError(fmt)


def format_doctor(p: Person, fmt: str) -> str:
    if fmt == "dr_first_LAST":
        return f"Dr {p.first} {p.last.upper()}"
    if fmt == "docteur_first_LAST":
        return f"Docteur {p.first} {p.last.upper()}"
    if fmt == "dr_LAST_first":
        return f"Dr {p.last.upper()} {p.first}"
    if fmt == "docteur_LAST_first":
        return f"Docteur {p.last.upper()} {p.first}"
    if fmt == "drdot_first_Last":
        return f"Dr. {p.first} {p.last}"
    if fmt == "DOCTEUR_FIRST_LAST":
        return f"DOCTEUR {p.first.upper()} {p.last.upper()}"
    if fmt == "docteur_first_Last":
        return f"Docteur {p.first} {p.last}"
    if fmt == "DR_LAST_FIRST":
        return f"DR {p.last.upper()} {p.first.upper()}"
    raise ValueError(fmt)


def format_nir(nir: str, fmt: str) -> str:
    if fmt == "spaced":
        return f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"
    if fmt == "solid_key":
        return f"{nir[:13]} {nir[13:]}"
    if fmt == "dotted":
        return f"{nir[0]}.{nir[1:3]}.{nir[3:5]}.{nir[5:7]}.{nir[7:10]}.{nir[10:13]} - {nir[13:]}"
    if fmt == "dashed":
        return f"{nir[0]}-{nir[1:3]}-{nir[3:5]}-{nir[5:7]}-{nir[7:10]}-{nir[10:13]}-{nir[13:]}"
    if fmt == "key_in_words":
        return f"{nir[:13]} (clé {nir[13:]})"
    return nir  # "boxes" is drawn cell by cell by the care sheet


@dataclass
class Ctx:
    """One document being made: its random source, its group and the variants it drew."""
    rng: random.Random
    group: str
    dpi: int
    hand_probability: float = 0.0
    choices: dict = field(default_factory=dict)
    words: dict = field(default_factory=dict)
    facts: dict = field(default_factory=dict)  # what tests check beyond the ground truth (line amounts, dates)

    def __post_init__(self) -> None:
        g = self.group
        for dim, table in DISJOINT.items():
            self.choices[dim] = self.rng.choice(table[g])
        self.choices["two_columns"] = self.rng.random() < 0.35
        self.colon = self.rng.choice((" :", " :", ":", " "))
        self.font = fonts.choose(self.rng, g, self.hand_probability)

    def word(self, key: str, **fmt) -> str:
        options = _WORDING[key][self.group]
        i = self.rng.randrange(len(options))
        self.words[key] = f"{self.group}{i}"
        text = options[i]
        return text.format(**fmt) if fmt else text

    def date(self, d: date) -> str:
        return format_date(d, self.choices["date_format"])

    def birth(self, d: date) -> str:
        """Birth dates keep their four-digit year: a two-digit one would not say the century."""
        fmt = self.choices["date_format"]
        return format_date(d, {"dmy_dot_short": "dmy_dot", "dmy_slash_short": "dmy_dot"}.get(fmt, fmt))

    def amount(self, v: Decimal) -> str:
        return format_amount(v, self.choices["amount_format"])

    def name(self, p: Person) -> str:
        return format_name(p, self.choices["name_format"])

    def doctor(self, p: Person) -> str:
        return format_doctor(p, self.choices["doctor_format"])

    def nir(self, nir: str) -> str:
        return format_nir(nir, self.choices["nir_format"])

    @property
    def arrangement(self) -> str:
        return self.choices["arrangement"]

    @property
    def table(self) -> str:
        return self.choices["table"]

    @property
    def letterhead(self) -> str:
        return self.choices["letterhead"]

    def family(self) -> str:
        two = "+2col" if self.choices["two_columns"] else ""
        return f"{self.arrangement}{two}/{self.letterhead}/{self.table}"
