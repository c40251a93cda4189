"""A sample household to explore the app with, in its own data folder (never the user's)."""

from __future__ import annotations

import datetime as _dt
import shutil
from pathlib import Path

from desktop_app import config
from desktop_app.core.errors import Cancelled, UserError
from desktop_app.services import claims, documents, people
from desktop_app.services.context import Context, open_context

DEMO_FOLDER_NAME = "Paperasse demo"

SAMPLES = {
    "prescription": "ordonnance_stimulateur.png",
    "care_sheet": "feuille_de_soins_stimulateur.png",
    "invoice": "facture_stimulateur.png",
    "statement": "releve_cpam_juillet_2025.pdf",
}


def samples_dir() -> Path:
    return config.resources_dir() / "samples"


def demo_root(ctx: Context | None = None) -> Path:
    """Beside the user's own data folder, so it is easy to find and to delete."""
    base = ctx.paths.root.parent if ctx is not None else config.default_root().parent
    return base / DEMO_FOLDER_NAME


def build_demo(root: Path, progress=None, should_cancel=None, today: _dt.date | None = None) -> Path:
    """Create the sample household in ``root`` (kept if it already exists)."""
    root = Path(root)
    created = not (root / "paperasse.db").exists()
    ctx = open_context(root)
    try:
        if people.list_people(ctx):
            return root
        _fill(ctx, progress, should_cancel, today or _dt.date.today())
    except BaseException:
        ctx.close()
        if created:
            shutil.rmtree(root, ignore_errors=True)
        raise
    ctx.close()
    return root


def _fill(ctx: Context, progress, should_cancel, today: _dt.date) -> None:
    claire = people.add_person(
        ctx,
        name="Claire Martin",
        nir="2 85 07 75 115 234 32",
        birth_date="1985-07-04",
        sex="F",
        caisse_name="CPAM du Rhône",
        medecin_traitant=True,
        mutuelle="Mutuelle Horizon Santé",
        mutuelle_member_number="0045 7812",
        guarantees={"lpp_device": "150% BR", "consultation": "100% BR", "paramedical": "100% BR"},  # covers physiotherapy
        iban="FR76 3000 6000 0112 3456 7890 189",
    ).person
    lucas = people.add_person(
        ctx,
        name="Lucas Martin",
        birth_date="2016-03-14",
        sex="M",
        beneficiary_of="Claire Martin",
        medecin_traitant=True,
    ).person
    folder = samples_dir()
    paths = [folder / name for name in SAMPLES.values()]
    outcomes = documents.import_files(
        ctx, paths, person_ref=claire.id, progress=progress, should_cancel=should_cancel
    )
    if should_cancel and should_cancel():
        raise Cancelled()
    ids = {kind: o.document_id for kind, o in zip(SAMPLES, outcomes) if o.ok}

    stimulator = claims.new_claim(
        ctx,
        claire.id,
        title="Stimulateur périnéal",
        care_date="2025-06-20",
        category="lpp_device",
        amount_paid="304.90",
        lpp_codes="1127950",
        lpp_tariff="304.90",  # as printed on the sample invoice: remembered in the demo's LPP list
    )
    for kind in ("prescription", "care_sheet", "invoice"):
        if kind in ids:
            claims.add_document(ctx, stimulator.id, ids[kind])
    # The statement stays in the inbox: recording the CPAM payment it lists is what a user
    # does next (one step, from the statement).

    visit = claims.new_claim(
        ctx,
        lucas.id,
        title="Dr Bernard, pédiatre",
        care_date=(today - _dt.timedelta(days=48)).isoformat(),
        category="consultation",
        amount_paid="30.00",
        billing="paper",  # a paper care sheet, posted (below)
    )
    physio = claims.new_claim(
        ctx,
        claire.id,
        title="Kinésithérapie, 10 séances",
        care_date=(today - _dt.timedelta(days=20)).isoformat(),
        category="physiotherapy",
        amount_paid="180.00",
        units=10,
        billing="vitale",
    )
    del physio
    try:
        from desktop_app.services import tracking

        tracking.mark_sent(ctx, stimulator.id, "cpam", date="2025-06-24", channel="post")
        tracking.mark_sent(
            ctx, visit.id, "cpam", date=(today - _dt.timedelta(days=45)).isoformat(), channel="post"
        )
    except UserError:  # the demo is still worth exploring without its history
        pass
