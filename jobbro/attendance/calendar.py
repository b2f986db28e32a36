"""iCalendar exports: a cohort's sessions (for the teacher's calendar; no participant in it)
and a participant's weeks ahead (programme sessions and language school, for the case worker
to hand over: the citizen's own schedule, with no name or CPR in it)."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import Session
from .week import monday_of, weeks_for

WEEKS_AHEAD = 8


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Jobbro//Ugeskema//DA")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    return cal


def _event(uid: str, day: dt.date, start: dt.time, end: dt.time, summary: str, place: str = ""):
    zone = ZoneInfo(settings.TIME_ZONE)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", dt.datetime.combine(day, start, tzinfo=zone))
    event.add("dtend", dt.datetime.combine(day, end, tzinfo=zone))
    event.add("summary", summary)
    if place:
        event.add("location", place)
    return event


def cohort_ical(cohort) -> bytes:
    cal = _calendar(f"{cohort.programme.name}: {cohort.name}")
    for s in Session.objects.filter(cohort=cohort, cancelled=False).order_by("on", "starts_at"):
        cal.add_component(
            _event(f"session-{s.pk}@jobbro", s.on, s.starts_at, s.ends_at, s.title, s.place)
        )
    return cal.to_ical()


def citizen_ical(citizen_id: int, since: dt.date) -> bytes:
    cal = _calendar(_("Ugeskema"))
    monday = monday_of(since)
    for n in range(WEEKS_AHEAD + 1):
        week = weeks_for([citizen_id], monday + dt.timedelta(weeks=n))[citizen_id]
        for i, item in enumerate(week.items):
            if item.starts_at is None or item.ends_at is None:
                continue
            uid = f"week-{citizen_id}-{item.day:%Y%m%d}-{i}@jobbro"
            summary = f"{item.kind_label}: {item.label}"
            cal.add_component(_event(uid, item.day, item.starts_at, item.ends_at, summary))
    return cal.to_ical()
