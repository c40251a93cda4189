"""The rules' sentences in French: completeness texts from the rule file, next actions, estimate
notes and refused steps from core/rules/messages.py. English stays as it was (the other tests)."""

import copy
import dataclasses
import datetime as dt
import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.model import Category, Payer
from desktop_app.core.rules import load_rules, messages
from desktop_app.core.rules.completeness import evaluate, validate_rules
from desktop_app.core.rules.estimate import EstimateInput, estimate
from desktop_app.core.rules.tracks import (
    TrackContext,
    TrackEvent,
    apply,
    next_action,
    next_action_message,
    undo_last,
)
from tests.core.test_completeness import LEO_FACTS, MARIE, RULES, RULES_PATH, facts

RESOURCES = Path(__file__).parents[2] / "resources" / "rules"
TARIFFS = load_rules(RESOURCES / "tariffs.json")
d = dt.date.fromisoformat
CPAM, MUT = Payer.CPAM, Payer.MUTUELLE
NBSP = "\u00a0"


def run(*events, context=None, lang="en"):
    history = []
    for event in events:
        history = apply(history, event, context, lang)
    return history


def sent(payer=CPAM, on="2026-01-10", channel="post", at="t-sent"):
    return TrackEvent(payer, "sent", at=at, date=d(on), channel=channel)


def paid(amount, payer=CPAM, on="2026-02-01", at="t-paid"):
    return TrackEvent(payer, "paid", at=at, date=d(on), amount=D(amount))


# --- the message helpers ---------------------------------------------------------------------


def test_amounts_and_dates_follow_the_language():
    assert messages.money(D("182.94"), "fr") == f"182,94{NBSP}€"
    assert messages.money(D("1234.5"), "fr") == f"1\u202f234,50{NBSP}€"
    assert messages.money(D("182.94"), "en") == "182.94"
    assert messages.day(d("2025-07-24"), "fr") == "24/07/2025"
    assert messages.day(d("2025-07-24"), "en") == "2025-07-24"
    assert messages.join(["a", "b", "c"], "fr") == "a, b et c"


@pytest.mark.parametrize("given, wanted", [
    (None, "en"), ("fr", "fr"), ("FR", "fr"), ("fr_FR", "fr"), ("fr-FR", "fr"), ("de", "en"),
])
def test_language_codes(given, wanted):
    assert messages.language(given) == wanted


def test_localized_text_falls_back_to_english_then_to_the_first_language():
    assert messages.localized("same", "fr") == "same"
    assert messages.localized({"en": "E", "fr": "F"}, "fr") == "F"
    assert messages.localized({"en": "E"}, "fr") == "E"
    assert messages.localized({"fr": "F"}, "en") == "F"
    assert messages.localized({"en": "E", "fr": ""}, "fr") == "E"


def test_every_message_has_both_languages_and_the_same_names():
    import string

    for message_id, texts in messages.MESSAGES.items():
        assert set(texts) == {"en", "fr"}, message_id
        names = [
            {n for _, n, _, _ in string.Formatter().parse(texts[lang]) if n}
            for lang in ("en", "fr")
        ]
        # French may drop a name English uses (e.g. the raw payer), never need a new one.
        assert names[1] <= names[0] | {"track"}, message_id


# --- completeness rules ----------------------------------------------------------------------


def test_every_rule_of_the_shipped_file_has_french_texts():
    for rule in RULES["rules"]:
        for text in (rule["explanation"], rule["action"]["text"]):
            assert set(text) == {"en", "fr"}, rule["id"]
            assert text["fr"] != text["en"], rule["id"]


def test_missing_items_in_french():
    unsigned = evaluate(RULES, facts(sheet_changes={"signed": False}), lang="fr")
    assert [(m.rule_id, m.explanation, m.action_text) for m in unsigned] == [(
        "cpam_care_sheet_unsigned",
        "La feuille de soins n'est pas signée par l'assuré(e) : la CPAM renvoie une feuille non "
        "signée.",
        "Signez la feuille de soins, puis indiquez qu'elle est signée",
    )]
    no_insured_nir = dict(LEO_FACTS, insured=dataclasses.replace(MARIE, nir=None))
    missing = evaluate(RULES, facts(**no_insured_nir), lang="fr")
    assert missing[0].explanation.startswith("Léo est ayant droit : la feuille de soins")
    assert missing[0].action_text == "Saisissez le NIR de Marie"
    no_doctor = evaluate(RULES, facts(person_changes={"medecin_traitant": False}), lang="fr")
    assert no_doctor[0].explanation == (
        "Aucun médecin traitant n'est déclaré pour Marie : les consultations sont remboursées "
        "à 30 % au lieu de 70 %."
    )


