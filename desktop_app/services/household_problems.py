"""What ``paperasse check`` reports about each claim, and the list it returns (services/household.py
keeps each claim's part beside its status, as text)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from desktop_app.core.rules import messages
from desktop_app.core.rules.messages import message
from desktop_app.services.results import Problem


def status_json(s) -> str:
    """Compact JSON in plain ASCII, safe to print as it is (JSON escapes every control character
    but DEL, escaped here): how statuses and problems are kept and written out."""
    return json.dumps(s, separators=(",", ":")).replace("\x7f", "\\u007f")


def split(problems: list[dict]) -> tuple[list[dict], list[dict]]:
    """(what is about the person and repeats on each of their claims, what is about the claim)."""
    person = [p for p in problems if p.get("level") == "person"]
    return person, [p for p in problems if p.get("level") != "person"]


class Problems(Sequence):
    """What ``check`` found, as ``Problem``s (services/results/). Held as their JSON form, some
    as the text they were stored as, made into objects only when asked: ``json_chunks`` writes
    them out without."""

    def __init__(self, items: list):
        self._items = items  # JSON dicts, or stored JSON texts of several
        self._decoded: list[Problem] | None = None

    def _all(self) -> list[Problem]:
        if self._decoded is None:
            decoded: list[Problem] = []
            for item in self._items:
                if isinstance(item, str):
                    decoded += map(Problem.from_json, json.loads(f"[{item}]"))
                else:
                    decoded.append(Problem.from_json(item))
            self._decoded = decoded
        return self._decoded

    def __len__(self) -> int:
        return len(self._all())

    def __getitem__(self, index):
        return self._all()[index]

    def __bool__(self) -> bool:
        return bool(self._items)

    def __eq__(self, other) -> bool:
        return self._all() == list(other) if isinstance(other, Sequence) else NotImplemented

    def json_chunks(self) -> Iterator[str]:
        yield "["
        for n, item in enumerate(self._items):
            yield ("," if n else "") + (item if isinstance(item, str) else status_json(item))
        yield "]"


def claim_problems(s: dict, lang: str) -> list[dict]:
    """What ``check`` reports about one claim: its missing items, then per payer what is overdue,
    a deadline coming near, a payment that is not what was expected."""
    problems = []
    for m in s["missing"]:
        problems.append(
            {"claim_id": s["claim_id"], "person": s["person"], "severity": m["severity"],
             "message": m["message"], "action": m["action_label"] or m["action"],
             "level": m["level"]}
        )
    for payer, track in s["tracks"].items():
        label = message(f"payer.label.{payer}", lang)
        if track["overdue"]:
            problems.append(
                {"claim_id": s["claim_id"], "person": s["person"], "severity": "overdue",
                 "message": message("check.overdue", lang, track=label,
                                    action=track["next_action"]),
                 "action": track["next_action"]}
            )
        elif track["deadline_status"] == "soon":
            deadline = track["deadline"] if lang == "en" else messages.day(track["deadline"], lang)
            problems.append(
                {"claim_id": s["claim_id"], "person": s["person"], "severity": "warning",
                 "message": message("check.deadline_soon", lang, payer=payer, track=label,
                                    deadline=deadline),
                 "action": track["next_action"]}
            )
        if track["flag"]:
            received, expected = track["received"], track["expected"]
            if lang != "en":
                received, expected = messages.money(received, lang), messages.money(expected, lang)
            problems.append(
                {"claim_id": s["claim_id"], "person": s["person"], "severity": "warning",
                 "message": message("check.flag", lang, payer=payer, track=label,
                                    received=received, expected=expected,
                                    flag=messages.name_of("flag", track["flag"], lang)),
                 "action": message("check.check_statement", lang)}
            )
    return problems
