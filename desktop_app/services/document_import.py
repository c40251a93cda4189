"""Importing files: each one checked, copied aside with its hash, read (a few at a time, so
their pages spread over the cores), then stored whole or not at all."""

from __future__ import annotations

import errno
import json
import mimetypes
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.errors import Cancelled, UserError
from desktop_app.core.model import (
    DocumentField,
    DocumentKind,
    FieldSource,
    ReadState,
    kind_of_reading,
)
from desktop_app.core.rules.messages import message
from desktop_app.services import limits
from desktop_app.services.document_names import NAME_SURE_ENOUGH, NameMismatch, name_mismatch
from desktop_app.services.input_files import check_input_file, display_name, printable
from desktop_app.store import originals

if TYPE_CHECKING:
    from desktop_app.core.model import Person
    from desktop_app.services.context import Context

# progress(done_steps, total_steps, message): message is a str, or an ImportStep while one
# file is being read (its str() is the English line).
Progress = Callable[[int, int, "str | ImportStep"], None]

# intake's page stages (intake/pipeline.py STAGES), as the command line says them.
STAGE_TEXT = {
    "decoding": "decoding the image",
    "preparing": "preparing it",
    "reading": "reading the text",
    "fields": "finding the fields",
}


@dataclass(frozen=True)
class ImportStep:
    """Where the reading of one file is, for a display that would otherwise sit still on a long
    page: ``stage`` is one of STAGE_TEXT's keys; how long each lasts is not known."""

    file: str
    stage: str
    page: int
    pages: int

    def __str__(self) -> str:
        where = f", page {self.page} of {self.pages}" if self.pages > 1 else ""
        return f"{self.file}: {STAGE_TEXT.get(self.stage, self.stage)}{where}"


@dataclass
class ImportOutcome:
    path: str
    document_id: int | None = None
    already: bool = False
    error: str | None = None
    kind: str | None = None
    read_state: str | None = None
    warnings: list[str] = field(default_factory=list)  # worded in the language of the import
    # The reader's warnings as message ids and values (intake/read_warnings.py), for a face that
    # words them in its own language; ``warnings`` holds them worded, the names' mismatch after.
    notices: list = field(default_factory=list)
    names_other: NameMismatch | None = None
    remembered_layout: int | None = None  # the remembered layout its fields were read by

    @property
    def ok(self) -> bool:
        return self.error is None

    def message(self) -> str:
        name = self.path
        if self.error:
            return self.error
        if self.already:
            return f"{name}: already imported as document {self.document_id}"
        note = ""
        if self.read_state == ReadState.NOT_READ:
            note = " (text not read: install tesseract-ocr and tesseract-ocr-fra, then read it again)"
        return f"{name}: imported as document {self.document_id} ({self.kind}){note}"

    @property
    def hint(self) -> tuple[str, dict] | None:
        """The command line's way to read it once Tesseract is there (desktop_app/cli/hints.py)."""
        if self.ok and not self.already and self.read_state == ReadState.NOT_READ:
            return ("doc.reread", {"document_id": self.document_id})
        return None

    def to_dict(self) -> dict:
        return {
            "file": self.path,
            "document_id": self.document_id,
            "already_imported": self.already,
            "kind": self.kind,
            "read_state": self.read_state,
            "error": self.error,
            "warnings": self.warnings,
            "notices": [n.to_json() for n in self.notices],
            "names_other": self.names_other.to_dict() if self.names_other else None,
            "remembered_layout": self.remembered_layout,
        }


def _language(ctx: Context) -> str:
    from desktop_app.services.tracking import language

    return language(ctx)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders replaced by the importable files they contain."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and not path.is_symlink():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in limits.IMPORTABLE_SUFFIXES:
                    found.append(child)
        else:
            found.append(path)
    return found


def import_files(
    ctx: Context,
    paths: Iterable[str | Path],
    person_ref: str | int | None = None,
    kind: str | None = None,
    claim_id: int | None = None,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    expand_folders: bool = False,
    lang: str | None = None,
) -> list[ImportOutcome]:
    """Import files; each is either fully stored or not at all.

    Files are read a few at a time so their pages spread over the machine's cores.
    Cancelling stops between pages: the files being read are not stored, those already
    imported stay.
    """
    from desktop_app.services.people import find_person

    person = find_person(ctx, person_ref) if person_ref not in (None, "") else None
    if claim_id is not None:
        # A paper attached to a claim is about the claim's patient, whoever was selected.
        from desktop_app.services.claims import get_claim

        claim = get_claim(ctx, claim_id)
        if person is None:
            person = ctx.store.person(claim.person_id)
    if kind is not None and kind not in DocumentKind.values():
        raise UserError(f"kind must be one of {', '.join(DocumentKind.values())}, got {kind!r}")
    files = expand_paths(paths) if expand_folders else [Path(p) for p in paths]
    staged: dict[int, originals.Staged] = {}
    try:
        return _import(ctx, files, staged, person, kind, claim_id, progress, should_cancel,
                       lang or _language(ctx))
    finally:
        for copy in staged.values():
            copy.discard()


