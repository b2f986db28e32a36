"""The demo's programmes: who is in the ambassador project, the cohorts of Najah and De
internationale, the intro course's continuous intake, and the reinvestment project's 41
enrolments (seeds 000, 001, 003, 004).

The seeds' efforts ran in 2016–2020; the demo's citizens all settled in the last three
years, so the demo moves each effort into its own timeline (the shipped programme's start
becomes its first demo cohort's) and keeps what the seeds say of it: the sizes, how long
each cohort ran, and the outcomes:
- Najah 1: 16 women on two cohorts of 8, for 8 months; Najah 2: 20 women on two cohorts of
  10, for 7 months, some from Najah 1 again; 1 on parental leave and 2 out for illness (the
  seed counts 18 completed too, one more than 20 holds: 17 here); Najah 3: one cohort of 10,
  running now, twice a week beside language school;
- De internationale: 5 women, 22 weeks, common start; 3 of 5 admitted to VUC;
- the reinvestment project: 31 cases handed over on one day and 10 later, 41 in all, with
  seed 004's outcomes (2 own business, 3 moved, 2 spouse-supported, 2 did not wish to take
  part, 6 education, 6 ordinary work, 1 flexjob, 1 repatriated; the other 18 still in).
A smaller demo (fewer citizens) gets smaller cohorts: never more than there are people.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from jobbro.accounts.models import Role, User
from jobbro.citizens.models import Citizen, Gender
from jobbro.practices.models import Practice
from jobbro.programmes.models import (
    AMBASSADOR_PROJECT,
    Cohort,
    EndReason,
    Enrolment,
    Intake,
    Observation,
    Phase,
    Programme,
)

from . import bulk
from .goals import states_on

DEMO_PROGRAMMES = ("najah", "de-internationale", "introforloeb", "geninvestering")


def enrol_in_ambassador_project(citizens: list[Citizen], today: dt.date) -> None:
    """Enrol the ambassador project's citizens from their first conversation (or their
    settlement, before that), never before the project started nor after today."""
    if not citizens:
        return
    project = Programme.objects.get(code=AMBASSADOR_PROJECT)
    tz = timezone.get_default_timezone()
    rows = []
    for citizen in citizens:
        moment = citizen.effort_started_at or citizen.settled_at
        day = moment.astimezone(tz).date() if moment else today
        rows.append(
            Enrolment(
                citizen=citizen,
                programme=project,
                starts_on=min(max(day, project.starts_on), today),
            )
        )
    bulk.create(rows)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class _People:
    """Citizens to enrol: each (pk, woman, the day their effort started), drawn without
    putting anyone twice in the same run."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        tz = timezone.get_default_timezone()
        rows = Citizen.objects.filter(effort_started_at__isnull=False).values_list(
            "pk", "gender", "effort_started_at"
        )
        self.rows = [
            (pk, gender == Gender.FEMALE, at.astimezone(tz).date())
            for pk, gender, at in rows.order_by("pk")
            if at is not None  # so (filtered above), but the column is nullable
        ]

    def draw(self, n: int, before: dt.date, *, women: bool, taken: set[int]) -> list[int]:
        pool = [
            pk
            for pk, woman, started in self.rows
            if started < before and pk not in taken and (woman or not women)
        ]
        chosen = self.rng.sample(pool, min(n, len(pool)))
        taken.update(chosen)
        return sorted(chosen)


def _cohort(programme, name, starts_on, weeks, capacity, teachers, schedule, intake=None):
    cohort = Cohort.objects.create(
        programme=programme,
        name=name,
        starts_on=starts_on,
        ends_on=starts_on + dt.timedelta(weeks=weeks) - dt.timedelta(days=1),
        intake=intake or programme.intake,
        capacity=capacity,
        schedule=schedule,
        location="Jobcentret",
    )
    cohort.teachers.set(teachers)
    return cohort


def _enrol(cohort, pks, reasons, today):
    """Enrol `pks` for the cohort's run; those given a reason end with it (at the cohort's
    end, or before today for a cohort still running), the others complete an ended cohort
    or stay enrolled in a running one."""
    ended = cohort.ends_on is not None and cohort.ends_on < today
    rows = []
    for i, pk in enumerate(pks):
        reason = reasons[i] if i < len(reasons) else (EndReason.COMPLETED if ended else "")
        ends_on = None
        if reason:
            ends_on = (
                cohort.ends_on if ended else max(cohort.starts_on, today - dt.timedelta(days=7))
            )
            if reason != EndReason.COMPLETED and ended:
                # Drop-outs leave along the way, not on the last day.
                span = max(1, (cohort.ends_on - cohort.starts_on).days - 14)
                ends_on = cohort.starts_on + dt.timedelta(days=14 + (i * 37) % span)
        rows.append(
            Enrolment(
                citizen_id=pk,
                programme=cohort.programme,
                cohort=cohort,
                starts_on=cohort.starts_on,
                ends_on=ends_on,
                end_reason=reason,
            )
        )
    bulk.create(rows)


