"""The demo's history as the goals count it (issue 12: "the demo municipality's dashboard
shows plausible numbers for every target and measure").

The goals' numbers follow from placements, benefit periods, enrolments and case statuses
(goals/selectors.py, goals/categories.py). Drawn one by one, as they once were, those gave
numbers no municipality has: 130 of the ambassador project's 168 participants "in no
recorded effort", 8 % in ordinary work after all those years, a women's share of a quarter.
Here each citizen's placements follow one course through the staircase instead:

- **A career** (`career`): from a week or more after the effort started, internships and
  other efforts (education, utility work; for youths leisure jobs and VUC first) with gaps
  between them, until the citizen's first job: the day drawn from how long refugees take to
  find work (`FIRST_JOB`: about a quarter within a year of residence, three in five within three,
  under three quarters within five; the rest never in the demo's years, as the national numbers
  go: jobindsats' MM13 for refugees runs at 30–50 % after three years). The job is
  sometimes reached through wage subsidy or IGU; jobs last half a year to three years and
  most are followed by another.
- **Benefits follow the work** (`with_work`): while a citizen is in ordinary work or IGU
  (paid by the employer) their benefit history says self-supporting, and the benefit in
  force again after it, so MM13 and the selvforsørgelsesgrad have something true to count.
- **The project ends with the job** (`build_goals`): an enrolment in the ambassador project
  ends with "ordinært arbejde" on the day the participant's first ordinary job starts, as a
  coordinator would write it; the ambassador follows courses only until then.
- **Women in the project**: seed 000's project aims at "mindst halvdelen kvinder", so women
  are drawn into it more often than men (`in_project`); the municipality's 104 women of 458
  stay as they are.

Everything comes from the random streams given, so the demo stays deterministic.
"""

import datetime as dt
import random
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from jobbro.law.selectors import COMPANY_BASED
from jobbro.placements.models import PlacementKind as K

# The share of citizens whose first job has come by so many years after the effort started:
# (cumulative share, from year, to year), drawn uniformly inside each band.
FIRST_JOB = ((0.24, 0.25, 0.8), (0.6, 0.8, 3.0), (0.72, 3.0, 5.0), (0.76, 5.0, 7.0))
# Of those who find no job, some go to a flexjob (reduced working capacity) after a few years.
FLEXJOB_SHARE = 0.12
# Youths go to school and leisure jobs first: their first job comes this much later.
YOUTH_DELAY_YEARS = 1.5
# How many years of history the demo has: the oldest arrivals settled this long ago.
HISTORY_YEARS = 7

# Before the first job: (kind, weight).
_ADULT_BEFORE = (
    (K.INTERNSHIP, 68),
    (K.EDUCATION, 9),
    (K.OTHER_EFFORT, 10),
    (K.SMALL_JOB, 1),
)
_YOUTH_BEFORE = ((K.LEISURE_JOB, 12), (K.EDUCATION, 40), (K.INTERNSHIP, 48))
WEEKS: dict[str, tuple[int, int]] = {
    K.INTERNSHIP: (4, 16),
    K.WAGE_SUBSIDY: (13, 39),
    K.ORDINARY: (26, 156),
    K.SMALL_JOB: (8, 40),
    K.IGU: (52, 104),
    K.EDUCATION: (10, 40),
    K.OTHER_EFFORT: (4, 13),
    K.FLEXJOB: (104, 260),
    K.LEISURE_JOB: (13, 52),
}
# Internships with paid hours beside them (seed 002, Nordfyns): "small jobs" in seed 000.
PAID_HOURS_SHARE = 0.03
# Work that pays the citizen's living: while in it, the benefit history says self-supporting.
PAYS_A_LIVING = (K.ORDINARY, K.IGU)


@dataclass
class Planned:
    """One placement of a career: its kind and dates, and whether it comes before the first
    ordinary job (while the ambassador project follows the citizen)."""

    kind: str
    starts_on: dt.date
    ends_on: dt.date  # as planned: on or after today, it is still running
    paid_hours: int = 0
    before_job: bool = True
    offered: bool = False  # made an internship: the law's first offer (career's offer_first)


def in_project(rng: random.Random, female: bool) -> bool:
    """Whether a citizen is drawn into the ambassador project (one draw, as before)."""
    return rng.random() < (0.85 if female else 0.25)


def _first_job(rng: random.Random, start: dt.date, youth: bool) -> dt.date | None:
    u = rng.random()
    for share, low, high in FIRST_JOB:
        if u < share:
            years = rng.uniform(low, high) + (YOUTH_DELAY_YEARS if youth else 0)
            return start + dt.timedelta(days=round(years * 365.25))
    return None