def _import(ctx: Context, files: list[Path], staged: dict[int, originals.Staged],
            person: Person | None, kind: str | None, claim_id: int | None,
            progress: Progress | None, should_cancel: Callable[[], bool] | None,
            lang: str) -> list[ImportOutcome]:
    total = len(files)
    outcomes: dict[int, ImportOutcome] = {}
    to_read: list[tuple[int, Path, originals.Staged]] = []
    seen: dict[str, int] = {}
    for index, path in enumerate(files):
        name = display_name(path)
        try:
            copy = staged[index] = _staged_copy(ctx, path, lang)
        except UserError as exc:
            outcomes[index] = ImportOutcome(path=name, error=_with_name(name, _worded(exc, lang)))
            continue
        existing = ctx.store.document_id_by_sha(copy.sha256)
        if existing and ctx.store.trash_entry_of("document", existing) is not None:
            outcomes[index] = ImportOutcome(path=name, document_id=existing, error=message(
                "trash.file_in_trash", lang, name=name, id=existing))
        elif existing:
            outcomes[index] = ImportOutcome(path=name, document_id=existing, already=True)
        elif copy.sha256 in seen:
            outcomes[index] = ImportOutcome(path=name, error=f"{name}: the same file as "
                                            f"{display_name(files[seen[copy.sha256]])}, imported once")
        else:
            seen[copy.sha256] = index
            to_read.append((index, path, copy))
    done_files = len(outcomes)
    batch = max(1, 2 * (os.cpu_count() or 1))
    cancelled = False
    for start in range(0, len(to_read), batch):
        chunk = to_read[start : start + batch]
        if should_cancel and should_cancel():
            cancelled = True
            break
        label = display_name(chunk[0][1])
        if len(chunk) > 1:
            label += f" and {len(chunk) - 1} more"

        def page_progress(page: int, pages: int, _done=done_files, _label=label) -> None:
            if progress:
                progress(_done, total, f"{_label}: page {page} of {pages}")

        names = {copy.path: display_name(path) for _, path, copy in chunk}

        def stage(read_path, name: str, page: int, pages: int, _done=done_files,
                  names=names) -> None:
            if progress:
                file = names.get(Path(read_path), display_name(read_path))
                progress(_done, total, ImportStep(file, name, page, pages))

        if progress:
            progress(done_files, total, label)
        try:
            # The private copies are read: what is read is what is stored.
            results = _read(ctx, [copy.path for _, _, copy in chunk], page_progress,
                            should_cancel, stage)
        except Cancelled:
            cancelled = True
            break
        for (index, path, copy), result in zip(chunk, results):
            name = display_name(path)
            try:
                if isinstance(result, UserError):
                    raise result
                outcomes[index] = _store(ctx, path, copy, result, person, kind, claim_id, lang)
            except UserError as exc:
                outcomes[index] = ImportOutcome(path=name, error=_with_name(name, _worded(exc, lang)))
            done_files += 1
    if progress:
        progress(len(outcomes), total, "cancelled" if cancelled else "done")
    return [outcomes[i] for i in sorted(outcomes)]


def _worded(exc: UserError, lang: str) -> str:
    """An intake refusal in the asked language; other refusals are worded where raised."""
    text = getattr(exc, "text", None)
    return text(lang) if callable(text) else str(exc)


def _with_name(name: str, message: str) -> str:
    message = printable(message)
    if name in message:
        return message
    short = Path(name).name
    if short and message.startswith(short + " "):
        # The reader named the file by its own name ("scan.png is empty"): the whole path as given.
        return name + message[len(short):]
    return f"{name}: {message}"


def _staged_copy(ctx: Context, path: Path, lang: str = "en") -> originals.Staged:
    """The file checked, then copied into this process's private folder with its hash."""
    check_input_file(path, lang)
    try:
        return originals.stage(path, Path(tempfile.gettempdir()), limits.MAX_FILE_BYTES)
    except ValueError as exc:
        raise UserError(f"{display_name(path)}: {exc}; import it again once it is complete") from None
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise UserError(
                f"{display_name(path)}: the disk holding {ctx.paths.root} is full; free some "
                "space and import it again (nothing was stored)"
            ) from None
        raise UserError(f"{display_name(path)}: cannot be read ({exc.strerror or exc})") from None


