"""Search everything the household holds: people, claims and documents, grouped.

What the user typed is cut into words; every word must be found (accents and case aside), each as
the start of a word, so that results come as one types. A claim is also found by the words naming
its kind of care, in French and in English ("kiné" finds the physiotherapy claims): the names of
the categories in the messages table and the professions' words of resources/rules/professions.json.
Dates are found as typed, "2025-06" or "06/2025".

Every group is read by one query whatever the size of the household; what matched is worked out
on the few hits shown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from desktop_app.core.model import Category
from desktop_app.core.rules import messages
from desktop_app.services.context import Context
from desktop_app.store.search import CLAIM_TEXT_COLUMNS, category_token

GROUPS = ("people", "claims", "documents")
_CHUNK = re.compile(r"\S+")
_TOKEN = re.compile(r"\w+", re.UNICODE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # as the index cuts words (underscores split them)


@dataclass(frozen=True, slots=True)
class Hit:
    id: int
    title: str
    detail: str
    matched: tuple[str, ...]  # the fields the words were found in ("name", "category", "text"…)
    person_id: int | None = None
    claim_id: int | None = None  # a document's claim
    kind: str | None = None  # a document's kind, a claim's category


@dataclass(frozen=True, slots=True)
class Group:
    name: str  # one of GROUPS
    count: int  # how many match in all (more than the hits when the list was cut)
    hits: tuple[Hit, ...]


@dataclass(frozen=True, slots=True)
class SearchResult:
    text: str
    groups: tuple[Group, ...]

    @property
    def total(self) -> int:
        return sum(g.count for g in self.groups)

    def group(self, name: str) -> Group:
        return next(g for g in self.groups if g.name == name)

    def to_json(self) -> dict:
        """The shape of ``paperasse search --json`` (README)."""
        return {
            "query": self.text,
            **{
                g.name: {
                    "count": g.count,
                    "hits": [_hit_json(g.name, h) for h in g.hits],
                }
                for g in self.groups
            },
        }


def _hit_json(group: str, hit: Hit) -> dict:
    data = {"id": hit.id, "title": hit.title, "detail": hit.detail, "matched": list(hit.matched)}
    if group == "claims":
        data.update(person_id=hit.person_id, category=hit.kind)
    elif group == "documents":  # the keys documents had before the other groups came
        data.update(person_id=hit.person_id, claim_id=hit.claim_id, kind=hit.kind,
                    original_name=hit.title, snippet=hit.detail)
    return data


def fold(text: str) -> str:
    """Lower case without accents: how the index compares words."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def chunks(text: str) -> list[list[str]]:
    """What was typed, as groups of words: "2025-06" stays one group (a phrase)."""
    return [w for w in (_WORD.findall(fold(c)) for c in _CHUNK.findall(text or "")) if w]


def _phrase(words: list[str]) -> str:
    return '"' + " ".join(words) + '"*'


def _found_in(words: list[str], text: str | None) -> bool:
    """The words follow one another in the text, the last one as the start of a word."""
    if not text:
        return False
    tokens = _WORD.findall(fold(text))
    n = len(words)
    for i in range(len(tokens) - n + 1):
        if tokens[i:i + n - 1] == words[:-1] and tokens[i + n - 1].startswith(words[-1]):
            return True
    return False


@lru_cache(maxsize=4)
def _category_words_cached(professions_path: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    from desktop_app.core.rules import load_rules

    words: dict[str, list[str]] = {c.value: [c.value.replace("_", " ")] for c in Category}
    for category in Category:
        for lang in messages.LANGUAGES:
            key = f"category.{category.value}"
            if key in messages.MESSAGES:
                words[category.value].append(messages.message(key, lang))
    try:
        professions = load_rules(professions_path)
        for word, category in professions["words"]["value"].items():
            if category in words:
                words[category].append(word)
    except (OSError, ValueError, KeyError, TypeError):
        pass  # the category names alone still work
    return tuple((c, tuple(ws)) for c, ws in words.items())


def categories_named(ctx: Context, words: list[str]) -> list[str]:
    """The categories one of whose names the words begin (accents aside)."""
    vocabulary = _category_words_cached(str(ctx.resource("rules", "professions.json")))
    return [c for c, names in vocabulary if any(_found_in(words, n) for n in names)]


def _claims_match(parts: list[list[str]], named_by: list[list[str]]) -> str:
    columns = "{" + " ".join(CLAIM_TEXT_COLUMNS) + "}"
    terms = []
    for words, named in zip(parts, named_by):
        term = f"{columns} : {_phrase(words)}"
        if named:
            tokens = " OR ".join(f'"{category_token(c)}"' for c in named)
            term = f"({term} OR category : ({tokens}))"
        terms.append(term)
    return " AND ".join(terms)


def search(ctx: Context, text: str, lang: str | None = None, limit: int = 50) -> SearchResult:
    """People, claims and documents matching every word typed, at most ``limit`` of each."""
    lang = messages.language(lang)
    parts = chunks(text)
    if not parts:
        return SearchResult(text, tuple(Group(g, 0, ()) for g in GROUPS))
    everywhere = " AND ".join(_phrase(w) for w in parts)
    named_by = [categories_named(ctx, words) for words in parts]  # the categories each word names
    named = {c for cs in named_by for c in cs}
    store = ctx.store
    with store.snapshot():  # the three groups see the same household
        people = store.find_people(everywhere, limit)
        claims = store.find_claims(_claims_match(parts, named_by), limit)
        docs = store.find_documents(everywhere, limit)
    return SearchResult(text, (
        Group("people", people[0], tuple(_person_hit(r, parts, lang) for r in people[1])),
        Group("claims", claims[0], tuple(_claim_hit(r, parts, named, lang) for r in claims[1])),
        Group("documents", docs[0], tuple(_document_hit(r, parts, lang) for r in docs[1])),
    ))


def _matched(parts: list[list[str]], fields: dict[str, str | None]) -> tuple[str, ...]:
    return tuple(name for name, value in fields.items()
                 if any(_found_in(words, value) for words in parts))


def _person_hit(row: dict, parts, lang: str) -> Hit:
    detail = " · ".join(x for x in (row["caisse_name"], row["mutuelle_name"]) if x)
    matched = _matched(parts, {"name": row["name_text"], "caisse": row["caisse_text"],
                               "mutuelle": row["mutuelle_text"]})
    return Hit(row["id"], row["name"], detail, matched, person_id=row["id"])


def _claim_hit(row: dict, parts, named: set[str], lang: str) -> Hit:
    category = messages.name_of("category", row["category"], lang)
    title = row["title"] or messages.capitalize(category)
    details = [messages.day(row["care_date"], lang) if row["care_date"] else None, row["person"],
               category if row["title"] else None,
               messages.money(row["amount_paid"], lang) if row["amount_paid"] else None]
    matched = _matched(parts, {"title": row["title_text"], "notes": row["notes_text"],
                               "professional": row["professional_text"],
                               "person": row["person"], "date": row["dates_text"]})
    if row["category"] in named:
        matched += ("category",)
    return Hit(row["id"], title, " · ".join(d for d in details if d), matched,
               person_id=row["person_id"], kind=row["category"])


def _document_hit(row: dict, parts, lang: str) -> Hit:
    matched = _matched(parts, {"name": row["original_name"]})
    if not matched or row["snippet"] and "[" in row["snippet"]:
        matched += ("text",)
    return Hit(row["id"], row["original_name"], row["snippet"] or "", matched, person_id=row["person_id"],
               claim_id=row["claim_id"], kind=row["kind"])
