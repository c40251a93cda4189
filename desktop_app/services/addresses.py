"""The address book: where to post a claim (caisses) and a mutuelle's claims address.

Shipped entries live in ``resources/addresses/{caisses,mutuelles}.json`` (editable data, not
constants: most CPAM addresses are unknown and left null). The user's own entries are kept in
``<data folder>/addresses.json`` and take precedence over shipped ones with the same code or name.

An entry is a dict: ``{"name", "address" (postal lines without the name, newline-separated, or
None), "code", "departement", "kind" (cpam|cgss|cssm|msa|student|mutuelle|user), "note",
"outdated", "explanation", "aliases", "source" (shipped|user)}``.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

from desktop_app import config
from desktop_app.core.errors import UserError
from desktop_app.services.context import Context
from desktop_app.store.atomic_files import write_bytes_atomically

USER_FILE = "addresses.json"
_STOPWORDS = {"de", "du", "des", "la", "le", "les", "l", "d"}


# -- loading --------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _read_json(path: str, mtime: float) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(
            f"{path}: the address book cannot be read ({exc}); fix the file or delete it"
        ) from None


def _load(path: Path) -> dict:
    if not path.is_file():
        return {}
    return _read_json(str(path), path.stat().st_mtime)


def _shipped(name: str) -> list[dict]:
    key = name.split(".")[0]
    data = _load(config.resources_dir() / "addresses" / name)
    return [dict(e, source="shipped") for e in data.get(key, [])]


def user_file(ctx: Context) -> Path:
    return ctx.paths.root / USER_FILE


def _user(ctx: Context) -> dict:
    data = _load(user_file(ctx))
    if data and not isinstance(data, dict):
        raise UserError(f"{user_file(ctx)}: not an address book; fix the file or delete it")
    return {
        "format": 1,
        "caisses": [dict(e, source="user") for e in data.get("caisses", [])],
        "mutuelles": [dict(e, source="user") for e in data.get("mutuelles", [])],
    }


def _merged(user: list[dict], shipped: list[dict]) -> list[dict]:
    """User entries first; a shipped entry with the same code or name is replaced by the user's."""
    codes = {_code(e.get("code")) for e in user if e.get("code")}
    names = {normalise(e.get("name", "")) for e in user}
    kept = [
        e for e in shipped
        if not (e.get("code") and _code(e["code"]) in codes) and normalise(e["name"]) not in names
    ]
    return user + kept


def caisses(ctx: Context) -> list[dict]:
    return _merged(_user(ctx)["caisses"], _shipped("caisses.json"))


def mutuelles(ctx: Context) -> list[dict]:
    return _merged(_user(ctx)["mutuelles"], _shipped("mutuelles.json"))


# -- matching -------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Lowercase, no accents, punctuation, articles: "CPAM de la Côte-d'Or" -> "cpam cote or".

    The ways people write a caisse come out the same: "C.P.A.M.", "Caisse primaire d'assurance
    maladie" and "Assurance Maladie" are "cpam"; "St"/"Ste" are "saint"/"sainte"."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", " ", text.lower())
    text = re.sub(r"\bc p a m\b", "cpam", text)
    text = re.sub(r"\bcaisse primaire d ?assurance maladie\b", "cpam", text)
    text = re.sub(r"\bcaisse generale d[e ]? ?securite sociale\b", "cgss", text)
    text = re.sub(r"\b(?:l )?assurance maladie\b", "cpam", text)
    text = re.sub(r"\bste\b", "sainte", text)
    text = re.sub(r"\bst\b", "saint", text)
    return " ".join(w for w in text.split() if w not in _STOPWORDS)


def _code(value) -> str:
    text = str(value or "").strip().upper()
    return text.lstrip("0") if text.isdigit() else text


def _words_of(entry: dict) -> set[str]:
    """The words an entry answers to: its name, area, seat and aliases."""
    return set(normalise(" ".join(
        [entry.get("name") or "", entry.get("area") or "", *(entry.get("cities") or []),
         *(entry.get("aliases") or [])]
    )).split())


def _matches(entry: dict, query: str) -> bool:
    words = set(normalise(query).split())
    if not words:
        return True
    codes = {_code(entry.get("code")), _code(entry.get("departement"))} - {""}
    return words <= _words_of(entry) or _code(query) in codes


# Words that say "a caisse" without saying which.
_GENERIC = {"cpam", "caisse", "centre", "cgss", "cssm", "securite", "sociale", "cedex"}
_DEPARTEMENT = re.compile(r"^(?:0?[1-9]|[1-8][0-9]|9[0-5]|2a|2b|97[1-6])$")


def _departements_in(words: list[str]) -> set[str]:
    """Département numbers written among the words: "33", "2A", "974", a 3-digit caisse code
    "331" (département and a digit), a postal code "33085" (its first two digits)."""
    found = set()
    for word in words:
        if _DEPARTEMENT.match(word):
            found.add(_code(word))
        elif re.fullmatch(r"\d{3}", word) and not word.startswith("97"):
            found.add(_code(word[:2]))
        elif re.fullmatch(r"\d{5}", word):
            found.add(_code(word[:3] if word.startswith("97") else word[:2]))
    return found


def _close(word: str, known: set[str]) -> bool:
    """A word given, or one a typo away from a known one ("Girond", "Gironed")."""
    if word in known:
        return True
    if len(word) < 5:
        return False
    import difflib

    return bool(difflib.get_close_matches(word, known, n=1, cutoff=0.84))


