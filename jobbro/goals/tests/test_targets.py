"""Seed 000's targets ship as data, and a small cohort, counted by hand, gives them back."""

import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps

from jobbro.citizens.models import Gender
from jobbro.goals import shipped
from jobbro.goals.models import Measure, Population, Target
from jobbro.goals.selectors import behind_number, target_key, target_results
from jobbro.placements.models import PlacementKind as K
from jobbro.placements.models import PlacementStatus
from jobbro.programmes.models import AMBASSADOR_PROJECT, EndReason
from jobbro.programmes.tests.factories import shipped_programme

from .factories import enrol, person, place

D = dt.date
START, END = D(2026, 1, 1), D(2026, 6, 30)


def project():
    programme = shipped_programme(AMBASSADOR_PROJECT)
    shipped.ship(apps)  # a flushed database has neither
    return programme


@pytest.mark.django_db
def test_it_ships_seed_000s_targets_in_the_applications_words():
    programme = project()
    targets = {(t.measure, t.population): t for t in programme.targets.all()}
    assert {k: (t.share, t.women_share) for k, t in targets.items()} == {
        (Measure.INTERNSHIP, Population.PARTICIPANTS): (80, 50),
        (Measure.WAGE_SUBSIDY, Population.PARTICIPANTS): (5, 50),
        (Measure.ORDINARY_JOB, Population.PARTICIPANTS): (50, 50),
        (Measure.SMALL_JOB, Population.PARTICIPANTS): (10, 50),
        (Measure.LEISURE_JOB, Population.YOUTH): (70, None),
        (Measure.IGU, Population.PARTICIPANTS): (5, None),
        (Measure.WORK_OR_EDUCATION, Population.PARTICIPANTS): (60, None),
    }
    assert targets[(Measure.INTERNSHIP, Population.PARTICIPANTS)].wording == (
        "80 % i virksomhedspraktik – herunder mindst halvdelen kvinder"
    )
    shipped.ship(apps)  # idempotent
    assert Target.objects.filter(programme=programme).count() == 7


@pytest.fixture
def cohort(db):
    """Twelve participants in the first half of 2026: ten adults (W1–W6 women, M1–M4 men)
    and two young (Y1, Y2: under 18 when enrolled)."""
    programme = project()
    w = [person(D(1990, 1, i + 1), gender=Gender.FEMALE) for i in range(6)]
    m = [person(D(1985, 2, i + 1), gender=Gender.MALE) for i in range(4)]
    y = [person(D(2009, 3, i + 1), gender=Gender.MALE) for i in range(2)]
    for who in [*w, *m, *y]:
        enrol(who, programme, D(2025, 12, 1))
    # Outside the period or the programme: not counted.
    outside = person(D(1980, 1, 1))
    enrol(outside, programme, D(2025, 1, 1), D(2025, 6, 30), end_reason=EndReason.COMPLETED)
    place(outside, K.INTERNSHIP, D(2025, 2, 1), D(2025, 5, 1))
    # Internship: W1–W5, M1–M3 (8); M4's ended before he was enrolled, W6's only proposed.
    for who in [*w[:5], *m[:3]]:
        place(who, K.INTERNSHIP, D(2026, 1, 10), D(2026, 3, 31), paid=6 if who is w[2] else 0)
    place(m[3], K.INTERNSHIP, D(2025, 6, 1), D(2025, 11, 1))
    place(w[5], K.INTERNSHIP, D(2026, 2, 1), status=PlacementStatus.PROPOSED)
    # Wage subsidy: M1. Ordinary work: W1, W2, M2. Small jobs: W3 (paid hours), W4.
    place(m[0], K.WAGE_SUBSIDY, D(2026, 4, 1))
    for who in (w[0], w[1], m[1]):
        place(who, K.ORDINARY, D(2026, 5, 1))
    place(w[3], K.SMALL_JOB, D(2026, 4, 1), hours=8)
    # Leisure job: Y1 of the two young. Work or education: W5 ended to ordinary education.
    place(y[0], K.LEISURE_JOB, D(2026, 2, 1), hours=6)
    w[4].enrolments.update(ends_on=D(2026, 5, 31), end_reason=EndReason.ORDINARY_EDUCATION)
    return programme


def _by_measure(results):
    return {r.target.measure: r for r in results}


def test_it_counts_the_targets_as_counted_by_hand(cohort):
    got = _by_measure(target_results(cohort, start=START, end=END, fold=False))
    numbers = {m: (r.people, r.reached, r.women) for m, r in got.items()}
    assert numbers == {
        Measure.INTERNSHIP: (12, 8, 5),
        Measure.WAGE_SUBSIDY: (12, 1, 0),
        Measure.ORDINARY_JOB: (12, 3, 2),
        Measure.SMALL_JOB: (12, 2, 2),
        Measure.LEISURE_JOB: (2, 1, 0),
        Measure.IGU: (12, 0, 0),
        Measure.WORK_OR_EDUCATION: (12, 4, 3),
    }
    internship = got[Measure.INTERNSHIP]
    assert internship.share == Decimal("66.7") and internship.met is False
    assert internship.women_share == Decimal("62.5") and internship.women_met is True
    assert got[Measure.WAGE_SUBSIDY].share == Decimal("8.3") and got[Measure.WAGE_SUBSIDY].met
    assert got[Measure.LEISURE_JOB].share == Decimal("50.0")
    assert got[Measure.WORK_OR_EDUCATION].share == Decimal("33.3")


def test_it_folds_what_could_point_to_a_person(cohort):
    got = _by_measure(target_results(cohort, start=START, end=END, fold=True))
    # Two young people: no share at all. One in wage subsidy: no women's share.
    assert got[Measure.LEISURE_JOB].share is None
    assert got[Measure.WAGE_SUBSIDY].share == Decimal("8.3")
    assert got[Measure.WAGE_SUBSIDY].women_share is None
    assert got[Measure.INTERNSHIP].women_share == Decimal("62.5")


def test_it_counts_only_the_citizens_given(cohort):
    from jobbro.citizens.models import Citizen

    few = Citizen.objects.filter(gender=Gender.FEMALE)
    got = _by_measure(target_results(cohort, start=START, end=END, citizens=few, fold=False))
    assert (got[Measure.INTERNSHIP].people, got[Measure.INTERNSHIP].reached) == (6, 5)


def test_the_persons_behind_each_target_are_those_it_counts(cohort):
    """The number behind a target's link (goals.selectors.behind_number) is the number on
    the page, for every target: the same rules, the same period."""
    for r in target_results(cohort, start=START, end=END, fold=False):
        found = behind_number(target_key(r), None, START, END)
        assert found is not None
        rows, title = found
        assert rows.count() == r.reached, r.target.measure
        assert r.target.wording in title
    assert behind_number("maal-999999", None, START, END) is None
    assert behind_number("noget-andet", None, START, END) is None
