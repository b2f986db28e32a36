"""Who may hold and see the coordination meetings, and which persons on them.

- **Hold** (create a meeting, generate its agenda, write the minutes): the ambassador, who
  runs the meetings (seed 000 line ~101), and case workers. The agenda is generated from
  the context of whoever generates it (`citizens_for`: the ambassador's project, the case
  worker's caseload and team), so it never holds a person its holder could not see.
- **See**: those, the company consultants who attend, and the manager. Every such user sees
  every meeting, its date, participants and the number of items in each section; of the
  persons on it only those they may see themselves (`citizens_for`; a company consultant
  only the items of placements at their own companies), and decisions about a citizen
  likewise. The manager sees no person: numbers, and the decisions about no citizen.
- Teachers, mentors and administrators have no meetings (404).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from jobbro.accounts.models import Role
from jobbro.citizens import access as citizen_access
from jobbro.placements import access as placement_access

from .models import AgendaItem, Decision, Meeting

HOLD_ROLES = (Role.AMBASSADOR, Role.CASE_WORKER)
SEE_ROLES = (*HOLD_ROLES, Role.COMPANY_CONSULTANT, Role.MANAGER)


def may_hold(user) -> bool:
    return user.is_active and user.role in HOLD_ROLES


def meetings_for(user) -> QuerySet[Meeting]:
    if not user.is_active or user.role not in SEE_ROLES:
        return Meeting.objects.none()
    return Meeting.objects.all()


def open_meeting(user, pk: int, *, for_change: bool = False) -> Meeting:
    """The one way to open a meeting: Http404 for a role without meetings (or no such
    meeting), PermissionDenied when `for_change` and the user does not hold meetings."""
    meeting = meetings_for(user).filter(pk=pk).select_related("created_by").first()
    if meeting is None:
        raise Http404
    if for_change and not may_hold(user):
        raise PermissionDenied(_("Kun ambassadøren og sagsbehandlerne skriver møderne."))
    return meeting


def items_for(user, meeting: Meeting) -> QuerySet[AgendaItem]:
    """The agenda's items this user may see."""
    items = meeting.agenda.all()
    if user.role == Role.COMPANY_CONSULTANT:
        return items.filter(placement__in=placement_access.placements_for(user))
    return items.filter(citizen__in=citizen_access.citizens_for(user))


def decisions_for(user, meeting: Meeting) -> QuerySet[Decision]:
    """The minutes' decisions this user may see: those about no citizen, and those about
    a citizen the user may see."""
    return meeting.decisions.filter(
        Q(citizen__isnull=True) | Q(citizen__in=citizen_access.citizens_for(user))
    )
