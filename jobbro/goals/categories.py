"""Seed 004's outcome categories, mapped onto what Jobbro records: the one place that says
which recorded fact puts a citizen in which category.

Seed 004 ("Status pr. 30.11.2017") counts every citizen of the project's gross group once:
ended (own business, moved to another municipality, spouse-supported, did not want to take
part, ordinary education, ordinary work, flexjob, repatriated) or active (wage subsidy,
internship without small jobs, small jobs alongside an internship, maternity leave, IGU, a
mentor in close cooperation with the health service). Jobbro has no "status" field for
this; a citizen's category on a day follows from, in this order (the first that applies):

1. **The enrolment ended before the day** with one of 004's reasons
   (`programmes.EndReason`, whose values are the case file's `ClosingReason`s): that
   category. Ended for another reason (completed, illness, parental leave, deceased, other):
   "ended, other reason".
2. **The case is closed on the day** (`citizens.status`, the newest `StatusPeriod` covering
   it) with one of 004's reasons: that category; another reason: "ended, other reason".
3. **Paused for maternity leave** on the day: maternity leave.
4. **An IGU placement** running on the day (`placements.Placement`, status active or ended,
   started on or before the day, not ended before it): IGU.
5. **A wage-subsidy placement** running: wage subsidy.
6. **A mentor** assigned on the day (`cases.Mentorship`), or the case **paused for illness or
   treatment**: mentor and health. 004's five with "meget omfattende fysiske og psykiske
   begrænsninger" include two who have begun an internship a few hours a week, so this comes
   before the internships; the health service itself is not recorded (health notes are
   encrypted free text), so the mentor, or a pause for health, is what marks it.
7. **An internship** running with paid hours (`paid_hours_per_week` > 0) or beside a running
   small job: internship with small jobs; any other running internship: internship without.
8. Otherwise: "active, other or no recorded effort" (004 has none, but every citizen is
   counted once).

The population ("bruttogruppen") is every citizen with an enrolment in the programme that
started on or before the day, counted once (their latest such enrolment), ended or not.
"""

import datetime as dt

from django.db.models import (
    Case,
    CharField,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils.translation import gettext_lazy as _

from jobbro.citizens.status import CaseStatus, ClosingReason, PauseReason, StatusPeriod
from jobbro.placements.models import Placement, PlacementKind, PlacementStatus


class Outcome:
    """A category of seed 004's table: its key, its Danish label, ended or active."""

    def __init__(self, key: str, label, ended: bool, in_seed: bool = True):
        self.key, self.label, self.ended, self.in_seed = key, label, ended, in_seed

    def __repr__(self) -> str:
        return f"Outcome({self.key!r})"


# In seed 004's order ("Af den samlede målgruppe er ...").
OWN_BUSINESS = Outcome("own_business", _("Afsluttet: har startet egen virksomhed"), True)
MOVED = Outcome("moved", _("Flyttet til anden kommune"), True)
SPOUSE_SUPPORTED = Outcome("spouse_supported", _("Afsluttet: ægtefælleforsørget"), True)
DECLINED = Outcome("declined", _("Afsluttet: ønskede ikke at deltage i indsatsen"), True)
EDUCATION = Outcome("ordinary_education", _("Afsluttet til ordinær uddannelse"), True)
ORDINARY_JOB = Outcome("ordinary_job", _("Afsluttet til ordinært arbejde"), True)
FLEXJOB = Outcome("flexjob", _("Afsluttet til fleksjob"), True)
REPATRIATED = Outcome("repatriated", _("Repatrieret"), True)
ENDED_OTHER = Outcome("ended_other", _("Afsluttet af anden årsag"), True, in_seed=False)
WAGE_SUBSIDY = Outcome("wage_subsidy", _("Ansat i løntilskud"), False)
INTERNSHIP = Outcome("internship", _("I virksomhedspraktik uden sideløbende småjob"), False)
INTERNSHIP_SMALL_JOBS = Outcome(
    "internship_small_jobs", _("Har småjobs og er sideløbende i virksomhedspraktik"), False
)
MATERNITY = Outcome("maternity", _("Har barsel"), False)
IGU = Outcome("igu", _("Er i IGU"), False)
MENTOR_HEALTH = Outcome("mentor_health", _("Mentor i tæt samarbejde med sundhedsvæsenet"), False)
ACTIVE_OTHER = Outcome(
    "active_other", _("I gang: anden eller ingen registreret indsats"), False, in_seed=False
)

OUTCOMES = [
    OWN_BUSINESS,
    MOVED,
    SPOUSE_SUPPORTED,
    DECLINED,
    EDUCATION,
    ORDINARY_JOB,
    FLEXJOB,
    REPATRIATED,
    ENDED_OTHER,
    WAGE_SUBSIDY,
    INTERNSHIP,
    INTERNSHIP_SMALL_JOBS,
    MATERNITY,
    IGU,
    MENTOR_HEALTH,
    ACTIVE_OTHER,
]
BY_KEY = {o.key: o for o in OUTCOMES}
ENDED = [o for o in OUTCOMES if o.ended]
ACTIVE = [o for o in OUTCOMES if not o.ended]
# Ended to work or education (the "60 % i arbejde eller uddannelse" of seed 000).
TO_WORK_OR_EDUCATION = (ORDINARY_JOB, EDUCATION, FLEXJOB, OWN_BUSINESS)

# Rule 1 and 2: the recorded reason (an enrolment's end reason or a case's closing reason,
# the same values) → the category. Any other reason is ENDED_OTHER.
BY_REASON = {
    ClosingReason.OWN_BUSINESS: OWN_BUSINESS,
    ClosingReason.MOVED: MOVED,
    ClosingReason.SPOUSE_SUPPORTED: SPOUSE_SUPPORTED,
    ClosingReason.DECLINED: DECLINED,
    ClosingReason.ORDINARY_EDUCATION: EDUCATION,
    ClosingReason.ORDINARY_JOB: ORDINARY_JOB,
    ClosingReason.FLEXJOB: FLEXJOB,
    ClosingReason.REPATRIATED: REPATRIATED,
}
# Rule 6: pauses that count as health.
HEALTH_PAUSES = (PauseReason.ILLNESS, PauseReason.TREATMENT)
# Placements that ran (or run) on a day: agreed or proposed ones did not start.
RAN = (PlacementStatus.ACTIVE, PlacementStatus.ENDED)


def running_on(day: dt.date, citizen_ref: str = "citizen") -> QuerySet[Placement]:
    """The outer row's citizen's placements running on `day`."""
    return Placement.objects.filter(
        citizen=OuterRef(citizen_ref), status__in=RAN, starts_on__lte=day
    ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))


