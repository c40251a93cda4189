"""Refund estimates: FRENCH_RULES §7 to the cent, then each rule of §3-§5 on its own."""

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.errors import UserError
from desktop_app.core.model import Category, Claim, Person, Regime
from desktop_app.core.rules import load_rules
from desktop_app.core.rules.estimate import (
    FRANCHISE,
    PARTICIPATION,
    EstimateInput,
    deduction_kind,
    estimate,
)
from desktop_app.core.rules.guarantee import FORFAIT, FRAIS_REELS, PERCENT_BR, parse_guarantee

TARIFFS_PATH = Path(__file__).parents[2] / "resources" / "rules" / "tariffs.json"


@pytest.fixture(scope="module")
def tariffs():
    return load_rules(TARIFFS_PATH)


def run(tariffs, category, paid, **kw):
    return estimate(EstimateInput(category=category, paid=D(paid), **kw), tariffs)


# --- FRENCH_RULES §7 -------------------------------------------------------------------------


def test_gp_consultation_30_euros_with_100_br(tariffs):
    result = run(tariffs, Category.CONSULTATION, "30", guarantee="100% BR")
    assert result.to_dict() | {"notes": []} == {
        "paid": "30.00",
        "base": "30.00",
        "rate": "70",
        "amo_before_deductions": "21.00",
        "deductions": "2.00",
        "deduction_kind": PARTICIPATION,
        "amo": "19.00",
        "amc": "9.00",
        "patient": "2.00",
        "ticket_moderateur": "9.00",
        "notes": [],
    }


@pytest.mark.parametrize(
    "price, amo, amc",
    [("304.90", "182.94", "121.96"), ("25.92", "15.55", "10.37")],
    ids=["stimulator", "probe"],
)
def test_lpp_devices_at_60_percent_with_100_br(tariffs, price, amo, amc):
    result = run(tariffs, Category.LPP_DEVICE, price, base=D(price), guarantee="100 % BR")
    assert (result.amo, result.amc, result.patient, result.deductions) == (
        D(amo), D(amc), D("0.00"), D("0.00")
    )


# --- rates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "category, kw, rate",
    [
        (Category.CONSULTATION, {}, "70"),
        (Category.SPECIALIST, {}, "70"),
        (Category.PARAMEDICAL, {}, "60"),
        (Category.DENTAL, {}, "60"),
        (Category.PHARMACY, {}, "65"),
        (Category.HOSPITAL, {}, "80"),
        (Category.TRANSPORT, {}, "55"),
        (Category.OTHER, {}, "0"),
        (Category.CONSULTATION, {"no_medecin_traitant": True}, "30"),
        (Category.DENTAL, {"no_medecin_traitant": True}, "60"),
        (Category.CONSULTATION, {"ald": True}, "100"),
        (Category.CONSULTATION, {"ald": True, "no_medecin_traitant": True}, "100"),
        (Category.PARAMEDICAL, {"maternity": True}, "100"),
        (Category.OTHER, {"ald": True, "maternity": True}, "0"),
        (Category.CONSULTATION, {"regime": Regime.ALSACE_MOSELLE}, "90"),
        (Category.PARAMEDICAL, {"regime": "alsace_moselle"}, "90"),
        (Category.PHARMACY, {"regime": "alsace_moselle"}, "90"),
        (Category.HOSPITAL, {"regime": "alsace_moselle"}, "100"),
        (Category.DENTAL, {"regime": "alsace_moselle"}, "90"),
        (Category.PHARMACY, {"rate": D("15")}, "15"),
        (Category.CONSULTATION, {"rate": D("100"), "no_medecin_traitant": True}, "100"),
    ],
)
def test_rate_rules(tariffs, category, kw, rate):
    assert run(tariffs, category, "10", **kw).rate == D(rate)


def test_no_medecin_traitant_gp(tariffs):
    result = run(
        tariffs, Category.CONSULTATION, "30", guarantee="100% BR", no_medecin_traitant=True
    )
    # 30 % of 30 = 9, minus 2. A contrat responsable tops up to 100 % BR as if the CPAM had paid
    # its usual 70 % (21): 9; the 12 the penalty took stay to pay, with the 2.
    assert (result.amo, result.amc, result.patient) == (D("7.00"), D("9.00"), D("14.00"))
    assert any("médecin traitant" in n for n in result.notes)
    assert any("contrat responsable" in n for n in result.notes)
    other = run(tariffs, Category.CONSULTATION, "30", guarantee="100% BR",
                no_medecin_traitant=True, contrat_responsable=False)
    assert (other.amo, other.amc, other.patient) == (D("7.00"), D("21.00"), D("2.00"))


@pytest.mark.parametrize("rate", [D("-1"), D("100.01")])
def test_rate_override_out_of_range(tariffs, rate):
    with pytest.raises(UserError, match="between 0 and 100"):
        run(tariffs, Category.CONSULTATION, "30", rate=rate)


# --- base ------------------------------------------------------------------------------------


