"""The mailing bundle: one PDF to print and post to the CPAM or the mutuelle.

Page 1 (and 2 if needed) is a cover letter in French, addressed to the caisse of the insured
(for a beneficiary, the insured's caisse) or to the mutuelle; then come the claim's stored
originals, in the order the payer expects them; the last page is a memo to keep, not to post.

``build_bundle`` refuses while the claim lacks something blocking for that payer (the
completeness rules of ``resources/rules/completeness.json``) unless ``override=True``; the
letter never mentions what is missing, the report's warnings do.

Report returned (JSON-ready)::

    {"path", "claim_id", "payer", "pages", "letter_pages", "memo_page",
     "recipient": {"name", "address": [lines], "source": "person"|"address_book"|None},
     "enclosed": [{"document_id", "kind", "label", "original_name", "pages", "first_page"}],
     "not_enclosed": [{"document_id", "kind", "original_name", "why"}],
     "warnings": [str], "notices": [{"id", "values", "fix", "text"}],
     "incomplete": [missing item…], "next": {"action": "mark_sent", "claim_id", "payer"}}

``warnings`` are the notices in English; each notice is a message id of core/rules/messages.py
with its values, for a face to word in its own language, and, when the user can fix it in their
records, ``fix``: ``{"person_id", "person", "field"}`` (a field of the person form) or
``{"document_id", "field"}``. No text here names a command: the command line words its own.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from desktop_app.core.errors import UserError
from desktop_app.core.identifiers import format_nir
from desktop_app.core import rules
from desktop_app.core.model import DocumentKind, Payer, Person
from desktop_app.core.rules import messages
from desktop_app.core.rules.money import ZERO, to_decimal
from desktop_app.services import addresses, output_files, tracking
from desktop_app.services.claims import get_claim
from desktop_app.services.context import Context

# The order a payer expects the papers in.
KIND_ORDER = (
    DocumentKind.CARE_SHEET,
    DocumentKind.PRESCRIPTION,
    DocumentKind.INVOICE,
    DocumentKind.STATEMENT,
    DocumentKind.ATTESTATION_DROITS,
    DocumentKind.RIB,
)

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)

CATEGORY_FR = {
    "consultation": "Consultation médicale",
    "specialist": "Consultation de spécialiste",
    "paramedical": "Soins paramédicaux",
    "dental": "Soins dentaires",
    "pharmacy": "Pharmacie",
    "lpp_device": "Dispositif médical (LPP)",
    "hospital": "Hospitalisation",
    "transport": "Transport sanitaire",
    "other": "Soins",
}

# The category as an aside after the claim's own title ("Stimulateur (dispositif médical)").
CATEGORY_ASIDE = {
    "consultation": "consultation", "specialist": "consultation de spécialiste",
    "paramedical": "soins paramédicaux", "dental": "soins dentaires", "pharmacy": "pharmacie",
    "lpp_device": "dispositif médical", "hospital": "hospitalisation",
    "transport": "transport sanitaire",
}

PAYER_FR = {"cpam": "la CPAM", "mutuelle": "la mutuelle"}
PAYER_EN = {"cpam": "the CPAM", "mutuelle": "the mutuelle"}
BLANK = "\u2026" * 14  # a dotted space to write in by hand


@dataclass(frozen=True)
class Notice:
    """One thing the report says beside the PDF: a message id, its values, and what fixes it."""

    id: str
    values: dict = field(default_factory=dict)
    fix: dict | None = None

    def text(self, lang: str = "en") -> str:
        return notice_text({"id": self.id, "values": self.values}, lang)

    def to_dict(self) -> dict:
        return {"id": self.id, "values": dict(self.values), "fix": self.fix, "text": self.text()}


def notice_text(notice: dict, lang: str = "en") -> str:
    """A report notice in ``lang``. Its values are language-free (a payer id, an ISO date, a
    track state); the words for them are the language's."""
    values = dict(notice.get("values") or {})
    if "payer" in values:
        values["who"] = messages.message(f"payer.the.{values['payer']}", lang)
        values["Who"] = messages.capitalize(values["who"])
    if "sent_on" in values:
        values["when"] = (messages.message("bundle.on_date", lang,
                                           date=messages.day(values["sent_on"], lang))
                          if values["sent_on"] else "")
    if "channel" in values:
        values["via"] = (messages.message("bundle.via_noemie", lang)
                         if values["channel"] == "noemie" else "")
    if "state" in values:
        values["state"] = messages.name_of("state", values["state"], lang)
    return messages.message(notice["id"], lang, **values)


