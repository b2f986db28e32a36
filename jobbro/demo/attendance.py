"""The demo's work obligation, weekly schedules, sessions with attendance and one sanction case
at the hearing stage (seeds 001 and 002; issue 10 items 5-7).

- The work obligation applies from 1 July 2025 (or the settlement, if later) to the adults
  of the demo case worker's caseload and of the running cohorts; every fifth of them has an individual reduction for health, with a reason.
- Language school on two weekdays (seed 001: each woman her own days), so that some weeks
  meet 37 hours with placements and job search and others miss them.
- Each running cohort (the programmes' demo, or one Najah cohort of the demo case worker's
  women when there is none) meets on two weekdays; sessions from six weeks back to four ahead,
  skipping Danish public holidays; past sessions have their attendance: mostly present, some
  legal absence with a reason, and two participants often absent without a reason (flagged).
- One of those two has a sanction case at the hearing stage: documentation from the language
  centre and the teacher, the hearing letter sent, the deadline ahead. No decision.
"""

import datetime as dt
import random
from decimal import Decimal

from django.conf import settings
from django.db.models import Q

from jobbro.accounts.models import Role, User
from jobbro.attendance.models import (
    AbsenceReason,
    Attendance,
    AttendanceStatus,
    DocumentSource,
    LanguageSchoolDay,
    SanctionCase,
    SanctionDocument,
    Session,
    SessionPattern,
    WorkObligation,
)
from jobbro.attendance.sessions import pattern_dates
from jobbro.citizens.models import Citizen
from jobbro.programmes.models import Cohort, Enrolment, Intake, Programme

OBLIGATION_FROM = dt.date(2025, 7, 1)
REDUCTIONS = [
    (Decimal(7), "Kroniske rygsmerter; lægeerklæring af 12.02. Kan ikke stå op mere end 6 timer."),
    (Decimal(12), "Behandlingsforløb for traume to formiddage om ugen."),
    (Decimal(5), "Enlig forsørger; barnet i dagtilbud til kl. 15."),
]
SCHOOLS = ["Sprogcenter Midt, Horsens", "Sprogcenter Midt, Hedensted"]
WEEKS_BACK, WEEKS_AHEAD = 6, 4


def _obliged(today: dt.date, demo: User | None, cohort_ids: list[int]):
    mine = Q(case_worker=demo) if demo else Q(pk__in=[])
    in_cohort = Q(enrolments__cohort_id__in=cohort_ids, enrolments__ends_on__isnull=True)
    adult = Q(birth_date__lte=today.replace(year=today.year - 18))
    return Citizen.objects.filter(adult & (mine | in_cohort)).distinct().order_by("pk")


def _obligations(rng, citizens, by, today) -> None:
    rows, days = [], []
    for i, citizen in enumerate(citizens):
        settled = citizen.settled_at.date() if citizen.settled_at else OBLIGATION_FROM
        start = min(max(OBLIGATION_FROM, settled), today)
        reduction, reason = REDUCTIONS[i % len(REDUCTIONS)] if i % 5 == 0 else (Decimal(0), "")
        job_search = Decimal(0)  # set by _meet_or_miss, from the week as built
        rows.append(
            WorkObligation(
                citizen=citizen,
                applies=True,
                reduction_hours=reduction,
                reason=reason,
                job_search_hours=job_search,
                valid_from=start,
                created_by=by,
            )
        )
        weekdays = rng.sample(range(5), 2)
        long_day = rng.random() < 0.5
        for weekday in sorted(weekdays):
            days.append(
                LanguageSchoolDay(
                    citizen=citizen,
                    weekday=weekday,
                    starts_at=dt.time(8, 30),
                    ends_at=dt.time(14, 30) if long_day else dt.time(12, 0),
                    school=SCHOOLS[i % 2],
                    valid_from=start,
                    created_by=by,
                )
            )
    WorkObligation.objects.bulk_create(rows)
    LanguageSchoolDay.objects.bulk_create(days)
    # A stream of its own: how many placements there are must not move the sessions' days.
    _placement_weekdays(random.Random(rng.random()), days)


