"""Writes of the job bank: a company with its first history, status changes, and what is
added to a company (contacts, the contact log, demand, barometer answers)."""

import datetime as dt
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from jobbro.accounts.models import Role, User
from jobbro.core.locking import save_versioned

from .models import (
    BarometerSurvey,
    Company,
    Contact,
    ContactLogEntry,
    Demand,
    Opening,
    PartnershipChange,
    PartnershipStatus,
)


@transaction.atomic
def company_create(*, company: Company, by: User) -> Company:
    """Save a new company and start its partnership history. A company consultant who
    names no key account becomes it."""
    if company.key_account_id is None and by.role == Role.COMPANY_CONSULTANT:
        company.key_account = by
    company.full_clean()
    company.save()
    PartnershipChange.objects.create(
        company=company,
        status=company.partnership_status,
        changed_by=by,
        # Stored in Danish, as every record is, whatever the writer's interface language.
        reason=gettext_noop("Virksomheden er oprettet i jobbanken."),
    )
    return company


@transaction.atomic
def partnership_change(
    *, company: Company, status: str, by: User, reason: str, at: dt.datetime | None = None
) -> PartnershipChange:
    """Change the non-binding partnership status, keeping who, when and why.

    A pause or an end needs a reason: the next consultant must know why the company said no.
    """
    if status not in PartnershipStatus.values:
        raise ValidationError({"status": _("Vælg en gyldig status for samarbejdet.")})
    if status == company.partnership_status:
        raise ValidationError({"status": _("Samarbejdet har allerede denne status.")})
    reason = (reason or "").strip()
    if status != PartnershipStatus.ACTIVE and not reason:
        raise ValidationError(
            {"reason": _("Skriv hvorfor samarbejdet sættes på pause eller afsluttes.")}
        )
    change = PartnershipChange.objects.create(
        company=company,
        status=status,
        changed_by=by,
        changed_at=at or timezone.now(),
        reason=reason,
    )
    company.partnership_status = status
    company.save(update_fields=["partnership_status", "updated_at"])
    return change


M = TypeVar("M", bound=models.Model)


def _add(item: M) -> M:
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def contact_add(*, item: Contact, by: User) -> Contact:
    return _add(item)


@transaction.atomic
def contact_log_add(*, item: ContactLogEntry, by: User) -> ContactLogEntry:
    """Record a call, visit or mail with the company, by this user."""
    item.by = by
    return _add(item)


@transaction.atomic
def demand_add(*, item: Demand, by: User) -> Demand:
    """Record demand; without an industry code it is the company's."""
    item.industry_code = item.industry_code or item.company.industry_code
    return _add(item)


@transaction.atomic
def survey_add(*, item: BarometerSurvey, by: User) -> BarometerSurvey:
    """Record an answer to the job barometer, by this user."""
    item.recorded_by = by
    return _add(item)


@transaction.atomic
def opening_create(*, opening: Opening, by: User) -> Opening:
    """A new opening at its company (capacity at least 1, hours in range: Opening.clean).
    The legal checks only warn, so they are the view's to show."""
    return _add(opening)


@transaction.atomic
def company_change(*, company: Company, version: int | None, by: User) -> Company:
    """Save an edited company (its form has set the fields). Refused, with the Danish
    message, when someone else saved it since `version` was read; its partnership changes
    only through `partnership_change`."""
    company.full_clean()
    save_versioned(company, version=version, what=_("Virksomheden"))
    return company


@transaction.atomic
def opening_change(*, opening: Opening, version: int | None, by: User) -> Opening:
    """Save an edited opening (capacity at least 1, hours in range: Opening.clean), unless
    someone else saved it since `version` was read."""
    opening.full_clean()
    save_versioned(opening, version=version, what=_("Åbningen"))
    return opening