def _person_fix(person: Person, field_name: str) -> dict:
    return {"person_id": person.id, "person": person.name, "field": field_name}


class BundleBlocked(UserError):
    """The claim lacks something the payer needs; ``items`` lists it (missing-item dicts)."""

    def __init__(self, message: str, items: list[dict]):
        super().__init__(message, hint=("bundle.force", {}))
        self.items = items


# -- French formatting ----------------------------------------------------------------------


def fr_date(day: _dt.date | str | None) -> str:
    if not day:
        return ""
    if isinstance(day, str):
        day = _dt.date.fromisoformat(day[:10])
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS[day.month - 1]} {day.year}"


def fr_money(value) -> str:
    """'1234.5' -> '1 234,50 €' (no-break spaces, so an amount never splits across lines)."""
    amount = to_decimal(str(value)) if not isinstance(value, Decimal) else value
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    nbsp = "\u00a0"
    return f"{sign}{nbsp.join(groups)},{cents}{nbsp}€"


def pdf_text(text: str) -> str:
    """Text the standard PDF fonts can show (Windows-1252), escaped for reportlab paragraphs.

    Letters outside it lose their accents (Ł -> L…) rather than printing as boxes.
    """
    out = []
    for ch in str(text):
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
            )
            out.append(base if base and all(_cp1252(c) for c in base) else _FALLBACK.get(ch, "?"))
    return "".join(out).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_FALLBACK = {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ø": "O", "ø": "o", "\u202f": "\u00a0"}


def _cp1252(ch: str) -> bool:
    try:
        ch.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def _born(person: Person) -> str:
    return {"F": "née", "M": "né"}.get(person.sex or "", "né(e)")


def _insured_word(person: Person) -> str:
    return {"F": "Assurée", "M": "Assuré"}.get(person.sex or "", "Assuré(e)")


def _member_word(person: Person) -> str:
    return {"F": "Adhérente", "M": "Adhérent"}.get(person.sex or "", "Adhérent(e)")


def _lines(address: str | None) -> list[str]:
    cleaned = addresses.clean_address(address)
    return cleaned.splitlines() if cleaned else []


def _city(lines: list[str]) -> str | None:
    """The town of a French postal address: what follows the postcode on its last line."""
    for line in reversed(lines):
        m = re.match(r"^\s*\d{5}\s+(.+?)(\s+cedex(\s+\d+)?)?\s*$", line, re.IGNORECASE)
        if m:
            return m.group(1).strip()
    return None


# -- what goes in -----------------------------------------------------------------------------


@dataclass
class _Enclosure:
    doc: object
    label: str  # French, for the letter


@dataclass
class _Plan:
    enclosures: list[_Enclosure] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    first_claim: bool = False
    cpam_covers: bool = True
    noemie: bool = False


def _sort_key(doc):
    kind = str(doc.kind)
    order = [str(k) for k in KIND_ORDER]
    return (order.index(kind) if kind in order else len(order), doc.id or 0)


def _field(doc, name):
    f = doc.fields.get(name)
    return f.value if f else None


def _plan(ctx: Context, claim, payer: str, today) -> _Plan:
    house = tracking._Household(ctx, today)
    docs = sorted(ctx.store.documents(claim_id=claim.id), key=_sort_key)
    tctx = house.track_context(claim, house.estimate(claim), docs)
    cpam_covers = tctx.expected_for(Payer.CPAM) != ZERO
    plan = _Plan(first_claim=tctx.first_mutuelle_claim, cpam_covers=cpam_covers,
                 noemie=tctx.noemie)
    events = [r.event for r in tracking._events(ctx, claim.id)]
    facts = house.facts(claim, docs, events, tctx)
    # Which papers go to this payer, with their label on the letter: the one table
    # (completeness.json "papers") the checklist and the next action read too.
    wanted = {}
    for entry in rules.papers_needed(house.rules, facts, payer):
        label = messages.localized(entry["letter"], "fr")
        # A practitioner's receipt goes where an invoice is asked for, under the invoice's label.
        for kind in sorted(rules.kinds_for(house.rules, entry["kind"])):
            own = rules.stand_in_letter(house.rules, kind) if kind != entry["kind"] else None
            wanted.setdefault(DocumentKind(kind), messages.localized(own, "fr") if own else label)
    if payer == "cpam":
        why_not = {
            DocumentKind.STATEMENT: "a statement comes from a payer; it is not sent to the CPAM",
            DocumentKind.ATTESTATION_DROITS: "the CPAM issues the attestation de droits itself",
            DocumentKind.RIB: "the CPAM already holds the RIB (send a new one apart if it changed)",
        }
    else:
        why_not = {
            DocumentKind.CARE_SHEET: "the care sheet goes to the CPAM",
            DocumentKind.PRESCRIPTION: "the original prescription goes to the CPAM",
        }
    not_cpam = _not_cpam_statements(docs, plan) if DocumentKind.STATEMENT in wanted else set()
    for doc in docs:
        kind = DocumentKind(str(doc.kind))
        if kind in wanted and doc.id not in not_cpam:
            plan.enclosures.append(_Enclosure(doc, wanted[kind]))
            continue
        if doc.id in not_cpam:
            why = "it is not the CPAM's statement (its payer is 'mutuelle')"
        elif kind in why_not:
            why = why_not[kind]
        elif kind is DocumentKind.OTHER:
            why = "its kind is 'other': to enclose it, give it its kind in the document's fields"
        else:
            why = f"{PAYER_EN[payer]} does not need it for this claim"
        plan.skipped.append({"document_id": doc.id, "kind": str(kind),
                             "original_name": doc.original_name, "why": why})
    return plan


def _not_cpam_statements(docs, plan: _Plan) -> set[int]:
    """Statements not to send the mutuelle: its own. A payer read but not confirmed counts only
    when another statement is known to be the CPAM's; otherwise the user is asked to check."""
    statements = [d for d in docs if str(d.kind) == "statement"]
    payer_of = {d.id: str(_field(d, "payer") or "").strip().lower() for d in statements}
    confirmed = {
        d.id: bool(d.fields.get("payer") and d.fields["payer"].confirmed) for d in statements
    }
    has_cpam = any(p == "cpam" for p in payer_of.values())
    excluded = set()
    for d in statements:
        if payer_of[d.id] == "cpam":
            continue
        if has_cpam or (payer_of[d.id] == "mutuelle" and confirmed[d.id]):
            excluded.add(d.id)
        else:
            plan.warnings.append(Notice(
                "bundle.statement_payer_unconfirmed",
                {"document_id": d.id, "name": d.original_name},
                {"document_id": d.id, "field": "payer"},
            ))
    return excluded


# -- who it goes to ---------------------------------------------------------------------------


@dataclass
class _Recipient:
    name: str
    lines: list[str]
    source: str | None  # "person" | "address_book" | None (the user writes it in)


def _cpam_recipient(ctx: Context, insured: Person, warnings: list[Notice]) -> _Recipient:
    name, code = insured.caisse_name, insured.caisse_code
    for value in (code, name):
        why = addresses.is_outdated_centre(value) if value else None
        if why:
            warnings.append(Notice(
                "bundle.outdated_centre",
                {"person": insured.name, "caisse": repr(value), "why": why},
                _person_fix(insured, "caisse"),
            ))
            return _Recipient("Caisse primaire d'assurance maladie", [], None)
    if insured.caisse_address:
        lines = _lines(insured.caisse_address)
        entry = addresses.find_caisse(ctx, name) if name else None
        title = name or (entry["name"] if entry else "Caisse primaire d'assurance maladie")
        if lines and addresses.normalise(lines[0]) == addresses.normalise(title):
            lines = lines[1:]  # the name was typed as the first line of the address
        return _Recipient(title, lines, "person")
    entry = None
    for value in (code, name):
        if value and entry is None:
            entry = addresses.find_caisse(ctx, value)
    title = name or (entry["name"] if entry else None) or "Caisse primaire d'assurance maladie"
    if entry and entry.get("address"):
        if entry.get("unconfirmed"):
            warnings.append(Notice("bundle.address_unconfirmed", {"caisse": entry["name"]}))
        return _Recipient(name or entry["name"], _lines(entry["address"]), "address_book")
    known = f" ({title})" if name or entry else ""
    warnings.append(Notice(
        "bundle.no_caisse_address", {"person": insured.name, "known": known},
        _person_fix(insured, "caisse_address"),
    ))
    return _Recipient(title, [], None)


def _mutuelle_recipient(ctx: Context, holder: Person, warnings: list[Notice]) -> _Recipient:
    name = holder.mutuelle_name
    if holder.mutuelle_address:
        lines = _lines(holder.mutuelle_address)
        if lines and addresses.normalise(lines[0]) == addresses.normalise(name):
            lines = lines[1:]
        return _Recipient(name, lines, "person")
    entry = addresses.find_mutuelle(ctx, name)
    if entry and entry.get("address"):
        return _Recipient(name, _lines(entry["address"]), "address_book")
    warnings.append(Notice(
        "bundle.no_mutuelle_address", {"mutuelle": name, "person": holder.name},
        _person_fix(holder, "mutuelle_address"),
    ))
    return _Recipient(name, [], None)


# -- the bundle ---------------------------------------------------------------------------------


def blocking_items(status: dict, payer: str) -> list[dict]:
    levels = {"person", "claim", payer}
    return [m for m in status["missing"] if m["severity"] == "blocking" and m["level"] in levels]


def checklist(items: list[dict]) -> str:
    return "; ".join(
        f"{i}) {m['message']} -> {m['action_label'] or m['action']}"
        for i, m in enumerate(items, 1)
    )


def build_bundle(
    ctx: Context, claim_id, payer, out_path, override: bool = False,
    today: _dt.date | None = None, replace: bool = False,
) -> dict:
    """Write the mailing for ``payer`` (cpam|mutuelle) to ``out_path``; returns the report.

    ``override`` prepares it although papers are missing; ``replace`` replaces an existing file."""
    payer = tracking._payer(payer)
    claim = get_claim(ctx, claim_id)
    today = today or _dt.date.today()
    target = output_files.checked_target(out_path, ctx.paths.root, replace, "envoi.pdf")
    patient = ctx.store.person(claim.person_id)
    insured = ctx.store.person(patient.insured_id) if patient.insured_id else None
    insured = insured or patient
    if payer == "mutuelle" and not (patient.mutuelle_name or insured.mutuelle_name):
        raise UserError(
            f"claim {claim.id}: no mutuelle is recorded for {patient.name}; add it (and the "
            f"member number) in {patient.name}'s details",
            hint=("person.edit_mutuelle", {"name": patient.name}),
        )
    status = tracking.claim_status(ctx, claim.id, today=today)
    items = blocking_items(status, payer)
    who = "CPAM" if payer == "cpam" else "mutuelle"
    if items and not override:
        raise BundleBlocked(
            f"cannot prepare the mailing of claim {claim.id} to the {who}: {checklist(items)}",
            items,
        )
    warnings = [
        Notice("bundle.incomplete", {"message": m["message"],
                                     "action": m["action_label"] or m["action"]})
        for m in items
    ]
    track = status["tracks"][payer]
    warnings += _track_warnings(track, payer, status)

    plan = _plan(ctx, claim, payer, today)
    warnings += plan.warnings
    if payer == "cpam":
        recipient = _cpam_recipient(ctx, insured, warnings)
    else:
        holder = patient if patient.mutuelle_name else insured
        recipient = _mutuelle_recipient(ctx, holder, warnings)
    if not plan.enclosures:
        warnings.append(Notice("bundle.nothing_enclosed"))

    from pypdf import PdfReader, PdfWriter

    enclosed_pages = []
    for enc in plan.enclosures:
        enclosed_pages.append(_pages_of(ctx, enc.doc))

    letter = _letter_pdf(ctx, claim, patient, insured, payer, recipient, plan, status, today)
    letter_reader = PdfReader(io.BytesIO(letter))
    writer = PdfWriter()
    for page in letter_reader.pages:
        writer.add_page(page)
    enclosed = []
    for enc, pages in zip(plan.enclosures, enclosed_pages):
        first = len(writer.pages) + 1
        for page in pages:
            writer.add_page(page)
        enclosed.append({
            "document_id": enc.doc.id, "kind": str(enc.doc.kind), "label": enc.label,
            "original_name": enc.doc.original_name, "pages": len(pages), "first_page": first,
        })
    memo = _memo_pdf(claim, payer, plan, track, status)
    for page in PdfReader(io.BytesIO(memo)).pages:
        writer.add_page(page)
    writer.add_metadata({
        "/Title": f"Envoi à {PAYER_FR[payer]} - demande {claim.id}",
        "/Producer": "Paperasse",
    })
    buffer = io.BytesIO()
    writer.write(buffer)
    output_files.write_output(buffer.getvalue(), target, ctx.paths.root, replace, "envoi.pdf")
    return {
        "path": str(target),
        "claim_id": claim.id,
        "payer": payer,
        "pages": len(writer.pages),
        "letter_pages": len(letter_reader.pages),
        "memo_page": len(writer.pages),
        "recipient": {"name": recipient.name, "address": recipient.lines,
                      "source": recipient.source},
        "enclosed": enclosed,
        "not_enclosed": plan.skipped,
        "warnings": [n.text() for n in warnings],
        "notices": [n.to_dict() for n in warnings],
        "incomplete": items,
        "next": {"action": "mark_sent", "claim_id": claim.id, "payer": payer},
    }


def _track_warnings(track: dict, payer: str, status: dict) -> list[Notice]:
    state = track["state"]
    if state == "direct":
        return [Notice("bundle.direct", {"payer": payer})]
    if state in ("sent", "paid", "closed"):
        sent = [h for h in track["history"] if h["state"] == "sent" and not h["undone"]]
        last = sent[-1] if sent else {}
        return [Notice("bundle.already_sent",
                       {"payer": payer, "sent_on": last.get("date") or "",
                        "channel": last.get("channel") or "", "state": state})]
    if payer == "mutuelle" and track.get("next_action_id") == "send.noemie_nothing":
        return [Notice("bundle.noemie_forwards")]
    if payer == "cpam" and status["tiers_payant"] in ("amo", "all"):
        return [Notice("bundle.tiers_payant_cpam")]
    return []


# What a page may do by itself when opened or clicked: none of it goes into a mailing.
_ACTIVE_ANNOTATIONS = {"/Link", "/Screen", "/Movie", "/Sound", "/FileAttachment", "/RichMedia",
                       "/3D"}


def _inert(page):
    """The page without its actions: no page open/close actions (/AA), no links, launch, URI or
    JavaScript; form fields and comments keep their look, without their actions."""
    from pypdf.generic import ArrayObject, NameObject

    for key in ("/AA",):
        if key in page:
            del page[NameObject(key)]
    annots = page.get("/Annots")
    if annots is not None:
        kept = ArrayObject()
        for ref in annots.get_object():
            annot = ref.get_object()
            if annot.get("/Subtype") in _ACTIVE_ANNOTATIONS:
                continue
            for key in ("/A", "/AA"):
                if key in annot:
                    del annot[NameObject(key)]
            kept.append(ref)
        page[NameObject("/Annots")] = kept
    return page


def _pages_of(ctx: Context, doc) -> list:
    """The stored original as PDF pages: PDFs as they are, images at their own quality."""

    path = ctx.store.stored_path(doc.id)
    if path is None or not path.is_file():
        raise UserError(
            f"document {doc.id} ({doc.original_name}): its stored original is missing; "
            "restore a backup or import the file again"
        )
    from desktop_app.store import originals

    with originals.plain(path) as readable:  # read whole into memory before it is removed
        return _pages_of_file(doc, readable)


def _pages_of_file(doc, path: Path) -> list:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    head = path.read_bytes()[:1024]
    try:
        if b"%PDF-" in head:
            reader = PdfReader(str(path))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UserError(
                    f"document {doc.id} ({doc.original_name}): the PDF is password-protected; "
                    "print it from its own viewer and post it with the bundle"
                )
            pages = [_inert(page) for page in reader.pages]
        else:
            pages = list(PdfReader(io.BytesIO(image_to_pdf(path))).pages)
    except UserError:
        raise
    except (PdfReadError, OSError, ValueError) as exc:
        raise UserError(
            f"document {doc.id} ({doc.original_name}): cannot be put in the bundle "
            f"({type(exc).__name__}: {exc}); print it separately"
        ) from None
    if not pages:
        raise UserError(f"document {doc.id} ({doc.original_name}): has no pages")
    return pages


def image_to_pdf(path: Path) -> bytes:
    """An image as an A4 PDF page at its original quality.

    JPEG goes in as it is (no re-encoding), PNG and TIFF losslessly (img2pdf); images with an
    alpha channel are flattened on white first, HEIC becomes a high-quality JPEG. An image
    larger than A4 is scaled down on the page (its pixels are kept); a smaller one keeps its size.
    """
    import img2pdf

    a4 = (img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297))
    layout = img2pdf.get_layout_fun(a4, None, None, img2pdf.FitMode.shrink, True)
    data = path.read_bytes()
    if data[4:8] != b"ftyp" and not _has_alpha(path):  # not HEIC/HEIF, nothing to flatten
        try:
            return img2pdf.convert(data, layout_fun=layout, rotation=img2pdf.Rotation.ifvalid)
        except (img2pdf.AlphaChannelError, img2pdf.ImageOpenError,
                img2pdf.UnsupportedColorspaceError, img2pdf.JpegColorspaceError, ValueError):
            pass  # convert with Pillow first, below
    return img2pdf.convert(_flattened(path), layout_fun=layout, rotation=img2pdf.Rotation.ifvalid)