def _placement_weekdays(rng, days) -> None:
    """Placements run on the days without language school (seed 001: each woman has her own
    week); one in eight also on a school day, which the week shows as a clash."""
    from jobbro.placements.models import Placement, PlacementStatus, weekday_bits

    school: dict[int, set[int]] = {}
    for day in days:
        school.setdefault(day.citizen_id, set()).add(day.weekday + 1)
    placements = list(
        Placement.objects.filter(
            citizen_id__in=list(school),
            status__in=(PlacementStatus.ACTIVE, PlacementStatus.PLANNED),
        ).order_by("pk")
    )
    for placement in placements:
        free = [n for n in range(1, 6) if n not in school[placement.citizen_id]]
        if rng.random() < 0.125:
            free.append(min(school[placement.citizen_id]))
        placement.weekdays = weekday_bits(free)
    Placement.objects.bulk_update(placements, ["weekdays"])


def _meet_or_miss(rng, today: dt.date) -> None:
    """Agree job search so that about half of this week's and next week's weeks meet 37
    hours less the reduction and the others miss it by a few hours."""
    from jobbro.attendance.week import monday_of, weeks_for

    obligations = list(WorkObligation.objects.order_by("citizen_id"))
    weeks = weeks_for([o.citizen_id for o in obligations], monday_of(today))
    for i, o in enumerate(obligations):
        gap = weeks[o.citizen_id].gap
        wanted = gap + rng.choice([0, 1, 2]) if i % 2 == 0 else gap - rng.choice([3, 5, 8])
        o.job_search_hours = min(Decimal(37), max(Decimal(0), wanted)).quantize(Decimal(1))
    WorkObligation.objects.bulk_update(obligations, ["job_search_hours"])


def _fallback_cohort(today: dt.date, teacher: User | None, demo: User | None) -> list[Cohort]:
    """When no cohort runs today (the programmes' demo is not there), one Najah cohort."""
    programme = Programme.objects.filter(code="najah").first()
    if programme is None or demo is None:
        return []
    start = today - dt.timedelta(weeks=WEEKS_BACK + 2)
    cohort, _created = Cohort.objects.update_or_create(
        programme=programme,
        name="Najah (fremmøde)",
        defaults={
            "starts_on": start,
            "intake": Intake.COMMON_START,
            "capacity": 10,
            "location": "Jobcenter Hedensted",
        },
    )
    if teacher is not None:
        cohort.teachers.add(teacher)
    women = Citizen.objects.filter(case_worker=demo, gender="female").order_by("pk")[:8]
    Enrolment.objects.bulk_create(
        Enrolment(citizen=c, programme=programme, cohort=cohort, starts_on=start) for c in women
    )
    return [cohort]


def _sessions(rng, cohorts, today, teacher) -> list[Session]:
    first = today - dt.timedelta(weeks=WEEKS_BACK)
    last = today + dt.timedelta(weeks=WEEKS_AHEAD)
    made = []
    for cohort in cohorts:
        by = cohort.teachers.first() or teacher
        if by is None:
            continue
        # A cohort outlives a demo reset (its programme is shipped data): start it afresh.
        Session.objects.filter(cohort=cohort).delete()
        SessionPattern.objects.filter(cohort=cohort).delete()
        start, end = max(first, cohort.starts_on), min(last, cohort.ends_on or last)
        if end < start:
            continue
        for weekday in sorted(rng.sample(range(5), 2)):
            pattern = SessionPattern.objects.create(
                cohort=cohort,
                weekday=weekday,
                starts_at=dt.time(9),
                ends_at=dt.time(12),
                title="Undervisning",
                place=cohort.location or "Jobcenter Hedensted",
                valid_from=start,
                valid_to=end,
                created_by=by,
            )
            made += Session.objects.bulk_create(
                Session(
                    cohort=cohort,
                    pattern=pattern,
                    on=day,
                    starts_at=pattern.starts_at,
                    ends_at=pattern.ends_at,
                    title=pattern.title,
                    place=pattern.place,
                )
                for day in pattern_dates(weekday, start, end)
            )
    return made


