"""Who may see which programme, cohort and enrolment (docs/architecture.md, "Where access is
decided").

Programme descriptions hold no personal data: every role that works with programmes reads
them. A cohort's participants are personal data: `open_cohort` opens a cohort for a page and
says which of its participants this user may see, and with which fields. Which citizens a
user may see at all stays in `citizens/access.py`; the enrolments that make the ambassador's
and the teachers' context are the querysets below, which it uses.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.models import Role

from .models import AMBASSADOR_PROJECT, Cohort, Enrolment, Programme

if TYPE_CHECKING:
    from jobbro.citizens.access import Opened
    from jobbro.citizens.models import Citizen

# Roles that read programme descriptions, modules and the SIRI deadlines.
READ_ROLES = (Role.AMBASSADOR, Role.CASE_WORKER, Role.TEACHER, Role.MANAGER)
# Roles that describe programmes and make cohorts: the ambassador is the project coordinator
# (seeds 001 and 003, "Integrations- og beskæftigelsesambassadørens rolle").
EDIT_ROLES = (Role.AMBASSADOR,)
# Roles that fetch the SIRI description (a report without personal data).
SIRI_ROLES = (Role.AMBASSADOR, Role.MANAGER)
# Roles that read a programme's economy (costs and benefit saved, aggregates folded).
ECONOMY_ROLES = SIRI_ROLES
# Roles that open cohorts with their participants.
COHORT_ROLES = (Role.AMBASSADOR, Role.CASE_WORKER, Role.TEACHER)
# Roles that enrol citizens and end enrolments, for citizens in their own context.
ENROL_ROLES = (Role.CASE_WORKER, Role.AMBASSADOR)

# What a teacher sees of a participant (issue 10: name, contact phone, Danish level, and the
# cohort's schedule, which is the cohort's, not the citizen's).
TEACHER_FIELDS = ("first_name", "last_name", "phone", "danish_course", "danish_module")
# What others see of a cohort's participants (their own context): name and enrolment.
STAFF_FIELDS = ("first_name", "last_name", "enrolment")


def not_ended(enrolments: QuerySet[Enrolment]) -> QuerySet[Enrolment]:
    """Enrolments that have not ended before today (ongoing, or starting later)."""
    today = timezone.localdate()
    return enrolments.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))


def ambassador_project_enrolments() -> QuerySet[Enrolment]:
    """Enrolments in the ambassador project that have not ended: the ambassador's context."""
    return not_ended(Enrolment.objects.filter(programme__code=AMBASSADOR_PROJECT))


def taught_enrolments(user) -> QuerySet[Enrolment]:
    """Enrolments, not ended, in the cohorts this teacher teaches: the teacher's context."""
    return not_ended(Enrolment.objects.filter(cohort__teachers=user))


def ambassador_project() -> Programme:
    return Programme.objects.get(code=AMBASSADOR_PROJECT)


def programmes_for(user) -> QuerySet[Programme]:
    if not user.is_active or user.role not in READ_ROLES:
        return Programme.objects.none()
    return Programme.objects.all()


def open_programme(user, pk: int) -> Programme:
    """A programme for a page (its description holds no personal data); Http404 if none."""
    programme = programmes_for(user).filter(pk=pk).first()
    if programme is None:
        raise Http404
    return programme


def open_programme_for_change(user, pk: int) -> Programme:
    """A programme to change its description or its rows: the edit roles only."""
    programme = open_programme(user, pk)
    if user.role not in EDIT_ROLES:
        raise PermissionDenied(_("Du kan ikke ændre dette."))
    return programme


def open_part(user, pk: int, slug: str, row_pk: int | None = None):
    """(programme, part, row) for editing one row of a programme's description (parts.py):
    Http404 for an unknown part or a row of another programme, PermissionDenied for a
    role that may not change programmes. `row` is None for a new row."""
    from .parts import PARTS

    part = PARTS.get(slug)
    if part is None:
        raise Http404
    programme = open_programme_for_change(user, pk)
    if row_pk is None:
        return programme, part, None
    row = part.model._default_manager.filter(programme=programme, pk=row_pk).first()
    if row is None:
        raise Http404
    return programme, part, row


def cohorts_for(user) -> QuerySet[Cohort]:
    """The cohorts this user may open: a teacher their own, the ambassador and case workers
    every cohort (whose participants they see only as far as their own context goes)."""
    if not user.is_active or user.role not in COHORT_ROLES:
        return Cohort.objects.none()
    cohorts = Cohort.objects.select_related("programme")
    if user.role == Role.TEACHER:
        return cohorts.filter(teachers=user)
    return cohorts


@dataclass(frozen=True)
class OpenedCohort:
    cohort: Cohort
    may_change: bool
    # The fields of each participant this user sees; () for the full rows (through the
    # case file's own rules).
    teacher_view: bool


def open_cohort(user, pk: int, *, for_change: bool = False) -> OpenedCohort:
    """The one way to open a cohort for a page. Http404 when the user may not see it (a
    teacher of another cohort); PermissionDenied when `for_change` asks for more."""
    cohort = cohorts_for(user).filter(pk=pk).first()
    if cohort is None:
        raise Http404
    may_change = user.role in EDIT_ROLES
    if for_change and not may_change:
        raise PermissionDenied(_("Du kan ikke ændre dette."))
    return OpenedCohort(cohort, may_change, user.role == Role.TEACHER)


def participants(opened: OpenedCohort, user) -> QuerySet[Enrolment]:
    """The cohort's enrolments whose citizen this user may see: a teacher all of their
    cohort's current participants; others those in their own context (`citizens_for`)."""
    from jobbro.citizens.access import citizens_for

    enrolments = opened.cohort.enrolments.select_related("citizen").order_by(
        "citizen__last_name", "citizen__first_name", "pk"
    )
    if opened.teacher_view:
        return not_ended(enrolments)
    return enrolments.filter(citizen__in=citizens_for(user))


def may_enrol(user, purpose: str) -> bool:
    """Enrol a citizen opened for `purpose`, or end their enrolment: a case worker or the
    ambassador, in their own context (not on a stated reason)."""
    from jobbro.audit.models import Purpose

    return user.role in ENROL_ROLES and purpose in (
        Purpose.CASELOAD,
        Purpose.TEAM,
        Purpose.PROJECT,
    )


def open_for_enrolment(user, citizen_pk: int) -> "Opened[Citizen]":
    """A citizen opened to be enrolled: in the user's own context (`may_enrol`)."""
    from jobbro.citizens.access import open_citizen

    return open_citizen(user, citizen_pk, for_change=True, change_rule=may_enrol)


def open_enrolment(user, pk: int, *, for_change: bool = False):
    """The one way to open an enrolment for a page: (enrolment, its citizen opened)."""
    from jobbro.citizens.access import open_citizen

    enrolment = Enrolment.objects.select_related("programme", "cohort").filter(pk=pk).first()
    if enrolment is None:
        raise Http404
    opened = open_citizen(user, enrolment.citizen_id, for_change=for_change, change_rule=may_enrol)
    return enrolment, opened
