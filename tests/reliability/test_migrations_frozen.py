"""Every released schema, frozen in ``tests/data/schema_vN.db``, opens with today's code.

A copy of each file is put in a fresh data folder and opened the way the app starts (migrations
to the current schema, a backup of the old file first). Its household must come out intact and
readable through the services and the command line. A new schema version adds a file
(``python tests/data/make_frozen_db.py``); this test picks it up by itself.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
FROZEN = sorted(DATA.glob("schema_v*.db"), key=lambda p: int(p.stem.split("_v")[1]))


def test_there_is_a_frozen_database_for_every_released_schema():
    from desktop_app.store.migrations import SCHEMA_VERSION

    versions = {int(p.stem.split("_v")[1]) for p in FROZEN}
    assert versions == set(range(1, SCHEMA_VERSION + 1)), (
        "run: python tests/data/make_frozen_db.py (and commit the new file)"
    )


def _version(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(params=FROZEN, ids=[p.stem for p in FROZEN])
def opened(request, tmp_path):
    from desktop_app.services.context import open_context

    frozen: Path = request.param
    before = frozen.read_bytes()
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(frozen, data / "paperasse.db")
    ctx = open_context(data)
    yield frozen, ctx
    ctx.close()
    assert frozen.read_bytes() == before, "the frozen file itself was modified"


def test_frozen_database_migrates_and_stays_whole(opened):
    from desktop_app.store.migrations import SCHEMA_VERSION

    frozen, ctx = opened
    old = _version(frozen)
    db = ctx.store.db
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.execute("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')")
    backups = list(ctx.paths.backups.glob(f"before-migration-v{old}-*.db"))
    if old < SCHEMA_VERSION:
        assert backups, "no backup was written before migrating"
        assert _version(backups[0]) == old
    assert ctx.store.counts() == {"people": 2, "documents": 3, "claims": 2}


def test_frozen_household_is_readable_through_the_services(opened):
    from desktop_app.services import claims, documents, people

    _, ctx = opened
    household = {p.name: p for p in people.list_people(ctx)}
    assert set(household) == {"Claire Martin", "Léo Martin"}
    claire, leo = household["Claire Martin"], household["Léo Martin"]
    assert claire.nir == "285077511523432"
    assert claire.iban == "FR1420041010050500013M02606"
    assert claire.mutuelle_name == "MGEN" and claire.noemie
    assert leo.insured_id == claire.id
    found = {c.id: c for c in claims.list_claims(ctx)}
    assert set(found) == {1, 2}
    assert Decimal(str(found[1].amount_paid)) == Decimal("30.00")
    assert str(found[1].care_date) == "2025-06-12"
    assert found[2].lpp_codes == ["2142100"]
    assert [c.id for c in claims.list_claims(ctx, "Léo Martin")] == [2]
    docs = {d.id: d for d in documents.list_documents(ctx)}
    assert set(docs) == {1, 2, 3}
    assert docs[1].fields["care_date"].confirmed
    assert docs[1].fields["care_date"].value == "2025-06-12"
    assert not docs[1].fields["total_amount"].confirmed
    assert docs[2].fields["lpp_codes"].value == ["2142100"]
    assert [d.id for d in documents.list_documents(ctx, claim_id=2)] == [2]
    hits = documents.search(ctx, "pharmacie")
    assert [h["id"] for h in hits] == [2]
    events = ctx.store.events(1)
    assert [e.event.state for e in events] == ["sent", "paid"]
    assert ctx.setting("follow_up_days") == 21
    # Schema 4: the claim posted to the CPAM stays a paper claim; the one an older version
    # marked electronic is a carte Vitale claim; the others are decided from their papers.
    version = int(opened[0].stem.rsplit("v", 1)[1])
    if version >= 2:
        assert str(found[2].billing) == "vitale"
    assert str(found[1].billing) == "paper"


def test_frozen_household_is_found_by_the_search_of_everything(opened):
    """Schema 7 indexes claims and people: the rows already there are indexed by the migration."""
    from desktop_app.services import search

    _, ctx = opened
    for table in ("claims_fts", "people_fts"):
        ctx.store.db.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")

    def ids(text, group):
        return [h.id for h in search.search(ctx, text).group(group).hits]

    assert ids("kine", "claims") == [2]  # in the notes
    assert ids("mgen", "people") == [1]
    assert ids("leo", "people") == [2] and ids("leo", "claims") == [2]
    assert ids("consultation", "claims") == [1]  # the category's name
    assert ids("2025-06", "claims") == [1]
    assert ids("pharmacie", "documents") == [2]


def test_frozen_household_through_the_command_line(opened, capsys):
    from desktop_app.cli.main import main

    _, ctx = opened
    d = str(ctx.paths.root)
    for argv, count in ((["person", "list"], 2), (["doc", "list"], 3), (["claim", "list"], 2)):
        assert main(["--data-dir", d, *argv, "--json"]) == 0
        out, err = capsys.readouterr()
        assert len(json.loads(out)) == count, err
    assert main(["--data-dir", d, "claim", "show", "1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["person"] == "Claire Martin"


def test_a_newer_schema_is_refused_untouched(tmp_path):
    from desktop_app.core.errors import UserError
    from desktop_app.services.context import open_context

    data = tmp_path / "data"
    data.mkdir()
    db = data / "paperasse.db"
    shutil.copyfile(FROZEN[-1], db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(UserError, match="newer"):
        open_context(data)
    assert db.read_bytes() == before
