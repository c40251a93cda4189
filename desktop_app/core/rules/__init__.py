"""Pure rules for claims: what the payers should refund, by when, what is missing, and where
each payer stands.

Rules read their figures from plain dicts (resources/rules/*.json) that services load and pass in,
so a new decree means a data change, not a code change. Their sentences are in English or French
(``lang``): rule files carry both, sentences built in code come from core/rules/messages.py.
"""

from __future__ import annotations

import json
from os import PathLike


def load_rules(path: str | PathLike) -> dict:
    """Parse one rules data file. Services own the path; core never looks for files itself."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


from desktop_app.core.rules.completeness import (  # noqa: E402  (re-exports for services)
    DocumentFacts,
    Facts,
    Missing,
    blocking_for,
    evaluate,
    is_ready,
    needs_prescription,
    papers_needed,
    validate_rules,
)
from desktop_app.core.rules.deadlines import (  # noqa: E402
    DeadlineSettings,
    cpam_deadline,
    deadline_status,
    follow_up_due,
    mutuelle_deadline,
    noemie_follow_up_due,
)
from desktop_app.core.rules.estimate import (  # noqa: E402
    Estimate,
    EstimateInput,
    deduction_kind,
    estimate,
)
from desktop_app.core.rules.billing import (  # noqa: E402
    automatic_events,
    billing_label,
    effective_billing,
    effective_tiers_payant,
)
from desktop_app.core.rules.guarantee import Guarantee, parse_guarantee  # noqa: E402
from desktop_app.core.rules.tracks import (  # noqa: E402
    Channel,
    TrackContext,
    TrackEvent,
    TrackState,
    apply,
    current_state,
    follow_up_date,
    initial_state,
    is_automatic,
    next_action,
    next_action_message,
    outstanding,
    received,
    sync_readiness,
    undo_last,
)

__all__ = [
    "load_rules",
    "automatic_events", "billing_label", "effective_billing", "effective_tiers_payant",
    "DocumentFacts", "Facts", "Missing", "blocking_for", "evaluate", "is_ready",
    "needs_prescription", "papers_needed", "validate_rules",
    "DeadlineSettings", "cpam_deadline", "deadline_status", "follow_up_due", "mutuelle_deadline",
    "noemie_follow_up_due",
    "Estimate", "EstimateInput", "deduction_kind", "estimate", "Guarantee", "parse_guarantee",
    "Channel", "TrackContext", "TrackEvent", "TrackState", "apply", "current_state", "follow_up_date", "initial_state", "is_automatic", "next_action",
    "next_action_message", "outstanding", "received", "sync_readiness", "undo_last",
]
