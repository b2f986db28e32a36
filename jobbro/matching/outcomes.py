"""How a placement turned out, for the evaluation and the score's past-outcome factors.

A placement "led to work" when it was paid work itself (ordinary work, a small job, IGU,
flexjob, wage subsidy, a leisure job), when it ended because the citizen got ordinary work,
or when the citizen had such a placement starting on or after its end. It "dropped" when it
was cancelled or broke off: the citizen or the company stopped it, or it did not suit the
citizen (the wrong matches the evaluation is there to find). An internship with paid hours
counts as paid hours; one that ended otherwise (as planned, illness, leave, a move) as ended.
"""

from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _

from jobbro.placements.models import EndReason, Placement, PlacementKind, PlacementStatus

PAID_WORK = (
    PlacementKind.ORDINARY,
    PlacementKind.SMALL_JOB,
    PlacementKind.IGU,
    PlacementKind.FLEXJOB,
    PlacementKind.WAGE_SUBSIDY,
    PlacementKind.LEISURE_JOB,
)
# End reasons that say the match broke off (dropped), and the one that says it led to work.
BROKE_OFF = (EndReason.CITIZEN_STOPPED, EndReason.COMPANY_STOPPED, EndReason.NOT_SUITABLE)
TO_WORK = EndReason.ORDINARY_JOB

JOB, PAID_HOURS, ENDED, DROPPED, ONGOING, NONE = (
    "job",
    "paid_hours",
    "ended",
    "dropped",
    "ongoing",
    "none",
)
LABELS = {
    JOB: _("Endte i arbejde"),
    PAID_HOURS: _("Lønnede timer"),
    ENDED: _("Afsluttet uden arbejde"),
    DROPPED: _("Faldet fra"),
    ONGOING: _("I gang eller aftalt"),
    NONE: _("Intet forløb"),
}


def later_work(prefix: str = "") -> Exists:
    """A paid placement of the same citizen starting on or after this one's end."""
    return Exists(
        Placement.objects.filter(
            citizen=OuterRef(f"{prefix}citizen"),
            kind__in=PAID_WORK,
            starts_on__gte=OuterRef(f"{prefix}ends_on"),
        ).exclude(status=PlacementStatus.CANCELLED)
    )


def outcome_case(prefix: str = "") -> Case:
    """The outcome of a placement as a database expression (`prefix` "placement__" from a
    row that points at one)."""
    p = prefix
    ended = Q(**{f"{p}status": PlacementStatus.ENDED})
    return Case(
        When(**{f"{p}isnull": True}, then=Value(NONE))
        if p
        else When(pk__isnull=True, then=Value(NONE)),
        When(Q(**{f"{p}status": PlacementStatus.CANCELLED}), then=Value(DROPPED)),
        When(ended & Q(**{f"{p}kind__in": PAID_WORK}), then=Value(JOB)),
        When(ended & Q(**{f"{p}end_reason": TO_WORK}), then=Value(JOB)),
        When(ended & Q(later_work(p)), then=Value(JOB)),
        When(ended & Q(**{f"{p}end_reason__in": BROKE_OFF}), then=Value(DROPPED)),
        When(ended & Q(**{f"{p}paid_hours_per_week__gt": 0}), then=Value(PAID_HOURS)),
        When(ended, then=Value(ENDED)),
        default=Value(ONGOING),
    )


def worked_q() -> Q:
    """Ended placements that led to work (for rates per company and occupation)."""
    return Q(status=PlacementStatus.ENDED) & (
        Q(kind__in=PAID_WORK) | Q(end_reason=TO_WORK) | Q(later_work())
    )
