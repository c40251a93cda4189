"""Whole-household archives: one ZIP with every record and every stored original.

Layout of an archive (format "paperasse-archive", version ``ARCHIVE_VERSION``)::

    manifest.json              {"format", "schema_version", "app_version", "db_schema_version",
                                "created_at", "counts": {table: rows}, "tables": [...],
                                "files": {stored_name: sha256}}
    records/<table>.json       every row of the table (``SELECT *``, ids included)
    originals/<stored_name>    every stored original, byte for byte

Import checks the whole archive before writing anything (CRCs, manifest, JSON,
references between rows, the SHA-256 of every original against the manifest
and its document row, member names). Into an empty data folder it restores
exactly (same ids); into one that has records it merges without duplicates.
Originals are written (atomically) before the one transaction that inserts
the rows, and removed again if that transaction fails.

This module reads and writes the store's tables directly: a dump has to see
every column, including ones added by later versions.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as _dt
import hashlib
import json
import os
import re
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app import __version__
from desktop_app.core.errors import UserError
from desktop_app.store import originals, vault
from desktop_app.services import archive_crypt, archive_schema, limits, output_files
from desktop_app.store.migrations import DERIVED_TABLES, SCHEMA_VERSION
from desktop_app.store import sql

FORMAT = "paperasse-archive"
ARCHIVE_VERSION = 1
CHUNK = 1 << 20
# A household's records are tens of MB; more is an archive bomb, not a household.
MAX_RECORDS_MEMBER = 256 << 20
MAX_RECORDS_TOTAL = 512 << 20

# Known tables, parents first; ``key`` is how a row is identified.
TABLES = ("people", "claims", "documents", "document_fields", "track_events", "settings")
REQUIRED_COLUMNS = {
    "people": ("id", "name"),
    "claims": ("id", "person_id"),
    "documents": ("id", "sha256", "stored_name"),
    "document_fields": ("id", "document_id", "name"),
    "track_events": ("id", "claim_id"),
    "settings": ("key", "value"),
}
# Files whose content is already compressed: stored as they are.
STORED_SUFFIXES = {".jpg", ".jpeg", ".pdf", ".png", ".heic", ".heif", ".webp", ".gif", ".zip"}
_STORED_NAME = re.compile(r"^([0-9a-f]{2})/([0-9a-f]{64})(\.[a-z0-9]{1,7})?$")
_TABLE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def _nothing_changed(path, message: str) -> UserError:
    return UserError(f"{path}: {message}; nothing was changed")


# Rows as JSON (a BLOB, should a later version add one, survives as base64)


def _json_default(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$base64": base64.b64encode(bytes(value)).decode("ascii")}
    raise TypeError(f"cannot store {type(value).__name__} in an archive")


def _json_value(value):
    """One cell: a plain value, or bytes written as {"$base64": …}; anything else is refused."""
    if isinstance(value, dict) and set(value) == {"$base64"} and isinstance(value["$base64"], str):
        try:
            return base64.b64decode(value["$base64"], validate=True)
        except (ValueError, binascii.Error):
            raise ValueError("a value is not valid base64") from None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ValueError(f"a value is a {type(value).__name__}, not a plain value")


def _columns(conn: sql.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _tables(conn: sql.Connection) -> list[str]:
    """Known tables first, then any a later migration added (not FTS or SQLite internals)."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    names = []
    for name, _sql in rows:
        if name.startswith("sqlite_") or name in virtual:
            continue
        if any(name.startswith(v + "_") for v in virtual):
            continue  # an FTS shadow table
        if name in DERIVED_TABLES:
            continue  # rebuilt by the store's own triggers
        if _TABLE_NAME.match(name):
            names.append(name)
    extras = sorted(n for n in names if n not in TABLES)
    return [t for t in TABLES if t in names] + extras


def _order_by(conn: sql.Connection, table: str) -> str:
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    keys = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
    return ", ".join(f'"{k}"' for k in keys) if keys else "rowid"


# Export


