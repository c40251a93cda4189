"""``paperasse search``: the same search as the window's, every group, as text or JSON."""

from __future__ import annotations

import json

from desktop_app.cli.main import main
from tests.search.test_search_service import household  # noqa: F401  (the fixture)


def run(capsys, *argv) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_search_json_has_every_group_with_counts(household, capsys):  # noqa: F811
    d = str(household["ctx"].paths.root)
    data = json.loads(run(capsys, "--data-dir", d, "search", "kine", "--json"))
    assert data["query"] == "kine"
    assert data["people"] == {"count": 0, "hits": []}
    assert data["claims"]["count"] == 1
    [claim] = data["claims"]["hits"]
    assert claim["id"] == household["kine"] and claim["category"] == "physiotherapy"
    assert claim["title"] == "Séances" and "category" in claim["matched"]
    assert claim["person_id"] == household["lucas"]
    data = json.loads(run(capsys, "--data-dir", d, "search", "pharmacie", "--json"))
    [doc] = data["documents"]["hits"]
    assert doc["id"] == household["doc"] and doc["original_name"] == "facture pharmacie.pdf"
    assert doc["claim_id"] == household["pharma"] and doc["kind"] == "invoice"
    assert "snippet" in doc


def test_search_text_lists_people_claims_then_documents(household, capsys):  # noqa: F811
    d = str(household["ctx"].paths.root)
    out = run(capsys, "--data-dir", d, "search", "martin")
    assert f"person {household['claire']}: Claire Martin" in out
    assert f"person {household['lucas']}: Lucas Martin" in out
    assert f"claim {household['kine']}: Séances" in out
    out = run(capsys, "--data-dir", d, "search", "pharmacie", "--limit", "1")
    assert f"document {household['doc']} (invoice, facture pharmacie.pdf): " in out
    assert "nothing found" in run(capsys, "--data-dir", d, "search", "zzzz")