def _redate(programme: Programme, starts_on: dt.date, ends_on: dt.date | None = None) -> None:
    """Move a shipped programme into the demo's timeline, its dated observations with it."""
    shift = starts_on - programme.starts_on
    Programme.objects.filter(pk=programme.pk).update(starts_on=starts_on, ends_on=ends_on)
    programme.observations.filter(noted_on__isnull=False, cohort__isnull=True).update(
        noted_on=F("noted_on") + shift
    )
    programme.starts_on, programme.ends_on = starts_on, ends_on


def build_programmes(*, seed: int, today: dt.date, stdout=None) -> None:
    rng = random.Random(f"{seed}-programmes")
    # A rebuilt demo (its citizens deleted, and with them their enrolments) starts over.
    Cohort.objects.filter(programme__code__in=DEMO_PROGRAMMES).delete()
    people = _People(rng)
    teachers = list(User.objects.filter(role=Role.TEACHER).order_by("pk"))
    demo_teacher = next((t for t in teachers if t.username == "underviser"), None)
    others = [t for t in teachers if t != demo_teacher] or teachers
    mine = [demo_teacher] if demo_teacher else teachers[:1]

    def some(n):
        return rng.sample(others, min(n, len(others)))

    najah = Programme.objects.get(code="najah")
    n1 = _monday(today - dt.timedelta(days=900))
    n2 = _monday(today - dt.timedelta(days=520))
    n3 = _monday(today - dt.timedelta(days=75))
    _redate(najah, n1)
    taken: set[int] = set()
    najah_1 = []
    for letter in "AB":
        cohort = _cohort(najah, f"Najah 1 hold {letter}", n1, 35, 8, some(1), "Onsdag kl. 9–13")
        pks = people.draw(8, n1, women=True, taken=taken)
        _enrol(cohort, pks, [], today)
        najah_1 += pks
    # Some of Najah 1 go on to Najah 2 (seed 003: they would benefit from another run).
    again = najah_1[:4]
    taken_2: set[int] = set(again)
    for letter, reasons in (
        ("A", [EndReason.PARENTAL_LEAVE, EndReason.ILLNESS]),
        ("B", [EndReason.ILLNESS]),
    ):
        cohort = _cohort(najah, f"Najah 2 hold {letter}", n2, 30, 10, some(1), "Tirsdag kl. 9–13")
        pks = (again if letter == "A" else []) + people.draw(
            10 - (len(again) if letter == "A" else 0), n2, women=True, taken=taken_2 | taken
        )
        taken_2.update(pks)
        _enrol(cohort, pks, reasons, today)
    cohort = _cohort(najah, "Najah 3", n3, 35, 10, mine, "Tirsdag og fredag kl. 9–12")
    _enrol(cohort, people.draw(10, n3, women=True, taken=set()), [], today)
    Observation.objects.create(
        programme=najah,
        cohort=cohort,
        phase=Phase.START,
        noted_on=n3 + dt.timedelta(days=14),
        text="10 kvinder er startet på forløbet, 2 gange om ugen, sideløbende med sprogskole 2 "
        "dage om ugen.",
    )

    internationale = Programme.objects.get(code="de-internationale")
    di = _monday(today - dt.timedelta(days=200))
    _redate(internationale, di)
    cohort = _cohort(
        internationale, "De internationale 1", di, 22, 5, mine, "Mandag og onsdag kl. 9–13"
    )
    pks = people.draw(5, di, women=True, taken=set())
    _enrol(cohort, pks, [EndReason.ORDINARY_EDUCATION] * 3, today)
    admitted = min(3, len(pks))
    Observation.objects.create(
        programme=internationale,
        cohort=cohort,
        phase=Phase.END,
        noted_on=cohort.ends_on,
        text=f"{admitted} af {len(pks)} deltagere er optaget på VUC.",
    )

    _intro_course(people, today, some(1))
    _reinvestment(rng, people, today)
    _describe(rng)
    _economy(rng, today)
    if stdout is not None:
        stdout.write(f"  {Enrolment.objects.count()} indskrivninger i indsatser og projekter\n")


