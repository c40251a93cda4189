"""Reading an archive and checking it whole before anything is written: its members, its
manifest, its rows and the references between them, and the SHA-256 of every original."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import zipfile
import zlib
from pathlib import Path

from desktop_app.core.errors import UserError
from desktop_app.services import archive_schema, limits
from desktop_app.services.archive.format import (
    ARCHIVE_VERSION,
    CHUNK,
    FORMAT,
    MAX_RECORDS_MEMBER,
    MAX_RECORDS_TOTAL,
    REQUIRED_COLUMNS,
    STORED_NAME,
    TABLE_NAME,
    TABLES,
    Archive,
    json_value,
    nothing_changed,
)


def _safe_member(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name:
        return False
    parts = name.split("/")
    if ":" in parts[0]:
        return False
    return all(p not in ("", ".", "..") for p in parts[:-1]) and parts[-1] not in (".", "..")


def read_archive(path: Path, label=None) -> Archive:
    """Open and check an archive completely; raises UserError, writes nothing."""
    label = label or path
    try:
        mode = os.stat(path).st_mode
    except OSError:
        raise UserError(f"{label}: no such file; check the path") from None
    if stat.S_ISDIR(mode):
        raise UserError(f"{label}: is a folder; choose the archive file (.zip) inside it")
    if not stat.S_ISREG(mode):
        raise UserError(f"{label}: is not an ordinary file (a device or a pipe); choose the "
                        "archive file (.zip)")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise nothing_changed(
            label, f"not a readable ZIP archive ({exc}); it may be truncated or damaged"
        ) from None
    with zf:
        infos = zf.infolist()
        seen: set[str] = set()
        for info in infos:
            if not _safe_member(info.filename):
                raise nothing_changed(
                    label,
                    f"refused: it contains a file named {info.filename!r} outside the archive",
                )
            if info.filename in seen:
                raise nothing_changed(label, f"refused: {info.filename!r} appears twice")
            seen.add(info.filename)
            _check_size(info, label)
        records_size = sum(i.file_size for i in infos if not i.filename.startswith("originals/"))
        if records_size > MAX_RECORDS_TOTAL:
            raise nothing_changed(
                label, f"refused: its records unpack to {records_size >> 20} MB, over the "
                f"{MAX_RECORDS_TOTAL >> 20} MB a household's records take"
            )
        if any(i.flag_bits & 0x1 for i in infos):
            raise nothing_changed(
                label, "refused: it is password-protected; Paperasse archives never are"
            )
        try:
            bad = zf.testzip()
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError,
                RuntimeError) as exc:
            raise nothing_changed(label, f"damaged ({exc})") from None
        if bad is not None:
            raise nothing_changed(label, f"damaged: {bad} fails its CRC check")
        manifest = _member_json(zf, "manifest.json", label)
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            found = manifest.get("format") if isinstance(manifest, dict) else None
            raise nothing_changed(
                label, f"not a Paperasse archive (format {found!r}, expected {FORMAT!r})"
            )
        version = manifest.get("schema_version")
        if not isinstance(version, int) or version < 1:
            raise nothing_changed(label, f"unknown archive version {version!r}")
        if version > ARCHIVE_VERSION:
            raise nothing_changed(
                label,
                f"written by a newer Paperasse (archive version {version}, this one reads up to "
                f"{ARCHIVE_VERSION}); install the newer version to import it",
            )
        tables = manifest.get("tables") or list(TABLES)
        if not isinstance(tables, list) or not all(
            isinstance(t, str) and TABLE_NAME.match(t) for t in tables
        ):
            raise nothing_changed(label, "damaged: the manifest's table list is invalid")
        records: dict[str, list[dict]] = {}
        for table in list(TABLES) + [t for t in tables if t not in TABLES]:
            rows = _member_json(zf, f"records/{table}.json", label)
            if not isinstance(rows, list) or not all(
                isinstance(r, dict) and all(isinstance(k, str) for k in r) for r in rows
            ):
                raise nothing_changed(
                    label, f"damaged: records/{table}.json is not a list of rows"
                )
            try:
                records[table] = [{k: json_value(v) for k, v in r.items()} for r in rows]
            except ValueError as exc:
                raise nothing_changed(label, f"damaged: records/{table}.json: {exc}") from None
            for number, row in enumerate(records[table], 1):
                try:
                    archive_schema.check_row(table, row)
                except archive_schema.Invalid as exc:
                    raise nothing_changed(
                        label, f"damaged: records/{table}.json, row {number}: {exc}"
                    ) from None
        counts = manifest.get("counts") or {}
        if not isinstance(counts, dict) or not all(
            isinstance(n, int) and not isinstance(n, bool) for n in counts.values()
        ):
            raise nothing_changed(label, "damaged: the manifest's counts are not numbers")
        for table, rows in records.items():
            if table in counts and counts[table] != len(rows):
                raise nothing_changed(
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
        raise nothing_changed(
            label, f"damaged or not a Paperasse archive: {name} is missing"
        ) from None
    except (zipfile.BadZipFile, zlib.error, OSError) as exc:
        raise nothing_changed(label, f"damaged: {name} cannot be read ({exc})") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise nothing_changed(label, f"damaged: {name} is not valid JSON ({exc})") from None
    except RecursionError:
        raise nothing_changed(label, f"damaged: {name} is nested too deeply") from None


def _check_size(info: zipfile.ZipInfo, label) -> None:
    """Refuse a member bigger than anything Paperasse writes, before unpacking a byte of it
    (the sizes in the ZIP directory bound what reading the member can return)."""
    if info.filename.startswith("originals/"):
        limit, what = limits.MAX_FILE_BYTES, "an original"
    else:
        limit, what = MAX_RECORDS_MEMBER, "a records file"
    if info.file_size > limit:
        raise nothing_changed(
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
                raise nothing_changed(
                    label, f"damaged: a row of records/{table}.json lacks {', '.join(missing)}"
                )
            value = row[key]
            if key == "id" and (not isinstance(value, int) or isinstance(value, bool)):
                raise nothing_changed(label, f"damaged: {table} id {value!r} is not a number")
            if value in seen:
                raise nothing_changed(label, f"damaged: {table} {key} {value!r} appears twice")
            seen.add(value)
        ids[table] = seen

    def refs(table: str, column: str, parent: str, nullable: bool = True) -> None:
        for row in records[table]:
            value = row.get(column)
            if value is None and nullable:
                continue
            if value not in ids[parent]:
                raise nothing_changed(
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
            raise nothing_changed(label, f"damaged: person {p['id']} has no name")
        folded = p["name"].strip().casefold()
        if folded in names:
            raise nothing_changed(label, f"damaged: two people are named {p['name']!r}")
        names.add(folded)
    shas = set()
    for d in records["documents"]:
        if d["sha256"] in shas:
            raise nothing_changed(
                label, f"damaged: two documents have the same content ({d['sha256']})"
            )
        shas.add(d["sha256"])


def _check_originals(zf, manifest, documents, members: set[str], label) -> dict[str, str]:
    listed = manifest.get("files")
    if not isinstance(listed, dict):
        raise nothing_changed(label, "damaged: the manifest does not list the originals")
    files: dict[str, str] = {}
    for d in documents:
        name, sha = d["stored_name"], d["sha256"]
        match = STORED_NAME.match(name) if isinstance(name, str) else None
        if not match or match.group(2) != sha or match.group(1) != sha[:2]:
            raise nothing_changed(
                label, f"damaged: document {d['id']} has an invalid stored name {name!r}"
            )
        if listed.get(name) != sha:
            raise nothing_changed(
                label,
                f"damaged: document {d['id']}'s original {name} is not listed in the manifest",
            )
        member = f"originals/{name}"
        if member not in members:
            raise nothing_changed(label, f"damaged: {member} is missing")
        digest = hashlib.sha256()
        try:
            with zf.open(member) as handle:
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
        except (zipfile.BadZipFile, zlib.error, OSError) as exc:
            raise nothing_changed(label, f"damaged: {member} cannot be read ({exc})") from None
        if digest.hexdigest() != sha:
            raise nothing_changed(
                label, f"damaged: {member} does not match its checksum (document {d['id']})"
            )
        files[name] = sha
    return files

