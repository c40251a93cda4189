"""A claim's status in French through the services (what the GUI shows a French user), and the
command line staying English unless the user chose French."""

import datetime as dt

import pytest

from desktop_app.core.errors import UserError
from desktop_app.services import claims, people, tracking
from tests.cli_helpers import NIR

TODAY = dt.date(2025, 7, 20)


@pytest.fixture
def claim_id(ctx):
    people.add_person(
        ctx, name="Claire Martin", nir=NIR, birth_date="1985-07-04", sex="F",
        medecin_traitant=True, mutuelle="Harmonie", noemie=False, guarantees={"default": "100% BR"},
        iban="FR1420041010050500013M02606",
    )
    claim = claims.new_claim(
        ctx, "Claire Martin", title="Stimulateur périnéal", care_date="2025-07-04",
        category="lpp_device", amount_paid="304.90", base="304.90",
    )
    return claim.id


def test_claim_status_in_french(ctx, claim_id):
    status = tracking.claim_status(ctx, claim_id, today=TODAY, lang="fr")
    messages = {m.id: m for m in status.missing}
    sheet = messages["cpam_care_sheet_missing"]
    assert sheet.message.startswith("Aucune feuille de soins n'est jointe")
    assert sheet.action_label == "Joignez la feuille de soins remise par le professionnel"
    cpam = status.tracks["cpam"]
    assert cpam.next_action.startswith("Complétez la demande : joignez la feuille de soins")
    assert cpam.next_action_id == "track.complete"
    assert status.estimate.notes[0] == "Taux de 60 % (dispositif médical (LPP))."
    # Figures and states do not depend on the language.
    english = tracking.claim_status(ctx, claim_id, today=TODAY, lang="en")
    assert english.estimate.amo == status.estimate.amo == "182.94"
    assert english.tracks["cpam"].state == cpam.state == "incomplete"
    assert english.tracks["cpam"].next_action.startswith(
        "Complete the claim: Attach the care sheet the professional gave you"
    )


def test_language_setting_is_the_default(ctx, claim_id):
    def next_action():
        return tracking.claim_status(ctx, claim_id, today=TODAY).tracks["cpam"].next_action

    assert next_action().startswith("Complete the claim")  # no setting: English
    ctx.set_setting("language", "fr")
    assert next_action().startswith("Complétez la demande")
    english = tracking.claim_status(ctx, claim_id, today=TODAY, lang="en")
    assert english.tracks["cpam"].next_action.startswith("Complete the claim")
    ctx.set_setting("language", "de")
    assert next_action().startswith("Complete the claim")


def test_steps_and_their_refusals_in_french(ctx, claim_id):
    with pytest.raises(UserError, match="la demande n'a pas été envoyée à la mutuelle"):
        tracking.record_payment(ctx, claim_id, "mutuelle", "10", date="2025-07-10", lang="fr")
    sent = tracking.mark_sent(ctx, claim_id, "cpam", date="2025-07-10", today=TODAY, lang="fr")
    assert sent.tracks["cpam"].next_action == (
        "Attendez le paiement de la CPAM jusqu'au 09/08/2025, puis relancez-la."
    )
    paid = tracking.record_payment(
        ctx, claim_id, "cpam", "100", date="2025-07-25", today=TODAY, lang="fr"
    )
    assert paid.tracks["cpam"].next_action.startswith(
        "La CPAM a versé 100,00\u00a0€ sur les 182,94\u00a0€ attendus"
    )
    undone = tracking.undo_last(ctx, claim_id, "cpam", today=TODAY, lang="fr")
    assert undone.tracks["cpam"].state == "sent"


def test_household_status_and_check_in_french(ctx, claim_id):
    status = tracking.household_status(ctx, today=TODAY, lang="fr")
    assert status.claims[0].tracks["mutuelle"].next_action.startswith("Complétez")
    problems = tracking.check(ctx, today=TODAY, lang="fr")
    assert any(p.message.startswith("Aucune feuille de soins") for p in problems)
    english = tracking.check(ctx, today=TODAY)
    assert any(p.message.startswith("No care sheet") for p in english)
    assert len(english) == len(problems)


def test_status_speaks_the_language_check_speaks(ctx, claim_id, data_dir, capsys):
    """``status`` and ``check`` both follow the "language" setting."""
    from desktop_app.cli.main import main

    ctx.set_setting("language", "fr")
    ctx.close()
    assert main(["--data-dir", str(data_dir), "status"]) == 0
    out = capsys.readouterr().out
    assert "date des soins" in out and "care date" not in out
    assert "04/07/2025" in out and "304,90\u00a0€" in out
    assert "papiers manquants" in out or "à envoyer" in out
    assert "dû au foyer : CPAM" in out and "owed" not in out
    main(["--data-dir", str(data_dir), "check"])
    out = capsys.readouterr().out
    assert "dossier " in out and "claim " not in out


def test_status_stays_english_without_the_setting(ctx, claim_id, data_dir, capsys):
    from desktop_app.cli.main import main

    ctx.close()
    assert main(["--data-dir", str(data_dir), "status"]) == 0
    out = capsys.readouterr().out
    assert "care date" in out and "304.90" in out and "owed to the household: CPAM" in out