def _has_alpha(path: Path) -> bool:
    from PIL import Image

    try:
        with Image.open(path) as im:
            return im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in im.info
    except Exception:  # noqa: BLE001 - img2pdf reports what it cannot read
        return False


def _flattened(path: Path) -> bytes:
    from PIL import Image, ImageOps

    heif = path.read_bytes()[4:8] == b"ftyp"
    if heif:
        import pillow_heif

        pillow_heif.register_heif_opener()
    with Image.open(path) as im:
        im = ImageOps.exif_transpose(im) or im
        dpi = im.info.get("dpi")
        if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
            rgba = im.convert("RGBA")
            flat = Image.new("RGB", rgba.size, "white")
            flat.paste(rgba, mask=rgba.getchannel("A"))
            im = flat
        elif im.mode not in ("RGB", "L", "1", "CMYK"):
            im = im.convert("RGB")
        out = io.BytesIO()
        extra = {"dpi": dpi} if dpi else {}
        if heif:
            im.convert("RGB").save(out, "JPEG", quality=95, subsampling=0, **extra)
        else:
            im.save(out, "PNG", **extra)
        return out.getvalue()


# -- the letter -------------------------------------------------------------------------------


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14.5)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12),
        "bold": ParagraphStyle("bold", parent=base, fontName="Helvetica-Bold"),
        "right": ParagraphStyle("right", parent=base, alignment=2),
        "title": ParagraphStyle("title", parent=base, fontName="Helvetica-Bold", fontSize=14,
                                leading=18, spaceAfter=6),
        "item": ParagraphStyle("item", parent=base, leftIndent=16, bulletIndent=4),
    }