def test_base_defaults_to_paid_for_covered_care_and_zero_otherwise(tariffs):
    assert run(tariffs, Category.DENTAL, "23").base == D("23.00")
    assert run(tariffs, Category.OTHER, "60").base == D("0.00")


def test_base_above_paid_is_limited_to_paid(tariffs):
    result = run(tariffs, Category.LPP_DEVICE, "280", base=D("304.90"), guarantee="100% BR")
    assert (result.base, result.amo, result.amc) == (D("280.00"), D("168.00"), D("112.00"))
    assert any("above the amount paid" in n for n in result.notes)


def test_rounding_half_up(tariffs):
    # 0.60 × 25.875 = 15.525: half up gives 15.53 where banker's rounding would give 15.52
    assert run(tariffs, Category.LPP_DEVICE, "25.875", base=D("25.875")).amo == D("15.53")


# --- deductions ------------------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["minor", "maternity", "css"])
def test_exemptions(tariffs, flag):
    result = run(tariffs, Category.CONSULTATION, "30", **{flag: True})
    assert result.deductions == D("0.00")
    assert any("exempt" in n for n in result.notes)


def test_ald_is_not_exempt(tariffs):
    result = run(tariffs, Category.CONSULTATION, "30", ald=True)
    assert (result.amo, result.deductions) == (D("28.00"), D("2.00"))


@pytest.mark.parametrize(
    "so_far, expected", [(D("0"), "2.00"), (D("49"), "1.00"), (D("50"), "0.00"), (D("70"), "0.00")]
)
def test_participation_annual_cap(tariffs, so_far, expected):
    result = run(tariffs, Category.CONSULTATION, "30", deductions_so_far_this_year=so_far)
    assert result.deductions == D(expected)


@pytest.mark.parametrize(
    "category, units, today, expected",
    [
        (Category.PHARMACY, 3, D("0"), "3.00"),  # €1 a box, no daily cap
        (Category.PARAMEDICAL, 3, D("0"), "3.00"),
        (Category.PARAMEDICAL, 6, D("0"), "4.00"),  # daily cap €4
        (Category.PARAMEDICAL, 2, D("3"), "1.00"),  # €3 already taken today
        (Category.TRANSPORT, 1, D("0"), "4.00"),
        (Category.TRANSPORT, 3, D("0"), "8.00"),  # daily cap €8
        (Category.DENTAL, 3, D("0"), "0.00"),
        (Category.LPP_DEVICE, 2, D("0"), "0.00"),
    ],
)
def test_franchises_and_daily_caps(tariffs, category, units, today, expected):
    result = run(tariffs, category, "100", units=units, franchises_so_far_today=today)
    assert result.deductions == D(expected)


def test_franchise_annual_cap(tariffs):
    result = run(tariffs, Category.PHARMACY, "100", units=5, deductions_so_far_this_year=D("48"))
    assert result.deductions == D("2.00")


def test_deductions_never_make_the_cpam_refund_negative(tariffs):
    result = run(tariffs, Category.PHARMACY, "1.20", units=3, rate=D("15"))
    assert (result.amo_before_deductions, result.deductions, result.amo) == (
        D("0.18"), D("0.18"), D("0.00")
    )


def test_deduction_kind(tariffs):
    assert deduction_kind(Category.SPECIALIST, tariffs) == PARTICIPATION
    assert deduction_kind("transport", tariffs) == FRANCHISE
    assert deduction_kind(Category.HOSPITAL, tariffs) is None


# --- mutuelle --------------------------------------------------------------------------------


def test_200_br_covers_a_depassement_but_not_the_participation(tariffs):
    result = run(tariffs, Category.SPECIALIST, "50", base=D("30"), guarantee="200% BR")
    assert (result.amo, result.amc, result.patient) == (D("19.00"), D("29.00"), D("2.00"))


def test_150_br_leaves_part_of_a_depassement(tariffs):
    result = run(tariffs, Category.SPECIALIST, "60", base=D("30"), guarantee="150 % BR")
    # together up to 45: mutuelle 45 − 21 = 24; left 60 − 19 − 24 = 17
    assert (result.amc, result.patient) == (D("24.00"), D("17.00"))


def test_forfait_uses_what_is_left_this_year(tariffs):
    result = run(tariffs, Category.OTHER, "60", guarantee="forfait:150", forfait_used=D("120"))
    assert (result.amo, result.amc, result.patient) == (D("0.00"), D("30.00"), D("30.00"))
    assert run(tariffs, Category.OTHER, "60", guarantee="forfait:150").amc == D("60.00")


def test_frais_reels_refunds_all_but_the_deductions(tariffs):
    result = run(tariffs, Category.SPECIALIST, "80", base=D("30"), guarantee="frais-reels")
    assert (result.amo, result.amc, result.patient) == (D("19.00"), D("59.00"), D("2.00"))


