"""Reading documents: pages to text (text layer or OCR, spread over cores), then kind and fields."""

from __future__ import annotations

import importlib
import logging
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.errors import Cancelled
from desktop_app.intake.classify import classify
from desktop_app.intake.errors import IntakeError
from desktop_app.intake.extract_common import BOX_WHITELIST, Context
from desktop_app.intake.imaging import stacked_config
from desktop_app.intake.layout import Page, text_layer_page
from desktop_app.intake.ocr import NOT_READ_WARNING, OcrEngine
from desktop_app.intake.ocr_words import PAGE_CONFIG, ocr_page
from desktop_app.intake.page_words import page_to_plain
from desktop_app.intake.read_warnings import ReadWarning, warning
from desktop_app.intake.result import ReadResult
from desktop_app.intake.sources import DEFAULT_LIMITS, Limits, SourcePage, open_pages
from desktop_app.intake.tesseract_program import OcrTimeout, _resolve, ocr_available

log = logging.getLogger(__name__)
_WARM_CONFIG = stacked_config(BOX_WHITELIST, 6)

# kind -> (module, function). Imported when a document of that kind is read: each module
# compiles its patterns on import, which a one-file command should not pay for the other kinds.
EXTRACTORS: dict[str, tuple[str, str]] = {
    "prescription": ("desktop_app.intake.extract_prescription", "extract_prescription"),
    "care_sheet": ("desktop_app.intake.extract_care_sheet", "extract_care_sheet"),
    "invoice": ("desktop_app.intake.extract_invoice", "extract_invoice"),
    "statement": ("desktop_app.intake.extract_statement", "extract_statement"),
    "receipt": ("desktop_app.intake.extract_receipt", "extract_receipt"),
    "pharmacy_receipt": ("desktop_app.intake.extract_pharmacy_receipt", "extract_pharmacy_receipt"),
    "rights_certificate": ("desktop_app.intake.extract_rights_certificate", "extract_rights_certificate"),
    "mutuelle_card": ("desktop_app.intake.extract_mutuelle_card", "extract_mutuelle_card"),
}


def extractor_for(kind: str) -> Callable[[Context], None] | None:
    found = EXTRACTORS.get(kind)
    return getattr(importlib.import_module(found[0]), found[1]) if found else None
# Page images kept for the extractors (signature ink, boxed digits, barcodes); later
# pages of long documents are dropped to bound memory.
_KEEP_IMAGES_UP_TO_PAGE = 4

Progress = Callable[[int, int], None]
# What a page is going through, for a display that would otherwise sit still on one big page:
# stage(path, stage, page, pages) with stage one of STAGES, in that order for each page (a page
# with a text layer goes straight to "fields").
Stage = Callable[[Path, str, int, int], None]
STAGES = ("decoding", "preparing", "reading", "fields")


@dataclass
class _Doc:
    path: Path
    source_pages: list[SourcePage] = field(default_factory=list)
    pages: dict[int, Page | None] = field(default_factory=dict)
    error: IntakeError | None = None
    result: ReadResult | None = None
    remaining: int = 0
    warm: list = field(default_factory=list)  # WarmReaders started for this document
    remembered: Sequence = ()  # the layouts the user's corrections taught (core/layout_memory.py)


def read_document(path, *, progress: Progress | None = None, should_cancel: Callable[[], bool] | None = None,
                  tesseract_cmd: str | None = None, workers: int | None = None,
                  limits: Limits = DEFAULT_LIMITS, stage: Stage | None = None,
                  remembered: Sequence = ()) -> ReadResult:
    """Read one file. Raises IntakeError for an unusable file, Cancelled when asked to stop."""
    result = read_documents([path], workers=workers, tesseract_cmd=tesseract_cmd, progress=progress,
                            should_cancel=should_cancel, limits=limits, stage=stage,
                            remembered=remembered)[0]
    if isinstance(result, IntakeError):
        raise result
    return result


