"""Who may see which citizen, and why: the one place that decides it.

Every view, export and future API gets its citizens through `citizens_for` (lists) and
`open_citizen` (one citizen), so no page can forget the rules. `open_citizen` returns an
`Opened`: the citizen with the purpose (what the access log records), any stated reason,
and whether the user may change it; `opened.log(...)` writes the access log. `log_list`
logs the citizens a list shows. `placements/access.py` and `assessments/access.py` open
their objects the same way, on top of these rules.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.adminlog import log_grant, users_overseen_by
from jobbro.accounts.models import Role
from jobbro.audit.models import Action, Purpose
from jobbro.audit.services import log_access

from .models import AccessGrant, Citizen, TimelineEvent

T = TypeVar("T")


def ambassador_project_enrolments():
    """Enrolments in the ambassador project not ended: the ambassador's context."""
    from jobbro.programmes.access import ambassador_project_enrolments

    return ambassador_project_enrolments()


def taught_enrolments(user):
    """Enrolments not ended in the cohorts this teacher teaches: the teacher's context."""
    from jobbro.programmes.access import taught_enrolments

    return taught_enrolments(user)


def company_placements(user):
    """Placements, proposed or real, at the companies this consultant is key account for:
    the company consultant's whole context (cancelled placements are not in it)."""
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


def _caseload_owners(user):
    """The case workers whose caseloads a case worker sees: themselves and their team, as
    a subquery of user ids (one condition on the citizen's own indexed column)."""
    from jobbro.accounts.models import User

    owners = Q(pk=user.pk)
    if user.team_id:
        owners |= Q(team_id=user.team_id)
    return User.objects.filter(owners).values("pk")


def _context_q(user) -> Q | None:
    """The citizens in the user's own context, or None for none at all."""
    if user.role == Role.CASE_WORKER:
        # `case_worker__in=<own and team's users>`, not `case_worker=user OR
        # case_worker__team_id=team`: the OR across the join to users made the database
        # scan every citizen for the count, the filters and the page (issue 14).
        return Q(case_worker__in=_caseload_owners(user))
    if user.role == Role.AMBASSADOR:
        return Q(Exists(ambassador_project_enrolments().filter(citizen=OuterRef("pk"))))
    if user.role == Role.MENTOR:
        return Q(mentor=user)
    if user.role == Role.COMPANY_CONSULTANT:
        return Q(Exists(company_placements(user).filter(citizen=OuterRef("pk"))))
    if user.role == Role.TEACHER:
        return Q(Exists(taught_enrolments(user).filter(citizen=OuterRef("pk"))))
    # Managers and administrators see no personal data.
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
        case_worker = citizen.case_worker
        if user.team_id and case_worker is not None and case_worker.team_id == user.team_id:
            return Purpose.TEAM
    if (
        user.role == Role.AMBASSADOR
        and ambassador_project_enrolments().filter(citizen=citizen).exists()
    ):
        return Purpose.PROJECT
    if user.role == Role.MENTOR and citizen.mentor_id == user.id:
        return Purpose.MENTEE
    if (
        user.role == Role.COMPANY_CONSULTANT
        and company_placements(user).filter(citizen=citizen).exists()
    ):
        return Purpose.COMPANY
    if user.role == Role.TEACHER and taught_enrolments(user).filter(citizen=citizen).exists():
        return Purpose.PROGRAMME
    return None


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


def grants_overseen_by(user) -> QuerySet[AccessGrant]:
    """The stated-reason grants of the users a manager oversees (all users' for a manager
    without a team): shown with the citizen's id, never the name."""
    return AccessGrant.objects.filter(user__in=users_overseen_by(user))


class ReasonRequired(Exception):
    """The user may open this citizen, but only after stating a reason.

    Views let it propagate: `jobbro.citizens.middleware.ReasonRequiredMiddleware` turns it
    into a redirect to the reason page, in one place.
    """

    def __init__(self, citizen: Citizen):
        self.citizen = citizen


@dataclass(frozen=True)
class Opened(Generic[T]):
    """One object opened for a page: a citizen, a placement or an assessment.

    `purpose` and `reason` are what the access log records; `may_change` whether this user
    may change it (and whatever hangs off it), `may_export` whether they may take it out of
    Jobbro (data-subject export, print, PDF). A stated reason opens for reading only.
    """

    obj: T
    citizen_id: int
    purpose: str
    reason: str = ""
    may_change: bool = False

    @property
    def may_export(self) -> bool:
        return self.purpose != Purpose.STATED

    def log(self, request, action: str = Action.VIEW, fields: Iterable[str] = ()) -> None:
        log_access(
            request,
            action=action,
            citizen_ids=[self.citizen_id],
            purpose=self.purpose,
            reason=self.reason,
            fields=fields,
        )

    def refuse_unless(self, *, for_change: bool, for_export: bool) -> "Opened[T]":
        """Refuse (403) a change or an export this opening does not allow."""
        if for_change and not self.may_change:
            raise PermissionDenied(_("Du kan ikke ændre dette."))
        if for_export and not self.may_export:
            raise PermissionDenied(
                _("Med en begrundet adgang kan du kun læse sagen, ikke tage den ud.")
            )
        return self


def _own_context(purpose: str) -> bool:
    return purpose not in (Purpose.STATED, Purpose.MENTEE)


def may_edit(user, purpose: str) -> bool:
    """Whether this user may change a case file they opened for `purpose`: a case worker,
    in their own context (a stated reason opens for reading only)."""
    return user.role in EDIT_ROLES and _own_context(purpose)