def _letter_pdf(ctx, claim, patient, insured, payer, recipient, plan, status, today) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate, Frame, KeepTogether, PageTemplate, Paragraph, Spacer, Table, TableStyle,
    )

    st = _styles()
    p = lambda text, style="body": Paragraph(text, st[style])  # noqa: E731
    width, height = A4
    sender_lines = _lines(getattr(insured, "postal_address", None))
    holder = patient if (payer == "mutuelle" and patient.mutuelle_name) else insured
    member_number = holder.mutuelle_member_number or insured.mutuelle_member_number

    def header(canvas, _doc):
        canvas.saveState()
        # Sender, top left.
        text = canvas.beginText(20 * mm, height - 22 * mm)
        text.setFont("Helvetica-Bold", 10.5)
        text.textLine(pdf_text(insured.name).replace("&amp;", "&"))
        text.setFont("Helvetica", 10.5)
        text.setLeading(14.5)
        if sender_lines:
            for line in sender_lines:
                text.textLine(_raw(line))
        else:
            text.textLine("Adresse : " + _dots(62))
            text.textLine(_dots(80))
        if insured.nir:
            text.textLine(f"N° de sécurité sociale : {format_nir(insured.nir)}")
        if payer == "mutuelle" and member_number:
            text.textLine(f"N° d'adhérent : {_raw(member_number)}")
        canvas.drawText(text)
        # Recipient, where a window envelope (DL, window on the right) shows it.
        text = canvas.beginText(110 * mm, height - 52 * mm)
        text.setLeading(14.5)
        text.setFont("Helvetica-Bold", 10.5)
        text.textLine(_raw(recipient.name))
        text.setFont("Helvetica", 10.5)
        if recipient.lines:
            for line in recipient.lines:
                text.textLine(_raw(line))
        else:
            text.setFont("Helvetica-Oblique", 8.5)
            hint = ("(adresse : voir l'attestation de droits)" if payer == "cpam"
                    else "(adresse : voir la carte d'adhérent)")
            text.textLine(hint)
            text.setFont("Helvetica", 10.5)
            text.textLine(_dots(78))
            text.textLine(_dots(78))
        canvas.drawText(text)
        canvas.restoreState()

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(width - 20 * mm, 12 * mm, f"{doc.page}")
        canvas.restoreState()

    doc = BaseDocTemplate(
        io.BytesIO(), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
        topMargin=20 * mm, bottomMargin=18 * mm,
        title=f"Demande de remboursement - {PAYER_FR[payer]}", author=insured.name,
        creator="Paperasse",
    )
    first = Frame(20 * mm, 18 * mm, width - 40 * mm, height - 18 * mm - 88 * mm, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(20 * mm, 18 * mm, width - 40 * mm, height - 38 * mm, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate("first", [first], onPage=header, autoNextPageTemplate="later"),
        PageTemplate("later", [later], onPage=footer),
    ])

    city = _city(sender_lines)
    place = f"À {pdf_text(city) if city else BLANK}, le {fr_date(today)}"
    story = [p(place, "right"), Spacer(1, 6 * mm)]

    care_day = fr_date(claim.care_date) or "(date à préciser)"
    what = pdf_text(claim.title) if claim.title else CATEGORY_FR.get(str(claim.category), "Soins")
    if payer == "cpam":
        subject = f"Demande de remboursement \u2013 soins du {care_day}"
    else:
        subject = f"Demande de remboursement complémentaire \u2013 soins du {care_day}"
    story += [p(f"<b>Objet :</b> {subject}"), Spacer(1, 2 * mm)]
    n = len(plan.enclosures)
    if n:
        story.append(p(f"<b>P. J. :</b> {n} pièce{'s' if n > 1 else ''} (liste ci-dessous)"))
    story += [Spacer(1, 5 * mm), p("Madame, Monsieur,"), Spacer(1, 3 * mm)]

    beneficiary = patient.id != insured.id
    if payer == "cpam":
        intro = ("Veuillez trouver ci-joint la feuille de soins relative aux soins décrits "
                 "ci-dessous, accompagnée des pièces justificatives, en vue de leur "
                 "remboursement.")
        if beneficiary:
            intro = ("Veuillez trouver ci-joint la feuille de soins relative aux soins reçus par "
                     f"{pdf_text(patient.name)}, mon ayant droit, accompagnée des pièces "
                     "justificatives, en vue de leur remboursement.")
    elif not plan.cpam_covers:
        intro = ("Ces soins ne sont pas pris en charge par l'Assurance Maladie. Veuillez trouver "
                 "ci-joint la facture correspondante, en vue du remboursement prévu par mon "
                 "contrat.")
    else:
        intro = ("Veuillez trouver ci-joint le décompte de l'Assurance Maladie relatif aux soins "
                 "décrits ci-dessous, en vue du remboursement de la part complémentaire prévue "
                 "par mon contrat.")
    story += [p(intro), Spacer(1, 4 * mm)]

    word = _member_word(holder) if payer == "mutuelle" else _insured_word(insured)
    rows = [[p(f"{word} :", "bold"), p(pdf_text(insured.name))]]
    if insured.nir:
        rows.append([p("N° de sécurité sociale :", "bold"), p(format_nir(insured.nir))])
    else:
        rows.append([p("N° de sécurité sociale :", "bold"), p(_dots(60))])
    if payer == "mutuelle":
        number = pdf_text(member_number) if member_number else _dots(60)
        rows.append([p("N° d'adhérent :", "bold"), p(number)])
    if beneficiary:
        born = f", {_born(patient)} le {fr_date(patient.birth_date)}" if patient.birth_date else ""
        rows.append([p("Bénéficiaire des soins :", "bold"), p(f"{pdf_text(patient.name)}{born}")])
        if patient.nir:
            rows.append([p("N° du bénéficiaire :", "bold"), p(format_nir(patient.nir))])
    rows.append([p("Date des soins :", "bold"), p(care_day)])
    nature = what
    if claim.title and str(claim.category) in CATEGORY_ASIDE:
        nature = f"{what} ({CATEGORY_ASIDE[str(claim.category)]})"
    codes = list(claim.lpp_codes) or [
        c for e in plan.enclosures if str(e.doc.kind) == "invoice"
        for c in (_field(e.doc, "lpp_codes") or [])
    ]
    if codes and str(claim.category) == "lpp_device":
        listed = ", ".join(pdf_text(c) for c in codes)
        nature += f", code{'s' if len(codes) > 1 else ''} LPP {listed}"
    rows.append([p("Nature des soins :", "bold"), p(nature)])
    if claim.amount_paid:
        rows.append([p("Montant payé :", "bold"), p(fr_money(claim.amount_paid))])
    if payer == "mutuelle":
        got = to_decimal(status["tracks"]["cpam"]["received"] or "0")
        if got > ZERO:
            rows.append([p("Part Assurance Maladie :", "bold"), p(fr_money(got))])
    table = Table(rows, colWidths=[58 * mm, width - 40 * mm - 58 * mm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    story += [table, Spacer(1, 5 * mm)]

    if n:
        items = [p(f"<b>Pièces jointes</b> ({n}) :")]
        items += [
            Paragraph(pdf_text(e.label), st["item"], bulletText=f"{i}.")
            for i, e in enumerate(plan.enclosures, 1)
        ]
        story += [KeepTogether(items), Spacer(1, 4 * mm)]

    account = "sur le compte dont vous disposez"
    if payer == "mutuelle" and any(str(e.doc.kind) == "rib" for e in plan.enclosures):
        account = "sur le compte dont le relevé d'identité bancaire est joint"
    elif payer == "mutuelle" and plan.first_claim:
        account = "sur mon compte bancaire"
    story += [
        p(f"Je vous remercie de bien vouloir procéder à ce remboursement {account}. "
          "Je conserve une copie de l'ensemble de ces pièces."),
        Spacer(1, 3 * mm),
    ]
    signature = Table(
        [["", p("Signature :")], ["", Spacer(1, 15 * mm)], ["", p(pdf_text(insured.name))]],
        colWidths=[100 * mm, width - 40 * mm - 100 * mm],
    )
    signature.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    story.append(KeepTogether([
        p("Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations "
          "distinguées."),
        Spacer(1, 6 * mm),
        signature,
    ]))
    doc.build(story)
    return doc.filename.getvalue()


def _dots(width_mm: float) -> str:
    """A dotted line about ``width_mm`` wide in the letter's font, to write on by hand."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    one = stringWidth("\u2026", "Helvetica", 10.5) / 72 * 25.4
    return "\u2026" * max(int(width_mm / one), 1)


def _raw(text: str) -> str:
    """Text for canvas.drawText (no markup to escape), in the standard fonts' characters."""
    return pdf_text(text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _claim_words(claim) -> str:
    """The claim as the window lists it: its title (or kind of care) and its care date."""
    what = pdf_text(claim.title) if claim.title else CATEGORY_FR.get(str(claim.category), "Soins")
    when = f", soins du {fr_date(claim.care_date)}" if claim.care_date else ""
    return f"« {what} »{when}"


def _memo_pdf(claim, payer: str, plan: _Plan, track: dict, status: dict) -> bytes:
    """A page for the sender to keep: what to post as originals, what to keep, what comes next."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    st = _styles()
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=18 * mm, title="Aide-mémoire",
                            creator="Paperasse")
    bullet = lambda text: Paragraph(text, st["item"], bulletText="\u2022")  # noqa: E731
    story = [
        Paragraph("Aide-mémoire \u2013 à garder, ne pas joindre à l'envoi", st["title"]),
        Paragraph(f"Demande n° {claim.id}, envoi à {PAYER_FR[payer]}.", st["body"]),
        Spacer(1, 4 * mm),
        Paragraph("<b>Avant de poster</b>", st["body"]),
        bullet("Datez et signez la lettre."),
    ]
    kinds = [str(e.doc.kind) for e in plan.enclosures]
    if payer == "cpam":
        originals = []
        if "care_sheet" in kinds:
            originals.append("la feuille de soins (signée)")
        if "prescription" in kinds:
            originals.append("l'ordonnance")
        if originals:
            story.append(bullet(
                "Joignez les <b>originaux papier</b> de " + " et de ".join(originals)
                + " : les pages imprimées de ce fichier n'en sont que des copies et la CPAM "
                "ne rembourse que sur l'original."
            ))
        if "prescription" in kinds:
            story.append(bullet(
                "L'ordonnance originale part à la CPAM : gardez-en une photocopie "
                "(pour la pharmacie ou un renouvellement)."
            ))
    else:
        story.append(bullet(
            "Les pièces imprimées ici sont des copies : gardez les originaux "
            "(décompte, facture)."
        ))
    story.append(bullet(
        "Gardez une copie de tout ce que vous envoyez (ce fichier PDF en est une) et notez la "
        "date d'envoi."
    ))
    story += [Spacer(1, 4 * mm), Paragraph("<b>Ensuite</b>", st["body"])]
    story.append(bullet(
        "Conservez le décompte de remboursement (relevé de prestations) au moins 2 ans."
    ))
    if track.get("deadline"):
        story.append(bullet(f"Date limite d'envoi : {fr_date(track['deadline'])}."))
    story.append(bullet(
        f"Une fois posté : dans Paperasse, ouvrez la demande ({_claim_words(claim)}) et cliquez "
        f"sur « Marquer comme envoyé » dans le suivi {'CPAM' if payer == 'cpam' else 'mutuelle'}"
        " (si vous ne l'avez pas déjà fait en préparant cet envoi)."
    ))
    if payer == "cpam" and status["tracks"]["mutuelle"]["state"] not in ("direct", "closed"):
        story.append(bullet(
            "Quand la CPAM aura payé, Paperasse vous dira s'il faut envoyer le décompte à "
            "la mutuelle."
        ))
    doc.build(story)
    return doc.filename.getvalue()
