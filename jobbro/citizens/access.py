"""Who may see which citizen, and why: the one place that decides it.

Every view, export and future API gets its citizens through `citizens_for` (lists) and
`open_citizen` (one citizen), so no page can forget the rules. The purpose returned with a
citizen is what the access log records.
"""

import datetime as dt

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from jobbro.accounts.adminlog import log_grant
from jobbro.accounts.models import Role
from jobbro.audit.models import Purpose

from .models import AccessGrant, Citizen


def _company_placements(user):
    """Placements, proposed or real, at the companies this consultant is key account for."""
    from jobbro.placements.models import Placement, PlacementStatus

    return Placement.objects.filter(company__key_account=user).exclude(
        status=PlacementStatus.CANCELLED
    )


# Roles that may open a citizen outside their own context after stating a reason. Company
# consultants are not among them: they see the citizens placed or proposed at their
# companies, and no others.
MAY_STATE_REASON = (Role.CASE_WORKER, Role.AMBASSADOR)
# Roles that work with whole case files (lists, search, create).
CASE_FILE_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR)
# Roles that see the full CPR number; everyone else sees DDMMYY-XXXX.
FULL_CPR_ROLES = (Role.CASE_WORKER,)
# Roles that may edit a case file they can open.
# Ambassadors read the project's case files; the case worker owns them. The ambassador's
# own records (plans, follow-ups, assessments) come with those capabilities.
EDIT_ROLES = (Role.CASE_WORKER,)
CREATE_ROLES = (Role.CASE_WORKER,)


def _context_q(user) -> Q | None:
    """The citizens in the user's own context, or None for none at all."""
    if user.role == Role.CASE_WORKER:
        q = Q(case_worker=user)
        if user.team_id:
            q |= Q(case_worker__team_id=user.team_id)
        return q
    if user.role == Role.AMBASSADOR:
        return Q(in_project=True)
    if user.role == Role.MENTOR:
        return Q(mentor=user)
    if user.role == Role.COMPANY_CONSULTANT:
        return Q(Exists(_company_placements(user).filter(citizen=OuterRef("pk"))))
    # Teachers (programmes) get their context when that capability arrives; managers and
    # administrators see no personal data.
    return None


def citizens_for(user) -> QuerySet[Citizen]:
    """The citizens this user may see in lists, searches and exports."""
    if not user.is_authenticated or not user.is_active:
        return Citizen.objects.none()
    q = _context_q(user)
    if q is None:
        return Citizen.objects.none()
    return Citizen.objects.filter(q)


def context_purpose(user, citizen: Citizen) -> str | None:
    """Why this user may see this citizen without stating a reason, or None."""
    if user.role == Role.CASE_WORKER and citizen.case_worker_id is not None:
        if citizen.case_worker_id == user.id:
            return Purpose.CASELOAD
        if user.team_id and citizen.case_worker.team_id == user.team_id:
            return Purpose.TEAM
    if user.role == Role.AMBASSADOR and citizen.in_project:
        return Purpose.PROJECT
    if user.role == Role.MENTOR and citizen.mentor_id == user.id:
        return Purpose.MENTEE
    if (
        user.role == Role.COMPANY_CONSULTANT
        and _company_placements(user).filter(citizen=citizen).exists()
    ):
        return Purpose.COMPANY
    return None


def purposes_for(user, citizens) -> dict[int, str]:
    return {c.id: context_purpose(user, c) for c in citizens}


def active_grant(user, citizen: Citizen) -> AccessGrant | None:
    return (
        AccessGrant.objects.filter(user=user, citizen=citizen, expires_at__gt=timezone.now())
        .order_by("-granted_at")
        .first()
    )


def grant_access(user, citizen: Citizen, reason: str) -> AccessGrant:
    now = timezone.now()
    grant = AccessGrant.objects.create(
        user=user,
        citizen=citizen,
        reason=reason,
        granted_at=now,
        expires_at=now + dt.timedelta(hours=settings.ACCESS_GRANT_HOURS),
    )
    return log_grant(grant)  # in the administration log, for the user's manager


class ReasonRequired(Exception):
    """The user may open this citizen, but only after stating a reason."""

    def __init__(self, citizen: Citizen):
        self.citizen = citizen


def open_citizen(user, pk: int) -> tuple[Citizen, str, str]:
    """The citizen, the purpose and the stated reason (if any) for this user opening it.

    Raises Http404 when the user may not see the citizen at all (so its existence is not
    revealed) and ReasonRequired when they may after stating a reason.
    """
    citizen = Citizen.objects.select_related("case_worker", "mentor").filter(pk=pk).first()
    if citizen is None or not user.is_active:
        raise Http404
    purpose = context_purpose(user, citizen)
    if purpose:
        return citizen, purpose, ""
    if user.role in MAY_STATE_REASON:
        grant = active_grant(user, citizen)
        if grant:
            return citizen, Purpose.STATED, grant.reason
        raise ReasonRequired(citizen)
    raise Http404


# Roles that see health notes and the benefit type: special-category and economic data that
# a company consultant following a placement does not need.
SENSITIVE_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR)


def sees_sensitive(user) -> bool:
    return user.role in SENSITIVE_ROLES


def sees_full_cpr(user) -> bool:
    return user.role in FULL_CPR_ROLES


def may_edit(user, purpose: str) -> bool:
    return user.role in EDIT_ROLES and purpose != Purpose.MENTEE
