"""The priority staircase (prioriteringstrappen, seed 000 line ~137).

From the top: ordinary work; wage subsidy in a private company; wage subsidy in a public
one; internship in a private company; internship in a public one; other development
efforts incl. utility work. "Always as high as possible."

The other kinds of placement are shown as what they are, and rank for the citizen's
current step by this rule (documented in docs/architecture.md):

- small jobs (paid hours) and leisure jobs are ordinary paid work: step 1, whatever the
  hours. An internship combined with paid hours stays an internship (step 4 or 5) and is
  shown as "with paid hours" (002, Nordfyns);
- IGU and flexjob are paid employment with public support, like wage subsidy: step 2 in
  a private company, 3 in a public one;
- education (VUC, FVU) is a development effort: step 6;
- a placement without a company, or at one whose sector is not known, ranks as public
  (the lower step): a step is only claimed when it is known.

A citizen's current step is the highest (lowest number) among their active placements.

"Who could move up" (`could_move_up`) are the active placements that should be talked
about: an internship of LONG_INTERNSHIP_WEEKS without paid hours (seed 002, Nordfyns: an
internship should lead to paid hours), an internship in a public company while private
internship places are free, and wage subsidy for more than LONG_WAGE_SUBSIDY_WEEKS.
"""

import datetime as dt

from django.db.models import Case, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobbro.companies.models import Opening, OpeningKind, Sector

from .models import Placement, PlacementKind, PlacementStatus, Step

ORDINARY_KINDS = (PlacementKind.ORDINARY, PlacementKind.SMALL_JOB, PlacementKind.LEISURE_JOB)
SUBSIDISED_KINDS = (PlacementKind.WAGE_SUBSIDY, PlacementKind.IGU, PlacementKind.FLEXJOB)
DEVELOPMENT_KINDS = (PlacementKind.OTHER_EFFORT, PlacementKind.EDUCATION)


def step_for(kind: str, sector: str | None) -> Step:
    """The step a placement of this kind at a company of this sector stands on."""
    private = sector == Sector.PRIVATE
    if kind in ORDINARY_KINDS:
        return Step.ORDINARY
    if kind in SUBSIDISED_KINDS:
        return Step.WAGE_SUBSIDY_PRIVATE if private else Step.WAGE_SUBSIDY_PUBLIC
    if kind == PlacementKind.INTERNSHIP:
        return Step.INTERNSHIP_PRIVATE if private else Step.INTERNSHIP_PUBLIC
    return Step.OTHER_EFFORT


def placement_step(placement: Placement) -> Step:
    sector = placement.company.sector if placement.company is not None else None
    return step_for(placement.kind, sector)


def step_expression(prefix: str = "") -> Case:
    """step_for as a database expression, for annotating and ordering."""
    kind, sector = f"{prefix}kind", f"{prefix}company__sector"
    private = Q(**{sector: Sector.PRIVATE})
    return Case(
        When(Q(**{f"{kind}__in": ORDINARY_KINDS}), then=Value(Step.ORDINARY.value)),
        When(
            Q(**{f"{kind}__in": SUBSIDISED_KINDS}) & private,
            then=Value(Step.WAGE_SUBSIDY_PRIVATE.value),
        ),
        When(Q(**{f"{kind}__in": SUBSIDISED_KINDS}), then=Value(Step.WAGE_SUBSIDY_PUBLIC.value)),
        When(
            Q(**{kind: PlacementKind.INTERNSHIP}) & private,
            then=Value(Step.INTERNSHIP_PRIVATE.value),
        ),
        When(Q(**{kind: PlacementKind.INTERNSHIP}), then=Value(Step.INTERNSHIP_PUBLIC.value)),
        default=Value(Step.OTHER_EFFORT.value),
        output_field=IntegerField(),
    )


def with_current_step(citizens):
    """Annotate citizens with current_step (int or None) and current_kind: two subqueries,
    so a list page keeps its query count whatever its length."""
    top = (
        Placement.objects.filter(citizen=OuterRef("pk"), status=PlacementStatus.ACTIVE)
        .annotate(step=step_expression())
        .order_by("step", "-starts_on", "-id")
    )
    return citizens.annotate(
        current_step=Subquery(top.values("step")[:1]),
        current_kind=Subquery(top.values("kind")[:1]),
    )


def kind_label(kind: str, paid_hours=0) -> str:
    """What the placement is, e.g. "Virksomhedspraktik med lønnede timer"."""
    if kind == PlacementKind.INTERNSHIP and paid_hours:
        return _("Virksomhedspraktik med lønnede timer")
    return str(PlacementKind(kind).label)


