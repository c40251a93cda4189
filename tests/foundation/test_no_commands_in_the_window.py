"""The window never tells the user to type a command: no text it shows names a ``paperasse``
command. The command line adds its own hints (desktop_app/cli/hints.py), which are allowed."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _commands() -> re.Pattern:
    """'paperasse person edit', 'paperasse --data-dir D doc confirm'… (any of the CLI's own
    commands); 'Paperasse vous dira…', the app speaking of itself, is not one."""
    from desktop_app.cli.main import build_parser

    parser = build_parser()
    names = set()
    for action in parser._subparsers._group_actions:  # the one COMMAND argument
        names |= set(action.choices)
    words = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"\bpaperasse\s+(?:--data-dir\s+\S+\s+)?(?:{words})\b|--force\b")


COMMAND = None


def command_in(text: str) -> str | None:
    global COMMAND
    COMMAND = COMMAND or _commands()
    found = COMMAND.search(text or "")
    return found.group(0) if found else None


def _strings(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def test_the_pattern_finds_command_hints():
    assert command_in("record it with: paperasse person edit 'Claire' --caisse-address …")
    assert command_in("then run paperasse doc confirm 3 payer=cpam")
    assert command_in("use --force to prepare it anyway")
    assert not command_in("Quand la CPAM aura payé, Paperasse vous dira s'il faut…")
    assert not command_in("paperasse: window shown")


def test_message_tables_name_no_command():
    from desktop_app.core.rules.messages import MESSAGES

    for key, texts in MESSAGES.items():
        for lang, text in texts.items():
            assert not command_in(text), (key, lang, text)


@pytest.mark.parametrize("name", ["rules/completeness.json", "rules/tariffs.json",
                                  "rules/professions.json", "addresses/caisses.json",
                                  "addresses/mutuelles.json"])
def test_rule_and_address_files_name_no_command(name):
    data = json.loads((REPO / "resources" / name).read_text(encoding="utf-8"))
    # "sources" and "how_to_edit" document the file for whoever edits it; nothing shows them.
    shown = {k: v for k, v in data.items() if k not in ("sources", "how_to_edit")}
    for text in _strings(shown):
        assert not command_in(text), (name, text)


def test_window_texts_name_no_command():
    catalogue = (REPO / "resources" / "translations" / "paperasse_fr.ts").read_text(encoding="utf-8")
    texts = re.findall(r"<(?:source|translation)>(.*?)</(?:source|translation)>", catalogue, re.S)
    assert len(texts) > 500
    for text in texts:
        assert not command_in(text), text


def _shown_strings(path: Path):
    """String constants of a module, docstrings left out (they are for developers)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in docstrings:
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr):  # f-strings: their literal parts joined
            literal = "".join(v.value if isinstance(v, ast.Constant) else " X "
                              for v in node.values)
            yield node.lineno, literal


@pytest.mark.parametrize("layer", ["core", "store", "intake", "services", "gui"])
def test_what_the_window_can_show_names_no_command(layer):
    """Every message the services, the store, intake and the window build (errors included,
    which the window shows as they are) is free of command hints; only desktop_app/cli words
    them."""
    problems = []
    for path in sorted((REPO / "desktop_app" / layer).rglob("*.py")):
        for line, text in _shown_strings(path):
            if command_in(text):
                problems.append(f"{path.relative_to(REPO)}:{line}: {text[:90]!r}")
    assert not problems, "\n".join(problems)


def test_a_mailing_report_and_its_letter_name_no_command(ctx, tmp_path):
    from pypdf import PdfReader

    from desktop_app.core.rules import messages
    from desktop_app.services import bundle, claims, people

    people.add_person(ctx, name="Claire Martin", caisse_name="SMEREP", caisse_code="617",
                      mutuelle="Mutuelle Horizon")
    claim = claims.new_claim(ctx, "Claire Martin", care_date="2025-03-01",
                             category="lpp_device", amount_paid="304.90")
    for payer in ("cpam", "mutuelle"):
        out = tmp_path / f"{payer}.pdf"
        report = bundle.build_bundle(ctx, claim.id, payer, out, override=True)
        assert report.notices
        for notice in report.notices:
            for lang in messages.LANGUAGES:
                text = messages.message(notice.id, lang, **notice.values)
                assert not command_in(text), text
        for page in PdfReader(str(out)).pages:
            text = page.extract_text() or ""
            assert not command_in(text.replace("\n", " ")), text
