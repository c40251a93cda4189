"""Writing the whole household to one ZIP: every row of every table, every stored original."""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import zipfile
from pathlib import Path

from desktop_app import __version__
from desktop_app.core.errors import UserError
from desktop_app.services import archive_crypt, output_files
from desktop_app.services.archive.format import (
    ARCHIVE_VERSION,
    FORMAT,
    STORED_SUFFIXES,
    TABLES,
    ExportReport,
    dumps,
)
from desktop_app.services.archive.reading import read_archive
from desktop_app.store import dump, originals, vault


def export_archive(ctx, out_path, overwrite: bool = False) -> ExportReport:
    """Write the whole household to ``out_path`` (a ZIP), atomically."""
    out = output_files.checked_target(out_path, ctx.paths.root, overwrite, "paperasse.zip")
    manifest, records = _dump(ctx.store)
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
                zf.writestr("manifest.json", dumps(manifest))
                for table, rows in records.items():
                    zf.writestr(f"records/{table}.json", dumps(rows))
                for d in documents:
                    _add_original(zf, ctx.paths.originals, d)
            read_archive(plain, label=out)  # what was written reads back, CRCs and hashes too
            if keys is not None:
                archive_crypt.seal(plain, tmp, vault.read_keyfile(ctx.paths.root), keys)
        finally:
            if plain != tmp:
                with contextlib.suppress(OSError):
                    plain.unlink()
    return ExportReport(
        path=str(out), counts=manifest["counts"], files=len(files), size=out.stat().st_size
    )


def _dump(store) -> tuple[dict, dict[str, list[dict]]]:
    """The manifest and every row of every table, read in one snapshot."""
    records, db_version = dump.read_all(store, first=TABLES)
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

