"""An attestation de droits or a mutuelle card offers its values to the person's record: shown,
and written only for the fields the user confirms (``paperasse doc to-person``)."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli.main import main
from desktop_app.core.errors import UserError
from desktop_app.services import people, person_proposals
from tests.intake.kind_pages import ATTESTATION, MUTUELLE_CARD, text_pdf


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def claire(data_dir, capsys):
    d = ["--data-dir", str(data_dir)]
    assert run(capsys, *d, "person", "add", "--name", "Claire Martin")[0] == 0
    return d


def _import(capsys, d, path) -> int:
    code, out, err = run(capsys, *d, "import", str(path), "--person", "Claire Martin", "--json")
    assert code == 0, err
    return json.loads(out)[0]["document_id"]


def test_the_attestation_proposes_and_writes_only_what_is_confirmed(claire, capsys, tmp_path, ctx):
    doc = _import(capsys, claire, text_pdf(ATTESTATION, tmp_path / "attestation.pdf"))
    code, out, _ = run(capsys, *claire, "doc", "to-person", str(doc), "--json")
    offered = {v["field"]: v["value"] for v in json.loads(out)["values"]}
    assert offered == {"nir": "285077511523432", "birth_date": "1985-07-04", "caisse": "CPAM de la Gironde"}
    # Shown is not written.
    assert people.find_person(ctx, "Claire Martin").nir is None
    code, out, err = run(capsys, *claire, "doc", "to-person", str(doc), "--apply", "birth_date", "nir", "--json")
    assert code == 0, err
    claire_now = people.find_person(ctx, "Claire Martin")
    assert claire_now.nir == "285077511523432" and str(claire_now.birth_date) == "1985-07-04"
    assert claire_now.caisse_name is None
    # What the record now holds is not offered again.
    _code, out, _ = run(capsys, *claire, "doc", "to-person", str(doc), "--json")
    assert [v["field"] for v in json.loads(out)["values"]] == ["caisse"]


def test_the_mutuelle_card_fills_the_mutuelle_and_member_number(claire, capsys, tmp_path, ctx):
    doc = _import(capsys, claire, text_pdf(MUTUELLE_CARD, tmp_path / "carte.pdf"))
    code, _out, err = run(capsys, *claire, "doc", "to-person", str(doc), "--apply")
    assert code == 0, err
    claire_now = people.find_person(ctx, "Claire Martin")
    assert claire_now.mutuelle_name == "Mutuelle Horizon Santé"
    assert claire_now.mutuelle_member_number == "HS558120"


def test_a_field_not_proposed_is_refused_naming_what_is(claire, capsys, tmp_path, ctx):
    doc = _import(capsys, claire, text_pdf(MUTUELLE_CARD, tmp_path / "carte.pdf"))
    with pytest.raises(UserError, match="proposes no nir"):
        person_proposals.apply_proposal(ctx, doc, ["nir"])
    code, _out, err = run(capsys, *claire, "doc", "to-person", str(doc), "--apply", "nir")
    assert code == 2 and "proposes no nir" in err and "Traceback" not in err


def test_a_paper_naming_someone_else_proposes_nothing(claire, capsys, tmp_path, ctx):
    other = [[(x, t.replace("Claire MARTIN", "Paul DURAND")) for x, t in row] if row else row
             for row in ATTESTATION]
    doc = _import(capsys, claire, text_pdf(other, tmp_path / "autre.pdf"))
    assert person_proposals.proposal_for(ctx, doc) is None
