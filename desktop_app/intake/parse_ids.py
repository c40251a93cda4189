"""NIR and RPPS numbers read from OCR text, checked by their check digits.

A check that fails never silently "corrects" the number: the value read is
kept with a low confidence and a warning says which digit the check expects,
or which single-digit change would satisfy it, for the user to confirm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.core.identifiers import check_nir, nir_key, rpps_is_plausible
from desktop_app.intake.read_warnings import ReadWarning, warning

_DIGIT_FIX = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1",
                            "i": "1", "!": "1", "S": "5", "s": "5", "Z": "2", "z": "2", "G": "6",
                            "g": "9", "q": "9", "T": "7", "?": "7"})


def ocr_digits(text: str) -> str:
    """Letters tesseract confuses with digits, turned back into digits."""
    return text.translate(_DIGIT_FIX)


@dataclass
class IdReading:
    value: str
    valid: bool
    warnings: list[ReadWarning] = field(default_factory=list)
    start: int = 0
    end: int = 0


# -- RPPS ----------------------------------------------------------------


def luhn_check_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        n = int(c)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def read_rpps(text: str) -> IdReading | None:
    """The first 11-digit run (spaces allowed between digit groups), Luhn-checked."""
    fixed = ocr_digits(text)
    for m in re.finditer(r"(?<!\d)(\d[\d ]{9,16}\d)(?!\d)", fixed):
        digits = re.sub(r"\D", "", m.group(1))
        if len(digits) != 11:
            continue
        if rpps_is_plausible(digits):
            return IdReading(digits, True, start=m.start(1), end=m.end(1))
        expected = luhn_check_digit(digits[:10])
        return IdReading(
            digits, False,
            [warning("read.rpps_check_digit", expected_digit=expected)],
            m.start(1), m.end(1),
        )
    return None


# -- NIR -------------------------------------------------------------------

_NIR_RX = re.compile(r"[12378]\d{4}(?:\d{2}|2[AB])\d{6}(?:\d{2})?")


def _nir_body_ok(body: str) -> bool:
    return bool(re.fullmatch(r"\d{5}(?:\d{2}|2[AB])\d{6}", body))


def nir_from_chars(chars: str) -> IdReading | None:
    """A NIR from characters read in boxes or a line: 15 (or 13 + key) characters."""
    raw = re.sub(r"[\s.\-_/]", "", chars)
    # Corsica's 2A/2B keep their letter; everything else that looks like a digit is one.
    if raw[5:7].upper() in ("2A", "2B"):
        fixed = ocr_digits(raw[:5]) + raw[5:7].upper() + ocr_digits(raw[7:])
    else:
        fixed = ocr_digits(raw)
    fixed = re.sub(r"[^0-9AB]", "", fixed)
    if len(fixed) < 13:
        return None
    if len(fixed) > 15:
        return None
    if len(fixed) == 13:
        if not _nir_body_ok(fixed):
            return None
        return IdReading(fixed, False, [warning("read.nir_no_key", key=nir_key(fixed))])
    if len(fixed) == 14:
        return None
    if not _nir_body_ok(fixed[:13]) or not fixed[13:].isdigit():
        return None
    check = check_nir(fixed)
    if check.ok:
        return IdReading(fixed, True)
    candidates = nir_single_digit_candidates(fixed)
    if len(candidates) == 1:
        return IdReading(fixed, False, [warning("read.nir_key_fails_one_fix", fixed=candidates[0])])
    return IdReading(fixed, False, [warning("read.nir_key_fails")])


def nir_single_digit_candidates(value: str) -> list[str]:
    """Readings that differ by one digit and pass the key: the slip the key can point to."""
    out = []
    for i in range(15):
        if i in (5, 6) and value[5:7] in ("2A", "2B"):
            continue
        for d in "0123456789":
            if d == value[i]:
                continue
            cand = value[:i] + d + value[i + 1 :]
            if _nir_body_ok(cand[:13]) and cand[0] in "12" and check_nir(cand).ok:
                out.append(cand)
    return out


def find_nir(text: str) -> IdReading | None:
    """A NIR anywhere in a text line (spaces, dots or a dash between groups allowed).

    A dash may set the key apart ("2.82.06.67.245.932 - 49") or end the number ("… - Paris"):
    both readings are tried, and one whose key checks wins.
    """
    fixed = ocr_digits(text).upper()
    first = None
    undashed = re.sub(r"(?<=\d)[ \t]*[-–—][ \t]*(?=\d)", "", fixed)
    for compact in (re.sub(r"[ \t.:]", "", undashed), re.sub(r"[ \t.]", "", fixed)):
        for m in _NIR_RX.finditer(compact):
            r = nir_from_chars(m.group())
            if r and r.valid:
                return r
            if r and first is None:
                first = r
    return first


_KEY_WORDS = {"clé", "cle", "clef", "key"}
_BOX_RULES = re.compile(r"[|\[\]()!_/]")


def nir_agrees_with_birth(nir: str, birth) -> bool:
    """Whether a NIR's year and month of birth (its 2nd to 5th digits) are a date's."""
    return birth is not None and len(nir) >= 5 and nir[1:5] == f"{birth.year % 100:02d}{birth.month:02d}"


def digit_runs(text: str) -> list[tuple[str, int]]:
    """Runs of tokens that are figures (box rules and OCR's letter-for-digit slips allowed),
    each with where it starts in the text."""
    return [(run, marks[0][1]) for run, marks in _marked_runs(text)]


# Whitespace-separated tokens, but a label glued to its figures by a colon or a leader
# ("NIR:__1960787…", "N°:1960…") is a token of its own, and so is the leader.
_TOKEN = re.compile(r"[^\s\d:]+:(?=[_.]*\d)|[_.]+(?=\d)|\S+")


def _marked_runs(text: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """Runs of figures, each with (offset in the run, offset in the text) of its tokens."""
    runs, current, marks = [], "", []
    # A label glued to its figures by a colon or a leader ("NIR:__1960787…") ends at the colon.
    for m in _TOKEN.finditer(text):
        if not m.group().strip("_."):
            continue
        if current and m.group().lower().strip(".:") in _KEY_WORDS:  # "… 234 clé 56": the key apart
            continue
        # A dash or slash standing alone between groups sets the key apart ("… 932 - 49").
        if current and re.fullmatch(r"[-–—/]", m.group()):
            continue
        # OCR reads the dots between a NIR's groups as colons now and then ("1:54:10…").
        t = _BOX_RULES.sub("", m.group()).replace(":", ".").strip(".,:;-")
        fixed = ocr_digits(t).upper() if t else ""
        # Corsica's department ("2A", "2B") is half letter: a group of its own in a spaced NIR.
        corsica = re.fullmatch(r"2[AB]", fixed) is not None
        if fixed and (corsica or sum(c.isdigit() for c in fixed) >= max(1, 0.6 * len(fixed))) \
                and re.fullmatch(r"[0-9AB.\-]+", fixed):
            marks.append((len(current), m.start()))
            current += re.sub(r"[.\-]", "", fixed)
        else:
            if current:
                runs.append((current, marks))
            current, marks = "", []
    if current:
        runs.append((current, marks))
    return runs


def all_nirs(text: str) -> list[IdReading]:
    """Every NIR in the text whose key checks, wherever it stands and however it is spaced
    (typed in groups, or read box by box as ``2|0|3|…``). A 15-character run passing the key
    by chance is one in 97: the caller still weighs where it stands and how clearly it was read."""
    out, seen = [], set()
    for run, marks in _marked_runs(text):
        # A NIR fills its run of figures, or starts or ends it (a date printed beside it):
        # every other window of a long run would pass the key by chance once in 97.
        for i in sorted({0, max(0, len(run) - 15)}):
            chunk = _letters_as_digits(run[i : i + 15])
            if not _NIR_RX.fullmatch(chunk) or chunk in seen:
                continue
            if check_nir(chunk).ok:
                seen.add(chunk)
                start = max((t for r, t in marks if r <= i), default=marks[0][1])
                out.append(IdReading(chunk, True, start=start, end=len(text)))
    return out


def _letters_as_digits(chunk: str) -> str:
    """An A or B that is not Corsica's department (characters 6 and 7) is a 4 or an 8 misread."""
    fix = str.maketrans({"A": "4", "B": "8"})
    if chunk[5:7] in ("2A", "2B"):
        return chunk[:5].translate(fix) + chunk[5:7] + chunk[7:].translate(fix)
    return chunk.translate(fix)


def nir_misreads(text: str) -> list[IdReading]:
    """Runs of figures shaped like a NIR whose key does not check: a digit may be misread
    (the caller may look for the one-digit change other fields of the paper agree with)."""
    out, seen = [], set()
    for run, marks in _marked_runs(text):
        if len(run) != 15:
            continue
        chunk = _letters_as_digits(run)
        if not _NIR_RX.fullmatch(chunk) or chunk in seen or check_nir(chunk).ok:
            continue
        seen.add(chunk)
        out.append(IdReading(chunk, False, start=marks[0][1], end=len(text)))
    return out


def all_rpps(text: str) -> list[IdReading]:
    """Every 11-digit number in the text whose Luhn digit checks: whole tokens of figures
    (spaces between groups allowed, OCR's letter-for-digit slips fixed inside figures only)."""
    out, seen = [], set()
    toks = []
    for m in re.finditer(r"\S+", text):
        t = m.group().strip(".,:;()[]")
        fixed = ocr_digits(t)
        digit_like = fixed.isdigit() and sum(c.isdigit() for c in t) >= 0.6 * len(t)
        toks.append((fixed if digit_like else None, m.start()))
    for i in range(len(toks)):
        digits = ""
        for j in range(i, len(toks)):
            if toks[j][0] is None:
                break
            digits += toks[j][0]
            if len(digits) >= 11:
                break
        if len(digits) == 11 and digits not in seen and (i == 0 or toks[i - 1][0] is None
                                                         or len(toks[i - 1][0]) + len(digits) > 11):
            if rpps_is_plausible(digits):
                seen.add(digits)
                out.append(IdReading(digits, True, start=toks[i][1], end=toks[i][1] + len(digits)))
    return out
