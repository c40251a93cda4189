"""Everyday care as it is billed in 2026, to the cent, each case naming the rule data it checks.

The figures follow from resources/rules/tariffs.json, whose leaves carry their sources and dates:
a change of decree is a change of that file and of the expected figures here.
"""

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from desktop_app.core.model import Category
from desktop_app.core.rules import load_rules
from desktop_app.core.rules.estimate import EstimateInput, estimate

TARIFFS = Path(__file__).parents[2] / "resources" / "rules" / "tariffs.json"


@pytest.fixture(scope="module")
def tariffs():
    return load_rules(TARIFFS)


def run(tariffs, category, paid, **kw):
    return estimate(EstimateInput(category=category, paid=D(paid), **kw), tariffs)


def figures(result):
    return result.amo, result.amc, result.patient


def test_midwife_perineal_re_education_is_70_percent_with_no_deduction(tariffs):
    # amo_rates.midwife 70 %; midwives' acts carry neither participation nor franchise.
    result = run(tariffs, Category.MIDWIFE, "25.00", guarantee="100% BR", no_medecin_traitant=True)
    assert figures(result) == (D("17.50"), D("7.50"), D("0.00"))
    assert result.deductions == 0 and result.deduction_kind is None


@pytest.mark.parametrize("category, rate, amo", [
    (Category.LAB, "60", "22.00"),  # 60 % of 40 = 24, less the EUR 2 participation
    (Category.RADIOLOGY, "70", "26.00"),  # 70 % of 40 = 28, less 2
])
def test_labs_and_radiology_carry_the_participation_not_a_franchise(tariffs, category, rate, amo):
    result = run(tariffs, category, "40.00", guarantee="100% BR")
    assert result.rate == D(rate) and result.deduction_kind == "participation_forfaitaire"
    assert result.amo == D(amo) and result.deductions == D("2.00") and result.patient == D("2.00")


def test_transport_franchise_only_by_taxi_vsl_or_ambulance(tariffs):
    taxi = run(tariffs, Category.TRANSPORT, "100.00")
    assert (taxi.amo, taxi.deductions) == (D("51.00"), D("4.00"))  # 55 % of 100, less EUR 4
    car = run(tariffs, Category.TRANSPORT_PERSONAL, "20.00")
    assert (car.amo, car.deductions) == (D("11.00"), D("0.00"))


def test_paramedical_daily_cap_per_day_and_professional(tariffs):
    # Six physiotherapy acts on one day: EUR 1 each, at most EUR 4 a day.
    six = run(tariffs, Category.PHYSIOTHERAPY, "100.00", units=6)
    assert (six.deductions, six.amo) == (D("4.00"), D("56.00"))
    # A second claim the same day, after 3 already taken: 1 left under the cap.
    later = run(tariffs, Category.NURSING, "30.00", units=3, franchises_so_far_today=D("3.00"))
    assert later.deductions == D("1.00")


def test_participation_daily_cap_is_four_a_day(tariffs):
    result = run(tariffs, Category.LAB, "200.00", units=6)
    assert result.deductions == D("8.00")


JANUARY, JUNE = dt.date(2026, 1, 15), dt.date(2026, 6, 1)


def test_hospital_stay_forfait_journalier_and_flat_fee_on_a_heavy_act(tariffs):
    # January 2026, 5 days, EUR 1,100 paid: EUR 100 of forfait journalier (5 × 20), a base of
    # 1,000: at or above EUR 120, a flat EUR 24 replaces the ticket modérateur.
    result = run(tariffs, Category.HOSPITAL, "1100.00", units=5, guarantee="100% BR", day=JANUARY)
    assert result.base == D("1000.00")
    assert result.amo == D("976.00")
    # A contrat responsable tops up to 100 % BR (24) and covers the forfait journalier (100).
    assert (result.amc, result.patient) == (D("124.00"), D("0.00"))
    alone = run(tariffs, Category.HOSPITAL, "1100.00", units=5, day=JANUARY)
    assert alone.patient == D("124.00")


def test_hospital_amounts_follow_the_2026_decrees(tariffs):
    # From 1 March 2026 the forfait journalier is EUR 23 (psychiatry 17); from 22 April the flat
    # fee on heavy acts is EUR 32: 5 × 23 = 115, a base of 985, the CPAM 985 - 32 = 953.
    june = run(tariffs, Category.HOSPITAL, "1100.00", units=5, guarantee="100% BR", day=JUNE)
    assert (june.base, june.amo, june.amc, june.patient) == (
        D("985.00"), D("953.00"), D("147.00"), D("0.00"))
    psy = run(tariffs, Category.HOSPITAL_PSYCHIATRY, "130.00", units=2, day=JUNE)
    assert psy.base == D("96.00")
    local = run(tariffs, Category.HOSPITAL, "1000.00", units=4, regime="alsace_moselle", day=JUNE)
    assert local.base == D("1000.00")  # the local regime covers the forfait journalier