def career(
    rng: random.Random, start: dt.date, today: dt.date, *, youth: bool, offer_first: bool = False
) -> list[Planned]:
    """The placements of one citizen from `start` (a week after the effort started) to
    today, one after the other; with `offer_first`, the first is company-based (the law's
    first offer, law.selectors.COMPANY_BASED: an internship rather than school or a leisure
    job)."""
    job = _first_job(rng, start, youth)
    flexjob = None
    if job is None and rng.random() < FLEXJOB_SHARE:
        flexjob = start + dt.timedelta(days=rng.randint(2 * 365, 5 * 365))
    before = _YOUTH_BEFORE if youth else _ADULT_BEFORE
    kinds, weights = [k for k, _w in before], [w for _k, w in before]
    out: list[Planned] = []
    day = start
    first = True
    while day < today:
        if flexjob is not None and day >= flexjob:
            out.append(_planned(rng, K.FLEXJOB, day, before_job=False))
            break  # a flexjob is for good, as the demo's years go
        if job is not None and day >= job - dt.timedelta(weeks=8):
            day = max(day, job)
            if first and rng.random() < 0.14:  # the way in: wage subsidy first
                out.append(_planned(rng, K.WAGE_SUBSIDY, day))
                day = out[-1].ends_on + dt.timedelta(days=rng.randint(1, 14))
            elif first and rng.random() < 0.2:  # or an IGU (two years with school)
                out.append(_planned(rng, K.IGU, day))
                day = out[-1].ends_on + dt.timedelta(days=rng.randint(1, 30))
            if day >= today:
                break
            out.append(_planned(rng, K.ORDINARY, day, before_job=False))
            first = False
            day = out[-1].ends_on + dt.timedelta(days=rng.randint(14, 60))
            if rng.random() < 0.25:  # out of work for a while: back to the staircase
                job = day + dt.timedelta(days=rng.randint(120, 540))
            continue
        kind = rng.choices(kinds, weights)[0]
        if youth and not out and rng.random() < 0.45:
            kind = K.LEISURE_JOB  # most youths' first: a leisure job beside school
        planned = _planned(rng, kind, day, before_job=first)
        if offer_first and not out and kind not in COMPANY_BASED:
            # The first offer comes first: a short internship, then the effort as drawn
            # (the same stream, the same end), unless too little of it is left.
            weeks = dt.timedelta(weeks=WEEKS[K.INTERNSHIP][0])
            out.append(Planned(K.INTERNSHIP, day, day + weeks, before_job=first, offered=True))
            planned.starts_on = day + weeks + dt.timedelta(days=3)
            if planned.starts_on < today and planned.ends_on - planned.starts_on >= weeks:
                out.append(planned)
        else:
            out.append(planned)
        gap = rng.randint(10, 75) if rng.random() < 0.85 else rng.randint(120, 270)
        if (day - start).days > 3 * 365:
            gap *= 2  # years on benefits: efforts come more seldom
        day = planned.ends_on + dt.timedelta(days=gap)
    return out


def first_offer(rng: random.Random, start: dt.date) -> Planned:
    """The law's first company-based offer alone, for one who had no course since: an
    internship from `start`, without paid hours."""
    ends = start + dt.timedelta(weeks=rng.randint(*WEEKS[K.INTERNSHIP]))
    return Planned(K.INTERNSHIP, start, ends, offered=True)


def _planned(rng: random.Random, kind: str, day: dt.date, *, before_job: bool = True) -> Planned:
    ends = day + dt.timedelta(weeks=rng.randint(*WEEKS[kind]))
    paid = 0
    if kind == K.INTERNSHIP and rng.random() < PAID_HOURS_SHARE:
        paid = rng.choice((5, 8, 10, 15))
    return Planned(kind, day, ends, paid, before_job)


# Benefits -----------------------------------------------------------------------------


def with_work(history: list[tuple], spans: list[tuple], self_supporting) -> list[tuple]:
    """A benefit history (benefit, from, to or None), with `self_supporting` over the spans
    (from, to or None) the citizen was in work that pays a living, and the benefit in force
    again between them. Adjacent periods of one benefit become one."""
    if not history:
        return history
    first_day = history[0][1]
    work: list[list] = []
    for s, e in sorted(spans, key=lambda x: x[0]):
        if e is not None and e < first_day:
            continue
        s = max(s, first_day)
        if work and (work[-1][1] is None or work[-1][1] >= s - dt.timedelta(days=1)):
            if work[-1][1] is not None:
                work[-1][1] = None if e is None else max(work[-1][1], e)
            continue
        work.append([s, e])
    pieces: list[tuple] = []
    for benefit, s, e in history:
        cursor = s
        for ws, we in work:
            if (e is not None and ws > e) or (we is not None and we < cursor):
                continue
            if ws > cursor:
                pieces.append((benefit, cursor, ws - dt.timedelta(days=1)))
            if we is None:
                cursor = None
                break
            cursor = we + dt.timedelta(days=1)
        if cursor is not None and (e is None or cursor <= e):
            pieces.append((benefit, cursor, e))
    pieces += [(self_supporting, s, e) for s, e in work]
    pieces.sort(key=lambda p: p[1])
    merged: list[tuple] = []
    for p in pieces:
        last = merged[-1] if merged else None
        if last and last[0] == p[0] and last[2] and last[2] + dt.timedelta(days=1) == p[1]:
            merged[-1] = (last[0], last[1], p[2])
            continue
        merged.append(p)
    return merged


# The ambassador project ------------------------------------------------------------------


