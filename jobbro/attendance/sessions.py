"""Sessions and attendance: the dates a pattern makes, each session's participants, the
attendance rates, and programme sessions in each person's week.

The attendance rate is present / (present + illegal absence) over the sessions recorded in
the last ATTENDANCE_WINDOW_DAYS: a legal absence (illness, a job interview) does not count
against the participant. A participant with at least ATTENDANCE_FLAG_MIN_SESSIONS recorded
and a rate under ATTENDANCE_FLAG_PERCENT is flagged to their case worker.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from jobbro.lib.workdays import holiday_name

from .models import Attendance, AttendanceStatus, Session

if TYPE_CHECKING:
    from .week import Item


def pattern_dates(weekday: int, first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Every `weekday` from `first` to `last` that is not a Danish public holiday."""
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    while day <= last:
        if not holiday_name(day):
            yield day
        day += dt.timedelta(days=7)


def participants(session: Session):
    """The enrolments in the session's cohort on the session's day."""
    from jobbro.programmes.models import Enrolment

    return (
        Enrolment.objects.filter(cohort_id=session.cohort_id)
        .active_on(session.on)
        .select_related("citizen")
        .order_by("citizen__first_name", "citizen__last_name", "citizen_id")
    )


@dataclass
class Rate:
    present: int = 0
    legal: int = 0
    illegal: int = 0

    @property
    def counted(self) -> int:
        return self.present + self.illegal

    @property
    def percent(self) -> int | None:
        if not self.counted:
            return None
        return round(100 * self.present / self.counted)

    @property
    def flagged(self) -> bool:
        percent = self.percent
        return (
            percent is not None
            and self.present + self.legal + self.illegal >= settings.ATTENDANCE_FLAG_MIN_SESSIONS
            and percent < settings.ATTENDANCE_FLAG_PERCENT
        )


def _window_start() -> dt.date:
    return timezone.localdate() - dt.timedelta(days=settings.ATTENDANCE_WINDOW_DAYS)


def _counts(rows) -> Rate:
    return Rate(
        present=rows.get("present") or 0,
        legal=rows.get("legal") or 0,
        illegal=rows.get("illegal") or 0,
    )


_BY_STATUS = {
    status: Count("pk", filter=Q(status=status))
    for status in (AttendanceStatus.PRESENT, AttendanceStatus.LEGAL, AttendanceStatus.ILLEGAL)
}


def rates_for(citizen_ids: Iterable[int], *, cohort_id: int | None = None) -> dict[int, Rate]:
    """Each citizen's attendance rate over the window (in one cohort, or all of them)."""
    rows = Attendance.objects.filter(
        citizen_id__in=list(citizen_ids), session__on__gte=_window_start(), session__cancelled=False
    )
    if cohort_id is not None:
        rows = rows.filter(session__cohort_id=cohort_id)
    found = rows.values("citizen_id").annotate(**_BY_STATUS)
    return {r["citizen_id"]: _counts(r) for r in found}


def cohort_rate(cohort_id: int) -> Rate:
    rows = Attendance.objects.filter(
        session__cohort_id=cohort_id, session__on__gte=_window_start(), session__cancelled=False
    ).aggregate(**_BY_STATUS)
    return _counts(rows)


def session_items(
    citizen_ids: list[int], monday: dt.date, sunday: dt.date
) -> dict[int, list[Item]]:
    """The sessions of each citizen's cohorts in the week, with the attendance recorded."""
    from jobbro.programmes.models import Enrolment

    from .week import Item, Kind, hours

    enrolments = (
        Enrolment.objects.filter(citizen_id__in=citizen_ids, cohort__isnull=False)
        .filter(starts_on__lte=sunday)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=monday))
        .values_list("citizen_id", "cohort_id", "starts_on", "ends_on")
    )
    by_cohort: dict[int, list[tuple[int, dt.date, dt.date | None]]] = defaultdict(list)
    for cid, cohort_id, start, end in enrolments:
        by_cohort[cohort_id].append((cid, start, end))
    if not by_cohort:
        return {}
    sessions = Session.objects.filter(
        cohort_id__in=list(by_cohort), on__gte=monday, on__lte=sunday, cancelled=False
    ).select_related("cohort")
    recorded = {
        (a.session_id, a.citizen_id): a
        for a in Attendance.objects.filter(session__in=sessions, citizen_id__in=citizen_ids)
    }
    items: dict[int, list[Item]] = defaultdict(list)
    for s in sessions:
        for cid, start, end in by_cohort[s.cohort_id]:
            if start > s.on or (end is not None and end < s.on):
                continue
            mark = recorded.get((s.pk, cid))
            attended = None
            if mark is not None:
                attended = s.hours if mark.status == AttendanceStatus.PRESENT else Decimal(0)
            label = f"{s.cohort.name}: {s.title}"
            items[cid].append(
                Item(
                    s.on,
                    Kind.PROGRAMME,
                    label,
                    hours(s.hours),
                    s.starts_at,
                    s.ends_at,
                    attended=attended,
                    status=mark.get_status_display() if mark else "",
                )
            )
    return items


def marks_of(session: Session, citizen_ids: list[int]) -> dict[int, Attendance]:
    """The attendance recorded at `session` for these participants, by citizen id."""
    rows = Attendance.objects.filter(session=session, citizen_id__in=citizen_ids)
    return {a.citizen_id: a for a in rows}
