"""Who may see a citizen's trauma screening: decided here, and narrower than the case file.

A screening is health data (GDPR art. 9). It opens only to the citizen's own case worker
(not their team, not the project's ambassador, never on a stated reason) and to the users
that case worker has named for it (the colleague who screens, the cross-disciplinary team),
each with the reason written down. To everyone else the pages answer 404, so they do not
even reveal that a screening exists; the case file shows its link only to those who may
open it. Every view and change is logged (purpose "caseload" or "named").
"""

from django.http import Http404

from jobbro.accounts.models import Role
from jobbro.audit.models import Purpose
from jobbro.citizens.access import Opened
from jobbro.citizens.models import Citizen

from .models import NamedAccess

# Who may be named: the staff who screen and sit in the cross-disciplinary team. Company
# consultants, teachers, mentors and managers never see a screening.
NAMEABLE_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR)
FIELDS = ("trauma_screening",)


def _own_case_worker(user, citizen: Citizen) -> bool:
    return user.role == Role.CASE_WORKER and citizen.case_worker_id == user.pk


def _named(user, citizen_id: int) -> bool:
    return (
        user.role in NAMEABLE_ROLES
        and NamedAccess.objects.filter(
            citizen_id=citizen_id, user=user, ended_at__isnull=True
        ).exists()
    )


def may_open(user, citizen: Citizen) -> bool:
    """For the case file's link: whether `open_screening` would open this citizen's."""
    return user.is_active and (_own_case_worker(user, citizen) or _named(user, citizen.pk))


def open_screening(user, pk: int, *, for_naming: bool = False) -> Opened[Citizen]:
    """The one way to open a citizen's trauma screening. `for_naming`: to name or un-name
    users, which only the own case worker may."""
    citizen = Citizen.objects.filter(pk=pk).first()
    if citizen is None or not user.is_active:
        raise Http404
    if _own_case_worker(user, citizen):
        return Opened(citizen, citizen.pk, Purpose.CASELOAD, may_change=True)
    if not for_naming and _named(user, citizen.pk):
        return Opened(citizen, citizen.pk, Purpose.NAMED, may_change=True)
    raise Http404
