"""Who may see and change a citizen's week, work obligation and language school days.

Built on `jobbro/citizens/access.py`: the week is part of the citizen's personal data, so a
user sees it only when they may open the citizen (caseload, team, project, stated reason).
The case worker owns the work obligation and the schedule; the ambassador reads the
project's citizens' weeks.
"""

from django.http import Http404

from jobbro.accounts.models import Role
from jobbro.citizens import access as citizen_access
from jobbro.citizens.access import Opened
from jobbro.citizens.models import Citizen

# Who sees a citizen's week and work obligation.
WEEK_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR)
# Who sets the work obligation and the language school days: the case worker owns the case.
OBLIGATION_ROLES = (Role.CASE_WORKER,)


def open_citizen_week(user, pk: int, *, for_change: bool = False) -> Opened[Citizen]:
    """The one way to open a citizen's week, work obligation or language school days.

    Http404 when the user may not see the citizen, ReasonRequired when they may after
    stating a reason, PermissionDenied for a change (only the case worker, in their own
    context).
    """
    if user.role not in WEEK_ROLES:
        raise Http404
    return citizen_access.open_citizen(user, pk, for_change=for_change)


def week_citizens_for(user):
    """The citizens whose weeks this user may list: their own context (no stated reasons)."""
    if user.role not in WEEK_ROLES:
        return Citizen.objects.none()
    return citizen_access.citizens_for(user)
