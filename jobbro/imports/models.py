"""An import of citizens from another system's XLSX or CSV (issue 9.6)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.citizens.fields import EncryptedTextField


class BatchState(models.TextChoices):
    PREVIEW = "preview", _("Til gennemsyn")
    IMPORTED = "imported", _("Importeret")
    DISCARDED = "discarded", _("Kasseret")


class ImportBatch(models.Model):
    """One uploaded file between its preview and its import.

    The rows (CPR numbers, names) are kept encrypted and only until the import is done or
    discarded: then they are wiped and only the counts remain, as the record of the import.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    rows = EncryptedTextField(blank=True)  # JSON: [[cell, ...], ...] under the header
    row_count = models.PositiveIntegerField(default=0)
    state = models.CharField(max_length=10, choices=BatchState.choices, default=BatchState.PREVIEW)
    created_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Import {self.pk} ({self.get_state_display()})"
