"""The in-app guide: its text per language (resources/help/guide_<lang>.md) cut into sections,
and which section each checklist item's Help link opens (resources/help/topics.json)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from desktop_app import config

# "## Care sheet (feuille de soins) {#care-sheet}": a section's heading and its anchor.
_HEADING = re.compile(r"^##\s+(?P<title>.+?)\s*\{#(?P<anchor>[a-z0-9-]+)\}\s*$")


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    body: str  # Markdown


@dataclass(frozen=True)
class Guide:
    title: str
    intro: str  # Markdown
    sections: tuple[Section, ...]

    def section(self, anchor: str) -> Section | None:
        return next((s for s in self.sections if s.anchor == anchor), None)

    @property
    def anchors(self) -> list[str]:
        return [s.anchor for s in self.sections]


def help_dir():
    return config.resources_dir() / "help"


def parse(text: str) -> Guide:
    title, intro, sections = "", [], []
    current: list | None = None  # [anchor, title, lines] of the section being read
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading:
            if current:
                sections.append(Section(current[0], current[1], "\n".join(current[2]).strip()))
            current = [heading["anchor"], heading["title"], []]
        elif line.startswith("# ") and not title and current is None:
            title = line[2:].strip()
        elif current is None:
            intro.append(line)
        else:
            current[2].append(line)
    if current:
        sections.append(Section(current[0], current[1], "\n".join(current[2]).strip()))
    return Guide(title, "\n".join(intro).strip(), tuple(sections))


@lru_cache(maxsize=4)
def guide(language: str) -> Guide:
    """The guide in ``language``, English when that language has none."""
    for lang in (language, "en"):
        path = help_dir() / f"guide_{lang}.md"
        if path.is_file():
            return parse(path.read_text(encoding="utf-8"))
    return Guide("", "", ())


@lru_cache(maxsize=1)
def _topics() -> dict:
    try:
        return json.loads((help_dir() / "topics.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def topic_for(item) -> str:
    """The guide section a checklist item (services.results.ChecklistItem) is explained in."""
    topics = _topics()
    return (
        (topics.get("by_rule") or {}).get(item.id or "")
        or (topics.get("by_level") or {}).get(item.level or "")
        or topics.get("default")
        or "start"
    )


def referenced_topics() -> set[str]:
    """Every section the mapping may open: each must exist in every language's guide."""
    topics = _topics()
    return (
        set((topics.get("by_rule") or {}).values())
        | set((topics.get("by_level") or {}).values())
        | {topics.get("default") or "start"}
    )
