"""Who may see and change which placement: built on jobbro/citizens/access.py.

A placement is part of its citizen's personal data, so a user sees it only when they may
open the citizen (caseload, team, project, stated reason), and a company consultant only
the placements at their own companies that are not cancelled. Mentors see none. Lists
(`placements_for`), the case file's section (`placements_on_case_file`) and the pages about
one placement (`open_placement`) all follow this one rule, so they agree.
"""

from django.http import Http404

from jobbro.accounts.models import Role
from jobbro.audit.models import Purpose
from jobbro.citizens import access as citizen_access
from jobbro.citizens.access import Opened

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
        return citizen_access.company_placements(user)
    if user.role not in WORK_ROLES:
        return Placement.objects.none()
    return Placement.objects.filter(citizen__in=citizen_access.citizens_for(user))


def placements_on_case_file(user, citizen):
    """The placements of a citizen this user has opened that they may see: all of them for
    those who work with the case file, a company consultant only their own companies'."""
    if user.role == Role.COMPANY_CONSULTANT:
        return citizen_access.company_placements(user).filter(citizen=citizen)
    return citizen.placements.all()


def may_work(user, purpose: str) -> bool:
    """Changes to a placement and what hangs off it: the case worker and the ambassador, in
    their own context (a stated reason opens for reading only)."""
    return user.role in WORK_ROLES and purpose not in (
        Purpose.MENTEE,
        Purpose.COMPANY,
        Purpose.STATED,
    )


def may_create(user, purpose: str) -> bool:
    return user.role in CREATE_ROLES and purpose not in (Purpose.MENTEE, Purpose.STATED)


def open_placement(
    user, pk: int, *, for_change: bool = False, for_export: bool = False
) -> Opened[Placement]:
    """The one way to open a placement (and its plan, follow-ups, acute issues, retention
    plan and progression) for a page.

    Http404 when the user may not see it, ReasonRequired when they may after stating a
    reason for its citizen, PermissionDenied for a change or export they may not make.
    """
    placement = (
        Placement.objects.select_related("citizen__case_worker", "company", "opening", "ambassador")
        .filter(pk=pk)
        .first()
    )
    if placement is None or user.role not in READ_ROLES or not user.is_active:
        raise Http404
    if user.role == Role.COMPANY_CONSULTANT:
        if not citizen_access.company_placements(user).filter(pk=pk).exists():
            raise Http404
        purpose, reason = Purpose.COMPANY, ""
    else:
        purpose, reason = citizen_access.purpose_or_reason(
            user, placement.citizen, for_change=for_change, for_export=for_export
        )
    opened = Opened(placement, placement.citizen_id, purpose, reason, may_work(user, purpose))
    return opened.refuse_unless(for_change=for_change, for_export=for_export)
