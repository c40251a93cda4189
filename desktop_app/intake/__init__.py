"""Scan intake: read a scan, photo or PDF of French health paperwork into typed fields.

Imports only the standard library, third-party libraries and ``desktop_app.core``;
no Qt, no store: callers decide what to keep.
"""

from desktop_app.intake.errors import IntakeError
from desktop_app.intake.pipeline import read_document, read_documents
from desktop_app.intake.result import ExtractedField, ReadResult
from desktop_app.intake.sources import Limits, sniff
from desktop_app.intake.tesseract_program import ocr_available

__all__ = [
    "ExtractedField",
    "IntakeError",
    "Limits",
    "ReadResult",
    "ocr_available",
    "read_document",
    "read_documents",
    "sniff",
]
