"""Reads of programmes that need care: enrolment as an annotation, the SIRI deadlines."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from .models import AMBASSADOR_PROJECT, Cohort, Enrolment, Programme


def in_ambassador_project(citizen_ref: str = "pk") -> Exists:
    """Whether the citizen (`OuterRef(citizen_ref)`) has ever been enrolled in the
    ambassador project, as an expression for `annotate`."""
    return Exists(
        Enrolment.objects.filter(programme__code=AMBASSADOR_PROJECT, citizen=OuterRef(citizen_ref))
    )


def siri_deadlines(programmes: QuerySet[Programme]) -> QuerySet[Programme]:
    """Programmes by their SIRI deadline (3 months after the start, seed 001): those not yet
    sent first, the earliest deadline first."""
    return programmes.order_by(F("siri_sent_on").asc(nulls_first=True), "starts_on", "name", "pk")


@dataclass(frozen=True)
class PlanRow:
    """A module or event of the plan, placed in the cohort's calendar."""

    kind: str  # "module" or "event"
    title: str
    first_week: int
    last_week: int
    starts_on: dt.date
    ends_on: dt.date
    content: list[str]
    number: int | None = None


def cohort_plan(cohort: Cohort) -> list[PlanRow]:
    """The programme's modules and events as dates for this cohort: week n runs from the
    cohort's start plus n-1 weeks, Monday to Sunday of that week's span."""

    def week_start(n: int) -> dt.date:
        return cohort.starts_on + dt.timedelta(weeks=n - 1)

    rows = [
        PlanRow(
            "module",
            m.title,
            m.first_week,
            m.last_week,
            week_start(m.first_week),
            week_start(m.last_week) + dt.timedelta(days=6),
            m.content_list,
            m.number,
        )
        for m in cohort.programme.modules.all()
    ]
    rows += [
        PlanRow(
            "event",
            e.title,
            e.week,
            e.week,
            week_start(e.week),
            week_start(e.week) + dt.timedelta(days=6),
            [],
        )
        for e in cohort.programme.events.all()
    ]
    return sorted(rows, key=lambda r: (r.first_week, r.kind != "module"))


def cohorts_taught(user) -> QuerySet[Cohort]:
    """The cohorts this teacher teaches that have not ended, the next to start first: what
    the teacher's front page shows (for `front`)."""
    today = timezone.localdate()
    return (
        Cohort.objects.filter(teachers=user)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .select_related("programme")
        .order_by("starts_on", "name", "pk")
    )