def read_documents(paths: Sequence, *, workers: int | None = None, tesseract_cmd: str | None = None,
                   progress: Progress | None = None, should_cancel: Callable[[], bool] | None = None,
                   limits: Limits = DEFAULT_LIMITS, stage: Stage | None = None,
                   remembered: Sequence = ()) -> list[ReadResult | IntakeError]:
    """Read several files, their pages spread over cores; one result or error per path, in order.

    ``stage`` hears each page's steps (STAGES); ``should_cancel`` is asked between them, so a
    cancel lands within one step of one page. ``remembered`` are the layouts the user's
    corrections taught (intake/remembered.py): a page of one of their issuers is read by them."""
    docs = []
    for p in paths:
        doc = _Doc(Path(p), remembered=remembered)
        try:
            _, doc.source_pages = open_pages(doc.path, limits)
        except IntakeError as exc:
            doc.error = exc
        docs.append(doc)

    engine = None
    if ocr_available(tesseract_cmd):
        engine = OcrEngine(_resolve(tesseract_cmd), timeout_s=limits.ocr_timeout_s)

    jobs = [(doc, sp) for doc in docs if doc.error is None for sp in doc.source_pages]
    for doc in docs:
        doc.remaining = len(doc.source_pages)
    total = len(jobs)
    done = 0
    lock = threading.Lock()
    cancelled = threading.Event()

    workers = max(1, workers or os.cpu_count() or 1)
    # A core no page is using starts the follow-up crop reader of a care sheet.
    in_flight = min(workers, total)
    spare_core = (os.cpu_count() or 1) > in_flight and _machine_idle_enough(in_flight)

    def stop_if_asked() -> None:
        if cancelled.is_set() or (should_cancel is not None and should_cancel()):
            cancelled.set()
            raise Cancelled()

    def run(doc: _Doc, sp: SourcePage) -> None:
        nonlocal done
        stop_if_asked()
        pages = len(doc.source_pages)

        def report(name: str) -> None:
            stop_if_asked()
            if stage is not None:
                stage(doc.path, name, sp.index, pages)

        if doc.error is None:
            try:
                doc.pages[sp.index] = _read_page(doc.path, sp, engine, limits, report)
            except IntakeError as exc:
                doc.error = doc.error or exc
        with lock:
            done += 1
            n = done
            doc.remaining -= 1
            last_page = doc.remaining == 0
        # The worker that reads a document's last page also extracts its fields,
        # so extraction (and its small crop re-reads) runs in parallel too.
        if last_page and doc.error is None:
            report("fields")
            doc.result = _extract(doc, engine, spare_core)
        if last_page:
            _close_warm(doc)
        if progress is not None:
            progress(n, total)

    try:
        if workers == 1 or total <= 1:
            for doc, sp in jobs:
                run(doc, sp)
        else:
            with ThreadPoolExecutor(max_workers=min(workers, total)) as pool:
                futures = [pool.submit(run, doc, sp) for doc, sp in jobs]
                finished, _ = wait(futures, return_when=FIRST_EXCEPTION)
                for fut in futures:
                    if fut.done() and fut.exception() is not None:
                        cancelled.set()
                        for other in futures:
                            other.cancel()
                        exc = fut.exception()
                        raise exc if isinstance(exc, Cancelled) else exc
        return [doc.error or doc.result or _extract(doc, engine) for doc in docs]
    finally:
        # Warm readers nobody used (not a care sheet, an error, a cancel) are stopped.
        for doc in docs:
            _close_warm(doc)


def _machine_idle_enough(in_flight: int) -> bool:
    """Whether the machine has a core nobody else is using: the crop reader started ahead is
    only free when it runs on an idle core. On a busy machine (the last minute's load average)
    it would take time from the page itself."""
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # not on every system
        return True
    return load + in_flight <= (os.cpu_count() or 1) - 0.5


def _close_warm(doc: _Doc) -> None:
    while doc.warm:
        doc.warm.pop().close()