def _read(ctx: Context, paths: list[Path], page_progress, should_cancel, stage=None) -> list:
    from desktop_app import intake  # the OCR pipeline loads only when a file is read
    from desktop_app.services.layout_memory import remembered_layouts

    return intake.read_documents(
        paths,
        progress=page_progress,
        should_cancel=should_cancel,
        tesseract_cmd=ctx.setting("tesseract_cmd"),
        stage=stage,
        remembered=remembered_layouts(ctx),
    )


def _store(ctx: Context, path: Path, copy, result, person, kind, claim_id,
           lang: str = "en") -> ImportOutcome:
    """The original placed (content-addressed, never replacing a good one), then its row
    committed. If the row cannot be written the file goes, unless another process's row now
    refers to it; the same bytes imported by another process at once are "already imported"."""
    # Imported here: ``paperasse extract`` loads this module and never stores anything.
    from desktop_app.services import layout_memory
    from desktop_app.store.store import AlreadyStored, is_disk_full

    row, fields = _document_row(path, copy, result, person, kind, claim_id)
    target = originals.path_of(ctx.paths.originals, row["stored_name"])
    created = False
    try:
        with originals.writing(ctx.paths.originals):
            created = originals.place(copy, target)
            try:
                with ctx.store.transaction():
                    doc_id = ctx.store.insert_document(row, fields)
                    layout_memory.keep_pages(ctx, doc_id, result)
            except AlreadyStored as same:
                created = False  # that process's row refers to the file: it stays
                return ImportOutcome(path=display_name(path), document_id=same.document_id,
                                     already=True)
    except OSError as exc:
        _forget(ctx, target, copy.sha256, created)
        if exc.errno == errno.ENOSPC:
            raise UserError(
                f"the disk holding {ctx.paths.root} is full; free some space and import it "
                "again (nothing was stored)"
            ) from None
        raise UserError(f"cannot store it in {ctx.paths.originals} ({exc.strerror or exc})") from None
    except BaseException as exc:
        _forget(ctx, target, copy.sha256, created)
        if is_disk_full(exc):
            raise UserError(
                f"the disk holding {ctx.paths.root} is full; free some space and import it "
                "again (nothing was stored)"
            ) from None
        raise
    warnings = [w.text(lang) for w in result.warnings]
    patient = result.fields.get("patient_name")
    named = patient.value if patient and patient.confidence >= NAME_SURE_ENOUGH else None
    mismatch = name_mismatch(ctx, named, person)
    if mismatch:
        warnings.append(mismatch.message(lang))
    return ImportOutcome(
        path=display_name(path),
        document_id=doc_id,
        kind=row["kind"],
        read_state=row["read_state"],
        warnings=warnings,
        notices=list(result.warnings),
        names_other=mismatch,
        remembered_layout=getattr(result, "remembered_layout", None),
    )


def _forget(ctx: Context, target: Path, sha: str, created: bool) -> None:
    if created:
        originals.remove_if_unreferenced(
            ctx.paths.originals, target, lambda: ctx.store.document_id_by_sha(sha) is not None
        )


def _document_row(path: Path, copy, result, person, kind, claim_id):
    sha = copy.sha256
    source = FieldSource.TEXT if result.text_source == "text_layer" else FieldSource.OCR
    read_state = ReadState.NOT_READ if result.text_source == "none" else ReadState.READ
    fields = [
        DocumentField(
            name=fname,
            value=f.value,
            source=source,
            confidence=f.confidence,
            page=f.page,
            bbox=list(f.bbox) if f.bbox else None,
            source_text=f.source_text,
        )
        for fname, f in result.fields.items()
        if f.value is not None
    ]
    mime = mimetypes.guess_type(path.name)[0]
    row = {
        "person_id": person.id if person else None,
        "claim_id": claim_id,
        "kind": kind or kind_of_reading(result.kind),
        "sha256": sha,
        "original_name": display_name(path.name),
        "stored_name": originals.stored_name(sha, path.suffix),
        "mime": mime,
        "size": copy.size,
        "pages": result.pages,
        "read_state": str(read_state),
        "text_source": result.text_source,
        "text": result.text,
        "warnings": json.dumps([w.to_json() for w in result.warnings], ensure_ascii=False),
    }
    return row, fields
