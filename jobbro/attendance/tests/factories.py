"""Test objects for attendance: a programme with a cohort taught by tove, its participants."""

import datetime as dt

from jobbro.attendance import services
from jobbro.programmes.models import Cohort, Intake, Programme
from jobbro.programmes.services import enrolment_create


def make_cohort(teacher, *, name="Hold 1", starts_on=dt.date(2026, 1, 5), capacity=10):
    programme, _created = Programme.objects.get_or_create(
        name="De internationale",
        defaults={"municipality": "Hedensted Kommune", "starts_on": dt.date(2026, 1, 5)},
    )
    cohort = Cohort.objects.create(
        programme=programme,
        name=name,
        starts_on=starts_on,
        intake=Intake.COMMON_START,
        capacity=capacity,
    )
    cohort.teachers.add(teacher)
    return cohort


def enrol(cohort, *citizens, starts_on=dt.date(2026, 1, 5)):
    for citizen in citizens:
        enrolment_create(
            citizen=citizen, programme=cohort.programme, cohort=cohort, starts_on=starts_on, by=None
        )


def weekly(cohort, by, *, weekday=0, start=(9, 0), end=(12, 0), first=None, last=None):
    """A weekly session on `weekday` from `first` to `last`, and its sessions."""
    return services.pattern_create(
        cohort=cohort,
        weekday=weekday,
        starts_at=dt.time(*start),
        ends_at=dt.time(*end),
        title="Undervisning",
        place="Jobcenter Hedensted, lokale 2",
        valid_from=first or cohort.starts_on,
        valid_to=last or dt.date(2026, 6, 30),
        by=by,
    )
