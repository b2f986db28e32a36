"""Who may see and change which assessment: built on citizens/access.py and
placements/access.py.

An assessment made in a placement is part of that placement: it opens through the
placement's rule (a company consultant only their own companies' placements). One made
outside any placement opens through its citizen. Those who work with assessments change
them in their own context; a stated reason opens them for reading only.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from jobbro.accounts.models import Role
from jobbro.audit.models import Purpose
from jobbro.citizens import access as citizen_access
from jobbro.citizens.access import Opened, ReasonRequired
from jobbro.citizens.models import Citizen
from jobbro.placements import access as placement_access
from jobbro.placements.models import Placement

from .models import Assessment
from .services import ASSESSMENT_ROLES


def may_assess(user, purpose: str) -> bool:
    """Create an assessment, enter scores, hand over the self-scoring page."""
    return user.role in ASSESSMENT_ROLES and purpose not in (Purpose.STATED, Purpose.MENTEE)


def assessments_for(user) -> QuerySet[Assessment]:
    """The assessments this user may see in lists: of the citizens they may see, and for a
    company consultant not those made in other companies' placements."""
    return _narrow(user, Assessment.objects.filter(citizen__in=citizen_access.citizens_for(user)))


def assessments_of(user, citizen: Citizen) -> QuerySet[Assessment]:
    """The assessments of a citizen this user has opened that they may see."""
    return _narrow(user, Assessment.objects.filter(citizen=citizen))


def _narrow(user, assessments: QuerySet[Assessment]) -> QuerySet[Assessment]:
    if user.role == Role.TEACHER:  # a programme's participants, few fields: no assessments
        return assessments.none()
    if user.role == Role.COMPANY_CONSULTANT:
        own = citizen_access.company_placements(user)
        return assessments.filter(Q(placement__isnull=True) | Q(placement__in=own))
    return assessments


def open_citizen_assessments(user, pk: int, *, for_change: bool = False) -> Opened[Citizen]:
    """A citizen opened for their assessments (the progression page, a new assessment)."""
    return citizen_access.open_citizen(user, pk, for_change=for_change, change_rule=may_assess)


def open_assessment(
    user, pk: int, *, for_change: bool = False, for_export: bool = False
) -> Opened[Assessment]:
    """The one way to open an assessment for a page. Http404, ReasonRequired or
    PermissionDenied as for open_citizen."""
    assessment = (
        Assessment.objects.select_related("version__instrument", "placement__company")
        .filter(pk=pk)
        .first()
    )
    if assessment is None:
        raise Http404
    through: Opened[Placement] | Opened[Citizen]
    try:
        if assessment.placement_id:
            through = placement_access.open_placement(user, assessment.placement_id)
            citizen = through.obj.citizen
        else:
            through = citizen_access.open_citizen(user, assessment.citizen_id)
            citizen = through.obj
    except ReasonRequired:
        if for_change or for_export:
            raise PermissionDenied from None
        raise
    assessment.citizen = citizen
    opened = Opened(
        assessment, citizen.pk, through.purpose, through.reason, may_assess(user, through.purpose)
    )
    return opened.refuse_unless(for_change=for_change, for_export=for_export)
