"""Build the frozen databases ``tests/data/schema_vN.db``, one per released schema version.

    python tests/data/make_frozen_db.py            # writes the versions that have no file yet
    python tests/data/make_frozen_db.py --force 2  # rewrites schema_v2.db (only before it is released)

Each file is the schema as migration N left it (``MIGRATIONS[:N]`` applied, ``user_version`` N)
holding a small household: two people (one a beneficiary of the other, NIR and IBAN filled in),
two claims, three documents with read fields (one confirmed), payer-track events and a setting.
Rows are written with plain SQL naming the columns of that version, so the script keeps working
as later migrations add columns. Once a version is released its file is never rebuilt: the test
``tests/reliability/test_migrations_frozen.py`` opens each one with the current code.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

STAMP = "2025-07-04T10:00:00+02:00"

PEOPLE = [
    dict(id=1, name="Claire Martin", nir="285077511523432", birth_date="1985-07-04", sex="F",
         caisse_name="CPAM de Paris", regime="general", medecin_traitant=1, mutuelle_name="MGEN",
         mutuelle_member_number="123456789", noemie=1,
         mutuelle_guarantees=json.dumps({"consultation": "100% BR", "lpp_device": "200% BR"}),
         iban="FR1420041010050500013M02606", notes="frozen v1 household"),
    dict(id=2, name="Léo Martin", birth_date="2019-03-02", sex="M", insured_id=1, regime="general"),
]
CLAIMS = [
    dict(id=1, person_id=1, title="Médecin généraliste", care_date="2025-06-12", category="consultation",
         amount_paid="30.00", tiers_payant="none"),
    dict(id=2, person_id=2, title="Semelles orthopédiques", care_date="2025-07-01", category="lpp_device",
         amount_paid="120.50", base="28.86", lpp_codes=json.dumps(["2142100"]), notes="kiné next"),
]
DOCUMENTS = [
    dict(id=1, person_id=1, claim_id=1, kind="care_sheet", sha256="a" * 64, original_name="feuille de soins.jpg",
         stored_name="aa/" + "a" * 64 + ".jpg", mime="image/jpeg", size=123456, pages=1, read_state="read",
         text_source="ocr", text="FEUILLE DE SOINS\nDr Bernard Médecin généraliste\n12/06/2025 30,00",
         warnings="[]"),
    dict(id=2, person_id=2, claim_id=2, kind="invoice", sha256="b" * 64, original_name="facture semelles.pdf",
         stored_name="bb/" + "b" * 64 + ".pdf", mime="application/pdf", size=4567, pages=2, read_state="read",
         text_source="text_layer", text="Pharmacie du Marché\nSemelles orthopédiques 120,50 EUR",
         warnings=json.dumps(["page 2 is blank"])),
    dict(id=3, person_id=None, claim_id=None, kind="other", sha256="c" * 64, original_name="scan.png",
         stored_name="cc/" + "c" * 64 + ".png", mime="image/png", size=999, pages=1, read_state="not_read",
         text_source="none", text="", warnings="[]"),
]
FIELDS = [
    dict(document_id=1, name="care_date", value=json.dumps("2025-06-12"), source="ocr", confidence=0.91,
         confirmed=1, page=1, bbox=json.dumps([10, 20, 100, 12]), source_text="12/06/2025"),
    dict(document_id=1, name="total_amount", value=json.dumps("30.00"), source="ocr", confidence=0.8,
         confirmed=0, page=1, bbox=None, source_text="30,00"),
    dict(document_id=2, name="total_amount", value=json.dumps("120.50"), source="text", confidence=1.0,
         confirmed=0, page=1, bbox=None, source_text="120,50 EUR"),
    dict(document_id=2, name="lpp_codes", value=json.dumps(["2142100"]), source="text", confidence=0.7,
         confirmed=0, page=1, bbox=None, source_text="2142100"),
]
EVENTS = [
    dict(claim_id=1, payer="cpam", state="sent", at=STAMP, date="2025-06-13", channel="post"),
    dict(claim_id=1, payer="cpam", state="paid", at=STAMP, date="2025-06-20", amount="20.00",
         source_document_id=None),
    dict(claim_id=2, payer="cpam", state="sent", at=STAMP, date="2025-07-02", channel="online",
         undone=1),
]
SETTINGS = {"follow_up_days": 21}
# What later versions add to the same household (columns they introduced).
EXTRA = {
    2: ["UPDATE claims SET paper = 0, units = 3 WHERE id = 2"],
    4: ["UPDATE claims SET billing = 'paper' WHERE id = 1",
        "UPDATE claims SET billing = 'vitale' WHERE id = 2",
        "UPDATE claims SET specialty = 'gynaecology', out_of_parcours = 1 WHERE id = 1",
        "UPDATE people SET contrat_responsable = 0 WHERE id = 2"],
    8: ["INSERT INTO layout_memories (kind, issuer_type, issuer_key, issuer_name, fingerprint,"
        " fields, document_id, uses, created_at, updated_at) VALUES ('invoice', 'siret',"
        " '81947265500011', 'Pharmacie du Marché', '[\"marche\", \"pharmacie\"]',"
        " '{\"total_amount\": {\"name\": \"total_amount\", \"type\": \"amount\","
        " \"label\": \"montant regle\", \"relation\": \"below\", \"dx\": 0.0, \"dy\": 2.1,"
        " \"width\": 4.0, \"page\": 1, \"box\": [0.56, 0.46, 0.07, 0.013],"
        " \"label_at\": [0.56, 0.44], \"corrected\": true}}', 2, 3,"
        f" '{STAMP}', '{STAMP}')"],
}


def _insert(conn: sqlite3.Connection, table: str, row: dict) -> None:
    cols = [k for k, v in row.items() if v is not None]
    conn.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [row[c] for c in cols],
    )


def build(version: int, target: Path) -> Path:
    from desktop_app.store.migrations import MIGRATIONS

    if not 1 <= version <= len(MIGRATIONS):
        raise SystemExit(f"schema version {version} does not exist (known: 1..{len(MIGRATIONS)})")
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        for number in range(1, version + 1):
            conn.executescript(f"BEGIN;\n{MIGRATIONS[number - 1]}\nPRAGMA user_version = {number};\nCOMMIT;")
        conn.execute("BEGIN")
        for row in PEOPLE:
            _insert(conn, "people", dict(row, created_at=STAMP, updated_at=STAMP))
        for row in CLAIMS:
            _insert(conn, "claims", dict(row, created_at=STAMP, updated_at=STAMP))
        for row in DOCUMENTS:
            fields = "\n".join(f"{f['name']}: {json.loads(f['value'])}" for f in FIELDS
                               if f["document_id"] == row["id"])
            _insert(conn, "documents", dict(row, fields_text=fields or None, imported_at=STAMP))
        for row in FIELDS:
            _insert(conn, "document_fields", dict(row, updated_at=STAMP))
        for row in EVENTS:
            _insert(conn, "track_events", row)
        for key, value in SETTINGS.items():
            _insert(conn, "settings", {"key": key, "value": json.dumps(value)})
        for number in range(2, version + 1):
            for sql in EXTRA.get(number, []):
                conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("VACUUM")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    target.chmod(0o644)
    return target


def main(argv=None) -> int:
    from desktop_app.store.migrations import SCHEMA_VERSION

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", type=int, action="append", default=[], metavar="N",
                        help="rebuild schema_vN.db even if it exists (never for a released version)")
    args = parser.parse_args(argv)
    for version in range(1, SCHEMA_VERSION + 1):
        target = HERE / f"schema_v{version}.db"
        if target.exists() and version not in args.force:
            print(f"{target.name}: kept (frozen)")
            continue
        build(version, target)
        print(f"{target.name}: written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
