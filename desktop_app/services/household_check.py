"""What ``paperasse check`` reports for the whole household (services/results/ ``Problem``),
from the statuses services/household.py keeps: the stored problems are handed on as the JSON text
they were kept as."""

from __future__ import annotations

import datetime as _dt
import json

from desktop_app.services.context import Context
from desktop_app.services.household import _walked
from desktop_app.services.household_problems import Problems, claim_problems, split


def check(ctx: Context, today: _dt.date | None = None, lang: str | None = None) -> Problems:
    """Every missing item and overdue action in the household, in ``lang``: the people's own
    problems, then claim by claim (newest care first) what is about the person, each said once,
    and what is about the claim."""
    from desktop_app.services.people import person_problems

    with _walked(ctx, today, lang) as found:
        items: list[dict | str] = []
        seen: set[tuple] = set()
        seen_texts: set[str] = set()

        def once(problem: dict) -> None:
            key = (problem["person"], problem["message"])
            if key not in seen:
                seen.add(key)
                items.append(problem)

        for person in found.house.people.values():
            for severity, text in person_problems(person):
                once({"claim_id": None, "person": person.name, "severity": severity,
                      "message": text, "action": "edit_person"})
        stored = found.cache.problems(found.lang)
        for claim_id in found.order():
            fresh = found.fresh.get(claim_id)
            if fresh is not None:
                person_level, own = split(claim_problems(fresh, found.lang))
                for problem in person_level:
                    once(problem)
                items.extend(own)
            elif claim_id in stored:
                person_level, own = stored[claim_id]
                if person_level and person_level not in seen_texts:
                    seen_texts.add(person_level)  # the same on each of the person's claims
                    for problem in json.loads(person_level):
                        once(dict(claim_id=claim_id, **problem))
                if own:
                    items.append(own[1:-1])  # the stored JSON array's items, as text
        return Problems(items)
