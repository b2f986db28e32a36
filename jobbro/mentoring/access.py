"""Who may do what with mentors and their matches: the one place that decides it.

* The mentor corps (`Mentor`: volunteers, colleagues, chief mentors) is kept by the
  ambassador and the case workers (`CORPS_ROLES`): they list, add and change mentors. A
  mentor is a third party, not a citizen: the list shows no citizen.
* A citizen's matches (proposing a mentor, each side's answer, ending, meetings) open through
  `citizens.access.open_citizen`: a case worker or the ambassador in their own context
  changes them (`may_match`, as enrolment: never on a stated reason); on a stated reason they
  read them only.
* A mentor with a Jobbro login (role mentor) opens the matches where they are the mentor
  while they are the case's current mentor (purpose "mentee"), and logs the meetings of an
  agreed one; they never see the other answers' reasons or other mentors' matches.
* Company consultants, teachers, managers and administrators do not use mentoring (managers
  see aggregates elsewhere).
"""

from django.http import Http404

from jobbro.accounts.models import Role
from jobbro.audit.models import Purpose
from jobbro.citizens.access import Opened, open_citizen

from .models import MatchStatus, MentorMatch

CORPS_ROLES = (Role.AMBASSADOR, Role.CASE_WORKER)
MATCH_ROLES = (*CORPS_ROLES, Role.MENTOR)
OWN_CONTEXT = (Purpose.CASELOAD, Purpose.TEAM, Purpose.PROJECT)


def may_match(user, purpose: str) -> bool:
    """Propose, answer for a side or end a match: staff of the corps in their own context."""
    return user.role in CORPS_ROLES and purpose in OWN_CONTEXT


def may_log_meeting(user, purpose: str) -> bool:
    """Log a meeting: those who may match, and the mentor themself (their mentee)."""
    return may_match(user, purpose) or (user.role == Role.MENTOR and purpose == Purpose.MENTEE)


def open_for_matches(user, citizen_pk: int, *, for_change: bool = False) -> Opened:
    """A citizen for their matches page: staff of the corps only (a mentor uses the match)."""
    if user.role not in CORPS_ROLES:
        raise Http404
    return open_citizen(user, citizen_pk, for_change=for_change, change_rule=may_match)


def open_match(
    user, pk: int, *, for_change: bool = False, meeting: bool = False
) -> tuple[MentorMatch, Opened]:
    """One match and its citizen, opened for this user. A mentor opens only their own match,
    and only while they are the case's mentor; `meeting` asks for logging a meeting (the
    mentor may), any other change for `may_match`."""
    match = MentorMatch.objects.select_related("mentor", "citizen").filter(pk=pk).first()
    if match is None or user.role not in MATCH_ROLES:
        raise Http404
    if user.role == Role.MENTOR and (
        match.mentor.user_id != user.pk or match.status != MatchStatus.AGREED
    ):
        raise Http404
    rule = may_log_meeting if meeting else may_match
    opened = open_citizen(user, match.citizen_id, for_change=for_change, change_rule=rule)
    return match, opened


def sees_reasons(user) -> bool:
    """The answers' reasons are for the staff who make the match, not for the mentor."""
    return user.role in CORPS_ROLES
