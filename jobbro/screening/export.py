"""The trauma screening's section of the data-subject export: the citizen has the right to
see it like the rest (jobbro/citizens/subject_export.py)."""

from django.utils.translation import gettext_lazy as _

from jobbro.citizens.subject_export import records, section

from .models import NamedAccess, Referral, Screening


@section("trauma_screening", _("Traumescreening"), order=45)
def screenings(citizen):
    yield records(
        "screenings",
        _("Screeninger"),
        Screening.objects.filter(citizen=citizen).select_related("screened_by"),
        ["screened_on", "tool", "indication", "family_with_children", "note", "screened_by"],
        model=Screening,
    )
    yield records(
        "referrals",
        _("Teamets beslutninger og henvisninger"),
        Referral.objects.filter(screening__citizen=citizen).select_related("created_by"),
        ["decided_on", "offer", "referred_to", "status", "note", "created_by"],
        model=Referral,
    )
    yield records(
        "named_access",
        _("Medarbejdere med adgang til screeningen"),
        NamedAccess.objects.filter(citizen=citizen).select_related("user", "named_by"),
        ["user", "reason", "named_by", "named_at", "ended_at"],
        model=NamedAccess,
    )