def _read_page(path: Path, sp: SourcePage, engine: OcrEngine | None, limits: Limits,
               report: Callable[[str], None] = lambda _stage: None) -> Page | None:
    if sp.text is not None:
        return text_layer_page(sp.index, sp.text)
    if engine is None:
        return None
    if not sp.staged:
        report("decoding")
    # A page file tesseract can read as it is starts being read now, while it is decoded here.
    pending = engine.start(sp.file, PAGE_CONFIG, sp.dpi) if sp.file else None
    try:
        image = sp.load_image(report)
        if pending is not None and sp.file is None:  # the page had to be changed first
            pending.cancel()
            pending = None
        report("reading")
        page = ocr_page(engine, image, sp.index, dpi=sp.dpi, source_file=sp.file, pending=pending,
                        local_threshold=sp.local_threshold)
        pending = None
    except OcrTimeout:
        raise IntakeError(path, "intake.ocr_timeout", "intake.fix.rescan_page", page=sp.index,
                          seconds=f"{limits.ocr_timeout_s:.0f}") from None
    finally:
        if pending is not None:  # an error or a cancel while decoding
            pending.cancel()
    if sp.index > _KEEP_IMAGES_UP_TO_PAGE:
        page.image = None
    return page


def _extract(doc: _Doc, engine: OcrEngine | None, spare_core: bool = False) -> ReadResult:
    n = len(doc.source_pages)
    pages = [doc.pages.get(i) for i in range(1, n + 1)]
    read = [p for p in pages if p is not None]
    unread = n - len(read)
    if any(p.source == "ocr" for p in read):
        text_source = "ocr"
    elif read:
        text_source = "text_layer"
    else:
        text_source = "none"
    text = "\f".join(p.text if p is not None else "" for p in pages)
    warnings = [NOT_READ_WARNING] if unread else []
    if not read:
        return ReadResult(kind="other", fields={}, pages=n, text=text, text_source="none", warnings=warnings)
    kind, _ = classify(read)
    if kind == "care_sheet" and spare_core and engine is not None and read[0].source == "ocr":
        # Its boxed digits are read by a second tesseract; started now, its start-up (loading
        # the language data) overlaps the crops being cut. Only for a care sheet, only when
        # each read is a process (the library has its data loaded already).
        warm = engine.warm(_WARM_CONFIG)
        if warm is not None:
            doc.warm.append(warm)
    ctx = Context(pages=read, engine=engine, warm=doc.warm[0] if doc.warm else None)
    extractor = extractor_for(kind)
    if extractor is not None:
        try:
            extractor(ctx)
        except Exception as exc:  # noqa: BLE001 - a field bug must not lose the whole document
            log.exception("field extraction failed on %s", doc.path.name)
            ctx.warnings.append(warning("read.fields_failed", error=type(exc).__name__))
    layout_id = None
    if doc.remembered:
        from desktop_app.intake import remembered

        kind, layout_id = remembered.apply(read, kind, ctx.fields, list(doc.remembered))
    for p in read:
        p.image = None
    _boxes_in_original_pixels(ctx.fields, doc.source_pages)
    words = [page_to_plain(p, doc.source_pages[p.index - 1].scale) for p in read]
    return ReadResult(kind=kind, fields=ctx.fields, pages=n, text=text, text_source=text_source,
                      warnings=warnings + _dedupe(ctx.warnings), renewable=ctx.renewable,
                      page_words=words, remembered_layout=layout_id)


def _boxes_in_original_pixels(fields: dict, source_pages: list[SourcePage]) -> None:
    """A page read reduced (SourcePage.scale > 1) gave boxes in its reduced pixels; the window
    draws them over the stored original."""
    for f in fields.values():
        if not f.bbox or not f.page or not 1 <= f.page <= len(source_pages):
            continue
        scale = source_pages[f.page - 1].scale
        if scale != 1.0:
            f.bbox = [round(v * scale) for v in f.bbox]


def _dedupe(items: list[ReadWarning]) -> list[ReadWarning]:
    return list(dict.fromkeys(items))
