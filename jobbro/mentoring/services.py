"""Writes of language buddies: added to a placement, ended."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.models import User
from jobbro.placements.models import Placement

from .models import LanguageBuddy


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
