"""The programme models' rules: the constraints and the services' capacity."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from jobbro.conftest import make_citizen, make_people, make_teams
from jobbro.lib.dates import add_months
from jobbro.programmes import services
from jobbro.programmes.models import Cohort, EndReason, Enrolment, Intake, Programme

pytestmark = pytest.mark.django_db


def programme(**extra):
    fields = {
        "municipality": "Testkommune",
        "name": "Testindsats",
        "starts_on": dt.date(2020, 2, 3),
    }
    fields.update(extra)
    return Programme.objects.create(**fields)


def test_siri_description_is_due_three_months_after_start():
    assert programme().siri_due_on == dt.date(2020, 5, 3)
    assert programme(name="B", starts_on=dt.date(2019, 11, 30)).siri_due_on == dt.date(2020, 2, 29)
    assert add_months(dt.date(2021, 1, 31), 1) == dt.date(2021, 2, 28)


def test_cohort_capacity_is_enforced_by_the_service():
    people = make_people(make_teams())
    p = programme()
    cohort = Cohort.objects.create(
        programme=p, name="Hold 1", starts_on=p.starts_on, intake=Intake.COMMON_START, capacity=2
    )
    c1, c2, c3 = (make_citizen(f"01019{n}1234", people["alice"]) for n in (0, 1, 2))
    for c in (c1, c2):
        services.enrolment_create(
            citizen=c, programme=p, cohort=cohort, starts_on=p.starts_on, by=people["alice"]
        )
    with pytest.raises(ValidationError, match="fuldt"):
        services.enrolment_create(
            citizen=c3, programme=p, cohort=cohort, starts_on=p.starts_on, by=people["alice"]
        )
    # A place freed before the new start is a free place.
    first = Enrolment.objects.get(citizen=c1)
    services.enrolment_end(
        enrolment=first, ends_on=dt.date(2020, 3, 1), reason=EndReason.ILLNESS, by=people["alice"]
    )
    services.enrolment_create(
        citizen=c3, programme=p, cohort=cohort, starts_on=dt.date(2020, 3, 2), by=people["alice"]
    )
    assert cohort.enrolments.count() == 3


def test_enrolment_rules_hold_in_the_database():
    people = make_people(make_teams())
    p = programme()
    c = make_citizen("0101901234", people["alice"])
    Enrolment.objects.create(citizen=c, programme=p, starts_on=p.starts_on)
    with pytest.raises(IntegrityError), transaction.atomic():  # two open in one programme
        Enrolment.objects.create(citizen=c, programme=p, starts_on=p.starts_on)
    with pytest.raises(IntegrityError), transaction.atomic():  # an end without a reason
        Enrolment.objects.create(
            citizen=c, programme=p, starts_on=p.starts_on, ends_on=dt.date(2020, 3, 1)
        )
    with pytest.raises(IntegrityError), transaction.atomic():  # ends before it starts
        Enrolment.objects.create(
            citizen=c,
            programme=p,
            starts_on=p.starts_on,
            ends_on=dt.date(2020, 1, 1),
            end_reason=EndReason.MOVED,
        )


def test_a_cohort_of_another_programme_is_refused():
    people = make_people(make_teams())
    p, other = programme(), programme(name="Anden")
    cohort = Cohort.objects.create(
        programme=other, name="Hold 1", starts_on=p.starts_on, intake=Intake.CONTINUOUS, capacity=5
    )
    with pytest.raises(ValidationError, match="anden indsats"):
        services.enrolment_create(
            citizen=make_citizen("0101901234", people["alice"]),
            programme=p,
            cohort=cohort,
            starts_on=p.starts_on,
            by=people["alice"],
        )


def test_every_closing_reason_of_a_case_is_an_end_reason_with_the_same_value():
    from jobbro.citizens.status import ClosingReason

    assert set(ClosingReason.values) <= set(EndReason.values)
    for reason in ClosingReason:
        assert EndReason(reason.value).label == reason.label
    # And seed 003's and 004's drop-outs.
    assert {EndReason.PARENTAL_LEAVE.label, EndReason.ILLNESS.label} == {"Barsel", "Sygdom"}
