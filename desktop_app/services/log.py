"""Logging: one private, rotating file in the data folder, with identifiers masked.

``setup_logging(paths)`` sends every log record (ours and the libraries': pypdf, Pillow, Qt
messages routed through logging, Python warnings) to ``<data>/paperasse.log`` (mode 0600, a few
rotated copies), never to the terminal: the command line keeps its one-line-per-problem
contract. A filter on the handler masks social security numbers (NIR, 2A/2B included, spaced or
not) and IBANs in the message, its arguments and any traceback, before anything is written.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import unicodedata
from pathlib import Path

LOG_NAME = "paperasse.log"
MAX_BYTES = 1 << 20
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"

# NIR: sex 1-4 (7/8 for temporary NIA), year, month (01-12, 20-42, 50-99 for unknown), département
# (2 digits, 2A/2B, or 3 digits for overseas), commune, order number, 2-digit key. Separators may
# be spaces, dots or dashes; the key may be missing (13 characters).
_SEP = r"[ .\-_/\u00a0\u202f]?"
# Only digits may not stand right before or after: a NIR glued to a word ("NIR2850…") is one too.
NIR_PATTERN = re.compile(
    r"(?<!\d)"
    r"[1-478]" + _SEP + r"\d{2}" + _SEP + r"\d{2}" + _SEP + r"(?:\d{2}|2[ABab])" + _SEP + r"\d{3}"
    + _SEP + r"\d{3}" + r"(?:" + _SEP + r"\d{2})?"
    r"(?!\d)"
)
# IBAN: country code, 2 check digits, then 10 to 30 alphanumerics, in groups of 4 or not, in
# either case; glued to a word only after "IBAN" itself (a hash is not an IBAN).
IBAN_PATTERN = re.compile(
    r"(?:(?<=IBAN)|(?<=iban)|(?<![0-9A-Za-z]))[A-Za-z]{2}\d{2}"
    r"(?:[ \u00a0\-]?[0-9A-Za-z]{4}){2,7}(?:[ \u00a0\-]?[0-9A-Za-z]{1,4})?"
    r"(?![0-9A-Za-z])"
)


def mask(text: str) -> str:
    """``text`` with every NIR and IBAN replaced by a short masked form. Full-width and other
    compatibility digits are folded to ASCII first, so "２８５…" is masked too."""
    if not text:
        return text
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = IBAN_PATTERN.sub(_mask_iban, text)
    return NIR_PATTERN.sub(_mask_nir, text)


def _mask_nir(m: re.Match) -> str:
    return f"{m.group(0)[0]}·····[NIR]"


def _mask_iban(m: re.Match) -> str:
    compact = re.sub(r"[\s\-]", "", m.group(0))
    if not compact[:2].isupper() and not _iban_checks(compact):
        return m.group(0)  # lower case and no valid check digits: a hash or a word, not an IBAN
    return f"{compact[:2]}··[IBAN]…{compact[-2:]}"


def _iban_checks(compact: str) -> bool:
    moved = (compact[4:] + compact[:4]).upper()
    digits = "".join(str(int(c, 36)) for c in moved)
    return int(digits) % 97 == 1


class MaskingFilter(logging.Filter):
    """Masks NIRs and IBANs in the final message (arguments merged) and in the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            self._mask(record)
        except Exception:  # noqa: BLE001 - e.g. RecursionError deep inside a PDF parser
            record.msg, record.args = "(log message dropped: it could not be masked)", ()
            record.exc_info = record.exc_text = record.stack_info = None
        return True

    @staticmethod
    def _mask(record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not lose the record
            message = str(record.msg)
        record.msg = mask(message)
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        record.exc_info = None if record.exc_text else record.exc_info
        if record.stack_info:
            record.stack_info = mask(record.stack_info)


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """A rotating file whose every generation is created 0600."""

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        _private(Path(self.baseFilename))
        return os.fdopen(fd, self.mode.replace("w", "a"), encoding=self.encoding, errors=self.errors)

    def doRollover(self):
        super().doRollover()
        for i in range(1, self.backupCount + 1):
            _private(Path(f"{self.baseFilename}.{i}"))


def _private(path: Path) -> None:
    try:
        if path.exists() and path.stat().st_mode & 0o077:
            path.chmod(0o600)
    except OSError:
        pass


_installed: dict[str, logging.Handler] = {}


def log_path(paths) -> Path:
    return Path(paths.root) / LOG_NAME


def setup_logging(paths, level: int = logging.INFO, debug: bool | None = None) -> Path:
    """Send all logging (and warnings) to ``<data>/paperasse.log``; returns its path.

    Idempotent: calling it again for another data folder moves the handler there.
    """
    if debug is None:
        debug = bool(os.environ.get("PAPERASSE_DEBUG"))
    target = log_path(paths)
    target.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(_installed.values()):
        root.removeHandler(handler)
        handler.close()
    _installed.clear()
    handler = _PrivateRotatingHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8", delay=False)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(MaskingFilter())
    root.addHandler(handler)
    _installed[str(target)] = handler
    root.setLevel(logging.DEBUG if debug else level)
    # Libraries chatter at WARNING about files they recovered; keep that in the file only.
    logging.lastResort = None
    # A record that cannot be written (say, logged by a parser at the bottom of a deep recursion)
    # is dropped silently instead of printing "--- Logging error ---" on the terminal.
    logging.raiseExceptions = False
    logging.captureWarnings(False)  # re-install even if someone replaced showwarning since
    logging.captureWarnings(True)
    for name in ("pypdf", "PIL", "pytesseract"):
        logging.getLogger(name).setLevel(logging.DEBUG if debug else logging.WARNING)
    return target
