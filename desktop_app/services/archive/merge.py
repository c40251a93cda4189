"""What importing an archive will do, worked out before anything is written: into an empty data
folder every row as it was (same ids); into one with records, only what is not there yet, under
new ids, with the references between rows following them."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.services.archive.format import TABLES, Archive, nothing_changed
from desktop_app.store import dump
from desktop_app.store.migrations import SCHEMA_VERSION


@dataclass
class Plan:
    """The rows to insert per table, what is added and skipped, and the originals to write."""

    mode: str  # "restore" (empty data folder) or "merge"
    inserts: dict[str, list[dict]] = field(default_factory=dict)
    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # stored_name -> sha256 to write
    notes: list[str] = field(default_factory=list)


def plan_import(store, archive: Archive) -> Plan:
    present = set(dump.tables(store, TABLES))
    if dump.is_empty(store):
        plan = Plan(mode="restore")
        for table, rows in archive.records.items():
            if table not in present:
                plan.notes.append(
                    f"{table}: not known to this version, {len(rows)} row(s) left out"
                )
                plan.skipped[table] = len(rows)
                continue
            plan.inserts[table] = list(rows)
            plan.added[table] = len(rows)
        plan.files = dict(archive.files)
        if plan.inserts.get("layout_memories") and dump.rows(store, "layout_memories"):
            # Layouts taught here before every record went: kept, the archive's added beside.
            del plan.inserts["layout_memories"]
            ids = {d["id"]: d["id"] for d in archive.records.get("documents", [])}
            _merge_layout_memories(store, archive.records, present, ids, plan)
    else:
        plan = _plan_merge(store, archive, present)
    db_version = archive.manifest.get("db_schema_version")
    if isinstance(db_version, int) and db_version > SCHEMA_VERSION:
        plan.notes.append(
            f"the archive was written by a newer Paperasse (database schema {db_version}, "
            f"this version knows {SCHEMA_VERSION})"
        )
    for table, rows in plan.inserts.items():
        known = set(dump.columns(store, table))
        unknown = sorted({c for r in rows for c in r} - known)
        if unknown:
            plan.notes.append(
                f"{table}: column(s) {', '.join(unknown)} not known to this version, left out"
            )
    return plan


def _next_id(rows: list[dict]):
    counter = max((r["id"] for r in rows), default=0)

    def take() -> int:
        nonlocal counter
        counter += 1
        return counter

    return take


def _without_trash(records: dict[str, list[dict]]) -> tuple[dict[str, list[dict]], int]:
    """The archive's records less what was in its Trash (a merge adds what the household
    holds, not what it had thrown away), and how many entries that was."""
    gone = {t: {r["id"] for r in records[t] if r.get("trash_id") is not None}
            for t in ("people", "claims", "documents")}
    if not any(gone.values()):
        return records, 0
    rec = dict(records)
    for table in ("people", "claims", "documents"):
        rec[table] = [r for r in records[table] if r["id"] not in gone[table]]
    rec["document_fields"] = [f for f in records["document_fields"]
                              if f["document_id"] not in gone["documents"]]
    rec["track_events"] = [
        dict(e, source_document_id=None) if e.get("source_document_id") in gone["documents"]
        else e
        for e in records["track_events"] if e["claim_id"] not in gone["claims"]
    ]
    return rec, len(records.get("trash", []))


def _plan_merge(store, archive: Archive, present: set[str]) -> Plan:
    plan = Plan(mode="merge")
    rec, trashed = _without_trash(archive.records)
    if trashed:
        plan.notes.append(f"{trashed} item(s) in the archive's Trash left out")
    label = archive.path
    for table in TABLES:
        plan.inserts[table] = []
        plan.added[table] = plan.skipped[table] = 0

    def add(table: str, row: dict) -> None:
        plan.inserts[table].append(row)
        plan.added[table] += 1

    # People: by NIR, else by name (case-insensitive).
    here = dump.rows(store, "people")
    by_nir = {p["nir"]: p for p in here if p.get("nir")}
    by_name = {p["name"].strip().casefold(): p for p in here}
    new_id = _next_id(here)
    person_map: dict[int, int] = {}
    new_people = []
    for p in rec["people"]:
        via_nir = by_nir.get(p.get("nir")) if p.get("nir") else None
        via_name = by_name.get(p["name"].strip().casefold())
        if via_nir and via_name and via_nir["id"] != via_name["id"]:
            raise nothing_changed(
                label,
                f"person {p['name']!r} of the archive matches both {via_name['name']!r} (by name) "
                f"and {via_nir['name']!r} (by NIR) here; rename one of them first",
            )
        match = via_nir or via_name
        if match and match.get("nir") and p.get("nir") and match["nir"] != p["nir"]:
            raise nothing_changed(
                label,
                f"person {p['name']!r} of the archive has another NIR than {match['name']!r} here; "
                "rename one of them first",
            )
        if match:
            person_map[p["id"]] = match["id"]
            plan.skipped["people"] += 1
        else:
            person_map[p["id"]] = new_id()
            new_people.append(p)
    for p in new_people:
        row = dict(p, id=person_map[p["id"]])
        if p.get("insured_id") is not None:
            row["insured_id"] = person_map[p["insured_id"]]
        add("people", row)

    # Claims: by (person, care date, category, amount paid, title), one to one.
    here = dump.rows(store, "claims")
    new_id = _next_id(here)

    def claim_key(c: dict, person_id) -> tuple:
        return (
            person_id, c.get("care_date"), c.get("category"), c.get("amount_paid"), c.get("title")
        )

    unused: dict[tuple, list[int]] = {}
    for c in here:
        unused.setdefault(claim_key(c, c["person_id"]), []).append(c["id"])
    claim_map: dict[int, int] = {}
    matched_claims: set[int] = set()
    for c in rec["claims"]:
        candidates = unused.get(claim_key(c, person_map[c["person_id"]]))
        if candidates:
            claim_map[c["id"]] = candidates.pop(0)
            matched_claims.add(c["id"])
            plan.skipped["claims"] += 1
        else:
            claim_map[c["id"]] = new_id()
            add("claims", dict(c, id=claim_map[c["id"]], person_id=person_map[c["person_id"]]))

    # Documents: by content (sha256); their fields follow them.
    here = dump.rows(store, "documents")
    by_sha = {d["sha256"]: d["id"] for d in here}
    new_id = _next_id(here)
    doc_map: dict[int, int] = {}
    new_docs: set[int] = set()
    for d in rec["documents"]:
        if d["sha256"] in by_sha:
            doc_map[d["id"]] = by_sha[d["sha256"]]
            plan.skipped["documents"] += 1
            continue
        doc_map[d["id"]] = new_id()
        new_docs.add(d["id"])
        row = dict(d, id=doc_map[d["id"]])
        row["person_id"] = person_map[d["person_id"]] if d.get("person_id") is not None else None
        row["claim_id"] = claim_map[d["claim_id"]] if d.get("claim_id") is not None else None
        add("documents", row)
        plan.files[d["stored_name"]] = d["sha256"]
    new_id = _next_id(dump.rows(store, "document_fields"))
    for f in rec["document_fields"]:
        if f["document_id"] in new_docs:
            add("document_fields", dict(f, id=new_id(), document_id=doc_map[f["document_id"]]))
        else:
            plan.skipped["document_fields"] += 1

    # Payer track events: those of new claims, and those a matched claim lacks.
    here = dump.rows(store, "track_events")
    new_id = _next_id(here)

    def event_key(e: dict, claim_id) -> tuple:
        return (claim_id, e.get("payer"), e.get("state"), e.get("at"), e.get("date"),
                e.get("channel"), e.get("amount"), e.get("reason"), e.get("undone"))

    known = {event_key(e, e["claim_id"]) for e in here}
    for e in rec["track_events"]:
        claim_id = claim_map[e["claim_id"]]
        key = event_key(e, claim_id)
        if e["claim_id"] in matched_claims and key in known:
            plan.skipped["track_events"] += 1
            continue
        known.add(key)
        source = e.get("source_document_id")
        add("track_events", dict(
            e, id=new_id(), claim_id=claim_id,
            source_document_id=doc_map[source] if source is not None else None,
        ))

    # Settings: those not set here.
    here_keys = {s["key"] for s in dump.rows(store, "settings")}
    for s in rec["settings"]:
        if s["key"] in here_keys:
            plan.skipped["settings"] += 1
        else:
            add("settings", dict(s))

    _merge_layout_memories(store, rec, present, doc_map, plan)

    for table, rows in rec.items():
        if table == "trash":
            plan.skipped[table] = len(rows)
        elif table == "layout_memories":
            continue
        elif table not in TABLES and rows:
            plan.skipped[table] = len(rows)
            plan.notes.append(
                f"{table}: {len(rows)} row(s) not merged (only imported into an empty data folder)"
            )
    return plan


def _merge_layout_memories(store, rec: dict, present: set[str], doc_map: dict[int, int],
                           plan: Plan) -> None:
    """Remembered layouts: those of an issuer and kind not remembered here (what this data
    folder was taught stays as it is)."""
    rows = rec.get("layout_memories") or []
    if not rows or "layout_memories" not in present:
        if rows:
            plan.skipped["layout_memories"] = len(rows)
        return
    here = dump.rows(store, "layout_memories")
    known = {(m["kind"], m["issuer_type"], m["issuer_key"]) for m in here}
    new_id = _next_id(here)
    plan.inserts["layout_memories"] = []
    plan.added["layout_memories"] = plan.skipped["layout_memories"] = 0
    for m in rows:
        key = (m.get("kind"), m.get("issuer_type"), m.get("issuer_key"))
        if key in known:
            plan.skipped["layout_memories"] += 1
            continue
        known.add(key)
        source = m.get("document_id")
        plan.inserts["layout_memories"].append(
            dict(m, id=new_id(), document_id=doc_map.get(source) if source is not None else None))
        plan.added["layout_memories"] += 1