def _attendance(rng, sessions, today, teacher, demo_id) -> list[int]:
    """Attendance for every past session; returns the often absent participants."""
    by_cohort: dict[int | None, list[Enrolment]] = {}
    enrolments = Enrolment.objects.filter(cohort__in={s.cohort_id for s in sessions})
    for e in enrolments.select_related("citizen").order_by("pk"):
        by_cohort.setdefault(e.cohort_id, []).append(e)
    # Two often absent: the demo case worker's, if the cohorts have any of theirs.
    everyone = [e for es in by_cohort.values() for e in es]
    mine = [e.citizen_id for e in everyone if e.citizen.case_worker_id == demo_id]
    absent = (mine or [e.citizen_id for e in everyone])[:2]
    rows = []
    for s in sessions:
        if s.on > today:
            continue
        for e in by_cohort.get(s.cohort_id, []):
            if e.starts_on > s.on or (e.ends_on and e.ends_on < s.on):
                continue
            roll = rng.random()
            often = e.citizen_id in absent and rng.random() < 0.45  # missed without a reason
            status, reason = AttendanceStatus.PRESENT, ""
            if often or roll > 0.93:
                status = AttendanceStatus.ILLEGAL
            elif roll > 0.85:
                status, reason = AttendanceStatus.LEGAL, rng.choice(AbsenceReason.values)
            rows.append(
                Attendance(
                    session=s,
                    citizen_id=e.citizen_id,
                    status=status,
                    reason=reason,
                    recorded_by=teacher,
                )
            )
    Attendance.objects.bulk_create(rows)
    return absent


def _sanction_case(citizen_id: int, today: dt.date, by: User) -> None:
    illegal = list(
        Attendance.objects.filter(citizen_id=citizen_id, status=AttendanceStatus.ILLEGAL)
        .select_related("session")
        .order_by("session__on")[:3]
    )
    if not illegal:
        return
    sent = today - dt.timedelta(days=4)
    case = SanctionCase.objects.create(
        citizen_id=citizen_id,
        summary="Udeblevet fra holdets undervisning uden afbud flere gange.",
        opened_by=by,
        hearing_sent_on=sent,
        reply_deadline=sent + dt.timedelta(days=settings.HEARING_REPLY_DAYS),
    )
    case.absences.set(illegal)
    dates = ", ".join(f"{a.session.on:%d.%m}" for a in illegal)
    SanctionDocument.objects.bulk_create(
        [
            SanctionDocument(
                case=case,
                source=DocumentSource.LANGUAGE_CENTRE,
                received_on=sent - dt.timedelta(days=3),
                text="Sprogcentret oplyser, at borgeren heller ikke er mødt til danskundervisning "
                "de samme dage, og at der ikke er modtaget sygemelding.",
                added_by=by,
            ),
            SanctionDocument(
                case=case,
                source=DocumentSource.OTHER,
                received_on=sent - dt.timedelta(days=2),
                text=f"Underviseren på holdet: ikke mødt {dates}, ingen besked.",
                added_by=by,
            ),
        ]
    )


def build_attendance(*, seed: int, today: dt.date, stdout=None) -> None:
    rng = random.Random(f"{seed}-attendance")
    demo = User.objects.filter(username="sagsbehandler").first()
    teacher = User.objects.filter(username="underviser").first() or (
        User.objects.filter(role=Role.TEACHER).order_by("pk").first()
    )
    running = list(
        Cohort.objects.filter(starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .filter(enrolments__isnull=False)
        .distinct()
        .order_by("pk")
    ) or _fallback_cohort(today, teacher, demo)
    by = demo or User.objects.filter(role=Role.CASE_WORKER).order_by("pk").first()
    if by is None:
        return
    _obligations(rng, _obliged(today, demo, [c.pk for c in running]), by, today)
    if teacher is None:
        _meet_or_miss(rng, today)
        return
    sessions = _sessions(rng, running, today, teacher)
    absent = _attendance(rng, sessions, today, teacher, demo.pk if demo else None)
    _meet_or_miss(rng, today)
    if absent:
        case_worker = Citizen.objects.get(pk=absent[0]).case_worker or by
        _sanction_case(absent[0], today, case_worker)
    if stdout is not None:
        stdout.write(
            f"Fremmøde: {len(sessions)} mødegange på {len(running)} hold, "
            f"{WorkObligation.objects.count()} borgere med arbejdspligt.\n"
        )
