"""Pure rules for claims: what the payers should refund, by when, what is missing, and where
each payer stands.

Rules read their figures from plain dicts (resources/rules/*.json) that services load and pass in,
so a new decree means a data change, not a code change. Their sentences are in English or French
(``lang``): rule files carry both, sentences put together in code are message ids of
core/rules/messages.py (their texts in resources/messages/).
"""

from __future__ import annotations

import json
from os import PathLike


def load_rules(path: str | PathLike) -> dict:
    """Parse one rules data file. Services own the path; core looks for no rule file itself (the
    one file it reads is the messages table, core/resource_files.py says why)."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


# Re-exported for services (``rules.evaluate``…), each submodule imported the first time one of
# its names is asked for: a command that only needs the messages table (``extract``) does not
# load every rule.
_FROM = {
    "completeness": ("DocumentFacts", "Facts", "Missing", "blocking_for", "evaluate", "is_ready",
                     "kinds_for", "needs_prescription", "papers_needed", "stand_in_letter",
                     "validate_rules"),
    "deadlines": ("DeadlineSettings", "cpam_deadline", "deadline_status", "follow_up_due",
                  "mutuelle_deadline", "noemie_follow_up_due"),
    "estimate": ("Estimate", "EstimateInput", "deduction_kind", "estimate"),
    "billing": ("automatic_events", "billing_label", "effective_billing", "effective_tiers_payant"),
    "guarantee": ("Guarantee", "parse_guarantee"),
    "tracks": ("Channel", "TrackContext", "TrackEvent", "TrackState", "apply", "current_state",
               "follow_up_date", "initial_state", "is_automatic", "next_action",
               "next_action_message", "outstanding", "received", "sync_readiness", "undo_last"),
}
_MODULE_OF = {name: module for module, names in _FROM.items() for name in names}

__all__ = ["load_rules", *_MODULE_OF]


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked once: a plain attribute afterwards
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


# ``estimate`` names both a submodule and its function: imported now, so that the function is
# what ``rules.estimate`` means (a submodule imported later would otherwise take the name).
from desktop_app.core.rules.estimate import estimate  # noqa: E402, F401
