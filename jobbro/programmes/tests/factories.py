"""Test helpers: enrol a citizen, make a cohort."""

import datetime as dt

from django.apps import apps
from django.utils import timezone

from jobbro.programmes.models import AMBASSADOR_PROJECT, Cohort, Enrolment, Intake, Programme
from jobbro.programmes.shipped import ship


def shipped_programme(code: str) -> Programme:
    """A shipped programme, shipped again if a transactional test flushed the database."""
    programme = Programme.objects.filter(code=code).first()
    if programme is None:
        ship(apps)
        programme = Programme.objects.get(code=code)
    return programme


def enrol_in_ambassador_project(citizen, starts_on: dt.date | None = None) -> Enrolment:
    return Enrolment.objects.create(
        citizen=citizen,
        programme=shipped_programme(AMBASSADOR_PROJECT),
        starts_on=starts_on or timezone.localdate(),
    )


def make_cohort(code="najah", name="Hold 1", teachers=(), capacity=10, **extra) -> Cohort:
    programme = shipped_programme(code)
    fields = {
        "starts_on": timezone.localdate() - dt.timedelta(days=14),
        "intake": Intake.COMMON_START,
        "schedule": "Tirsdag og torsdag kl. 9–12",
    }
    fields.update(extra)
    cohort = Cohort.objects.create(programme=programme, name=name, capacity=capacity, **fields)
    cohort.teachers.set(teachers)
    return cohort


def enrol(citizen, cohort: Cohort, starts_on: dt.date | None = None) -> Enrolment:
    return Enrolment.objects.create(
        citizen=citizen,
        programme=cohort.programme,
        cohort=cohort,
        starts_on=starts_on or cohort.starts_on,
    )