def test_english_is_the_default_and_unchanged():
    unsigned = facts(sheet_changes={"signed": False})
    assert evaluate(RULES, unsigned) == evaluate(RULES, unsigned, lang="en")
    assert evaluate(RULES, unsigned)[0].explanation == (
        "The care sheet is not signed by the insured: the CPAM sends an unsigned sheet back."
    )


def test_placeholders_in_french_name_the_category_in_french():
    rules = copy.deepcopy(RULES)
    rules["lists"]["signature_optional_categories"]["value"] = ["lpp_device"]
    missing = evaluate(rules, facts(sheet_changes={"signed": False}), lang="fr")
    assert "pour ces soins (dispositif médical (LPP))" in missing[0].explanation
    no_insured = dict(LEO_FACTS, insured=None)
    rule = next(
        m for m in evaluate(RULES, facts(**no_insured), lang="fr")
        if m.rule_id == "cpam_insured_nir_missing"
    )
    assert rule.action_text == "Saisissez le NIR de l'assuré(e)"


def test_a_user_edited_file_with_plain_english_texts_still_works_in_french(tmp_path):
    """A rule file written before texts were translated (or by a user in English only)."""
    data = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    for rule in data["rules"]:
        rule["explanation"] = rule["explanation"]["en"]
        rule["action"]["text"] = rule["action"]["text"]["en"]
    data["rules"][0]["explanation"] = {"en": "Only English: {person}."}
    path = tmp_path / "completeness.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    edited = load_rules(path)
    validate_rules(edited)
    unsigned = evaluate(edited, facts(sheet_changes={"signed": False}), lang="fr")
    assert unsigned[0].explanation.startswith("The care sheet is not signed by the insured")
    no_nir = evaluate(edited, facts(person_changes={"nir": None}), lang="fr")
    assert no_nir[0].explanation == "Only English: Marie."


@pytest.mark.parametrize(
    "text, problem",
    [
        ("", "explanation is empty"),
        (42, "explanation must be a string or"),
        ({}, "explanation has no language"),
        ({"en": "x", "fr": ""}, "explanation for 'fr' must be a non-empty string"),
        ({"en": "x", "de": "y"}, "explanation has an unknown language 'de'"),
    ],
)
def test_validate_rules_checks_both_text_shapes(text, problem):
    rules = copy.deepcopy(RULES)
    rules["rules"][0]["explanation"] = text
    with pytest.raises(UserError, match=problem):
        validate_rules(rules)


def test_validate_rules_accepts_both_text_shapes_and_checks_action_texts():
    rules = copy.deepcopy(RULES)
    rules["rules"][0]["explanation"] = "plain"
    rules["rules"][0]["action"]["text"] = "plain too"
    rules["rules"][1]["explanation"] = {"fr": "seulement en français"}
    validate_rules(rules)
    rules["rules"][2]["action"]["text"] = {"en": None}
    with pytest.raises(UserError, match="action text for 'en' must be a non-empty string"):
        validate_rules(rules)


# --- next actions ----------------------------------------------------------------------------


def test_next_actions_before_sending_in_french():
    ctx = TrackContext(needs_prescription=True, deadlines={"cpam": d("2028-03-31")})
    assert next_action([], CPAM, ctx, lang="fr") == (
        "Envoyez la feuille de soins et l'ordonnance originale à la CPAM avant le 31/03/2028."
    )
    assert next_action([], MUT, ctx, lang="fr") == (
        "Une fois que la CPAM a payé, envoyez le décompte de la CPAM à la mutuelle."
    )
    history = run(sent(), paid("19"))
    first = TrackContext(first_mutuelle_claim=True)
    assert next_action(history, MUT, first, lang="fr") == (
        "Envoyez le décompte de la CPAM, l'attestation de droits et un RIB à la mutuelle."
    )
    noemie = TrackContext(noemie=True, expected={"cpam": D("19")})
    assert next_action([], MUT, noemie, lang="fr").startswith("Rien à envoyer : une fois")