def _find(entries: list[dict], text_or_code) -> dict | None:
    text = str(text_or_code or "").strip()
    if not text:
        return None
    code = _code(text)
    for key in ("code", "departement"):
        for e in entries:
            if e.get(key) and _code(e[key]) == code:
                return e
    wanted = normalise(text)
    bare = wanted.removeprefix("cpam ").strip()
    for e in entries:
        names = [e.get("name") or "", *(e.get("aliases") or [])]
        if any(normalise(n) in (wanted, bare) or normalise(n).removeprefix("cpam ") == bare
               for n in names):
            return e
    words = [w for w in wanted.split() if w not in _GENERIC]
    numbers = _departements_in(words)
    words = [w for w in words if not w.isdigit()]
    candidates = entries
    if numbers:
        candidates = [e for e in entries if _code(e.get("departement")) in numbers]
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            return None
    if not words:
        return None
    # Every word given is one of the entry's (or a typo away): the entry with the fewest other
    # words, if only one.
    scored = []
    for e in candidates:
        have = _words_of(e)
        if all(_close(w, have) for w in words):
            scored.append((len(have - set(words)), e))
    scored.sort(key=lambda s: s[0])
    if len(scored) == 1 or (len(scored) > 1 and scored[0][0] < scored[1][0]):
        return scored[0][1]
    return None


def find_caisse(ctx: Context, text_or_code) -> dict | None:
    """The caisse a name, département number, town or code refers to ('Gironde', '33', 'CPAM de
    Paris', 'CPAM de Bordeaux', 'Caisse primaire d'assurance maladie de la Gironde (33)', '331',
    '617'), or None when nothing or several entries match."""
    return _find(caisses(ctx), text_or_code)


def find_mutuelle(ctx: Context, name) -> dict | None:
    return _find(mutuelles(ctx), name)


def list_caisses(ctx: Context, query: str | None = None) -> list[dict]:
    return [e for e in caisses(ctx) if not query or _matches(e, query)]


def list_mutuelles(ctx: Context, query: str | None = None) -> list[dict]:
    return [e for e in mutuelles(ctx) if not query or _matches(e, query)]


# -- outdated student centres ---------------------------------------------------------------


def is_outdated_centre(code_or_name) -> str | None:
    """Why a caisse code or name is no longer a caisse (the student centres 601 LMDE and 617
    SMEREP, abolished on 1 September 2019), or None."""
    text = str(code_or_name or "").strip()
    if not text:
        return None
    numbers = {n.lstrip("0") for n in re.findall(r"\d+", text)}
    words = f" {normalise(text)} "
    for entry in _shipped("caisses.json"):
        if not entry.get("outdated"):
            continue
        if entry.get("code") and _code(entry["code"]) in numbers:
            return entry["explanation"]
        for alias in entry.get("aliases") or []:
            if f" {normalise(alias)} " in words:
                return entry["explanation"]
    return None


# -- adding ---------------------------------------------------------------------------------


def clean_address(address: str | None) -> str | None:
    """Postal lines, one per line: 'a, b\\nc' and 'a\\nb\\nc' both work."""
    if address is None:
        return None
    lines: list[str] = []
    for part in str(address).splitlines():
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        while pieces:
            piece = pieces.pop(0)
            # "12, rue de la Paix": a house number stays with its street.
            if _HOUSE_NUMBER.match(piece) and pieces:
                piece = f"{piece}, {pieces.pop(0)}"
            lines.append(piece)
    return "\n".join(lines) or None


_HOUSE_NUMBER = re.compile(r"^\d+\s*(bis|ter|quater|[a-z])?$", re.IGNORECASE)


def _add(ctx: Context, key: str, entry: dict) -> dict:
    data = _user(ctx)
    entries = [
        {k: v for k, v in e.items() if k != "source"}
        for e in data[key]
        if normalise(e.get("name", "")) != normalise(entry["name"])
        and not (entry.get("code") and e.get("code") and _code(e["code"]) == _code(entry["code"]))
    ]
    entries.append(entry)
    data[key] = entries
    other = "mutuelles" if key == "caisses" else "caisses"
    data[other] = [{k: v for k, v in e.items() if k != "source"} for e in data[other]]
    target = user_file(ctx)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_bytes_atomically(text.encode("utf-8"), target, ctx.paths.tmp)
    return dict(entry, source="user")


def add_caisse(ctx: Context, name: str, address: str, code: str | None = None) -> dict:
    """Save a caisse and its postal address in the user's address book (replacing an entry of
    theirs with the same name or code)."""
    name = (name or "").strip()
    if not name:
        raise UserError('a caisse needs a name: --name "CPAM de la Gironde"')
    lines = clean_address(address)
    if not lines:
        raise UserError(
            'a caisse needs a postal address: --address "33085 Bordeaux Cedex" '
            "(copy it from the attestation de droits)"
        )
    code = (code or "").strip() or None
    for value in (code, name):
        why = is_outdated_centre(value) if value else None
        if why:
            raise UserError(f"{value!r} is not a caisse any more: {why}")
    entry = {"name": name, "address": lines, "code": code, "kind": "user"}
    return _add(ctx, "caisses", entry)


def add_mutuelle(ctx: Context, name: str, address: str) -> dict:
    name = (name or "").strip()
    if not name:
        raise UserError('a mutuelle needs a name: --name "Harmonie Mutuelle"')
    lines = clean_address(address)
    if not lines:
        raise UserError("a mutuelle needs a postal address (it is on the membership card)")
    return _add(ctx, "mutuelles", {"name": name, "address": lines, "kind": "mutuelle"})
