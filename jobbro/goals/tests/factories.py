"""Test helpers for the goals: citizens with a birth date, enrolled, placed, closed, paused.

Names are invented; nothing here is about a real person.
"""

import datetime as dt
import itertools

from jobbro.cases.models import Mentorship
from jobbro.citizens.models import Arrival, Citizen, Gender
from jobbro.citizens.status import CaseStatus, StatusPeriod
from jobbro.placements.models import Placement, PlacementStatus
from jobbro.programmes.models import Enrolment

_serials = itertools.count(1001)


def person(born: dt.date, *, gender=Gender.FEMALE, nationality="SY", **extra) -> Citizen:
    """A citizen born on `born` (the CPR's 7th digit gives the century: 1 for 19xx, 4 for
    2000–2036)."""
    citizen = Citizen(
        first_name="Prøve",
        last_name=f"Person {next(_serials)}",
        gender=gender,
        nationality=nationality,
        arrival=Arrival.REFUGEE,
        **extra,
    )
    century = 4 if born.year >= 2000 else 1
    citizen.set_cpr(f"{born:%d%m%y}{century}{next(_serials) % 1000:03d}")
    citizen.save()
    return citizen


def enrol(citizen, programme, starts_on, ends_on=None, end_reason="") -> Enrolment:
    return Enrolment.objects.create(
        citizen=citizen,
        programme=programme,
        starts_on=starts_on,
        ends_on=ends_on,
        end_reason=end_reason,
    )


def place(citizen, kind, starts_on, ends_on=None, *, status=None, hours=20, paid=0) -> Placement:
    if status is None:
        status = PlacementStatus.ENDED if ends_on else PlacementStatus.ACTIVE
    return Placement.objects.create(
        citizen=citizen,
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        status=status,
        hours_per_week=hours,
        paid_hours_per_week=paid,
    )


def close(citizen, on, reason, municipality="") -> StatusPeriod:
    return StatusPeriod.objects.create(
        citizen=citizen,
        status=CaseStatus.CLOSED,
        starts_on=on,
        closing_reason=reason,
        municipality=municipality,
    )


def pause(citizen, on, reason, until=None) -> StatusPeriod:
    return StatusPeriod.objects.create(
        citizen=citizen, status=CaseStatus.PAUSED, starts_on=on, ends_on=until, pause_reason=reason
    )


def mentor(citizen, user, on) -> Mentorship:
    return Mentorship.objects.create(citizen=citizen, mentor=user, starts_on=on)
