"""Reads for the front pages' inboxes: what in the placements needs doing today.

Each function takes the placements the user may see (`access.placements_for`), narrowed by
the caller to the user's own work, so no read here decides access.
"""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from .models import (
    ACUTE_ANSWER_HOURS,
    AcuteIssue,
    FollowUp,
    Placement,
    PlacementKind,
    PlacementStatus,
)

RUNNING = (PlacementStatus.PLANNED, PlacementStatus.ACTIVE)


def week_of(today: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the week `today` is in."""
    monday = today - dt.timedelta(days=today.weekday())
    return monday, monday + dt.timedelta(days=6)


def follow_ups_due(placements: QuerySet[Placement], today: dt.date) -> QuerySet[FollowUp]:
    """Open follow-ups due today or before, the oldest first."""
    return (
        FollowUp.objects.filter(
            placement__in=placements, done_on__isnull=True, cancelled=False, due_on__lte=today
        )
        .select_related("placement__citizen", "placement__company")
        .order_by("due_on", "id")
    )


def acute_unanswered(placements: QuerySet[Placement]) -> QuerySet[AcuteIssue]:
    """Acute issues without an answer, the oldest (closest to or past its 24 hours) first."""
    return (
        AcuteIssue.objects.filter(placement__in=placements, answered_at__isnull=True)
        .select_related("placement__citizen", "placement__company")
        .order_by("reported_at", "id")
    )


def acute_overdue_since(now: dt.datetime | None = None) -> dt.datetime:
    """An acute issue reported before this moment and not answered is past its 24 hours."""
    return (now or timezone.now()) - dt.timedelta(hours=ACUTE_ANSWER_HOURS)


def internships_ending(
    placements: QuerySet[Placement], today: dt.date, until: dt.date | None = None
) -> QuerySet[Placement]:
    """Running internships whose planned end is in this week (today up to Sunday, or up to
    `until`: the monthly meeting looks to the next): each needs its ending conversation
    (seed 000 line ~287) before it ends."""
    if until is None:
        _, until = week_of(today)
    return (
        placements.filter(
            kind=PlacementKind.INTERNSHIP,
            status__in=RUNNING,
            ends_on__gte=today,
            ends_on__lte=until,
        )
        .select_related("citizen", "company")
        .order_by("ends_on", "id")
    )


def past_planned_end(placements: QuerySet[Placement], today: dt.date) -> QuerySet[Placement]:
    """Placements still running after their planned end: end them, or move the date."""
    return (
        placements.filter(status__in=RUNNING, ends_on__lt=today)
        .select_related("citizen", "company")
        .order_by("ends_on", "id")
    )
