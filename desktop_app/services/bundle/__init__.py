"""The mailing bundle: one PDF to print and post to the CPAM or the mutuelle.

Page 1 (and 2 if needed) is a cover letter in French, addressed to the caisse of the insured
(for a beneficiary, the insured's caisse) or to the mutuelle; then come the claim's stored
originals, in the order the payer expects them; the last page is a memo to keep, not to post.

``build_bundle`` refuses while the claim lacks something blocking for that payer (the
completeness rules of ``resources/rules/completeness.json``) unless ``override=True``; the
letter never mentions what is missing, the report's notices do. It returns a
:class:`BundleReport` (report.py: its ``to_json()`` is what ``paperasse bundle --json`` prints).

The rooms: ``plan`` what goes in the envelope, ``recipients`` who it goes to, ``letter`` and
``memo`` the pages Paperasse writes (their sentences in resources/letters/fr.json, read by
``sentences``), ``pdf_images`` the stored originals as pages, ``build`` puts it together.
"""

from desktop_app.services.bundle.build import blocking_items, build_bundle, checklist
from desktop_app.services.bundle.pdf_images import image_to_pdf
from desktop_app.services.bundle.report import (
    BundleBlocked,
    BundleReport,
    Enclosed,
    NotEnclosed,
    Notice,
    Recipient,
    notice_text,
)

__all__ = [
    "BundleBlocked", "BundleReport", "Enclosed", "NotEnclosed", "Notice", "Recipient",
    "blocking_items", "build_bundle", "checklist", "image_to_pdf", "notice_text",
]