def purpose_or_reason(user, citizen: Citizen, *, for_change: bool, for_export: bool):
    """(purpose, stated reason) for this user opening this citizen; Http404, ReasonRequired,
    or PermissionDenied for a change or an export a stated reason would not allow."""
    purpose = context_purpose(user, citizen)
    if purpose:
        return purpose, ""
    if user.role in MAY_STATE_REASON:
        if for_change or for_export:
            raise PermissionDenied(_("Du skal have borgeren i din egen sag for at gøre dette."))
        grant = active_grant(user, citizen)
        if grant:
            return Purpose.STATED, grant.reason
        raise ReasonRequired(citizen)
    raise Http404


def open_citizen(
    user,
    pk: int,
    *,
    for_change: bool = False,
    for_export: bool = False,
    change_rule: Callable[[Any, str], bool] = may_edit,
) -> Opened[Citizen]:
    """The one way to open a citizen for a page.

    Raises Http404 when the user may not see the citizen at all (so its existence is not
    revealed), ReasonRequired when they may after stating a reason, and PermissionDenied when
    `for_change` or `for_export` asks for more than this user may do with them. A change is
    to the case file unless `change_rule` (user, purpose) says who may make the page's
    change (e.g. `assessments.access.may_assess`).
    """
    citizen = Citizen.objects.select_related("case_worker", "mentor").filter(pk=pk).first()
    if citizen is None or not user.is_active:
        raise Http404
    purpose, reason = purpose_or_reason(user, citizen, for_change=for_change, for_export=for_export)
    opened = Opened(citizen, citizen.pk, purpose, reason, change_rule(user, purpose))
    return opened.refuse_unless(for_change=for_change, for_export=for_export)


def timeline_for(user, citizen: Citizen) -> QuerySet[TimelineEvent]:
    """The events of an opened citizen's timeline this user may see: all of them for those
    who work with the case file; for a company consultant only the events of their own
    companies' placements (not other companies' placements, nor the case file's own notes)."""
    events = TimelineEvent.objects.filter(citizen=citizen).select_related("actor")
    if user.role in CASE_FILE_ROLES:
        return events
    if user.role == Role.COMPANY_CONSULTANT:
        return events.filter(placement__in=company_placements(user))
    return events.none()


def reason_needed(user, pk: int) -> Citizen | None:
    """The citizen, when this user may open them only after stating a reason; None when they
    may open them already. Http404 when they may not at all."""
    try:
        open_citizen(user, pk)
    except ReasonRequired as e:
        return e.citizen
    return None


def look_up_outside(request, cpr: str) -> Citizen | None:
    """The citizen outside this user's context whose exact CPR number they searched, for
    the user to state a reason; None for a role that never states one, or no such citizen.
    Confirming that a CPR number exists is itself a disclosure: logged as a look-up."""
    if request.user.role not in MAY_STATE_REASON:
        return None
    outside = Citizen.objects.with_cpr(cpr).only("id").first()
    if outside:
        log_access(request, action=Action.SEARCH, citizen_ids=[outside.pk], purpose=Purpose.LOOKUP)
    return outside


def _purpose_case(user):
    """The purpose of each listed citizen, as a database expression (no citizen fetched)."""
    stated = Value(Purpose.STATED)
    if user.role == Role.CASE_WORKER:
        whens = [When(case_worker=user, then=Value(Purpose.CASELOAD))]
        if user.team_id:
            whens.append(When(case_worker__team_id=user.team_id, then=Value(Purpose.TEAM)))
        return Case(*whens, default=stated)
    if user.role == Role.AMBASSADOR:
        project = Exists(ambassador_project_enrolments().filter(citizen=OuterRef("pk")))
        return Case(When(project, then=Value(Purpose.PROJECT)), default=stated)
    if user.role == Role.MENTOR:
        return Case(When(mentor=user, then=Value(Purpose.MENTEE)), default=stated)
    if user.role == Role.COMPANY_CONSULTANT:
        company = Exists(company_placements(user).filter(citizen=OuterRef("pk")))
        return Case(When(company, then=Value(Purpose.COMPANY)), default=stated)
    if user.role == Role.TEACHER:
        taught = Exists(taught_enrolments(user).filter(citizen=OuterRef("pk")))
        return Case(When(taught, then=Value(Purpose.PROGRAMME)), default=stated)
    return stated


def log_list(
    request, citizen_ids: Iterable[int], action: str = Action.LIST, fields: Iterable[str] = ()
) -> None:
    """Log the citizens a list shows, each under the purpose that lets this user see them.

    Every list page calls this with the ids it shows. One query finds the purposes; no
    citizen is fetched (so nothing is decrypted that the page does not show).
    """
    ids = sorted(set(citizen_ids))
    if not ids:
        return
    rows = (
        Citizen.objects.filter(pk__in=ids)
        .annotate(opened_for=_purpose_case(request.user))
        .values_list("pk", "opened_for")
    )
    by_purpose: dict[str, list[int]] = {}
    for cid, purpose in rows:
        by_purpose.setdefault(purpose, []).append(cid)
    for purpose, pids in sorted(by_purpose.items()):
        log_access(request, action=action, citizen_ids=pids, purpose=purpose, fields=fields)


# Roles that see health notes and the benefit type: special-category and economic data that
# a company consultant following a placement does not need.
SENSITIVE_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR)


def sees_sensitive(user) -> bool:
    return user.role in SENSITIVE_ROLES


def sees_full_cpr(user) -> bool:
    return user.role in FULL_CPR_ROLES
