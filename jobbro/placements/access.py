"""Who may see and change which placement: built on jobbro/citizens/access.py.

A placement is part of its citizen's personal data, so a user sees it only when they may
open the citizen (caseload, team, project, stated reason), and a company consultant only
the placements at their own companies. Mentors see none.
"""

from django.db.models import Q
from django.http import Http404

from jobbro.accounts.models import Role
from jobbro.audit.models import Purpose
from jobbro.citizens import access as citizen_access
from jobbro.citizens.access import ReasonRequired  # noqa: F401 - raised through open_placement

from .models import Placement

# Who sees placements, plans and follow-ups at all.
READ_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR, Role.COMPANY_CONSULTANT)
# Who creates placements: the case worker owns the case.
CREATE_ROLES = (Role.CASE_WORKER,)
# Who changes placements and keeps plans, follow-ups, conversations, acute issues and
# retention plans: the case worker and the ambassador who follows the course.
WORK_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR)
# Who sees "who could move up".
MOVE_UP_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR)


def placements_for(user):
    """The placements this user may see in lists."""
    if user.role == Role.COMPANY_CONSULTANT:
        return Placement.objects.filter(company__key_account=user)
    if user.role not in WORK_ROLES:
        return Placement.objects.none()
    return Placement.objects.filter(citizen__in=citizen_access.citizens_for(user))


def purpose_for_listing(user) -> str:
    return {
        Role.CASE_WORKER: Purpose.CASELOAD,
        Role.AMBASSADOR: Purpose.PROJECT,
        Role.COMPANY_CONSULTANT: Purpose.COMPANY,
    }[user.role]


def open_placement(user, pk: int) -> tuple[Placement, str, str]:
    """The placement, the purpose and any stated reason; Http404 or ReasonRequired as for
    open_citizen."""
    placement = (
        Placement.objects.select_related("citizen", "company", "opening", "ambassador")
        .filter(pk=pk)
        .first()
    )
    if placement is None or user.role not in READ_ROLES:
        raise Http404
    _citizen, purpose, reason = citizen_access.open_citizen(user, placement.citizen_id)
    if purpose == Purpose.COMPANY and (
        not placement.company_id or placement.company.key_account_id != user.id
    ):
        raise Http404
    return placement, purpose, reason


def may_work(user, purpose: str) -> bool:
    return user.role in WORK_ROLES and purpose not in (Purpose.MENTEE, Purpose.COMPANY)


def may_create(user, purpose: str) -> bool:
    return user.role in CREATE_ROLES and purpose != Purpose.MENTEE


def visible_on_case_file(user, citizen, purpose: str):
    """The citizen's placements shown on their case file to this user."""
    placements = citizen.placements.select_related("company")
    if purpose == Purpose.COMPANY:
        return placements.filter(Q(company__key_account=user))
    return placements
