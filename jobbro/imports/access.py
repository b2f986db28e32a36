"""Who may import, and which batch a user may open: only their own."""

from django.http import Http404

from jobbro.accounts.models import Role

from .models import ImportBatch

IMPORT_ROLES = (Role.CASE_WORKER, Role.ADMINISTRATOR)


def open_batch(user, pk: int) -> ImportBatch:
    """The user's own import; anyone else's is not found (its rows are another's file)."""
    batch = ImportBatch.objects.filter(pk=pk, created_by=user).first()
    if batch is None:
        raise Http404
    return batch
