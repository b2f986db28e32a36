"""Who sees which handover: the case worker who gave a case and the one who received it,
alike, even when the giver no longer has the citizen in their context (the purpose is the
handover they took part in, `Purpose.HANDOVER`)."""

from django.db.models import Q, QuerySet

from .models import Transfer


def transfers_for(user) -> QuerySet[Transfer]:
    """The handovers to and from this user."""
    return Transfer.objects.filter(Q(to_case_worker=user) | Q(from_case_worker=user))