def export_archive(ctx, out_path, overwrite: bool = False) -> dict:
    """Write the whole household to ``out_path`` (a ZIP), atomically.

    Returns {"path", "counts", "files", "size"}.
    """
    out = output_files.checked_target(out_path, ctx.paths.root, overwrite, "paperasse.zip")
    conn = ctx.store.db.conn
    manifest, records = _dump(conn)
    documents = records["documents"]
    files = {d["stored_name"]: d["sha256"] for d in documents}
    manifest["files"] = files
    for d in documents:
        if not (ctx.paths.originals / d["stored_name"]).is_file():
            raise UserError(
                f"document {d['id']} ({d.get('original_name')}): its stored original "
                f"{d['stored_name']} is missing; restore a backup or re-import it; "
                "no archive was written"
            )
    keys = vault.unlocked(ctx.paths.root)
    with output_files.output_file(out, ctx.paths.root, overwrite, "paperasse.zip") as tmp:
        # An encrypted folder's archive is sealed whole: the ZIP is built in the folder's
        # private tmp, then sealed into the output with the key file that opens it.
        plain = archive_crypt.private_tmp(ctx.paths, ".zip") if keys is not None else tmp
        try:
            with zipfile.ZipFile(plain, "w", compression=zipfile.ZIP_DEFLATED,
                                 allowZip64=True) as zf:
                zf.writestr("manifest.json", _dumps(manifest))
                for table, rows in records.items():
                    zf.writestr(f"records/{table}.json", _dumps(rows))
                for d in documents:
                    _add_original(zf, ctx.paths.originals, d)
            _read_archive(plain, label=out)  # what was written reads back, CRCs and hashes too
            if keys is not None:
                archive_crypt.seal(plain, tmp, vault.read_keyfile(ctx.paths.root), keys)
        finally:
            if plain != tmp:
                with contextlib.suppress(OSError):
                    plain.unlink()
    return {
        "path": str(out),
        "counts": manifest["counts"],
        "files": len(files),
        "size": out.stat().st_size,
    }


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, default=_json_default)


