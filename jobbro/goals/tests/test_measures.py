"""The national measures, against small cases counted by hand."""

import datetime as dt
from decimal import Decimal

import pytest

from jobbro.citizens.status import ClosingReason
from jobbro.goals.selectors import employment_after_residence, self_support
from jobbro.law.models import Benefit, BenefitPeriod
from jobbro.placements.models import PlacementKind as K
from jobbro.programmes.models import EndReason
from jobbro.programmes.tests.factories import shipped_programme

from .factories import close, enrol, person, place

D = dt.date


def benefit(citizen, code, starts_on, ends_on=None):
    return BenefitPeriod.objects.create(
        citizen=citizen,
        benefit=Benefit.objects.get(code=code),
        starts_on=starts_on,
        ends_on=ends_on,
    )


@pytest.mark.django_db
def test_it_counts_unsupported_wage_employment_on_each_anniversary():
    permit = D(2020, 3, 1)
    a, b, c = (person(D(1990, 1, i + 1), residence_permit_date=permit) for i in range(3))
    # A: ordinary work after one year, nothing after three.
    place(a, K.ORDINARY, D(2021, 1, 1), D(2021, 12, 31))
    # B: wage subsidy after one year (does not count); after three years a small job of
    # 15 hours a week beside the benefit (15 × 13 = 195 ≥ 190: supplementary employment).
    place(b, K.WAGE_SUBSIDY, D(2021, 1, 1), D(2021, 6, 30))
    benefit(b, "selvforsoergelsesydelse", D(2020, 3, 1))
    place(b, K.SMALL_JOB, D(2023, 1, 1), hours=15)
    # C: flexjob after one year (does not count), then moved away before three years.
    place(c, K.FLEXJOB, D(2021, 1, 1))
    close(c, D(2022, 6, 1), ClosingReason.MOVED, municipality="101")
    # D: a small job of 10 hours beside the benefit after one year: 130 < 190 hours.
    d = person(D(1991, 1, 1), residence_permit_date=D(2020, 5, 1))
    benefit(d, "selvforsoergelsesydelse", D(2020, 5, 1))
    place(d, K.SMALL_JOB, D(2021, 1, 1), hours=10)

    rows = employment_after_residence(D(2024, 1, 1), fold=False)
    assert [r.year for r in rows] == [2020]
    cells = rows[0].cells
    assert (cells[1].measured, cells[1].employed) == (4, 1)
    assert (cells[3].measured, cells[3].employed) == (3, 1)  # A, B, D; C moved away
    assert (cells[5].measured, cells[5].employed) == (0, 0)
    assert cells[1].share == Decimal("25.0")
    folded = employment_after_residence(D(2024, 1, 1), fold=True)
    assert str(folded[0].cells[1]) == "under 5"


@pytest.mark.django_db
def test_it_counts_weeks_self_supporting_in_the_26_weeks_after_an_effort():
    programme = shipped_programme("geninvestering")
    who = person(D(1988, 4, 4))
    enrol(who, programme, D(2023, 6, 1), D(2024, 1, 31), end_reason=EndReason.COMPLETED)
    benefit(who, "selvforsoergelsesydelse", D(2023, 1, 1), D(2024, 1, 31))
    benefit(who, "selvforsoergende", D(2024, 2, 1), D(2024, 3, 13))  # 42 days: 6 weeks
    benefit(who, "selvforsoergelsesydelse", D(2024, 3, 14))
    # Ended too recently to have 26 weeks behind it: left out.
    late = person(D(1989, 5, 5))
    enrol(late, programme, D(2024, 6, 1), D(2024, 12, 1), end_reason=EndReason.COMPLETED)
    benefit(late, "selvforsoergende", D(2024, 12, 2))

    after_programme = self_support(D(2025, 1, 1), programme=programme, fold=False)[0]
    assert after_programme.efforts == 1
    assert after_programme.days == 42
    assert after_programme.weeks == Decimal("6.0")
    assert after_programme.share == Decimal("23.1")  # 42 of 182 days


@pytest.mark.django_db
def test_it_names_each_kind_of_effort_in_its_own_case():
    """ "Efter IGU-forløb", "Efter uddannelse (VUC, FVU)": an abbreviation keeps its capitals."""
    for i, kind in enumerate((K.IGU, K.EDUCATION, K.INTERNSHIP)):
        place(person(D(1990, 1, i + 1)), kind, D(2023, 1, 1), D(2023, 6, 30))
    labels = {s.label for s in self_support(D(2025, 1, 1), fold=False)}
    assert labels == {
        "Efter IGU-forløb",
        "Efter uddannelse (VUC, FVU)",
        "Efter virksomhedspraktik",
    }