def test_hospital_small_bill_at_80_percent_and_full_rate_from_the_31st_day(tariffs):
    short = run(tariffs, Category.HOSPITAL, "140.00", units=2, day=JANUARY)  # 40 of forfait
    assert (short.base, short.amo, short.patient) == (D("100.00"), D("80.00"), D("60.00"))
    # 40 days on a base of 100: 30 days at 80 %, 10 at 100 % -> 85.
    long = run(tariffs, Category.HOSPITAL, "900.00", units=40, day=JANUARY)
    assert (long.base, long.amo) == (D("100.00"), D("85.00"))


def test_psychiatry_forfait_and_no_forfait_under_maternity(tariffs):
    psy = run(tariffs, Category.HOSPITAL_PSYCHIATRY, "130.00", units=2, day=JANUARY)  # 2 × 15
    assert psy.base == D("100.00")
    birth = run(tariffs, Category.HOSPITAL, "1000.00", units=4, maternity=True)
    assert birth.base == D("1000.00") and birth.amo == D("1000.00")


def test_out_of_parcours_penalty_is_per_visit_with_direct_access(tariffs):
    penalised = run(tariffs, Category.SPECIALIST, "50.00", no_medecin_traitant=True, age=40)
    assert penalised.rate == D("30")
    for specialty in ("gynaecology", "ophthalmology", "stomatology"):
        direct = run(tariffs, Category.SPECIALIST, "50.00", no_medecin_traitant=True,
                     specialty=specialty, age=40)
        assert direct.rate == D("70"), specialty
    young = run(tariffs, Category.SPECIALIST, "50.00", no_medecin_traitant=True,
                specialty="psychiatry", age=20)
    older = run(tariffs, Category.SPECIALIST, "50.00", no_medecin_traitant=True,
                specialty="psychiatry", age=30)
    assert (young.rate, older.rate) == (D("70"), D("30"))
    child = run(tariffs, Category.CONSULTATION, "30.00", no_medecin_traitant=True, age=12)
    assert child.rate == D("70")


def test_hearing_aid_100_sante_leaves_nothing_with_a_contrat_responsable(tariffs):
    # Classe I hearing aid: paid 950, base 400, 60 % -> 240 from the CPAM.
    kw = dict(base=D("400.00"), guarantee="100% BR", basket_100=True)
    responsable = run(tariffs, Category.HEARING, "950.00", **kw)
    assert figures(responsable) == (D("240.00"), D("710.00"), D("0.00"))
    other = run(tariffs, Category.HEARING, "950.00", contrat_responsable=False, **kw)
    assert figures(other) == (D("240.00"), D("160.00"), D("550.00"))


def test_css_consultation_costs_nothing(tariffs):
    result = run(tariffs, Category.CONSULTATION, "30.00", css=True)
    assert figures(result) == (D("21.00"), D("9.00"), D("0.00"))


def test_alsace_moselle_medicine_rates_follow_the_national_rate(tariffs):
    # A medicine at 30 % nationally is refunded at 80 % in Alsace-Moselle; less EUR 1 a box.
    result = run(tariffs, Category.PHARMACY, "10.00", rate=D("30"), regime="alsace_moselle")
    assert (result.rate, result.amo) == (D("80"), D("7.00"))
    at_65 = run(tariffs, Category.PHARMACY, "10.00", rate=D("65"), regime="alsace_moselle")
    assert at_65.rate == D("90")
    elsewhere = run(tariffs, Category.PHARMACY, "10.00", rate=D("30"))
    assert elsewhere.rate == D("30")


def test_a_device_is_refunded_on_its_lpp_tariff_never_on_the_price(tariffs):
    unknown = run(tariffs, Category.LPP_DEVICE, "199.00", lpp_unknown=["1234567"],
                  lpp_codes=["1234567"], guarantee="100% BR")
    assert (unknown.base, unknown.amo) == (D("0.00"), D("0.00"))
    assert any("not on the LPP list" in n for n in unknown.notes)
    no_code = run(tariffs, Category.LPP_DEVICE, "199.00")
    assert no_code.amo == D("0.00") and any("LPP code" in n for n in no_code.notes)
    listed = run(tariffs, Category.LPP_DEVICE, "304.90", lpp_base=D("304.90"),
                 lpp_codes=["1180372"], guarantee="100% BR")
    assert figures(listed) == (D("182.94"), D("121.96"), D("0.00"))


def test_every_new_leaf_has_a_source(tariffs):
    for section in ("out_of_parcours", "hospital", "basket_100", "billing", "regime_drug_rates"):
        for name, leaf in tariffs[section].items():
            if isinstance(leaf, dict) and "value" in leaf:
                assert leaf.get("sources"), f"{section}.{name}"


def test_a_paramedical_guarantee_covers_physiotherapy(tariffs):
    import datetime as _dt

    from desktop_app.core.model import Claim, Person

    person = Person(name="Claire", medecin_traitant=True,
                    mutuelle_guarantees={"paramedical": "100% BR"})
    claim = Claim(person_id=1, care_date=_dt.date(2026, 3, 2), category=Category.PHYSIOTHERAPY,
                  amount_paid="18.00", units=1)
    inputs = EstimateInput.from_claim(claim, person)
    assert inputs.guarantee == "100% BR"
    result = estimate(inputs, tariffs)
    assert figures(result) == (D("9.80"), D("7.20"), D("1.00"))  # 60 % of 18 = 10.80 - 1
