"""Who may use matching for which citizen, and why: the one place that decides it.

* Ambassadors: the project's citizens (as `citizens.access`), to match, decide and edit the
  matching profile.
* Case workers: their own caseload only (PRODUCT.md: the case worker owns it), the same.
* Company consultants: only citizens who consented to their information being shared with
  companies (`Citizen.consent_share_with_companies`), whose matching profile they read
  (never the reservations note) and for whom they decide suggestions; the access log names
  the purpose "matching". They never see the case file through matching.
* Administrators set the weights and the distance table; they see no citizen.
* Managers see the evaluation (aggregates, bands under 5 folded).
Others do not use matching.

Only active cases are matched: a closed case leaves matching altogether, and a paused one
(barsel, sygdom, ...) keeps its profile and history but gets no suggestions, is nobody's
candidate for an opening and is left out of the caseload proposal (`match_candidates_for`).
"""

from django.db.models import QuerySet
from django.http import Http404

from jobbro.accounts.models import Role
from jobbro.audit.models import Action, Purpose
from jobbro.audit.services import log_access
from jobbro.citizens.access import Opened, citizens_for
from jobbro.citizens.models import Citizen
from jobbro.citizens.status import CaseStatus
from jobbro.companies import access as company_access
from jobbro.companies.models import Opening

from .models import ProposalRun

MATCH_ROLES = (Role.AMBASSADOR, Role.COMPANY_CONSULTANT, Role.CASE_WORKER)
PROFILE_ROLES = (Role.AMBASSADOR, Role.CASE_WORKER)  # edit the profile, read reservations
CONFIG_ROLES = (Role.ADMINISTRATOR,)  # weights and distances
EVALUATION_ROLES = (Role.AMBASSADOR, Role.COMPANY_CONSULTANT, Role.MANAGER)
OCCUPATION_ROLES = (*MATCH_ROLES, Role.ADMINISTRATOR)


def purpose(user) -> str:
    return {
        Role.AMBASSADOR: Purpose.PROJECT,
        Role.CASE_WORKER: Purpose.CASELOAD,
        Role.COMPANY_CONSULTANT: Purpose.MATCHING,
    }[user.role]


def match_citizens_for(user) -> QuerySet[Citizen]:
    """The citizens this user may match, in lists, proposals and suggestions per opening.
    Closed cases are matched no more (citizens.models: open_cases)."""
    return _in_context(user, Citizen.objects.open_cases())


def match_candidates_for(user) -> QuerySet[Citizen]:
    """Of `match_citizens_for`, those whose case is active today: the only ones suggested,
    offered to an opening or put in a proposal (a paused case is not matched)."""
    return _in_context(user, Citizen.objects.with_status(CaseStatus.ACTIVE))


def _in_context(user, cases: QuerySet[Citizen]) -> QuerySet[Citizen]:
    if not user.is_authenticated or not user.is_active or user.role not in MATCH_ROLES:
        return Citizen.objects.none()
    if user.role == Role.AMBASSADOR:
        return cases.filter(pk__in=citizens_for(user).values("pk"))
    if user.role == Role.CASE_WORKER:
        return cases.filter(case_worker=user)
    return cases.filter(consent_share_with_companies=True)


def is_matchable(citizen: Citizen) -> bool:
    """Whether one citizen opened by `open_match_citizen` may get suggestions today."""
    return citizen.current_status == CaseStatus.ACTIVE


def open_match_citizen(user, pk: int, *, for_change: bool = False) -> Opened[Citizen]:
    """One citizen for a matching page: Http404 outside `match_citizens_for` (nobody is sent
    to state a reason here: matching is only for one's own context). `may_change` is whether
    the user may edit the profile; deciding a suggestion is open to every matching role."""
    citizen = (
        match_citizens_for(user)
        .select_related("match_profile", "match_profile__town")
        .filter(pk=pk)
        .first()
    )
    if citizen is None:
        raise Http404
    opened = Opened(citizen, citizen.pk, purpose(user), "", user.role in PROFILE_ROLES)
    return opened.refuse_unless(for_change=for_change, for_export=False)


def open_match_opening(user, pk: int) -> Opening:
    """An opening for its suggestions: the same rule as its company in the job bank."""
    if user.role not in MATCH_ROLES:
        raise Http404
    opening = Opening.objects.select_related("company").filter(pk=pk).first()
    if opening is None:
        raise Http404
    company_access.open_company(user, opening.company_id)
    return opening


def proposal_runs_for(user) -> QuerySet[ProposalRun]:
    """A user's own caseload proposals: a run holds citizens' ids, shown only through
    `match_citizens_for` (selectors.proposal_rows)."""
    return ProposalRun.objects.filter(created_by=user)


def open_proposal_run(user, pk: int) -> ProposalRun:
    run = proposal_runs_for(user).filter(pk=pk).first()
    if run is None:
        raise Http404
    return run


def log_list(request, citizen_ids, action: str = Action.LIST, fields=()) -> None:
    """Log the citizens a matching page shows, under this user's matching purpose."""
    ids = sorted(set(citizen_ids))
    if ids:
        log_access(
            request, action=action, citizen_ids=ids, purpose=purpose(request.user), fields=fields
        )


def sees_reservations(user) -> bool:
    return user.role in PROFILE_ROLES