# The practices of the library each demo programme builds on (the demo's choice: the seeds
# do not name them), by number.
DEMO_PRACTICES = {
    "najah": (13, 17),
    "de-internationale": (16, 19),
    "geninvestering": (10, 15),
    AMBASSADOR_PROJECT: (2, 4, 5),
}
# Plausible amounts on the shipped cost lines that have none (kroner, and staff hours).
DEMO_COSTS: dict[str, dict[str, tuple[int, int | None]]] = {
    "najah": {"Materialeforbrug": (42_500, None), "Transportudgifter": (18_300, None)},
    "de-internationale": {"Materiale": (9_800, None), "Sprogskole": (61_600, 440)},
}


# Monthly amounts for the economy page: the demo's own made-up "demo-satser", not the
# ministry's table of rates (Jobbro ships none and cannot fetch it; a municipality enters the
# year's table on /lov/beloeb/). The source says so on the page.
DEMO_SOURCE = "demo-satser: demoens opdigtede eksempelbeløb, ikke Beskæftigelsesministeriets satser"
DEMO_AMOUNTS = {
    "kontanthjaelp": (dt.date(2025, 7, 1), 12_550),
    "selvforsoergelsesydelse": (dt.date(2020, 1, 1), 6_540),
    "overgangsydelse": (dt.date(2020, 1, 1), 8_980),
    "integrationsydelse": (dt.date(2015, 9, 1), 6_210),
    "uddannelseshjaelp": (dt.date(2014, 1, 1), 6_020),
}
SELF_SUPPORTING_AFTER = (EndReason.ORDINARY_JOB, EndReason.OWN_BUSINESS, EndReason.COMPLETED)


def _economy(rng: random.Random, today: dt.date) -> None:
    """The benefit amounts (the demo's), and participants who left for work become
    self-supporting from the day after (through the law's service, which ends the benefit
    period before)."""
    from django.core.exceptions import ValidationError

    from jobbro.law.models import Benefit, BenefitAmount
    from jobbro.law.services import benefit_amount_save, benefit_period_add

    for code, (since, monthly) in DEMO_AMOUNTS.items():
        benefit = Benefit.objects.get(code=code)
        if BenefitAmount.objects.filter(benefit=benefit, rate=None).exists():
            continue  # a rebuilt demo keeps the amounts it entered
        # Through the amounts' page's service (law.services), logged as entered by nobody:
        # the build is not an administrator's act, and an entry naming a demo user would
        # keep `demo_data --reset` from deleting that user.
        benefit_amount_save(
            amount=BenefitAmount(
                benefit=benefit, rate=None, valid_from=since, monthly=monthly, source=DEMO_SOURCE
            ),
            by=None,
        )
    self_supporting = Benefit.objects.get(code="selvforsoergende")
    ended = (
        Enrolment.objects.filter(
            programme__code__in=DEMO_PROGRAMMES, end_reason__in=SELF_SUPPORTING_AFTER
        )
        .exclude(citizen__benefit_periods__benefit=self_supporting)
        .select_related("citizen__case_worker")
        .order_by("pk")
    )
    for enrolment in ended:
        if enrolment.end_reason == EndReason.COMPLETED and rng.random() < 0.7:
            continue  # most who complete a course are not in work the day after
        assert enrolment.ends_on is not None
        starts_on = enrolment.ends_on + dt.timedelta(days=1)
        if starts_on > today or enrolment.citizen.case_worker is None:
            continue
        try:
            benefit_period_add(
                citizen=enrolment.citizen,
                by=enrolment.citizen.case_worker,
                benefit=self_supporting,
                starts_on=starts_on,
            )
        except ValidationError:
            continue  # a later period already (sickness, maternity): the law's rule holds


def _describe(rng: random.Random) -> None:
    """The ambassador fills in what the shipped descriptions leave open, through the
    services (so the programme's change log shows it): the practices each builds on,
    amounts on the cost lines, and the hours of the staff line."""
    from jobbro.programmes.services import programme_part_save

    ambassador = User.objects.filter(role=Role.AMBASSADOR).order_by("pk").first()
    if ambassador is None:
        return
    for code, numbers in DEMO_PRACTICES.items():
        programme = Programme.objects.get(code=code)
        programme.practices.set(Practice.objects.filter(number__in=numbers))
    for code, lines in DEMO_COSTS.items():
        programme = Programme.objects.get(code=code)
        for line in programme.cost_lines.filter(item__in=lines, amount__isnull=True):
            amount, hours = lines[line.item]
            line.amount = Decimal(amount + rng.randrange(0, 10) * 100)
            line.hours = None if hours is None else Decimal(hours)
            programme_part_save(
                programme=programme, row=line, version=programme.version, by=ambassador
            )


