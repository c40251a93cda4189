"""Every SQL statement and every use of the database drivers lives in store/: services, the
window and the command line ask the store, they never write SQL or open a connection."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "desktop_app"
ROOMS = ("services", "gui", "cli")
DRIVERS = ("sqlite3", "sqlcipher3", "sqlite_utils", "desktop_app.store.sql")

# SQL as this project writes it: keywords in capitals, in the shape of a statement or a clause.
# Capitals and shape together keep out sentences a user reads ("Select a file", "Delete this
# claim?", "update the claim, then commit").
_SQL = [re.compile(p) for p in (
    r"\bSELECT\b[\s\S]*\bFROM\b",
    r"\bSELECT\s+(\d|count\(|\*|max\(|sum\()",
    r"\bINSERT\s+(OR\s+[A-Z]+\s+)?INTO\b",
    r"\bUPDATE\s+\"?\w+\"?\s+SET\b",
    r"\bDELETE\s+FROM\b",
    r"\bREPLACE\s+INTO\b",
    r"\bPRAGMA\s+\w+",
    r"\b(CREATE|DROP)\s+(TEMP\s+|VIRTUAL\s+|UNIQUE\s+)?(TABLE|INDEX|TRIGGER|VIEW)\b",
    r"\bALTER\s+TABLE\b",
    r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b(\s+(IMMEDIATE|DEFERRED|EXCLUSIVE|TRANSACTION|\w+))?\s*;?\s*$",
    r"\bWHERE\s+[\w.\"]+\s*(=|<|>|!=|IS\b|IN\b|BETWEEN\b|LIKE\b|MATCH\b)",
    r"\b(ORDER|GROUP)\s+BY\s+[\w.\"]+",
    r"\b(LEFT\s+|INNER\s+)?JOIN\s+\w+\s+(\w+\s+)?ON\b",
)]


def looks_like_sql(text: str) -> bool:
    return any(p.search(text) for p in _SQL)


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes: prose, not code."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def sql_strings(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string literal of ``source`` that reads as SQL; the fixed parts of
    f-strings count, docstrings and comments do not."""
    tree = ast.parse(source)
    prose = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in prose and looks_like_sql(node.value)
    ]


def driver_imports(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        found += [n for n in names if any(n == d or n.startswith(d + ".") for d in DRIVERS)]
    return found


def _modules():
    for room in ROOMS:
        for path in sorted((ROOT / room).rglob("*.py")):
            yield path.relative_to(ROOT.parent), path.read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", [
    "SELECT id, name FROM people WHERE trash_id IS NULL",
    "SELECT count(*) FROM claims",
    "SELECT 1",
    'INSERT OR REPLACE INTO "settings" (key, value) VALUES (?, ?)',
    "INSERT INTO people (name) VALUES (?)",
    "UPDATE documents SET claim_id = ? WHERE id = ?",
    "DELETE FROM track_events WHERE claim_id = ?",
    "PRAGMA user_version",
    'PRAGMA table_info("claims")',
    "CREATE VIRTUAL TABLE documents_fts USING fts5(text)",
    "CREATE INDEX claims_person ON claims(person_id)",
    "BEGIN", "BEGIN IMMEDIATE", "COMMIT", "ROLLBACK",
    " WHERE trash_id IS NULL AND person_id = ?",
    " AND c.care_date BETWEEN ? AND ? ORDER BY c.care_date DESC",
    " JOIN people p ON p.id = c.person_id",
])
def test_the_check_sees_sql(sample):
    assert looks_like_sql(sample)


@pytest.mark.parametrize("sample", [
    "Select a file to import",
    "Select the claims, then delete them from the list",
    "Delete this claim?",
    "Update the claim, then commit to sending it",
    "begin", "Commit", "Begin the import",
    "The archive was written by a newer Paperasse; select another one",
    "Insert the card into the reader",
    "Create a table of the year's care",
    "Where is the paper? Order by date",
    "no backup named {text!r}: select one from the list, FROM the newest",
    "CPAM", "SELECT",
])
def test_the_check_leaves_sentences_alone(sample):
    assert not looks_like_sql(sample)


def test_the_check_reads_string_literals_not_comments_or_docstrings():
    source = (
        '"""Reads SELECT * FROM people: a docstring."""\n'
        "# PRAGMA user_version, in a comment\n"
        "def f(t):\n"
        '    """UPDATE people SET name = ? WHERE id = ?, in prose."""\n'
        '    message = "Select a person"\n'
        '    return f"SELECT count(*) FROM {t}"\n'
    )
    assert [line for line, _ in sql_strings(source)] == [6]
    assert driver_imports("import sqlite3\nfrom desktop_app.store import sql, db\n") == [
        "sqlite3", "desktop_app.store.sql"]
    assert driver_imports("from desktop_app.store import dump\nimport sqlite3.dbapi2\n") == [
        "sqlite3.dbapi2"]


def test_no_sql_and_no_driver_outside_the_store():
    found = []
    for name, source in _modules():
        found += [f"{name}: imports {m}" for m in driver_imports(source)]
        found += [f"{name}:{line}: {text.strip()[:60]!r}" for line, text in sql_strings(source)]
    assert not found, "SQL belongs in desktop_app/store/:\n" + "\n".join(found)
