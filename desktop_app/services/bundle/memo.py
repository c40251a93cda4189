"""The bundle's last page, for the sender to keep: what to post as originals, what to keep,
what comes next. Its sentences are resources/letters/fr.json's "memo"."""

from __future__ import annotations

import io

from desktop_app.core import formatting
from desktop_app.services.bundle import sentences
from desktop_app.services.bundle.letter import LANG, claim_what, long_date
from desktop_app.services.bundle.page_style import styles
from desktop_app.services.bundle.plan import Plan
from desktop_app.services.results import ClaimStatus, TrackStatus


def _say(sentence_id: str, **values) -> str:
    return sentences.say("memo", sentence_id, **values)


def _claim_words(claim) -> str:
    """The claim as the window lists it: its title (or kind of care) and its care date."""
    if claim.care_date:
        return _say("claim_words_dated", what=claim_what(claim), date=long_date(claim.care_date))
    return _say("claim_words", what=claim_what(claim))


def memo_pdf(claim, payer: str, plan: Plan, track: TrackStatus, status: ClaimStatus) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    st = styles()
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=18 * mm,
                            title=_say("file_title"), creator="Paperasse")
    bullet = lambda text: Paragraph(text, st["item"], bulletText="\u2022")  # noqa: E731
    story = [
        Paragraph(_say("title"), st["title"]),
        Paragraph(_say("claim", claim=claim.id, payer=formatting.payer(payer, LANG)),
                  st["body"]),
        Spacer(1, 4 * mm),
        Paragraph(_say("before"), st["body"]),
        bullet(_say("date_and_sign")),
    ]
    kinds = [str(e.doc.kind) for e in plan.enclosures]
    if payer == "cpam":
        originals = [_say(f"original.{kind}") for kind in ("care_sheet", "prescription")
                     if kind in kinds]
        if len(originals) == 1:
            story.append(bullet(_say("originals.one", first=originals[0])))
        elif originals:
            story.append(bullet(_say("originals.two", first=originals[0], second=originals[1])))
        if "prescription" in kinds:
            story.append(bullet(_say("keep_prescription_copy")))
    else:
        story.append(bullet(_say("copies_only")))
    story.append(bullet(_say("keep_a_copy")))
    story += [Spacer(1, 4 * mm), Paragraph(_say("then"), st["body"])]
    story.append(bullet(_say("keep_statement")))
    if track.deadline:
        story.append(bullet(_say("deadline", date=long_date(track.deadline))))
    story.append(bullet(_say("mark_sent", claim=_claim_words(claim),
                             track=formatting.payer(payer, LANG, "name"))))
    if payer == "cpam" and status.tracks["mutuelle"].state not in ("direct", "closed"):
        story.append(bullet(_say("cpam_then_mutuelle")))
    doc.build(story)
    return doc.filename.getvalue()