def _case_on(day: dt.date, field: str) -> Subquery:
    rows = (
        StatusPeriod.objects.filter(citizen=OuterRef("citizen"), starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .order_by("-id")
    )
    return Subquery(rows.values(field)[:1])


def with_outcome(enrolments: QuerySet, day: dt.date) -> QuerySet:
    """Each enrolment with `outcome`: its citizen's category key on `day` (rules above), in
    the database."""
    from jobbro.cases.models import Mentorship

    running = running_on(day)
    mentor = Mentorship.objects.filter(citizen=OuterRef("citizen"), starts_on__lte=day).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=day)
    )
    rows = enrolments.annotate(
        case_status=_case_on(day, "status"),
        case_closing=_case_on(day, "closing_reason"),
        case_pause=_case_on(day, "pause_reason"),
        in_igu=Exists(running.filter(kind=PlacementKind.IGU)),
        in_wage_subsidy=Exists(running.filter(kind=PlacementKind.WAGE_SUBSIDY)),
        has_mentor=Exists(mentor),
        in_internship=Exists(running.filter(kind=PlacementKind.INTERNSHIP)),
        with_paid_hours=Exists(
            running.filter(kind=PlacementKind.INTERNSHIP, paid_hours_per_week__gt=0)
        ),
        in_small_job=Exists(running.filter(kind=PlacementKind.SMALL_JOB)),
    )
    ended = Q(ends_on__lt=day)
    closed = Q(case_status=CaseStatus.CLOSED)
    whens = [
        *(When(ended & Q(end_reason=r), then=Value(o.key)) for r, o in BY_REASON.items()),
        When(ended, then=Value(ENDED_OTHER.key)),
        *(When(closed & Q(case_closing=r), then=Value(o.key)) for r, o in BY_REASON.items()),
        When(closed, then=Value(ENDED_OTHER.key)),
        When(
            Q(case_status=CaseStatus.PAUSED, case_pause=PauseReason.MATERNITY),
            then=Value(MATERNITY.key),
        ),
        When(in_igu=True, then=Value(IGU.key)),
        When(in_wage_subsidy=True, then=Value(WAGE_SUBSIDY.key)),
        When(
            Q(has_mentor=True) | Q(case_status=CaseStatus.PAUSED, case_pause__in=HEALTH_PAUSES),
            then=Value(MENTOR_HEALTH.key),
        ),
        When(
            Q(in_internship=True) & (Q(with_paid_hours=True) | Q(in_small_job=True)),
            then=Value(INTERNSHIP_SMALL_JOBS.key),
        ),
        When(in_internship=True, then=Value(INTERNSHIP.key)),
    ]
    return rows.annotate(
        outcome=Case(*whens, default=Value(ACTIVE_OTHER.key), output_field=CharField())
    )


def gross_group(enrolments: QuerySet, day: dt.date) -> QuerySet:
    """The programme's gross group on `day`: each citizen's latest enrolment that started on
    or before it (so every citizen is counted once, ended or not)."""
    from jobbro.programmes.models import Enrolment

    later = Enrolment.objects.filter(
        citizen=OuterRef("citizen"), programme=OuterRef("programme"), starts_on__lte=day
    ).filter(
        Q(starts_on__gt=OuterRef("starts_on"))
        | Q(starts_on=OuterRef("starts_on"), pk__gt=OuterRef("pk"))
    )
    return enrolments.filter(starts_on__lte=day).exclude(Exists(later))
