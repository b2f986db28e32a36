"""Who may see and change a citizen's week, work obligation and language school days.

Built on `jobbro/citizens/access.py`: the week is part of the citizen's personal data, so a
user sees it only when they may open the citizen (caseload, team, project, stated reason).
The case worker owns the work obligation and the schedule; the ambassador reads the
project's citizens' weeks.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.http import Http404

from jobbro.accounts.models import Role
from jobbro.audit.models import Action, Purpose
from jobbro.audit.services import log_access
from jobbro.citizens import access as citizen_access
from jobbro.citizens.access import Opened
from jobbro.citizens.models import Citizen

# Who sees a citizen's week and work obligation.
WEEK_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR)
# Who sets the work obligation and the language school days: the case worker owns the case.
OBLIGATION_ROLES = (Role.CASE_WORKER,)


def open_citizen_week(
    user, pk: int, *, for_change: bool = False, for_export: bool = False
) -> Opened[Citizen]:
    """The one way to open a citizen's week, work obligation or language school days.

    Http404 when the user may not see the citizen, ReasonRequired when they may after
    stating a reason, PermissionDenied for a change (only the case worker, in their own
    context) or an export (the calendar file: own context only).
    """
    if user.role not in WEEK_ROLES:
        raise Http404
    return citizen_access.open_citizen(user, pk, for_change=for_change, for_export=for_export)


def week_citizens_for(user):
    """The citizens whose weeks this user may list: their own context (no stated reasons)."""
    if user.role not in WEEK_ROLES:
        return Citizen.objects.none()
    return citizen_access.citizens_for(user)


# Sessions and attendance -----------------------------------------------------------------------
# Teachers run their cohorts' sessions and record attendance; they see their participants'
# names only, logged with the purpose "programme". Case workers see their own citizens'
# attendance in the week and the flags, through the citizen rules above.
SESSION_ROLES = (Role.TEACHER,)
# What a teacher sees of a participant.
TEACHER_FIELDS = ("first_name", "last_name", "attendance")


def cohorts_for(user):
    from jobbro.programmes.models import Cohort

    if user.role not in SESSION_ROLES or not user.is_active:
        return Cohort.objects.none()
    return Cohort.objects.filter(teachers=user)


def sessions_for(user):
    from .models import Session

    return Session.objects.filter(cohort__in=cohorts_for(user))


@dataclass(frozen=True)
class OpenedSession:
    """A session (or a cohort) opened for a teacher: what it shows of which participants is
    logged with the purpose "programme"."""

    obj: Any

    def log(self, request, citizen_ids: Iterable[int], action: str = Action.LIST, fields=()):
        ids = sorted(set(citizen_ids))
        if ids:
            log_access(
                request,
                action=action,
                citizen_ids=ids,
                purpose=Purpose.PROGRAMME,
                fields=fields or TEACHER_FIELDS,
            )


def open_session(user, pk: int) -> OpenedSession:
    """The one way to open a session: its cohort's teacher, or Http404."""
    session = sessions_for(user).select_related("cohort__programme").filter(pk=pk).first()
    if session is None:
        raise Http404
    return OpenedSession(session)


def open_cohort(user, pk: int) -> OpenedSession:
    """The one way to open a cohort's sessions and rates: its teacher, or Http404."""
    cohort = cohorts_for(user).select_related("programme").filter(pk=pk).first()
    if cohort is None:
        raise Http404
    return OpenedSession(cohort)


# Sanction documentation ------------------------------------------------------------------------
# The case worker documents (seed 002: the job centre documents, the benefits office decides);
# a stated reason opens a case for reading only, and the hearing letter is an export.
SANCTION_ROLES = (Role.CASE_WORKER,)


def sanctions_for(user):
    from .models import SanctionCase

    if user.role not in SANCTION_ROLES:
        return SanctionCase.objects.none()
    return SanctionCase.objects.filter(citizen__in=citizen_access.citizens_for(user))


def open_sanction(user, pk: int, *, for_change: bool = False, for_export: bool = False):
    """The one way to open a sanction case: through its citizen (Http404, ReasonRequired or
    PermissionDenied as for the citizen). Returns (the case, the citizen's Opened)."""
    from .models import SanctionCase

    case = SanctionCase.objects.filter(pk=pk).first()
    if case is None or user.role not in SANCTION_ROLES:
        raise Http404
    opened = citizen_access.open_citizen(
        user, case.citizen_id, for_change=for_change, for_export=for_export
    )
    return case, opened


def open_sanction_attachment(user, pk: int):
    """A file of a sanction case's documentation, to download (an export: the own context
    only). Returns (the attachment, the citizen's Opened)."""
    from .models import SanctionAttachment

    attachment = SanctionAttachment.objects.select_related("document").filter(pk=pk).first()
    if attachment is None or user.role not in SANCTION_ROLES:
        raise Http404
    _case, opened = open_sanction(user, attachment.document.case_id, for_export=True)
    return attachment, opened
