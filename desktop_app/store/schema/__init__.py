"""The schema steps in the order store/migrations.py runs them, one module per group of steps.

Step n is ``STEPS[n - 1]``, the SQL of one transaction; the database's ``PRAGMA user_version``
says how many it has run. Never edit a released step, nor change the order: append a new one
(its module here, its name at the end of ``STEPS``).
"""

from __future__ import annotations

from desktop_app.store.schema.columns import (
    BILLING_AND_PARCOURS,
    CLAIM_PAPER_AND_UNITS,
    PERSON_POSTAL_ADDRESS,
)
from desktop_app.store.schema.initial import INITIAL
from desktop_app.store.schema.layout_memory import LAYOUT_MEMORY
from desktop_app.store.schema.revisions import CLAIM_REVISIONS
from desktop_app.store.schema.search import SEARCH_CLAIMS_AND_PEOPLE
from desktop_app.store.schema.trash import TRASH

STEPS: tuple[str, ...] = (
    INITIAL,  # 1
    CLAIM_PAPER_AND_UNITS,  # 2
    PERSON_POSTAL_ADDRESS,  # 3
    BILLING_AND_PARCOURS,  # 4
    CLAIM_REVISIONS,  # 5
    TRASH,  # 6
    SEARCH_CLAIMS_AND_PEOPLE,  # 7
    LAYOUT_MEMORY,  # 8
)
