"""Reads of the law's reference data and of citizens' benefits and first offers."""

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from jobbro.lib.dates import add_years

from .models import BenefitPeriod, ProgrammeLaw

if TYPE_CHECKING:
    from jobbro.citizens.models import CitizenQuerySet

# Company-based offers (virksomhedsrettede tilbud) and work at a company: what ends the
# wait for the first offer. Education and other efforts are not company-based.
COMPANY_BASED = ("ordinary", "wage_subsidy", "internship", "igu", "small_job", "flexjob")


def receiving(code: str, day: dt.date | None = None) -> Q:
    """Citizens receiving the benefit `code` on `day` (today), for a filter."""
    periods = BenefitPeriod.objects.on(day or timezone.localdate()).filter(
        citizen=OuterRef("pk"), benefit__code=code
    )
    return Q(Exists(periods))


def current_benefit(citizen_id: int, day: dt.date | None = None) -> BenefitPeriod | None:
    return (
        BenefitPeriod.objects.on(day or timezone.localdate())
        .filter(citizen_id=citizen_id)
        .select_related("benefit", "rate")
        .first()
    )


def programme_on(day: dt.date) -> ProgrammeLaw | None:
    """The programme the law prescribed for a citizen taken over on `day`."""
    return ProgrammeLaw.objects.valid_on(day).first()


def _company_offer():
    from jobbro.placements.models import Placement, PlacementStatus

    return Placement.objects.filter(citizen=OuterRef("pk"), kind__in=COMPANY_BASED).exclude(
        status=PlacementStatus.CANCELLED
    )


def awaiting_first_offer(
    citizens: "CitizenQuerySet", today: dt.date | None = None, *, due: bool = False
) -> "CitizenQuerySet":
    """Open cases past their programme's deadline for the first company-based offer (one
    month under every programme so far) without one, within the programme's years; with
    `due`, already from the programme's target (2 weeks): the offer is due, or overdue.

    The deadline is the programme's in force on the day the citizen was settled, so a
    reform is a new ProgrammeLaw row: one range of settlement dates per programme."""
    today = today or timezone.localdate()
    ranges = Q(pk__in=[])
    for programme in ProgrammeLaw.objects.all():
        last_start = today
        target = programme.first_offer_target_days
        if due and target:
            last_start = today - dt.timedelta(days=target)
        else:
            while programme.first_offer_deadline(last_start) >= today:  # months vary
                last_start -= dt.timedelta(days=1)
        q = Q(
            settled_at__date__lte=last_start,
            settled_at__date__gt=add_years(today, -programme.max_years),
        )
        if programme.valid_from:
            q &= Q(settled_at__date__gte=programme.valid_from)
        if programme.valid_to:
            q &= Q(settled_at__date__lte=programme.valid_to)
        ranges |= q
    return citizens.open_cases().filter(ranges).exclude(Exists(_company_offer()))


@dataclass
class FirstOffer:
    programme: ProgrammeLaw
    starts_on: dt.date
    target: dt.date | None
    deadline: dt.date
    overdue: bool


def first_offer(citizen, today: dt.date | None = None) -> FirstOffer | None:
    """The case file's flag: the deadline of the first company-based offer, while none."""
    if not citizen.settled_at or citizen.is_closed:
        return None
    today = today or timezone.localdate()
    start = timezone.localtime(citizen.settled_at).date()
    programme = programme_on(start)
    if programme is None or add_years(start, programme.max_years) <= today:
        return None
    from jobbro.citizens.models import Citizen

    if Citizen.objects.filter(pk=citizen.pk).filter(Exists(_company_offer())).exists():
        return None
    target = (
        start + dt.timedelta(days=programme.first_offer_target_days)
        if programme.first_offer_target_days
        else None
    )
    deadline = programme.first_offer_deadline(start)
    return FirstOffer(programme, start, target, deadline, overdue=deadline < today)
