"""Writes of the trauma screening: screenings, the team's referrals, named access."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro.accounts.models import User
from jobbro.citizens.models import Citizen

from .access import NAMEABLE_ROLES
from .models import NamedAccess, Referral, Screening


def _not_in_future(day: dt.date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("Datoen må ikke ligge i fremtiden.")})


def screening_record(
    *,
    citizen: Citizen,
    by: User,
    screened_on: dt.date,
    tool: str,
    indication: str,
    family_with_children: bool = False,
    note: str = "",
) -> Screening:
    _not_in_future(screened_on, "screened_on")
    return Screening.objects.create(
        citizen=citizen,
        screened_by=by,
        screened_on=screened_on,
        tool=tool,
        indication=indication,
        family_with_children=family_with_children,
        note=note,
    )


def referral_record(
    *,
    screening: Screening,
    by: User,
    decided_on: dt.date,
    offer: str,
    referred_to: str = "",
    status: str,
    note: str = "",
) -> Referral:
    _not_in_future(decided_on, "decided_on")
    if decided_on < screening.screened_on:
        raise ValidationError(
            {"decided_on": _("Teamets beslutning kan ikke ligge før screeningen.")}
        )
    return Referral.objects.create(
        screening=screening,
        created_by=by,
        decided_on=decided_on,
        offer=offer,
        referred_to=referred_to,
        status=status,
        note=note,
    )


def access_name(*, citizen: Citizen, user: User, reason: str, by: User) -> NamedAccess:
    if user.role not in NAMEABLE_ROLES or not user.is_active:
        raise ValidationError(
            {"user": _("Kun sagsbehandlere og ambassadører kan få adgang til en screening.")}
        )
    if user.pk == citizen.case_worker_id:
        raise ValidationError({"user": _("Borgerens egen sagsbehandler har allerede adgang.")})
    if NamedAccess.objects.filter(citizen=citizen, user=user, ended_at__isnull=True).exists():
        raise ValidationError({"user": _("Brugeren har allerede adgang.")})
    return NamedAccess.objects.create(citizen=citizen, user=user, reason=reason, named_by=by)


def access_end(*, access: NamedAccess, by: User) -> NamedAccess:
    if access.ended_at is None:
        access.ended_at = timezone.now()
        access.save(update_fields=["ended_at"])
    return access
