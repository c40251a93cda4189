"""What the tracking services answer, as typed values: a claim's status and its parts, what the
claims table keeps of it, the household's money totals, what ``check`` finds and what a statement
proposes.

Each type's ``to_json()`` is the JSON the command line prints (key names and order as published),
and ``from_json(data)`` reads it back. The household's statuses are kept and streamed as JSON text
(services/household.py, store/status_cache.py); these objects are made only for a caller that
reads their attributes, so a household-wide answer printed as JSON never builds them. Amounts
stay decimal strings ("182.94"), dates ISO strings, states and ids plain strings, as in the JSON.

One module per area, the names given again here where callers import them: ``claim`` (a
claim's status and its parts), ``summary`` (what the claims table keeps of it), ``totals``,
``problems`` (``check``), ``statement``.
"""

from desktop_app.services.results.claim import (
    ChecklistItem,
    ClaimStatus,
    DocumentRef,
    EstimateFigures,
    TrackStatus,
    TrackStep,
)
from desktop_app.services.results.problems import Problem
from desktop_app.services.results.statement import (
    StatementMatch,
    StatementProposal,
    StatementRecorded,
    UnmatchedLine,
)
from desktop_app.services.results.summary import (
    ClaimSummary,
    TrackSummary,
)
from desktop_app.services.results.totals import (
    HouseholdTotals,
    MoneyTotals,
    PayerAmounts,
)

__all__ = [
    "ChecklistItem",
    "TrackStep",
    "TrackStatus",
    "EstimateFigures",
    "DocumentRef",
    "ClaimStatus",
    "TrackSummary",
    "ClaimSummary",
    "PayerAmounts",
    "MoneyTotals",
    "HouseholdTotals",
    "Problem",
    "StatementProposal",
    "UnmatchedLine",
    "StatementMatch",
    "StatementRecorded",
]
