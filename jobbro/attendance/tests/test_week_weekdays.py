"""A placement's weekdays in each person's week (issue 10: De internationale's women have
language school on other weekdays than their placement)."""

import datetime as dt
from decimal import Decimal

import pytest

from jobbro.attendance import services
from jobbro.attendance.week import Kind, week_for
from jobbro.placements.forms import WeekdaysField
from jobbro.placements.models import PlacementKind, weekday_bits
from jobbro.placements.tests.factories import make_company, make_placement

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 5, 4)  # an ordinary week
ASCENSION_MONDAY = dt.date(2026, 5, 11)  # Thursday 14 May is Ascension Day


def _language(citizen, by, weekday):
    return services.language_day_add(
        citizen=citizen,
        weekday=weekday,
        starts_at=dt.time(8, 30),
        ends_at=dt.time(12, 0),
        school="Sprogcenter Midt",
        valid_from=dt.date(2026, 1, 1),
        valid_to=None,
        by=by,
    )


def _internship(citizen, weekdays, hours=21, **extra):
    return make_placement(
        citizen,
        make_company(),
        kind=extra.pop("kind", PlacementKind.INTERNSHIP),
        starts_on=dt.date(2026, 4, 1),
        hours_per_week=hours,
        weekdays=weekday_bits(weekdays),
        **extra,
    )


def _by_day(week, kind):
    return {
        d.date.isoweekday(): sum(i.planned for i in d.items if i.kind == kind) for d in week.days
    }


def test_a_placement_runs_on_its_weekdays_only(people, citizens):
    fatima = citizens["fatima"]
    _language(fatima, people["alice"], weekday=1)  # Tuesday
    _internship(fatima, [1, 3, 5])  # Monday, Wednesday, Friday: 7 hours each
    week = week_for(fatima.pk, MONDAY)
    internship = _by_day(week, Kind.INTERNSHIP)
    assert internship == {1: 7, 2: 0, 3: 7, 4: 0, 5: 7, 6: 0, 7: 0}
    assert _by_day(week, Kind.DANISH)[2] == Decimal("3.5")
    assert week.clashes == []


def test_a_placement_on_a_language_school_day_is_a_clash(people, citizens):
    fatima = citizens["fatima"]
    _language(fatima, people["alice"], weekday=1)  # Tuesday
    _internship(fatima, [1, 2], hours=10)
    week = week_for(fatima.pk, MONDAY)
    clashed = {(i.day.isoweekday(), i.kind) for i in week.clashes}
    assert clashed == {(2, Kind.INTERNSHIP), (2, Kind.DANISH)}


def test_a_holiday_on_a_weekday_carries_nothing_and_a_saturday_may_be_stated(citizens):
    fatima = citizens["fatima"]
    _internship(fatima, [4, 6], hours=16, kind=PlacementKind.SMALL_JOB)  # Thursday, Saturday
    week = week_for(fatima.pk, ASCENSION_MONDAY)
    paid = _by_day(week, Kind.PAID)
    assert (paid[4], paid[6]) == (0, 8)
    assert week.planned == 8


def test_without_weekdays_the_hours_spread_over_the_working_days_as_before(citizens):
    fatima = citizens["fatima"]
    _internship(fatima, [], hours=20)
    internship = _by_day(week_for(fatima.pk, MONDAY), Kind.INTERNSHIP)
    assert [internship[n] for n in range(1, 8)] == [4, 4, 4, 4, 4, 0, 0]


def test_the_field_reads_checkboxes_as_bits_and_refuses_other_days():
    field = WeekdaysField()
    assert field.clean(["1", "3"]) == 0b101
    assert field.clean([]) == 0
    assert field.prepare_value(0b101) == [1, 3]
    with pytest.raises(Exception, match="Vælg ugedagene"):
        field.clean(["9"])