# Short labels for table columns, where the full step names would crowd the row.
SHORT_LABELS = {
    Step.ORDINARY: gettext_lazy("ordinært arbejde"),
    Step.WAGE_SUBSIDY_PRIVATE: gettext_lazy("løntilskud, privat"),
    Step.WAGE_SUBSIDY_PUBLIC: gettext_lazy("løntilskud, offentlig"),
    Step.INTERNSHIP_PRIVATE: gettext_lazy("praktik, privat"),
    Step.INTERNSHIP_PUBLIC: gettext_lazy("praktik, offentlig"),
    Step.OTHER_EFFORT: gettext_lazy("øvrige indsatser"),
}


# Kinds on a step that is named for another kind (IGU and flexjob stand on the wage-subsidy
# steps, a small job on ordinary work, education on the last step): they are named as what
# they are, so an IGU is never called "løntilskud".
NAMED_AS_KIND = (
    PlacementKind.IGU,
    PlacementKind.FLEXJOB,
    PlacementKind.SMALL_JOB,
    PlacementKind.LEISURE_JOB,
    PlacementKind.EDUCATION,
)


def describe_step(step: int | None, kind: str | None = None, *, short: bool = False) -> str:
    """'Trin 4: Virksomhedspraktik i privat virksomhed', or 'Trin 2: IGU-forløb' for the
    kinds named as what they are. Short: 'Trin 4 · praktik, privat'."""
    if step is None:
        return _("Ikke placeret")
    if kind in NAMED_AS_KIND:
        label = str(PlacementKind(kind).label)
    else:
        label = str(SHORT_LABELS[Step(step)] if short else Step(step).label)
    if short:
        return _("Trin %(n)s · %(label)s") % {"n": step, "label": label}
    return _("Trin %(n)s: %(label)s") % {"n": step, "label": label}


# Who could move up ----------------------------------------------------------------------

LONG_INTERNSHIP_WEEKS = 8
LONG_WAGE_SUBSIDY_WEEKS = 26


def private_internships_free(today: dt.date) -> bool:
    """Free internship places at private companies today, as the job bank counts them
    (open, cooperating company, running today, capacity left)."""
    return (
        Opening.objects.free_now(today)
        .filter(kind=OpeningKind.INTERNSHIP, company__sector=Sector.PRIVATE)
        .exists()
    )


PAST_PLANNED_END = gettext_lazy(
    "Forløbet er over planlagt slutdato: afslut det, eller ret slutdatoen, hvis det fortsætter."
)


def could_move_up(placements: QuerySet, today: dt.date, *, free_private: bool) -> QuerySet:
    """The active placements among these that could move up the staircase."""
    long_internship = today - dt.timedelta(weeks=LONG_INTERNSHIP_WEEKS)
    long_subsidy = today - dt.timedelta(weeks=LONG_WAGE_SUBSIDY_WEEKS)
    q = Q(kind=PlacementKind.INTERNSHIP, paid_hours_per_week=0, starts_on__lte=long_internship)
    q |= Q(kind=PlacementKind.WAGE_SUBSIDY, starts_on__lte=long_subsidy)
    q |= Q(ends_on__lt=today)  # past its planned end: flagged, not counted on
    if free_private:
        q |= Q(kind=PlacementKind.INTERNSHIP) & ~Q(company__sector=Sector.PRIVATE)
    return placements.filter(status=PlacementStatus.ACTIVE).filter(q)


def move_up_reasons(placement: Placement, today: dt.date, *, free_private: bool) -> list[str]:
    """Why this placement is on "who could move up", in Danish, one line per reason."""
    if placement.past_planned_end(today):
        # Counting on would say "478 uger i praktik": the course is over or its end was
        # not recorded, and that is what to look at.
        return [str(PAST_PLANNED_END)]
    reasons = []
    internship = placement.kind == PlacementKind.INTERNSHIP
    weeks = (today - placement.starts_on).days // 7
    if internship and not placement.paid_hours_per_week and weeks >= LONG_INTERNSHIP_WEEKS:
        reasons.append(
            _("%(w)s uger i praktik uden lønnede timer: tal om lønnede timer eller løntilskud.")
            % {"w": weeks}
        )
    public = placement.company is None or placement.company.sector != Sector.PRIVATE
    if internship and free_private and public:
        reasons.append(_("Praktik i offentlig virksomhed; der er ledige private praktikpladser."))
    if placement.kind == PlacementKind.WAGE_SUBSIDY and weeks >= LONG_WAGE_SUBSIDY_WEEKS:
        reasons.append(_("Over et halvt år i løntilskud: er der et ordinært job?"))
    return reasons
