"""The LPP table: device codes with their tariff, the base the CPAM refunds on.

Shipped codes are in resources/rules/lpp.json (each with its source and date); codes the user was
given are added to <data>/rules/lpp_added.json, which wins over the shipped file. A code found in
neither is "not on the list as far as Paperasse knows": no CPAM refund is counted for it.
"""

from __future__ import annotations

import datetime as _dt
import json
from decimal import Decimal

from desktop_app.core.errors import UserError
from desktop_app.core.rules.money import money_str
from desktop_app.services.context import Context
from desktop_app.services.parsing import parse_amount
from desktop_app.store.atomic_files import atomic_file

ADDED = "lpp_added.json"


def normalise_code(code: str) -> str:
    """An LPP code is 7 characters: digits, or letters and digits for compression and aerosol
    products. Spaces and dots as printed on invoices are dropped."""
    text = str(code).strip().upper().replace(" ", "").replace(".", "")
    if len(text) != 7 or not text.isalnum() or not text.isascii():
        raise UserError(f"LPP code {code!r} must have 7 characters (digits, or letters and digits)")
    return text


def _shipped(ctx: Context) -> dict:
    from desktop_app import config

    with open(config.resources_dir() / "rules" / "lpp.json", encoding="utf-8") as fh:
        return json.load(fh)


def _added(ctx: Context) -> dict:
    path = ctx.paths.rules / ADDED
    if not path.is_file():
        return {}
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise UserError(
            f"{path} cannot be read ({exc}): fix it or remove it to use the shipped LPP list"
        ) from None
    return data.get("codes", {}) if isinstance(data, dict) else {}


def table(ctx: Context) -> dict[str, dict]:
    """Every known code -> {"label", "tariff", "sources", "as_of", "added"}."""
    codes = {c: dict(v, added=False) for c, v in _shipped(ctx).get("codes", {}).items()}
    codes.update({c: dict(v, added=True) for c, v in _added(ctx).items()})
    return codes


def lookup(known: dict[str, dict], codes) -> tuple[Decimal | None, list[str]]:
    """The base for these codes (the sum of their tariffs) and the codes not on the list."""
    total, unknown = None, []
    for raw in codes or []:
        try:
            code = normalise_code(raw)
        except UserError:
            unknown.append(str(raw))
            continue
        entry = known.get(code)
        if entry is None:
            unknown.append(code)
            continue
        total = (total or Decimal(0)) + Decimal(str(entry["tariff"]))
    return total, unknown


def add_code(ctx: Context, code: str, tariff, label: str | None = None) -> dict:
    """Add (or change) a code the user was given, with its tariff; written atomically."""
    code = normalise_code(code)
    value = parse_amount(tariff, "LPP tariff")
    if value is None or value <= 0:
        raise UserError("an LPP code needs its tariff, e.g. --tariff 304,90")
    added = _added(ctx)
    added[code] = {
        "label": (label or "").strip() or None,
        "tariff": money_str(value),
        "sources": "added by the user",
        "as_of": _dt.date.today().isoformat(),
    }
    folder = ctx.paths.rules
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / ADDED
    with atomic_file(target) as tmp:
        tmp.write_text(
            json.dumps({"format": 1, "codes": added}, ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
    return dict(added[code], code=code, added=True)


def list_codes(ctx: Context) -> list[dict]:
    return [dict(v, code=c) for c, v in sorted(table(ctx).items())]


def known_tariffs(ctx: Context) -> list[dict]:
    """Tariffs a source gives without the code, to help the user check one they add."""
    return list(_shipped(ctx).get("known_tariffs", {}).get("value", []))
