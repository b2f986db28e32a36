"""Who sees the goals' numbers, and over which citizens (docs/architecture.md, "Where access
is decided").

The pages show numbers; a number links to the persons behind it for the ambassador and
case workers (`persons`: only those `citizens_for` lets them see, logged as every list), and
to the same number broken down for a manager (`number_url`). What differs by role is which citizens the numbers
count and whether small groups are folded:

- **Managers** (the steering group): every citizen; every group under 5 people folded
  (`lib.aggregates`), since they may not see persons ("aggregates; no personal details").
- **The ambassador** (the project coordinator): the ambassador project's participants,
  present and past (whom they coordinate; seed 004's own table has its 1s and 2s), unfolded;
  any other programme and the municipality's measures as the managers see them, folded.
- **Case workers**: their own and their team's caseload (`citizens_for`), unfolded: they may
  open each of those citizens anyway.
- Administrators (configuration), company consultants, teachers and mentors are refused:
  the numbers are about the whole job centre's citizens, which none of them work with.

The numbers hold no person, so opening them writes no access log.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jobbro.accounts.models import Role
from jobbro.programmes.models import AMBASSADOR_PROJECT

READERS = (Role.MANAGER, Role.AMBASSADOR, Role.CASE_WORKER)
# Who may follow a number to the persons behind it (of those they may see: `citizens_for`);
# a manager follows it to the same number broken down, never to persons (the dashboard's
# aggregate page, front/dashboard.py).
PERSON_READERS = (Role.AMBASSADOR, Role.CASE_WORKER)


def number_url(user, key: str, start, end) -> str:
    """Where a goals number links: its persons for those who see persons, its aggregate for
    a manager (the same rows, by gender, arrival, readiness and nationality, folded)."""
    from urllib.parse import urlencode

    from django.urls import reverse

    query = urlencode({"tal": key, "date_from": f"{start:%d.%m.%Y}", "date_to": f"{end:%d.%m.%Y}"})
    if user.role in PERSON_READERS:
        return reverse("goals:persons") + "?" + query
    if user.role == Role.MANAGER:
        return reverse("front:overview_number") + "?" + query
    return ""


@dataclass(frozen=True)
class Scope:
    citizens: QuerySet | None  # None: every citizen
    fold: bool  # fold groups under 5 people
    text: object  # what the numbers cover, in Danish


EVERYONE = Scope(None, True, _("Tal for hele kommunen. Grupper under 5 personer er lagt sammen."))


def scope_for(user, programme=None) -> Scope:
    """The citizens `user`'s numbers count, for `programme` (None: the whole municipality)."""
    from jobbro.citizens.access import citizens_for

    if user.role == Role.CASE_WORKER:
        return Scope(citizens_for(user), False, _("Tal for din og dit teams sagsstamme."))
    if (
        user.role == Role.AMBASSADOR
        and programme is not None
        and programme.code == AMBASSADOR_PROJECT
    ):
        return Scope(None, False, _("Tal for projektets deltagere, nuværende og tidligere."))
    return EVERYONE


def measures_citizens(scope: Scope, programme=None):
    """The citizens the national measures count for `scope`: narrowed to `programme`'s
    participants, present and past, when one is named (None: the whole municipality)."""
    if programme is None:
        return scope.citizens
    from jobbro.citizens.models import Citizen
    from jobbro.programmes.models import Enrolment

    enrolled = Enrolment.objects.filter(programme=programme).values("citizen")
    citizens = Citizen.objects.all() if scope.citizens is None else scope.citizens
    return citizens.filter(pk__in=enrolled)
