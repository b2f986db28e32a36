"""Writes of mentoring: language buddies on a placement; mentors, their matches with citizens
and the meetings of a match."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.models import Role, User
from jobbro.cases.services import mentor_assign, mentor_end
from jobbro.citizens.models import Citizen
from jobbro.citizens.status import CaseStatus
from jobbro.placements.models import Placement

from .models import (
    OPEN_MATCH,
    Answer,
    LanguageBuddy,
    MatchStatus,
    Mentor,
    MentorMatch,
    MentorMeeting,
)


def buddy_add(
    *,
    placement: Placement,
    by: User,
    name: str,
    started_on: dt.date,
    job_title: str = "",
    language_teacher: str = "",
) -> LanguageBuddy:
    if placement.starts_on and started_on < placement.starts_on:
        raise ValidationError({"started_on": _("En sprogmakker kan ikke starte før forløbet.")})
    return LanguageBuddy.objects.create(
        placement=placement,
        created_by=by,
        name=name,
        job_title=job_title,
        language_teacher=language_teacher,
        started_on=started_on,
    )


def buddy_end(*, buddy: LanguageBuddy, by: User, ended_on: dt.date | None = None) -> LanguageBuddy:
    ended_on = ended_on or timezone.localdate()
    if ended_on < buddy.started_on:
        raise ValidationError({"ended_on": _("Slutdatoen kan ikke ligge før start.")})
    if buddy.ended_on is None:
        buddy.ended_on = ended_on
        buddy.save(update_fields=["ended_on"])
    return buddy


# Mentors and their matches -------------------------------------------------------------


@transaction.atomic
def mentor_save(*, mentor: Mentor, by: User) -> Mentor:
    """Create or change a mentor of the corps (the form has set the fields)."""
    if mentor.pk is None:
        mentor.created_by = by
    if mentor.is_chief:
        mentor.chief = None
    chief, login = mentor.chief, mentor.user
    if chief is not None and (chief.pk == mentor.pk or not chief.is_chief):
        raise ValidationError({"chief": _("Vælg en chefmentor.")})
    if login is not None and (login.role != Role.MENTOR or not login.is_active):
        raise ValidationError({"user": _("Vælg en aktiv bruger med rollen mentor.")})
    mentor.full_clean(exclude=["created_by"])
    mentor.save()
    return mentor


@transaction.atomic
def match_propose(
    *, citizen: Citizen, mentor: Mentor, by: User, proposed_on: dt.date | None = None
) -> MentorMatch:
    """The municipality proposes a mentor for a citizen ("Det er kommunerne, der står for
    match mellem mentor og flygtning", seed 002); both must then say yes."""
    if not mentor.active:
        raise ValidationError({"mentor": _("Mentoren er ikke aktiv.")})
    if citizen.current_status == CaseStatus.CLOSED:
        raise ValidationError(_("En lukket sag kan ikke få en mentor."))
    if MentorMatch.objects.filter(citizen=citizen, status__in=OPEN_MATCH).exists():
        raise ValidationError(
            _("Borgeren har allerede et foreslået eller aftalt match. Afslut det først.")
        )
    match = MentorMatch(
        citizen=citizen,
        mentor=mentor,
        proposed_on=proposed_on or timezone.localdate(),
        proposed_by=by,
    )
    match.full_clean()
    match.save()
    return match


SIDES = ("mentor", "citizen")


@transaction.atomic
def match_answer(
    *, match: MentorMatch, side: str, answer: str, reason: str, by: User
) -> MentorMatch:
    """Record one side's answer. A "no" needs a reason and declines the match; when both
    have said yes the match is agreed, and a mentor with a login becomes the case's mentor
    (cases.services.mentor_assign: the access to the mentee goes through it)."""
    match = (
        MentorMatch.objects.select_for_update().select_related("mentor", "citizen").get(pk=match.pk)
    )
    if side not in SIDES or answer not in Answer.values:
        raise ValidationError(_("Vælg hvem der svarer, og hvad de svarer."))
    if match.status != MatchStatus.PROPOSED:
        raise ValidationError(_("Matchet er ikke længere et forslag."))
    reason = reason.strip()
    if answer == Answer.NO and not reason:
        raise ValidationError({"reason": _("Skriv hvorfor der er takket nej.")})
    setattr(match, f"{side}_answer", answer)
    setattr(match, f"{side}_reason", reason if answer == Answer.NO else "")
    if answer == Answer.NO:
        match.status = MatchStatus.DECLINED
    elif match.mentor_answer == match.citizen_answer == Answer.YES:
        match.status, match.started_on = MatchStatus.AGREED, timezone.localdate()
        login = match.mentor.user
        if login is not None:
            match.mentorship = mentor_assign(
                citizen=match.citizen, by=by, mentor=login, starts_on=match.started_on
            )
    match.full_clean()
    match.save()
    return match


@transaction.atomic
def match_end(*, match: MentorMatch, by: User, ended_on: dt.date | None = None) -> MentorMatch:
    """End an agreed match (or withdraw a proposal); the case's mentor assignment it made
    ends with it, so the mentor no longer sees the mentee."""
    ended_on = ended_on or timezone.localdate()
    if not match.is_open:
        raise ValidationError(_("Matchet er allerede afsluttet."))
    if match.started_on and ended_on < match.started_on:
        raise ValidationError({"ended_on": _("Slutdatoen kan ikke ligge før start.")})
    current = match.mentorship
    if current and current.ends_on is None and match.citizen.mentor_id == current.mentor_id:
        mentor_end(citizen=match.citizen, by=by, ends_on=max(ended_on, current.starts_on))
    match.status, match.ended_on = MatchStatus.ENDED, ended_on
    match.save(update_fields=["status", "ended_on"])
    return match


@transaction.atomic
def meeting_add(
    *, match: MentorMatch, by: User, met_on: dt.date, minutes: int, note: str = ""
) -> MentorMeeting:
    """Log a meeting of an agreed match: not before it was agreed, not in the future."""
    if match.status != MatchStatus.AGREED:
        raise ValidationError(_("Møder kan kun registreres for et aftalt match."))
    if met_on > timezone.localdate():
        raise ValidationError({"met_on": _("Mødet kan ikke ligge ude i fremtiden.")})
    if match.started_on and met_on < match.started_on:
        raise ValidationError({"met_on": _("Mødet kan ikke ligge før matchet blev aftalt.")})
    meeting = MentorMeeting(
        match=match, met_on=met_on, minutes=minutes, note=note.strip(), created_by=by
    )
    meeting.full_clean()
    meeting.save()
    return meeting