def test_next_actions_after_sending_in_french():
    history = run(sent(on="2026-01-10"))
    assert next_action(history, CPAM, today=d("2026-02-09"), lang="fr") == (
        "Attendez le paiement de la CPAM jusqu'au 09/02/2026, puis relancez-la."
    )
    assert next_action(history, CPAM, today=d("2026-02-10"), lang="fr") == (
        "Relancez la CPAM : demande envoyée le 10/01/2026, toujours pas payée au bout de 30 jours."
    )
    ctx = TrackContext(expected={"cpam": D("182.94")})
    partly = run(sent(), paid("100"), context=ctx)
    assert next_action(partly, CPAM, ctx, lang="fr") == (
        f"La CPAM a versé 100,00{NBSP}€ sur les 182,94{NBSP}€ attendus : vérifiez le décompte, "
        "puis relancez-la ou clôturez le suivi."
    )
    full = run(sent(), paid("182.94"), context=ctx)
    assert next_action(full, CPAM, ctx, lang="fr") == (
        f"Rien à faire : le suivi CPAM est clos (182,94{NBSP}€ reçus)."
    )
    rejected = run(sent(), TrackEvent(CPAM, "rejected", date=d("2026-01-20"), reason="ordonnance"))
    assert next_action(rejected, CPAM, lang="fr") == (
        "La CPAM a rejeté la demande (ordonnance) : corrigez-la et renvoyez-la, "
        "ou clôturez le suivi."
    )
    direct = TrackContext(tiers_payant="amo")
    assert next_action([], CPAM, direct, lang="fr") == (
        "Rien à faire : la CPAM paie directement le professionnel (tiers payant)."
    )


def test_next_action_names_what_is_missing_in_french():
    missing = evaluate(RULES, facts(sheet_changes={"signed": False}, drop=("prescription",)),
                       lang="fr")
    # A missing paper comes first: it is what the user has to find.
    assert next_action([], CPAM, missing=missing, lang="fr") == (
        "Complétez la demande : joignez l'ordonnance (envoyez l'original, gardez une copie) "
        "(et 1 autre chose)."
    )


def test_next_action_ids_are_the_same_in_every_language():
    noemie = TrackContext(noemie=True, expected={"cpam": D("19")})
    assert next_action_message([], MUT, noemie, lang="fr")[0] == "send.noemie_nothing"
    assert next_action_message([], MUT, noemie)[0] == "send.noemie_nothing"


# --- refused steps and estimate notes ---------------------------------------------------------


@pytest.mark.parametrize(
    "events, message",
    [
        ([paid("10")], "impossible d'indiquer « payée » : la demande n'a pas été envoyée à la CPAM"),
        ([sent(), paid("10"), sent(on="2026-03-01")],
         "impossible d'indiquer « envoyée » : la CPAM a déjà payé"),
        ([sent(on="2026-02-10"), paid("10", on="2026-02-01")],
         "impossible d'indiquer un paiement le 01/02/2026 : la demande a été envoyée à la CPAM "
         "le 10/02/2026"),
        ([sent(channel="noemie")], "NOEMIE ne transmet les demandes que de la CPAM vers la mutuelle"),
    ],
)
def test_refused_steps_say_why_in_french(events, message):
    with pytest.raises(UserError) as caught:
        run(*events, lang="fr")
    assert message in str(caught.value)


def test_undo_says_why_in_french():
    with pytest.raises(UserError, match="rien à annuler sur le suivi mutuelle"):
        undo_last([], MUT, lang="fr")


def test_estimate_notes_in_french():
    inputs = EstimateInput(category=Category.LPP_DEVICE, paid=D("304.90"), base=D("304.90"),
                           guarantee="100% BR")
    english = estimate(inputs, TARIFFS)
    french = estimate(inputs, TARIFFS, lang="fr")
    assert (french.amo, french.amc) == (english.amo, english.amc)
    assert french.notes[0] == "Taux de 60 % (dispositif médical (LPP))."
    assert french.notes[-1].startswith(
        f"Mutuelle 100 % BR : CPAM et mutuelle ensemble jusqu'à 304,90{NBSP}€ ;"
    )
    consultation = EstimateInput(category="consultation", paid=D("30"), no_medecin_traitant=True)
    notes = estimate(consultation, TARIFFS, lang="fr").notes
    assert notes[0].startswith("Taux de 30 % au lieu de 70 % : aucun médecin traitant déclaré")
    assert notes[1].startswith(f"Participation forfaitaire de 2,00{NBSP}€ (1 × 2,00{NBSP}€)")
