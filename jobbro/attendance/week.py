"""Each person's week: what they are planned to do, day by day, against the work obligation.

`weeks_for(citizen_ids, monday)` builds the week of many citizens in a fixed number of
queries (the case worker's list of those below their hours computes a whole caseload);
`week_for(citizen, monday)` is one of them. The week holds:

- programme sessions of the cohorts the citizen is enrolled in (with the attendance the
  teacher recorded),
- language school (the citizen's own weekdays and hours, seed 001),
- placements: their hours per week over their stated weekdays (a weekend day too), or
  spread over the working days when they state none, split into paid hours and the rest
  for an internship with paid hours; a placement's day clashes with language school, a
  session or another placement that day,
- planned conversations and meetings of the journal (a held one counts as attended),
- the job search agreed in the citizen's work obligation, spread the same way.

Danish public holidays (`lib.workdays`) carry nothing, and the week's target is the norm
(`WorkObligationNorm`, 37 hours from 2025) less the individual reduction, in proportion to
the working days of the week: a week with Ascension Day has four fifths of it.
Items with a time that overlap on the same day are clashes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from jobbro.lib.workdays import holiday_name, is_workday
from jobbro.placements.models import Placement, PlacementKind, PlacementStatus

from .models import LanguageSchoolDay, WorkObligation, WorkObligationNorm

WORKDAYS_PER_WEEK = 5
JOB_SEARCH_LABEL = _("aftalt i arbejdspligten")
ZERO = Decimal(0)


class Kind(models.TextChoices):
    """What an hour of the week is, in the law's words (LAB § 105 a) and the programmes'."""

    PAID = "paid", _("Lønnede timer")
    UTILITY = "utility", _("Nytteindsats")
    INTERNSHIP = "internship", _("Virksomhedspraktik")
    WAGE_SUBSIDY = "wage_subsidy", _("Løntilskud")
    DANISH = "danish", _("Danskuddannelse")
    PROGRAMME = "programme", _("Indsats (hold)")
    EDUCATION = "education", _("Uddannelse (VUC, FVU)")
    CONVERSATION = "conversation", _("Samtaler")
    JOB_SEARCH = "job_search", _("Jobsøgning")


# What a placement's day (on its stated weekdays) clashes with, besides another one.
WHOLE_DAY_CLASHES = frozenset({Kind.DANISH.value, Kind.PROGRAMME.value})

# A placement's hours by its kind (paid hours of an internship are split off as PAID).
PLACEMENT_KIND = {
    PlacementKind.ORDINARY: Kind.PAID,
    PlacementKind.SMALL_JOB: Kind.PAID,
    PlacementKind.LEISURE_JOB: Kind.PAID,
    PlacementKind.FLEXJOB: Kind.PAID,
    PlacementKind.IGU: Kind.PAID,
    PlacementKind.WAGE_SUBSIDY: Kind.WAGE_SUBSIDY,
    PlacementKind.INTERNSHIP: Kind.INTERNSHIP,
    PlacementKind.OTHER_EFFORT: Kind.UTILITY,
    PlacementKind.EDUCATION: Kind.EDUCATION,
}


def hours(value: Decimal | float | int) -> Decimal:
    return Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _span(start: dt.time, end: dt.time) -> Decimal:
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return Decimal(minutes) / 60


@dataclass
class Item:
    day: dt.date
    kind: str
    label: str
    planned: Decimal
    starts_at: dt.time | None = None
    ends_at: dt.time | None = None
    # Hours attended, where Jobbro records attendance (programme sessions); None elsewhere.
    attended: Decimal | None = None
    status: str = ""
    clash: bool = False
    # A placement on its stated weekdays: there that day, at no stated time.
    whole_day: bool = False

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)

    def overlaps(self, other: Item) -> bool:
        if self.whole_day or other.whole_day:
            # A placement day clashes with another placement, language school or a session
            # that day (not with a conversation: the ambassador visits at the workplace).
            return (self.whole_day or self.kind in WHOLE_DAY_CLASHES) and (
                other.whole_day or other.kind in WHOLE_DAY_CLASHES
            )
        if None in (self.starts_at, self.ends_at, other.starts_at, other.ends_at):
            return False
        assert self.starts_at and self.ends_at and other.starts_at and other.ends_at
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at


@dataclass
class Day:
    date: dt.date
    holiday: str = ""
    items: list[Item] = field(default_factory=list)

    @property
    def workday(self) -> bool:
        return is_workday(self.date)

    @property
    def planned(self) -> Decimal:
        return hours(sum((i.planned for i in self.items), ZERO))


@dataclass
class KindTotal:
    kind: str
    planned: Decimal = ZERO
    attended: Decimal | None = None

    @property
    def label(self) -> str:
        return str(Kind(self.kind).label)


@dataclass
class Week:
    citizen_id: int
    monday: dt.date
    days: list[Day]
    obligation: WorkObligation | None
    norm: WorkObligationNorm | None

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)

    @property
    def iso_week(self) -> int:
        return self.monday.isocalendar()[1]

    @property
    def items(self) -> list[Item]:
        return [i for d in self.days for i in d.items]

    @property
    def applies(self) -> bool:
        return self.obligation is not None and self.obligation.applies and self.norm is not None

    @property
    def workdays(self) -> int:
        return sum(1 for d in self.days if d.workday)

    @property
    def holidays(self) -> list[Day]:
        return [d for d in self.days if d.holiday]

    @property
    def reduction(self) -> Decimal:
        return self.obligation.reduction_hours if self.obligation else ZERO

    @property
    def target(self) -> Decimal:
        """The hours this week asks: the norm less the reduction, pro rata its working days."""
        if not self.applies:
            return ZERO
        assert self.norm is not None
        weekly = max(ZERO, self.norm.hours_per_week - self.reduction)
        return hours(weekly * self.workdays / WORKDAYS_PER_WEEK)

    @property
    def planned(self) -> Decimal:
        return hours(sum((i.planned for i in self.items), ZERO))

    @property
    def attended(self) -> Decimal:
        """Hours attended where attendance is recorded (programme sessions)."""
        return hours(sum((i.attended for i in self.items if i.attended is not None), ZERO))

    @property
    def gap(self) -> Decimal:
        """How many planned hours are missing to the target (0 when it is met)."""
        return max(ZERO, self.target - self.planned)

    @property
    def below(self) -> bool:
        return self.applies and self.planned < self.target

    @property
    def clashes(self) -> list[Item]:
        return [i for i in self.items if i.clash]

    @property
    def by_kind(self) -> list[KindTotal]:
        totals: dict[str, KindTotal] = {}
        for item in self.items:
            total = totals.setdefault(item.kind, KindTotal(item.kind))
            total.planned = hours(total.planned + item.planned)
            if item.attended is not None:
                total.attended = hours((total.attended or ZERO) + item.attended)
        return [totals[k] for k in Kind.values if k in totals]


def _dated(
    rows, monday: dt.date, sunday: dt.date, start: str = "valid_from", end: str = "valid_to"
):
    return rows.filter(**{f"{start}__lte": sunday}).filter(
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": monday})
    )


def _placement_items(placement: Placement, day: dt.date) -> list[Item]:
    """A placement's hours on `day`: its weekly hours over its stated weekdays, or over the
    five working days when it states none."""
    if placement.starts_on > day or (placement.ends_on and placement.ends_on < day):
        return []
    weekdays = placement.weekday_numbers
    if weekdays and day.isoweekday() not in weekdays:
        return []
    per_day = len(weekdays) or WORKDAYS_PER_WEEK
    weekly = placement.hours_per_week or ZERO
    paid = min(placement.paid_hours_per_week or ZERO, weekly) if weekly else ZERO
    where = placement.company.name if placement.company else ""
    kind = PLACEMENT_KIND.get(PlacementKind(placement.kind), Kind.INTERNSHIP)
    label = f"{placement.get_kind_display()}" + (f", {where}" if where else "")
    items = []
    rest = weekly - paid if kind != Kind.PAID else weekly
    whole_day = bool(weekdays)
    if rest > 0:
        items.append(Item(day, kind, label, hours(rest / per_day), whole_day=whole_day))
    if paid > 0 and kind != Kind.PAID:
        items.append(Item(day, Kind.PAID, label, hours(paid / per_day), whole_day=whole_day))
    return items


def _mark_clashes(day: Day) -> None:
    for i, a in enumerate(day.items):
        for b in day.items[i + 1 :]:
            # The paid hours and the rest of one placement are the same day at work.
            same = a.whole_day and b.whole_day and a.label == b.label
            if not same and a.overlaps(b):
                a.clash = b.clash = True


def conversation_items(ids: list[int], monday: dt.date, sunday: dt.date) -> dict[int, list[Item]]:
    """The journal's planned (and held) conversations and meetings with a time in the week:
    a recorded one counts as attended, a planned one as planned."""
    from django.utils import timezone

    from jobbro.journal.models import JournalNote, NoteStatus

    zone = timezone.get_current_timezone()
    notes = JournalNote.objects.filter(
        citizen_id__in=ids,
        status__in=(NoteStatus.PLANNED, NoteStatus.RECORDED),
        starts_at__isnull=False,
        occurred_on__gte=monday,
        occurred_on__lte=sunday,
    ).order_by("starts_at", "pk")
    items: dict[int, list[Item]] = defaultdict(list)
    for note in notes:
        assert note.starts_at is not None
        start = note.starts_at.astimezone(zone)
        end = start + dt.timedelta(minutes=note.minutes or 60)
        planned = hours(Decimal(note.minutes or 60) / 60)
        label = note.get_kind_display() + (f", {note.place}" if note.place else "")
        attended = planned if note.status == NoteStatus.RECORDED else None
        items[note.citizen_id].append(
            Item(
                start.date(), Kind.CONVERSATION, label, planned, start.time(), end.time(), attended
            )
        )
    return items


def weeks_for(citizen_ids: Iterable[int], monday: dt.date) -> dict[int, Week]:
    """The week from `monday` of each citizen, in a fixed number of queries."""
    from .sessions import session_items

    ids = sorted(set(citizen_ids))
    sunday = monday + dt.timedelta(days=6)
    obligations = {
        o.citizen_id: o
        for o in WorkObligation.objects.filter(citizen_id__in=ids)
        .filter(valid_from__lte=monday)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=monday))
        .order_by("citizen_id", "valid_from")
    }
    norm = WorkObligationNorm.on(monday)
    language: dict[int, list[LanguageSchoolDay]] = defaultdict(list)
    for row in _dated(LanguageSchoolDay.objects.filter(citizen_id__in=ids), monday, sunday):
        language[row.citizen_id].append(row)
    placements: dict[int, list[Placement]] = defaultdict(list)
    rows = (
        Placement.objects.filter(
            citizen_id__in=ids, status__in=(PlacementStatus.PLANNED, PlacementStatus.ACTIVE)
        )
        .filter(starts_on__lte=sunday)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=monday))
        .select_related("company")
        .order_by("starts_on", "id")
    )
    for p in rows:
        placements[p.citizen_id].append(p)
    sessions = session_items(ids, monday, sunday)
    conversations = conversation_items(ids, monday, sunday)
    weeks = {}
    for cid in ids:
        obligation = obligations.get(cid)
        days = []
        for offset in range(7):
            day = Day(monday + dt.timedelta(days=offset))
            day.holiday = holiday_name(day.date)
            if not day.workday:
                if not day.holiday:  # a weekend day: only a placement that states it
                    for p in placements[cid]:
                        if day.date.isoweekday() in p.weekday_numbers:
                            day.items.extend(_placement_items(p, day.date))
                days.append(day)
                continue
            day.items.extend(i for i in sessions.get(cid, []) if i.day == day.date)
            day.items.extend(i for i in conversations.get(cid, []) if i.day == day.date)
            for lang in language[cid]:
                if lang.covers(day.date):
                    day.items.append(
                        Item(
                            day.date,
                            Kind.DANISH,
                            lang.school,
                            hours(_span(lang.starts_at, lang.ends_at)),
                            lang.starts_at,
                            lang.ends_at,
                        )
                    )
            for p in placements[cid]:
                day.items.extend(_placement_items(p, day.date))
            if obligation and obligation.applies and obligation.job_search_hours:
                search = hours(obligation.job_search_hours / WORKDAYS_PER_WEEK)
                day.items.append(Item(day.date, Kind.JOB_SEARCH, str(JOB_SEARCH_LABEL), search))
            day.items.sort(key=lambda i: (i.starts_at is None, i.starts_at or dt.time(), i.kind))
            _mark_clashes(day)
            days.append(day)
        weeks[cid] = Week(cid, monday, days, obligation, norm)
    return weeks


def week_for(citizen_id: int, monday: dt.date) -> Week:
    return weeks_for([citizen_id], monday)[citizen_id]