def build_goals(*, seed: int, today: dt.date, stdout=None) -> None:
    """End the ambassador project's enrolments as a coordinator records them
    (`enrolment_end`'s rule, its note on the timeline dated that day): with "ordinært
    arbejde" or "fleksjob" on the day the participant's first such job started, and
    "gennemført" when the five years of the integration programme ran out and the
    ambassador follows no course of theirs after it."""
    from django.db.models import Q

    from jobbro.citizens.models import EventKind, TimelineEvent
    from jobbro.placements.models import Placement, PlacementStatus
    from jobbro.programmes.models import AMBASSADOR_PROJECT, EndReason, Enrolment

    jobs: dict[int, tuple[dt.date, str]] = {}
    rows = (
        Placement.objects.filter(
            kind__in=(K.ORDINARY, K.FLEXJOB),
            status__in=(PlacementStatus.ACTIVE, PlacementStatus.ENDED),
            starts_on__lt=today,
        )
        .order_by("citizen_id", "starts_on")
        .values_list("citizen_id", "starts_on", "kind")
    )
    for cid, starts_on, kind in rows:
        why = EndReason.ORDINARY_JOB if kind == K.ORDINARY else EndReason.FLEXJOB
        jobs.setdefault(cid, (starts_on, str(why)))
    followed = Placement.objects.filter(ambassador__isnull=False).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gt=F("citizen__integration_period_end"))
    )
    still_followed = set(followed.values_list("citizen_id", flat=True))
    open_ = Enrolment.objects.filter(
        programme__code=AMBASSADOR_PROJECT, ends_on__isnull=True
    ).select_related("programme", "citizen")
    ended: list[Enrolment] = []
    events: list[TimelineEvent] = []
    for enrolment in open_.order_by("pk"):
        day, reason = jobs.get(enrolment.citizen_id, (None, ""))
        if day is None or day < enrolment.starts_on:
            day, reason = enrolment.citizen.integration_period_end, EndReason.COMPLETED
            if day is None or day >= today or enrolment.citizen_id in still_followed:
                continue
            day = max(day, enrolment.starts_on)
        enrolment.ends_on = day
        enrolment.end_reason = reason
        enrolment.version += 1
        ended.append(enrolment)
        events.append(
            TimelineEvent(
                citizen_id=enrolment.citizen_id,
                kind=EventKind.NOTE,
                at=timezone.make_aware(dt.datetime.combine(day, dt.time(11, 0))),
                text=f"Udskrevet af {enrolment.programme.name}: {EndReason(reason).label}",
                actor=enrolment.citizen.case_worker,
            )
        )
    Enrolment.objects.bulk_update(ended, ["ends_on", "end_reason", "version"])
    TimelineEvent.objects.bulk_create(events)
    if stdout is not None:
        stdout.write(
            f"  {len(ended)} udskrevet af ambassadørprojektet (job eller programmets slut)\n"
        )


def states_on(day: dt.date) -> dict[str, list[int]]:
    """The citizens in each of seed 004's active categories on `day` (goals/categories.py's
    rules, in its order, for citizens whose case is not closed), as sorted ids: for drawing a
    programme's participants who are in what the seed says they are in."""
    from django.db.models import Q

    from jobbro.cases.models import Mentorship
    from jobbro.citizens.status import CaseStatus, PauseReason, StatusPeriod
    from jobbro.goals import categories as c
    from jobbro.placements.models import Placement

    status: dict[int, tuple[str, str]] = {}
    periods = (
        StatusPeriod.objects.filter(starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .order_by("id")
        .values_list("citizen_id", "status", "pause_reason")
    )
    for cid, st, pause in periods:
        status[cid] = (st, pause)  # the newest covering the day
    running: dict[int, set[str]] = {}
    rows = (
        Placement.objects.filter(status__in=c.RAN, starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .values_list("citizen_id", "kind", "paid_hours_per_week")
    )
    for cid, kind, paid in rows:
        running.setdefault(cid, set()).add(kind)
        if kind == K.INTERNSHIP and paid:
            running[cid].add("paid")
    mentored = set(
        Mentorship.objects.filter(starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .values_list("citizen_id", flat=True)
    )
    out: dict[str, list[int]] = {}
    for cid in sorted(set(running) | mentored | set(status)):
        st, pause = status.get(cid, ("", ""))
        kinds = running.get(cid, set())
        if st == CaseStatus.CLOSED:
            continue
        if st == CaseStatus.PAUSED and pause == PauseReason.MATERNITY:
            key = c.MATERNITY.key
        elif K.IGU in kinds:
            key = c.IGU.key
        elif K.WAGE_SUBSIDY in kinds:
            key = c.WAGE_SUBSIDY.key
        elif cid in mentored or (st == CaseStatus.PAUSED and pause in c.HEALTH_PAUSES):
            key = c.MENTOR_HEALTH.key
        elif K.INTERNSHIP in kinds and ("paid" in kinds or K.SMALL_JOB in kinds):
            key = c.INTERNSHIP_SMALL_JOBS.key
        elif K.INTERNSHIP in kinds:
            key = c.INTERNSHIP.key
        else:
            continue
        out.setdefault(key, []).append(cid)
    return out
