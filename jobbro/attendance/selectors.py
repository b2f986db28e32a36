"""Reads for the teacher's front page: today's sessions, and the recent ones whose
attendance is not recorded yet. Built on `access.sessions_for`, so a teacher sees only the
sessions of their own cohorts; no participant is read."""

import datetime as dt

from django.db.models import Exists, OuterRef, QuerySet

from . import access
from .models import Attendance, AttendanceStatus, SanctionCase, Session

# How far back a session without any attendance recorded is still asked for.
UNRECORDED_DAYS = 14


def sessions_today(user, today: dt.date) -> QuerySet[Session]:
    return (
        access.sessions_for(user)
        .filter(on=today, cancelled=False)
        .select_related("cohort__programme")
        .order_by("starts_at", "id")
    )


def sessions_unrecorded(user, today: dt.date) -> QuerySet[Session]:
    """Held sessions of the last UNRECORDED_DAYS days where nobody's attendance is recorded."""
    recorded = Attendance.objects.filter(session=OuterRef("pk"))
    return (
        access.sessions_for(user)
        .filter(on__lt=today, on__gte=today - dt.timedelta(days=UNRECORDED_DAYS), cancelled=False)
        .exclude(Exists(recorded))
        .select_related("cohort__programme")
        .order_by("on", "starts_at", "id")
    )


def absences_open(citizen) -> QuerySet[Attendance]:
    """A citizen's illegal absences that a new sanction case may name: not in another case,
    unless that one was closed without a decision."""
    return (
        Attendance.objects.filter(citizen=citizen, status=AttendanceStatus.ILLEGAL)
        .exclude(
            pk__in=SanctionCase.absences.through.objects.filter(
                sanctioncase__closed_on__isnull=True
            ).values("attendance_id")
        )
        .select_related("session__cohort")
        .order_by("session__on", "session__starts_at")
    )
