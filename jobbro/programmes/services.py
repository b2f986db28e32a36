"""Writes of programmes, cohorts and enrolments, with their rules (keyword-only, one
transaction each)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from jobbro.accounts.models import User
from jobbro.citizens.models import Citizen, EventKind, TimelineEvent

from .models import Cohort, EndReason, Enrolment, Programme


def cohort_places_taken(cohort: Cohort, day: dt.date) -> int:
    """How many of the cohort's places are taken from `day` on: its enrolments not ended
    before that day (a later start holds its place already)."""
    return cohort.enrolments.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day)).count()


def _note(citizen_id: int, text: str, by: User | None) -> None:
    TimelineEvent.objects.create(citizen_id=citizen_id, kind=EventKind.NOTE, text=text, actor=by)


@transaction.atomic
def enrolment_create(
    *,
    citizen: Citizen,
    programme: Programme,
    starts_on: dt.date,
    by: User | None,
    cohort: Cohort | None = None,
) -> Enrolment:
    """Enrol a citizen from `starts_on` (the handover date). A cohort's capacity holds: the
    cohort's row is locked while its places are counted, so two enrolments at once cannot
    both take the last place."""
    if cohort is not None:
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        if cohort_places_taken(cohort, max(starts_on, cohort.starts_on)) >= cohort.capacity:
            raise ValidationError(
                _("Holdet %(cohort)s er fuldt: alle %(n)d pladser er optaget.")
                % {"cohort": cohort.name, "n": cohort.capacity},
                code="full",
            )
    enrolment = Enrolment(
        citizen=citizen, programme=programme, cohort=cohort, starts_on=starts_on, created_by=by
    )
    enrolment.full_clean()
    enrolment.save()
    _note(citizen.pk, _("Indskrevet i %(p)s") % {"p": programme.name}, by)
    return enrolment


@transaction.atomic
def enrolment_end(
    *, enrolment: Enrolment, ends_on: dt.date, reason: str, note: str = "", by: User
) -> Enrolment:
    """End an enrolment on `ends_on` with its reason."""
    if reason not in EndReason.values:
        raise ValidationError({"end_reason": _("Vælg en afslutningsårsag.")}, code="reason")
    enrolment.ends_on = ends_on
    enrolment.end_reason = reason
    enrolment.end_note = note
    enrolment.version += 1
    enrolment.full_clean()
    enrolment.save()
    _note(
        enrolment.citizen_id,
        _("Udskrevet af %(p)s: %(r)s")
        % {"p": enrolment.programme.name, "r": EndReason(reason).label},
        by,
    )
    return enrolment