def _dump(conn: sql.Connection) -> tuple[dict, dict[str, list[dict]]]:
    """Every row of every table, read in one snapshot."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        records = {}
        for table in _tables(conn):
            cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY {_order_by(conn, table)}')
            cols = [c[0] for c in cursor.description]
            records[table] = [dict(zip(cols, row)) for row in cursor.fetchall()]
        db_version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        if own:
            conn.execute("COMMIT")
    manifest = {
        "format": FORMAT,
        "schema_version": ARCHIVE_VERSION,
        "app_version": __version__,
        "db_schema_version": db_version,
        "created_at": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "counts": {t: len(rows) for t, rows in records.items()},
        "tables": list(records),
    }
    return manifest, records


def _add_original(zf: zipfile.ZipFile, root: Path, doc: dict) -> None:
    source = root / doc["stored_name"]
    info = zipfile.ZipInfo.from_file(source, f"originals/{doc['stored_name']}")
    info.compress_type = (
        zipfile.ZIP_STORED if source.suffix.lower() in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
    )
    digest = hashlib.sha256()
    with zf.open(info, "w", force_zip64=info.file_size > 2**31) as dest:
        for chunk in originals.plain_chunks(source):
            digest.update(chunk)
            dest.write(chunk)
    if digest.hexdigest() != doc["sha256"]:
        raise UserError(
            f"document {doc['id']} ({doc.get('original_name')}): its stored original "
            f"{doc['stored_name']} does not match its checksum; restore a backup; "
            "no archive was written"
        )


# Reading and checking an archive (writes nothing)


@dataclass
class Archive:
    path: Path
    manifest: dict
    records: dict[str, list[dict]]
    files: dict[str, str]  # stored_name -> sha256, only those a document refers to
    notes: list[str] = field(default_factory=list)  # what was left out of it, and why


def _safe_member(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name:
        return False
    parts = name.split("/")
    if ":" in parts[0]:
        return False
    return all(p not in ("", ".", "..") for p in parts[:-1]) and parts[-1] not in (".", "..")


def _read_archive(path: Path, label=None) -> Archive:
    """Open and check an archive completely; raises UserError, writes nothing."""
    label = label or path
    try:
        info = os.stat(path)
    except OSError:
        raise UserError(f"{label}: no such file; check the path") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{label}: is a folder; choose the archive file (.zip) inside it")
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"{label}: is not an ordinary file (a device or a pipe); choose the "
                        "archive file (.zip)")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _nothing_changed(
            label, f"not a readable ZIP archive ({exc}); it may be truncated or damaged"
        ) from None
    with zf:
        infos = zf.infolist()
        seen: set[str] = set()
        for info in infos:
            if not _safe_member(info.filename):
                raise _nothing_changed(
                    label,
                    f"refused: it contains a file named {info.filename!r} outside the archive",
                )
            if info.filename in seen:
                raise _nothing_changed(label, f"refused: {info.filename!r} appears twice")
            seen.add(info.filename)
            _check_size(info, label)
        records_size = sum(i.file_size for i in infos if not i.filename.startswith("originals/"))
        if records_size > MAX_RECORDS_TOTAL:
            raise _nothing_changed(
                label, f"refused: its records unpack to {records_size >> 20} MB, over the "
                f"{MAX_RECORDS_TOTAL >> 20} MB a household's records take"
            )
        if any(i.flag_bits & 0x1 for i in infos):
            raise _nothing_changed(
                label, "refused: it is password-protected; Paperasse archives never are"
            )
        try:
            bad = zf.testzip()
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError,
                RuntimeError) as exc:
            raise _nothing_changed(label, f"damaged ({exc})") from None
        if bad is not None:
            raise _nothing_changed(label, f"damaged: {bad} fails its CRC check")
        manifest = _member_json(zf, "manifest.json", label)
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            found = manifest.get("format") if isinstance(manifest, dict) else None
            raise _nothing_changed(
                label, f"not a Paperasse archive (format {found!r}, expected {FORMAT!r})"
            )
        version = manifest.get("schema_version")
        if not isinstance(version, int) or version < 1:
            raise _nothing_changed(label, f"unknown archive version {version!r}")
        if version > ARCHIVE_VERSION:
            raise _nothing_changed(
                label,
                f"written by a newer Paperasse (archive version {version}, this one reads up to "
                f"{ARCHIVE_VERSION}); install the newer version to import it",
            )
        tables = manifest.get("tables") or list(TABLES)
        if not isinstance(tables, list) or not all(
            isinstance(t, str) and _TABLE_NAME.match(t) for t in tables
        ):
            raise _nothing_changed(label, "damaged: the manifest's table list is invalid")
        records: dict[str, list[dict]] = {}
        for table in list(TABLES) + [t for t in tables if t not in TABLES]:
            rows = _member_json(zf, f"records/{table}.json", label)
            if not isinstance(rows, list) or not all(
                isinstance(r, dict) and all(isinstance(k, str) for k in r) for r in rows
            ):
                raise _nothing_changed(
                    label, f"damaged: records/{table}.json is not a list of rows"
                )
            try:
                records[table] = [{k: _json_value(v) for k, v in r.items()} for r in rows]
            except ValueError as exc:
                raise _nothing_changed(label, f"damaged: records/{table}.json: {exc}") from None
            for number, row in enumerate(records[table], 1):
                try:
                    archive_schema.check_row(table, row)
                except archive_schema.Invalid as exc:
                    raise _nothing_changed(
                        label, f"damaged: records/{table}.json, row {number}: {exc}"
                    ) from None
        counts = manifest.get("counts") or {}
        if not isinstance(counts, dict) or not all(
            isinstance(n, int) and not isinstance(n, bool) for n in counts.values()
        ):
            raise _nothing_changed(label, "damaged: the manifest's counts are not numbers")
        for table, rows in records.items():
            if table in counts and counts[table] != len(rows):
                raise _nothing_changed(
                    label,
                    f"damaged: records/{table}.json has {len(rows)} rows, the manifest says "
                    f"{counts[table]}",
                )
        notes = []
        kept = [r for r in records["settings"] if archive_schema.setting_allowed(r)]
        if len(kept) != len(records["settings"]):
            refused = sorted({str(r.get("key"))[:60] for r in records["settings"]} -
                             {r["key"] for r in kept})
            notes.append(f"settings left out (an archive may not set them): {', '.join(refused)}")
            records["settings"] = kept
        _check_records(records, label)
        files = _check_originals(zf, manifest, records["documents"], seen, label)
    return Archive(path=path, manifest=manifest, records=records, files=files, notes=notes)


def _member_json(zf: zipfile.ZipFile, name: str, label):
    try:
        raw = zf.read(name)
    except KeyError:
        raise _nothing_changed(
            label, f"damaged or not a Paperasse archive: {name} is missing"
        ) from None
    except (zipfile.BadZipFile, zlib.error, OSError) as exc:
        raise _nothing_changed(label, f"damaged: {name} cannot be read ({exc})") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _nothing_changed(label, f"damaged: {name} is not valid JSON ({exc})") from None
    except RecursionError:
        raise _nothing_changed(label, f"damaged: {name} is nested too deeply") from None


def _check_size(info: zipfile.ZipInfo, label) -> None:
    """Refuse a member bigger than anything Paperasse writes, before unpacking a byte of it
    (the sizes in the ZIP directory bound what reading the member can return)."""
    if info.filename.startswith("originals/"):
        limit, what = limits.MAX_FILE_BYTES, "an original"
    else:
        limit, what = MAX_RECORDS_MEMBER, "a records file"
    if info.file_size > limit:
        raise _nothing_changed(
            label, f"refused: {info.filename} unpacks to {info.file_size >> 20} MB, over the "
            f"{limit >> 20} MB limit of {what}"
        )


def _check_records(records: dict[str, list[dict]], label) -> None:
    ids: dict[str, set] = {}
    for table, required in REQUIRED_COLUMNS.items():
        key = required[0]
        seen = set()
        for row in records[table]:
            missing = [c for c in required if c not in row]
            if missing:
                raise _nothing_changed(
                    label, f"damaged: a row of records/{table}.json lacks {', '.join(missing)}"
                )
            value = row[key]
            if key == "id" and (not isinstance(value, int) or isinstance(value, bool)):
                raise _nothing_changed(label, f"damaged: {table} id {value!r} is not a number")
            if value in seen:
                raise _nothing_changed(label, f"damaged: {table} {key} {value!r} appears twice")
            seen.add(value)
        ids[table] = seen

    def refs(table: str, column: str, parent: str, nullable: bool = True) -> None:
        for row in records[table]:
            value = row.get(column)
            if value is None and nullable:
                continue
            if value not in ids[parent]:
                raise _nothing_changed(
                    label,
                    f"damaged: {table} {row.get('id')} refers to {parent} {value!r}, "
                    "which is not in the archive",
                )

    refs("people", "insured_id", "people")
    refs("claims", "person_id", "people", nullable=False)
    refs("documents", "person_id", "people")
    refs("documents", "claim_id", "claims")
    refs("document_fields", "document_id", "documents", nullable=False)
    refs("track_events", "claim_id", "claims", nullable=False)
    refs("track_events", "source_document_id", "documents")
    if "layout_memories" in records:
        refs("layout_memories", "document_id", "documents")
    if "trash" in records:
        ids["trash"] = {t.get("id") for t in records["trash"]}
        for table in ("people", "claims", "documents"):
            refs(table, "trash_id", "trash")
    names = set()
    for p in records["people"]:
        if not isinstance(p["name"], str) or not p["name"].strip():
            raise _nothing_changed(label, f"damaged: person {p['id']} has no name")
        folded = p["name"].strip().casefold()
        if folded in names:
            raise _nothing_changed(label, f"damaged: two people are named {p['name']!r}")
        names.add(folded)
    shas = set()
    for d in records["documents"]:
        if d["sha256"] in shas:
            raise _nothing_changed(
                label, f"damaged: two documents have the same content ({d['sha256']})"
            )
        shas.add(d["sha256"])


def _check_originals(zf, manifest, documents, members: set[str], label) -> dict[str, str]:
    listed = manifest.get("files")
    if not isinstance(listed, dict):
        raise _nothing_changed(label, "damaged: the manifest does not list the originals")
    files: dict[str, str] = {}
    for d in documents:
        name, sha = d["stored_name"], d["sha256"]
        match = _STORED_NAME.match(name) if isinstance(name, str) else None
        if not match or match.group(2) != sha or match.group(1) != sha[:2]:
            raise _nothing_changed(
                label, f"damaged: document {d['id']} has an invalid stored name {name!r}"
            )
        if listed.get(name) != sha:
            raise _nothing_changed(
                label,
                f"damaged: document {d['id']}'s original {name} is not listed in the manifest",
            )
        member = f"originals/{name}"
        if member not in members:
            raise _nothing_changed(label, f"damaged: {member} is missing")
        digest = hashlib.sha256()
        try:
            with zf.open(member) as handle:
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
        except (zipfile.BadZipFile, zlib.error, OSError) as exc:
            raise _nothing_changed(label, f"damaged: {member} cannot be read ({exc})") from None
        if digest.hexdigest() != sha:
            raise _nothing_changed(
                label, f"damaged: {member} does not match its checksum (document {d['id']})"
            )
        files[name] = sha
    return files


# Import


@dataclass
class _Plan:
    mode: str  # "restore" (empty data folder) or "merge"
    inserts: dict[str, list[dict]] = field(default_factory=dict)
    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # stored_name -> sha256 to write
    notes: list[str] = field(default_factory=list)


def check_archive(zip_path) -> dict:
    """Check an archive without importing it: {"path", "counts", "files", "created_at", ...}."""
    path = Path(zip_path).expanduser()
    with archive_crypt.opened(path) as plain:
        archive = _read_archive(plain, label=path)
    m = archive.manifest
    return {
        "path": str(path),
        "created_at": m.get("created_at"),
        "app_version": m.get("app_version"),
        "db_schema_version": m.get("db_schema_version"),
        "counts": {t: len(rows) for t, rows in archive.records.items()},
        "files": len(archive.files),
    }


def import_archive(ctx, zip_path) -> dict:
    """Import an archive; all or nothing. Returns
    {"archive", "mode", "added": {table: n}, "skipped": {table: n}, "originals_written",
     "safety_backup", "notes"}."""
    with archive_crypt.opened(Path(zip_path).expanduser(), ctx.paths) as plain:
        return _import_archive(ctx, plain, Path(zip_path).expanduser())


def _import_archive(ctx, path: Path, label: Path) -> dict:
    archive = _read_archive(path, label=label)
    conn = ctx.store.db.conn
    plan = _plan(conn, archive)
    safety = safety_info = None
    from desktop_app.services import backups

    if plan.mode == "merge" and any(plan.added.values()):
        safety_info = backups.backup_now(ctx, reason="before-import")
        safety = safety_info.id
    root = ctx.paths.originals
    created: list[Path] = []
    with originals.writing(root):
        try:
            with zipfile.ZipFile(path) as zf:
                for name, sha in plan.files.items():
                    if _write_original(zf, name, sha, root, ctx.paths.tmp, label):
                        created.append(root / name)
            with ctx.store.transaction():
                conn.execute("PRAGMA defer_foreign_keys = ON")
                final = _plan(conn, archive)  # the data folder may have changed meanwhile
                if set(final.files) - set(plan.files):
                    raise _nothing_changed(
                        label, "the data folder changed during the import; import it again"
                    )
                _insert(conn, final)
            plan = final
        except sql.Error as exc:
            if conn.in_transaction:  # a failed COMMIT leaves the transaction open
                conn.execute("ROLLBACK")
            _remove(created)
            _discard(safety_info)
            raise _nothing_changed(label, f"its records cannot be stored ({exc})") from None
        except OSError as exc:
            _remove(created)
            _discard(safety_info)
            raise _nothing_changed(
                label,
                f"an original cannot be written ({exc.strerror or exc}); "
                "check the free disk space",
            ) from None
        except BaseException:
            _remove(created)
            _discard(safety_info)
            raise
    plan.notes[:0] = archive.notes
    return {
        "archive": str(label),
        "mode": plan.mode,
        "added": plan.added,
        "skipped": plan.skipped,
        "originals_written": len(created),
        "safety_backup": safety,
        "notes": plan.notes,
    }


def _discard(safety_info) -> None:
    """Nothing was changed: the copy taken before the import is not needed."""
    if safety_info is not None:
        from desktop_app.services import backups

        backups.discard(safety_info)


def _remove(paths: list[Path]) -> None:
    for p in paths:
        with contextlib.suppress(OSError):
            p.unlink()
        with contextlib.suppress(OSError):
            p.parent.rmdir()  # only when empty: the xx/ folder this import made


def _write_original(zf, name: str, sha: str, root: Path, tmp_dir: Path, label) -> bool:
    """Extract one original atomically, checking its hash again. False if already there."""
    target = root / name
    if target.exists():
        if originals.sha256_of(target) == sha:
            return False
        raise _nothing_changed(
            label,
            f"the stored original {target} exists but does not match its checksum; "
            "move it out of the data folder and import again",
        )
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=tmp_dir, suffix=".part")
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out, zf.open(f"originals/{name}") as inp:
            while chunk := inp.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != sha:
            raise _nothing_changed(label, f"originals/{name} changed while it was being imported")
        os.chmod(tmp_name, 0o600)
        tmp_name = str(originals.sealed_for(target, Path(tmp_name)))
        os.replace(tmp_name, target)
        originals.fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return True


def _target_rows(conn: sql.Connection, table: str) -> list[dict]:
    cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY {_order_by(conn, table)}')
    cols = [c[0] for c in cursor.description]
    return [dict(zip(cols, r)) for r in cursor.fetchall()]


def _is_empty(conn: sql.Connection) -> bool:
    return all(
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] == 0
        for t in ("people", "documents", "claims", "document_fields", "track_events")
    )


def _plan(conn: sql.Connection, archive: Archive) -> _Plan:
    present = set(_tables(conn))
    if _is_empty(conn):
        plan = _Plan(mode="restore")
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
        if plan.inserts.get("layout_memories") and _target_rows(conn, "layout_memories"):
            # Layouts taught here before every record went: kept, the archive's added beside.
            del plan.inserts["layout_memories"]
            ids = {d["id"]: d["id"] for d in archive.records.get("documents", [])}
            _merge_layout_memories(conn, archive.records, present, ids, plan)
    else:
        plan = _plan_merge(conn, archive, present)
    db_version = archive.manifest.get("db_schema_version")
    if isinstance(db_version, int) and db_version > SCHEMA_VERSION:
        plan.notes.append(
            f"the archive was written by a newer Paperasse (database schema {db_version}, "
            f"this version knows {SCHEMA_VERSION})"
        )
    for table, rows in plan.inserts.items():
        known = set(_columns(conn, table))
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


def _plan_merge(conn: sql.Connection, archive: Archive, present: set[str]) -> _Plan:
    plan = _Plan(mode="merge")
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
    here = _target_rows(conn, "people")
    by_nir = {p["nir"]: p for p in here if p.get("nir")}
    by_name = {p["name"].strip().casefold(): p for p in here}
    new_id = _next_id(here)
    person_map: dict[int, int] = {}
    new_people = []
    for p in rec["people"]:
        via_nir = by_nir.get(p.get("nir")) if p.get("nir") else None
        via_name = by_name.get(p["name"].strip().casefold())
        if via_nir and via_name and via_nir["id"] != via_name["id"]:
            raise _nothing_changed(
                label,
                f"person {p['name']!r} of the archive matches both {via_name['name']!r} (by name) "
                f"and {via_nir['name']!r} (by NIR) here; rename one of them first",
            )
        match = via_nir or via_name
        if match and match.get("nir") and p.get("nir") and match["nir"] != p["nir"]:
            raise _nothing_changed(
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
    here = _target_rows(conn, "claims")
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
    here = _target_rows(conn, "documents")
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
    new_id = _next_id(_target_rows(conn, "document_fields"))
    for f in rec["document_fields"]:
        if f["document_id"] in new_docs:
            add("document_fields", dict(f, id=new_id(), document_id=doc_map[f["document_id"]]))
        else:
            plan.skipped["document_fields"] += 1

    # Payer track events: those of new claims, and those a matched claim lacks.
    here = _target_rows(conn, "track_events")
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
    here_keys = {s["key"] for s in _target_rows(conn, "settings")}
    for s in rec["settings"]:
        if s["key"] in here_keys:
            plan.skipped["settings"] += 1
        else:
            add("settings", dict(s))

    _merge_layout_memories(conn, rec, present, doc_map, plan)

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


def _merge_layout_memories(conn, rec: dict, present: set[str], doc_map: dict[int, int],
                           plan: _Plan) -> None:
    """Remembered layouts: those of an issuer and kind not remembered here (what this data
    folder was taught stays as it is)."""
    rows = rec.get("layout_memories") or []
    if not rows or "layout_memories" not in present:
        if rows:
            plan.skipped["layout_memories"] = len(rows)
        return
    here = _target_rows(conn, "layout_memories")
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


def _insert(conn: sql.Connection, plan: _Plan) -> None:
    for table, rows in plan.inserts.items():
        if not rows:
            continue
        existing = set(_columns(conn, table))
        verb = "INSERT OR REPLACE" if table == "settings" else "INSERT"
        for row in rows:
            cols = [c for c in row if c in existing]
            marks = ", ".join("?" * len(cols))
            names = ", ".join(f'"{c}"' for c in cols)
            conn.execute(
                f'{verb} INTO "{table}" ({names}) VALUES ({marks})', [row[c] for c in cols]
            )
