"""The agenda of a coordination meeting, generated for its date from the selectors the
front pages' inboxes read (front/inbox.py), in the context of whoever generates it."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from jobbro.assessments import selectors as assessment_selectors
from jobbro.attendance import access as attendance_access
from jobbro.attendance.week import monday_of, weeks_for
from jobbro.citizens import access as citizen_access
from jobbro.law.selectors import awaiting_first_offer
from jobbro.placements import access as placement_access
from jobbro.placements import selectors as placement_selectors

from .models import AgendaKind

# How many items of one section the agenda keeps; it counts them all.
AGENDA_SHOWN = 50
# Internships ending before the next meeting: four weeks ahead.
ENDING_WEEKS = 4
# "Uden fremgang" as the assessments' list counts it by default.
STALLED_LAST = 3


@dataclass(frozen=True)
class Row:
    citizen_id: int
    url: str
    detail: str
    placement_id: int | None = None


def _day(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _company(placement) -> str:
    return placement.company.name if placement.company else ""


def _placement_rows(placements, detail) -> list[Row]:
    return [
        Row(p.citizen_id, reverse("placements:detail", args=[p.pk]), detail(p), p.pk)
        for p in placements
    ]


def _sections(user, day: dt.date) -> Iterable[tuple[str, int, list[Row]]]:
    """(kind, how many in all, the first AGENDA_SHOWN rows) per section."""
    placements = placement_access.placements_for(user)
    citizens = citizen_access.citizens_for(user)

    acute = placement_selectors.acute_unanswered(placements)
    yield (
        AgendaKind.ACUTE,
        acute.count(),
        [
            Row(
                i.placement.citizen_id,
                reverse("placements:detail", args=[i.placement_id]),
                f"{_company(i.placement)} · {_day(i.reported_at.date())}",
                i.placement_id,
            )
            for i in acute[:AGENDA_SHOWN]
        ],
    )
    late = placement_selectors.follow_ups_due(placements, day).filter(due_on__lt=day)
    yield (
        AgendaKind.FOLLOW_UP,
        late.count(),
        [
            Row(
                f.placement.citizen_id,
                reverse("placements:detail", args=[f.placement_id]),
                f"{_company(f.placement)} · {_day(f.due_on)}",
                f.placement_id,
            )
            for f in late[:AGENDA_SHOWN]
        ],
    )
    awaiting = citizens.awaiting_effort().order_by("settled_at", "id")  # type: ignore[attr-defined]
    yield AgendaKind.AWAITING, awaiting.count(), _citizen_rows(awaiting[:AGENDA_SHOWN])
    offers = awaiting_first_offer(citizens, day).order_by("settled_at", "id")  # type: ignore[arg-type]
    yield AgendaKind.FIRST_OFFER, offers.count(), _citizen_rows(offers[:AGENDA_SHOWN])
    until = day + dt.timedelta(weeks=ENDING_WEEKS)
    ending = placement_selectors.internships_ending(placements, day, until)
    yield (
        AgendaKind.ENDING,
        ending.count(),
        _placement_rows(ending[:AGENDA_SHOWN], lambda p: f"{_company(p)} · {_day(p.ends_on)}"),
    )
    stalled = assessment_selectors.stalled_rows(user, STALLED_LAST)
    yield (
        AgendaKind.STALLED,
        len(stalled) if isinstance(stalled, list) else stalled.count(),
        [
            Row(
                r.citizen.pk, reverse("assessments:citizen", args=[r.citizen.pk]), str(r.instrument)
            )
            for r in stalled[:AGENDA_SHOWN]
        ],
    )
    yield AgendaKind.BELOW_HOURS, *_below_hours(user, day)


def _citizen_rows(citizens) -> list[Row]:
    return [
        Row(c.pk, reverse("citizens:detail", args=[c.pk]), _day(c.settled_at.date()))
        for c in citizens
    ]


def _below_hours(user, day: dt.date) -> tuple[int, list[Row]]:
    """Citizens whose planned hours this week are below their work obligation (the
    attendance app's week, as its list "Under timetallet" counts them)."""
    monday = monday_of(day)
    ids = list(
        attendance_access.week_citizens_for(user)
        .filter(work_obligations__applies=True, work_obligations__valid_to__isnull=True)
        .values_list("pk", flat=True)
    )
    below = [w for w in weeks_for(ids, monday).values() if w.below]
    below.sort(key=lambda w: (-w.gap, w.citizen_id))
    rows = [
        Row(
            w.citizen_id,
            reverse("attendance:week", args=[w.citizen_id]) + f"?uge={monday:%d.%m.%Y}",
            f"{w.planned} / {w.target}",
        )
        for w in below[:AGENDA_SHOWN]
    ]
    return len(below), rows


def agenda(user, day: dt.date) -> list[tuple[str, int, list[Row]]]:
    """The agenda for `day` in this user's context, section by section."""
    return list(_sections(user, day))
