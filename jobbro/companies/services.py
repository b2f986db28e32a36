"""Writes across the job bank's models: a company with its first history, status changes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .models import Company, PartnershipChange, PartnershipStatus


@transaction.atomic
def company_create(*, company: Company, by) -> Company:
    """Save a new company and start its partnership history."""
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
def partnership_change(*, company: Company, status: str, by, reason: str, at=None):
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