def _intro_course(people: _People, today: dt.date, teachers) -> None:
    """The intro course's continuous intake: everyone whose effort started in the last 8
    weeks, for 4 weeks from that day."""
    intro = Programme.objects.get(code="introforloeb")
    starts = _monday(today - dt.timedelta(weeks=8))
    _redate(intro, starts)
    recent = [(pk, day) for pk, _w, day in people.rows if day >= starts]
    cohort = Cohort.objects.create(
        programme=intro,
        name="Løbende optag",
        starts_on=starts,
        intake=Intake.CONTINUOUS,
        capacity=max(1, len(recent)),
        schedule="Mandag–torsdag kl. 9–14",
        location="Jobcentret",
    )
    cohort.teachers.set(teachers)
    rows = []
    for pk, day in recent:
        ends = day + dt.timedelta(weeks=4)
        done = ends < today
        rows.append(
            Enrolment(
                citizen_id=pk,
                programme=intro,
                cohort=cohort,
                starts_on=day,
                ends_on=ends if done else None,
                end_reason=EndReason.COMPLETED if done else "",
            )
        )
    bulk.create(rows)


# Seed 004's outcome table: how 23 of the 41 ended; the other 18 are still in.
REINVESTMENT_ENDINGS = (
    [EndReason.OWN_BUSINESS] * 2
    + [EndReason.MOVED] * 3
    + [EndReason.SPOUSE_SUPPORTED] * 2
    + [EndReason.DECLINED] * 2
    + [EndReason.ORDINARY_EDUCATION] * 6
    + [EndReason.ORDINARY_JOB] * 6
    + [EndReason.FLEXJOB]
    + [EndReason.REPATRIATED]
)


# Seed 004's 18 still in ("0 er ansat i løntilskud, 5 i virksomhedspraktik uden sideløbende
# småjob, 5 har småjobs og er sideløbende i virksomhedspraktik, 1 har barsel, 2 er i IGU,
# 5 ... mentor ... sundhedsvæsenet").
REINVESTMENT_STILL_IN = (
    ("maternity", 1),
    ("igu", 2),
    ("mentor_health", 5),
    ("internship_small_jobs", 5),
    ("internship", 5),
)


def _reinvestment(rng: random.Random, people: _People, today: dt.date) -> None:
    project = Programme.objects.get(code="geninvestering")
    handover = today - dt.timedelta(days=420)
    # The seed's period (01.10.2016–31.12.2017), moved: the same 15 months from the handover.
    _redate(project, handover, handover + dt.timedelta(days=456))
    # The 18 still in are in what seed 004 says (demo/goals.states_on): drawn first, from
    # those in it today; the 23 who ended from everyone else.
    states = states_on(today)
    before = {pk for pk, _w, started in people.rows if started < handover}
    taken: set[int] = set()
    still_in: list[int] = []
    for key, n in REINVESTMENT_STILL_IN:
        pool = [pk for pk in states.get(key, []) if pk in before and pk not in taken]
        chosen = rng.sample(pool, min(n, len(pool)))
        taken.update(chosen)
        still_in += chosen
    # Too few in one of them: others who are in one of 004's efforts today.
    active = sorted({pk for pks in states.values() for pk in pks if pk in before} - taken)
    more = rng.sample(active, min(len(active), 18 - len(still_in)))
    taken.update(more)
    still_in += more
    ended = people.draw(41 - len(still_in), handover, women=False, taken=taken)
    chosen_all = ended + still_in  # the endings go to the first 23
    later = set(rng.sample(chosen_all, min(10, len(chosen_all))))
    starts, k = [], 0
    for pk in chosen_all:
        if pk in later:
            starts.append((pk, handover + dt.timedelta(days=30 + 27 * k)))
            k += 1
        else:
            starts.append((pk, handover))
    rows = []
    for slot, (pk, starts_on) in enumerate(starts):
        reason = REINVESTMENT_ENDINGS[slot] if slot < len(REINVESTMENT_ENDINGS) else ""
        ends_on = None
        if reason:
            span = max(1, (today - starts_on).days - 30)
            ends_on = starts_on + dt.timedelta(days=21 + rng.randint(0, span))
        rows.append(
            Enrolment(
                citizen_id=pk,
                programme=project,
                starts_on=starts_on,
                ends_on=ends_on,
                end_reason=reason,
            )
        )
    bulk.create(rows)