def test_no_guarantee_no_mutuelle(tariffs):
    result = run(tariffs, Category.CONSULTATION, "30")
    assert (result.amc, result.patient) == (D("0.00"), D("11.00"))


def test_css_without_guarantee_covers_ticket_moderateur(tariffs):
    result = run(tariffs, Category.CONSULTATION, "30", css=True)
    assert (result.amo, result.amc, result.patient) == (D("21.00"), D("9.00"), D("0.00"))


@pytest.mark.parametrize(
    "text, kind, number",
    [
        ("100% BR", PERCENT_BR, D("100")),
        ("150 % BR", PERCENT_BR, D("150")),
        ("200\u00a0% de la BR", PERCENT_BR, D("200")),
        ("125,5 % BRSS", PERCENT_BR, D("125.5")),
        ("forfait:150", FORFAIT, D("150")),
        ("Forfait 150 € / an", FORFAIT, D("150")),
        ("frais-reels", FRAIS_REELS, None),
        ("Frais réels", FRAIS_REELS, None),
    ],
)
def test_parse_guarantee(text, kind, number):
    guarantee = parse_guarantee(text)
    assert guarantee.kind == kind
    assert (guarantee.percent if kind == PERCENT_BR else guarantee.forfait) == number


def test_unreadable_guarantee_names_the_accepted_forms(tariffs):
    with pytest.raises(UserError, match="100% BR.*forfait:150.*frais-reels"):
        run(tariffs, Category.CONSULTATION, "30", guarantee="very good")
    assert parse_guarantee("  ") is None


def test_floats_are_refused(tariffs):
    with pytest.raises(UserError, match="not float"):
        run(tariffs, Category.CONSULTATION, "30", base=30.0)


@given(
    category=st.sampled_from(list(Category)),
    paid=st.decimals(min_value=0, max_value=5000, places=2),
    base=st.none() | st.decimals(min_value=0, max_value=5000, places=2),
    guarantee=st.sampled_from([None, "100% BR", "300% BR", "forfait:100", "frais-reels"]),
    flags=st.fixed_dictionaries(
        {k: st.booleans() for k in ("ald", "maternity", "css", "minor", "no_medecin_traitant")}
    ),
    units=st.integers(min_value=0, max_value=10),
)
def test_never_more_than_paid(category, paid, base, guarantee, flags, units):
    tariffs = load_rules(TARIFFS_PATH)
    result = estimate(
        EstimateInput(category, paid, base=base, guarantee=guarantee, units=units, **flags), tariffs
    )
    assert result.amo >= 0 and result.amc >= 0 and result.patient >= 0
    assert result.amo + result.amc + result.patient == result.paid
    assert result.deductions == result.amo_before_deductions - result.amo


# --- from a stored claim ---------------------------------------------------------------------


def test_input_from_claim_and_person(tariffs):
    child = Person(
        name="Léa", birth_date=dt.date(2015, 6, 1), mutuelle_guarantees={"default": "100% BR"}
    )
    claim = Claim(person_id=2, care_date=dt.date(2026, 3, 2), category=Category.CONSULTATION,
                  amount_paid="30,00")
    inputs = EstimateInput.from_claim(claim, child)
    assert inputs.minor and inputs.age == 10
    result = estimate(inputs, tariffs)
    assert result.rate == D("70")  # under 16: no médecin traitant needed, no penalty
    assert (result.amo, result.amc, result.patient) == (D("21.00"), D("9.00"), D("0.00"))


def test_input_from_claim_maternity_and_category_guarantee(tariffs):
    mother = Person(
        name="Anne", birth_date=dt.date(1990, 1, 1), medecin_traitant=True,
        maternity_start=dt.date(2026, 1, 1), maternity_end=dt.date(2026, 5, 1),
        mutuelle_guarantees={"specialist": "200% BR", "default": "100% BR"},
    )
    claim = Claim(person_id=1, care_date=dt.date(2026, 2, 2), category=Category.SPECIALIST,
                  amount_paid="60", base="30")
    inputs = EstimateInput.from_claim(claim, mother)
    assert inputs.maternity and inputs.guarantee == "200% BR"
    result = estimate(inputs, tariffs)
    assert (result.rate, result.amo, result.amc, result.patient) == (
        D("100"), D("30.00"), D("30.00"), D("0.00")
    )


# --- the data file ---------------------------------------------------------------------------


def test_tariffs_file_is_dated_and_every_value_has_a_source(tariffs):
    assert tariffs["as_of"] == "2026-12-02"

    def leaves(node, path=""):
        if isinstance(node, dict) and "value" in node:
            yield path, node
        elif isinstance(node, dict):
            for key, child in node.items():
                if isinstance(child, dict):
                    yield from leaves(child, f"{path}.{key}")

    found = dict(leaves(tariffs))
    assert len(found) > 20
    for path, leaf in found.items():
        assert leaf.get("sources"), path
        assert isinstance(leaf.get("unconfirmed"), bool), path
    assert found[".amo_rates.transport"]["unconfirmed"] is True
