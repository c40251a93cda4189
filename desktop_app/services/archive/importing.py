"""Checking an archive, and importing it all or nothing: the originals are written (atomically)
before the one transaction that inserts the rows, and removed again if that transaction fails."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import zipfile
from pathlib import Path

from desktop_app.services import archive_crypt
from desktop_app.services.archive.format import CHUNK, ArchiveCheck, ImportReport, nothing_changed
from desktop_app.services.archive.merge import Plan, plan_import
from desktop_app.services.archive.reading import read_archive
from desktop_app.store import atomic_files, db, dump, originals


def check_archive(zip_path) -> ArchiveCheck:
    """Check an archive without importing it: what it holds, and when it was written."""
    path = Path(zip_path).expanduser()
    with archive_crypt.opened(path) as plain:
        archive = read_archive(plain, label=path)
    m = archive.manifest
    return ArchiveCheck(
        path=str(path),
        created_at=m.get("created_at"),
        app_version=m.get("app_version"),
        db_schema_version=m.get("db_schema_version"),
        counts={t: len(rows) for t, rows in archive.records.items()},
        files=len(archive.files),
    )


def import_archive(ctx, zip_path) -> ImportReport:
    """Import an archive; all or nothing."""
    with archive_crypt.opened(Path(zip_path).expanduser(), ctx.paths) as plain:
        return _import_archive(ctx, plain, Path(zip_path).expanduser())


def _import_archive(ctx, path: Path, label: Path) -> ImportReport:
    archive = read_archive(path, label=label)
    store = ctx.store
    plan = plan_import(store, archive)
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
            with dump.loading(store):
                final = plan_import(store, archive)  # the data folder may have changed meanwhile
                if set(final.files) - set(plan.files):
                    raise nothing_changed(
                        label, "the data folder changed during the import; import it again"
                    )
                _insert(store, final)
            plan = final
        except db.Error as exc:
            _remove(created)
            _discard(safety_info)
            raise nothing_changed(label, f"its records cannot be stored ({exc})") from None
        except OSError as exc:
            _remove(created)
            _discard(safety_info)
            raise nothing_changed(
                label,
                f"an original cannot be written ({exc.strerror or exc}); "
                "check the free disk space",
            ) from None
        except BaseException:
            _remove(created)
            _discard(safety_info)
            raise
    plan.notes[:0] = archive.notes
    return ImportReport(
        archive=str(label),
        mode=plan.mode,
        added=plan.added,
        skipped=plan.skipped,
        originals_written=len(created),
        safety_backup=safety,
        notes=plan.notes,
    )


def _insert(store, plan: Plan) -> None:
    # An archive's settings take the place of those of the same key.
    dump.insert_rows(store, plan.inserts, replace=("settings",))


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
        raise nothing_changed(
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
            raise nothing_changed(label, f"originals/{name} changed while it was being imported")
        os.chmod(tmp_name, 0o600)
        tmp_name = str(originals.sealed_for(target, Path(tmp_name)))
        os.replace(tmp_name, target)
        atomic_files.fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return True
