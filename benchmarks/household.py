"""A generated household of any size, for benchmarks and scale tests.

Four people (an insured couple, two children as beneficiaries, the mutuelle linked by NOEMIE
for half of them), claims spread over ten years and the usual categories, the payer histories a
real folder has (sent by post, forwarded by NOEMIE, paid, some undone), and documents with their
fields and a real stored original under ``originals/`` each, so that anything walking the files
pays what it would pay on a user's laptop.

Rows go straight into the store's database: this is tooling, not a use case.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

WORDS = ("kinésithérapie ordonnance pharmacie facture stimulateur périnéal consultation dentaire "
         "radiologie optique lunettes orthodontie pédiatre généraliste ostéopathe analyses sang "
         "transport ambulance semelles attelle").split()
CATEGORIES = ("consultation", "specialist", "pharmacy", "paramedical", "dental", "lpp_device")
PEOPLE = (
    # name, NIR, birth date, insured (index into PEOPLE) or None, NOEMIE linked
    ("Claire Martin", "285077511523432", "1985-07-04", None, True),
    ("Paul Martin", "184036912345671", "1984-03-12", None, False),
    ("Lucas Martin", None, "2014-09-21", 0, True),
    ("Emma Martin", None, "2017-02-02", 1, False),
)


def build(root: Path, claims: int, documents: int | None = None, seed: int = 7,
          files: bool = True) -> dict:
    """Fill a new data folder at ``root``; returns what was made (counts)."""
    from desktop_app.services.context import open_context
    from desktop_app.store.db import now

    documents = claims if documents is None else documents
    ctx = open_context(root, auto_backup=False, tidy=False)
    db = ctx.store.db
    rng = random.Random(seed)
    stamp = now()
    events = 0
    with ctx.store.transaction():
        ids = []
        for name, nir, birth, insured, noemie in PEOPLE:
            row = {"name": name, "nir": nir, "birth_date": birth, "created_at": stamp,
                   "updated_at": stamp, "mutuelle_name": "Mutuelle Familiale",
                   "noemie": int(noemie), "medecin_traitant": 1,
                   "insured_id": ids[insured] if insured is not None else None}
            ids.append(db["people"].insert(row).last_pk)

        def claim(i: int) -> dict:
            year = 2016 + i * 10 // max(claims, 1)
            return {
                "id": i + 1,
                "person_id": rng.choice(ids),
                "title": f"{rng.choice(WORDS).capitalize()} {i}",
                "care_date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "category": rng.choice(CATEGORIES),
                "amount_paid": f"{rng.randint(10, 400)}.{rng.randint(0, 99):02d}",
                "paper": int(rng.random() < 0.5),
                "created_at": stamp,
                "updated_at": stamp,
            }

        db["claims"].insert_all((claim(i) for i in range(claims)), batch_size=2000)

        def history(i: int):
            roll = rng.random()
            if roll < 0.2:
                return
            yield {"claim_id": i + 1, "payer": "cpam", "state": "sent", "at": stamp,
                   "date": "2024-05-10", "channel": "post", "undone": int(roll > 0.95)}
            if roll < 0.6:
                yield {"claim_id": i + 1, "payer": "cpam", "state": "paid", "at": stamp,
                       "date": "2024-06-01", "amount": f"{rng.randint(5, 60)}.00", "undone": 0}
                yield {"claim_id": i + 1, "payer": "mutuelle", "state": "sent", "at": stamp,
                       "date": "2024-06-02", "channel": rng.choice(["noemie", "post"]),
                       "undone": 0}

        rows = [e for i in range(claims) for e in history(i)]
        events = len(rows)
        db["track_events"].insert_all(rows, batch_size=5000)

        originals = ctx.paths.originals
        docs, fields = [], []
        for i in range(documents):
            content = f"generated document {seed}-{i}\n".encode() * 4
            sha = hashlib.sha256(content).hexdigest()
            stored = f"{sha[:2]}/{sha}.png"
            if files:
                path = originals / stored
                path.parent.mkdir(mode=0o700, exist_ok=True)
                path.write_bytes(content)
                path.chmod(0o600)
            docs.append({
                "id": i + 1,
                "person_id": rng.choice(ids),
                "claim_id": (i % claims) + 1 if claims and i % 5 else None,
                "kind": rng.choice(["invoice", "care_sheet", "prescription", "statement"]),
                "sha256": sha,
                "original_name": f"scan_{i}.png",
                "stored_name": stored,
                "size": len(content),
                "pages": 1,
                "read_state": "read",
                "text": " ".join(rng.choice(WORDS) for _ in range(300)) + f" dossier{i}",
                "fields_text": f"total_amount: {rng.randint(10, 400)}.00",
                "warnings": "[]",
                "imported_at": stamp,
            })
            for name, value in (("care_date", "2024-05-02"), ("total_amount", "42.00")):
                fields.append({"document_id": i + 1, "name": name, "value": json.dumps(value),
                               "source": "ocr", "confidence": 0.9, "confirmed": i % 3 == 0,
                               "page": 1, "updated_at": stamp})
            if len(docs) >= 2000:
                db["documents"].insert_all(docs)
                db["document_fields"].insert_all(fields)
                docs, fields = [], []
        if docs:
            db["documents"].insert_all(docs)
            db["document_fields"].insert_all(fields)
    ctx.close()
    return {"claims": claims, "documents": documents, "events": events, "people": len(PEOPLE)}
